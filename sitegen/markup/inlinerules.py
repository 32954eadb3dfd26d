"""markdown-it's inline rules, each asked only where its construct may start.

Reading a paragraph's text, markdown-it stops at every character that may begin a construct
(``[``, ``{``, ``*``, ``:``, ...) and asks its inline rules in turn, about sixteen with our
plugins, until one takes it. Most rules look at the character first and say no: a link needs
``[``, a code span a backtick, a CriticMarkup mark ``{``. But each no is a Python call, and
at the ``[`` of each span or link seven rules said no before the link rule was asked; at a
``:`` in the text, all sixteen. Lookahead (``skipToken``, to find where a link label or a
mark ends) asks them all again, in silent mode.

``quick_inline_rules(md)`` gives the inline parser markdown-it's two loops (``tokenize`` and
``skipToken``) with one line changed: they ask, in the same order, only the rules that may
take the character where they stand (``_QuickLoops.at``). Which those are, each rule says
by the first test it makes: ``_STARTS`` below for markdown-it's and the footnote plugin's
rules, a ``starts`` attribute for ours (criticmarkup, spans); the ``text`` rule takes any
character but the parser's terminators (``md.inline.terminator_re``). A rule that says
nothing of the kind (the attrs plugin's ``attr``, the footnote plugin's references, which
note footnotes in ``env`` before looking at the character) is asked everywhere, as before.
A cold build took 0.9 % fewer instructions.

Two more shortcuts, same tokens: the ``text`` rule, which takes most stops, is run in the loop
rather than called; and a paragraph with no character at which another rule may start (no
terminator: a quarter of them) is one text token at once, without the loop. After the loop,
the rules that pair emphasis markers (``delimiters.py``), which say they change nothing
without markers (``needs_markers``), are called only when a marker was noted.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.parser_inline import ParserInline
from markdown_it.rules_inline import (StateInline, autolink, backtick, emphasis, entity, escape, html_inline, image,
                                      link, newline, strikethrough, text)
from mdit_py_plugins.footnote.index import footnote_inline

from .delimiters import has_markers
from .tokens import QuickStateInline, has_pending, new_token

InlineRule = Callable[[StateInline, bool], bool]

# The characters at which each rule may take something: at any other its first test says no
# (tests/test_inlinerules.py checks each against markdown-it's own loop on random text).
_STARTS: dict[InlineRule, str] = {
    newline: "\n",
    escape: "\\",
    backtick: "`",
    strikethrough.tokenize: "~",
    emphasis.tokenize: "_*",
    link: "[",
    image: "!",
    autolink: "<",
    html_inline: "<",
    entity: "&",
    footnote_inline: "^",
}


def quick_inline_rules(md: MarkdownIt) -> None:
    loops = _QuickLoops(md.inline, md.options["maxNesting"])
    # On the instance: rules that read text inside a construct (links, spans, marks) call
    # state.md.inline.tokenize or .skipToken, and so come here too.
    md.inline.parse = loops.parse
    md.inline.tokenize = loops.tokenize
    md.inline.skipToken = loops.skip_token


class _QuickLoops:
    """markdown-it's inline loops, with the rules that may take each character (``at``)."""

    def __init__(self, parser: ParserInline, max_nesting: int):
        self.parser = parser
        self.chain: list = []
        self.post_rules: list = []
        self.terminators = None
        self.by_character: dict[str, tuple[InlineRule, ...]] = {}
        self.text_first = self.post_rules_need_markers = False
        self.max_nesting = max_nesting  # (md.options["maxNesting"], read again at each parse)
        self._follow_the_rules()

    def parse(self, src: str, md: MarkdownIt, env, tokens: list) -> list:
        """markdown-it's ``ParserInline.parse`` (which calls the loops below), once the rules
        by character are known to be for the parser's rules as they are now: markdown-it's
        loops ask the ruler for its rules at every call, these once a paragraph."""
        self._follow_the_rules()
        # Read once a paragraph, not at each call of the loops (a Python __getitem__ each).
        self.max_nesting = md.options["maxNesting"]
        # The text rule, asked first, would take all that comes before the first terminator.
        stop = self.terminators.search(src) if self.text_first else None
        if src and stop is None and self.text_first and self.post_rules_need_markers:
            # Not one character at which a rule but ``text`` may start (a quarter of the
            # paragraphs of the benchmark archive): the text rule would take it all, as one
            # text token, and the rules after it (delimiters.py) would find no marker to pair.
            token = new_token("text", "", 0)
            token.content = src
            tokens.append(token)
            return tokens
        # markdown-it's ParserInline.parse, with a state that makes its tokens faster (tokens.py).
        state = QuickStateInline(src, md, env, tokens)
        if stop is not None and stop.start() > 0:
            state.pos = stop.start()  # (the text rule's first step, as tokenize would take it)
            state.append_pending(src[:state.pos])
        self.tokenize(state)
        # Rules that change nothing without markers are not called when there are none.
        if not self.post_rules_need_markers or has_markers(state):
            for rule in self.post_rules:
                rule(state)
        return state.tokens

    def _follow_the_rules(self) -> None:
        chain, terminators = self.parser.ruler.getRules(""), self.parser.terminator_re
        post_rules = self.parser.ruler2.getRules("")
        if chain is not self.chain or terminators is not self.terminators or post_rules is not self.post_rules:
            # (The ruler makes a new list whenever its rules change; a plugin may add terminators.)
            self.chain, self.terminators, self.by_character = chain, terminators, {}
            self.post_rules = post_rules
            # The text rule asked first: where it may take the character, it does (see tokenize).
            self.text_first = bool(chain) and chain[0] is text
            self.post_rules_need_markers = all(getattr(rule, "needs_markers", False) for rule in post_rules)

    def at(self, character: str) -> tuple[InlineRule, ...]:
        rules = self.by_character.get(character)
        if rules is None:
            rules = self.by_character[character] = tuple(rule for rule in self.chain if self._may_take(rule, character))
        return rules

    def _may_take(self, rule: InlineRule, character: str) -> bool:
        if rule is text:
            return not self.terminators.match(character)
        starts = _STARTS.get(rule, getattr(rule, "starts", None))
        return starts is None or character in starts

    def tokenize(self, state: StateInline) -> None:
        """markdown-it's ``ParserInline.tokenize``, asking only the rules ``at`` the character;
        the ``text`` rule, asked most, is done here rather than called (the same lines)."""
        by_character = self.by_character
        end = state.posMax
        max_nesting = self.max_nesting
        while state.pos < end:
            pos = state.pos
            ok = False
            if state.level < max_nesting:
                rules = by_character.get(state.src[pos]) or self.at(state.src[pos])
                if rules and rules[0] is text:
                    # markdown-it's text rule: up to the next terminator, into the pending text.
                    # (The character here is none, so it takes at least this one.)
                    found = self.terminators.search(state.src, pos)
                    state.pos = found.start() if found else end
                    state.append_pending(state.src[pos:state.pos])
                    if state.pos >= end:
                        break
                    continue
                for rule in rules:
                    ok = rule(state, False)
                    if ok:
                        if state.pos <= pos:
                            raise RuntimeError("inline rule didn't increment state.pos")
                        break
            if ok:
                if state.pos >= end:
                    break
                continue
            state.append_pending(state.src[state.pos])
            state.pos += 1
        if has_pending(state):
            state.pushPending()

    def skip_token(self, state: StateInline) -> None:
        """markdown-it's ``ParserInline.skipToken``, asking only the rules ``at`` the character."""
        pos = state.pos
        cache = state.cache
        if pos in cache:
            state.pos = cache[pos]
            return
        ok = False
        if state.level < self.max_nesting:
            for rule in self.by_character.get(state.src[pos]) or self.at(state.src[pos]):
                # Counted as a level deeper, as markdown-it does, to bound the recursion.
                state.level += 1
                ok = rule(state, True)
                state.level -= 1
                if ok:
                    if state.pos <= pos:
                        raise RuntimeError("inline rule didn't increment state.pos")
                    break
        else:
            state.pos = state.posMax  # (nested too deep: markdown-it skips to the end)
        if not ok:
            state.pos += 1
        cache[pos] = state.pos
