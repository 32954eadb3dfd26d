"""Captures copied from a web archive's replay of a page (the Internet Archive's Wayback Machine),
and pages a browser saved as one file, an archive of their own (MHTML: see saved_page).

Copied whole, such a page starts with the archive's toolbar: the replay's own address, the
number of captures, a calendar of them, "About this capture" with the collection's notes, and
"TIMESTAMPS". None of it is the article. Its first line is worth reading all the same: it names
the address the page had when it was published, which a capture otherwise does not carry, and
that address gives the article its slug, its outlet and often its date.
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass

# "The Wayback Machine - https://web.archive.org/web/20230512081433/https://www.example.com/..."
TOOLBAR_START = re.compile(
    r"(?:the )?wayback machine\s*[-–—:]\s*(?P<archived>https?://web\.archive\.org/web/\d{4,14}[a-z_]*/"
    r"(?P<original>\S+))", re.IGNORECASE)
# The toolbar's last line, as the archive lays it out; "loading" may stand under it.
TOOLBAR_END = "timestamps"
MAX_TOOLBAR_LINES = 80
# When the copy lacks that last line: the toolbar's lines that say nothing else.
TOOLBAR_LINE = re.compile(
    r"internet archive|wayback machine|go|https?://\S+|\d[\d,]* captures?|about this capture|collected by|"
    r"\d{1,2} [a-z]{3} \d{4} ?[-–] ?\d{1,2} [a-z]{3} \d{4}|[a-z]{3}|\d{1,4}|success|fail|loading|close|help|"
    r"(?:organization|collection): .{1,120}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Replay:
    toolbar_end: int   # the toolbar is lines[:toolbar_end] (with the blank lines before it)
    original_url: str  # the page's address when it was captured
    archived_url: str  # the replay's address


def replay_toolbar(lines: tuple[str, ...]) -> Replay | None:
    """The replay toolbar at the top of a capture, when it starts with one."""
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    start = TOOLBAR_START.fullmatch(lines[first].strip()) if first is not None else None
    if start is None:
        return None
    window = range(first + 1, min(len(lines), first + MAX_TOOLBAR_LINES))
    end = next((n + 1 for n in window if lines[n].strip().lower() == TOOLBAR_END), None)
    if end is not None:
        if end < len(lines) and lines[end].strip().lower() == "loading":
            end += 1
    else:
        end = first + 1
        while end in window and (not lines[end].strip() or TOOLBAR_LINE.fullmatch(lines[end].strip())):
            end += 1
    return Replay(end, start.group("original"), start.group("archived"))


# A page a browser saved as one file ("Webpage, single file": .mhtml, .mht): a MIME message whose
# parts are the page's markup and its pictures and style sheets, each encoded for mail.
MHTML_SUFFIXES = (".mhtml", ".mht")
MHTML_HEAD = 4096  # bytes in which a saved file's MIME headers say what it is


def saved_page(raw: bytes) -> tuple[bytes, str | None]:
    """The page's markup in a page saved as one file, and the address it was saved from (the
    browser's "Snapshot-Content-Location", else the markup part's "Content-Location"); the
    bytes as they are and None for any other file. The markup keeps its own encoding, which
    its <meta> tells as a saved .html page's does."""
    if b"multipart/related" not in raw[:MHTML_HEAD].lower():
        return raw, None
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    part = next((p for p in message.walk() if p.get_content_type() in ("text/html", "application/xhtml+xml")), None)
    markup = part.get_payload(decode=True) if part is not None else None
    if not markup:
        return raw, None
    address = message.get("Snapshot-Content-Location") or part.get("Content-Location")
    return markup, address.strip() if address and address.strip().startswith(("http://", "https://")) else None
