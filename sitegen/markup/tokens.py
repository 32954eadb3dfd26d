"""markdown-it's ``Token``, made without its dataclass ``__init__``, and the inline state that
makes its tokens so.

``Token("text", "", 0)`` runs the dataclass's generated ``__init__`` (thirteen arguments, two
default factories) and then ``__post_init__``, which calls ``convert_attrs`` and so builds a
third, empty dict: about twice the work of setting the thirteen slots directly. A body has
some 180 tokens, most of them made by the inline parser's ``push`` and ``pushPending``.

``new_token`` gives the token ``Token(type, tag, nesting)`` gives (tests/test_markup_speedups.py
compares them field by field, so a field added to ``Token`` is noticed); ``QuickStateInline``
and ``QuickStateBlock`` are markdown-it's ``StateInline`` and ``StateBlock`` with their ``push``
(and ``pushPending``) using it.
"""

from __future__ import annotations

from typing import Literal

from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

_new = object.__new__


def new_token(ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
    """``Token(ttype, tag, nesting)``, each field set as its default sets it."""
    token = _new(Token)
    token.type, token.tag, token.nesting = ttype, tag, nesting
    token.attrs, token.map, token.level, token.children = {}, None, 0, None
    token.content = token.markup = token.info = ""
    token.meta, token.block, token.hidden = {}, False, False
    return token


def has_pending(state: StateInline) -> bool:
    """``bool(state.pending)``, without the property's call: the pending text is ``_pending``
    followed by the pieces in ``_pending_buffer`` (markdown-it's private fields, which its
    ``pending`` joins; tests/test_markup_speedups.py checks both against the library's)."""
    return bool(state._pending) or any(state._pending_buffer)


class QuickStateInline(StateInline):
    """``StateInline`` whose ``push`` and ``pushPending`` are markdown-it's, with ``new_token``,
    and which read the pending text without the ``pending`` property (``has_pending``): a
    Python call each time, some 46,000 in a cold build of 300 articles."""

    def pushPending(self) -> Token:
        token = new_token("text", "", 0)
        buffer = self._pending_buffer
        token.content = self._pending + "".join(buffer) if buffer else self._pending
        token.level = self.pendingLevel
        self.tokens.append(token)
        self._pending, self._pending_buffer = "", []  # (as ``self.pending = ""`` sets them)
        return token

    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        if self._pending or any(self._pending_buffer):  # (has_pending, inlined)
            self.pushPending()
        token = new_token(ttype, tag, nesting)
        token_meta = None
        if nesting < 0:  # a closing tag
            self.level -= 1
            self.delimiters = self._prev_delimiters.pop()
        token.level = self.level
        if nesting > 0:  # an opening tag
            self.level += 1
            self._prev_delimiters.append(self.delimiters)
            self.delimiters = []
            token_meta = {"delimiters": self.delimiters}
        self.pendingLevel = self.level
        self.tokens.append(token)
        self.tokens_meta.append(token_meta)
        return token


class QuickStateBlock(StateBlock):
    """``StateBlock`` whose ``push`` is markdown-it's, with ``new_token``."""

    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        token = new_token(ttype, tag, nesting)
        token.block = True
        if nesting < 0:
            self.level -= 1  # a closing tag
        token.level = self.level
        if nesting > 0:
            self.level += 1  # an opening tag
        self.tokens.append(token)
        return token
