"""What the host a site is published on accepts, checked after each build.

GitHub Pages, where ``sitegen init`` sites are published, refuses a site larger than 1 GB;
an archive of tens of thousands of articles can reach that. A build that goes over still
succeeds (the site is fine on another host), but says so, with the size, so that nobody learns
it from a failed deployment.
"""

from __future__ import annotations

# "Published GitHub Pages sites may be no larger than 1 GB": counted in decimal gigabytes, the
# smaller reading, so that a site this passes is under the limit either way.
GITHUB_PAGES_LIMIT = 1_000_000_000


def size_warning(site_bytes: int) -> str | None:
    """The warning for a built site of ``site_bytes`` bytes, or None while it is within the limit."""
    if site_bytes <= GITHUB_PAGES_LIMIT:
        return None
    return (f"the built site is {site_bytes / 1e9:.2f} GB ({site_bytes:,} bytes), over the "
            f"{GITHUB_PAGES_LIMIT / 1e9:g} GB that GitHub Pages publishes: a deployment there will fail")
