"""Link the first mention of each person named in the front matter, without markup.

Editors list people in the front matter; writing ``[Trump]{person=donald-trump}`` by hand for
each is tedious. So the first time a listed person's name (or registry alias) appears in the
body as plain text, it becomes a link to their page. Explicit markup wins: a person marked
anywhere in the body is not linked again automatically.
"""

from __future__ import annotations

from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# Inside these, text is not plain prose: links, spans, code, and editorial marks (a name in a
# published typo must not turn into a link to the corrected person).
_OPENERS_TO_SKIP = ("link_open", "span_open")


def link_first_mentions_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("sitegen_spans", "sitegen_first_mentions", link_first_mentions)


def link_first_mentions(state: StateCore) -> None:
    ctx = state.env.get("sitegen")
    if ctx is None or not ctx.auto_link_names:
        return
    done = set(state.env.get("mentioned_people", ()))
    listed = tuple((name, slug) for name, slug in ctx.auto_link_names if slug not in done and name.strip())
    if not listed:
        return
    # A person none of whose names is in the body (often a reporter) is not waited for to the
    # last paragraph: see _in_source.
    present = tuple((name, slug) for name, slug in listed if _in_source(name, state.src))
    names = _Names(tuple(dict.fromkeys(name for name, _ in present)), dict(reversed(present)), {slug for _, slug in present})
    waiting = _waiting(names, done)
    for block in state.tokens:
        if not waiting:
            break  # (everyone linked)
        if block.type != "inline" or not block.children:
            continue
        # Most paragraphs name no one still to be linked (first mentions come early, and a
        # person the body never names is waited for to the end): see _may_name.
        if _may_name(block, waiting):
            block.children = _link_in_children(block.children, names, done)
            waiting = _waiting(names, done)  # (only linking changes who is done)
    state.env["auto_linked_people"] = done - set(state.env.get("mentioned_people", ()))


def _in_source(name: str, src: str) -> bool:
    """Whether ``name`` may be in a text token of the body ``src``: if not, it is in none.

    Text tokens are pieces of their paragraph's lines, and those of the body's (``state.src``,
    with its line breaks made "\n" by then), but for the spaces that stand for a tab in the
    indentation a line keeps: hence the name without the spaces around it. (A text token
    never holds a line break, so none in the middle.)"""
    return name.strip() in src


def _waiting(names: _Names, done: set) -> list[str]:
    """The names of the people not yet linked, longest first."""
    return [name for name in names.in_order if names.slug_of[name] not in done]


def _may_name(block: Token, waiting: list[str]) -> bool:
    """Whether the paragraph may mention one of the names ``waiting`` to be linked.

    One substring test a name says no for most paragraphs, where _link_in_children reads
    every token and looks for whole words of every name, linked or not (a linked name may hide
    one that overlaps it, so they are all looked for there). (With the same test in
    _split_text, auto-linking takes a third fewer instructions: callgrind, 150 bodies of the
    benchmark archive, 126 M -> 82 M.)

    The test is made on the paragraph's source, which holds every text token read from it:
    the inline parser makes them of pieces of it (an escape or an entity is a token of another
    kind, and an autolink's text, which may be decoded, is inside a link: no mention is looked
    for in either). So no mention is missed; a name in a link's address or a span's
    attributes only has the paragraph read for nothing.
    (Testing the text tokens' contents, joined, cost 0.3 % of a cold build's instructions.)"""
    return any(name in block.content for name in waiting)


class _Names(NamedTuple):
    in_order: tuple[str, ...]  # longest first: where two start at one place, the longer is the mention
    slug_of: dict[str, str]  # name -> slug (the first given, if two people share a name)
    slugs: set[str]


def _link_in_children(children: list[Token], names: _Names, done: set) -> list[Token]:
    result: list[Token] = []
    depth = 0
    for token in children:
        kind = token.type
        if kind == "text" and depth == 0:
            result.extend(_split_text(token, names, done))
            continue
        step = _DEPTH_STEPS.get(kind)
        if step is None:  # (a dict, not string tests per token: this reads every token of a body)
            step = _DEPTH_STEPS[kind] = _depth_step(kind)
        depth += step
        result.append(token)
    return result


_DEPTH_STEPS: dict[str, int] = {}


def _depth_step(kind: str) -> int:
    """+1 for a token opening text that is not plain prose, -1 for one closing it, else 0."""
    skipped = kind.startswith("critic_") or kind.rsplit("_", 1)[0] + "_open" in _OPENERS_TO_SKIP
    if not skipped:
        return 0
    return 1 if kind.endswith("_open") else -1 if kind.endswith("_close") else 0


def _mentions(text: str, names: tuple[str, ...]):
    """(start, name) of each whole-word occurrence of any of ``names`` in ``text``, left to
    right and not overlapping; at one start, the first of ``names`` that is there.

    What a regular expression of the names as alternatives would find, without compiling one:
    every article has its own set of names, and compiling took longer than the search. Each
    name's next place is kept and looked for again only once a mention has passed it, so the
    text is read about once per name, however often the names occur."""
    upcoming = {name: _whole_word(text, name, 0) for name in names}
    pos = 0
    while True:
        best = None
        for name in names:
            at = upcoming[name]
            if 0 <= at < pos:  # inside or before the last mention: where is it next?
                at = upcoming[name] = _whole_word(text, name, pos)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, name)
        if best is None:
            return
        yield best
        pos = best[0] + len(best[1])


def _whole_word(text: str, word: str, pos: int) -> int:
    """Where ``word`` next occurs in ``text`` from ``pos`` on, not inside a longer word; -1 if nowhere."""
    at = text.find(word, pos)
    while at >= 0:
        end = at + len(word)
        if not (at > 0 and _is_word_character(text[at - 1])) and not (end < len(text) and _is_word_character(text[end])):
            return at
        at = text.find(word, at + 1)
    return -1


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"  # what \w matches in a str pattern


def _split_text(token: Token, names: _Names, done: set) -> list[Token]:
    if names.slugs <= done:
        return [token]
    text, pos = token.content, 0
    # As in link_first_mentions: no name still to be linked in this text, nothing to split.
    if not any(name in text for name in names.in_order if names.slug_of[name] not in done):
        return [token]
    out: list[Token] = []
    for start, name in _mentions(text, names.in_order):
        slug = names.slug_of[name]
        if slug in done:
            continue
        done.add(slug)
        if start > pos:
            out.append(_text(text[pos:start]))
        opener = Token("span_open", "span", 1)
        opener.meta = {"kind": "person", "slug": slug, "auto": True}
        closer = Token("span_close", "span", -1)
        closer.meta = dict(opener.meta)
        out += [opener, _text(name), closer]
        pos = start + len(name)
        if names.slugs <= done:
            break
    if pos == 0:
        return [token]
    if pos < len(text):
        out.append(_text(text[pos:]))
    return out


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token
