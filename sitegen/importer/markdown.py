"""Body lines -> Markdown that renders back to exactly the captured words.

Characters that Markdown (or the CriticMarkup and attribute-span extensions) would read as
syntax are backslash-escaped, so the rendered text equals the source text; annotation spans
only wrap text. `plain_text` undoes both, which is how tests check that nothing was altered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Always escaped: emphasis, code, links and spans, raw HTML and autolinks, CriticMarkup braces,
# strikethrough, table cells, and the escape character itself.
INLINE_SPECIAL = set("\\`*_[]<>{}~|")
ENTITY = re.compile(r"&(?=#?\w+;)")
# Escaped at the start of a line only: headings, block quotes, lists, setext underlines.
LINE_START = re.compile(r"[#>+=-]|\d{1,9}(?=[.)])")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    attrs: str               # inside the braces: ".quote by=jessica-levinson", "person=x-y"


def escape(text: str) -> str:
    out = "".join("\\" + c if c in INLINE_SPECIAL else c for c in text)
    return ENTITY.sub(r"\\&", out)


def render_line(text: str, spans: list[Span]) -> str:
    """One body line as Markdown, with its annotation spans; spaces at both ends dropped
    (Markdown would drop them anyway; original.txt keeps them)."""
    core = text.strip()
    shift = len(text) - len(text.lstrip())
    pieces, position = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        start, end = span.start - shift, span.end - shift
        pieces.append(escape(core[position:start]))
        pieces.append(f"[{escape(core[start:end])}]{{{span.attrs}}}")
        position = end
    pieces.append(escape(core[position:]))
    rendered = "".join(pieces)
    return _escape_line_start(rendered)


def _escape_line_start(line: str) -> str:
    match = LINE_START.match(line)
    if not match:
        return line
    if match.group(0)[0].isdigit():
        return line[:match.end()] + "\\" + line[match.end():]
    return "\\" + line


def plain_text(markdown_line: str) -> str:
    """The words of a rendered body line: annotation spans unwrapped, escapes undone."""
    out, i = [], 0
    while i < len(markdown_line):
        char = markdown_line[i]
        if char == "\\" and i + 1 < len(markdown_line):
            out.append(markdown_line[i + 1])
            i += 2
        elif char == "]" and markdown_line.startswith("{", i + 1):
            i = markdown_line.index("}", i) + 1
        elif char == "[":
            i += 1
        else:
            out.append(char)
            i += 1
    return "".join(out)
