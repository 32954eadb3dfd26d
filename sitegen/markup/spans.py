"""Attribute spans, ``[text]{.quote by=x}``: the ``attrs`` plugin's span rule, read faster.

mdit-py-plugins reads the braces one character at a time through a state machine, about
18 µs for ``{.claim rating=half-true}``, and a body's spans are read at least twice (inline
lookahead, then for real): a tenth of rendering a body. Nearly every span is plain classes,
ids and ``key=value`` pairs, which one regular expression reads in a few microseconds; anything
else (quoted values with escapes or braces, ``%`` comments, unusual spacing) goes to the
plugin's own parser, so the result is always the plugin's.

``spans_plugin(md, allowed)`` replaces the plugin's ``span`` rule (installed by
``attrs_plugin(md, spans=True)``) with this one; the tokens are the same: ``span_open``
with the allowed attributes, the others in ``meta["insecure_attrs"]``, then the text's
inline tokens, then ``span_close``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from mdit_py_plugins.attrs.parse import ParseError
from mdit_py_plugins.attrs.parse import parse as parse_slowly

# The plugin's grammar (mdit_py_plugins.attrs.parse), restricted to what is common: a name is
# anything but white space and punctuation other than ``_ : -``; a key or bare value is ASCII
# letters, digits and ``_ : -``; a quoted value here holds no backslash, brace or newline.
_NAME = r"""[^\s!"#$%&'()*+,./;<=>?@\[\]^`{|}~]+"""
_KEY = r"[A-Za-z0-9_:-]+"
_ITEM = rf'(?:[.#]{_NAME}|{_KEY}=(?:{_KEY}|"[^"\\{{}}\n]*"))'
_PLAIN = re.compile(rf"\{{[ \t\r\n]*(?:{_ITEM}(?:[ \t\r\n]+{_ITEM})*[ \t\r\n]*)?\}}")
_ITEMS = re.compile(rf'([.#])({_NAME})|({_KEY})=(?:({_KEY})|"([^"\\{{}}\n]*)")')
# The attributes the plugin checks with md.validateLink; this rule does not, so refuses them.
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href"})


def parse_attributes(text: str, start: int) -> tuple[int, dict[str, str]] | None:
    """The attributes in braces at ``text[start]``: (index of the closing brace, attributes),
    or None if there are none there; as ``mdit_py_plugins.attrs.parse`` reads them."""
    plain = _PLAIN.match(text, start)
    if plain is None:
        try:
            end, attributes = parse_slowly(text[start:])
        except ParseError:
            return None
        return start + end, attributes
    attributes: dict[str, str] = {}
    classes = []
    for sigil, name, key, bare, quoted in _ITEMS.findall(text, start, plain.end()):
        if sigil == ".":
            classes.append(name)
        elif sigil == "#":
            attributes["id"] = name
        elif key == "class":
            classes.append(bare or quoted)
        else:
            attributes[key] = bare or quoted
    if classes:  # (the plugin puts the classes last)
        attributes["class"] = " ".join(classes)
    return plain.end() - 1, attributes


def spans_plugin(md: MarkdownIt, allowed: Iterable[str]) -> None:
    """Read ``[text]{...}`` spans with ``parse_attributes`` (after ``attrs_plugin(md, spans=True)``)."""
    allowed = frozenset(allowed)
    if allowed & _URL_ATTRIBUTES:
        raise ValueError("attributes holding a URL would need md.validateLink: not allowed in spans")

    def span(state: StateInline, silent: bool) -> bool:
        return _span_rule(state, silent, allowed)

    span.starts = "["  # (see inlinerules.py)
    md.inline.ruler.at("span", span)


def _span_rule(state: StateInline, silent: bool, allowed: frozenset[str]) -> bool:
    if state.src[state.pos] != "[":
        return False
    maximum = state.posMax
    label_end = state.md.helpers.parseLinkLabel(state, state.pos, False)
    if label_end < 0 or label_end + 1 >= maximum:
        return False
    found = parse_attributes(state.src, label_end + 1)
    if found is None:
        return False
    end, attributes = found
    if not silent:
        # Only the allowed attributes are written; the others are kept where the plugin keeps
        # them. (None of the allowed ones holds a URL, so none needs md.validateLink.)
        refused = {key: value for key, value in attributes.items() if key not in allowed}
        state.pos, state.posMax = state.pos + 1, label_end
        token = state.push("span_open", "span", 1)
        if refused:
            token.meta["insecure_attrs"] = refused
        token.attrs.update({key: value for key, value in attributes.items() if key not in refused})
        state.md.inline.tokenize(state)
        state.push("span_close", "span", -1)
    state.pos, state.posMax = end + 1, maximum
    return True
