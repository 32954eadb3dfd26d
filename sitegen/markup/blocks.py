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

Even saying no at once is a Python call, and at the start of each block markdown-it's loop
(``ParserBlock.tokenize``) asked a dozen rules in turn, eight of them to hear that the line's
first character is not theirs. So ``quick_block_rules`` also gives the parser a loop of its
own (``_tokenize``, markdown-it's with one line changed) that asks, in the same order, only
the rules whose block may start with the line's first character (``_RulesByStart``): the
ones that would have said no are not asked. A paragraph's line of text is read by four rules,
not twelve; a cold build took 1 % fewer instructions.

Before the blocks are read, markdown-it's ``normalize`` core rule turns every line break into
"\n" and every NUL into U+FFFD, with two regular expressions over the whole body, which
match at each of its line breaks: ``quick_block_rules`` also has it run only for a body with a
carriage return or a NUL (any other it gives back as it is).
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.parser_block import ParserBlock
from markdown_it.common.utils import MD_TRIM_CHARS
from markdown_it.rules_block import (StateBlock, blockquote, code, fence, heading, hr, html_block, lheading,
                                     list_block, paragraph, reference, table)
from markdown_it.rules_core import StateCore, normalize
from mdit_py_plugins.footnote.index import footnote_def

from .tokens import QuickStateBlock

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
    "footnote_def": (footnote_def, "[", ["paragraph", "reference"]),  # (where the footnote plugin puts it)
}


def quick_block_rules(md: MarkdownIt) -> None:
    for name, (rule, starts, alt) in _STARTS.items():
        md.block.ruler.at(name, _starting_with(starts, rule), {"alt": alt})
    md.block.ruler.at("reference", _reference, {"alt": []})
    md.block.ruler.at("code", _code, {"alt": []})
    md.block.ruler.at("lheading", _lheading, {"alt": []})
    md.core.ruler.at("normalize", _normalize)
    rules_by_start = _RulesByStart(md.block)

    def tokenize(state: StateBlock, start_line: int, end_line: int) -> None:
        _tokenize(state, start_line, end_line, rules_by_start)

    def parse(src: str, md_: MarkdownIt, env, tokens: list) -> list | None:
        """markdown-it's ``ParserBlock.parse``, with a state that makes its tokens faster (tokens.py)."""
        if not src:
            return None
        state = QuickStateBlock(src, md_, env, tokens)
        tokenize(state, state.line, state.lineMax)
        return state.tokens

    # On the instance: the rules that read blocks inside blocks (quotes, lists, footnotes)
    # call state.md.block.tokenize, and so come here too.
    md.block.tokenize = tokenize
    md.block.parse = parse


def _starting_with(starts: str, rule: BlockRule) -> BlockRule:
    def quick(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        start = state.bMarks[start_line] + state.tShift[start_line]
        first = state.src[start:start + 1]
        if first and first not in starts:
            return False
        return rule(state, start_line, end_line, silent)

    quick.__name__ = quick.__qualname__ = f"quick_{rule.__name__}"
    quick.starts, quick.rule = starts, rule  # (for _RulesByStart)
    return quick


class _RulesByStart:
    """The parser's rules, in their order, that may read a block whose line starts with a given
    character: a ``quick`` rule (see _starting_with) only for its characters, and then its own
    rule, not the quick one, since the test is made; any other rule for every character. (At
    the very end of the text the first character is "", which is in every string: all rules.)"""

    def __init__(self, parser: ParserBlock):
        self.ruler = parser.ruler
        self.chain: list | None = None
        self.by_start: dict[str, tuple[BlockRule, ...]] = {}

    def at(self, first: str) -> tuple[BlockRule, ...]:
        chain = self.ruler.getRules("")
        if chain is not self.chain:  # (the ruler makes a new list whenever its rules change)
            self.chain, self.by_start = chain, {}
        rules = self.by_start.get(first)
        if rules is None:
            rules = self.by_start[first] = tuple(getattr(rule, "rule", rule) for rule in chain
                                                 if first in getattr(rule, "starts", first))
        return rules


def _tokenize(state: StateBlock, start_line: int, end_line: int, rules_by_start: _RulesByStart) -> None:
    """markdown-it's ``ParserBlock.tokenize``, asking only ``rules_by_start.at`` the line's first
    character (tests/test_blocks.py parses random text with both)."""
    line = start_line
    max_nesting = state.md.options.maxNesting
    has_empty_lines = False
    while line < end_line:
        state.line = line = state.skipEmptyLines(line)
        if line >= end_line:
            break
        if state.sCount[line] < state.blkIndent:
            break  # (the end of a block inside a quote or a list item)
        if state.level >= max_nesting:
            state.line = end_line
            break
        start = state.bMarks[line] + state.tShift[line]
        rules = rules_by_start.at(state.src[start:start + 1])
        following = line + 1
        if (rules == _TEXT_RULES and (following >= state.lineMax or state.isEmpty(following))
                and not state.is_code_block(line)):
            # A paragraph of one line: see _one_line_paragraph.
            _one_line_paragraph(state, line)
            rules = ()
            ok = True
        else:
            ok = False
        for rule in rules:
            ok = rule(state, line, end_line, False)
            if ok:
                if state.line <= line:
                    raise RuntimeError("block rule didn't increment state.line")
                break
        if not ok:
            raise RuntimeError("none of the block rules matched")
        # Whether an empty line came before this block (for lists: tight or loose).
        state.tight = not has_empty_lines
        line = state.line
        if (line - 1) < end_line and state.isEmpty(line - 1):
            has_empty_lines = True  # (a paragraph may take an empty line after it in a list)
        if line < end_line and state.isEmpty(line):
            has_empty_lines = True
            line += 1
            state.line = line


def _one_line_paragraph(state: StateBlock, line: int) -> None:
    """What the four rules a line of text is offered to (``_TEXT_RULES``) do with it when the next
    line is empty or there is none (nearly half the paragraphs of the benchmark archive), without
    their four calls: ``table`` needs a next line of "|", "-" or ":" and says no, as ``code`` does
    to a line not indented four spaces; ``lheading`` needs a next line of text, and saying no
    sets ``state.parentType`` to "paragraph"; ``paragraph`` stops at the empty line (or the end
    of the text: it reads past the end of a block, as far as ``state.lineMax``), makes its three
    tokens of this line, and leaves ``parentType`` "paragraph", as it found it."""
    state.parentType = "paragraph"
    state.line = line + 1
    token = state.push("paragraph_open", "p", 1)
    token.map = [line, line + 1]
    token = state.push("inline", "", 0)
    token.content = state.getLines(line, line + 1, state.blkIndent, False).strip(MD_TRIM_CHARS)  # (mdTrim)
    token.map = [line, line + 1]
    token.children = []
    state.push("paragraph_close", "p", -1)


def _reference(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    start = state.bMarks[start_line] + state.tShift[start_line]
    # A definition starts with "[", and its label ends with "]:" on a line of its own text
    # (the lines it reads on keep their line breaks): with neither, the rule would say no.
    if state.src[start:start + 1] != "[" or state.src.find("]:", start) < 0:
        return False
    return reference(state, start_line, end_line, silent)


_reference.starts = "["  # (for _RulesByStart, as a quick rule says: its first test above)


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


# The rules a line of text (one starting with none of the characters in _STARTS) is offered
# to, in their order (tests/test_blocks.py checks them).
_TEXT_RULES = (table, _code, _lheading, paragraph)


def _normalize(state: StateCore) -> None:
    if "\r" in state.src or "\0" in state.src:
        normalize(state)
