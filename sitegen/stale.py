"""Whether a built output is older than what it is built from, for ``sitegen check``.

A check of ``public/`` after an edit, without a build in between, checks the site as it was:
a link just fixed is still reported, a new page's broken link is not. The build dates its
output (``write.stamp_output``: the marker's modification time is when it began reading, by the
clock of the site's file system: ``sources_clock_now``), and a source file or folder modified
after that date means the output may not show it.

What the output is built from: ``content/`` (drafts too: whether an article is still a draft
is in the file that changed, and a build with ``--drafts`` has them), ``sitegen.yaml``, and
the site's own theme folders (``themes/<theme>/``, and ``themes/default/`` when it fills in
for another; ``themes/`` itself when one of them is not there, as it may have been removed).
The theme that comes with sitegen is not looked at: it changes with sitegen, not with the site.

Hidden files and folders are passed over, as the loader passes them over. A file removed,
added or renamed changes its folder's modification time, so folders are looked at too; but so
does a hidden file made there (an editor's swap file, a Finder's ``.DS_Store``), so a folder
whose change a hidden file in it explains is not counted. (A hidden file made and removed again
since the build, an editor opened and closed without saving, leaves no trace but the folder's
time: that folder is counted.) A removed ``sitegen.yaml`` would change only the site's folder,
which every build changes itself (the output is swapped in there), and goes unnoticed.

Times of modification only, not of status change: a copy of the whole site (``cp -a``,
``rsync -a``, a backup restored) keeps both the sources' and the output's, and is as up to date
as before; its status times are all new. (So a file copied over another with its own older
time kept, ``cp -p``, goes unnoticed.)
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .config import CONFIG_FILE, Config
from .render.theme import default_theme_dir, theme_dirs


@dataclass(frozen=True, slots=True)
class Changed:
    path: Path        # the newest file modified since the build, else the newest folder
    is_folder: bool   # no file was: a file was removed from (or renamed in) this folder
    others: int       # how many more files (or folders) were modified since


def sources_clock_now(site_root: Path) -> int:
    """Now, in nanoseconds, by the clock that dates the site's files: the modification time of a
    file made in the site's folder and removed at once.

    Not the machine's clock: on a file server (NFS, SMB, a Windows drive under WSL) a file's
    times are the server's, and a server whose clock runs a minute ahead would date every file
    saved just before a build after it, so that ``check`` said the output was stale right after
    the build. (A hidden name: no build or watch ever reads it, should a crash leave it there.)
    The machine's clock when the folder cannot be written to (its sources can't change either,
    from this machine)."""
    try:
        handle, probe = tempfile.mkstemp(prefix=".sitegen-clock-", dir=site_root)
    except OSError:
        return time.time_ns()
    try:
        return os.fstat(handle).st_mtime_ns
    finally:
        os.close(handle)
        try:
            os.unlink(probe)
        except OSError:
            pass


def changed_since(config: Config, read_from_ns: int) -> Changed | None:
    """What of the site's sources was modified after ``read_from_ns``; None if nothing was.

    Strictly after: on a file system that keeps times to the second (or two), a file saved in
    the second the build began and the output's date are the same, and that file was read.

    One stat a file and a folder of the sources, the same order of work as check's reading of
    every page (100,000 bundles: some 300,000 stats, a second or two when they are cached)."""
    files, folders = [], []  # (mtime_ns, path) of those modified after read_from_ns
    info = _stat(config.root / CONFIG_FILE)
    if info is not None and info.st_mtime_ns > read_from_ns:
        files.append((info.st_mtime_ns, str(config.root / CONFIG_FILE)))
    # (Resolved, both: the site's theme folder is sitegen's own in a checkout of sitegen, however
    # the site's folder was named.)
    builtin = default_theme_dir().resolve()
    themes = [folder for folder in theme_dirs(config.root, config.theme) if folder.resolve() != builtin]
    wanted = {config.root / "themes" / name for name in {config.theme, "default"}}
    if len(themes) < len(wanted):
        # One of them is not there: it may have been removed since, which only themes/ shows.
        info = _stat(config.root / "themes")
        if info is not None and info.st_mtime_ns > read_from_ns:
            folders.append((info.st_mtime_ns, str(config.root / "themes")))
    for tree in [config.content_dir, *themes]:
        _walk(str(tree), read_from_ns, files, folders)
    newer = files or folders
    if not newer:
        return None
    _, path = max(newer)
    return Changed(Path(path), is_folder=not files, others=len(newer) - 1)


def _stat(path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _walk(folder: str, after_ns: int, files: list, folders: list) -> None:
    """The visible files and folders below ``folder`` (itself too) modified after ``after_ns``,
    added to ``files`` and ``folders``. Linked folders are not followed, as the loader does
    not follow them; a linked file is dated by what it links to."""
    info = _stat(folder)
    if info is None or not stat.S_ISDIR(info.st_mode):
        return
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError:
        return
    if info.st_mtime_ns > after_ns and not _hidden_change(entries, after_ns):
        folders.append((info.st_mtime_ns, folder))
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            _walk(entry.path, after_ns, files, folders)
        else:
            try:
                mtime = entry.stat().st_mtime_ns
            except OSError:
                continue  # (a link leading nowhere, or a file removed meanwhile)
            if mtime > after_ns:
                files.append((mtime, entry.path))


def _hidden_change(entries: list, after_ns: int) -> bool:
    """Whether a hidden entry of a folder was made or changed after ``after_ns``: what changed
    the folder's time may be that alone. (Looked at only for a folder changed since the build.)"""
    for entry in entries:
        if entry.name.startswith("."):
            try:
                if entry.stat(follow_symlinks=False).st_mtime_ns > after_ns:
                    return True
            except OSError:
                continue
    return False
