"""Whole-file reads and writes without Python's file objects (sitegen/fileio.py)."""

from __future__ import annotations

import hashlib
import os
import stat

import pytest

from sitegen.fileio import read_bytes, sha256_hex, write_bytes
from sitegen.write import _make_folder


def test_reads_back_what_was_written_across_chunks(tmp_path):
    data = bytes(range(256)) * 9000  # over two of the reader's chunks
    write_bytes(tmp_path / "big", data)
    assert read_bytes(tmp_path / "big") == data == (tmp_path / "big").read_bytes()
    write_bytes(tmp_path / "empty", b"")
    assert read_bytes(tmp_path / "empty") == b""
    # The digest of a file read a chunk at a time is the digest of its bytes.
    assert sha256_hex(tmp_path / "big") == hashlib.sha256(data).hexdigest()
    assert sha256_hex(tmp_path / "empty") == hashlib.sha256(b"").hexdigest()


def test_exclusive_never_touches_a_file_already_there(tmp_path):
    target = tmp_path / "page.html"
    write_bytes(target, b"first", exclusive=True)
    with pytest.raises(FileExistsError):
        write_bytes(target, b"second", exclusive=True)
    assert target.read_bytes() == b"first"
    write_bytes(target, b"2")  # not exclusive: the whole content replaced, nothing left over
    assert target.read_bytes() == b"2"


def test_new_files_get_the_permissions_open_would_give(tmp_path):
    old = os.umask(0o027)
    try:
        write_bytes(tmp_path / "a", b"x", exclusive=True)
        with open(tmp_path / "b", "xb") as handle:
            handle.write(b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == stat.S_IMODE((tmp_path / "b").stat().st_mode) == 0o640


def test_errors_are_the_ones_open_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_bytes(tmp_path / "missing")
    with pytest.raises(IsADirectoryError):
        read_bytes(tmp_path)


def test_folders_are_made_with_their_parents_once_and_never_over_a_file(tmp_path):
    made: set = set()
    deep = str(tmp_path / "a" / "b" / "c")
    _make_folder(deep, made)
    assert os.path.isdir(deep) and made == {deep}
    _make_folder(str(tmp_path / "a" / "b"), made)  # there already: fine
    (tmp_path / "page").write_bytes(b"x")
    with pytest.raises(FileExistsError):
        _make_folder(str(tmp_path / "page"), made)
    assert (tmp_path / "page").read_bytes() == b"x"
