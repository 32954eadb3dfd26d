"""Path containment: content may never lead the build outside the site folder."""

from __future__ import annotations

from pathlib import Path


def is_inside(path: Path, root: Path) -> bool:
    """True when ``path`` (symlinks resolved) lies inside ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except (ValueError, OSError):
        return False
