"""Body lines -> Markdown that renders back to exactly the captured words.

Characters that Markdown (or the CriticMarkup and attribute-span extensions) would read as
syntax are backslash-escaped, so the rendered text equals the source text; annotation spans
only wrap text. `plain_text` undoes both, which is how tests check that nothing was altered.
The things of a line that become Markdown syntax are a list item's marker ("• ", "* ",
"2. "): a run of such lines is a list (see `list_lines`), and the page draws the bullets and
numbers itself; a table's pipes (see `table_lines`); and a heading's level or a block
quote's "> ", added before a line known to be one (see `render_heading`, annotate.render_body).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import BULLET

# Always escaped: emphasis, code, links and spans, raw HTML and autolinks, CriticMarkup braces,
# strikethrough, table cells, and the escape character itself.
INLINE_SPECIAL = set("\\`*_[]<>{}~|")
ENTITY = re.compile(r"&(?=#?\w+;)")
# Escaped at the start of a line only: headings, block quotes, lists, setext underlines.
LINE_START = re.compile(r"[#>+=-]|\d{1,9}(?=[.)])")
# A list item as a capture writes it, after any indentation: a bullet ("• Two more
# librarians", lynx's "* ", "- ") or a number ("2. ", "2) ").
BULLET_MARKER = re.compile(rf"{BULLET}[ \u00a0]+(?=\S)")
NUMBER_MARKER = re.compile(r"(\d{1,9})([.)])[ \u00a0]+(?=\S)")


# A table as page extractors and converters write it (trafilatura, html2text, pandoc's pipe
# tables): each row between pipes, the header row over a rule of dashes ("| Stage | Dates |",
# "|---|---|"); html2text leaves the outer pipes out ("Stage | Dates", "---|---"). Markdown
# draws it as a table.
TABLE_ROW = re.compile(r"[ \t]*\|.*\|[ \t]*")
TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*")
# A row, once a table is seen: its cells between pipes, the outer ones or not.
TABLE_CELLS = re.compile(r".*[^\\]\|.*")


def table_lines(lines: list[tuple[int, str]]) -> set[int]:
    """The lines, given as (line number, text), that make tables, by index in ``lines``: a
    header row, the rule under it and the rows under that, with no line between them."""
    found: set[int] = set()

    def goes_on(index: int, pattern: re.Pattern[str]) -> bool:
        return (index < len(lines) and lines[index][0] == lines[index - 1][0] + 1
                and pattern.fullmatch(lines[index][1]) is not None)

    index = 0
    while index + 1 < len(lines):
        if TABLE_CELLS.fullmatch(lines[index][1]) and goes_on(index + 1, TABLE_RULE):
            # (the rows like the header: between outer pipes if it is)
            row = TABLE_ROW if TABLE_ROW.fullmatch(lines[index][1]) else TABLE_CELLS
            end = index + 2
            while goes_on(end, row):
                end += 1
            found.update(range(index, end))
            index = end
        else:
            index += 1
    return found


def render_heading(text: str, level: int, spans: list[Span]) -> str:
    """A heading of the story (a crosshead) at ``level`` (2 to 6: the headline is the page's one
    of level 1)."""
    rendered = render_line(text, spans)
    if rendered.endswith("#"):  # (a "#" ending it would be read as the heading's closing mark)
        rendered = rendered[:-1] + "\\#"
    return "#" * min(max(level, 2), 6) + " " + rendered


# The marks around a paragraph in bold (an interview's question: see render_strong). The text's
# own asterisks are escaped, so a line opening with these two is one.
STRONG = "**"


def render_strong(text: str, spans: list[Span]) -> str:
    """A paragraph set in bold, the whole of it (an interview's question, "**Q: What happened
    next?**"): its words as any line's, between Markdown's marks for bold."""
    return STRONG + render_line(text, spans, line_start=False) + STRONG


ESCAPED_PIPE = "\x00\x01"  # (see render_table_line)


def render_table_line(text: str, spans: list[Span]) -> str:
    """A row of a table (see table_lines): as any line, but for its pipes, which part the cells;
    a pipe inside a cell, which the converter escaped ("| Ashby \\| Reserves |"), stays escaped.
    (Two characters stand for the escaped one while the line is rendered: the spans' places stay.)"""
    kept = text.replace("\\|", ESCAPED_PIPE)
    return render_line(kept, spans, line_start=False).replace("\\|", "|").replace(ESCAPED_PIPE, "\\|")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    attrs: str               # inside the braces: ".quote by=jessica-levinson", "person=x-y"
    # A span over two lines or more is given on each as its part there: it opens on its
    # first line and closes on its last (see annotate.line_spans).
    opens: bool = True
    closes: bool = True


def escape(text: str) -> str:
    out = "".join("\\" + c if c in INLINE_SPECIAL else c for c in text)
    return ENTITY.sub(r"\\&", out)


# What annotate.render_body adds before a heading's or a block quote's line.
BLOCK_MARKS = re.compile(r"#{2,6} |> ")


@dataclass(frozen=True, slots=True)
class ListLine:
    """A body line that is part of a list: ``prefix`` goes before its Markdown (an item's
    marker, "- " or "3. ", or the spaces that carry an item's second line on under it), and
    ``width`` is how many characters of the line the capture's own marker takes (indentation,
    the bullet or number, the spaces after it)."""
    prefix: str
    width: int


# A line that breaks a story into sections: a rule ("---", "* * *", "___") or a row of stars,
# bullets, diamonds or dashes ("⁂", "•••", "◆ ◆ ◆", "———"), each mark alone or all together.
# Not "###", which ends a press release; not a plain-text table's rule ("-------  -----"), nor
# a code fence ("~~~").
SECTION_BREAK = re.compile(r"[ \t]*(?:(?P<mark>[-*_•·◆◇—–])(?:(?P=mark){2,}|(?:[ \t]+(?P=mark)){2,})|⁂)[ \t]*")


def list_lines(lines: list[tuple[int, str]]) -> dict[int, ListLine]:
    """The body lines, given as (line number, text), that make lists, by index in ``lines``.

    An item starts at a line opening with a bullet, or with a number that the next item goes
    on from ("1. ", then "2. "): a lone "1. " is more likely a sentence about a number, and
    Markdown would number a list from its first item whatever the other lines said. The next
    line of the capture carries an item on when it is indented deeper than the item's marker
    (text browsers wrap items so) or starts in lower case; any other line ends the list."""
    starts: dict[int, tuple[int, re.Match, bool]] = {}  # index -> (indentation, marker, is a bullet)
    for index, (_, text) in enumerate(lines):
        indent = len(text) - len(text.lstrip())
        if SECTION_BREAK.fullmatch(text):
            continue  # ("* * *" opens with a bullet)
        if marker := BULLET_MARKER.match(text, indent):
            starts[index] = (indent, marker, True)
        elif marker := NUMBER_MARKER.match(text, indent):
            starts[index] = (indent, marker, False)
    carried: dict[int, int] = {}  # index of an item's start -> how many lines after it carry it on
    for index, (indent, _, _) in starts.items():
        count, number = 0, lines[index][0]
        for number_after, text in lines[index + 1:]:
            if number_after != number + 1 or index + count + 1 in starts or not _carries_on(text, indent):
                break
            count, number = count + 1, number_after
        carried[index] = count
    found: dict[int, ListLine] = {}
    numbered = sorted(index for index, (_, _, bullet) in starts.items() if not bullet)
    for index, (_, marker, bullet) in starts.items():
        if bullet:
            found[index] = ListLine("- ", marker.end())
    for index, after in zip(numbered, numbered[1:]):
        first, second = starts[index][1], starts[after][1]
        if (after == index + carried[index] + 1 and int(second.group(1)) == int(first.group(1)) + 1
                and first.group(2) == second.group(2)):
            for start, marker in ((index, first), (after, second)):
                found[start] = ListLine(f"{marker.group(1)}{marker.group(2)} ", marker.end())
    for index in list(found):
        for line in range(index + 1, index + carried[index] + 1):
            found[line] = ListLine(" " * len(found[index].prefix), 0)
    return found


def _carries_on(text: str, item_indent: int) -> bool:
    stripped = text.lstrip()
    return len(text) - len(stripped) > item_indent or stripped[:1].islower()


def render_list_line(text: str, part: ListLine, spans: list[Span]) -> str:
    """A line of a list: its prefix, then the line after the capture's own marker."""
    return part.prefix + render_line(" " * part.width + text[part.width:], spans)


def render_line(text: str, spans: list[Span], line_start: bool = True) -> str:
    """One body line as Markdown, with its annotation spans; spaces at both ends dropped
    (Markdown would drop them anyway; original.txt keeps them); with ``line_start``, what would
    open a block there escaped."""
    core = text.strip()
    shift = len(text) - len(text.lstrip())
    pieces, position = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        start, end = span.start - shift, span.end - shift
        pieces.append(escape(core[position:start]))
        pieces.append(("[" if span.opens else "") + escape(core[start:end]) + (f"]{{{span.attrs}}}" if span.closes else ""))
        position = end
    pieces.append(escape(core[position:]))
    rendered = "".join(pieces)
    return _escape_line_start(rendered) if line_start else rendered  # (a table's row: "---|---" is its rule)


def _escape_line_start(line: str) -> str:
    match = LINE_START.match(line)
    if not match:
        return line
    if match.group(0)[0].isdigit():
        return line[:match.end()] + "\\" + line[match.end():]
    return "\\" + line


def without_list_marker(text: str) -> str:
    """A line's text without the spaces at its ends and a list item's marker at its start."""
    text = text.strip()
    marker = BULLET_MARKER.match(text) or NUMBER_MARKER.match(text)
    return text[marker.end():] if marker else text


def plain_text(markdown_line: str) -> str:
    """The words of a rendered body line: annotation spans unwrapped, escapes undone, a list
    item's marker, a heading's marks, a line break and the spaces at both ends dropped. (Compare
    it with a captured line's `without_list_marker`: the page draws the bullet or number of a
    list.)"""
    out, i = [], 0
    if markdown_line.startswith(STRONG):  # (a paragraph in bold: see render_strong)
        markdown_line = markdown_line[len(STRONG):-len(STRONG)]
    if marks := BLOCK_MARKS.match(markdown_line):  # (a heading's or a block quote's marks;
        i = marks.end()                                  # "\#", "\>" are the text's own)
    while i < len(markdown_line):
        char = markdown_line[i]
        if char == "\\" and i + 1 == len(markdown_line):
            break  # a line break (see annotate.render_body), no character of the text
        if char == "\\":
            out.append(markdown_line[i + 1])
            i += 2
        elif char == "]" and markdown_line.startswith("{", i + 1):
            i = markdown_line.index("}", i) + 1
        elif char == "[":
            i += 1
        else:
            out.append(char)
            i += 1
    return without_list_marker("".join(out))
