"""The build cache (``.sitegen-cache/``): what the last build learnt, so the next does less.

Two things are kept, both keyed by digests of their inputs so a stale entry can never be used:

- loaded articles, keyed by the bytes of their bundle plus everything the body's rendering
  looked up elsewhere (the names of the people and topics it refers to);
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
FORMAT = 2
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


@dataclass
class BuildCache:
    folder: Path
    articles: dict = field(default_factory=dict)  # slug -> CachedArticle
    headers: dict = field(default_factory=dict)  # slug -> (text digest, ArticleHeader, warnings)
    hits: int = 0
    misses: int = 0

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
