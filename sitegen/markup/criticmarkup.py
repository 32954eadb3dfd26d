"""CriticMarkup editorial marks (docs/annotations.md) as a markdown-it plugin.

``md.use(criticmarkup_plugin)`` adds one inline rule, ``criticmarkup``, placed before
``strikethrough`` so ``{~~old~>new~~}`` is never read as ``~~`` strikethrough. A mark's
contents are parsed as inline Markdown (emphasis, links, code spans, attribute spans,
other marks); marks may cross soft line breaks but not paragraphs; code spans win, so
`` `{++x++}` `` stays literal.

The HTML, all phrasing content (valid inside ``<p>``) and free of JavaScript; each shape is
one line in the output, wrapped here. ``N`` is the note's number, counted per document in
``env["critic_note_count"]`` in reading order.

``{==span==}{>>note<<}`` (a note anchored on a span)::

    <span class="annotated"><mark id="note-ref-N" aria-describedby="note-N-text">span</mark></span>
    <label for="note-N" class="sidenote-number">N</label>
    <input type="checkbox" id="note-N" class="margin-toggle" />
    <span class="sidenote" role="note" id="note-N-text">note</span>

``{>>note<<}`` (a note at a point: no mark, the label carries the ``note-ref-N`` anchor)::

    <label for="note-N" class="sidenote-number" id="note-ref-N">N</label>
    <input type="checkbox" id="note-N" class="margin-toggle" />
    <span class="sidenote" role="note" id="note-N-text">note</span>

``{==span==}`` (a highlight)::

    <mark class="editorial-highlight">span</mark>

``{~~old~>new~~}`` (a correction)::

    <span class="correction"><del class="as-published" title="As published">old</del>
    <ins class="corrected">new</ins></span>

``{++text++}`` and ``{--text--}``::

    <ins class="editorial-insert">text</ins>
    <del class="editorial-delete">text</del>

``<input ... />`` follows markdown-it's ``xhtmlOut`` option, like its ``<br />``. The checkbox
is what a keyboard reaches and what toggles a note on narrow screens (Tufte CSS), so the
stylesheet must hide it visually without ``display: none``.

Tokens come in open/close pairs named ``critic_<kind>_open``/``_close`` (kinds: highlight,
annotated, anchor, note, correction, old, new, insert, delete) with their HTML in ``attrs``;
a note's contents stay inline tokens between ``critic_note_open`` (``meta["number"]``,
``meta["anchored"]``) and ``critic_note_close``, so later stages can read them, e.g. the
evidence note that follows a ``.claim`` span.

A malformed mark (unclosed, a correction without ``~>``, a note inside link text where
``<label>`` and ``<input>`` are not allowed) keeps its characters as text and adds a
``CriticProblem`` to ``env["critic_problems"]`` with its 0-based line in the source given to
``md.parse``/``md.render``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

NOTE_COUNT_KEY = "critic_note_count"
PROBLEMS_KEY = "critic_problems"
# Inline rules see only their paragraph's text; this maps each inline token's children list
# to the line its block starts on, for the duration of the core "inline" step.
_BLOCK_LINES_KEY = "_critic_block_lines"


@dataclass(frozen=True, slots=True)
class CriticProblem:
    line: int  # 0-based, within the source given to md.parse / md.render
    message: str


@dataclass(frozen=True, slots=True)
class _Kind:
    name: str
    opener: str
    closer: str


_KINDS = {
    kind.opener: kind
    for kind in (
        _Kind("highlight", "{==", "==}"),
        _Kind("note", "{>>", "<<}"),
        _Kind("correction", "{~~", "~~}"),
        _Kind("insertion", "{++", "++}"),
        _Kind("deletion", "{--", "--}"),
    )
}
_CORRECTION_SEPARATOR = "~>"
_OPENER_LENGTH = 3


@dataclass(frozen=True, slots=True)
class _Found:
    """A well-formed mark: the source ranges of its parts, and where it ends."""

    kind: _Kind
    parts: tuple[tuple[int, int], ...]  # highlight/insertion/deletion: 1; correction: old, new
    end: int
    note: tuple[int, int] | None = None  # the note anchored on a highlight


def criticmarkup_plugin(md: MarkdownIt) -> None:
    """Parse and render CriticMarkup notes, highlights, corrections, insertions, deletions."""
    md.inline.ruler.before("strikethrough", "criticmarkup", _critic_rule)
    md.core.ruler.before("inline", "criticmarkup_lines", _remember_block_lines)
    md.core.ruler.after("inline", "criticmarkup_lines_done", _forget_block_lines)
    md.add_render_rule("critic_note_open", _render_note_open)


def _critic_rule(state: StateInline, silent: bool) -> bool:
    start = state.pos
    kind = _KINDS.get(state.src[start : start + _OPENER_LENGTH])
    if kind is None:
        return False
    # A note inside link text would put a label and a checkbox inside <a>, which HTML forbids.
    notes_allowed = silent or state.linkLevel == 0
    found = _scan(state, start, kind, notes_allowed)
    if isinstance(found, str):
        # Keep the opener as text (so `{~~a~~}` cannot turn into strikethrough) and say why.
        if not silent:
            state.append_pending(kind.opener)
            _report(state, start, found)
        state.pos = start + _OPENER_LENGTH
        return True
    if not silent:
        _emit(state, found)
    state.pos = found.end
    return True


_critic_rule.starts = "{"  # (every mark starts with "{": see inlinerules.py)


def _scan(state: StateInline, start: int, kind: _Kind, notes_allowed: bool) -> _Found | str:
    """The mark starting at ``start``, or why it is malformed."""
    begin = start + _OPENER_LENGTH
    if kind.name == "note" and not notes_allowed:
        return "CriticMarkup note '{>>' inside link text (move it after the link)"
    if kind.name == "correction":
        middle = _find(state, begin, (_CORRECTION_SEPARATOR, kind.closer))
        if middle is not None and state.src.startswith(kind.closer, middle):
            return "CriticMarkup correction '{~~' without '~>' (expected '{~~old~>new~~}')"
        close = None if middle is None else _find(state, middle + 2, (kind.closer,))
        if middle is None or close is None:
            return _unclosed(kind)
        parts = ((begin, middle), (middle + 2, close))
    else:
        close = _find(state, begin, (kind.closer,))
        if close is None:
            return _unclosed(kind)
        parts = ((begin, close),)
    end = close + len(kind.closer)
    if kind.name == "highlight" and notes_allowed:
        note = _KINDS["{>>"]
        if state.src.startswith(note.opener, end, state.posMax):
            note_close = _find(state, end + _OPENER_LENGTH, (note.closer,))
            if note_close is not None:
                note_range = (end + _OPENER_LENGTH, note_close)
                return _Found(kind, parts, note_close + len(note.closer), note_range)
    return _Found(kind, parts, end)


def _unclosed(kind: _Kind) -> str:
    return f"unclosed CriticMarkup {kind.name} '{kind.opener}' (expected '{kind.closer}')"


def _find(state: StateInline, pos: int, targets: Sequence[str]) -> int | None:
    """Where the first target occurs outside any inline construct, from ``pos`` on.

    Whole constructs (code spans, links, attribute spans, nested marks) are skipped with
    markdown-it's own lookahead, as link labels are found, so `{++`++}`++}` closes last.

    That lookahead tries every inline rule at every stop, which made finding closers about two
    fifths of this plugin's time; so plain stretches are searched with ``str.find``. Only a
    character in ``_MAY_HIDE`` can begin a construct that hides a target (every target starts
    with a character at which markdown-it's text rule stops, and the rules that start
    elsewhere, newlines and entities, cannot hold one): up to the next such character, the
    first target found is the one the lookahead would reach.
    """
    src, end = state.src, state.posMax
    if state.level >= state.md.options["maxNesting"]:
        return _find_by_lookahead(state, pos, targets)
    while pos < end:
        hiding = _MAY_HIDE.search(src, pos, end)
        stop = hiding.start() if hiding else end
        places = [at for t in targets if 0 <= (at := src.find(t, pos, end)) <= stop]
        if places:
            return min(places)
        if hiding is None:
            return None
        saved = state.pos
        state.pos = stop
        state.md.inline.skipToken(state)  # the construct starting there, whole
        pos, state.pos = state.pos, saved
    return None


# Characters that may begin an inline construct: code spans, links and attribute spans,
# images, inline footnotes, autolinks, escapes, nested marks and attributes. (An image's "!"
# is here for clarity only: skipping from its "[" ends at the same place.)
_MAY_HIDE = re.compile(r"[`\[!^<\\{]")


def _find_by_lookahead(state: StateInline, pos: int, targets: Sequence[str]) -> int | None:
    """``_find`` one stop at a time, as markdown-it finds a link label's end (nested deeper
    than ``maxNesting``, the lookahead gives up at once: this is that case)."""
    saved = state.pos
    state.pos = pos
    found = None
    while state.pos < state.posMax:
        if any(state.src.startswith(t, state.pos, state.posMax) for t in targets):
            found = state.pos
            break
        state.md.inline.skipToken(state)
    state.pos = saved
    return found


def _emit(state: StateInline, found: _Found) -> None:
    kind = found.kind.name
    markup = (found.kind.opener, found.kind.closer)
    if kind == "correction":
        _push(state, "critic_correction_open", "span", {"class": "correction"}, markup[0])
        old = {"class": "as-published", "title": "As published"}
        _wrap(state, "old", "del", old, found.parts[0], (markup[0], "~>"))
        _wrap(state, "new", "ins", {"class": "corrected"}, found.parts[1], ("~>", markup[1]))
        _push(state, "critic_correction_close", "span", {}, markup[1])
    elif kind == "insertion":
        _wrap(state, "insert", "ins", {"class": "editorial-insert"}, found.parts[0], markup)
    elif kind == "deletion":
        _wrap(state, "delete", "del", {"class": "editorial-delete"}, found.parts[0], markup)
    elif kind == "note":
        _emit_note(state, found.parts[0], anchored=False)
    elif found.note is None:
        _wrap(state, "highlight", "mark", {"class": "editorial-highlight"}, found.parts[0], markup)
    else:
        _push(state, "critic_annotated_open", "span", {"class": "annotated"}, markup[0])
        anchor = _wrap(state, "anchor", "mark", {}, found.parts[0], markup)
        _push(state, "critic_annotated_close", "span", {}, markup[1])
        # Numbered only now, after the span's own contents, so numbers follow reading order.
        number = _emit_note(state, found.note, anchored=True)
        anchor.attrs.update({"id": f"note-ref-{number}", "aria-describedby": f"note-{number}-text"})
        anchor.meta["number"] = number


def _emit_note(state: StateInline, part: tuple[int, int], anchored: bool) -> int:
    # Notes are numbered per document, so adding an article never renumbers another's notes.
    number = state.env.get(NOTE_COUNT_KEY, 0) + 1
    state.env[NOTE_COUNT_KEY] = number
    attrs = {"class": "sidenote", "role": "note", "id": f"note-{number}-text"}
    token = _wrap(state, "note", "span", attrs, part, ("{>>", "<<}"))
    token.meta.update(number=number, anchored=anchored)
    return number


def _wrap(
    state: StateInline,
    name: str,
    tag: str,
    attrs: dict[str, str],
    part: tuple[int, int],
    markup: tuple[str, str],
) -> Token:
    """Push ``critic_<name>_open``, the part's inline tokens, ``critic_<name>_close``."""
    opening = _push(state, f"critic_{name}_open", tag, attrs, markup[0])
    saved_max = state.posMax
    state.pos, state.posMax = part
    state.md.inline.tokenize(state)
    state.posMax = saved_max
    _push(state, f"critic_{name}_close", tag, {}, markup[1])
    return opening


def _push(state: StateInline, ttype: str, tag: str, attrs: dict[str, str], markup: str) -> Token:
    token = state.push(ttype, tag, -1 if ttype.endswith("_close") else 1)
    token.attrs = dict(attrs)
    token.markup = markup
    return token


def _render_note_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    """The numbered label and the checkbox that toggles the note, then the note's span."""
    token = tokens[idx]
    number = token.meta["number"]
    ref_id = "" if token.meta["anchored"] else f' id="note-ref-{number}"'
    slash = " /" if options.get("xhtmlOut") else ""
    return (
        f'<label for="note-{number}" class="sidenote-number"{ref_id}>{number}</label>'
        f'<input type="checkbox" id="note-{number}" class="margin-toggle"{slash}>'
        + self.renderToken(tokens, idx, options, env)
    )


def _remember_block_lines(state: StateCore) -> None:
    lines: dict[int, tuple[int, str]] = {}
    last_line = 0
    for token in state.tokens:
        if token.map is not None:
            last_line = token.map[0]
        if token.type == "inline":
            if token.children is None:
                token.children = []
            lines[id(token.children)] = (last_line, token.content)
    state.env[_BLOCK_LINES_KEY] = lines


def _forget_block_lines(state: StateCore) -> None:
    state.env.pop(_BLOCK_LINES_KEY, None)


def _report(state: StateInline, pos: int, message: str) -> None:
    problem = CriticProblem(_line_of(state, pos), message)
    state.env.setdefault(PROBLEMS_KEY, []).append(problem)


def _line_of(state: StateInline, pos: int) -> int:
    """The 0-based source line of ``pos`` in the inline text being parsed."""
    blocks: dict[int, tuple[int, str]] = state.env.get(_BLOCK_LINES_KEY, {})
    block = blocks.get(id(state.tokens))
    if block is not None:
        return block[0] + state.src.count("\n", 0, pos)
    # Inline footnotes and image descriptions are parsed from a slice of their block's text
    # into a list of their own; find the block by that slice.
    for first_line, content in blocks.values():
        at = content.find(state.src)
        if at >= 0:
            return first_line + content.count("\n", 0, at + pos)
    return state.src.count("\n", 0, pos)
