"""Load stage: ``content/`` -> ``Site``.

Registries first, then every article's front matter, so that all people and topics of the
archive are known before bodies are rendered and their references checked; the standalone
pages last (``pages.py``), whose addresses must not be the articles', and then the aliases
(``aliases.py``), which must not be any of the site's.
"""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from .. import parallel
from ..cache import CACHE_DIR, VERSION as CACHE_VERSION, BodyStore, BuildCache, CacheDamaged, CachedArticle, digest
from ..cache import packed as cache_packed
from ..config import Config, is_site, run_in_site_hint
from ..diagnostics import Diagnostics, Location, display_path
from ..markup import BodyContext, code_blocks_in, create_markdown
from ..model import Article, Packed, Person, PersonRole, Reporter, Site, Topic, plain
from ..render.urls import bundle_prefix, page_path
from ..slugs import in_another_script, name_key, slug_problem, slugify
from .articles import (DATED_NAME, INDEX_FILE, ArticleHeader, BundleScan, NameRef, bundle_files_digest, files_seen, finish_article,
                       list_bundle, packed_stat, person_slug_for, read_header, scan_and_list, scan_bundle, scan_is_settled)
from .files import is_inside, read_text_and_bytes
from .frontmatter import body_after_front_matter
from .aliases import check_aliases
from .dates import warn_of_dates_ahead
from .pages import load_pages
from .registries import CheckedEntries, NameIndex, load_people, load_topics

__all__ = ["load_site", "find_bundles", "is_site_folder"]


def is_site_folder(config: Config, diags: Diagnostics) -> bool:
    """Whether the folder has a site's content/ (a site with no articles yet still has it); if
    not, an error says so, and nothing should be made there (sitegen run in the wrong folder)."""
    if is_site(config.root):
        return True
    diags.error(Location(config.content_dir), f"no such folder: this is not a site's folder ({run_in_site_hint(config.root)})")
    return False


def load_site(config: Config, diags: Diagnostics, urls, cache: BuildCache | None = None, jobs: int = 1,
              progress=None) -> Site:
    """``progress(stage, done, total)``, when given, hears of every article rendered."""
    content = config.content_dir
    if not is_site_folder(config, diags):
        return Site((), {}, {})
    # Without a cache (`sitegen check`), nothing is remembered and nothing written.
    cache = cache or BuildCache(config.root / CACHE_DIR, bodies=BodyStore(config.root / CACHE_DIR, writable=False))
    checked = CheckedEntries(before=cache.registries)
    registries = {}
    heard = len(diags.items)

    def read_registries() -> None:
        # Read while workers read the bundles' front matter, which needs no registry: a large
        # archive has thousands of registry files, read by this process alone (a third of a
        # second at 10,000 articles, another core idle). Their messages come first, as when
        # they were read first.
        local = Diagnostics()
        registries["people"] = load_people(content, local, checked)
        registries["topics"] = load_topics(content, local, checked)
        diags.items[heard:heard] = local.items

    root = config.root
    # Bundles whose folders are as the last build's scans saw them (see find_bundles).
    remembered = _RememberedFolders(cache.headers)
    # Those whose every file the look ahead found as remembered (see lookahead.py) need no
    # more looking at; nor does the articles' folder, if it looked there without a problem.
    # If it is still looking (an edit opens the cache sooner than 10,000 bundles are looked
    # at), the registries are read first, rather than after its answer was waited for.
    registries_first = cache.look_ahead is not None and cache.look_ahead.looking()
    if registries_first:
        read_registries()
    as_saved, found = cache.bundles_as_saved(remembered)
    if found is None:
        as_before: set[str] = set()
        bundles = find_bundles(content / "articles", diags, remembered, as_before, as_saved)
    else:
        bundles, as_before = found
    resolver: _NameResolver | None = None  # made once the registries are read (see read_registries)
    early: dict[str, tuple] = {}  # slug -> (its names resolved, the diagnostics of that)

    def resolve_read(h: BundleHeader) -> None:
        # The names of an article whose front matter was read again are resolved as it comes
        # back from the workers, not all after the last one with a core idle (a quarter of a
        # second at 10,000 articles): resolving one article's names needs only the registries,
        # read before the first comes back (see parallel.run's meanwhile). Their messages are
        # kept for the folder order below.
        nonlocal resolver
        if h.draft and not config.drafts:
            return
        if resolver is None:
            resolver = _NameResolver(registries["people"], registries["topics"])
        local = Diagnostics()
        early[h.slug] = (resolver.resolve(h.header, local), local.items)

    known, read_again = _read_headers(bundles, as_before, diags, root, cache, jobs,
                                      None if registries_first else read_registries, as_saved, resolve_read)
    people, topics = registries["people"], registries["topics"]
    cache.registries, cache.registries_changed = checked.now, checked.changed
    if not config.drafts:
        known = [h for h in known if not h.draft]

    # An article whose front matter was not read again resolves its names as at the last build
    # if the registries are the same: its people, reporters and topics are its cached record's.
    # (Its header, kept packed in the cache, is then not even unpacked: see BundleHeader.)
    unchanged = {} if checked.changed else {
        h.slug: entry for h in known if h.slug not in read_again
        and (entry := cache.articles.get(h.slug)) is not None and entry.additions is not None}
    if resolver is None:  # (no front matter was read again, or only drafts')
        resolver = _NameResolver(people, topics)
    resolved = {}
    for h in known:
        if h.slug in early:
            resolved[h.slug], items = early[h.slug]
            diags.extend(items)
        elif h.slug in unchanged:
            # Its record's tuples, as they are: its key is the record's, so they are not digested
            # again (nearly every article of an edit's build: lists of them took 6 ms at 10,000 articles).
            entry = unchanged[h.slug]
            resolved[h.slug] = (entry.article.people, entry.article.reporters, entry.article.topics, entry.additions)
        else:
            resolved[h.slug] = resolver.resolve(h.header, diags)
        _add_unregistered(resolved[h.slug][3], people, topics, h, diags, resolver)
    names = {"person": {slug: p.name for slug, p in people.items()}, "topic": {slug: t.name for slug, t in topics.items()}}
    # ... and, if every person and topic is as it was too, its cache key is the same as then.
    # (the site's language too: what the archive adds to an article in another says it is in the site's)
    settings = (urls.base_path, urls.permalink, config.language)
    if (people, topics, settings) != cache.names:
        unchanged = {}
    cache.names = (people, topics, settings)

    tasks, articles = [], {}
    for h in known:
        cached = cache.articles.get(h.slug)
        roles, reporters, topic_slugs, additions = resolved[h.slug]
        if h.slug in unchanged:
            key, auto_names = cached.key, None  # (the names to link are needed only to render it again)
        elif cached is None:
            # No record to compare its key with (every article of a cold build): the worker that
            # renders it makes the key, and finds the names to link, rather than this process
            # with the other core idle (2 s at 100,000 articles).
            key = auto_names = None
        else:
            auto_names = _auto_link_names(roles, reporters, people, h.header)
            key = _body_key(h.header, roles, reporters, topic_slugs, auto_names, settings)
        if (cached and not h.broken and cached.key == key and cache.bodies.has(cached.body)
                and (h.slug in unchanged
                     or all(names[kind].get(slug) == name for (kind, slug), name in cached.refs))):
            if cached.additions != additions:  # a new object, so that its shard of the cache is written
                cached = replace(cached, additions=additions)
            articles[h.slug] = cached
            cache.bodies.locate(cached.article.fingerprint, cached.body)
            cache.hits += 1
        else:
            if auto_names is None and key is not None:
                auto_names = _auto_link_names(roles, reporters, people, h.header)
            tasks.append(_BodyTask(h.header, roles, reporters, topic_slugs, auto_names, key, additions,
                                   *read_again.get(h.slug, (None, None)), h.scan, cached and cached.body))
            cache.release(h.slug)
    cache.misses += len(tasks)
    state = {"names": names, "urls": urls, "root": root, "bodies": cache.bodies, "people": people, "settings": settings}
    for done, (slug, entry, items) in enumerate(parallel.run(_finish, tasks, jobs, state), 1):
        if progress:
            progress("load", done, len(tasks))
        diags.extend(items)
        if entry is not None:
            articles[slug] = entry
            entry.body = cache.bodies.locate(entry.article.fingerprint, entry.body)
            # The index lists every annotation and the plan digests their speakers: reading
            # them unpacks them (see model.Packed), done here while workers render the other
            # bodies, not after the load with one core idle (a fifth of a second at 10,000 articles).
            entry.article.annotations[:0]
    for entry in articles.values():
        diags.extend(entry.warnings)
    cache.articles = articles
    ordered = tuple(sorted((entry.article for entry in articles.values()), key=Article.sort_key.fget))
    warn_of_dates_ahead(ordered, root, diags)
    pages = load_pages(config, diags, urls, names, ordered)
    check_aliases(ordered, pages, urls, diags)
    return Site(ordered, dict(sorted(people.items())), dict(sorted(topics.items())), pages)


class _RememberedFolders:
    """Bundle folder -> the packed stat of the folder itself in the scan that its remembered
    header keeps (see find_bundles), looked up by the folder's name, the bundle's slug. When
    the look ahead answers, only the few folders it took on trust are asked about (a dict of
    every bundle's, made for them, took 4 ms at 10,000 articles)."""

    def __init__(self, headers: dict[str, BundleHeader]):
        self.headers = headers  # slug -> BundleHeader

    def get(self, folder: str, default=None):
        header = self.headers.get(os.path.basename(folder))
        if header is None or header.folder != folder or not header.scan:
            return default
        return header.scan.folder_stat()

    def __bool__(self) -> bool:
        return bool(self.headers)


def _read_headers(folders: list[str], as_before: set[str], diags: Diagnostics, root: Path, cache: BuildCache,
                  jobs: int, meanwhile=None, as_saved: set[str] = frozenset(),
                  on_read=None) -> tuple[list[BundleHeader], dict[str, tuple]]:
    """Front matter of every bundle (``folders``, as find_bundles gives them), in folder order,
    and {slug: (packed values, files seen)} of those read again (see _read_one); warnings are
    replayed for those not read. ``as_before``: the folders that find_bundles found as they were;
    ``as_saved``: those whose every file was found as the remembered header's scan says.
    ``meanwhile()`` is done while workers read (see parallel.run), ``on_read(header)`` for
    each header read again as it comes back from them.

    A bundle whose files the file system describes exactly as at the last build (sizes, times
    and inodes: see ``scan_bundle``) is not read at all; the others are read by workers, and
    of those, an ``index.md`` whose text is unchanged is not parsed again.
    """
    known: dict[str, BundleHeader] = cache.headers
    remembered: dict[str, BundleHeader] = {}
    to_read = []
    slugs = []
    for folder in folders:
        slug = os.path.basename(folder)
        slugs.append(slug)
        old = known.get(slug)
        if old and old.folder != folder:
            old = None
        if old is None:  # (read, so scanned by the worker that reads it: see _read_one)
            to_read.append((Path(folder), None))
            continue
        if folder in as_saved and old.scan is not None:
            remembered[slug] = old
            continue
        scan = scan_bundle(folder, old.scan, folder in as_before)
        if old.scan is not None and old.scan == scan:
            remembered[slug] = old
        else:
            to_read.append((Path(folder), scan))
    read = {}  # slug -> (header or None, diagnostics)
    values = {}
    state = {"root": root, "known": known, "now": time.time_ns()}
    for slug, header, items, remember, packed_values, seen in parallel.run(_read_one, to_read, jobs, state, meanwhile):
        read[slug] = (header, items)
        values[slug] = (packed_values, seen)
        if header is not None and on_read is not None:
            on_read(header)
        if remember:
            remembered[slug] = header
    headers = []
    for slug in slugs:
        if slug in read:
            header, items = read[slug]
        else:
            header = remembered[slug]
            items = header.warnings
        diags.extend(items)
        if header is not None:
            headers.append(header)
    cache.headers = remembered
    return headers, values


class BundleHeader:
    """A bundle's light header (see ``_light``), as this build read it or the last one did (the
    cache keeps these), with what the scan of its files said then.

    Every build goes through every bundle's, but of an unchanged bundle needs only its folder,
    its scan, whether it is a draft and its warnings: the header itself (digests, names, line
    numbers), a fifth of what loading the cache unpickled, stays pickled until it is asked for
    (``header``), as it is when the article is loaded again or the registries changed."""

    __slots__ = ("scan", "folder", "slug", "draft", "broken", "warnings", "_header", "_packed")

    def __init__(self, scan: BundleScan | None, header: ArticleHeader, warnings: list):
        self.scan = scan  # see scan_bundle; None when it cannot vouch for the bytes next time
        self.folder = str(header.folder)  # (compared with what find_bundles finds: strings)
        self.slug, self.draft, self.broken = header.slug, bool(header.values.get("draft")), header.broken
        self.warnings = warnings
        self._header, self._packed = header, None

    @property
    def header(self) -> ArticleHeader:
        if self._header is None:
            self._header, self._packed = pickle.loads(self._packed), None
        return self._header

    def __reduce__(self):
        packed = self._packed if self._packed is not None else cache_packed(self._header)
        return _unpickled_header, (self.scan, self.folder, self.slug, self.draft, self.broken, self.warnings, packed)


def _unpickled_header(scan, folder: str, slug: str, draft: bool, broken: bool, warnings: list,
                      packed: bytes) -> BundleHeader:
    self = BundleHeader.__new__(BundleHeader)
    self.scan, self.folder, self.slug, self.draft, self.broken = scan, folder, slug, draft, broken
    self.warnings, self._header, self._packed = warnings, None, packed
    return self


def _light(header: ArticleHeader, files_digest: str) -> ArticleHeader:
    """What every build needs of an unchanged header: whether it is a draft, the digests of its
    files (``files_digest``: see bundle_files_digest), and (packed: see ArticleHeader.packed)
    the names to resolve. The body and the other values are most of the bytes, and are needed
    only when the article is rendered again: they are read anew then."""
    return header.packed(body=None, values={"draft": True} if header.values.get("draft") else {},
                         files_digest=files_digest)


def _read_one(state: dict, task: tuple):
    """Read one bundle's header (in a worker process): (slug, BundleHeader or None, diagnostics,
    whether the cache may remember it, packed values, files seen). A bundle the last build did
    not read comes unscanned (``scan`` None): scanned here, in parallel, and before its files
    are read, as the parent would have.

    The values (title, date, ...) come back pickled into one bytes object, for the worker that
    renders the article, which then need not parse the front matter again (see _whole_header);
    None when the header is the last build's (unchanged text), which keeps no values. So do
    the bundle's files as listed here (see articles.files_seen), for that worker to publish
    and read the comments of without listing the folder again: the listing that was scanned
    and digested, so that what is published is what the cache key was made from."""
    folder, scan = task
    listing = None
    if scan is None:
        scan, listing = scan_and_list(folder)
    old = state["known"].get(folder.name)
    local = Diagnostics()
    header = read_header(folder, local, state["root"], old and (old.header.source_digest, old.header, old.warnings))
    if header is None:
        return folder.name, None, local.items, False, None, None
    packed_values = pickle.dumps(header.values, protocol=pickle.HIGHEST_PROTOCOL) if header.body is not None else None
    # The parent gets the light header (see _light), the same one the cache remembers: with
    # every body of a large archive at once, the load stage would need gigabytes. A worker
    # that renders the article reads the file again, and the values from ``packed_values``
    # (see _whole_header).
    if listing is None:
        listing = list_bundle(folder)
    header = _light(header, bundle_files_digest(header, listing))
    settled = scan if scan_is_settled(scan, state["now"]) else None
    remember = not local.errors
    return folder.name, BundleHeader(settled, header, local.warnings), local.items, remember, packed_values, files_seen(listing)


@dataclass(frozen=True)
class _BodyTask:
    header: ArticleHeader
    roles: list
    reporters: list
    topics: list
    auto_names: tuple | None  # (with the key None: both made by the worker)
    key: str | None  # None: made by the worker (see load_site)
    additions: tuple
    packed_values: bytes | None  # from _read_one, if this build read the front matter
    seen: str | None  # the bundle's files, from _read_one, if this build read the front matter
    scan: BundleScan | None  # the bundle's scan, if settled (see BundleHeader)
    body_before: tuple | None = None  # where the body store has its last rendering, if it has (see _CodeBefore)


class _Recording(Mapping):
    """A read-only mapping that remembers which keys were asked for (and what they held)."""

    def __init__(self, kind: str, data: dict, seen: dict):
        self.kind, self.data, self.seen = kind, data, seen

    def __getitem__(self, key):
        self.seen[(self.kind, key)] = self.data.get(key)
        return self.data[key]

    def __contains__(self, key):
        self.seen[(self.kind, key)] = self.data.get(key)
        return key in self.data

    def get(self, key, default=None):
        self.seen[(self.kind, key)] = self.data.get(key)
        return self.data.get(key, default)

    def __iter__(self):  # only for "did you mean": the article has an error and is not cached
        return iter(self.data)

    def __len__(self):
        return len(self.data)


_MARKDOWN = []  # one parser per process, made on first use


def _finish(state: dict, task: _BodyTask):
    """Render one article's body (in a worker process); returns (slug, cache entry or None, diagnostics)."""
    if not _MARKDOWN:
        _MARKDOWN.append(create_markdown())
    seen: dict = {}
    urls, names = state["urls"], state["names"]
    key, auto_names = task.key, task.auto_names
    if key is None:  # (left to the worker: see load_site)
        auto_names = _auto_link_names(task.roles, task.reporters, state["people"], task.header)
        key = _body_key(task.header, task.roles, task.reporters, task.topics, auto_names, state["settings"])
    context = BodyContext(
        person_url=urls.person, topic_url=urls.topic,
        person_names=_Recording("person", names["person"], seen), topic_names=_Recording("topic", names["topic"], seen),
        auto_link_names=auto_names, base_path=urls.base_path,
    )
    reread = Diagnostics()
    header = _whole_header(task, reread, state["root"])
    if header is None:
        return task.header.slug, None, reread.items
    prefix = bundle_prefix(page_path(header.slug, header.values.get("date"), urls.permalink), urls.permalink)
    if prefix:
        context = replace(context, bundle_prefix=prefix)
    context = replace(context, site_language=state["settings"][2], article_language=header.values.get("language", ""))
    local = Diagnostics()
    code_before = _CodeBefore(state["bodies"], task.body_before) if task.body_before is not None else None
    article = finish_article(header, task.roles, task.reporters, task.topics, _MARKDOWN[0], context, local,
                             state["root"], seen=task.seen, code_before=code_before)
    if local.errors or header.broken:  # (a broken header's own errors came with it: see read_header)
        return task.header.slug, None, local.items
    # The body also depends on the names it looked up: they go into the fingerprint that
    # decides which pages to render again.
    fingerprint = digest(key, sorted(seen.items(), key=lambda item: item[0]))
    # The body and comments go to the body store from here, not back to the parent: most of
    # the bytes, and the parent needs none of them (render workers read back those they need).
    place = state["bodies"].put(fingerprint, article.content)
    light = article.without_content(fingerprint=fingerprint, listed_digest=digest(article.listed_fields()))
    entry = CachedArticle(key, Packed(seen.items()), light, local.warnings, task.additions, place)
    return task.header.slug, entry, local.errors


class _CodeBefore:
    """The fenced code blocks of an article's last rendering, for rendering it again (see
    render_body's ``code_before``): read from the body store when the body's first block asks
    for one, as most bodies have none. If the store cannot give them, every block is highlighted."""

    def __init__(self, bodies: BodyStore, place: tuple):
        self.bodies, self.place, self.blocks = bodies, place, None

    def get(self, key: tuple) -> str | None:
        if self.blocks is None:
            try:
                content = self.bodies.at(self.place)
                self.blocks = code_blocks_in(content.body_html, content.code_blocks)
            except (CacheDamaged, OSError):
                self.blocks = {}
        return self.blocks.get(key)


def _whole_header(task: _BodyTask, diags: Diagnostics, root: Path) -> ArticleHeader | None:
    """The whole header, body included (the parent holds only the light one).

    Its warnings were reported when it was first read. If this build read the front matter and
    the text is still the same, only the body is cut from it: parsing the YAML again was a
    tenth of a cold build's load stage. Should the file have changed since, this renders the
    new text under the old key, and the next build, seeing a new digest, renders it again.

    The same, when the file system still describes index.md as the settled scan taken before
    it was first read: a write since would have changed its times. That is the proof the next
    build takes to use the header unread (see scan_bundle), and digesting the bytes again to
    tell was half a per cent of a cold build's instructions. (Asked after reading them: a
    write between the two would show.)"""
    light = task.header
    if task.packed_values is not None:
        read = read_text_and_bytes(light.index_path, diags, root)
        if read is None:
            return None
        text, data = read
        if ((task.scan is not None and task.scan.still_as_scanned(light.folder, INDEX_FILE))
                or digest(data) == light.source_digest):
            return light.replaced(values=pickle.loads(task.packed_values),
                                  body=body_after_front_matter(text, light.body_first_line))
    return read_header(light.folder, diags, root)


def find_bundles(articles_dir: Path, diags: Diagnostics, remembered: dict[str, bytes] | None = None,
                 as_before: set[str] | None = None, as_saved: set[str] = frozenset()) -> list[str]:
    """Every folder holding an ``index.md`` below ``content/articles`` (grouping folders
    allowed), as a string: made a ``Path`` only when the bundle is read (see _read_headers).

    The slug is the bundle folder's own name, so two bundles with the same name in different
    grouping folders would collide on one URL: that is an error naming both.

    ``remembered`` maps bundle folders (as strings) to the packed stat of the folder itself in
    the last build's scan (see load.articles.BundleScan). A folder that looks as it did then
    still holds its ``index.md``, since removing a file changes its folder's times: it is put
    in ``as_before`` instead of being looked into (a stat saved per bundle, and scan_bundle
    need not look at the folder again). Nor is a folder in ``as_saved``, found so already (see
    lookahead.py).
    """
    if not articles_dir.is_dir():
        return []
    as_before = set() if as_before is None else as_before
    found: dict[str, str] = {}
    stack = [str(articles_dir)]
    while stack:
        folder = stack.pop()
        # os.scandir, not Path.iterdir: this runs for every bundle of the archive on every build.
        with os.scandir(folder) as listing:
            entries = [e for e in listing if not e.name.startswith(".")]
        subfolders = sorted((e for e in entries if e.is_dir()), key=lambda e: e.name)
        _report_loose_pages(entries, folder != str(articles_dir), diags)
        for entry in subfolders:
            # A real folder below one that is inside is inside too: only links need resolving.
            if entry.is_symlink() and not is_inside(entry.path, articles_dir):
                diags.error(Location(Path(entry.path)), "is a link to a folder outside content/articles; refusing to read it")
                continue
            before = remembered.get(entry.path) if remembered else None
            if before is not None and (entry.path in as_saved or packed_stat(entry.stat(follow_symlinks=False)) == before):
                as_before.add(entry.path)
                # Its name is the one the last build checked: only a bundle whose name passed
                # was read, and so remembered.
                problem = None
            elif not os.path.exists(os.path.join(entry.path, INDEX_FILE)):
                stack.append(entry.path)
                continue
            else:
                problem = slug_problem(entry.name)
            if problem:
                diags.error(Location(Path(entry.path, INDEX_FILE)), f"article folder name '{entry.name}' {problem}")
            elif entry.name in found:
                diags.error(Location(Path(entry.path, INDEX_FILE)),
                            f"duplicate slug '{entry.name}': also used by {Path(found[entry.name], INDEX_FILE)}")
            else:
                found[entry.name] = entry.path
    return [found[slug] for slug in sorted(found)]


def _report_loose_pages(entries: list, in_subfolder: bool, diags: Diagnostics) -> None:
    """A Markdown file beside the bundles, not in one (``content/articles/story.md``, Pelican's
    way; ``story/_index.md``, Hugo's for a section) is no article: said, since it would
    otherwise be left out of the site without a word. (A README is the folder's own.)"""
    for entry in entries:
        name = entry.name
        if name.lower().endswith((".html", ".htm")) and entry.is_file():
            # (a page saved from the old site, or the old generator's output: its text is imported)
            diags.warning(Location(Path(entry.path)), f"not an article, and left out of the site: an article is a "
                                                      f"folder holding an {INDEX_FILE}; 'sitegen import' makes one "
                                                      f"of a saved page (move it out of content/, then import it)")
        elif name.lower().endswith((".md", ".markdown")) and name.lower() not in ("readme.md", "readme.markdown") \
                and entry.is_file():
            where = Path(entry.path)
            stem = name.rsplit(".", 1)[0].lstrip("_")
            dated = DATED_NAME.match(stem)  # (Jekyll's post, 2016-11-08-title.md: its date is in the front matter here)
            slug = slugify(dated.group(2) if dated else stem) if stem.lower() != "index" else ""
            if (stem.lower() == "index" or slug == where.parent.name) and in_subfolder and not _holds_articles(entries):
                instead = display_path(where.parent / INDEX_FILE)  # (the folder itself was meant as the article)
            else:
                instead = display_path(where.parent / (slug or "<slug>") / INDEX_FILE)
            instead += f", with date: {dated.group(1)} in its front matter" if dated else ""
            diags.warning(Location(where), f"not an article, and left out of the site: an article is a folder holding "
                                           f"an {INDEX_FILE} (move it to {instead})")


def _holds_articles(entries: list) -> bool:
    """Whether a folder's entries include article folders: made an article itself, the folder
    would have them as its files (not so a folder of pictures beside a page, as a Hugo bundle
    has)."""
    return any(e.is_dir() and os.path.exists(os.path.join(e.path, INDEX_FILE)) for e in entries)


class _NameResolver:
    """Front matter names matched to the registries' entries, article by article.

    Made from the registries as read, before any unregistered name is added to them: what
    one article's names resolve to does not depend on the others', so articles can be
    resolved in any order (only ``_add_unregistered`` must follow the folder order)."""

    def __init__(self, people: dict, topics: dict):
        self.registered_people, self.registered_topics = set(people), set(topics)
        self.people_finder = _SlugsOfNames(NameIndex.build(people))
        self.topic_finder = _SlugsOfNames(NameIndex.build(topics))
        self.near_slugs: dict[str, _NearSlugs] = {}  # made when first asked (see registered_near)

    def registered_near(self, kind: str, slug: str) -> str | None:
        """A registered person's or topic's slug one letter away from ``slug``, an unregistered
        one's: most likely the same name misspelt (renata-quil, transportaton; see _NearSlugs)."""
        near = self.near_slugs.get(kind)
        if near is None:
            registered = self.registered_people if kind == "person" else self.registered_topics
            near = self.near_slugs[kind] = _NearSlugs(registered, first_word_too=kind == "topic")
        return near.one_letter_from(slug)

    def resolve(self, header: ArticleHeader, diags: Diagnostics):
        """(roles, reporters, topic slugs, additions) of the article.

        A name no registry knows becomes a new, unregistered entry, named as the first article
        (in folder order) that names it spells it: ``additions`` lists those of this article
        as ("person" or "topic", slug, name), for ``_add_unregistered``."""
        where = header.index_path  # (made once: this runs for every name of every article)
        additions = []
        roles: list[PersonRole] = []
        reporters: list[Reporter] = []
        people_refs, reporter_refs, topic_refs = header.names()
        for refs, found, kind in ((people_refs, roles, PersonRole), (reporter_refs, reporters, Reporter)):
            for ref in refs:
                slug = self.people_finder.slug_for(ref, diags, where)
                if slug and slug not in self.registered_people:
                    additions.append(("person", slug, ref.name))
                if slug and all(r.slug != slug for r in found):
                    found.append(kind(slug, ref.role))
        topic_slugs: list[str] = []
        for ref in topic_refs:
            slug = self.topic_finder.slug_for(ref, diags, where)
            if slug and slug not in self.registered_topics:
                additions.append(("topic", slug, ref.name))
            if slug and slug not in topic_slugs:
                topic_slugs.append(slug)
        return roles, reporters, topic_slugs, tuple(additions)


def _add_unregistered(additions: tuple, people: dict, topics: dict, bundle: BundleHeader, diags: Diagnostics,
                      resolver: _NameResolver) -> None:
    warned = set()
    for kind, slug, name in additions:
        entries = people if kind == "person" else topics
        entry = entries.get(slug)
        if entry is None:
            entries[slug] = Person(slug, name) if kind == "person" else Topic(slug, name)
            if (meant := resolver.registered_near(kind, slug)) is not None:  # (the first article naming it says so)
                _warn_of_near_miss(kind, slug, name, entries[meant].name, bundle, diags)
        elif entry.name != name and (kind, name) not in warned and _other_names_of_one_address(entry.name, name):
            warned.add((kind, name))  # (once an article: a name it gives twice, as a person and a reporter)
            _warn_of_shared_address(kind, slug, entry.name, name, bundle, diags)


def _other_names_of_one_address(first: str, then: str) -> bool:
    """Whether two names no registry knows, which make one page address, are two names: in
    Latin letters 王伟 and 汪伟 are both "wang-wei", and the second article's would be listed
    as the first's person without a word. Names in Latin letters that make one address are
    one name written with other accents or capitals (Jurgen Weiss is Jürgen Weiß), and a name
    in Latin letters is taken as the spelling of one in another script, as a registry's
    is (Vladimir Putin for Владимир Путин): only two names both in other scripts may be two."""
    return in_another_script(first) and in_another_script(then) and name_key(first) != name_key(then)


def _warn_of_shared_address(kind: str, slug: str, first: str, then: str, bundle: BundleHeader,
                            diags: Diagnostics) -> None:
    folder = "topics" if kind == "topic" else "people"
    diags.warning(Location(Path(bundle.folder) / INDEX_FILE, _line_of_name(kind, then, bundle)),
                  f"{kind} {then!r} is listed on the page of {first!r} ({folder}/{slug}/, named so by an earlier "
                  f"article): in Latin letters both are '{slug}'. If they are two, give this one a registry file of "
                  f"its own (content/{folder}/{slug}-2.yaml, with name: {then}); if one, write the name alike")


def _warn_of_near_miss(kind: str, slug: str, name: str, registered: str, bundle: BundleHeader,
                       diags: Diagnostics) -> None:
    folder = "topics" if kind == "topic" else "people"
    diags.warning(Location(Path(bundle.folder) / INDEX_FILE, _line_of_name(kind, name, bundle)),
                  f"{kind} {name!r} is in no registry and gets a page of its own ({folder}/{slug}/): did you mean "
                  f"{registered!r}? If not, give it a registry file (content/{folder}/{slug}.yaml, with name: {name})")


def _line_of_name(kind: str, name: str, bundle: BundleHeader) -> int | None:
    people_refs, reporter_refs, topic_refs = bundle.header.names()  # (rare: unpacked only for a warning)
    refs = topic_refs if kind == "topic" else people_refs + reporter_refs
    return next((ref.line for ref in refs if ref.name == name), None)


class _NearSlugs:
    """Registered slugs one edit from an unregistered one's (a letter left out, put in or
    changed), found by the slugs with one letter left out: a look-up per letter, not a
    comparison with every slug of a registry of thousands. Only a slip in a word of
    MIN_LETTERS or more, and no digit's change, is taken for one: "budget-2024" is another
    year's topic, and Jon Smith, Eric Chen, Wang Mei are most often other people than John
    Smith, Erin Chen, Wang Wei; a person's first word (a given name, mostly) is left out too."""

    MIN_LETTERS = 5

    def __init__(self, slugs: set[str], first_word_too: bool):
        self.slugs, self.first_word_too = slugs, first_word_too
        self.by_variant: dict[str, list[str]] = {}
        for slug in sorted(slugs):  # (sorted: the same slug is named whatever the set's order)
            for variant in _one_left_out(slug):
                self.by_variant.setdefault(variant, []).append(slug)

    def one_letter_from(self, slug: str) -> str | None:
        if not self.slugs:
            return None
        candidates = list(self.by_variant.get(slug, ()))  # (a letter left out of a registered slug)
        for variant in _one_left_out(slug):
            if variant in self.slugs:  # (a letter put in)
                candidates.append(variant)
            candidates.extend(self.by_variant.get(variant, ()))  # (a letter changed, somewhere)
        return next((c for c in sorted(set(candidates)) if self._a_slip(slug, c)), None)

    def _a_slip(self, written: str, registered: str) -> bool:
        at = _edit_at(written, registered)
        if at is None:
            return False
        longer = max(written, registered, key=len)
        changed = written[at:at + 1] + registered[at:at + 1]
        word_number = longer.count("-", 0, at)
        word = longer.split("-")[word_number]
        return (not any(c.isdigit() for c in changed) and len(word) >= self.MIN_LETTERS
                and (self.first_word_too or word_number > 0))


def _edit_at(a: str, b: str) -> int | None:
    """Where ``a`` and ``b`` differ by one letter left out, put in or changed; None if they
    differ otherwise (or not at all)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return None
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return at if a[at + 1:] == b[at + 1:] else None
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return at if longer[at + 1:] == shorter[at:] else None


def _one_left_out(word: str):
    return (word[:i] + word[i + 1:] for i in range(len(word)))


class _SlugsOfNames:
    """``person_slug_for`` with a memory: the same few thousand names come back in article
    after article (at 10,000 articles, 90,000 lookups of 15,000 names). A name that gave an
    error is looked up again each time, so that every place it is written is reported."""

    def __init__(self, finder: NameIndex):
        self.finder = finder
        self.known: dict[tuple, str] = {}

    def slug_for(self, ref: NameRef, diags: Diagnostics, where: Path) -> str | None:
        key = (ref.registry_id, ref.name)
        slug = self.known.get(key)
        if slug is None:
            slug = person_slug_for(ref, self.finder, diags, where)
            if slug:
                self.known[key] = slug
        return slug


def _body_key(header: ArticleHeader, roles: list, reporters: list, topic_slugs: list, auto_names: tuple,
              settings: tuple) -> str:
    """The cache key of an article's rendered body: its source and files, its names resolved,
    the names its body links, and the settings its links are made with."""
    # (As tuples: the names come as lists when resolved by this build, as its record's tuples
    # when they are as the last build resolved them, and must digest alike.)
    return digest(CACHE_VERSION, str(header.folder), header.source_digest, header.files_digest, plain(tuple(roles)),
                  plain(tuple(reporters)), tuple(topic_slugs), auto_names, *settings)


def _auto_link_names(roles: list, reporters: list, people: dict[str, Person], header: ArticleHeader) -> tuple[tuple[str, str], ...]:
    """The names (and aliases) of the article's people, which its body links to their pages;
    and each name as the front matter spells it, when that is another spelling of the
    person's (``Jurgen Weiss`` for the registry's ``Jürgen Weiß``: the body most likely spells
    it so too)."""
    names = {}
    slugs = [r.slug for r in roles] + [r.slug for r in reporters]
    for slug in slugs:
        person = people[slug]
        for name in (person.name, *person.aliases):
            names.setdefault(name, slug)
    people_refs, reporter_refs, _ = header.names()
    for ref in (*people_refs, *reporter_refs):
        written = ref.name.strip()
        if written and written not in names and written not in slugs:  # (most often the name itself: nothing to do)
            key = name_key(written)
            for slug in slugs:
                person = people[slug]
                if any(name_key(name) == key for name in (person.name, *person.aliases)):
                    names[written] = slug
                    break
    # Longest first, so "Donald Trump" is preferred over the alias "Trump" at the same spot.
    return tuple(sorted(names.items(), key=lambda item: (-len(item[0]), item[0])))
