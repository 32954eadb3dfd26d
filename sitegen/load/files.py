"""Reading content files safely: UTF-8 only, and never from outside the site folder."""

from __future__ import annotations

from codecs import BOM_UTF8
from pathlib import Path

from ..diagnostics import Diagnostics, Location
from ..fileio import read_bytes
from ..paths import is_inside


def read_text(path: Path, diags: Diagnostics, root: Path) -> str | None:
    """The file's text, or None after reporting why it cannot be read.

    ``root`` is the site folder: a file that resolves outside it (through a symlink, of the
    file or of any folder above it) is refused unread, so content cannot pull in /etc/passwd.
    """
    read = read_text_and_bytes(path, diags, root)
    return None if read is None else read[0]


def read_text_and_bytes(path: Path, diags: Diagnostics, root: Path) -> tuple[str, bytes] | None:
    """``read_text``, and the bytes it was decoded from: an article's cache key is made from
    them (see read_header), digested as they are rather than encoded again from the text."""
    if not is_inside(path, root):
        diags.error(Location(path), "is a link to a file outside the site folder; refusing to read it")
        return None
    try:
        data = read_bytes(path)
    except OSError as exc:
        diags.error(Location(path), f"cannot read file: {exc.strerror or exc}")
        return None
    try:
        # utf-8-sig's decoder is Python code, which drops the byte order mark and hands the
        # rest to the C one: a file without the mark (nearly all) is decoded by C directly.
        text = data.decode("utf-8-sig" if data.startswith(BOM_UTF8) else "utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        diags.error(Location(path, line), f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x}); save the file as UTF-8")
        return None
    if b"\r" in data:  # (asked of the bytes: a text's two scans for it cost more)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, data


# A file rewritten within the file system's timestamp granularity of an earlier write can keep
# its size and times; what the file system says of a file vouches for its bytes only once the
# file has been still for this long.
SETTLE_NS = 2_000_000_000


def is_settled(mtime_ns: int, ctime_ns: int, now_ns: int) -> bool:
    return now_ns - max(mtime_ns, ctime_ns) > SETTLE_NS
