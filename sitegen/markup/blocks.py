"""markdown-it's block rules, each asked only where its block may start.

At the start of every block (and, to see whether it ends a paragraph, at every line of one)
markdown-it tries its block rules in turn. Most say no at the line's first character (a fence
needs a backtick or a tilde, a heading ``#``, a quote ``>``), but only after logging their
call and working out where the line is: some 3 µs each, ten rules a paragraph. The
``reference`` rule (link definitions, ``[label]: url``) even read every paragraph opened by a
span (``[a span]{...}``) a character at a time up to its ``]``.

``quick_block_rules(md)`` puts in front of each such rule the test that it would make first:
a line that fails it gets the rule's own answer, no, at once; any other is the rule's to read.
The rules themselves, and their order and what each may interrupt (``alt``, as markdown-it
sets them), are unchanged.

Before the blocks are read, markdown-it's ``normalize`` core rule turns every line break into
"\n" and every NUL into U+FFFD, with two regular expressions over the whole body, which
match at each of its line breaks: ``quick_block_rules`` also has it run only for a body with a
carriage return or a NUL (any other it gives back as it is).
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_block import (StateBlock, blockquote, code, fence, heading, hr, html_block, lheading,
                                     list_block, reference)
from markdown_it.rules_core import StateCore, normalize

BlockRule = Callable[[StateBlock, int, int, bool], bool]

# What each rule may interrupt, as markdown-it's ParserBlock sets it (tests/test_blocks.py
# checks that the rules are where markdown-it put them, with these).
_ALT_QUOTE_LIST = ["paragraph", "reference", "blockquote", "list"]
_ALT_QUOTE = ["paragraph", "reference", "blockquote"]

# The characters a line may begin with (after its indentation) for the rule to read it: for
# any other, the rule returns False before it does anything else.
_STARTS: dict[str, tuple[BlockRule, str, list[str]]] = {
    "fence": (fence, "`~", _ALT_QUOTE_LIST),
    "blockquote": (blockquote, ">", _ALT_QUOTE_LIST),
    "hr": (hr, "*-_", _ALT_QUOTE_LIST),
    "list": (list_block, "*-+0123456789", _ALT_QUOTE),
    "html_block": (html_block, "<", _ALT_QUOTE),
    "heading": (heading, "#", _ALT_QUOTE),
}


def quick_block_rules(md: MarkdownIt) -> None:
    for name, (rule, starts, alt) in _STARTS.items():
        md.block.ruler.at(name, _starting_with(starts, rule), {"alt": alt})
    md.block.ruler.at("reference", _reference, {"alt": []})
    md.block.ruler.at("code", _code, {"alt": []})
    md.block.ruler.at("lheading", _lheading, {"alt": []})
    md.core.ruler.at("normalize", _normalize)


def _starting_with(starts: str, rule: BlockRule) -> BlockRule:
    def quick(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        start = state.bMarks[start_line] + state.tShift[start_line]
        first = state.src[start:start + 1]
        if first and first not in starts:
            return False
        return rule(state, start_line, end_line, silent)

    quick.__name__ = quick.__qualname__ = f"quick_{rule.__name__}"
    return quick


def _reference(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    start = state.bMarks[start_line] + state.tShift[start_line]
    # A definition starts with "[", and its label ends with "]:" on a line of its own text
    # (the lines it reads on keep their line breaks): with neither, the rule would say no.
    if state.src[start:start + 1] != "[" or state.src.find("]:", start) < 0:
        return False
    return reference(state, start_line, end_line, silent)


def _code(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if not state.is_code_block(start_line):  # (indented four spaces or more)
        return False
    return code(state, start_line, end_line, silent)


def _lheading(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A heading underlined by the next line (``===`` or ``---``): none without a next line
    of text. Saying no, markdown-it's rule leaves ``state.parentType`` set to "paragraph"
    (unless the line is code), and other rules read it (whether a list may end a table):
    so does this."""
    following = start_line + 1
    if (following >= end_line or state.isEmpty(following)) and not state.is_code_block(start_line):
        state.parentType = "paragraph"
        return False
    return lheading(state, start_line, end_line, silent)


def _normalize(state: StateCore) -> None:
    if "\r" in state.src or "\0" in state.src:
        normalize(state)
