"""Whole files read and written with the fewest system calls.

A build reads and writes tens of thousands of small files. Python's ``open()`` asks the
operating system three more things about each one than the job needs (its size, whether it
is a terminal, its position), which at 10,000 articles came to over half a million calls.
"""

from __future__ import annotations

import hashlib
import os
from codecs import BOM_UTF8, BOM_UTF16_BE, BOM_UTF16_LE, BOM_UTF32_BE, BOM_UTF32_LE
from contextlib import contextmanager, suppress
from typing import Iterator

# os.read allocates the whole size asked for before reading: for the small files a build
# reads, 64 KiB at a time made each read faster than a mebibyte (8 µs against 14 µs).
_CHUNK = 1 << 16


def read_bytes(path) -> bytes:
    """The file's bytes (``OSError`` as ``open()`` would raise it)."""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        chunks = []
        while chunk := os.read(fd, _CHUNK):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def sha256_hex(path) -> str:
    """The SHA-256 of the file's bytes, read a chunk at a time (a bundle may hold a video).

    Not ``hashlib.file_digest``: it allocates a fresh 256 KiB buffer for every file. In a
    cold build's workers that took 50 µs a file against 15 µs, and there are two bundle files
    an article besides index.md (about 1 s of CPU at 10,000 articles)."""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        sha = hashlib.sha256()
        while chunk := os.read(fd, _CHUNK):
            sha.update(chunk)
        return sha.hexdigest()
    finally:
        os.close(fd)


def write_bytes(path, data: bytes, exclusive: bool = False) -> None:
    """Write ``data`` as the file's whole content; with ``exclusive``, only into a new file
    (``FileExistsError`` if there is one), as ``open(path, "xb")``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC | (os.O_EXCL if exclusive else os.O_TRUNC)
    fd = os.open(path, flags, 0o666)  # (less the umask, as open() does)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    except OSError as exc:
        raise named(exc, path) from None
    finally:
        os.close(fd)


def named(exc: OSError, path) -> OSError:
    """``exc`` with the file it is about: the error of a write to an open file (a full disk)
    names none, and "No space left on device" alone does not say which disk."""
    if exc.filename is not None:
        return exc
    return OSError(exc.errno, exc.strerror, os.fspath(path))  # (of the subclass for its errno, as raised)


@contextmanager
def removed_if_unfinished(temporary) -> Iterator[None]:
    """A temporary file that could not be written whole (the disk full, say) is removed at
    once: left for a later build to find, it would hold on to the space that ran out."""
    try:
        yield
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise


def write_replacing(path, data: bytes, temporary) -> None:
    """``data`` written to ``temporary``, then renamed over ``path``: whoever reads ``path``
    finds the old file or the new one, never half of one."""
    with removed_if_unfinished(temporary):
        write_bytes(temporary, data)
    os.replace(temporary, path)


def encoding_by_bom(raw: bytes) -> str | None:
    """The Unicode encoding whose byte-order mark opens ``raw`` (a captured article saved as
    UTF-16 by a Windows editor), or None. (UTF-32's marks first: UTF-16 LE's opens UTF-32 LE's.)"""
    for bom, encoding in ((BOM_UTF32_LE, "utf-32"), (BOM_UTF32_BE, "utf-32"), (BOM_UTF8, "utf-8-sig"),
                          (BOM_UTF16_LE, "utf-16"), (BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return encoding
    return None
