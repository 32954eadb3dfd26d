"""Renderer.page: a page's bytes as Jinja's Template.render would give them, encoded."""

from __future__ import annotations

from types import SimpleNamespace

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from conftest import write_files
from sitegen.render.pages import Renderer
from sitegen.render.theme import create_environment, template_problem
from sitegen.render.urls import Urls

_TEMPLATES = {
    "templates/base.html": "<title>{{ title }} · site</title>{% block main %}{% endblock %}…"
                           "{% include 'part.html' %}",
    "templates/page.html": "{% extends 'base.html' %}{% block main %}{% for t in texts %}<p>{{ t }}</p>→"
                           "{% endfor %}{{ html }}{{ number }}{% endblock %}",
    "templates/part.html": "<footer>{{ page_url }} {{ html }}</footer>\n",
    "templates/broken.html": "{% extends 'base.html' %}{% block main %}\n{{ texts[0] }}\n{{ missing.x }}{% endblock %}",
}


def _renderer(tmp_path):
    write_files(tmp_path, _TEMPLATES)
    return SimpleNamespace(env=create_environment([tmp_path]), urls=Urls())


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.text(), max_size=4), html=st.text().map(Markup), number=st.integers())
def test_a_page_is_the_rendered_template_encoded(tmp_path_factory, texts, html, number):
    """Encoded piece by piece (ASCII, Latin-1, wider characters, astral ones), the same bytes
    as the whole page Template.render gives, encoded as UTF-8."""
    r = _renderer(tmp_path_factory.mktemp("theme"))
    context = {"title": texts[0] if texts else "", "texts": texts, "html": html, "number": number,
               "head_meta": None}
    made = Renderer.page(r, "page.html", "/a/", **context)
    expected = r.env.get_template("page.html").render(page_url="/a/", **context).encode("utf-8")
    assert made.data == expected and made.path == "a/index.html"


def test_a_template_error_is_located_as_render_locates_it(tmp_path):
    """An error while rendering names the template's file and line, as with Template.render."""
    r = _renderer(tmp_path)
    problems = []
    for render in (lambda: Renderer.page(r, "broken.html", "/b/", texts=["x"], html="", title="t", head_meta=None),
                   lambda: r.env.get_template("broken.html").render(texts=["x"], html="", title="t", page_url="/b/")):
        with pytest.raises(jinja2.UndefinedError) as caught:
            render()
        problems.append(str(template_problem(caught.value, "page b")))
    assert problems[0] == problems[1] and "broken.html:3" in problems[0]
