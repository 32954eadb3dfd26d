"""sitegen.markup.renderer.BodyRenderer renders every token stream as markdown-it's RendererHTML does."""

from __future__ import annotations

import importlib
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.renderer import RendererHTML

from conftest import REPO
from sitegen.markup import BodyContext, code_blocks_in, create_markdown, render_body
from sitegen.markup.renderer import BodyRenderer

MD = create_markdown()
CONTEXT = BodyContext(person_url=lambda slug: f"/people/{slug}.html", topic_url=lambda slug: f"/topics/{slug}.html",
                      person_names={"ada": "Ada", "kamal-lombardi": "Kamal Lombardi"}, topic_names={"computing": "Computing"},
                      auto_link_names=(("Ada Lovelace", "ada"), ("Ada", "ada")))


def reference_renderer() -> RendererHTML:
    """markdown-it's own renderer with the rules our plugins added to MD's."""
    reference = RendererHTML(MD)
    for name, rule in MD.renderer.rules.items():
        if getattr(rule, "__self__", None) is MD.renderer and name not in reference.rules:
            reference.rules[name] = rule.__func__.__get__(reference)
    return reference


REFERENCE = reference_renderer()


def assert_renders_alike(text: str) -> None:
    tokens = MD.parse(text, {"sitegen": CONTEXT})
    expected = REFERENCE.render(tokens, MD.options, {"sitegen": CONTEXT})
    assert MD.renderer.render(tokens, MD.options, {"sitegen": CONTEXT}) == expected


def test_bodies_are_rendered_by_the_fast_renderer():
    assert isinstance(MD.renderer, BodyRenderer)
    assert set(REFERENCE.rules) == set(MD.renderer.rules)


def benchmark_bodies(count: int) -> list[str]:
    """Bodies of the benchmark's synthetic archive (benchmarks/ is a folder of scripts)."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        generate = importlib.import_module("generate")
        registry = generate.plan_registry(count, seed=11)
        files = [generate.article_files(registry, number) for number in range(count)]
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
        for name in ("generate", "body", "corpus"):
            sys.modules.pop(name, None)
    return [data.decode("utf-8").split("\n---\n", 1)[1] for article in files
            for name, data in article.items() if name.endswith("index.md")]


def repository_bodies() -> list[str]:
    paths = sorted((REPO / "content").rglob("*.md")) + sorted((REPO / "tests" / "fixtures").rglob("*.md"))
    paths += sorted((REPO / "docs").rglob("*.md"))
    return [path.read_text(encoding="utf-8") for path in paths]


@pytest.mark.parametrize("text", benchmark_bodies(40) + repository_bodies())
def test_archive_bodies_render_alike(text):
    assert_renders_alike(text)


# Pieces of every block and inline shape a body can have: tight and loose lists (hidden
# paragraphs), quotes, rules, tables, headings, code, images, breaks, footnotes, raw HTML
# (escaped: html is off), entities, CriticMarkup and attribute spans.
PIECES = [
    "word ", "Ada Lovelace ", "\n", "\n\n", "  \n", "\\\n", "- ", "* ", "1. ", "   ", "> ", "---\n", "# ", "## ",
    "| a | b |\n|---|:-:|\n| c | d |\n", "```python\nx = 1 < 2\n```\n", "    code\n", "`x`", "*", "**", "_",
    "~~", "[", "]", "(http://a.example/?q=1&r=\"2\")", "(../x.html 'title')", "![alt *em*](p.jpg)", "<b>", "&amp;",
    "&copy;", "<http://b.example>", "[^1]", "[^1]: note\n", "^[inline]", "{>>", "<<}", "{==", "==}", "{~~", "~>",
    "~~}", "{++", "++}", "{--", "--}", "{.quote by=ada}", "{.claim rating=false}", "{person=ada}",
    "{topic=computing}", "{#x}", "{.odd}", '"', "'", "[ref]", "[ref]: http://c.example/ \"t\"\n", "\t",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_any_body_renders_alike(text):
    assert_renders_alike(text)


def test_a_replaced_text_rule_is_used():
    md = create_markdown()
    md.add_render_rule("text", lambda self, tokens, idx, options, env: tokens[idx].content.upper())
    assert md.render("a *b* <c>") == "<p>A <em>B</em> <C></p>\n"


def test_code_blocks_as_rendered_before_are_taken_as_they_were():
    """A fenced block's HTML depends on its info string and code alone: a body rendered again
    takes the blocks it still has from its last rendering (``code_before``)."""
    text = "Text.\n\n```python\nx = 1 < 2\n```\n\n- An item\n\n  ```\n  inner & outer\n  ```\n"
    first = render_body(MD, text, CONTEXT)
    blocks = code_blocks_in(first.html, first.code_blocks)
    assert len(blocks) == 2
    assert all(html.startswith('<pre class="highlight">') and html.endswith("</pre>\n\n") for html in blocks.values())
    before = {key: html.replace("<pre", "<pre data-before") for key, html in blocks.items()}
    assert render_body(MD, text.replace("Text.", "Other text."), CONTEXT, code_before=before).html.count("data-before") == 2
    changed = render_body(MD, text.replace("x = 1", "x = 2"), CONTEXT, code_before=before)
    assert changed.html.count("data-before") == 1
    assert changed.html.replace(' data-before', '') == render_body(MD, text.replace("x = 1", "x = 2"), CONTEXT).html
