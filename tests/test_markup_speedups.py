"""The markup's quicker token making gives what markdown-it's own gives."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from sitegen.markup import create_markdown
from sitegen.markup.tokens import QuickStateBlock, QuickStateInline, has_pending, new_token


@given(st.text(max_size=12), st.text(max_size=4), st.sampled_from([-1, 0, 1]))
def test_new_token_is_the_dataclass_token(ttype, tag, nesting):
    made, expected = new_token(ttype, tag, nesting), Token(ttype, tag, nesting)
    # Every field, so that a field markdown-it adds to Token is noticed here.
    for field in dataclasses.fields(Token):
        assert getattr(made, field.name) == getattr(expected, field.name), field.name
    assert made == expected
    # Fresh containers, not shared between tokens.
    assert made.attrs is not new_token(ttype, tag, nesting).attrs
    assert made.meta is not new_token(ttype, tag, nesting).meta


_PIECES = st.sampled_from(["a", "b c", " ", "\n", "*", "**", "_", "~~", "`x`", "[", "]", "(u)", "{", "}", "{++", "++}",
                           "{>>", "<<}", "{==", "==}", "[s]{.quote}", "[p]{person=x}", "\\*", "&amp;", "^[n]", "!", "<"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_quick_state_gives_markdown_its_tokens(text):
    # markdown-it's own parse with its own StateInline, through the same rules.
    ours, theirs = _tokens_both_ways(text, "inline", _library_parse)
    assert ours == theirs


def _tokens_both_ways(text: str, parser: str, library_parse) -> tuple[list, list]:
    """The tokens of ``text`` as sitegen's Markdown makes them, and as it makes them with the
    ``parser``'s ("inline" or "block") parse replaced by ``library_parse(md, src, env, tokens)``."""
    md = create_markdown()
    ours = md.parse(text, {})
    chain = getattr(md, parser)
    original = chain.parse
    try:
        chain.parse = lambda src, md_, env, tokens: library_parse(md_, src, env, tokens)
        theirs = md.parse(text, {})
    finally:
        chain.parse = original
    return [t.as_dict() for t in ours], [t.as_dict() for t in theirs]


def _library_parse(md, src, env, tokens):
    state = StateInline(src, md, env, tokens)
    md.inline.tokenize(state)
    for rule in md.inline.ruler2.getRules(""):
        rule(state)
    return state.tokens


def test_quick_state_is_used_for_bodies():
    md = create_markdown()
    seen = []
    md.inline.ruler2.push("spy", lambda state: seen.append(type(state)))
    md.parse("some *text*", {})
    assert seen == [QuickStateInline]


_LINES = st.sampled_from(["text", "", "# h", "> q", "- i", "1. n", "    code", "```", "```py", "---", "===", "| a | b |",
                          "|---|---|", "[r]: /u", "[^1]: note", "  - nested", "* * *", "<div>", "{++x++}"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=25).map("\n".join))
def test_quick_block_state_gives_markdown_its_tokens(text):
    ours, theirs = _tokens_both_ways(text, "block", _library_block_parse)
    assert ours == theirs


def _library_block_parse(md, src, env, tokens):
    if not src:
        return None
    state = StateBlock(src, md, env, tokens)
    md.block.tokenize(state, state.line, state.lineMax)
    return state.tokens


def test_quick_block_state_is_used_for_bodies():
    md = create_markdown()
    seen = []
    md.block.ruler.before("paragraph", "spy", lambda state, *args: seen.append(type(state)) and False)
    md.parse("some text", {})
    assert seen == [QuickStateBlock]


# What a rule may do to the pending text: add to it (a piece may be empty), set it, read it,
# or push a token (which ends it first).
_PENDING_STEPS = st.lists(st.one_of(
    st.tuples(st.just("append"), st.sampled_from(["", "a", " ", "b c", "\n"])),
    st.tuples(st.just("set"), st.sampled_from(["", "x", "y "])),
    st.tuples(st.just("read"), st.just("")),
    st.tuples(st.just("push"), st.sampled_from([-1, 0, 1])),
    st.tuples(st.just("pushPending"), st.just("")),
), max_size=20)


@settings(max_examples=400, deadline=None)
@given(_PENDING_STEPS)
def test_quick_state_reads_pending_as_markdown_does(steps):
    # QuickStateInline reads markdown-it's private _pending and _pending_buffer itself: the
    # same steps on the library's StateInline must leave the same tokens and pending text.
    md = create_markdown()
    states = [QuickStateInline("", md, {}, []), StateInline("", md, {}, [])]
    for step, value in steps:
        for state in states:
            if step == "append":
                state.append_pending(value)
            elif step == "set":
                state.pending = value
            elif step == "push":
                state.push("x", "", value if state.level or value != -1 else 1)
            elif step == "pushPending":
                state.pushPending()
        assert has_pending(states[0]) == bool(states[1].pending)
        if step == "read":
            assert states[0].pending == states[1].pending
    ours, theirs = ([(t.type, t.content, t.level, t.nesting) for t in state.tokens] for state in states)
    assert ours == theirs
    assert states[0].pending == states[1].pending
