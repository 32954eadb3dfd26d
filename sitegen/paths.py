"""Path containment: content may never lead the build outside the site folder."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


def is_inside(path: Path, root: Path) -> bool:
    """True when ``path`` (symlinks resolved) lies inside ``root``."""
    try:
        real = _real(os.path.abspath(path))
        # The root is a folder, asked about again for every file a build reads (three an
        # article): resolved once per build, as the folders above the files are.
        base = _real_folder(os.path.abspath(root))
    except OSError:
        return False
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


@lru_cache(maxsize=65536)
def _real_folder(folder: str) -> str:
    """realpath of a folder, one lstat per folder: a build asks about the same folders often."""
    parent, name = os.path.split(folder)
    if not name:
        return folder
    if os.path.islink(folder):
        return os.path.realpath(folder)
    return os.path.join(_real_folder(parent), name)


def _real(path: str) -> str:
    parent, name = os.path.split(path)
    if os.path.islink(path):
        return os.path.realpath(path)
    return os.path.join(_real_folder(parent), name) if name else path


def forget() -> None:
    """Drop what is known of folders: called at the start of every build (``serve`` builds
    many times in one process, and a folder may have become a link since)."""
    _real_folder.cache_clear()
