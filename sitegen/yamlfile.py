"""YAML that remembers where each value came from.

PyYAML's ``compose`` gives every node its start line; we construct plain Python values from
the node tree ourselves and keep a map from each value's path (``("people", 2, "name")``) to
its 1-based line in the *file*, so a problem deep in front matter is reported at its own line.
Timestamps are deliberately left as strings: the loader would turn ``2016-13-45`` into a
crash, and dates are validated by our own parser with a proper message.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from typing import Any

import yaml


# libyaml's C parser is about ten times faster than PyYAML's pure Python one, and front
# matter of tens of thousands of articles is parsed on a cold build; both give the same nodes.
_BaseLoader = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader


_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
# Drop the implicit timestamp resolver: dates stay strings (see module docstring).
_IMPLICIT = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# PyYAML adds the resolvers for any first character (None) to those of each one; there are
# none, and no path resolvers, which _Loader.resolve relies on.
assert not _IMPLICIT.get(None) and not yaml.SafeLoader.yaml_path_resolvers


class _Loader(_BaseLoader):
    yaml_implicit_resolvers = _IMPLICIT

    def resolve(self, kind, value, implicit):
        """PyYAML's ``resolve``, without what no loader of ours uses (wildcard and path resolvers).

        libyaml's parser asks it for the tag of every key and value of every file (some 120
        times an article), and PyYAML's own joins two lists and looks for path resolvers each
        time: this one parses the front matter and comments of 300 articles in 5 % fewer
        instructions (callgrind)."""
        if kind is _Scalar:
            if implicit[0]:  # (a plain scalar: a quoted one is a string)
                tag = _PLAIN_TAGS.get(value)
                if tag is None:
                    tag = _plain_tag(value)
                    if len(value) <= 64 and len(_PLAIN_TAGS) < _PLAIN_TAGS_KEPT:
                        _PLAIN_TAGS[value] = tag
                return tag
            return _STR
        return self.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else self.DEFAULT_MAPPING_TAG

    # libyaml's parser tells these of every node it enters and leaves, for path resolvers:
    # there are none (see above), so there is nothing to follow. They are built-in functions
    # that take the same arguments and do nothing that matters, not Python methods that do
    # nothing: calling a Python function costs a frame, two for every node (the front matter
    # and comments of 300 articles parse in 4 % fewer instructions, callgrind).
    descend_resolver = staticmethod(operator.is_)  # (current_node, current_index) -> a bool, unused
    ascend_resolver = staticmethod(tuple)  # () -> the empty tuple, unused


def _plain_tag(value: str) -> str:
    for tag, regexp in _IMPLICIT.get(value[:1], ()):
        if regexp.match(value):
            return tag
    return _STR


# The tags of plain scalars seen before: the same keys (title, people, text, ...) and many of
# the same values come back in every file, and each was matched against the resolvers'
# regular expressions again. (Short ones, up to a number: an archive has more distinct values.)
_PLAIN_TAGS: dict[str, str] = {}
_PLAIN_TAGS_KEPT = 20_000


@dataclass(frozen=True, slots=True)
class YamlDocument:
    data: Any
    lines: dict[tuple, int] | None  # value path -> 1-based line in the file; None: not found yet
    source: tuple | None = None  # (text, first line), to find the lines when first asked for

    def line_of(self, *path: Any) -> int | None:
        """The line of the deepest known ancestor of ``path``."""
        lines = self.lines
        if lines is None:
            # (Parsed without its lines: see parse_yaml. Found once, on the first problem.)
            lines = parse_yaml(*self.source).lines
            object.__setattr__(self, "lines", lines)
        line = lines.get(path)  # (the path itself, most often: every name of front matter asks)
        if line is not None:
            return line
        for end in range(len(path) - 1, -1, -1):
            line = lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None

    def written(self, key: str) -> str | None:
        """The value of a top-level ``key: value`` line as written (YAML reads ``02016`` as
        the number 1038): None when the document does not write it so (a flow mapping)."""
        line = self.line_of(key)
        if self.source is None or line is None:
            return None
        text, first_line = self.source
        lines = text.split("\n")
        if not 0 <= line - first_line < len(lines):
            return None
        found = re.match(rf"{re.escape(key)}\s*:\s*(.*?)\s*(?:#.*)?$", lines[line - first_line])
        return found.group(1) if found and found.group(1) else None


class YamlSyntaxError(ValueError):
    def __init__(self, line: int | None, message: str):
        self.line = line
        super().__init__(message)


def parse_yaml(text: str, first_line: int = 1, lines: bool = True) -> YamlDocument:
    """Parse one YAML document; ``first_line`` is the file line the text starts at.

    Without ``lines``, the values' lines are not noted as it is parsed but found when
    ``line_of`` is first asked (the text is parsed again then): for a file whose lines are
    wanted only for a problem, as a comments.yaml's (60,000 comments at 10,000 articles, and
    a path and a dict entry for every key of each). A document out of the ordinary (merge
    keys, keys that are not strings, an error) is parsed with its lines at once."""
    if not lines:
        try:
            return YamlDocument(_without_lines(text), None, (text, first_line))
        except (_Unusual, yaml.YAMLError):
            pass  # parsed again below, with its lines, or to report the error
    try:
        # The reader rejects non-printable characters as soon as it is built, so build it here.
        loader = _Loader(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + first_line if mark else first_line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise YamlSyntaxError(line, f"invalid YAML: {problem}") from None
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None, {(): first_line})
        lines: dict[tuple, int] = {}
        data = _construct(loader, node, (), lines, first_line - 1)
        return YamlDocument(data, lines, (text, first_line))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        problem = exc.problem or str(exc)
        opened = _UNCLOSED.get((exc.context or "").removeprefix("while parsing a ").removeprefix("while scanning a "))
        if opened and exc.context_mark and line is not None and exc.context_mark.line + first_line != line:
            # (where the bracket or quotation mark was opened, not where the parser gave up: the
            # next line, or the end of the front matter, which says nothing of the mistake)
            raise YamlSyntaxError(exc.context_mark.line + first_line, f"invalid YAML: in the {opened} opened here: "
                                                                      f"{problem} (line {line})") from None
        context = f" ({exc.context})" if exc.context else ""
        raise YamlSyntaxError(line, f"invalid YAML: {problem}{context}") from None
    except yaml.YAMLError as exc:  # e.g. a non-printable character
        raise YamlSyntaxError(first_line, f"invalid YAML: {str(exc).splitlines()[0]}") from None
    finally:
        loader.dispose()


# What a parser's context says was left open: a list's or a mapping's bracket, a quotation mark.
_UNCLOSED = {"flow sequence": "list", "flow mapping": "mapping", "quoted scalar": "quoted text"}


def _construct(loader, node, path, lines, offset):
    lines[path] = node.start_mark.line + 1 + offset
    kind = type(node)
    if kind is _Scalar:  # (most nodes: asked first)
        return node.value if node.tag == _STR else loader.construct_object(node, deep=True)
    if kind is yaml.MappingNode:
        pairs = node.value
        # Only a merge key (<<) or a '=' key has another tag than a string's: what
        # flatten_mapping looks for, one mapping at a time, in Python. Asked here first, the
        # front matter and comments of 300 articles parse in 3 % fewer instructions (callgrind).
        merged = False
        if any(key_node.tag != _STR for key_node, _ in pairs):
            merged = any(key_node.tag == _MERGE for key_node, _ in pairs)
            if merged:  # (the merged keys may be given again, to override them; the mapping's own may not)
                _refuse_repeated_key([pair for pair in pairs if pair[0].tag != _MERGE], offset)
            loader.flatten_mapping(node)  # resolves YAML merge keys (<<)
            pairs = node.value
        result = {}
        for key_node, value_node in pairs:
            if key_node.tag == _STR and type(key_node) is _Scalar:
                key = key_node.value
            else:
                key = _plain_key(loader, key_node, offset)
            where = path + (key,)
            if key in result and not merged:  # (after a merge, a key given again overrides the merged one)
                raise _repeated(loader, key_node, key, pairs, offset, lines[where])
            # Most values are strings: taken here, not by a call that would note the value's
            # line only for the key's to replace it just below.
            if value_node.tag == _STR and type(value_node) is _Scalar:
                result[key] = value_node.value
            else:
                result[key] = _construct(loader, value_node, where, lines, offset)
            lines[where] = key_node.start_mark.line + 1 + offset
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(loader, child, path + (i,), lines, offset) for i, child in enumerate(node.value)]
    return _value(loader, node)


_Scalar = yaml.ScalarNode


def _plain_key(loader, key_node, offset: int) -> str:
    """A key that is not a plain string (a number, true, null), as the string a mapping of
    ours is keyed by."""
    key = _value(loader, key_node)
    if not isinstance(key, (str, int, float, bool)) and key is not None:
        raise YamlSyntaxError(key_node.start_mark.line + 1 + offset, "invalid YAML: mapping keys must be plain values")
    return str(key)


def _repeated(loader, key_node, key: str, pairs: list, offset: int, first_line: int) -> YamlSyntaxError:
    """The error for a key given twice, named as written. Keys are compared by value: "yes"
    and "on" are both YAML's true, "1" and "0x1" both one, and a message naming 'True' named
    neither of the keys the file has."""
    line = key_node.start_mark.line + 1 + offset
    first = next(node for node, _ in pairs if (node.value if node.tag == _STR else _plain_key(loader, node, offset)) == key)
    if first.value == key_node.value:
        return YamlSyntaxError(line, f"'{key_node.value}' is given twice (first on line {first_line}): keep one")
    read_as = {"True": "true", "False": "false", "None": "null"}.get(key, key)
    return YamlSyntaxError(line, f"'{key_node.value}' is the same key as '{first.value}' on line {first_line} "
                                 f"(YAML reads both as {read_as}): keep one")


def _refuse_repeated_key(pairs: list, offset: int) -> None:
    """A key given twice in one mapping is an error, at the second one's line.

    YAML says a mapping's keys are unique, but PyYAML keeps the last value without a word: a
    second ``date:`` further down the front matter silently redated the article, and a
    second ``name:`` in a registry file renamed the person."""
    seen: dict[str, int] = {}
    for key_node, _ in pairs:
        key, line = str(key_node.value), key_node.start_mark.line + 1 + offset
        if key in seen:
            raise YamlSyntaxError(line, f"'{key}' is given twice (first on line {seen[key]}): keep one")
        seen[key] = line


def _value(loader, node):
    """A scalar's value. Most are strings, which PyYAML's constructor returns as they are after
    a dozen steps of bookkeeping, for every key and value of every file: done here directly."""
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    return loader.construct_object(node, deep=True)


class _Unusual(Exception):
    """A document that ``_plain`` leaves to ``_construct``."""


def _without_lines(text: str):
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _plain(loader, node)
    finally:
        loader.dispose()


def _plain(loader, node):
    """``_construct`` without the lines, for the usual documents: mappings with string keys
    and no merge keys, lists and scalars (raises _Unusual otherwise)."""
    kind = type(node)
    if kind is _Scalar:
        return node.value if node.tag == _STR else loader.construct_object(node, deep=True)
    if kind is yaml.MappingNode:
        result = {}
        for key_node, value_node in node.value:
            if key_node.tag != _STR or type(key_node) is not _Scalar:
                raise _Unusual
            if value_node.tag == _STR and type(value_node) is _Scalar:
                result[key_node.value] = value_node.value
            else:
                result[key_node.value] = _plain(loader, value_node)
        if len(result) < len(node.value):
            raise _Unusual  # a key given twice: _construct reports it at its line
        return result
    if kind is yaml.SequenceNode:
        return [_plain(loader, child) for child in node.value]
    raise _Unusual
