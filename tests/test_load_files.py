"""sitegen.load.files: reading a content file's text, as Python's own decoding gives it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.diagnostics import Diagnostics
from sitegen.load.files import read_text, read_text_and_bytes


def reference_read(data: bytes):
    """The text, or the message and line of the error, as read_text was first written:
    decoded with Python's utf-8-sig codec, then every line ending made a newline."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return "error", line, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x}); save the file as UTF-8"
    return "text", text.replace("\r\n", "\n").replace("\r", "\n")


# Pieces that make the cases that matter likely: byte order marks (whole, cut short, not at
# the start), line endings of every kind, text that is not ASCII, and bytes that are not UTF-8.
_PIECES = [b"\xef\xbb\xbf", b"\xef\xbb", b"\r\n", b"\r", b"\n", b"a", b"title: x", b"\xc3\xa9", b"\xe2\x80\x94",
           b"\xf0\x9f\x98\x80", b"\xff", b"\xc3", b"\xed\xa0\x80", b" ", b"\x00"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.binary(max_size=4), max_size=12))
def test_a_file_reads_as_the_utf_8_sig_codec_decodes_it(tmp_path_factory, pieces):
    folder = tmp_path_factory.mktemp("site")
    data = b"".join(pieces)
    path = folder / "index.md"
    path.write_bytes(data)
    diags = Diagnostics()
    read = read_text_and_bytes(path, diags, folder)
    expected = reference_read(data)
    if expected[0] == "error":
        assert read is None and read_text(path, Diagnostics(), folder) is None
        [item] = diags.items
        assert (item.location.line, item.message) == expected[1:]
    else:
        assert read == (expected[1], data) and not diags.items
        assert read_text(path, Diagnostics(), folder) == expected[1]
