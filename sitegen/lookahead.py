"""A look at the file system ahead of the build, in a process of its own.

A rebuild asks the file system about every file of every bundle (is it as the last build saw
it?) and about every folder of the output (does it still hold what the last build wrote
there?): some 70,000 ``lstat`` calls at 10,000 articles, a third of a one-article edit's
time. None of them needs what the build does first, opening its cache, which is all Python
(unpickling). So a forked process makes them while the build opens its cache, on another
core, and answers which bundles and output folders it found as they were; the build looks
at the others itself, as it always did.

Not a thread: a thread waiting for the GIL after each ``lstat`` gets it only when the
unpickling thread lets go, every few milliseconds (``sys.getswitchinterval``); with a
shorter interval, the switching cost as much as the calls it overlapped (measured: no gain).

The process trusts nothing it reads, and the build trusts nothing it says without checking
that they speak of the same records: the scans of the bundles are read from the files saved
beside the cache's shards (see ``cache.BuildCache.save``), and the answer for a shard is
taken only if the build read that shard with the same token; the output's folders are taken
from its manifest, and the answer only if the build read the same manifest file.
"""

from __future__ import annotations

import marshal
import os
import pickle
import select
import stat
import time
from contextlib import suppress
from pathlib import Path

from . import parallel

# An answer is its length (8 bytes, little-endian) and then its marshalled data.
_LENGTH_BYTES = 8

# How long the build waits for an answer before it looks for itself. The process gains only
# on a core of its own: on a machine with none to spare it may be late, and the build must
# then not wait long for it. (Measured at a load of 3.5 on two cores: the build waited 10 to
# 15 ms. Run at a lower priority instead, the process was always late on that machine.)
_PATIENCE_SECONDS = 0.1


class LookAhead:
    """The process that looks, and its two answers, read in order: the bundles (``bundles``),
    then the output's folders (``output_folders``)."""

    def __init__(self, process, answers):
        self._process = process
        self._answers = answers  # the pipe's end that the answers come from
        self._read: list = []  # the answers read so far

    @classmethod
    def start(cls, cache_folder: Path, articles: Path, output: Path, manifest: Path, jobs: int) -> LookAhead | None:
        """Start looking for the bundles in ``articles``, at those that the cache in
        ``cache_folder`` remembers, and at the folders of ``output`` that its ``manifest`` file
        names; None with one job (all is then done in this process, as everywhere) or where
        processes cannot be forked."""
        if jobs <= 1:
            return None
        answers, answer = os.pipe()
        try:
            process = parallel.start(_look, answers, answer, str(cache_folder), str(articles), str(output),
                                     str(manifest))
        finally:
            os.close(answer)  # (the process has its own: at its end, the pipe ends)
        if process is None:
            os.close(answers)
            return None
        return cls(process, answers)

    def bundles(self, tokens: dict[int, bytes], remembered: dict[str, bytes]) -> tuple[set[str], tuple | None]:
        """The bundle folders found as the scans saved with the shards that the build read with
        these ``tokens`` (shard number -> token) describe them; and what load.find_bundles
        gives, (bundle folders, those found as before), given ``remembered`` (see there), or
        None if the build must look for itself (to report a problem found, say)."""
        answer = self._answer(0)
        if answer is None:
            return set(), None
        shards, found = answer
        as_saved: set[str] = set()
        trusted = True
        for number, token, folders in shards:
            if folders and tokens.get(number) == token:
                as_saved.update(folders.split("\0"))
            elif folders:  # (and so taken as they were, although the build remembers others)
                trusted = False
        if found is None or not trusted:
            return as_saved, None
        bundles, others = found
        # The others' folders were taken as they were on the look ahead's word: the build
        # checks its word against what it remembers of them.
        if any(remembered.get(folder) != folder_now for folder, folder_now in others.items()):
            return as_saved, None
        return as_saved, (bundles, as_saved | others.keys())

    def looking(self) -> bool:
        """Whether the process is still looking at the bundles (their answer has not come):
        work that needs none of it is better done now than after waiting for it."""
        if self._read or self._answers is None:
            return False
        return not select.select([self._answers], [], [], 0)[0]

    def output_folders(self, manifest_identity: tuple | None) -> tuple[int, set[str]] | None:
        """(the time just before the process looked, the output folders it found as the
        manifest records them), if it read the same manifest file (see ``file_identity``)."""
        answer = self._answer(1)
        self.close()
        if answer is None or answer[1] is None or tuple(answer[1]) != manifest_identity:
            return None
        now, _, folders = answer
        return now, set(folders.split("\0")) if folders else set()

    def _answer(self, number: int):
        while len(self._read) <= number and self._answers is not None:
            if not select.select([self._answers], [], [], _PATIENCE_SECONDS)[0]:
                self.close()  # (late: see _PATIENCE_SECONDS)
                break
            self._read.append(_receive(self._answers))
        return self._read[number] if number < len(self._read) else None

    def close(self) -> None:
        """Stop listening and wait for the process: one still looking is stopped."""
        if self._answers is None:
            return
        os.close(self._answers)
        self._answers = None
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()

    def __del__(self):
        # A build that stops early (content errors) never asks for the second answer.
        with suppress(Exception):
            self.close()


def _receive(answers: int):
    """The next answer, or None if the process ended without giving it."""
    try:
        length = _read_exactly(answers, _LENGTH_BYTES)
        return marshal.loads(_read_exactly(answers, int.from_bytes(length, "little")))
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _read_exactly(fd: int, size: int) -> bytes:
    """``size`` bytes from the pipe (unbuffered, so that select says whether more are there)."""
    chunks = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            raise EOFError("the process ended")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _send(answer_fd: int, data) -> None:
    payload = marshal.dumps(data)
    view = memoryview(len(payload).to_bytes(_LENGTH_BYTES, "little") + payload)
    while view:
        view = view[os.write(answer_fd, view):]


def _look(answers: int, answer: int, cache_folder: str, articles: str, output: str, manifest: str) -> None:
    """In the process of its own: both answers, in the order the build needs them. Whatever
    goes wrong here, the build does the looking itself."""
    os.close(answers)  # (else a build that stops listening would leave this process waiting)
    with suppress(BaseException):
        _send(answer, _bundles(cache_folder, articles))
        _send(answer, _output_as_recorded(output, manifest))
    os.close(answer)


def _bundles(cache_folder: str, articles: str) -> tuple[list, tuple | None]:
    """For each shard: (number, token, NUL-joined folders whose files all look as saved);
    and what load.find_bundles found, with the folder stat of each bundle it took as before
    without all its files looking as saved (see LookAhead.bundles), or None if it found a
    problem: the build then looks for itself, and reports it."""
    # (Imported here: the cache imports this module.)
    from .cache import SHARDS, scans_path
    from .diagnostics import Diagnostics
    from .load import find_bundles
    from .load.articles import BundleScan, packed_stat

    shards, remembered, same = [], {}, set()
    for number in range(SHARDS):
        try:
            with open(scans_path(cache_folder, number), "rb") as handle:
                token, scans = marshal.load(handle)
        except (OSError, ValueError, EOFError, TypeError):
            continue
        matched = [folder for folder, (paths, stats) in scans.items() if _stats_now(folder, paths, packed_stat) == stats]
        shards.append((number, token, "\0".join(matched)))
        same.update(matched)
        remembered.update((folder, BundleScan(paths, stats).folder_stat()) for folder, (paths, stats) in scans.items())
    diags, as_before = Diagnostics(), set()
    bundles = find_bundles(Path(articles), diags, remembered, as_before, same)
    if diags.items:
        return shards, None
    return shards, (bundles, {folder: remembered[folder] for folder in as_before - same})


def _stats_now(folder: str, paths: str, packed_stat) -> bytes | None:
    """The packed ``lstat`` of each of the bundle's paths (as in load.articles.BundleScan)."""
    prefix = folder + os.sep
    try:
        return b"".join(packed_stat(os.lstat(prefix + rel.rstrip("/") if rel else folder)) for rel in paths.split("\0"))
    except OSError:
        return None


def _output_as_recorded(output: str, manifest_path: str) -> tuple:
    """(the time before looking, the manifest file's identity, NUL-joined folders of the
    output whose stat is the one the manifest records)."""
    from .cache import VERSION

    now = time.time_ns()  # (before any folder is looked at: see build._check_output)
    with open(manifest_path, "rb") as handle:
        identity = file_identity(os.fstat(handle.fileno()))
        version, manifest = pickle.load(handle)
    if version != VERSION:
        return now, None, ""
    top = output + os.sep
    same = [folder for folder, info in manifest.folders.items() if folder_stat(top + folder) == info]
    return now, identity, "\0".join(same)


def file_identity(info: os.stat_result) -> tuple:
    """What tells one version of a cache file from another: files of the cache are replaced
    whole (a new inode), never written in place."""
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def folder_stat(path: str) -> tuple | None:
    """What the output manifest records of a folder (see build._check_output): modification
    and change times and inode; None if it is not a folder (or not there)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_ctime_ns, info.st_ino) if stat.S_ISDIR(info.st_mode) else None
