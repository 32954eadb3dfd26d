"""An annotated article's text as published or as corrected, from its Markdown or its HTML.

docs/annotations.md promises that rejecting every editorial mark gives back the published
wording exactly. ``reject_all`` is that reading of the Markdown source, ``accept_all`` the
corrected one, and ``published_text_of_html`` reads the "as published" view out of a rendered
body, so the promise can be checked on both sides of the renderer.

The source functions read marks the way the markdown-it plugin in ``criticmarkup.py`` does:
per paragraph (block structure comes from markdown-it itself, so fenced and indented code
stays untouched), with code spans and backslash escapes taking precedence, and a malformed
mark left as it is. Link text is read like any other text; a mark closer hidden inside link
text is the one place where they may differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from mdit_py_plugins.attrs.parse import ParseError
from mdit_py_plugins.attrs.parse import parse as parse_attrs
from mdit_py_plugins.footnote import footnote_plugin

_CLOSERS = {"{==": "==}", "{>>": "<<}", "{~~": "~~}", "{++": "++}", "{--": "--}"}
_CORRECTION_SEPARATOR = "~>"
_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_CONSTRUCT_CHARS = "{[`\\"  # where a mark, span, code span or escape may start
_NEXT_CONSTRUCT = re.compile("[" + re.escape(_CONSTRUCT_CHARS) + "]")
_BACKTICKS = re.compile(r"`+")
# Like markdown-it's maxNesting: a run of unclosed openers must not exhaust Python's stack.
_MAX_NESTING = 20


def reject_all(text: str) -> str:
    """The text as published: corrections give their old wording, insertions and notes go,
    deletions, highlights and attribute spans keep their text."""
    return _resolve(text, corrected=False)


def accept_all(text: str) -> str:
    """The corrected reading: corrections give their new wording, insertions stay,
    deletions and notes go, highlights and attribute spans keep their text."""
    return _resolve(text, corrected=True)


def _resolve(text: str, *, corrected: bool) -> str:
    lines = re.findall(r"[^\n]*\n|[^\n]+$", text)
    out: list[str] = []
    done = 0
    for first, last in _inline_line_ranges(text):
        out.extend(lines[done:first])
        out.append(_Paragraph("".join(lines[first:last]), corrected).render())
        done = last
    out.extend(lines[done:])
    return "".join(out)


@cache
def _block_parser() -> MarkdownIt:
    # The block structure of sitegen's parser; inline parsing is not needed to find paragraphs.
    md = MarkdownIt("commonmark", {"html": False}).enable("table").use(footnote_plugin)
    return md.disable(["inline", "footnote_tail"])


def _inline_line_ranges(text: str) -> list[tuple[int, int]]:
    """The line ranges holding inline text (paragraphs, headings, table rows), merged."""
    ranges: list[tuple[int, int]] = []
    for token in _block_parser().parse(text):
        if token.type != "inline" or token.map is None:
            continue
        first, last = token.map
        if ranges and first < ranges[-1][1]:  # table cells share their row's lines
            first = ranges[-1][0]
            last = max(last, ranges.pop()[1])
        ranges.append((first, last))
    return ranges


@dataclass(frozen=True, slots=True)
class _Node:
    """An inline construct at some position: its end, and the ranges holding its text."""

    kind: str  # "verbatim", "span", or a mark opener such as "{~~"
    end: int
    parts: tuple[tuple[int, int], ...] = ()


class _Paragraph:
    """One paragraph's source, read as the CriticMarkup plugin reads it."""

    def __init__(self, src: str, corrected: bool):
        self.src = src
        self.corrected = corrected
        self.nodes: dict[tuple[int, int], _Node | None] = {}
        self.depth = 0
        self.finds: dict[tuple[tuple[str, ...], int], dict[int, int | None]] = {}

    def render(self) -> str:
        return self._render(0, len(self.src))

    def _render(self, start: int, end: int) -> str:
        out: list[str] = []
        pos = start
        while pos < end:
            found = _NEXT_CONSTRUCT.search(self.src, pos, end)
            special = found.start() if found else end
            out.append(self.src[pos:special])
            if special == end:
                break
            node = self._node(special, end)
            if node is None:
                out.append(self.src[special])
                pos = special + 1
            else:
                out.append(self._render_node(node, special))
                pos = node.end
        return "".join(out)

    def _render_node(self, node: _Node, start: int) -> str:
        if node.kind == "verbatim":
            return self.src[start : node.end]
        if node.kind == "{>>":
            return ""
        texts = [self._render(first, last) for first, last in node.parts]
        if node.kind == "{~~":
            return texts[1] if self.corrected else texts[0]
        if node.kind == "{++":
            return texts[0] if self.corrected else ""
        if node.kind == "{--":
            return "" if self.corrected else texts[0]
        return texts[0]  # highlight, attribute span

    def _node(self, pos: int, end: int) -> _Node | None:
        """The construct starting at ``pos`` (memoised: closers are searched from every level)."""
        key = (pos, end)
        if key not in self.nodes:
            if self.depth >= _MAX_NESTING:
                return None
            self.depth += 1
            try:
                self.nodes[key] = self._parse(pos, end)
            finally:
                self.depth -= 1
        return self.nodes[key]

    def _parse(self, pos: int, end: int) -> _Node | None:
        char = self.src[pos]
        if char == "`":
            return self._code_span(pos, end)
        if char == "\\":
            escaped = self.src[pos + 1 : pos + 2] if pos + 1 < end else ""
            if escaped and (escaped in _ASCII_PUNCTUATION or escaped == "\n"):
                return _Node("verbatim", pos + 2)
            return None
        if char == "[":
            return self._attribute_span(pos, end)
        if char == "{" and self.src[pos : pos + 3] in _CLOSERS:
            return self._mark(pos, end)
        return None

    def _code_span(self, pos: int, end: int) -> _Node:
        run = _BACKTICKS.match(self.src, pos, end)
        assert run is not None  # called at a backtick
        length = len(run.group())
        closing = re.compile(rf"(?<!`)`{{{length}}}(?!`)").search(self.src, run.end(), end)
        # An unmatched backtick run is literal text as a whole, as in CommonMark.
        return _Node("verbatim", closing.end() if closing else run.end())

    def _mark(self, pos: int, end: int) -> _Node:
        opener = self.src[pos : pos + 3]
        closer = _CLOSERS[opener]
        begin = pos + 3
        malformed = _Node("verbatim", begin)  # the plugin keeps a malformed opener as text
        if opener == "{~~":
            middle = self._find(begin, end, (_CORRECTION_SEPARATOR, closer))
            if middle is None or self.src.startswith(closer, middle):
                return malformed
            close = self._find(middle + 2, end, (closer,))
            if close is None:
                return malformed
            return _Node(opener, close + 3, ((begin, middle), (middle + 2, close)))
        close = self._find(begin, end, (closer,))
        if close is None:
            return malformed
        return _Node(opener, close + 3, ((begin, close),))

    def _attribute_span(self, pos: int, end: int) -> _Node | None:
        """``[text]{attrs}``; a link or a bracket followed by anything else is not one."""
        if self.src.find("]{", pos, end) < 0:  # cheap, and spares scanning for the label's end
            return None
        close = self._label_end(pos + 1, end)
        if close is None or not self.src.startswith("{", close + 1, end):
            return None
        try:
            length, _attrs = parse_attrs(self.src[close + 1 : end])
        except ParseError:
            return None
        return _Node("span", close + 1 + length + 1, ((pos + 1, close),))

    def _label_end(self, pos: int, end: int) -> int | None:
        """The ``]`` matching an opened ``[``, skipping whole constructs (like parseLinkLabel)."""
        level = 1
        while pos < end:
            char = self.src[pos]
            if char == "]":
                level -= 1
                if level == 0:
                    return pos
            node = self._node(pos, end)
            if node is not None:
                pos = node.end
                continue
            if char == "[":
                level += 1
            pos += 1
        return None

    def _find(self, pos: int, end: int, targets: tuple[str, ...]) -> int | None:
        """The first target outside any construct, from ``pos`` on."""
        # Scans that reach a position already scanned for the same targets end the same way;
        # remembering that keeps a paragraph full of unclosed openers linear, not quadratic.
        known = self.finds.setdefault((targets, end), {})
        visited = []
        found = None
        while pos < end:
            if pos in known:
                found = known[pos]
                break
            visited.append(pos)
            if any(self.src.startswith(target, pos, end) for target in targets):
                found = pos
                break
            node = self._node(pos, end) if self.src[pos] in _CONSTRUCT_CHARS else None
            pos = node.end if node is not None else pos + 1
        known.update(dict.fromkeys(visited, found))
        return found


# --- rendered HTML --------------------------------------------------------------------------

_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_BLOCKS = frozenset(
    "address article aside blockquote dd details div dl dt figcaption figure footer h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul".split()
)
# What the "as published" view hides, as its stylesheet does: the archive's wording, its notes
# and their numbers, and anything else the archive adds to the text (marked data-editorial).
_HIDDEN_INS_CLASSES = frozenset({"corrected", "editorial-insert"})
_HIDDEN_CLASSES = frozenset({"sidenote", "sidenote-number"})
_EDITORIAL_ATTRIBUTE = "data-editorial"


def _is_hidden(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    names = dict(attrs)
    classes = set((names.get("class") or "").split())
    return (
        _EDITORIAL_ATTRIBUTE in names
        or bool(classes & _HIDDEN_CLASSES)
        or (tag == "ins" and bool(classes & _HIDDEN_INS_CLASSES))
    )


def published_text_of_html(html: str) -> str:
    """The visible text of a rendered body's "as published" view.

    Corrections show their old wording, deletions their text; inserted words, corrected
    wording, notes and their numbers, and elements marked ``data-editorial`` go. Blocks are separated by a blank line and white space
    inside a block is collapsed, as a browser shows it (except in ``<pre>``).
    """
    reader = _PublishedText()
    reader.feed(html)
    reader.close()
    return reader.text()


class _PublishedText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []  # (tag, hidden) for each open element
        self.hidden = 0
        self.pre = 0
        self.blocks: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS or tag == "br":
            self._break(tag == "br")
        if tag in _VOID:
            return
        hidden = _is_hidden(tag, attrs)
        self.open.append((tag, hidden))
        self.hidden += hidden
        self.pre += tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or all(name != tag for name, _ in self.open):
            return
        if tag in _BLOCKS:
            self._break(False)  # before popping, so a <pre> block keeps its white space
        while self.open:  # closes elements left open inside, as browsers do
            name, hidden = self.open.pop()
            self.hidden -= hidden
            self.pre -= name == "pre"
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.current.append(data if self.pre else re.sub(r"\s+", " ", data))

    def _break(self, line_break: bool) -> None:
        if self.hidden:
            return
        if line_break:
            self.current.append("\n")
            return
        block = "".join(self.current)
        self.current = []
        if not self.pre:
            block = re.sub(r"[ \t]*\n[ \t]*", "\n", re.sub(r"[ \t]+", " ", block)).strip()
        if block.strip():
            self.blocks.append(block)

    def text(self) -> str:
        self._break(False)
        return "\n\n".join(self.blocks)
