"""Full-text search: a Pagefind index of the built site, and the page that queries it.

Pagefind reads the finished HTML and writes a static index split into small chunks, so search
works on GitHub Pages with no server: the browser fetches only the chunks a query needs. What
is indexed and how results can be filtered is said in the templates with ``data-pagefind-*``
attributes (``article.html`` and ``partials/search-filters.html``), not here.

One Pagefind run holds its whole index in memory, about 340 KB a page (3.4 GB at 10,000
articles, more than a GitHub-hosted runner has at 100,000). So a large archive's pages are
split into blocks of about ``BLOCK_PAGES`` (on average at most that), each indexed by a run of its own into a bundle of
its own, and the search page merges them (Pagefind's ``mergeIndex``). A page's block depends on
its path alone, and a block whose pages are byte for byte as before keeps its bundle: an edit
is indexed again with the few thousand pages of its block, not with the whole archive.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .cache import digest
from .config import Config

if TYPE_CHECKING:  # render.pages yields the search page, so importing it here would be circular
    from .render import OutputFile
    from .render.pages import Renderer

BUNDLE_DIR = "pagefind"  # the index, under the output folder; search.js loads it from there
BLOCK_PAGES = 4000  # pages a Pagefind run indexes, on average at most (see the module docstring)
BLOCKS_FILE = "blocks.json"  # in BUNDLE_DIR: the other blocks' bundles, for search.js to merge
PAGE_MARK = b"data-pagefind-body"  # pages that have it are indexed; if none has it, every page is
# ... as an attribute of a tag, not as words of an article about Pagefind
PAGE_MARK_ATTRIBUTE = re.compile(rb"<[a-zA-Z][^<>]*\sdata-pagefind-body(?=[\s=/>])")
SEARCH_PAGE = "search/"
FILTERS = ("person", "topic", "year")  # the filter names the templates and search.js share


class SearchIndexError(Exception):
    pass


class IndexingCancelled(SearchIndexError):
    """Indexing was stopped from outside (``sitegen serve``: an edit came in meanwhile)."""


def index_site(output_dir: Path, config: Config, cancel: threading.Event | None = None,
               previous: tuple[Path, dict] | None = None) -> dict[int, str]:
    """Index the site built into ``output_dir`` into ``<output_dir>/pagefind/``, block by block;
    returns each block's basis, for the next build's ``previous``.

    Meant to run on the staging folder of a whole new tree before it is swapped into place, so
    that a failed index leaves the previous site untouched like any other failed build.
    ``previous`` is the output being replaced and what this returned when its index was made:
    a block of the same basis is hard-linked from there. ``config`` is the build's; the index
    itself needs nothing from it today (Pagefind reads the language from each page's
    ``lang``), but the hook takes it so indexing options can become settings without a new
    API. Setting ``cancel`` stops Pagefind and raises ``IndexingCancelled``.
    """
    site = Path(output_dir)
    old_site, old_bases = previous or (None, {})
    pages = ((os.path.relpath(path, site).replace(os.sep, "/"), path) for path in _html_files(site))
    return _index_blocks(_indexed_pages(pages), site, cancel, lambda number, basis: (
        old_site is not None and old_bases.get(number) == basis and _link_block(old_site, site, number)))


def index_in_place(output: Path, staging: Path, produced: Iterable[str], staged: set[str], config: Config,
                   cancel: threading.Event | None, old_bases: dict) -> tuple[dict[int, str], list[str], list[str]]:
    """``index_site`` for an update of the output in place (write.update_output): the site is
    the output with the ``staged`` files of ``staging`` over it, and its pages are the
    ``produced`` paths. The blocks indexed again go to ``staging``; a block of the same basis
    as in ``old_bases`` stays where it is. Returns the bases, then the paths (relative to the
    output) of the index's files to move from ``staging`` and of those to delete."""
    pages = ((rel, (staging if rel in staged else output) / rel) for rel in produced if rel.endswith(".html"))
    kept = set()

    def keep(number: int, basis: str) -> bool:
        if old_bases.get(number) == basis and _has_bundle(output / _block_folder(number)):
            kept.add(number)
            return True
        return False

    bases = _index_blocks(_indexed_pages(pages), staging, cancel, keep)
    moves = index_paths(staging)
    moving = set(moves)
    deletions = [rel for rel in index_paths(output) if rel not in moving and _block_of_file(rel) not in kept]
    return bases, moves, deletions


def _index_blocks(pages: dict[str, tuple[Path, str]], bundles: Path, cancel: threading.Event | None,
                  keep) -> dict[int, str]:
    """Index ``pages`` block by block into ``bundles``/pagefind/…, except the blocks that
    ``keep(number, basis)`` keeps; write the list of blocks; return each block's basis."""
    blocks = _blocks(pages)
    bases = {}
    pagefind = _pagefind_version()  # (read off the installed packages: once, not a block)
    for number, block in enumerate(blocks):
        bases[number] = basis = digest(pagefind, len(blocks),
                                       *sorted((rel, sha) for rel, (_, sha) in block.items()))
        if not keep(number, basis):
            _index_block(sorted((rel, path) for rel, (path, _) in block.items()), bundles / _block_folder(number),
                         bundles, cancel)
    (bundles / BUNDLE_DIR).mkdir(parents=True, exist_ok=True)
    (bundles / BUNDLE_DIR / BLOCKS_FILE).write_text(
        json.dumps([_block_folder(n).removeprefix(BUNDLE_DIR + "/") + "/" for n in range(1, len(blocks))]) + "\n",
        encoding="utf-8")
    return bases


def _html_files(site: Path) -> Iterable[str]:
    for folder, subfolders, files in os.walk(site):
        if folder == str(site):
            subfolders[:] = [name for name in subfolders if name != BUNDLE_DIR]
        yield from (os.path.join(folder, name) for name in files if name.endswith(".html"))


def _indexed_pages(pages: Iterable[tuple[str, Path | str]]) -> dict[str, tuple[Path | str, str]]:
    """The pages Pagefind indexes, of ``pages`` (relative path, where its bytes are): relative
    path -> (where, SHA-256 of its bytes). Those marked with ``data-pagefind-body``, or every
    page if none is (Pagefind's own rule)."""
    marked, every = {}, {}
    for rel, path in pages:
        with open(path, "rb") as handle:
            data = handle.read()
        every[rel] = (path, hashlib.sha256(data).hexdigest())
        if PAGE_MARK in data and PAGE_MARK_ATTRIBUTE.search(data):
            marked[rel] = every[rel]
    return marked or every


def _blocks(pages: dict) -> list[dict]:
    """``pages`` in blocks of at most about BLOCK_PAGES; a page's block depends on its path and
    the number of blocks only, and that number only doubles as the archive grows."""
    count = 1
    while len(pages) > count * BLOCK_PAGES:
        count *= 2
    while True:
        blocks: list[dict] = [{} for _ in range(count)]
        for rel, page in pages.items():
            blocks[int.from_bytes(hashlib.sha256(rel.encode("utf-8")).digest()[:8], "big") % count][rel] = page
        # Pagefind cannot index no page. (Thousands of pages a block leave none empty; fewer
        # blocks are the way out should one ever be.)
        if count == 1 or all(blocks):
            return blocks
        count //= 2


def _block_folder(number: int) -> str:
    return BUNDLE_DIR if number == 0 else f"{BUNDLE_DIR}/block-{number}"


def _block_of_file(rel: str) -> int | None:
    """The block whose bundle holds the index file at ``rel`` (None: the list of blocks)."""
    parts = rel.split("/")
    if len(parts) > 2 and parts[1].startswith("block-") and parts[1][6:].isdigit():
        return int(parts[1][6:])
    return None if parts[1:] == [BLOCKS_FILE] else 0


def _index_block(pages: list[tuple[str, Path | str]], bundle: Path, scratch: Path,
                 cancel: threading.Event | None) -> None:
    """Run Pagefind over ``pages`` (relative path, where its bytes are), hard-linked into a
    folder of their own in ``scratch`` at the same paths, so the index has the same URLs;
    into ``bundle``. ``scratch`` is the build's staging folder: a build killed meanwhile
    leaves nothing that the next one does not remove (write.recover)."""
    _stop_if_asked(cancel)  # (before the links: a few thousand of them)
    farm = Path(tempfile.mkdtemp(prefix=".sitegen-search-", dir=scratch))
    try:
        for rel, path in pages:
            (farm / rel).parent.mkdir(parents=True, exist_ok=True)
            os.link(path, farm / rel)
        run_pagefind(farm, cancel, output=bundle)
    finally:
        shutil.rmtree(farm, ignore_errors=True)


def _has_bundle(folder: Path) -> bool:
    """Whether ``folder`` holds a Pagefind bundle (its script, which the search page loads)."""
    return (folder / "pagefind.js").is_file()


def _stop_if_asked(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise IndexingCancelled("indexing was stopped")


def _link_block(old_site: Path, new_site: Path, number: int) -> bool:
    """Hard-link block ``number``'s bundle from the previous output; False if it is not there."""
    old = old_site / _block_folder(number)
    if not _has_bundle(old):
        return False
    # (the other blocks' bundles, and the list of them, are not the first block's)
    _link_files(old, new_site / _block_folder(number),
                lambda rel: number == 0 and (rel.startswith("block-") or rel == BLOCKS_FILE))
    return True


def _link_files(old: Path, new: Path, leave_out=lambda rel: False) -> None:
    """Hard-link the files under ``old`` to the same places under ``new``."""
    for entry in _index_files(old):
        rel = os.path.relpath(entry.path, old)
        if not leave_out(rel):
            (new / rel).parent.mkdir(parents=True, exist_ok=True)
            os.link(entry.path, new / rel)


def _pagefind_version() -> str | None:
    # (imported here: importlib.metadata is a hundredth of the start of every build, which
    # needs it only to index)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind")
    except PackageNotFoundError:
        return None  # then indexing fails, and says why


def index_basis(units: Iterable) -> str:
    """What an index of the site depends on: the key of every render unit (a unit's key names
    everything its pages are made from, theme and settings included) and Pagefind's version.
    An index made from the same basis would find the same pages: it need not be made again
    (at 10,000 articles Pagefind takes longer than a cold build of the pages)."""
    return digest(_pagefind_version(), BLOCK_PAGES, *((unit.id, unit.key) for unit in units))


def index_bytes(site_dir: Path) -> int:
    """The size of the index in ``site_dir``, for the report's total of the output."""
    return sum(entry.stat().st_size for entry in _index_files(Path(site_dir) / BUNDLE_DIR))


def index_present(site_dir: Path) -> bool:
    """Whether ``site_dir`` holds a whole index: the first block's bundle, and every other one
    its list names (a bundle deleted by hand would break every search)."""
    bundle = Path(site_dir) / BUNDLE_DIR
    try:
        others = json.loads((bundle / BLOCKS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        others = []  # (an index made before blocks: one bundle)
    return all(_has_bundle(bundle / folder) for folder in ["", *map(str, others)])


def index_paths(site_dir: Path) -> list[str]:
    """The paths (relative to ``site_dir``) of the index's files there."""
    return sorted(os.path.relpath(entry.path, site_dir).replace(os.sep, "/")
                  for entry in _index_files(Path(site_dir) / BUNDLE_DIR))


def keep_index(previous_site: Path, new_site: Path) -> None:
    """Hard-link the index of ``previous_site`` into a new tree of the site, ``new_site``."""
    _link_files(Path(previous_site) / BUNDLE_DIR, Path(new_site) / BUNDLE_DIR)


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


def pagefind_command(site_dir: Path, output: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-path", str(output), "--quiet"]


def run_pagefind(site_dir: Path, cancel: threading.Event | None = None, output: Path | None = None) -> None:
    """Run the Pagefind binary that the ``pagefind[extended]`` package ships over ``site_dir``,
    writing the bundle into ``output`` (by default, ``site_dir``'s BUNDLE_DIR)."""
    output = Path(output) if output is not None else Path(site_dir) / BUNDLE_DIR
    _stop_if_asked(cancel)
    try:
        process = subprocess.Popen(pagefind_command(site_dir, output), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)
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
    if process.returncode in (-signal.SIGINT, -signal.SIGTERM):  # (Ctrl+C reaches it too)
        raise IndexingCancelled("Pagefind was interrupted")
    if process.returncode != 0:
        lines = [line.strip() for line in (stderr or stdout).splitlines() if line.strip()]
        detail = " ".join(dict.fromkeys(lines)) or f"exit status {process.returncode}"  # it repeats itself
        raise SearchIndexError(f"Pagefind failed to index the site: {detail}")
    if not _has_bundle(output):
        raise SearchIndexError(f"Pagefind wrote no {BUNDLE_DIR}/pagefind.js "
                               "(is the pagefind[extended] package installed?)")
