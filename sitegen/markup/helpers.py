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
"""

from __future__ import annotations

import re

from markdown_it import helpers
from markdown_it.common.utils import unescapeAll

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
    # markdown-it's own, here rather than found by __getattr__ (a Python call) at every link
    # and span: each ``[`` is read by two rules, and each reads its label.
    parseLinkLabel = staticmethod(helpers.parseLinkLabel)
    parseLinkTitle = staticmethod(helpers.parseLinkTitle)

    def __getattr__(self, name: str):
        return getattr(helpers, name)

