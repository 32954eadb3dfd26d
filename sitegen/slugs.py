"""Slugs: the names that become folder names and URL segments."""

from __future__ import annotations

import re
import unicodedata

# File systems allow 255 bytes per name; stay well below so "page/2" and suffixes still fit.
MAX_SLUG_LENGTH = 120
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str) -> str:
    """``"Jessica Levinson"`` -> ``"jessica-levinson"``; accents folded, punctuation dropped."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", folded.lower().replace("'", "").replace("’", ""))
    return "-".join(words)


def slug_problem(slug: str) -> str | None:
    """Why ``slug`` cannot be used as a folder name and URL segment, or None when it can."""
    if not slug:
        return "is empty"
    if slug in (".", "..") or "/" in slug or "\\" in slug:
        return "would escape the output folder"
    if len(slug) > MAX_SLUG_LENGTH:
        return f"is {len(slug)} characters long; at most {MAX_SLUG_LENGTH} fit in a file name"
    if not SLUG_RE.match(slug):
        suggestion = slugify(slug)
        hint = f" (try '{suggestion}')" if suggestion else ""
        return f"must be lower-case letters, digits and single hyphens{hint}"
    return None


def name_key(name: str) -> str:
    """How names are compared: case, accents and spacing do not matter."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii") or name
    return " ".join(folded.casefold().replace(".", " ").split())
