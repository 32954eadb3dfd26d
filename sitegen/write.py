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

Either way the files go to a staging folder first (``Stage``), and render workers put the
files they render there themselves: the build's parent process receives a path and a size
per file, not the bytes of every page (at 100,000 articles those bytes queued up in the
parent faster than one process could write them).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from .diagnostics import display_path, os_problem
from .fileio import write_bytes, write_replacing
from .libc import c_function

MARKER = ".sitegen-output"  # says "sitegen made this folder": we only ever replace such folders


class OutputError(Exception):
    pass


class OutputCollision(OutputError):
    """Two files for one path of the output (``path``, relative to it), found by whichever
    process stages the second of them: a render worker or the parent."""

    def __init__(self, path: str):
        self.path = path
        super().__init__(f"two pages want the same output file: {path}")

    def __reduce__(self):
        # Raised in a render worker, it reaches the parent pickled: keep the path.
        return (type(self), (self.path,))


@dataclass
class WriteStats:
    files: int = 0
    bytes: int = 0
    written: int = 0  # files whose bytes changed (or are new)
    linked: int = 0  # files identical to the previous build: hard-linked, or left in place


@dataclass(frozen=True, slots=True)
class ReusedFiles:
    """Files whose bytes are known to be those of the previous build (of one unit or of several
    in a row): linked, not rendered. One object for many, not one per file: an edit reuses
    tens of thousands."""

    paths: list[str]
    sizes: Sequence[int]  # as the build that wrote them recorded (counted in the report without a stat)


@dataclass(frozen=True, slots=True)
class StagedFile:
    """A rendered file that ``Stage.put`` has dealt with."""

    path: str
    size: int
    written: bool  # its bytes differ from the previous output's (or it is new)


@dataclass(frozen=True)
class Stage:
    """A build's staging folder beside the output. Whoever renders a file puts it here: the
    parent, or a render worker (which gets this object when it is forked)."""

    folder: Path
    output: Path
    whole_tree: bool  # a complete new tree (write_output), or only the changed files (update_output)
    # Whether there was an output folder when the stage was opened: without one (the first
    # build, or a cold one), no file is compared with a previous one that cannot be there.
    had_output: bool = True
    made: set = field(default_factory=set, compare=False)  # folders this process has made

    def put(self, file) -> StagedFile:
        """Stage an ``OutputFile``: written if its bytes changed; otherwise, for a whole new
        tree, hard-linked from the previous output, and for an update, left out."""
        rel = _checked(file.path)
        same = self.had_output and _same_bytes(os.path.join(self.output, rel), file.data)
        if same and not self.whole_tree:
            return StagedFile(rel, len(file.data), False)
        if same:
            try:
                self.link_previous(rel)
                return StagedFile(rel, len(file.data), False)
            except OSError:
                pass  # e.g. a file system without hard links: write it instead
        target = os.path.join(self.folder, rel)
        # "x": never open a file already staged. It may be a hard link to the live output's
        # file, which writing would change before the build has even succeeded.
        try:
            self._in_folder(target, lambda: write_bytes(target, file.data, exclusive=True))
        except FileExistsError:
            raise OutputCollision(rel) from None
        return StagedFile(rel, len(file.data), True)

    def link_previous(self, rel: str) -> None:
        """Hard-link the previous output's file at ``rel`` into the staging folder; never over a
        file already staged there (two pages wanting one path is an ``OutputError``)."""
        target = os.path.join(self.folder, rel)
        try:
            self._in_folder(target, lambda: os.link(os.path.join(self.output, rel), target))
        except FileExistsError:
            raise OutputCollision(rel) from None

    def _in_folder(self, target: str, make) -> None:
        """``make()``, which makes the file ``target``, with the target's folder made first if it
        is not there yet.

        The file is made first and its folder only if that fails: the folder is most often
        there already, made for an earlier file of the same unit or ahead of the workers (see
        FoldersAhead), and a mkdir locks the folder above it even when it fails."""
        try:
            make()
        except FileNotFoundError:
            _make_folder(os.path.dirname(target), self.made)
            make()  # (for a link, also FileNotFoundError if its source is gone)


class FoldersAhead:
    """Makes the folders of a new tree in a thread of the build's parent process, ahead of
    the render workers that fill them.

    Every article's page has a folder of its own, and all of them are in one folder
    (``articles/``): a mkdir there holds that folder's lock, and two workers making folders
    side by side spent most of the time of the mkdirs waiting for each other, busy (on ext4,
    10,000 folders with four files each took 5.7 s of CPU from two processes against 2.9 s
    from one). Made in one thread, the parent's, which otherwise only waits for the workers'
    results, no two mkdirs meet; a worker that gets ahead of it makes its folder itself
    (see Stage._in_folder), and the two agree whoever comes first."""

    def __init__(self, stage: Stage, folders: Iterable[str]):
        self.root, self.folders = str(stage.folder), folders
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._make, name="sitegen-folders-ahead", daemon=True)

    def start(self) -> None:
        """Started once the workers are forked: a process forked while a thread runs inherits
        whatever locks that thread held, never to be released in the child."""
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.ident is not None:
            self._thread.join()

    def _make(self) -> None:
        for folder in self.folders:
            if self._stop.is_set():
                return
            try:
                self._make_one(folder)
            except OSError:
                return  # (the staging folder removed after a failure, say: the workers report any other problem)

    def _make_one(self, folder: str) -> None:
        """The folder and those above it, but never the staging folder itself: gone, it was
        removed after the build failed, and must stay so. (A folder a worker made first is
        fine: made once the folder above is, too.)"""
        try:
            os.mkdir(os.path.join(self.root, folder))
        except FileExistsError:
            pass
        except FileNotFoundError:
            above = folder.rpartition("/")[0]
            if not above:
                raise
            self._make_one(above)
            self._make_one(folder)


def open_stage(output_dir: Path, whole_tree: bool) -> Stage:
    """This build's staging folder, made empty; then ``write_output`` (a whole tree) or
    ``update_output`` puts what was staged in place."""
    output_dir = Path(output_dir)
    check_output_dir(output_dir)
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    folder = _beside(output_dir, "staging")
    folder.mkdir()
    return Stage(folder, output_dir, whole_tree, had_output=output_dir.is_dir())


def write_output(files: Iterable, stage: Stage, before_swap=None, remove=shutil.rmtree) -> WriteStats:
    """Complete the new tree in ``stage`` with ``files`` (staged, reused or still to stage),
    run ``before_swap(folder)`` (e.g. the search indexer, which reads the finished pages), then
    swap it into place; ``remove(folder)`` then removes the previous tree."""
    # No set of the paths written to find a path written twice: in a new tree the second file
    # fails to be made (files are created exclusively, links never replace one). At 100,000
    # articles the set held half a million paths at the build's busiest.
    assert stage.whole_tree, "an update in place is written by update_output"
    stats = WriteStats()
    try:
        write_bytes(stage.folder / MARKER, b"This folder is written by sitegen build and replaced on every build.\n")
        for file in files:
            if isinstance(file, ReusedFiles):
                _count_reused(file, stats)
                for rel in file.paths:
                    stage.link_previous(rel)  # the plan checked it exists: a failure is a real error
            else:
                _counted(file, stage, stats)
        if before_swap is not None:
            before_swap(stage.folder)
        _swap_into_place(stage.folder, stage.output, remove)
    except BaseException:
        _abandon(files, stage)
        raise
    return stats


def update_output(files: Iterable, stage: Stage, previous_files: set[str], before_commit=None) -> WriteStats:
    """Change the existing output in place into ``files``: the files whose bytes changed are
    in ``stage`` (or staged here); those of ``previous_files`` (what the last build wrote and
    this one may not write again) no longer produced are deleted. ``before_commit(staging,
    produced, staged)`` (e.g. the search indexer) may stage more files: it returns the paths
    to move from the staging folder and those to delete, which the journal then names too."""
    journal = _beside(stage.output, "journal")
    stats, produced, moves, reused = WriteStats(), {MARKER}, [], ReusedFiles([], [])
    try:
        for file in files:
            if isinstance(file, ReusedFiles):  # in place already: only checked and counted
                reused.paths.extend(file.paths)
                reused.sizes.extend(file.sizes)
                continue
            file = _counted(file, stage, stats, produced)
            if file.written:
                moves.append(file.path)
        # All at once: an edit reuses the files of some ten thousand units.
        _count_reused(reused, stats, produced)
        deletions = sorted(_checked(rel) for rel in previous_files - produced)
        if before_commit is not None:
            more_moves, more_deletions = before_commit(stage.folder, produced, set(moves))
            moves += [_checked(rel) for rel in more_moves]
            deletions += [_checked(rel) for rel in more_deletions]
        _store_journal(journal, {"staging": stage.folder.name, "moves": moves, "deletions": deletions})
    except BaseException:
        _abandon(files, stage)
        raise
    # Committed: from here on, an interruption is finished by the next build, not undone.
    try:
        _apply_journal(journal, stage.output)
    except OSError as exc:
        raise OutputError(f"{display_path(stage.output)} was left half updated ({os_problem(exc)}): "
                          "the next build finishes the update") from exc
    return stats


def _counted(file, stage: Stage, stats: WriteStats, produced: set | None = None) -> StagedFile:
    """``file`` staged if it was not yet, checked to be the only file at its path (with the
    ``produced`` paths, when given), and counted."""
    if not isinstance(file, StagedFile):
        file = stage.put(file)
    rel = file.path  # checked by Stage.put, here or in the render worker that staged it
    if produced is not None:
        if rel in produced:
            raise OutputCollision(rel)
        produced.add(rel)
    stats.files += 1
    stats.bytes += file.size
    if file.written:
        stats.written += 1
    else:
        stats.linked += 1
    return file


def _count_reused(files: ReusedFiles, stats: WriteStats, produced: set | None = None) -> None:
    """Like ``_counted``, for many reused files at once (an edit reuses tens of thousands:
    checked with a few searches and one set update, not a loop a file)."""
    # The paths come from the cache: a damaged one must not reach outside.
    if not _all_plain(files.paths):
        for rel in files.paths:
            _checked(rel)
    if produced is not None:
        paths = set(files.paths)
        if len(paths) != len(files.paths) or not produced.isdisjoint(paths):  # which one is twice?
            seen = set()
            for rel in files.paths:
                if rel in produced or rel in seen:
                    raise OutputCollision(rel)
                seen.add(rel)
        produced |= paths
    stats.files += len(files.paths)
    stats.bytes += sum(files.sizes)
    stats.linked += len(files.paths)



def _abandon(files: Iterable, stage: Stage) -> None:
    """After a failure: stop the renderers first (closing the generator that feeds us ends its
    worker pool), so that none is still putting files in the folder being removed."""
    close = getattr(files, "close", None)
    if close is not None:
        close()
    shutil.rmtree(stage.folder, ignore_errors=True)


def _store_journal(journal: Path, plan: dict) -> None:
    temporary = journal.with_name(journal.name.replace(".journal-", ".pending-"))
    write_replacing(journal, json.dumps(plan).encode("utf-8"), temporary)  # (its rename: the commit point)


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


def _make_folder(folder, made: set) -> None:
    """One mkdir per folder, not one per file: ``made`` holds the folders made so far.

    Nearly always the folder above is there already: one mkdir, where ``os.makedirs`` first
    asks whether the folder above exists (a cold build makes some 25,000 folders)."""
    if folder in made:
        return
    try:
        os.mkdir(folder)
    except FileNotFoundError:
        os.makedirs(folder, exist_ok=True)
    except FileExistsError:
        if not os.path.isdir(folder):
            raise
    made.add(folder)


def _remove_empty_folders(folder: Path, output_dir: Path) -> None:
    """``folder`` and the folders above it, up to the output folder, while they are empty."""
    while folder != output_dir and output_dir in folder.parents:
        try:
            folder.rmdir()
        except OSError:  # not empty (or gone): the folders above are not empty either
            return
        folder = folder.parent


def stamp_output(output_dir: Path, read_from_ns: int) -> None:
    """Date the output by the marker's modification time: ``read_from_ns``, when the build
    began reading what it was built from (``sitegen check`` compares the sources' times with
    it: see stale.py). Set after every build that succeeded, the ones that found nothing to
    write too (else an edit undone and built again would keep the output looking stale), and
    never by a failed one, whose output stays the older site it is. The start, not the end:
    a file saved while a build ran may not be in its pages."""
    try:
        os.utime(output_dir / MARKER, ns=(read_from_ns, read_from_ns))
    except OSError:
        pass  # (the marker was put there by this build: only check's warning is lost)


def output_read_from(output_dir: Path) -> int | None:
    """When the build that made the output in ``output_dir`` began reading its sources (see
    ``stamp_output``), in nanoseconds; None when the folder has no marker (sitegen did not
    make it, or it is not there)."""
    try:
        return os.stat(output_dir / MARKER).st_mtime_ns
    except OSError:
        return None


def check_output_dir(output_dir: Path) -> None:
    """Refuse to replace a folder sitegen did not make (``--output ~`` must not move a home)."""
    if output_dir.exists() and not output_dir.is_dir():
        raise OutputError(f"{output_dir}: exists and is not a folder")
    if output_dir.is_dir() and any(output_dir.iterdir()) and not (output_dir / MARKER).exists():
        raise OutputError(
            f"{output_dir}: not empty and not made by sitegen (no {MARKER} file); "
            "refusing to replace it — remove it or choose another --output"
        )


def _all_plain(paths: list[str]) -> bool:
    """Whether every one of ``paths`` would pass ``_checked``, found with one search over all
    of them joined, not a split a path: an empty path, a leading or trailing slash and an
    empty part all make "//"; "." and ".." parts make "/./" and "/../". (One expression, not
    three substring searches: paths are mostly slashes' neighbours, which each search tries.)"""
    return _NOT_PLAIN.search("/" + "/".join(paths) + "/") is None


_NOT_PLAIN = re.compile(r"/\.{0,2}/")


def _checked(path: str) -> str:
    """``path`` if it is a plain relative path below the output folder (strings, not pathlib:
    this runs for every file of the site)."""
    if not path or path.startswith("/") or any(part in ("", ".", "..") for part in path.split("/")):
        raise OutputError(f"refusing to write outside the output folder: {path!r}")
    return path


def _same_bytes(path: str, data: bytes) -> bool:
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def _swap_into_place(staging: Path, output_dir: Path, remove=shutil.rmtree) -> None:
    if not output_dir.exists():
        os.rename(staging, output_dir)
        return
    if _exchange(staging, output_dir):
        remove(staging)  # now holds the previous output
        return
    # No atomic exchange here: two renames, with the old tree kept until the new one is in place.
    retired = output_dir.parent / f".{output_dir.name}.old-{os.getpid()}"
    os.rename(output_dir, retired)
    os.rename(staging, output_dir)
    remove(retired)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with Linux renameat2(RENAME_EXCHANGE); False where unsupported."""
    renameat2 = c_function("renameat2")
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
