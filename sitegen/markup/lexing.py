"""Pygments' RegexLexer, same tokens, fewer regex calls and compiles (for ``highlight.py``).

A RegexLexer state is a list of rules tried in order at the current position, one
``re`` match call each from Python: about 28 calls per token in Python's lexer. And a
lexer compiles every rule of every state when first instantiated, whether the code it
highlights needs the state or not. In a cold build of a few hundred articles, highlighting
was nearly a tenth of all instructions, most of it those two. Here, for plain RegexLexer
classes:

* one regex, ``(?P<_rule0>rule0)|(?P<_rule1>rule1)|...``, finds which of a run of
  rules wins in one call: ``re`` tries the alternatives in order and keeps the first
  that matches, and since nothing follows the alternation that is the match the rule
  would give on its own. The outer group that closed last (``lastindex``) says which
  rule it was. A state is cut into such runs, its own rules between includes and each
  included state, so that a state included by several (Python's ``expr``) is compiled
  once, as Pygments' regex cache does for its single rules;
* a run's regex is compiled when a state using it is first entered, and a rule's own
  regex only when a callback (``bygroups``, ``using``...) needs its own match object.

A run whose rules cannot be put in one regex (back-references or conditionals, whose
group numbers would shift; anything that fails to compile combined) is tried rule by
rule as Pygments does. Lexers with their own ``get_tokens_unprocessed``, another metaclass or
token variants are left to Pygments entirely (``fast_lexer`` returns None).
"""

from __future__ import annotations

import re

from pygments.lexer import Future, RegexLexer, RegexLexerMeta, include, inherit
from pygments.token import Error, Whitespace, _TokenType

# A rule whose group numbers would change inside the combined regex: a back-reference
# (\1, (?P=name)) or a conditional ((?(1)...)). Over-cautious (an escaped backslash
# before a digit also counts): such a run is tried rule by rule.
_NUMBERED_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")

# Flags for the whole regex, "(?i)" at its start: inside the combined regex they must
# become flags for the rule's group only, "(?i:...)".
_GLOBAL_FLAGS = re.compile(r"\(\?([aimsux]+)\)")


class _Rule:
    """One rule's regex, compiled the first time a match object from it is needed."""

    __slots__ = ("source", "flags", "_match")

    def __init__(self, source, flags):
        self.source = source
        self.flags = flags
        self._match = None

    def match(self, text, pos, *endpos):
        if self._match is None:
            self._match = re.compile(self.source, self.flags).match
        return self._match(text, pos, *endpos)

    # Pygments' own loop calls a rule's entry directly.
    __call__ = match


class _DeferredMeta(RegexLexerMeta):
    """Pygments' processing of a lexer's states, with each regex left uncompiled."""

    def _process_regex(cls, regex, rflags, state):
        if isinstance(regex, Future):
            regex = regex.get()
        return _Rule(regex, rflags)

    def process_tokendef(cls, name, tokendefs=None):
        # The states as written (with their includes) tell where to cut them into runs.
        cls._unprocessed = tokendefs
        return super().process_tokendef(name, tokendefs)


def _combine(rules):
    """A run of rules as ``(match, rule of each outer group)``, or ``(None, rules)``."""
    if not rules:
        return None, rules  # an empty alternation would match the empty string
    parts = []
    flags = None
    for rule, _action, _new_state in rules:
        if isinstance(rule, _Rule):
            source, rule_flags = rule.source, rule.flags
        elif getattr(getattr(rule, "__self__", None), "pattern", None) == "":
            # default(): Pygments compiles '' itself, and it matches under any flags
            source, rule_flags = "", None
        else:
            return None, rules
        if _NUMBERED_REFERENCE.search(source):
            return None, rules
        if rule_flags is not None and flags not in (None, rule_flags):
            return None, rules
        flags = rule_flags if rule_flags is not None else flags
        parts.append(source)
    flags = flags or 0
    alternatives = "|".join(_alternative(index, part, flags) for index, part in enumerate(parts))
    try:
        pattern = re.compile(alternatives, flags)
    except (re.error, RecursionError, OverflowError):
        return None, rules
    groupindex = pattern.groupindex
    return pattern.match, {groupindex[f"_rule{index}"]: rule for index, rule in enumerate(rules)}


def _alternative(index, source, flags):
    """``source`` as the outer group ``_rule<index>``: named, so that its number needs no
    counting of the groups of the rules before it."""
    # In verbose mode a rule may end in a comment, which would swallow the ')'.
    scoped = _GLOBAL_FLAGS.match(source)
    if scoped:
        inline = scoped.group(1)
        close = "\n)" if "x" in inline or flags & re.VERBOSE else ")"
        source = f"(?{inline}:{source[scoped.end():]}{close}"
    close = "\n)" if flags & re.VERBOSE else ")"
    return f"(?P<_rule{index}>{source}{close}"


class _FastRegexLexer(RegexLexer, metaclass=_DeferredMeta):
    """Mixed into a subclass of a lexer: its states' rules matched in runs, compiled lazily."""

    def get_tokens_unprocessed(self, text, stack=("root",)):
        """Pygments 2.20's ``RegexLexer.get_tokens_unprocessed``, one match per run of rules.

        Mirrors that private loop line for line (state stack, ``#pop``/``#push``, tuples
        of states, int pops, callbacks, the newline and error tokens when nothing
        matches); only the search for the winning rule differs.
        """
        pos = 0
        runs_of = self._runs
        statestack = list(stack)
        runs = runs_of[statestack[-1]] if statestack[-1] in runs_of else self._state_runs(statestack[-1])
        while 1:
            for run_match, rules in runs:
                if run_match is not None:
                    m = run_match(text, pos)
                    if m:
                        group = m.lastindex
                        rule, action, new_state = rules[group]
                        break
                else:
                    for rule, action, new_state in rules:
                        m = rule(text, pos)
                        if m:
                            group = 0
                            break
                    else:
                        continue
                    break
            else:
                rule = None
            if rule is not None:
                if action is not None:
                    if type(action) is _TokenType:
                        yield pos, action, m.group(group)
                    else:
                        # the callback reads the rule's own groups
                        yield from action(self, rule(text, pos) if group else m)
                pos = m.end()
                if new_state is not None:
                    # state transition
                    if isinstance(new_state, tuple):
                        for state in new_state:
                            if state == "#pop":
                                if len(statestack) > 1:
                                    statestack.pop()
                            elif state == "#push":
                                statestack.append(statestack[-1])
                            else:
                                statestack.append(state)
                    elif isinstance(new_state, int):
                        # pop, but keep at least one state on the stack
                        if abs(new_state) >= len(statestack):
                            del statestack[1:]
                        else:
                            del statestack[new_state:]
                    elif new_state == "#push":
                        statestack.append(statestack[-1])
                    else:
                        assert False, f"wrong state def: {new_state!r}"
                    state = statestack[-1]
                    runs = runs_of[state] if state in runs_of else self._state_runs(state)
            else:
                # no rule matched
                try:
                    if text[pos] == "\n":
                        # at EOL, reset state to "root"
                        statestack = ["root"]
                        runs = runs_of["root"] if "root" in runs_of else self._state_runs("root")
                        yield pos, Whitespace, "\n"
                        pos += 1
                        continue
                    yield pos, Error, text[pos]
                    pos += 1
                except IndexError:
                    break

    @classmethod
    def _state_runs(cls, state):
        """The state's rules cut into runs: its own rules between includes, each include."""
        rules = cls._tokens[state]  # a KeyError for an unknown state, as in Pygments
        runs = []
        own = []
        index = 0
        for definition in cls._unprocessed.get(state, ()):
            if isinstance(definition, include):
                included = cls._tokens[str(definition)]
                if rules[index : index + len(included)] != included:
                    break  # not laid out as expected: a circular include
                if own:
                    runs.append(_combine(own))
                    own = []
                if str(definition) not in cls._included_runs:
                    cls._included_runs[str(definition)] = _combine(included)
                runs.append(cls._included_runs[str(definition)])
                index += len(included)
            elif definition is not inherit:  # one Pygments left in place is skipped too
                own.append(rules[index])
                index += 1
        if own:
            runs.append(_combine(own))
        if index != len(rules):
            # states made by combined() have no definition; a circular include: one run
            runs = [_combine(rules)]
        cls._runs[state] = runs
        return runs


def fast_lexer(cls, **options):
    """An instance of a fast subclass of the RegexLexer ``cls``, or None where it would not be exact."""
    if (
        type(cls) is not RegexLexerMeta
        or cls.get_tokens_unprocessed is not RegexLexer.get_tokens_unprocessed
        or getattr(cls, "token_variants", False)
    ):
        return None
    fast = _FAST_CLASSES.get(cls)
    if fast is None:
        namespace = {"_runs": {}, "_included_runs": {}}
        fast = _FAST_CLASSES[cls] = _DeferredMeta(cls.__name__, (_FastRegexLexer, cls), namespace)
    return fast(**options)


_FAST_CLASSES: dict = {}
