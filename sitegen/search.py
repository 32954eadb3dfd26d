"""Full-text search: a Pagefind index of the built site, and the page that queries it.

Pagefind reads the finished HTML and writes a static index split into small chunks, so search
works on GitHub Pages with no server: the browser fetches only the chunks a query needs. What
is indexed and how results can be filtered is said in the templates with ``data-pagefind-*``
attributes (``article.html`` and ``partials/search-filters.html``), not here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .cache import digest
from .config import Config

if TYPE_CHECKING:  # render.pages yields the search page, so importing it here would be circular
    from .render import OutputFile
    from .render.pages import Renderer

BUNDLE_DIR = "pagefind"  # the index, under the output folder; search.js loads it from there
SEARCH_PAGE = "search/"
FILTERS = ("person", "topic", "year")  # the filter names the templates and search.js share


class SearchIndexError(Exception):
    pass


class IndexingCancelled(SearchIndexError):
    """Indexing was stopped from outside (``sitegen serve``: an edit came in meanwhile)."""


def index_site(output_dir: Path, config: Config, cancel: threading.Event | None = None) -> None:
    """Index the site built into ``output_dir`` into ``<output_dir>/pagefind/``.

    Meant to run on the staging folder before it is swapped into place, so that a failed index
    leaves the previous site untouched like any other failed build. ``config`` is the build's;
    the index itself needs nothing from it today (Pagefind reads the language from each page's
    ``lang``), but the hook takes it so indexing options can become settings without a new API.
    Setting ``cancel`` stops Pagefind and raises ``IndexingCancelled``.
    """
    run_pagefind(Path(output_dir), cancel)


def index_basis(units: Iterable) -> str:
    """What an index of the site depends on: the key of every render unit (a unit's key names
    everything its pages are made from, theme and settings included) and Pagefind's version.
    An index made from the same basis would find the same pages: it need not be made again
    (at 10,000 articles Pagefind takes longer than a cold build of the pages)."""
    try:
        pagefind = version("pagefind")
    except PackageNotFoundError:
        pagefind = None  # then indexing fails, and says why
    return digest(pagefind, *((unit.id, unit.key) for unit in units))


def index_bytes(site_dir: Path) -> int:
    """The size of the index in ``site_dir``, for the report's total of the output."""
    return sum(entry.stat().st_size for entry in _index_files(Path(site_dir) / BUNDLE_DIR))


def keep_index(previous_site: Path, new_site: Path) -> None:
    """Hard-link the index of ``previous_site`` into a new tree of the site, ``new_site``."""
    old, new = Path(previous_site) / BUNDLE_DIR, Path(new_site) / BUNDLE_DIR
    for entry in _index_files(old):
        target = new / os.path.relpath(entry.path, old)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(entry.path, target)


def _index_files(folder: Path) -> Iterable[os.DirEntry]:
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _index_files(Path(entry.path))
        elif entry.is_file(follow_symlinks=False):
            yield entry


def search_page(r: Renderer) -> OutputFile:
    """The ``search/`` page, for the render stage to yield with the site's other pages."""
    return r.page("search.html", r.urls.path(SEARCH_PAGE), title="Search")


def pagefind_command(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE_DIR, "--quiet"]


def run_pagefind(site_dir: Path, cancel: threading.Event | None = None) -> None:
    """Run the Pagefind binary that the ``pagefind[extended]`` package ships over ``site_dir``."""
    if cancel is not None and cancel.is_set():
        raise IndexingCancelled("indexing was stopped")
    try:
        process = subprocess.Popen(pagefind_command(site_dir), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError as exc:
        raise SearchIndexError(f"could not run Pagefind: {exc}") from exc
    with process:
        while True:
            try:  # communicate, not wait: its messages are read as they come, so no pipe fills up
                stdout, stderr = process.communicate(timeout=None if cancel is None else 0.1)
                break
            except subprocess.TimeoutExpired:
                if cancel.is_set():
                    process.kill()
                    process.communicate()
                    raise IndexingCancelled("indexing was stopped") from None
    if process.returncode != 0:
        lines = [line.strip() for line in (stderr or stdout).splitlines() if line.strip()]
        detail = " ".join(dict.fromkeys(lines)) or f"exit status {process.returncode}"  # it repeats itself
        raise SearchIndexError(f"Pagefind failed to index the site: {detail}")
    if not (site_dir / BUNDLE_DIR / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind wrote no {BUNDLE_DIR}/pagefind.js "
                               "(is the pagefind[extended] package installed?)")
