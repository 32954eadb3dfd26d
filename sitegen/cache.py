"""The build cache (``.sitegen-cache/``): what the last build learnt, so the next does less.

Five things are kept, all keyed by their inputs so a stale entry can never be used:

- each article's front matter, keyed by what the file system says of the bundle's files
  (sizes, times, inodes) and by the text of ``index.md``, so an unchanged archive is not
  even read;
- loaded articles, keyed by the bytes of their bundle plus everything the body's rendering
  looked up elsewhere (the names of the people and topics it refers to); with the front
  matter, in ``articles/``, split by slug over a few dozen files so an edit rewrites one;
  beside each of those files, its bundles' scans once more, in a form that a process of its
  own reads without the records, to look at the bundles while the build opens the cache
  (see lookahead.py);
- each loaded article's rendered body and comments (``bodies/``, appended to packs, its place
  in its record): they are most of the bytes, and only the pages rendered again need them, so
  a rebuild reads a handful instead of all; with where the body's code blocks are, which its
  next rendering takes as they were if their code is the same (see markup.render_body);
- each people and topic registry file's checked values, keyed by its path and text;
- for each output folder, the key of every render *unit* (an article page with its files, a
  person's pages and feed, ...) and the files it wrote, so an unchanged unit is linked from the
  previous output instead of rendered again.

A cache that cannot be read (another sitegen version, a truncated file) is ignored, never
trusted: the build then simply does all the work.
"""

from __future__ import annotations

import copyreg
import gc
import hashlib
import io
import marshal
import os
import pickle
import shutil
import sys
import time
import zlib
from array import array
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress
from operator import is_not
from pathlib import Path, PosixPath, PurePath, PurePosixPath, PureWindowsPath, WindowsPath
from typing import Iterable, Sequence

import sitegen

from . import parallel
from .fileio import named, read_bytes, removed_if_unfinished, write_replacing
from .lookahead import LookAhead, file_identity

CACHE_DIR = ".sitegen-cache"
# Bump when the layout of the cache's files changes. (Changes to the code that renders are
# caught by _made_by, below.)
FORMAT = 22


def _made_by() -> str:
    """A digest of what turns content into output besides the content itself: every module of
    sitegen (its version number stays the same in a checkout that is being changed, as in this
    repository's own Pages workflow), the versions of the libraries that render, and the files
    of markupsafe, which escapes. A cache made by anything else is not used: render units are
    reused by key, and keys name inputs."""
    import anyascii
    import jinja2
    import markdown_it
    import markupsafe
    import mdit_py_plugins
    import pygments
    import yaml

    h = hashlib.sha256()
    h.update(_files_digest(Path(sitegen.__file__).parent, "*.py"))
    libraries = (jinja2.__version__, markdown_it.__version__, mdit_py_plugins.__version__, pygments.__version__,
                 yaml.__version__, anyascii.__version__)  # (anyascii: the page addresses made from names)
    h.update(repr(libraries).encode("utf-8"))
    # markupsafe no longer says its version but through importlib.metadata, whose import and
    # search of the installed packages were a fiftieth of a one-article edit's build: its own
    # files are read instead (a handful, its compiled escaping included), as sitegen's are.
    h.update(_files_digest(Path(markupsafe.__file__).parent))
    return h.hexdigest()[:16]


def _files_digest(package: Path, pattern: str = "*") -> bytes:
    """The names and bytes of a package's files matching ``pattern`` (not its compiled bytecode)."""
    h = hashlib.sha256()
    for path in sorted(package.rglob(pattern)):
        if path.is_file() and "__pycache__" not in path.relative_to(package).parts:
            h.update(path.relative_to(package).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return h.digest()


VERSION = f"{sitegen.__version__}/{FORMAT}/{_made_by()}"


def digest(*parts) -> str:
    """A stable digest of plain data (str, bytes, numbers, tuples, frozen dataclasses)."""
    return _sha256(parts).hexdigest()


def raw_digest(*parts) -> bytes:
    """``digest`` as 32 bytes: for keys made of many digests, joined (see render/plan.py)."""
    return _sha256(parts).digest()


def _sha256(parts: tuple):
    """Each part as its kind, its length in bytes and its bytes, so that no two different
    sequences of parts read alike."""
    chunks = []
    for part in parts:
        if isinstance(part, str):
            # Its UTF-8 bytes, not its repr: repr escapes the text character by character,
            # four times slower on an article's text, which every build digests.
            kind, data = b"str", part.encode("utf-8", "surrogatepass")
        elif isinstance(part, bytes):
            kind, data = b"bytes", part
        else:
            kind, data = _encoded(part)
        chunks += (b"%s %d:" % (kind, len(data)), data, b"\x00")
    # Hashed at once: three calls of update a part were a third of digesting a dozen small ones.
    return hashlib.sha256(b"".join(chunks))


def _encoded(part) -> tuple[bytes, bytes]:
    """Plain data (tuples and lists of strings, numbers, None, ...) as ``marshal`` writes it,
    in C; anything else (dataclasses) as its repr. Marshal's format 2, the last without
    references to objects written before: from format 3 on, the bytes depend on which equal
    strings are one object and which are not (interned or not, read from the cache or made
    anew), and equal values must give equal digests from one build to the next. The repr of a
    tuple of an article's names and roles took three times as long."""
    try:
        return b"marshal", marshal.dumps(part, 2)
    except ValueError:  # (not plain data)
        return b"repr", repr(part).encode("utf-8", "surrogatepass")


@dataclass
class CachedArticle:
    key: str  # digest of the bundle's bytes and the rendering settings
    # ((kind, slug), the name it had when the body was rendered, or None: unknown) pairs, in a
    # model.Packed: only a build whose registries changed reads them, and unpacked they were a
    # seventh of what the parent holds of each article (100 MB at 100,000 articles).
    refs: Sequence
    article: object
    warnings: list
    # What its names added to the people and topics that the registries lack (see
    # load._NameResolver): with the registries unchanged, its names need not be resolved again.
    additions: tuple | None = None
    body: tuple | None = None  # where the body store keeps its body and comments: (pack, offset, size)

    def __reduce__(self):
        # Made again by a call with its values, not as an empty object whose attributes are set
        # from a dict: the cache holds one per article, every build reads them all.
        return CachedArticle, (self.key, self.refs, self.article, self.warnings, self.additions, self.body)


@dataclass
class OutputManifest:
    """What each unit of the plan wrote at the last build: its key, and its files' paths and sizes.

    One string of paths and one bytes of sizes per unit, not a string and an int per file: at
    100,000 articles this names half a million files (150 MB as tuples), the parent holds it
    while rendering, and every render worker it forks inherits the parent's memory. (Sizes as
    an array's bytes, not an array: pickling and unpickling an array calls back into Python
    for each, and a one-article edit saves and reads the manifest of every unit.)
    """

    units: dict = field(default_factory=dict)  # unit id -> (key, NUL-joined paths, sizes: see _joined_files)
    # Output folders ("" for the top) -> modification and change times and inode, as they were
    # when every file in them was last seen: see build._check_output.
    folders: dict = field(default_factory=dict)
    basis: object = None  # what the units' keys were made from (render.plan.Basis)
    # The sitemap's files and robots.txt, as (NUL-joined paths, sizes), as a unit's: made last,
    # from every unit's paths, and as many as the sitemap needs parts.
    crawler: tuple = field(default_factory=lambda: ("", b""))
    # The search index in the output, if there is one: (search.index_basis of the build that
    # made it, its size in bytes, what search.index_site returned). Kept by builds without
    # --search, so that a later --search build can tell whether the pages changed since.
    search: tuple | None = None
    # Not saved: (a time, output folders) that a look at the output, from that time on, found
    # as ``folders`` records them (see lookahead.py); None if none looked.
    looked: tuple | None = field(default=None, compare=False, repr=False)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("looked", None)
        return state

    def record(self, unit_id: tuple, key: str, paths: Iterable[str], sizes: Iterable[int]) -> None:
        self.units[unit_id] = (key, *_joined_files(paths, sizes))

    def key(self, unit_id: tuple) -> str | None:
        entry = self.units.get(unit_id)
        return entry[0] if entry else None

    def files(self, unit_id: tuple) -> tuple[list[str], array]:
        """The unit's paths (relative to the output folder) and their sizes in bytes."""
        _, joined, sizes = self.units[unit_id]
        return _split_files(joined, sizes)

    def files_of(self, unit_ids: Sequence[tuple]) -> tuple[list[str], array]:
        """``files`` of several units, in their order, at once: one split for them all, not one
        a unit (an edit reuses the files of some ten thousand units)."""
        entries = [self.units[unit_id] for unit_id in unit_ids]
        joined = "\0".join([paths for _, paths, _ in entries if paths])
        return _split_files(joined, b"".join([sizes for _, _, sizes in entries]))

    def record_crawler(self, paths: Iterable[str], sizes: Iterable[int]) -> None:
        self.crawler = _joined_files(paths, sizes)

    def crawler_files(self) -> tuple[list[str], array]:
        return _split_files(*self.crawler)

    def total_bytes(self) -> int:
        return sum(sum(array("Q", sizes)) for _, _, sizes in self.units.values()) + sum(array("Q", self.crawler[1]))


def _joined_files(paths: Iterable[str], sizes: Iterable[int]) -> tuple[str, bytes]:
    # NUL is the one character no file name can hold.
    return "\0".join(paths), array("Q", sizes).tobytes()


def _split_files(joined: str, sizes: bytes) -> tuple[list[str], array]:
    return (joined.split("\0") if joined else []), array("Q", sizes)


class CacheDamaged(Exception):
    """A cache file that was there when the build was planned cannot be read back."""


class BodyStore:
    """Rendered bodies and comments (``ArticleContent``), by article fingerprint, appended to
    pack files (``bodies/*.pack``).

    Load-stage workers put what they render here and hand the parent only the light
    ``Article`` with the body's place (pack, offset, size), kept in the article's record (see
    ``CachedArticle.body``); render-stage workers take back the few they need. One pack per
    process that renders bodies, written by it alone and only ever appended to: a place that
    a record names holds the bytes it was given. One file per body cost a cold build a file
    to create and another to rename for every article, a tenth of the CPU of its load stage
    (creating files is slow on these file systems; see README, "Performance"), and as much
    again to open each one at the render stage.

    A pack whose bodies are no longer in any record goes; one that holds mostly dead bodies
    has its live ones copied on (see ``compact``), so the store stays near the site's size.
    """

    def __init__(self, folder: Path, writable: bool = True):
        self.folder = folder / "bodies"
        self.writable = writable  # `sitegen check` never writes: its bodies are dropped
        self.located: dict[str, tuple] = {}  # fingerprint -> place, for ``get`` (see locate)
        self._sizes: dict[str, int] | None = None  # pack name -> its size, as listed once (see has)
        self._writing: tuple | None = None  # (pid, fd, pack name, its size): this process's pack
        self._reading: dict[str, int] = {}  # pack name -> a descriptor open for reading

    def has(self, place) -> bool:
        """Whether the store holds the bytes at ``place`` (a record's ``body``). Asked for every
        article on every build: the packs are listed once, not a stat an article."""
        if place is None:
            return False
        if self._sizes is None:
            self._sizes = self._listed()
        pack, offset, size = place
        return offset + size <= self._sizes.get(pack, -1)

    def locate(self, fingerprint: str, place) -> tuple | None:
        """Where ``get(fingerprint)`` finds the body: told for every article the build has.
        Returns the place with its pack's name interned: a record that keeps it holds one
        string a pack rather than one an article (each came from a worker on its own)."""
        if place is not None and sys.intern(place[0]) is not place[0]:
            place = (sys.intern(place[0]), place[1], place[2])
        self.located[fingerprint] = place
        return place

    def put(self, fingerprint: str, content) -> tuple | None:
        """Append ``content`` to this process's pack; its place (None if not stored)."""
        if not self.writable:
            return None
        payload = pickle.dumps((VERSION, content), protocol=pickle.HIGHEST_PROTOCOL)
        place = self._append(_checksum(payload) + payload)
        self.located[fingerprint] = place
        return place

    def _append(self, data: bytes) -> tuple:
        pid = os.getpid()
        if self._writing is None or self._writing[0] != pid:  # (forked: the pack is the parent's)
            self._writing = (pid, *self._new_pack())
        _, fd, pack, offset = self._writing
        path = os.path.join(self.folder, pack)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        except OSError as exc:
            # A body written in part (the disk full, say) is taken off again: no record names
            # it, and it would hold on to the space that ran out.
            try:
                os.ftruncate(fd, offset)
            except OSError:  # (then the pack's end is not known: the next body goes to a new one)
                os.close(fd)
                self._writing = None
            raise named(exc, path) from None
        self._writing = (pid, fd, pack, offset + len(data))
        if self._sizes is not None:
            self._sizes[pack] = offset + len(data)
        return pack, offset, len(data)

    def _new_pack(self) -> tuple[int, str, int]:
        pack = f"{_pack_tag()}-{os.getpid()}-{os.urandom(6).hex()}.pack"
        path = os.path.join(self.folder, pack)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | _NOT_INHERITED
        try:
            fd = os.open(path, flags, 0o666)
        except FileNotFoundError:  # the store's first pack
            os.makedirs(self.folder, exist_ok=True)
            fd = os.open(path, flags, 0o666)
        return fd, pack, 0

    def get(self, fingerprint: str):
        """The stored content; ``CacheDamaged`` if its pack is gone or not what was written."""
        place = self.located.get(fingerprint)
        if place is None:
            raise CacheDamaged(f"{self.folder}: no body {fingerprint}")
        return self.at(place)

    def at(self, place):
        """The content at ``place`` (a record's ``body``); ``CacheDamaged`` as for ``get``."""
        try:
            version, content = pickle.loads(memoryview(self._record(place))[_CHECKSUM_SIZE:])
        except Exception:
            version = None
        if version != VERSION:
            raise CacheDamaged(os.path.join(self.folder, place[0]))
        return content

    def _record(self, place) -> bytes:
        """The bytes at ``place`` (a checksum, then the pickled body), the checksum checked."""
        pack, offset, size = place
        data = _read_at(self._reader(pack), size, offset)
        if len(data) != size or _checksum(memoryview(data)[_CHECKSUM_SIZE:]) != data[:_CHECKSUM_SIZE]:
            raise CacheDamaged(os.path.join(self.folder, pack))
        return data

    def _reader(self, pack: str) -> int:
        """A descriptor open on the pack, at most READERS of them kept open: a theme changed
        on an archive edited for years reads from every pack there is."""
        fd = self._reading.pop(pack, None)
        if fd is None:
            if len(self._reading) >= READERS:
                os.close(self._reading.pop(next(iter(self._reading))))  # (the least recently used)
            try:
                fd = os.open(os.path.join(self.folder, pack), os.O_RDONLY | _NOT_INHERITED)
            except FileNotFoundError:
                raise CacheDamaged(os.path.join(self.folder, pack)) from None
        self._reading[pack] = fd
        return fd

    def close(self) -> None:
        """Close the packs this process has open (a ``sitegen serve`` builds again and again)."""
        if self._writing is not None and self._writing[0] == os.getpid():
            os.close(self._writing[1])
        self._writing = None
        for fd in self._reading.values():
            with suppress(OSError):
                os.close(fd)
        self._reading.clear()

    def compact(self, records: dict, live: dict | None = None) -> set:
        """Copy the live bodies out of packs that are mostly dead bodies (at most half their
        bytes in use), and out of the small packs once there are many, into this process's
        pack; ``records`` (slug -> CachedArticle) get their new places, to be saved. Returns
        the packs emptied so. (``live``: ``_live_bytes(records)``, if already known.)

        Bodies die one by one as articles are edited, and a pack goes only when all of its
        bodies have: without this, an archive edited over the years would keep a version of
        every article ever built in a pack that one unedited article holds on to. And every
        build that renders a body again writes a pack of its own, a small one after an edit.

        An emptied pack's bodies are current versions, which another build sharing the cache
        may have found there and be about to read: it is touched, and goes only once it is
        as old as a killed build's leftover (see prune)."""
        if not self.writable:
            return set()
        live = live if live is not None else _live_bytes(records)
        sizes = self._sizes if self._sizes is not None else self._listed()
        own = self._writing[2] if self._writing is not None else None
        used = {pack: size for pack, size in sizes.items() if pack != own and live.get(pack)}
        small = {pack for pack, size in used.items() if size < COMPACT_FROM}
        sparse = {pack for pack, size in used.items() if pack not in small and live[pack] * 2 <= size}
        if len(small) > MANY_SMALL_PACKS:
            sparse |= small
        if not sparse:
            return set()
        for slug, record in sorted(records.items()):
            if record.body is not None and record.body[0] in sparse:
                place = self._append(self._record(record.body))  # (copied as it is, not unpickled)
                self.located[record.article.fingerprint] = place
                records[slug] = replace(record, body=place)
        for pack in sparse:
            with suppress(OSError):
                os.utime(os.path.join(self.folder, pack))
        return sparse

    def prune(self, records: Iterable, dropped: set = frozenset(), used: set | None = None) -> None:
        """Remove the packs that hold no body of ``records`` (CachedArticle): those named in
        ``dropped`` (the packs the records read at the start of the build used) and those of
        another sitegen VERSION at once, others only once untouched for as long as a killed
        build's leftover. A pack that no record names may be one that another build is writing
        right now (``sitegen serve`` and ``sitegen build`` in a second terminal share the
        cache): removed under the writer's feet, that build would fail at its render stage.
        (So the packs of the build before a --clean one, which reads no records, stay until
        an hour after they were written.) ``used``: the packs the records use, if already known."""
        used = set(used) if used is not None else {record.body[0] for record in records if record.body is not None}
        if self._writing is not None:
            used.add(self._writing[2])
        ours = _pack_tag() + "-"
        now = time.time()
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return
        for entry in entries:
            if entry.name in used:
                continue
            with suppress(OSError):  # (gone meanwhile: another build pruned it)
                if (entry.name in dropped or not entry.name.startswith(ours) or not entry.name.endswith(".pack")
                        or now - entry.stat(follow_symlinks=False).st_mtime > LEFTOVER_SECONDS):
                    if entry.is_dir(follow_symlinks=False):
                        shutil.rmtree(entry.path)  # (a store of the layout before packs)
                    else:
                        os.unlink(entry.path)
        self._sizes = None

    def _listed(self) -> dict[str, int]:
        try:
            return {entry.name: entry.stat(follow_symlinks=False).st_size
                    for entry in os.scandir(self.folder) if entry.name.endswith(".pack")}
        except OSError:
            return {}

    def __getstate__(self) -> dict:
        # (For a worker started without fork: its own descriptors, opened when it needs them.)
        return {**self.__dict__, "_writing": None, "_reading": {}}


def _read_at(fd: int, size: int, offset: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, size, offset)
    os.lseek(fd, offset, os.SEEK_SET)  # (Windows: no pread; each process has its own descriptors)
    return os.read(fd, size)


# Descriptors of the body store's packs: not passed on to programs the build starts
# (Pagefind), and binary where the system tells text from binary.
_NOT_INHERITED = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
# At most this many packs are kept open for reading by one process.
READERS = 64


def _pack_tag() -> str:
    """What the names of this VERSION's packs start with: those of another are no build's now."""
    return digest(VERSION)[:12]


def _live_bytes(records: dict) -> dict[str, int]:
    """Pack name -> the bytes of it that ``records`` (slug -> CachedArticle) use."""
    live: dict[str, int] = {}
    for record in records.values():
        if record.body is not None:
            live[record.body[0]] = live.get(record.body[0], 0) + record.body[2]
    return live


# Packs smaller than this are left as they are, however few of their bodies are in use: a
# build that renders a few articles again writes a small pack, and copying a few bodies on at
# every build would cost more than the bytes it saves ...
COMPACT_FROM = 1 << 20
# ... until there are more of them than this: then their bodies go to one pack.
MANY_SMALL_PACKS = 32


def _checksum(payload) -> bytes:
    """What a body starts with in its pack, to tell a damaged or cut off one (CacheDamaged): a
    CRC-32, as in zip and gzip files. Not a cryptographic digest: the files are the cache's
    own, and one that anyone could change could as well be given a right digest. (A SHA-256
    of a body of 9 KB takes twice as long, at every write and every read.)"""
    return zlib.crc32(payload).to_bytes(_CHECKSUM_SIZE, "little")


_CHECKSUM_SIZE = 4

# A pack of the body store that no record names, untouched for this long, is a killed build's,
# not one that another build is writing, or reading from after a compaction.
LEFTOVER_SECONDS = 3600

# The article entries are split over this many files by slug, so that an edit rewrites one
# small file rather than the whole index of a large archive.
SHARDS = 64


@dataclass
class BuildCache:
    folder: Path
    articles: dict = field(default_factory=dict)  # slug -> CachedArticle
    headers: dict = field(default_factory=dict)  # slug -> load.BundleHeader
    hits: int = 0
    misses: int = 0
    bodies: BodyStore | None = None
    loaded: dict | None = None  # shard number -> {slug: (article, header)} as read; None: not read
    registries: dict = field(default_factory=dict)  # registry files as checked (load.registries.CheckedEntries)
    registries_changed: bool = True  # since they were read from the cache
    names: tuple | None = None  # (people, topics, URL settings) of the last build (see load_site)
    names_read: tuple | None = None
    released: set = field(default_factory=set)  # the packs of the bodies of the records let go (see release)
    read_articles: dict = field(default_factory=dict)  # slug -> CachedArticle, as read
    read_headers: dict = field(default_factory=dict)  # slug -> load.BundleHeader, as read
    used_packs: set | None = None  # the packs the records use, as compact_bodies found them
    compacted: set = field(default_factory=set)  # the packs whose bodies compact_bodies moved
    tokens: dict = field(default_factory=dict)  # shard number -> the token it was saved with (see save)
    look_ahead: LookAhead | None = None  # looking at the bundles and the output meanwhile (see open)
    _saving: object = field(default=None, repr=False)  # the process saving the shards (see start_saving_articles)
    _shards: tuple | None = field(default=None, repr=False)  # (the shards to save, their state), made for it
    _manifest_read: tuple | None = field(default=None, repr=False)  # (output folder, its manifest, identity): see open

    def __post_init__(self):
        if self.bodies is None:
            self.bodies = BodyStore(self.folder)

    @classmethod
    def open(cls, root: Path, enabled: bool = True, look_at: tuple[Path, Path] | None = None,
             jobs: int = 1) -> "BuildCache":
        """The cache of the site at ``root``. With ``look_at``, (the articles' folder, an
        output folder), and more than one job, a process of its own looks meanwhile at the
        bundles and the output folders as the cache remembers them (see lookahead.py;
        ``bundles_as_saved`` and ``manifest`` give its answers)."""
        cache = cls(root / CACHE_DIR)
        if enabled:
            if look_at is not None:
                articles, output = look_at
                cache.look_ahead = LookAhead.start(cache.folder, articles, output, cache._manifest_path(output), jobs)
            with _no_collection():
                shards = {n: _load(cache._shard_path(n)) for n in range(SHARDS)}
                cache.tokens = {n: shard[0] for n, shard in shards.items() if shard is not None}
                cache.loaded = {n: shard[1] if shard else {} for n, shard in shards.items()}
                cache.registries = _load(cache._registries_path()) or {}
                cache.names = cache.names_read = _load(cache._names_path())
                if look_at is not None:
                    # Read now, not when the plan asks for it: the look ahead is then given this
                    # much longer to look at the bundles before the load stage asks for its answer
                    # (on a slow hour, an edit's build waited for it as long as this takes).
                    identity = []
                    cache._manifest_read = (look_at[1], _load(cache._manifest_path(look_at[1]), identity), identity)
            for entries in cache.loaded.values():
                for slug, (article, header) in entries.items():
                    if article is not None:
                        cache.articles[slug] = article
                    if header is not None:
                        cache.headers[slug] = header
            cache.read_articles, cache.read_headers = dict(cache.articles), dict(cache.headers)
        return cache

    def bundles_as_saved(self, remembered: dict[str, bytes]) -> tuple[set[str], tuple | None]:
        """The bundle folders that the look ahead (see open) found as the scans of their
        remembered headers describe them, whose headers can be used without looking again;
        and the bundles it found, if the build can take its word (see LookAhead.bundles)."""
        if self.look_ahead is None:
            return set(), None
        return self.look_ahead.bundles(self.tokens, remembered)

    def release(self, slug: str) -> None:
        """Let go of the cached record of an article that is being loaded again. When all of
        them are (the site was moved, the base URL changed), holding the old records until the
        cache is saved would double the build's memory: 1.2 GB more at 100,000 articles."""
        self.articles.pop(slug, None)
        shard = (self.loaded or {}).get(_shard_of(slug))
        if shard and slug in shard and shard[slug][0] is not None:
            article, header = shard[slug]
            if article.body is not None:
                self.released.add(article.body[0])
            shard[slug] = (None, header)  # no longer the same entry: its shard is written again

    def compact_bodies(self) -> None:
        """Keep the body store near the site's size (see BodyStore.compact): after the load,
        before the records are saved (which the build must then do, ``compacted``)."""
        live = _live_bytes(self.articles)
        self.used_packs = set(live)  # (before compacting: the packs it empties are kept a while, see prune)
        self.compacted = self.bodies.compact(self.articles, live)

    def manifest(self, output_dir: Path, enabled: bool = True) -> OutputManifest:
        """What the last build wrote to ``output_dir``; with what the look ahead (see open)
        found of its folders, if it looked at the same manifest (``OutputManifest.looked``)."""
        if not enabled:
            return OutputManifest()
        if self._manifest_read is not None and self._manifest_read[0] == output_dir:
            _, manifest, identity = self._manifest_read
            self._manifest_read = None
        else:
            identity = []
            manifest = _load(self._manifest_path(output_dir), identity)
        manifest = manifest or OutputManifest()
        if self.look_ahead is not None:
            manifest.looked = self.look_ahead.output_folders(identity[0] if identity else None)
        return manifest

    def start_saving_articles(self) -> None:
        """Save the articles' records (the shards: what the load stage found) in a process of
        its own while the build goes on, rather than at its end with a core idle; ``save``
        waits for it. They are as they will be at the end: nothing after the load changes
        them. Only when as many shards changed as ``save`` would give to workers (all of them,
        after a cold build): the one an edit changes is saved at the end, in this process, as a
        process started for it would cost more than it saves. (Where processes cannot be
        forked, ``save`` saves them too.)"""
        self._shards = changed, state = self._changed_shards()
        if len(changed) >= parallel.MIN_TASKS_FOR_POOL:
            (self.folder / "articles").mkdir(parents=True, exist_ok=True)
            self._saving = parallel.start(_store_shards, state, changed)

    def stop_saving_articles(self) -> bool:
        """Wait for the shards being saved (see start_saving_articles): whether they were."""
        saving, self._saving = self._saving, None
        if saving is None:
            return False
        saving.join()
        return saving.exitcode == 0

    def _changed_shards(self) -> tuple[list[int], dict]:
        """The shards whose entries are no longer the very objects read (an entry added,
        dropped or made anew), and the state for saving them: their entries, by slug."""
        # Found by identity, without a shard's dict made for each of the 64 (10 ms at 10,000 articles).
        loaded, articles, headers = self.loaded or {}, self.articles, self.headers
        changed_slugs = {*_not_as_read(articles, self.read_articles), *_not_as_read(headers, self.read_headers)}
        changed_slugs.update(self.read_articles.keys() - articles.keys(), self.read_headers.keys() - headers.keys())
        # (Without the cache read, --clean: every shard is written, the empty ones too, over
        # whatever the files hold.)
        by_shard: dict[int, set] = {} if self.loaded is not None else {n: set() for n in range(SHARDS)}
        for slug in changed_slugs:
            by_shard.setdefault(_shard_of(slug), set()).add(slug)
        changed = sorted(by_shard)
        shards = {n: {slug: (articles.get(slug), headers.get(slug))
                      for slug in sorted(by_shard[n].union(loaded.get(n, ()))) if slug in articles or slug in headers}
                  for n in changed}
        return changed, {"shards": shards, "folder": str(self.folder), "tokens": {n: os.urandom(8) for n in changed}}

    def save(self, output_dir: Path, manifest: OutputManifest, jobs: int = 1) -> None:
        if not self.stop_saving_articles():
            # Pickled by forked workers, which have the shards already (only their numbers are
            # sent), rather than one by one while the other cores wait. (Also when the process
            # saving them failed: then the failure is seen here.)
            changed, state = self._shards or self._changed_shards()
            (self.folder / "articles").mkdir(parents=True, exist_ok=True)
            for _ in parallel.run(_store_shard, changed, jobs, state):
                pass
        _store(self._manifest_path(output_dir), manifest)
        if self.registries_changed:
            _store(self._registries_path(), self.registries)
        if self.names != self.names_read:
            _store(self._names_path(), self.names)
        # The packs that the records read at the start used (and those of the records let go,
        # see release) and these no longer use hold only versions this build replaced, unless
        # their bodies were moved (see BodyStore.compact): removed at once. Of the records read,
        # those still here use packs that are in use; those let go, the released; so only
        # those of articles gone are looked at (not every record, twice).
        read, gone = self.read_articles, self.read_articles.keys() - self.articles.keys()
        before = {read[slug].body[0] for slug in gone if read[slug].body is not None}
        self.bodies.prune(self.articles.values(), dropped=(before | self.released) - self.compacted,
                          used=self.used_packs)

    def _shard_path(self, number: int) -> Path:
        return _shard_path(self.folder, number)

    def compiled_templates(self) -> Path:
        """Where Jinja keeps compiled templates (see ``render.theme.create_environment``), one
        folder per ``VERSION``: Jinja checks a compiled template against its source only, and
        what sitegen does to a template before compiling it, or Jinja's compiler, may change.
        Other versions' folders are removed."""
        folder = self.folder / "templates"
        current = digest(VERSION)[:16]
        if folder.is_dir():
            for entry in os.scandir(folder):
                if entry.name == current and entry.is_dir(follow_symlinks=False):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    os.unlink(entry.path)
        return folder / current

    def _registries_path(self) -> Path:
        return self.folder / "registries.pickle"

    def _names_path(self) -> Path:
        return self.folder / "names.pickle"

    def forget_output(self, output_dir: Path) -> None:
        """Drop what the cache remembers of ``output_dir`` (see build: before the output changes)."""
        self._manifest_path(output_dir).unlink(missing_ok=True)

    def forget_output_folder(self, output_dir: Path) -> None:
        """Forget ``output_dir`` for good, its lock file too: a folder that is going away (a
        second ``sitegen serve``'s temporary one), whose files would otherwise stay. (Never
        during a build: a build holding a lock file that is unlinked holds nothing.)"""
        self.forget_output(output_dir)
        _output_lock_path(self.folder, output_dir).unlink(missing_ok=True)

    def _manifest_path(self, output_dir: Path) -> Path:
        # One manifest per output folder: a test build into /tmp must not spoil public/'s.
        return self.folder / f"output-{_output_key(output_dir)}.pickle"


def _output_key(output_dir: Path) -> str:
    return digest(str(Path(output_dir).resolve()))[:16]


def _output_lock_path(cache_folder: Path, output_dir: Path) -> Path:
    return cache_folder / f"output-{_output_key(output_dir)}.lock"


@contextmanager
def output_held(root: Path, output_dir: Path, on_wait=None):
    """Hold ``output_dir`` for one build of the site at ``root``: another build into it
    waits here until this one is done (``on_wait(output_dir)`` is called first, to say so).

    Two builds at once (an editor's save hook and a build by hand, say) would each put their
    pages in place and each save the record of what the output holds: the record saved last
    could describe the other build's pages, and every later build would trust it, leaving a
    page stale for good. Held from before the cache is read to after it is saved, so the
    second build starts from what the first one left. (Where there are no POSIX file locks,
    builds are not held apart.)"""
    try:
        import fcntl
    except ImportError:
        yield
        return
    folder = root / CACHE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    with open(_output_lock_path(folder, output_dir), "a") as lock:  # (released when closed)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait(output_dir)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@contextmanager
def _no_collection():
    """Unpickling makes a million objects and frees none: the cyclic collector, which runs
    every so many allocations, would scan them again and again for nothing. They are frozen
    (``gc.freeze``) before it runs again: else its first run would walk them all at once, and
    then again each time the oldest generation is collected."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _not_as_read(now: dict, read: dict):
    """The keys of ``now`` whose values are not the very objects that ``read`` has for them:
    looked up and compared in C, as this goes over every article of the archive."""
    return compress(now, map(is_not, now.values(), map(read.get, now)))


def _shard_of(slug: str) -> int:
    return zlib.crc32(slug.encode("utf-8")) % SHARDS


def _load(path: Path, identity: list | None = None):
    """The data of a cache file; with ``identity``, a list, the file's identity (see
    lookahead.file_identity) is appended to it."""
    try:
        with open(path, "rb") as handle:
            if identity is not None:
                identity.append(file_identity(os.fstat(handle.fileno())))
            version, data = pickle.load(handle)
        return data if version == VERSION else None
    except Exception:  # any unreadable cache is as good as none
        return None


def packed(data) -> bytes:
    """``data`` pickled as the cache's files are (see _store), for a record that keeps a part
    of itself packed until it is asked for: ``pickle.loads`` unpacks it."""
    buffer = io.BytesIO()
    _pickler(buffer).dump(data)
    return buffer.getvalue()


def _pickler(handle) -> pickle.Pickler:
    pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _REDUCERS
    return pickler


def _shard_path(folder, number: int) -> Path:
    return Path(folder, "articles", f"{number:02d}.pickle")


def scans_path(folder, number: int) -> Path:
    """Where the scans of the bundles of a shard are kept, in a form a process can read
    without the records (see lookahead.py): marshalled (token, {folder: (paths, stats)})."""
    return Path(folder, "articles", f"{number:02d}.scans")


def _store_shard(state: dict, number: int) -> None:
    """Save a shard, and beside it its bundles' scans, both with a new token: a look ahead's
    answer about the scans holds for the headers only if the shard read has the same token
    (a build may be stopped between the two files, another may write them meanwhile)."""
    entries, token = state["shards"][number], state["tokens"][number]
    scans = {header.folder: (header.scan.paths, header.scan.stats) for _, header in entries.values()
             if header is not None and header.scan is not None}
    path = scans_path(state["folder"], number)
    write_replacing(path, marshal.dumps((token, scans)), path.with_name(f".{path.name}.{os.getpid()}"))
    _store(_shard_path(state["folder"], number), (token, entries))


def _store_shards(state: dict, numbers: list[int]) -> None:
    for number in numbers:
        _store_shard(state, number)


def _store(path: Path, data) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        with removed_if_unfinished(temporary), open(temporary, "wb") as handle:
            _pickler(handle).dump((VERSION, data))
    except OSError as exc:
        raise named(exc, path) from None
    os.replace(temporary, path)


def _reduce_path(path: PurePath):
    """A path as its folder and its name. Pathlib pickles a path as its parts, all parsed
    again on loading: the 20,000 paths in the records of 10,000 articles were a third of
    loading the cache. Here the folder (one string, interned, so pickled once) is made a
    path once and each name joined to it (see _path_in)."""
    folder, name = os.path.split(str(path))
    return _path_in, (type(path), sys.intern(folder), name)


def _path_in(kind: type, folder: str, name: str) -> PurePath:
    if not name:
        return kind(folder)
    parent = _folder(kind, folder)
    # Joined by pathlib's own shortcut for adding one plain name, the one its directory walks
    # use: "/" parses the name as a path, and for the 10,000 bundles of an archive that was a
    # tenth of loading the cache. It is private (a concrete path's, not a pure path's), so
    # without it, or for a name the shortcut would not normalise as "/" does, "/" it is.
    child = getattr(parent, "_make_child_relpath", None)
    if child is None or name in (".", "..") or "/" in name or (os.altsep and os.altsep in name):
        return parent / name
    return child(name)


@lru_cache(maxsize=256)
def _folder(kind: type, folder: str) -> PurePath:
    return kind(folder)


_REDUCERS = copyreg.dispatch_table | {kind: _reduce_path for kind in (PosixPath, WindowsPath, PurePosixPath, PureWindowsPath)}
