"""markdown-it's ``text_join`` core rule, run only for a body that has something to join.

The last core rule, ``text_join``, walks every inline token of the body to turn each
``text_special`` token into plain text and join it with the text around it. Only two inline
rules make such tokens: ``escape`` (a backslash: ``\\*``) and ``entity`` (``&amp;``, ``&#42;``).
Every other pair of neighbouring text tokens was joined already, where markdown-it's inline
parser made it (``fragments_join``: see delimiters.py), and none of our core rules that run
in between puts two text tokens side by side. So in a body with no backslash and no "&" the
rule changes nothing (some 0.7 % of a cold build's instructions).

``skip_needless_text_join(md)`` has the rule run only for a body holding either character;
for those it runs as before.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore, text_join


def skip_needless_text_join(md: MarkdownIt) -> None:
    md.core.ruler.at("text_join", _join_if_escaped)


def _join_if_escaped(state: StateCore) -> None:
    if "\\" in state.src or "&" in state.src:
        text_join(state)
