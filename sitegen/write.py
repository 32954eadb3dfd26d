"""Write stage: output files -> a staging folder -> put in place as ``public/``.

Only this module touches the output folder, and it touches it only once every file of the
build is in the staging folder, so "a failed build leaves the previous site intact" holds by
construction.

Two ways to put a build in place:

- ``write_output`` makes a whole new tree in a staging folder and swaps it in atomically.
  Unchanged files are hard-linked from the previous output instead of written again: a link
  allocates no inode and frees none when the old tree is removed, which on ext4 keeps the next
  build from stalling on recently freed inodes (see README, "Performance").
- ``update_output`` is for small changes (an edited article changes a handful of the tens of
  thousands of files; a new tree would cost a link for every one of them). Only the changed
  files go to the staging folder; then a journal naming them and the files to delete is
  committed with one rename, and applied. A build killed before the commit leaves the old site
  untouched; one killed after it is finished by the next build (``recover``), which does
  this before it looks at the output. A build that *fails* always fails before the commit.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterable

MARKER = ".sitegen-output"  # says "sitegen made this folder": we only ever replace such folders


class OutputError(Exception):
    pass


@dataclass
class WriteStats:
    files: int = 0
    bytes: int = 0
    written: int = 0  # files whose bytes changed (or are new)
    linked: int = 0  # files identical to the previous build, hard-linked
    folders: set = field(default_factory=set, repr=False)  # made in the staging folder so far


@dataclass(frozen=True, slots=True)
class ReusedFile:
    """A file whose bytes are known to be those of the previous build: linked, not rendered."""

    path: str
    size: int  # as the build that wrote it recorded (counted in the report without a stat)


def write_output(files: Iterable, output_dir: Path, before_swap=None) -> WriteStats:
    """Write ``files`` into a staging folder, run ``before_swap(staging)`` (e.g. the search
    indexer, which reads the finished pages), then swap the staging folder into place."""
    output_dir = Path(output_dir)
    check_output_dir(output_dir)
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = _beside(output_dir, "staging")
    staging.mkdir()
    stats = WriteStats()
    try:
        (staging / MARKER).write_bytes(b"This folder is written by sitegen build and replaced on every build.\n")
        for file in files:
            _write_one(file, staging, output_dir, stats)
        if before_swap is not None:
            before_swap(staging)
        _swap_into_place(staging, output_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return stats


def update_output(files: Iterable, output_dir: Path, previous_files: set[str]) -> WriteStats:
    """Change the existing output in place into ``files``: write the files whose bytes changed,
    delete those of ``previous_files`` (what the last build wrote) no longer produced."""
    output_dir = Path(output_dir)
    check_output_dir(output_dir)
    staging, journal = _beside(output_dir, "staging"), _beside(output_dir, "journal")
    staging.mkdir()
    stats, produced, moves = WriteStats(), {MARKER}, []
    try:
        for file in files:
            rel = _checked(file.path)
            if rel in produced:
                raise OutputError(f"two pages want the same output file: {file.path}")
            produced.add(rel)
            stats.files += 1
            if isinstance(file, ReusedFile):
                stats.bytes += file.size
                stats.linked += 1
                continue
            stats.bytes += len(file.data)
            if _same_bytes(output_dir / rel, file.data):
                stats.linked += 1
                continue
            target = staging / rel
            _make_folder(target.parent, stats.folders)
            target.write_bytes(file.data)
            stats.written += 1
            moves.append(rel)
        deletions = sorted(previous_files - produced)
        _store_journal(journal, {"staging": staging.name, "moves": moves, "deletions": deletions})
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    # Committed: from here on, an interruption is finished by the next build, not undone.
    _apply_journal(journal, output_dir)
    return stats


def _store_journal(journal: Path, plan: dict) -> None:
    temporary = journal.with_name(journal.name.replace(".journal-", ".pending-"))
    temporary.write_text(json.dumps(plan), encoding="utf-8")
    os.replace(temporary, journal)  # the commit point


def _apply_journal(journal: Path, output_dir: Path) -> None:
    """Move the staged files into the output and delete the retired ones; every step can be
    done again, so an interrupted application is finished by running this once more."""
    plan = json.loads(journal.read_text(encoding="utf-8"))
    staging = output_dir.parent / plan["staging"]
    made = set()
    for rel in plan["moves"]:
        source = staging / rel
        if not source.exists():  # moved before the interruption
            continue
        target = output_dir / rel
        _make_folder(target.parent, made)
        os.replace(source, target)
    for rel in plan["deletions"]:
        target = output_dir / rel
        try:
            target.unlink()
        except FileNotFoundError:
            pass
        _remove_empty_folders(target.parent, output_dir)
    shutil.rmtree(staging, ignore_errors=True)
    journal.unlink()


def _beside(output_dir: Path, kind: str) -> Path:
    """This process's staging folder or journal, next to the output (see ``recover``)."""
    return output_dir.parent / f".{output_dir.name}.{kind}-{os.getpid()}"


def _make_folder(folder: Path, made: set) -> None:
    """One mkdir per folder, not one per file: ``made`` holds the folders made so far."""
    if folder not in made:
        folder.mkdir(parents=True, exist_ok=True)
        made.add(folder)


def _remove_empty_folders(folder: Path, output_dir: Path) -> None:
    """``folder`` and the folders above it, up to the output folder, while they are empty."""
    while folder != output_dir and output_dir in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty (or gone): the folders above are not empty either
            return
        folder = folder.parent


def check_output_dir(output_dir: Path) -> None:
    """Refuse to replace a folder sitegen did not make (``--output ~`` must not move a home)."""
    if output_dir.exists() and not output_dir.is_dir():
        raise OutputError(f"{output_dir}: exists and is not a folder")
    if output_dir.is_dir() and any(output_dir.iterdir()) and not (output_dir / MARKER).exists():
        raise OutputError(
            f"{output_dir}: not empty and not made by sitegen (no {MARKER} file); "
            "refusing to replace it — remove it or choose another --output"
        )


def _checked(path: str) -> str:
    """``path`` if it is a plain relative path below the output folder (strings, not pathlib:
    this runs for every file of the site)."""
    if not path or path.startswith("/") or any(part in ("", ".", "..") for part in path.split("/")):
        raise OutputError(f"refusing to write outside the output folder: {path!r}")
    return path


def _safe_relative(path: str) -> PurePosixPath:
    return PurePosixPath(_checked(path))


def _write_one(file, staging: Path, previous: Path, stats: WriteStats) -> None:
    rel = _safe_relative(file.path)
    target = staging.joinpath(*rel.parts)
    if target.exists():
        raise OutputError(f"two pages want the same output file: {file.path}")
    _make_folder(target.parent, stats.folders)
    old = previous.joinpath(*rel.parts)
    stats.files += 1
    if isinstance(file, ReusedFile):
        os.link(old, target)  # the plan checked it exists; a failure here is a real error
        stats.bytes += file.size
        stats.linked += 1
        return
    stats.bytes += len(file.data)
    if _same_bytes(old, file.data):
        try:
            os.link(old, target)
            stats.linked += 1
            return
        except OSError:
            pass  # e.g. a file system without hard links: write it instead
    target.write_bytes(file.data)
    stats.written += 1


def _same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.is_symlink() or path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def _swap_into_place(staging: Path, output_dir: Path) -> None:
    if not output_dir.exists():
        os.rename(staging, output_dir)
        return
    if _exchange(staging, output_dir):
        shutil.rmtree(staging)  # now holds the previous output
        return
    # No atomic exchange here: two renames, with the old tree kept until the new one is in place.
    retired = output_dir.parent / f".{output_dir.name}.old-{os.getpid()}"
    os.rename(output_dir, retired)
    os.rename(staging, output_dir)
    shutil.rmtree(retired)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with Linux renameat2(RENAME_EXCHANGE); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def recover(output_dir: Path) -> bool:
    """Finish the in-place updates of builds killed after their commit (see update_output),
    then remove the staging folders of builds killed before it. True if an update was
    finished: the build cache does not know its files, so the next output is made whole."""
    finished = False
    for journal in sorted(output_dir.parent.glob(f".{output_dir.name}.journal-*")):
        pid = journal.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _process_alive(int(pid)):
            _apply_journal(journal, output_dir)
            finished = True
    for stale in output_dir.parent.glob(f".{output_dir.name}.*-*"):
        kind, _, pid = stale.name.removeprefix(f".{output_dir.name}.").rpartition("-")
        if kind in ("staging", "pending") and pid.isdigit() and not _process_alive(int(pid)):
            if stale.is_dir():
                shutil.rmtree(stale, ignore_errors=True)
            else:
                stale.unlink(missing_ok=True)
    return finished


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
