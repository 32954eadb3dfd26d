"""markdown-it's pairing of emphasis and strikethrough markers, skipped where there are none.

After reading each paragraph's inline text, markdown-it runs three rules over the markers it
noted (``*``, ``_``, ``~``, as ``Delimiter`` objects: in ``state.delimiters`` and, for the
text inside a link, a span or a CriticMarkup mark, in ``state.tokens_meta``): ``balance_pairs``
pairs them, then ``strikethrough`` and ``emphasis`` turn the pairs into tags. Most
paragraphs have no marker at all, and each rule then walks the lists and does nothing.

A fourth, ``fragments_join``, then walks the paragraph's tokens to join the text tokens that
stand next to each other and to count each token's ``level`` again. Both are the markers'
doing: each marker was pushed as a text token of its own, between the text before and after
it, and a pair turned into tags changes the nesting. Every other token is pushed through
``state.push``, which ends the pending text first (so no two text tokens meet) and sets the
level that this rule would set. Without markers it changes nothing either.

``skip_unmarked_pairing(md)`` puts a test in front of each of the four: with no marker noted
anywhere, the rule is not called (it would change nothing); otherwise it runs as before.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline, emphasis, fragments_join, link_pairs, strikethrough

_PAIRING_RULES = {"balance_pairs": link_pairs, "strikethrough": strikethrough.postProcess,
                  "emphasis": emphasis.postProcess, "fragments_join": fragments_join}


def skip_unmarked_pairing(md: MarkdownIt) -> None:
    for name, rule in _PAIRING_RULES.items():
        md.inline.ruler2.at(name, _when_marked(rule))


def has_markers(state: StateInline) -> bool:
    """Whether any emphasis or strikethrough marker was noted in the text just read."""
    if state.delimiters:
        return True
    # (None, or {"delimiters": [...]} for an opening token: filter passes over the Nones in C.)
    for meta in filter(None, state.tokens_meta):
        if meta.get("delimiters"):
            return True
    return False


def _when_marked(rule: Callable[[StateInline], None]) -> Callable[[StateInline], None]:
    def pairing(state: StateInline) -> None:
        if has_markers(state):
            rule(state)

    pairing.__name__ = pairing.__qualname__ = f"when_marked_{rule.__module__.rsplit('.', 1)[-1]}"
    # Says that without markers the rule changes nothing (inlinerules.py then need not call it).
    pairing.needs_markers = True
    return pairing
