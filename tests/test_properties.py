"""Property tests: any content gives a built site or located errors, never a traceback.

Each example writes a small site, runs the real pipeline in-process (``sitegen.build.build``)
and catches only ``BuildError``: any other exception is a crash the user would see as a
traceback. Example counts are modest so the suite stays fast; Hypothesis keeps the failures it
finds in its database and tries them first next time.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write_files
from sitegen.build import build
from sitegen.diagnostics import BuildError, Diagnostics

FRONT_KEYS = ["title", "title_derived", "date", "date_origin", "dateline", "source", "reporters", "people",
              "topics", "summary", "draft", "original", "titel"]
NESTED_KEYS = ["name", "id", "role", "station", "site", "url", "file", "sha256", "title", "links"]
PERSON_KEYS = ["name", "aliases", "description", "links", "nickname"]
TOPIC_KEYS = ["name", "aliases", "keywords", "description", "related"]
COMMENT_KEYS = ["id", "author", "text", "date", "replies", "likes"]

# Text that likes to be meaningful somewhere: YAML, Markdown, CriticMarkup, attribute spans, dates,
# and characters YAML forbids (U+0000, U+007F).
MARKUP = "abcAZ09 -_:#{}[]()<>!*`~=+\"'\\/.,|&;@%\n\t\u00e9\u2028\x00\x7f"
markup_text = st.text(alphabet=st.sampled_from(MARKUP), max_size=60)
words = st.one_of(markup_text, st.sampled_from(["2016-12-18", "2016-13-45", "2017-02-29", "2016", "1843-09",
                                                "../x", "/etc/passwd", "original.txt", "http://x.example/", "javascript:x",
                                                "ada", "Ada Lovelace", "computing", "", " ", "~", "null", "yes"]))
scalars = st.one_of(st.none(), st.booleans(), st.integers(-3, 10**20), st.floats(allow_nan=True), words)


def structures(keys: list[str]):
    """YAML-ish values: scalars, lists and mappings whose keys are mostly ones the loader knows."""
    key = st.one_of(st.sampled_from(keys), words)
    return st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                          st.dictionaries(key, inner, max_size=4)), max_leaves=12)


def mapping_of(keys: list[str], values):
    return st.dictionaries(st.sampled_from(keys), values, max_size=len(keys))


def dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


yaml_files = lambda keys: st.one_of(  # noqa: E731 - a strategy factory reads best as one expression
    markup_text,  # arbitrary text, rarely valid YAML
    mapping_of(keys, structures(NESTED_KEYS)).map(dump),
    structures(keys).map(dump),
)

index_files = st.one_of(
    markup_text,
    st.builds(lambda front, body: f"---\n{front}---\n{body}\n", yaml_files(FRONT_KEYS), markup_text),
    st.builds(lambda front, body: f"---\n{dump(front)}---\n{body}\n",
              st.fixed_dictionaries({"title": words}, optional={k: structures(NESTED_KEYS) for k in FRONT_KEYS[1:]}),
              markup_text),
)


def comment_thread(depth: int = 2):
    comment = st.fixed_dictionaries({}, optional={k: scalars for k in ("id", "author", "text", "date", "likes")})
    if depth:
        comment = st.builds(lambda c, r: {**c, "replies": r} if r is not None else c, comment,
                            st.one_of(st.none(), st.lists(comment_thread(depth - 1), max_size=2), scalars))
    return comment


comments_files = st.one_of(
    yaml_files(["comments", "reported_count", "count"]),
    st.builds(lambda count, items: dump({"reported_count": count, "comments": items}),
              scalars, st.lists(comment_thread(), max_size=3)),
)
registry_names = st.sampled_from(["ada", "ada-lovelace", "computing", "Bad Name", "x..y", "a_b", "1"])


def assert_built_or_located(root: Path) -> None:
    """The property: a site in the output folder, or errors that each name a file in the site."""
    diags = Diagnostics()
    output = root / "public"
    try:
        report = build(root, diags, output_dir=output)
    except BuildError as exc:
        assert exc.diagnostics
        for diagnostic in exc.diagnostics:
            location = diagnostic.location
            assert location is not None and diagnostic.message.strip(), diagnostic
            assert Path(location.path).resolve().is_relative_to(root.resolve()), diagnostic
            assert location.line is None or location.line >= 1, diagnostic
            assert str(diagnostic).startswith(str(location)), diagnostic
        assert not output.exists()
        return
    assert (output / "index.html").is_file() and report.articles == len(list(output.glob("articles/*/index.html")))


def build_site(files: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        assert_built_or_located(write_files(Path(tmp) / "site", files))


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(index=index_files)
def test_any_index_md(index):
    build_site({"content/articles/a/index.md": index})


@SETTINGS
@given(people=st.dictionaries(registry_names, yaml_files(PERSON_KEYS), max_size=2),
       topics=st.dictionaries(registry_names, yaml_files(TOPIC_KEYS), max_size=2),
       front=st.fixed_dictionaries({"people": structures(NESTED_KEYS), "topics": structures(NESTED_KEYS)}))
def test_any_registries(people, topics, front):
    files = {f"content/people/{name}.yaml": text for name, text in people.items()}
    files.update({f"content/topics/{name}.yaml": text for name, text in topics.items()})
    files["content/articles/a/index.md"] = "---\n" + dump({"title": "A", **front}) + "---\nAda Lovelace on computing.\n"
    build_site(files)


@SETTINGS
@given(comments=comments_files)
def test_any_comments_yaml(comments):
    build_site({"content/articles/a/index.md": "---\ntitle: A\n---\nText.\n", "content/articles/a/comments.yaml": comments})


@SETTINGS
@given(body=st.lists(st.one_of(markup_text, st.sampled_from([
    "{>>", "<<}", "{==", "==}", "{~~", "~>", "~~}", "{++", "++}", "{--", "--}", "[", "]", "{.quote by=ada}",
    "{.claim rating=false}", "{person=ada}", "{topic=computing}", "{#x}", "```", "\n\n", "[^1]", "[^1]: n", "<b>",
    "](", ")", "*", "|---|", "\n- ", "    "])), max_size=25).map("".join))
def test_any_markdown_body(body):
    build_site({
        "content/people/ada.yaml": "name: Ada\n",
        "content/topics/computing.yaml": "name: Computing\n",
        "content/articles/a/index.md": f"---\ntitle: A\npeople: [Ada]\n---\n{body}\n",
    })


@SETTINGS
@given(config=yaml_files(["title", "description", "base_url", "language", "theme", "pagination", "annotation_excerpt",
                          "permalink", "colour"]))
def test_any_sitegen_yaml(config):
    build_site({"sitegen.yaml": config, "content/articles/a/index.md": "---\ntitle: A\ndate: 2016-12\n---\nText.\n"})


@pytest.mark.parametrize("name", ["sitegen.yaml", "content/people/ada.yaml", "content/articles/a/comments.yaml",
                                  "content/articles/a/index.md"])
def test_non_printable_character_in_yaml_is_a_located_error(tmp_path, name):
    """Regression: the YAML reader was built outside the try block, so U+0000 was a traceback."""
    files = {"content/articles/a/index.md": "---\ntitle: A\n---\nText.\n"}
    files[name] = "---\ntitle: A\x00\n---\n" if name.endswith(".md") else "name: A\x00\n"
    root = write_files(tmp_path / "site", files)
    with pytest.raises(BuildError) as caught:
        build(root, Diagnostics(), output_dir=root / "public")
    assert any(str(d).startswith(str(root / name) + ":") for d in caught.value.diagnostics)


# Every character str.split() splits at, and others: letters of one, two, three and four bytes
# in UTF-8, a lone surrogate.
_SPACES = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_SPACES + "ab—é\U0001F600\ud800"), max_size=30))
def test_an_articles_words_are_counted_as_split_counts_them(text):
    from sitegen.load.articles import word_count
    assert word_count(text) == len(text.split())
    assert word_count(text.replace("\u00a0", " ")) == len(text.replace("\u00a0", " ").split())
