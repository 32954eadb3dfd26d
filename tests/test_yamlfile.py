"""sitegen.yamlfile: values and the line of each, as the plain recursive construction gives them."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen import yamlfile
from sitegen.yamlfile import YamlSyntaxError, parse_yaml


def reference_construct(loader, node, path, lines, offset):
    """Every node noted and built by its own call (what _construct does, without its shortcut
    for string values in mappings)."""
    lines[path] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag == yamlfile._STR else loader.construct_object(node, deep=True)
    if isinstance(node, yaml.MappingNode):
        # A key given twice is an error at its second place (the first problem in the
        # document's order), unless the mapping merges another (<<), whose keys it may give
        # again to override them.
        # (keys compared by their values, "true" and "True" one key; those a mapping gives
        # besides a merge, "<<", by their text, since they may override what it merges)
        merges = any(key_node.tag == "tag:yaml.org,2002:merge" for key_node, _ in node.value)
        if merges:
            own = {}
            for key_node, _ in node.value:
                if key_node.tag != "tag:yaml.org,2002:merge":
                    line = key_node.start_mark.line + 1 + offset
                    if key_node.value in own:
                        raise YamlSyntaxError(line, f"'{key_node.value}' is given twice (first on line {own[key_node.value]}): keep one")
                    own[key_node.value] = line
        loader.flatten_mapping(node)
        result, first_lines, first_texts = {}, {}, {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + offset
            value = loader.construct_object(key_node, deep=True) if key_node.tag != yamlfile._STR else key_node.value
            if not isinstance(value, (str, int, float, bool)) and value is not None:
                raise YamlSyntaxError(key_node.start_mark.line + 1 + offset, "invalid YAML: mapping keys must be plain values")
            key = str(value)
            if not merges and key in first_lines:
                # (named as written: "on" and "yes" are one key, true, and the message names both)
                text, first = key_node.value, first_texts[key]
                if text == first:
                    raise YamlSyntaxError(line, f"'{text}' is given twice (first on line {first_lines[key]}): keep one")
                read_as = yaml.safe_dump(value, default_flow_style=True).removesuffix("\n...\n").strip()
                raise YamlSyntaxError(line, f"'{text}' is the same key as '{first}' on line {first_lines[key]} "
                                            f"(YAML reads both as {read_as}): keep one")
            first_lines[key], first_texts[key] = line, key_node.value
            result[key] = reference_construct(loader, value_node, path + (key,), lines, offset)
            lines[path + (key,)] = key_node.start_mark.line + 1 + offset
        return result
    return [reference_construct(loader, child, path + (i,), lines, offset) for i, child in enumerate(node.value)]


def reference_parse(text: str, first_line: int):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yamlfile, "_construct", reference_construct)
        return ours(text, first_line)


def outcome(parse, text: str, first_line: int):
    try:
        return parse(text, first_line)
    except YamlSyntaxError as exc:
        return ("error", exc.line, str(exc))


def ours(text: str, first_line: int):
    document = parse_yaml(text, first_line)
    return document.data, document.lines


EXAMPLES = [
    "title: A\ndate: 2016-12-18\npeople:\n  - {id: ada, role: Mayor}\n  - name: Bo\n    role: x\n",
    "a: 1\nb: 2.5\nc: yes\nd: ~\ne: '7'\nf: \"x\"\ng: [1, two, {h: i}]\n",
    "base: &b {x: 1, y: 2}\nmerged:\n  <<: *b\n  y: 3\n",
    "1: one\ntrue: yes\n~: nothing\n2.5: half\n",
    "- a\n- - b\n  - c\n- {d: e}\n",
    "[a]: b\n",
    "text: |\n  two\n  lines\nfolded: >\n  one\n  line\n",
    "? x\n: y\n",
    "= : value\n",
    "a: 1\nb: 2\na: 3\n",
    "x:\n  - {k: 1, k: 2}\n",
    "base: &b {x: 1}\nmerged:\n  <<: *b\n  y: 3\n  y: 4\n",
    "true: 1\nTrue: 2\n",
    "base: &b {x: 1}\nmerged: {<<: *b, x: 2}\n",
    "yes: 1\nb: 2\non: 3\n",
    "1: a\n0x1: b\n",
    "null: 1\n~: 2\n",
    "2.5: a\n'2.5': b\n",
    "'1': a\n0x1: b\n",
    "'True': a\nyes: b\n",
]


@pytest.mark.parametrize("text", EXAMPLES)
@pytest.mark.parametrize("first_line", [1, 5])
def test_values_and_lines_are_the_plain_constructions(text, first_line):
    assert outcome(ours, text, first_line) == outcome(reference_parse, text, first_line)


keys = st.sampled_from(["a", "b", "title", "1", "yes", "~", "'q'", "<<", "x y"])
scalars = st.sampled_from(["v", "1", "2.5", "yes", "null", "~", "'s'", '"d"', "2016-12-18", "*r", "&r w", "[]", "{}"])


@st.composite
def documents(draw, depth=0):
    if depth >= 3 or draw(st.booleans()):
        return draw(scalars)
    indent = "  " * (depth + 1)
    if draw(st.booleans()):
        items = draw(st.lists(st.tuples(keys, st.deferred(lambda: documents(depth + 1))), min_size=1, max_size=4))
        return "\n" + "".join(f"{indent}{k}: {v}\n" for k, v in items)
    items = draw(st.lists(st.deferred(lambda: documents(depth + 1)), min_size=1, max_size=4))
    return "\n" + "".join(f"{indent}- {v}\n" for v in items)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(keys, documents()), min_size=1, max_size=5))
def test_any_document_is_the_plain_construction(items):
    text = "".join(f"{k}: {v}\n" for k, v in items)
    assert outcome(ours, text, 3) == outcome(reference_parse, text, 3)


def _split_by_lines(text: str):
    """split_front_matter as it was first written, splitting the text into lines: the
    specification the one that cuts the text where the lines are must follow."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return "no opening"
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            break
    else:
        return "not closed"
    return "\n".join(lines[1:end]), "\n".join(lines[end + 1:]), end + 2


_FRONT_MATTER_LINES = ["---", "...", "--- ", "---\t", "...\x0b", " ---", "----", "-- -", "---\u2003", "..\u00a0",
                       "a: 1", "b: [x, y]", "", "\u2003", "\x1c", "text", "  - z", "title: \"x\""]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FRONT_MATTER_LINES), max_size=8), st.sampled_from(["", "\n", "\n\n"]))
def test_front_matter_is_cut_where_its_lines_are(lines, ending):
    from sitegen.load.frontmatter import FrontMatterError, body_after_front_matter, split_front_matter
    text = "\n".join(lines) + ending
    expected = _split_by_lines(text)
    try:
        doc = split_front_matter(text)
    except FrontMatterError as exc:
        if "not closed" in str(exc):
            assert expected == "not closed"
        elif "expected front matter" in str(exc) or "as Pelican writes them" in str(exc):
            assert expected == "no opening"
        else:  # YAML that does not parse: the same YAML as the lines would give
            assert parse_yaml_fails(expected[0])
        return
    yaml_text, body, first_line = expected
    assert (doc.front.data, doc.body, doc.body_first_line) == (parse_yaml(yaml_text, 2).data, body, first_line)
    assert body_after_front_matter(text, first_line) == body
    assert [body_after_front_matter(text, n) for n in range(1, 12)] == ["\n".join(text.split("\n")[n - 1:])
                                                                        for n in range(1, 12)]


def parse_yaml_fails(text: str) -> bool:
    try:
        parse_yaml(text, 2)
    except YamlSyntaxError:
        return True
    return False


def test_a_plain_value_seen_before_has_the_tag_it_had_then():
    """The tags of plain scalars are remembered (yamlfile._PLAIN_TAGS); quoted, the same words
    are still strings, and a long value (not remembered) is resolved each time."""
    long = "x" * 80
    for _ in range(3):
        assert parse_yaml(f"a: yes\nb: 'yes'\nyes: 1\nc: '1'\nd: 1\ne: {long}\nf: ~\n").data == {
            "a": True, "b": "yes", "True": 1, "c": "1", "d": 1, "e": long, "f": None}
    assert yamlfile._PLAIN_TAGS["yes"] == "tag:yaml.org,2002:bool" and long not in yamlfile._PLAIN_TAGS
