"""Work moved out of the default theme's templates into Python, checked against the templates
it replaces: the same listings give the same HTML, byte for byte.

``articles_by_year`` and ``timeline`` (``_macros.html``) once worked out their years in Jinja;
they now print ``year_sections`` and ``timeline_years`` (``render/groups.py``). The macros as
they were are kept here (``_OLD_MACROS``) and rendered beside the theme's own for random
listings: dated and undated articles, years cut across pages, pages of every size.
"""

from __future__ import annotations

import random
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from sitegen.index import year_groups
from sitegen.model import Article, PartialDate
from sitegen.render.groups import timeline_years, year_sections
from sitegen.render.pages import paginate
from sitegen.render.theme import create_environment, default_theme_dir
from sitegen.render.urls import Urls

_OLD_MACROS = """{% from "_macros.html" import article_item %}
{% macro old_timeline(years, pagination) -%}
{% if years %}
{% set most = years | map(attribute='articles') | map('length') | max %}
<nav class="timeline" aria-labelledby="timeline-title">
  <h2 id="timeline-title">Timeline</h2>
  <ol class="timeline-years">
  {% for group in years %}{% set count = group.articles | length %}{% set number = group.start // config.pagination + 1 %}
    <li{% if group.year is none %} class="timeline-undated"{% endif %}><a href="{% if number != pagination.number %}{{ pagination.url(number) }}{% endif %}#year-{{ group.key }}">
      <span class="timeline-year">{{ group.label }}</span>
      <span class="timeline-count">{{ count }} article{{ '' if count == 1 else 's' }}</span>
      <span class="timeline-bar timeline-bar-{{ (10 * count / most) | round(0, 'ceil') | int }}" aria-hidden="true"></span>
    </a></li>
  {% endfor %}
  </ol>
</nav>
{% endif %}
{%- endmacro %}

{% macro old_articles_by_year(articles, years, heading=3) -%}
{% set ns = namespace(key=none) %}
{% for article in articles %}
{% set year = article.date.year if article.date else none %}
{% set group = years.of(year) %}
{% if loop.first or group.key != ns.key %}{% set ns.key = group.key %}
{% if not loop.first %}</ul>
</section>
{% endif %}
<section class="year-group">
<h{{ heading }} class="year-heading" id="year-{{ group.key }}">{{ group.label }}{% if group.articles[0] != article.slug %} <span class="continued">(continued)</span>{% endif %}</h{{ heading }}>
<ul class="article-list">
{% endif %}
{{ article_item(article, 'h' ~ (heading + 1)) }}
{% if loop.last %}</ul>
</section>
{% endif %}
{% endfor %}
{%- endmacro %}
"""

_CALLS = """{% from "_macros.html" import articles_by_year, timeline %}
{% import "old.html" as old %}
{{ timeline(years, pagination) }}|{{ old.old_timeline(years, pagination) }}|{{ articles_by_year(articles, years, heading) }}|{{ old.old_articles_by_year(articles, years, heading) }}"""


def _environment(page_size: int):
    env = create_environment([default_theme_dir()])
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader({"old.html": _OLD_MACROS, "calls.html": _CALLS})])
    env.globals.update(urls=Urls(), config=SimpleNamespace(pagination=page_size), year_sections=year_sections,
                       timeline_years=timeline_years, lang_of=lambda article: "")  # (articles in the site's language)
    return env


def _random_articles(rnd: random.Random) -> dict[str, Article]:
    articles = {}
    for n in range(rnd.randint(1, 60)):
        kind = rnd.random()
        year = rnd.choice([1999, 2003, 2010, 2011, 2016, 2024])
        if kind < 0.15:
            date = None
        elif kind < 0.3:
            date = PartialDate.parse(str(year))
        elif kind < 0.5:
            date = PartialDate.parse(f"{year}-{rnd.randint(1, 12):02d}")
        else:
            date = PartialDate.parse(f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}")
        slug = f"a{n}"
        articles[slug] = Article(slug=slug, title=f"Title <{n}> & co", path=Path(slug), date=date)
    return articles


@pytest.mark.parametrize("seed", range(40))
def test_year_sections_and_timeline_years_print_as_the_macros_did(seed):
    rnd = random.Random(seed)
    articles = _random_articles(rnd)
    years = year_groups(tuple(articles), articles)
    listing = tuple(slug for group in years for slug in group.articles)
    page_size = rnd.choice([1, 2, 3, 5, 50])
    env = _environment(page_size)
    heading = rnd.choice([2, 3])
    for chunk, pagination in paginate(listing, page_size, "/people/x/"):
        html = env.get_template("calls.html").render(years=years, pagination=pagination, heading=heading,
                                                     articles=[articles[slug] for slug in chunk])
        new_timeline, old_timeline, new_listing, old_listing = html.split("|")
        assert new_timeline == old_timeline
        assert new_listing == old_listing
        assert "year-group" in new_listing and ("timeline-bar-10" in new_timeline)


def test_a_listing_with_no_years_has_neither_timeline_nor_sections():
    env = _environment(50)
    html = env.get_template("calls.html").render(years=(), pagination=None, heading=3, articles=[])
    assert html.split("|") == ["", "", "", ""]



def test_the_default_theme_compiles_to_the_same_code_without_jinjas_optimizer():
    """create_environment turns Jinja's optimizer off (it folds constant expressions while
    compiling, and the default theme has none to fold): the theme's templates compile to the
    code they compiled to with it, so the pages run as they did."""
    env = create_environment([default_theme_dir()])
    assert env.optimized is False
    optimized = create_environment([default_theme_dir()])
    optimized.optimized = True
    names = [name for name in env.list_templates() if name.endswith(".html")]
    assert len(names) > 10
    for name in names:
        source = env.preprocess(env.loader.get_source(env, name)[0], name)
        assert env.compile(source, name, raw=True) == optimized.compile(source, name, raw=True), name
