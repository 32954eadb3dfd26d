"""Names a template reads from its page's variables: looked up once where their code begins
(theme._QuickEscapeCodeGenerator.enter_frame and visit_Name), with the same pages and the same
errors as Jinja's own compiler gives, whichever variables a page has."""

from __future__ import annotations

import random

import jinja2
import jinja2.compiler
import pytest

from conftest import write_files
from sitegen.render import theme

# Every way a template reads a name: at the top, in a block (and its super), a loop (its
# body and else), a branch that sets it or not, before and after a set, in a macro (its body,
# a default, a call block's caller), a with block, an include, an import with context, tests.
_TEMPLATES = {
    "templates/base.html": "<{{ a }}|{% block main %}[{{ b }}]{% endblock %}|{{ c is defined }}>"
                           "{% include 'part.html' %}",
    "templates/part.html": "({{ a }}{% if b is defined %}{{ b }}{% endif %}{{ d | default('-') }})",
    "templates/macros.html": "{% macro shown(x, y=a) %}{{ x }}/{{ y }}/{{ b }}{% endmacro %}"
                             "{% macro boxed(x) %}[{{ caller(x) }}{{ c }}]{% endmacro %}",
    "templates/page.html":
        "{% extends 'base.html' %}{% from 'macros.html' import shown, boxed with context %}"
        "{% import 'macros.html' as m with context %}"
        "{% block main %}{{ super() }}{% for x in xs %}{{ x }}{{ a }}{% if loop.first %}{% set b = x %}"
        "{% endif %}{{ b }}{% else %}{{ c }}{% endfor %}"
        "{% if flag %}{% set c = 'set' %}{% endif %}{{ c }}"
        "{{ shown(a) }}{{ m.shown(b, c) }}{% call(v) boxed(a) %}{{ v }}{{ d }}{% endcall %}"
        "{% with e = a %}{{ e }}{{ d }}{% endwith %}{{ a is undefined }}{{ b is defined }}{% endblock %}",
    "templates/top.html": "{{ a }}{% set a = 'mine' %}{{ a }}{% macro m() %}{{ a }}{{ b }}{% endmacro %}{{ m() }}"
                          "{% for a in xs %}{{ a }}{% endfor %}{{ a }}{% if b is defined %}{{ b }}{% endif %}"
                          # (a macro defined later: not yet there when the page has flag)
                          "{% macro early() %}{{ later() }}{% endmacro %}{% if flag %}{{ early() }}{% endif %}"
                          "{% macro later() %}L{% endmacro %}{{ early() }}",
    "templates/call.html": "{% macro wrap() %}<{{ caller() }}>{% endmacro %}{% call wrap() %}{{ a }}{{ b }}{% endcall %}"
                           "{% set s %}{{ c }}{% endset %}{{ s }}{% filter upper %}{{ d }}{% endfilter %}",
}
_NAMES = {"a": "<a>", "b": "b", "c": 3, "d": "d&", "xs": ["x", "<y>"], "flag": True}


def _render(env, name, values):
    try:
        return "ok", env.get_template(name).render(values)
    except Exception as exc:  # noqa: BLE001 (the same failure, with the same text, from both)
        return type(exc), str(exc)


@pytest.mark.parametrize("seed", range(40))
def test_pages_read_names_as_with_jinjas_compiler(tmp_path, seed):
    """Random variables of the page left out (an undefined value where Jinja would make one, an
    error where it would raise): every template renders as with Jinja's compiler."""
    write_files(tmp_path, _TEMPLATES)
    quick = theme.create_environment([tmp_path])
    jinjas = theme.create_environment([tmp_path])
    jinjas.code_generator_class = jinja2.compiler.CodeGenerator
    rnd = random.Random(seed)
    values = {k: v for k, v in _NAMES.items() if rnd.random() < 0.7}
    if "xs" in values and rnd.random() < 0.3:
        values["xs"] = []
    for name in ("page.html", "top.html", "call.html", "part.html"):
        assert _render(quick, name, values) == _render(jinjas, name, values), (name, sorted(values))


def test_a_name_is_looked_up_once_where_its_code_begins(tmp_path):
    """The compiled code reads a page's variable as it is, not through Jinja's check at each use."""
    quick = theme.create_environment([tmp_path])
    code = quick.compile("{{ a }}{{ a }}{% for x in xs %}{{ x }}{{ b }}{% endfor %}", raw=True)
    assert "if l_0_a is missing: l_0_a = undefined(name='a')" in code
    assert "if l_1_b is missing: l_1_b = undefined(name='b')" in code
    assert "undefined(name='a') if" not in code and "undefined(name='b') if" not in code
    with pytest.raises(jinja2.UndefinedError):
        quick.from_string("{{ a }}").render()
