"""Raw bytes -> lines -> the role of each line: headline, body, comments, site chrome or blank.

Every input line gets exactly one role, so the body, the comments and the dropped chrome
together account for every line of the capture (blank lines only separate paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import Rules, line_matches

BOM = "\ufeff"
BLANK, TITLE, BODY, CHROME, HEADING, COMMENT = (
    "blank", "title", "body", "chrome", "comments-heading", "comment")

NUMBERED = re.compile(r"\s*\d{1,4}[.)]\s+\S")
MAX_HEADLINE_WORDS = 25
MAX_HEADLINE_CHARS = 200


class DecodeError(ValueError):
    """The input's bytes are not text in the expected encoding; the message says where."""


@dataclass(frozen=True, slots=True)
class Segments:
    lines: tuple[str, ...]          # without line endings; line n is lines[n - 1]
    roles: tuple[str, ...]          # one role per line
    reported_count: int | None      # from the comments heading, when it gives one

    def numbers(self, *roles: str) -> tuple[int, ...]:
        """1-based numbers of the lines having one of these roles."""
        return tuple(n for n, role in enumerate(self.roles, 1) if role in roles)


def decode(raw: bytes, encoding: str = "utf-8") -> str:
    """The text of a capture; a byte-order mark is dropped. Raises DecodeError with a location."""
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise DecodeError(
            f"not {encoding.upper()} (byte 0x{raw[error.start]:02x} at line {line}, column"
            f" {column}); re-save it as UTF-8, or name its encoding with --encoding"
            " (for example --encoding cp1252)") from None
    except LookupError:
        raise DecodeError(f"unknown encoding '{encoding}'") from None
    return text.removeprefix(BOM)


def split_lines(text: str) -> tuple[str, ...]:
    """Lines as an editor counts them: \\r\\n, \\r and \\n all end a line."""
    if not text:
        return ()
    lines = re.split(r"\r\n|\r|\n", text)
    if lines[-1] == "":
        lines.pop()
    return tuple(lines)


def segment(lines: tuple[str, ...], rules: Rules, find_title: bool = True) -> Segments:
    """The role of each line; find_title=False when the headline is known from elsewhere."""
    chrome = [bool(line.strip()) and line_matches(rules.chrome, line) is not None for line in lines]
    heading, count = _comments_heading(lines, chrome, rules)
    end = len(lines) if heading is None else heading
    content = [n for n in range(end) if lines[n].strip() and not chrome[n]]
    title = content[0] if (find_title and len(content) > 1
                           and is_headline(lines[content[0]], rules)) else None
    roles = []
    for n, line in enumerate(lines):
        if not line.strip():
            roles.append(BLANK)
        elif n == heading:
            roles.append(HEADING)
        elif chrome[n]:
            roles.append(CHROME)
        elif n == title:
            roles.append(TITLE)
        else:
            roles.append(BODY if n < end else COMMENT)
    return Segments(lines, tuple(roles), count)


def is_headline(line: str, rules: Rules) -> bool:
    """A short line without sentence punctuation at the end, which is not a dateline or byline."""
    text = line.strip()
    words = text.split()
    if not 2 <= len(words) <= MAX_HEADLINE_WORDS or len(text) > MAX_HEADLINE_CHARS:
        return False
    if text[-1] in ".,;:" or _is_dateline(text, rules):
        return False
    return words[0].lower() != "by"


def _is_dateline(text: str, rules: Rules) -> bool:
    match = rules.dateline.match(text)
    return bool(match) and sum(c.isupper() for c in match.group("place")) >= 2


def _comments_heading(lines, chrome, rules) -> tuple[int | None, int | None]:
    """The line that starts the reader comments, and the count it reports."""
    seen_text = False
    for n, line in enumerate(lines):
        match = line_matches(rules.comments_heading, line) if seen_text else None
        if match and (match.groupdict().get("count") or _comment_follows(lines, n + 1, rules)):
            count = match.groupdict().get("count")
            return n, int(count) if count else None
        seen_text = seen_text or (bool(line.strip()) and not chrome[n])
    return None, None


def _comment_follows(lines, start, rules) -> bool:
    """A heading without a count must be followed by something shaped like a comment."""
    for line in lines[start:start + 4]:
        if line.strip():
            return bool(NUMBERED.match(line) or line_matches(rules.comment_author, line))
    return False
