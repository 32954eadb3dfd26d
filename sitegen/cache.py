"""The build cache (``.sitegen-cache/``): what the last build learnt, so the next does less.

Three things are kept, all keyed by digests of their inputs so a stale entry can never be used:

- loaded articles, keyed by the bytes of their bundle plus everything the body's rendering
  looked up elsewhere (the names of the people and topics it refers to);
- each loaded article's rendered body and comments (``bodies/``), one file per article
  version, named by its fingerprint: they are most of the bytes, and only the pages rendered
  again need them, so a rebuild reads a handful instead of all;
- for each output folder, the key of every render *unit* (an article page with its files, a
  person's pages and feed, ...) and the files it wrote, so an unchanged unit is linked from the
  previous output instead of rendered again.

A cache that cannot be read (another sitegen version, a truncated file) is ignored, never
trusted: the build then simply does all the work.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import sitegen

CACHE_DIR = ".sitegen-cache"
# Bump when the meaning of cached data changes without a version bump (e.g. during development).
FORMAT = 3
VERSION = f"{sitegen.__version__}/{FORMAT}"


def digest(*parts) -> str:
    """A stable digest of plain data (str, bytes, numbers, tuples, frozen dataclasses)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else repr(part).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


@dataclass
class CachedArticle:
    key: str  # digest of the bundle's bytes and the rendering settings
    refs: dict  # (kind, slug) -> the name it had when the body was rendered (None: unknown)
    article: object
    warnings: list


@dataclass
class OutputManifest:
    units: dict = field(default_factory=dict)  # unit id -> (key, tuple of output paths)


class CacheDamaged(Exception):
    """A cache file that was there when the build was planned cannot be read back."""


class BodyStore:
    """Rendered bodies and comments (``ArticleContent``), one file each, by article fingerprint.

    Load-stage workers put what they render here and hand the parent only the light
    ``Article``; render-stage workers take back the few they need. A fingerprint names one
    version of one article's content, so a file is written once and never changes: a file
    being there is as good as its content being right (files are renamed into place whole).
    """

    def __init__(self, folder: Path, writable: bool = True):
        self.folder = folder / "bodies"
        self.writable = writable  # `sitegen check` never writes: its bodies are dropped

    def path(self, fingerprint: str) -> Path:
        return self.folder / fingerprint[:2] / f"{fingerprint}.pickle"

    def has(self, fingerprint: str) -> bool:
        return self.path(fingerprint).is_file()

    def put(self, fingerprint: str, content) -> None:
        if not self.writable:
            return
        path = self.path(fingerprint)
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = pickle.dumps((VERSION, content), protocol=pickle.HIGHEST_PROTOCOL)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        with open(temporary, "wb") as handle:
            handle.write(hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, path)

    def get(self, fingerprint: str):
        """The stored content; ``CacheDamaged`` if the file is gone or not what was written."""
        path = self.path(fingerprint)
        try:
            data = path.read_bytes()
            check, payload = data[:32], data[32:]
            if hashlib.sha256(payload).digest() == check:
                version, content = pickle.loads(payload)
                if version == VERSION:
                    return content
        except Exception:
            pass
        raise CacheDamaged(str(path))

    def prune(self, keep: set[str]) -> None:
        """Remove the bodies of article versions no longer in the site."""
        if not self.folder.is_dir():
            return
        for shard in os.scandir(self.folder):
            if not shard.is_dir():
                continue
            for entry in os.scandir(shard.path):
                if entry.name.removesuffix(".pickle") not in keep:
                    os.unlink(entry.path)


@dataclass
class BuildCache:
    folder: Path
    articles: dict = field(default_factory=dict)  # slug -> CachedArticle
    headers: dict = field(default_factory=dict)  # slug -> (text digest, ArticleHeader, warnings)
    hits: int = 0
    misses: int = 0
    bodies: BodyStore | None = None

    def __post_init__(self):
        if self.bodies is None:
            self.bodies = BodyStore(self.folder)

    @classmethod
    def open(cls, root: Path, enabled: bool = True) -> "BuildCache":
        cache = cls(root / CACHE_DIR)
        if enabled:
            cache.articles, cache.headers = _load(cache.folder / "articles.pickle") or ({}, {})
        return cache

    def manifest(self, output_dir: Path, enabled: bool = True) -> OutputManifest:
        if not enabled:
            return OutputManifest()
        return _load(self._manifest_path(output_dir)) or OutputManifest()

    def save(self, output_dir: Path, manifest: OutputManifest) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        _store(self.folder / "articles.pickle", (self.articles, self.headers))
        _store(self._manifest_path(output_dir), manifest)
        self.bodies.prune({entry.article.fingerprint for entry in self.articles.values()})

    def _manifest_path(self, output_dir: Path) -> Path:
        # One manifest per output folder: a test build into /tmp must not spoil public/'s.
        return self.folder / f"output-{digest(str(Path(output_dir).resolve()))[:16]}.pickle"


def _load(path: Path):
    try:
        with open(path, "rb") as handle:
            version, data = pickle.load(handle)
        return data if version == VERSION else None
    except Exception:  # any unreadable cache is as good as none
        return None


def _store(path: Path, data) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    with open(temporary, "wb") as handle:
        pickle.dump((VERSION, data), handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)
