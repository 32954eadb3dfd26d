"""The pipeline, top to bottom: configuration, load, index, plan, render, write."""

from __future__ import annotations

import gc
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError

from . import parallel, paths
from .cache import BuildCache, CacheDamaged, OutputManifest, output_held
from .config import Config, load_config
from .diagnostics import BuildError, Diagnostic, Diagnostics, Location, os_problem
from .index import build_index
from .libc import c_function
from .limits import size_warning
from .load import is_site_folder, load_site
from .load.files import is_settled
from .lookahead import folder_stat
from .render import (Renderer, Urls, create_environment, crawler_files, has_sitemap, plan_units, render_unit,
                     static_files, theme_dirs, unit_folder)
from .render.pages import article_output_paths
from .render.urls import SITE_SECTIONS
from .render.theme import template_problem
from .search import (index_basis, index_bytes, index_in_place, index_paths, index_present, index_site,
                     keep_index)
from .stale import sources_clock_now
from .write import (MARKER, FoldersAhead, OutputCollision, ReusedFiles, WriteStats, open_stage, recover,
                    stamp_output, update_output, write_output)


@dataclass
class BuildReport:
    articles: int = 0
    pages: int = 0  # standalone pages (content/pages/)
    people: int = 0
    topics: int = 0
    comments: int = 0
    annotations: int = 0
    units: int = 0
    units_rendered: int = 0
    cache_hits: int = 0
    write: WriteStats = field(default_factory=WriteStats)
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    site_bytes: int = 0  # what the output folder holds (see _site_bytes)
    search_indexed: bool = False  # Pagefind ran (a --search build whose pages had changed)
    sitemap: bool = True  # a sitemap was made: base_url has a host (see render.pages.crawler_files)


def build(root: Path, diags: Diagnostics, search: bool = False, jobs: int | None = None, clean: bool = False,
          progress=None, keep_state_in: list | None = None, cancel_search=None, on_wait=None,
          **overrides) -> BuildReport:
    """Build the site at ``root``; raises ``BuildError`` (and writes nothing) on content errors.

    ``search`` also runs the Pagefind indexer on the finished pages, unless the index in the
    output was made from the same pages; a build without it keeps that index as it is. It is
    opt-in because Pagefind's file names differ from run to run: without it, the output is
    byte-identical for the same content. Setting the event ``cancel_search`` stops the indexer
    (the build then fails with ``IndexingCancelled`` and leaves the output as it was).
    ``jobs`` worker processes share the work (default: all cores); ``clean`` ignores what the
    cache in ``.sitegen-cache/`` remembers of earlier builds.
    ``progress(stage, done, total)`` hears of each article loaded and each unit rendered.
    ``keep_state_in``, a list, is given the build's state (cache, site, index, plan) instead of
    it being freed on return: for a process that exits right after (see cli._leave), freeing
    a million objects one by one would take a tenth of a second at 10,000 articles for nothing.
    One build at a time writes into an output folder: another waits for it, after calling
    ``on_wait(output_folder)`` to say so (see cache.output_held).
    """
    heard = len(diags.items)
    with _no_collections():
        try:
            return _build(root, diags, search, jobs, clean, progress, overrides, keep_state_in, cancel_search, on_wait)
        except CacheDamaged:
            if clean:
                raise
            # Someone or something changed a file in .sitegen-cache/: the cache is only ever a
            # shortcut, so build again without it (nothing was written to the output yet).
            del diags.items[heard:]
            return _build(root, diags, search, jobs, True, progress, overrides, keep_state_in, cancel_search, on_wait)


@contextmanager
def _collisions_located(site, urls: Urls):
    """Two files for one output path is an error of the content when articles cause it (two
    bundles' photo.jpg in one folder, an article where the site's search page is): reported
    at the article's file, with what else wants the path. Otherwise (a damaged cache, say) it
    stays the write stage's error."""
    try:
        yield
    except OutputCollision as exc:
        located = _collision_error(exc.path, site, urls)
        if located is None:
            raise
        raise BuildError([located]) from None


def _collision_error(path: str, site, urls: Urls) -> Diagnostic | None:
    claims = [(article, what) for article in site.articles for made, what in article_output_paths(article, urls)
              if made == path]
    section = path.split("/", 1)[0] in SITE_SECTIONS
    if not claims or (len(claims) == 1 and not section):
        return None

    def described(article, what: str) -> str:
        return {"page": f"the page of article '{article.slug}'",
                "citation": f"a citation file of article '{article.slug}'",
                "alias": f"the redirect page of an alias of article '{article.slug}'"}.get(
            what, f"'{what}' of article '{article.slug}'")

    (article, what), others = claims[0], [described(*claim) for claim in claims[1:]]
    if section and len(claims) == 1:
        others.append("a file of the site's own")
    if urls.permalink.endswith("/") or section:
        hint = ("rename the article's folder, or start permalink with a folder of the articles' own, "
                "as in 'articles/{slug}/'")
    else:
        hint = (f"permalink '{urls.permalink}' puts several articles' pages and files in one folder: rename one "
                "of the files, or end permalink with '/' to give every article a folder")
    where = article.path / (what if what not in ("page", "citation", "alias") else "index.md")
    return Diagnostic("error", Location(where), f"{described(article, what)} would be written to {path}, "
                                                f"as would {' and '.join(others)} ({hint})")


def _build(root, diags, search, jobs, clean, progress, overrides, keep_state_in=None, cancel_search=None,
           on_wait=None) -> BuildReport:
    paths.forget()
    # Before anything is read (the configuration first): what changes from now on may not be
    # in the output, and the output is dated so (see write.stamp_output), by the clock that
    # dates the site's files, so that a file saved before this is never taken for one saved
    # after. (Taken before waiting for another build into the same output: a file saved
    # meanwhile is read, yet counts as later; the next build puts that right.)
    read_from = sources_clock_now(Path(root))
    # The site's folder as one absolute path, however it was given: the cache names files by
    # their paths, and `sitegen build` in the site, `sitegen build -s site` beside it and
    # `sitegen serve` must find each other's entries (messages still name files relative to
    # where the user stands).
    config = load_config(Path(root).resolve(), diags, **overrides)
    is_site_folder(config, diags)  # (before the lock: its file would be the first thing made there)
    diags.raise_if_errors()
    output = output_path(config)
    with output_held(config.root, output, on_wait):
        report = _build_held(config, output, diags, search, jobs, clean, progress, keep_state_in, cancel_search)
        stamp_output(output, read_from)
        return report


def _build_held(config: Config, output: Path, diags, search, jobs, clean, progress, keep_state_in,
                cancel_search) -> BuildReport:
    """The build, once no other build writes into ``output``."""
    jobs = jobs or parallel.default_jobs()
    # Before the output is looked at: an update a killed build committed is finished first,
    # and what builds killed before their commit left beside the output is removed.
    recovered = recover(output)
    # (Looking at the bundles and the output meanwhile: see lookahead.py.)
    cache = BuildCache.open(config.root, enabled=not clean, look_at=(config.content_dir / "articles", output), jobs=jobs)
    try:
        with _removed_meanwhile(jobs) as remove:
            return _build_now(config, output, diags, search, jobs, clean, progress, keep_state_in, cancel_search,
                              remove, cache, recovered)
    finally:
        try:
            cache.stop_saving_articles()  # (a build that failed after its load: no process goes on writing the cache)
        finally:
            cache.bodies.close()


@contextmanager
def _removed_meanwhile(jobs: int):
    """``remove(folder)``, for the previous output once the new one is in place: the folder is
    removed by a process of its own while the build goes on (saving the cache), and the build
    ends once it is gone. Removing a folder costs the file system a tenth of a millisecond or
    more, and at 10,000 articles an output has 20,000 of them: some 3 s at the end of every
    build into an existing output, with the other cores idle. (With one job, as everywhere,
    all is done in this process.)"""
    started = []

    def remove(folder: Path) -> None:
        process = parallel.start(_remove_what_can_be, folder) if jobs > 1 else None
        if process is None:
            shutil.rmtree(folder)
        else:
            started.append((process, folder))

    try:
        yield remove
    finally:
        for process, folder in started:
            process.join()
            if os.path.lexists(folder):  # tried again here, so that what fails is reported
                shutil.rmtree(folder)


def _remove_what_can_be(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _build_now(config: Config, output: Path, diags, search, jobs, clean, progress, keep_state_in, cancel_search,
               remove, cache: BuildCache, recovered: bool) -> BuildReport:
    urls = urls_for(config)
    report = BuildReport(sitemap=has_sitemap(urls))
    with _timed(report.timings, "load"):
        site = load_site(config, diags, urls, cache, jobs, progress)
    diags.raise_if_errors()
    cache.compact_bodies()
    if jobs > 1:
        cache.start_saving_articles()
    with _timed(report.timings, "index"):
        index = build_index(site)
    _settle()  # the site and its index live until the end; render workers are forked from here
    dirs = theme_dirs(config.root, config.theme)
    static = static_files(dirs, diags)
    diags.raise_if_errors()
    with _timed(report.timings, "plan"):
        manifest = cache.manifest(output, enabled=not clean)
        # With no units recorded, every unit is rendered whatever its key, and unless a search
        # index's basis is made of them, the keys are made later (see _files).
        later = [] if not manifest.units and not search else None
        units, basis = plan_units(site, index, config, dirs, static, last=(manifest.units, manifest.basis), later=later)
        todo, intact = _check_output(units, manifest, output)
        # A search index is made again only when a page may have changed since the output's
        # was made; otherwise (and by builds without --search) the one there is kept.
        search_basis = index_basis(units) if search else None
        has_index = manifest.search is not None and index_present(output)
        reindex = search and not (has_index and manifest.search[0] == search_basis)
        # Without --search the index is kept, stale as it may be, but not when it holds pages this
        # build no longer makes (a draft built with --drafts, an article taken down): dropped.
        unit_ids, last_ids = {unit.id for unit in units}, set(manifest.units)
        pages_gone = not last_ids <= unit_ids
        kept_index = manifest.search if has_index and not reindex and not pages_gone else None
    if len(todo) >= parallel.MIN_TASKS_FOR_POOL:
        # Render workers are about to be forked: they share what the parent has made, and
        # would each make for themselves what it has not.
        index.complete()
        _settle()
    compiled = None if clean else cache.compiled_templates()
    renderer = Renderer(site, index, config, create_environment(dirs, compiled), urls, cache.bodies)
    new_manifest = OutputManifest()
    with _timed(report.timings, "render+write"), _collisions_located(site, urls):
        if todo or last_ids != unit_ids or reindex or not (output / MARKER).exists():
            in_place = _small_change(todo, units, manifest) and not recovered and (output / MARKER).exists()
            stage = open_stage(output, whole_tree=not in_place)
            # The sitemap lists every page with its article's date: if neither the listings
            # (see plan.as_before) nor any unit's files changed, it is as it was.
            keep = in_place and basis.lists_as(manifest.basis)
            files = _files(units, todo, manifest, new_manifest, renderer, static, stage, jobs, progress,
                           output if keep else None, later[0] if later else None)
            bases = {}
            if in_place:
                def before_commit(staging, produced, staged):
                    if reindex:
                        found, moves, deletions = index_in_place(output, staging, produced, staged, config,
                                                                 cancel_search, manifest.search[2] if has_index else {})
                        bases.update(found)
                    else:  # the index is left as it is, or dropped
                        moves, deletions = [], (index_paths(output) if has_index and not kept_index else [])
                    cache.forget_output(output)  # (see below)
                    return moves, deletions

                report.write = update_output(files, stage, _replaced_paths(manifest, units, todo), before_commit)
                if reindex:
                    new_manifest.search = (search_basis, index_bytes(output), bases)
            else:
                def before_swap(staging):
                    if reindex:
                        bases.update(index_site(staging, config, cancel_search,
                                                (output, manifest.search[2]) if has_index else None))
                        new_manifest.search = (search_basis, index_bytes(staging), bases)
                    elif kept_index:
                        keep_index(output, staging)
                    # The record of the output is taken away before the output changes and saved
                    # again after: a build killed in between leaves none, so the next one renders
                    # and indexes everything rather than trust a record of the output before.
                    cache.forget_output(output)

                report.write = write_output(files, stage, before_swap=before_swap, remove=remove)
            if not reindex:
                new_manifest.search = kept_index  # an update in place leaves the index where it is
        else:  # nothing changed: the previous output is already this build's output
            new_manifest = manifest
    manifest_changed = (new_manifest.folders, new_manifest.basis) != (intact, basis)
    new_manifest.folders, new_manifest.basis = intact, basis
    if cache.misses or new_manifest is not manifest or clean or manifest_changed or cache.compacted:
        try:
            cache.save(output, new_manifest, jobs)
        except OSError as exc:
            # The site is built and in place; only the next build's shortcut is missing (the
            # record of the output was dropped before it changed: see before_swap and
            # before_commit; so the next build makes the output whole).
            diags.warning(Location(cache.folder), f"the build cache was not saved: {os_problem(exc)}; "
                          "the next build renders what it cannot find there again")
    report.articles, report.people, report.topics = len(site.articles), len(site.people), len(site.topics)
    report.pages = len(site.pages)
    report.comments = sum(a.comment_count for a in site.articles)
    report.annotations = sum(len(a.annotations) for a in site.articles)
    report.units, report.units_rendered, report.cache_hits = len(units), len(todo), cache.hits
    report.site_bytes = _site_bytes(report.write, new_manifest)
    report.search_indexed = reindex
    if too_big := size_warning(report.site_bytes):
        diags.warning(Location(output), too_big)
    report.warnings = diags.warnings
    if keep_state_in is not None:
        keep_state_in.append(dict(locals()))
    return report


def _site_bytes(write: WriteStats, manifest: OutputManifest) -> int:
    """What the output folder holds, in bytes, without walking its hundreds of thousands of
    files: every file this build put in place or kept (the write counts them all), or, when
    nothing changed, every file the manifest remembers; and the search index if there is one
    (as in the GitHub Pages workflow's builds)."""
    site = write.bytes if write.files else manifest.total_bytes()
    return site + (manifest.search[1] if manifest.search else 0)


def _small_change(todo: list, units: list, manifest: OutputManifest) -> bool:
    """Few units to redo: the output is updated in place (see write.py) rather than made anew.
    A whole new tree costs a link per file, which at tens of thousands of files is most of
    the time of a one-article edit. (After --clean, the manifest is empty: never small.)"""
    return bool(manifest.units) and len(todo) * 10 <= len(units)


def _replaced_paths(manifest: OutputManifest, units: list, todo: list) -> set[str]:
    """The files of the last build's units that this build renders again or no longer has:
    the only ones that can be left over. (Not every path of the site: at 100,000 articles,
    half a million strings held through the end of the build.)"""
    reused = {u.id for u in units}.difference(u.id for u in todo)
    replaced = {path for unit_id in manifest.units if unit_id not in reused for path in manifest.files(unit_id)[0]}
    return replaced.union(manifest.crawler_files()[0])  # the sitemap may have fewer parts now


def _check_output(units: list, manifest: OutputManifest, output: Path) -> tuple[list, dict]:
    """The units to render again: those whose key changed or one of whose files is no longer
    in the output. And the output folders that can be vouched for at the next build.

    Looking for each of the site's files costs a stat each (a quarter of a second at 10,000
    articles). A folder whose times and inode are as they were when all of its files were
    last seen still holds them all (removing a file changes its folder's times), so only the
    folders are looked at, and the files of those that changed. Those that a look ahead found
    as they were (``manifest.looked``: see lookahead.py) are not even looked at again.
    """
    top = str(output) + os.sep
    now = time.time_ns()
    looked = set()
    if manifest.looked is not None:
        # Its time, not this one: a folder is vouched for if it had been still for a while
        # when it was looked at (see below).
        now, looked = manifest.looked
    seen: dict[str, tuple | None] = {}  # folder -> what the file system says of it now
    # folder -> whether it is as it was when all its files were last seen: decided once, not
    # for each of the site's files (a tenth of this, at 10,000 articles)
    as_last: dict[str, bool] = {}
    missing = set()  # folders with a file gone
    todo = []
    recorded, last = manifest.units, manifest.folders
    for unit in units:
        entry = recorded.get(unit.id)  # (key, NUL-joined paths, sizes): see OutputManifest
        if entry is None or entry[0] != unit.key:
            todo.append(unit)
            continue
        complete = True
        for path in entry[1].split("\0") if entry[1] else ():
            folder = path.rpartition("/")[0]
            intact = as_last.get(folder)
            if intact is None:
                if folder in looked:
                    info = seen[folder] = last[folder]
                else:
                    info = seen[folder] = folder_stat(top + folder)
                intact = as_last[folder] = info is not None and info == last.get(folder)
            if not intact and not os.path.isfile(top + path):
                complete = False
                missing.add(folder)
        if not complete:
            todo.append(unit)
    # Only folders that have been still for a while: a file removed within the file system's
    # timestamp granularity of the last change could leave the folder's times as they were.
    # (A folder the look ahead found as recorded was still then, and is stiller now: its
    # times are not looked at again, for the tens of thousands of an archive's output.)
    intact = {folder: info for folder, info in seen.items() if info is not None and folder not in missing
              and (folder in looked or is_settled(info[0], info[1], now))}
    return todo, intact


def _files(units, todo, manifest, new_manifest, renderer, static, stage, jobs, progress=None, kept_in=None,
           unit_key=None):
    """Every output file, in plan order: those of reused units as they were, the others
    rendered and staged by workers. Then the sitemap and robots.txt, kept as they are in the
    output folder ``kept_in`` if the units rendered again wrote the same files as before.

    ``unit_key(unit_id)`` makes the keys the plan left out (None): here, while the workers
    render, not in the plan with one core idle (a quarter of a second at 10,000 articles;
    see plan.plan_units)."""
    ahead = None
    if stage.whole_tree and jobs > 1:
        folders = dict.fromkeys(folder for unit in todo if (folder := unit_folder(renderer, unit.id)))
        ahead = FoldersAhead(stage, folders)
    rendered = parallel.run(_render, [u.id for u in todo], jobs, {"renderer": renderer, "static": static, "stage": stage},
                            ahead and ahead.start)
    try:
        yield from _files_in_order(units, todo, manifest, new_manifest, renderer, rendered, progress, kept_in, unit_key)
    finally:
        if ahead is not None:
            ahead.stop()


def _files_in_order(units, todo, manifest, new_manifest, renderer, rendered, progress, kept_in, unit_key):
    """_files' files, the ``rendered`` results of the units to do among those reused."""
    todo_ids = {u.id for u in todo}
    done = 0
    same_files = True
    # The files of reused units one after the other go together (a one-article edit reuses
    # some ten thousand units, each its own yield and its own object), those of a thousand
    # units at most.
    reused: list[tuple] = []  # the ids of the reused units whose files are not passed on yet
    for unit in units:
        if unit.id in todo_ids:
            if reused:
                yield ReusedFiles(*manifest.files_of(reused))
                reused = []
            unit_id, files = next(rendered)
            done += 1
            if progress:
                progress("render", done, len(todo))
            assert unit_id == unit.id  # results come back in task order
            yield from files
            unit_paths = [f.path for f in files]
            same_files = same_files and unit.id in manifest.units and unit_paths == manifest.files(unit.id)[0]
            key = unit.key if unit.key is not None else unit_key(unit.id)
            new_manifest.record(unit.id, key, unit_paths, (f.size for f in files))
        else:
            reused.append(unit.id)
            new_manifest.units[unit.id] = manifest.units[unit.id]  # the same key, files and sizes
            if len(reused) >= REUSED_UNITS_AT_ONCE:
                yield ReusedFiles(*manifest.files_of(reused))
                reused = []
    if reused:
        yield ReusedFiles(*manifest.files_of(reused))
    kept = _kept_crawler_files(kept_in, manifest) if kept_in is not None and same_files else None
    if kept:
        new_manifest.crawler = manifest.crawler
        yield kept
    else:
        # The sitemap's pages, taken from the new manifest only now that it is needed.
        pages = [path for unit in units for path in new_manifest.files(unit.id)[0] if path.endswith(".html")]
        files = crawler_files(renderer.site, renderer.urls, pages)
        new_manifest.record_crawler([f.path for f in files], [len(f.data) for f in files])
        yield from files


# The files of at most this many reused units are held before they are passed on (see _files).
REUSED_UNITS_AT_ONCE = 1024


def _kept_crawler_files(output: Path, manifest: OutputManifest) -> ReusedFiles | None:
    names = manifest.crawler_files()[0]
    try:
        sizes = [os.stat(output / name).st_size for name in names]
    except OSError:  # removed by hand: made again
        return None
    return ReusedFiles(names, sizes) if names else None


def _render(state: dict, unit_id: tuple):
    """In a worker: render one unit and stage its files; only their paths and sizes go back."""
    try:
        files = render_unit(state["renderer"], unit_id, state["static"])
    except BuildError:  # a content error found while rendering (a bundle file gone since it was listed)
        raise
    except Exception as exc:  # a theme's mistake is reported like a content error
        if isinstance(exc, OSError) and not isinstance(exc, TemplateError):  # (a missing template is an OSError)
            raise  # the system's refusal (a full disk): not the theme's mistake
        problem = template_problem(exc, " ".join(map(str, unit_id)))
        if problem is None:
            raise
        raise BuildError([problem]) from None
    return unit_id, [state["stage"].put(file) for file in files]


def urls_for(config: Config) -> Urls:
    return Urls(base_path=config.base_path, permalink=config.permalink, origin=config.site_origin)


def output_path(config: Config) -> Path:
    out = Path(config.output_dir)
    return out if out.is_absolute() else config.root / out


@contextmanager
def _no_collections():
    """No cyclic collection during the build: it allocates millions of objects and frees
    almost none of them by collection (534 in 68 collections in a 10,000-article build's main
    process before its render stage), since what it makes either lives until the end (the
    site, its index) or is freed by reference counting (tokens, template frames). Each
    collection of the newest objects follows their references into a heap of up to 1.5 GB at
    100,000 articles, missing the processors' caches: 1.7 s of the plan stage's 6.5 s there
    with the site loaded from the cache, and, with collections merely made rare, 4 % more CPU
    in a 10,000-article cold build than with none. Worker processes forked meanwhile inherit
    the setting. What a theme's templates leave in cycles at every page is freed between tasks,
    young objects only (see parallel._collect_young_garbage). Afterwards the collector is as
    it was, and frees whatever cycles the build left."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.unfreeze()  # see _settle: a long-lived `sitegen serve` must be able to free them


def _settle() -> None:
    """Leave the objects made so far out of every later collection (``gc.freeze``).

    The cache, the site and its index are a million objects that live until the build ends:
    each collection of the oldest generation would walk them all again for nothing. And a
    forked worker's collector would touch every one of them, copying the parent's memory page
    by page into the child's; frozen, they stay shared.

    Then the C allocator gives its free pages back to the system (glibc's malloc_trim): the
    annotations the index unpacked (see model.Packed) leave their pickled bytes' memory free
    but still counted, 100 MB at 100,000 articles, in the parent and every worker forked from it."""
    gc.freeze()
    trim = c_function("malloc_trim")  # (glibc only)
    if trim is not None:
        trim(0)


@contextmanager
def _timed(timings: dict, stage: str):
    start = time.perf_counter()
    yield
    timings[stage] = time.perf_counter() - start
