"""Full-text search: a Pagefind index of the built site, and the page that queries it.

Pagefind reads the finished HTML and writes a static index split into small chunks, so search
works on GitHub Pages with no server: the browser fetches only the chunks a query needs. What
is indexed and how results can be filtered is said in the templates with ``data-pagefind-*``
attributes (``article.html`` and ``partials/search-filters.html``), not here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config

if TYPE_CHECKING:  # render.pages yields the search page, so importing it here would be circular
    from .render import OutputFile
    from .render.pages import Renderer

BUNDLE_DIR = "pagefind"  # the index, under the output folder; search.js loads it from there
SEARCH_PAGE = "search/"
FILTERS = ("person", "topic", "year")  # the filter names the templates and search.js share


class SearchIndexError(Exception):
    pass


def index_site(output_dir: Path, config: Config) -> None:
    """Index the site built into ``output_dir`` into ``<output_dir>/pagefind/``.

    Meant to run on the staging folder before it is swapped into place, so that a failed index
    leaves the previous site untouched like any other failed build. ``config`` is the build's;
    the index itself needs nothing from it today (Pagefind reads the language from each page's
    ``lang``), but the hook takes it so indexing options can become settings without a new API.
    """
    run_pagefind(Path(output_dir))


def search_page(r: Renderer) -> OutputFile:
    """The ``search/`` page, for the render stage to yield with the site's other pages."""
    return r.page("search.html", r.urls.path(SEARCH_PAGE), title="Search")


def run_pagefind(site_dir: Path) -> None:
    """Run the Pagefind binary that the ``pagefind[extended]`` package ships over ``site_dir``."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE_DIR, "--quiet"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise SearchIndexError(f"could not run Pagefind: {exc}") from exc
    if done.returncode != 0:
        lines = [line.strip() for line in (done.stderr or done.stdout).splitlines() if line.strip()]
        detail = " ".join(dict.fromkeys(lines)) or f"exit status {done.returncode}"  # it repeats itself
        raise SearchIndexError(f"Pagefind failed to index the site: {detail}")
    if not (site_dir / BUNDLE_DIR / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind wrote no {BUNDLE_DIR}/pagefind.js "
                               "(is the pagefind[extended] package installed?)")
