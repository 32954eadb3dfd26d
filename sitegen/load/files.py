"""Reading content files safely: UTF-8 only, and never from outside the site folder."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostics, Location
from ..fileio import read_bytes
from ..paths import is_inside


def read_text(path: Path, diags: Diagnostics, root: Path) -> str | None:
    """The file's text, or None after reporting why it cannot be read.

    ``root`` is the site folder: a file that resolves outside it (through a symlink, of the
    file or of any folder above it) is refused unread, so content cannot pull in /etc/passwd.
    """
    if not is_inside(path, root):
        diags.error(Location(path), "is a link to a file outside the site folder; refusing to read it")
        return None
    try:
        data = read_bytes(path)
    except OSError as exc:
        diags.error(Location(path), f"cannot read file: {exc.strerror or exc}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        diags.error(Location(path, line), f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x}); save the file as UTF-8")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


# A file rewritten within the file system's timestamp granularity of an earlier write can keep
# its size and times; what the file system says of a file vouches for its bytes only once the
# file has been still for this long.
SETTLE_NS = 2_000_000_000


def is_settled(mtime_ns: int, ctime_ns: int, now_ns: int) -> bool:
    return now_ns - max(mtime_ns, ctime_ns) > SETTLE_NS
