"""markdown-it's link helpers, with a quicker ``parseLinkDestination``.

markdown-it's rules reach the helpers as ``md.helpers`` (``link``, ``image`` and
``reference`` read a link's destination with ``md.helpers.parseLinkDestination``). Its own
reads ``https://example.org/a/b`` one character at a time, each through a function call:
35 µs a link, more than a tenth of parsing a body's inline text. A destination is nearly
always a run of characters that need no second look; one regular expression finds where it
ends, and the few others (a backslash, a parenthesis inside, ``<...>``) are read by
markdown-it's own function, so the result is always markdown-it's.

``LinkHelpers()`` is what ``create_markdown`` gives its parser as ``md.helpers``; anything
else asked of it is markdown-it's helpers module's.

``quick_references(md)`` puts a shortcut before markdown-it's ``reference`` block rule, which
is tried at every paragraph and reads one that starts with ``[`` (``[a span]{...}`` opens many
a paragraph here) a character at a time, each through a function call, looking for a link
definition (``[label]: url``).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt, helpers
from markdown_it.common.utils import unescapeAll
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block import reference as markdown_it_reference

# Characters markdown-it's loop steps over without a second look: not a space or an ASCII
# control character (which end a destination), not a backslash (an escape), not a
# parenthesis (counted, to be balanced).
_PLAIN_RUN = re.compile(r"[^\x00-\x20\x7f\\()]+")


class _Destination:
    """What ``parseLinkDestination`` returns: ``ok``, the end ``pos`` and the URL ``str``."""

    __slots__ = ("ok", "pos", "str")

    def __init__(self, ok: bool, pos: int, text: str) -> None:
        self.ok, self.pos, self.str = ok, pos, text


def parse_link_destination(string: str, pos: int, maximum: int):
    """``markdown_it.helpers.parseLinkDestination``: the same result, faster for a plain URL."""
    run = _PLAIN_RUN.match(string, pos, maximum) if string[pos:pos + 1] != "<" else None
    if run is not None:
        end = run.end()
        # Ended by the end of the text, a space, a control character or the link's closing
        # parenthesis (none is open): where markdown-it's loop stops, with the same URL.
        if end == maximum or string[end] not in "\\(":
            return _Destination(True, end, unescapeAll(string[pos:end]))
    return helpers.parseLinkDestination(string, pos, maximum)


class LinkHelpers:
    """``md.helpers`` with ``parse_link_destination``; the rest is markdown-it's own."""

    parseLinkDestination = staticmethod(parse_link_destination)

    def __getattr__(self, name: str):
        return getattr(helpers, name)


def quick_references(md: MarkdownIt) -> None:
    """Ask markdown-it's ``reference`` rule only where a link definition may start."""
    md.block.ruler.at("reference", _reference, {"alt": []})  # (the rule's own: it interrupts nothing)


def _reference(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    start = state.bMarks[start_line] + state.tShift[start_line]
    # A definition starts with "[", and its label ends with "]:" on a line of its own text
    # (the lines it reads on keep their line breaks): with neither, the rule would say no.
    if state.src[start:start + 1] != "[" or state.src.find("]:", start) < 0:
        return False
    return markdown_it_reference(state, start_line, end_line, silent)
