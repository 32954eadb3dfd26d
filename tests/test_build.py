"""End-to-end builds of small synthetic sites: the pages, their links and their content."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

from conftest import REPO, article, build, build_fixture_site, internal_links, page, resolve, run_sitegen, write_files
from sitegen import escaping
from sitegen.render import theme
from sitegen.render.theme import unindent

FIXTURE = {
    "sitegen.yaml": "title: Test Archive\npagination: 2\n",
    "content/people/ada-lovelace.yaml": """
        name: Ada Lovelace
        aliases: [Lovelace, Countess of Lovelace]
        description: Mathematician.
        links:
          - {title: Biography, url: "https://example.org/ada"}
    """,
    "content/topics/computing.yaml": "name: Computing\ndescription: Machines that calculate.\nrelated: [history]\n",
    "content/topics/history.yaml": "name: History\n",
    "content/articles/engine-notes/index.md": article(
        "Notes on the Engine",
        "ENGINE CITY — Lovelace wrote about the engine.\n\nCharles Babbage agreed.\n\n```python\nprint('hi')\n```\n",
        date="1843-09-05", dateline="London",
        source='{name: The Gazette, site: gazette.example, url: "https://gazette.example/1843/09/05/engine-notes/"}',
        reporters="[{name: Pat Reporter, station: KXYZ}]",
        people="[Lovelace, {name: Charles Babbage, role: Inventor of the engine}]",
        topics="[computing, Steam Power]",
        summary="An account of the engine.",
    ),
    "content/articles/engine-notes/comments.yaml": """
        reported_count: 4
        comments:
          - id: c1
            author: null
            text: "First!\\n\\nSecond paragraph with <script>alert(1)</script> and https://example.com/x."
            replies:
              - id: c1-1
                author: Reader Two
                text: "> Anonymous wrote:\\n> First! <b>Bold</b>\\n\\nA reply."
          - id: c2
            author: Reader Three
            text: Another comment.
    """,
    "content/articles/engine-notes/diagram.png": b"\x89PNG fake image bytes",
    "content/articles/engine-notes/original.txt": "ENGINE CITY -- raw text\n",
    "content/articles/later-report/index.md": article(
        "A Later Report", "Babbage again.", date="1850-02", people="[Charles Babbage]", topics="[computing]"),
    "content/articles/year-only/index.md": article("Known Only By Year", "Text.", date="1850"),
    "content/articles/no-date/index.md": article("An Undated Clipping", "Text with no date."),
    "content/articles/draft-piece/index.md": article("A Draft", "Unfinished.", draft="true"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_fixture_site(tmp_path_factory, FIXTURE)


def titles(doc, selector=".article-item-title a"):
    return [a.get_text(strip=True) for a in doc.select(selector)]


def test_article_page_shows_metadata_body_and_links(built):
    doc = page(built, "articles/engine-notes/")
    assert doc.find("h1").get_text(strip=True) == "Notes on the Engine"
    assert len(doc.find_all("h1")) == 1
    assert doc.find("time")["datetime"] == "1843-09-05"
    meta = doc.select_one(".article-meta").get_text(" ", strip=True)
    assert "Pat Reporter" in meta and "KXYZ" in meta
    hrefs = [a["href"] for a in doc.select(".article-meta a")]
    assert "https://gazette.example/1843/09/05/engine-notes/" in hrefs
    assert "https://web.archive.org/web/18430905/https://gazette.example/1843/09/05/engine-notes/" in hrefs
    people = {a.get_text(strip=True): a["href"] for a in doc.select('[aria-label="People"] a')}
    assert people == {"Ada Lovelace": "/people/ada-lovelace/", "Charles Babbage": "/people/charles-babbage/"}
    topics = {a.get_text(strip=True): a["href"] for a in doc.select('[aria-label="Topics"] a')}
    assert topics == {"Computing": "/topics/computing/", "Steam Power": "/topics/steam-power/"}
    # Code is highlighted by Pygments at build time.
    assert doc.select_one(".article-body pre.highlight code.language-python span")
    # The first mention of a front-matter person (by registry alias) links to their page.
    mention = doc.select_one(".article-body a.mention-person")
    assert mention.get_text() == "Lovelace" and mention["href"] == "/people/ada-lovelace/"


def test_comments_are_separate_threaded_and_escaped(built):
    doc = page(built, "articles/engine-notes/")
    body, comments = doc.select_one(".article-body"), doc.select_one("section.comments")
    assert comments is not None and body.find_parent("section") is None
    assert not body.select(".comment")
    assert comments.select_one(".comments-count").get_text(" ", strip=True).startswith("3 shown of 4 reported")
    top = comments.select_one("ol.comment-thread").find_all("li", recursive=False)
    assert [li["id"] for li in top] == ["comment-c1", "comment-c2"]
    reply = top[0].select_one("ol.comment-thread li.comment")
    assert reply["id"] == "comment-c1-1" and "Reader Two" in reply.get_text()
    quotation, answer = reply.select_one(".comment-text").find_all(["blockquote", "p"], recursive=False)
    assert quotation.name == "blockquote" and quotation.get_text() == "Anonymous wrote:\nFirst! <b>Bold</b>"
    assert quotation.find("b") is None and answer.get_text() == "A reply."
    first_text = top[0].select_one(".comment-text")
    assert len(first_text.find_all("p")) == 2
    assert comments.find("script") is None  # the comment's <script> is text, not markup
    assert all(s.get("type") == "application/ld+json" for s in doc.find_all("script"))
    assert "<script>alert(1)</script>" in first_text.get_text()
    link = first_text.find("a")
    assert link["href"] == "https://example.com/x" and link["rel"] == ["nofollow", "ugc", "noopener"]


def test_assets_and_original_are_copied_next_to_the_page(built):
    assert (built / "articles/engine-notes/diagram.png").read_bytes() == b"\x89PNG fake image bytes"
    assert (built / "articles/engine-notes/original.txt").read_text() == "ENGINE CITY -- raw text\n"
    assert not (built / "articles/engine-notes/index.md").exists()
    assert not (built / "articles/engine-notes/comments.yaml").exists()


def test_archive_is_newest_first_grouped_and_paginated(built):
    first, second = page(built, ""), page(built, "page/2/")
    groups = [h.get_text(strip=True) for h in first.select(".archive-group h2")]
    assert groups == ["February 1850", "1850 (month unknown)"]
    assert titles(first) == ["A Later Report", "Known Only By Year"]
    assert titles(second) == ["Notes on the Engine", "An Undated Clipping"]
    assert [h.get_text(strip=True) for h in second.select(".archive-group h2")] == ["September 1843", "Undated"]
    assert first.select_one('a[rel="next"]')["href"] == "/page/2/"
    assert "A Draft" not in titles(first) + titles(second)


def test_person_pages_list_their_articles_roles_and_reports(built):
    babbage = page(built, "people/charles-babbage/")
    assert babbage.find("h1").get_text(strip=True) == "Charles Babbage"
    assert titles(babbage) == ["A Later Report", "Notes on the Engine"]
    assert "Inventor of the engine" in babbage.get_text()
    ada = page(built, "people/ada-lovelace/")
    assert "Mathematician." in ada.get_text()
    assert ada.find("a", string="Biography")["href"] == "https://example.org/ada"
    assert titles(ada) == ["Notes on the Engine"]
    reporter = page(built, "people/pat-reporter/")
    reported = reporter.select_one("#reported-title").find_parent("section")
    assert titles(reported) == ["Notes on the Engine"]


def test_people_index_is_a_to_z_with_counts(built):
    doc = page(built, "people/")
    letters = [h.get_text(strip=True) for h in doc.select("section h2")]
    assert letters == sorted(letters)
    entries = {li.find("a").get_text(strip=True): li.select_one(".count").get_text(strip=True) for li in doc.select(".name-list li")}
    assert entries["Charles Babbage"] == "2 articles"
    assert entries["Ada Lovelace"] == "1 article"


def test_topic_pages_and_index(built):
    computing = page(built, "topics/computing/")
    assert titles(computing) == ["A Later Report", "Notes on the Engine"]
    assert computing.find("a", string="History")["href"] == "/topics/history/"
    steam = page(built, "topics/steam-power/")
    assert titles(steam) == ["Notes on the Engine"]
    index = page(built, "topics/")
    assert [a.get_text(strip=True) for a in index.select(".name-list a")] == ["Computing", "History", "Steam Power"]


def test_github_pages_files(built):
    assert (built / ".nojekyll").exists()
    assert page(built, "404.html").find("h1").get_text(strip=True) == "Page not found"
    css = (built / "static/pygments.css").read_text()
    assert ".highlight" in css


def test_every_internal_link_resolves(built):
    broken = [(f.relative_to(built).as_posix(), ref) for f, ref in internal_links(built) if resolve(built, f, ref) is None]
    assert broken == []


def test_sub_path_base_url_resolves_every_link(tmp_path):
    from conftest import write_files

    root = write_files(tmp_path / "site", FIXTURE)
    out = tmp_path / "out"
    result = build(root, "--base-url", "https://user.github.io/repo/", output=out)
    assert result.exit_code == 0, result.output
    refs = list(internal_links(out))
    assert refs and all(ref.startswith("/repo/") or ref.startswith("#") for _, ref in refs)
    broken = [(f.name, ref) for f, ref in refs if resolve(out, f, ref, "/repo/") is None]
    assert broken == []
    canonical = page(out, "articles/engine-notes/").find("link", rel="canonical")["href"]
    assert canonical == "https://user.github.io/repo/articles/engine-notes/"


def test_drafts_flag_includes_drafts(tmp_path):
    from conftest import write_files

    root = write_files(tmp_path / "site", FIXTURE)
    assert build(root, "--drafts").exit_code == 0
    assert page(root / "public", "articles/draft-piece/").find("h1").get_text(strip=True) == "A Draft"


def test_builds_with_no_configuration_and_permalink_pattern(site, tmp_path):
    root = site({"content/articles/one/index.md": article("One", date="2016-12-18")})
    assert build(root).exit_code == 0
    doc = page(root / "public", "")
    assert doc.find("a", string="One")["href"] == "/articles/one/"
    root.joinpath("sitegen.yaml").write_text("permalink: '{year}/{month}/{slug}/'\n")
    assert build(root).exit_code == 0
    assert (root / "public/2016/12/one/index.html").is_file()


def test_output_is_byte_identical_across_builds(tmp_path):
    from conftest import write_files

    root = write_files(tmp_path / "site", FIXTURE)
    build(root, output=tmp_path / "a")
    build(root, output=tmp_path / "b")
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files_a)


def test_theme_override_replaces_one_template_and_keeps_the_rest(site):
    root = site({
        "content/articles/one/index.md": article("One"),
        "themes/default/templates/404.html": '{% extends "base.html" %}{% block main %}<h1>Lost at sea</h1>{% endblock %}',
        "themes/default/static/extra.css": "body{}",
    })
    assert build(root).exit_code == 0
    assert page(root / "public", "404.html").find("h1").get_text() == "Lost at sea"
    assert (root / "public/static/extra.css").is_file() and (root / "public/static/style.css").is_file()


def test_unindenting_the_templates_changes_nothing_a_reader_sees(tmp_path, monkeypatch):
    """The site built with and without the templates' indentation (render.theme.Unindented):
    the same files, elements, attributes and text, but for runs of whitespace that HTML shows
    as one space; a code block's text to the byte; and smaller pages."""
    root = write_files(tmp_path / "site", FIXTURE)
    assert build(root, "--jobs", "1", output=tmp_path / "unindented").exit_code == 0
    monkeypatch.setattr(theme, "unindent", lambda source: source)
    assert build(root, "--jobs", "1", "--clean", output=tmp_path / "indented").exit_code == 0
    pages = sorted(p.relative_to(tmp_path / "indented") for p in (tmp_path / "indented").rglob("*.html"))
    assert pages == sorted(p.relative_to(tmp_path / "unindented") for p in (tmp_path / "unindented").rglob("*.html"))
    for name in pages:
        indented, unindented = ((tmp_path / kind / name).read_bytes() for kind in ("indented", "unindented"))
        assert len(unindented) < len(indented), name
        assert_same_for_a_reader(lxml.html.fromstring(indented), lxml.html.fromstring(unindented), str(name))


def assert_same_for_a_reader(a, b, where: str, verbatim: bool = False) -> None:
    verbatim = verbatim or a.tag in ("pre", "textarea", "script")
    shown = (lambda text: text or "") if verbatim else (lambda text: re.sub(r"\s+", " ", text or ""))
    assert (a.tag, dict(a.attrib), shown(a.text), len(a)) == (b.tag, dict(b.attrib), shown(b.text), len(b)), where
    for child_a, child_b in zip(a, b):
        assert_same_for_a_reader(child_a, child_b, where, verbatim)
        assert shown(child_a.tail) == shown(child_b.tail), (where, child_a.tag)


def test_unindented_templates_keep_every_space_that_shows(site):
    """A line break after a block tag goes (trim_blocks), so the indentation that follows it
    stays one space: "B" and "C" must not run together. A template's <pre> is left alone."""
    root = site({
        "content/articles/one/index.md": article("One"),
        "themes/default/templates/404.html": """
            {% extends "base.html" %}{% block main %}
            <p class="lost">
                <span>A</span>
                {% if true %}<span>B</span>{% endif %}
                <span>C</span>{# a comment #}
                <span>D</span>
            </p>
            <pre>
              kept   as
                it is
            </pre>
            {% endblock %}
        """,
    })
    assert build(root).exit_code == 0
    html = (root / "public/404.html").read_text(encoding="utf-8")
    assert "\n<span>A</span>\n<span>B</span> <span>C</span> <span>D</span>\n</p>" in html
    assert "<pre>\n  kept   as\n    it is\n</pre>" in html


def test_unindent_removes_only_what_html_collapses():
    assert unindent("  <a>\n\t<b>\n{% x %}\n  <c>{# y #}\n <d>\n<PRE>\n  e\n</pre>") == (
        " <a>\n<b>\n{% x %}\n <c>{# y #}\n <d>\n<PRE>\n  e\n</pre>")


def test_repo_content_builds_and_links_resolve(tmp_path):
    out = tmp_path / "public"
    result = run_sitegen("build", "--source", str(REPO), "--output", str(out))
    assert result.exit_code == 0, result.output
    articles = sorted(p.parent.name for p in (out / "articles").glob("*/index.html"))
    assert len(articles) == len(list((REPO / "content/articles").glob("*/index.md"))) >= 2
    for name in articles:
        original = REPO / "content/articles" / name / "original.txt"
        assert (out / "articles" / name / "original.txt").read_bytes() == original.read_bytes()
    broken = [(f.relative_to(out).as_posix(), ref) for f, ref in internal_links(out) if resolve(out, f, ref) is None]
    assert broken == []


def test_cli_help_and_usage_errors():
    assert run_sitegen("--help").exit_code == 0
    help_text = run_sitegen("build", "--help").output
    for option in ("--source", "--output", "--base-url", "--drafts", "--quiet", "--verbose"):
        assert option in help_text
    assert run_sitegen("build", "--no-such-option").exit_code == 2
    assert run_sitegen("no-such-command").exit_code == 2


def test_a_month_split_across_archive_pages_is_continued(tmp_path):
    root = write_files(tmp_path / "site", {
        "sitegen.yaml": "title: T\npagination: 2\n",
        **{f"content/articles/a{n}/index.md": article(f"March {n}", date=f"2016-03-{10 - n:02d}") for n in range(3)},
        "content/articles/b/index.md": article("February", date="2016-02-01"),
    })
    assert build(root).exit_code == 0
    first, second = page(root / "public", ""), page(root / "public", "page/2/")
    assert [h.get_text(" ", strip=True) for h in first.select(".archive-group h2")] == ["March 2016"]
    assert [h.get_text(" ", strip=True) for h in second.select(".archive-group h2")] == ["March 2016 (continued)",
                                                                                         "February 2016"]


LISTED = {  # five articles that share people and topics, two to a page: each is listed many times
    "sitegen.yaml": "title: Listed\npagination: 2\n",
    **{f"content/articles/a{n}/index.md": article(
        f"Article {n}", "Ada Lovelace and Charles Babbage spoke.", date=f"2016-0{n + 1}-01",
        people="[Ada Lovelace, Charles Babbage]" if n % 2 else "[Ada Lovelace]", topics="[computing, history]",
        reporters="[Pat Reporter]", summary=f"Summary {n}.") for n in range(5)},
}


def test_cached_fragments_change_nothing_in_the_output(tmp_path, monkeypatch):
    """The default theme's listings cache each article's item (render.theme.CachedFragments):
    the site is the same, byte for byte, without the cache and with one that forgets everything
    after each fragment; and with it, items were reused, each made once."""
    root = write_files(tmp_path / "site", LISTED)
    real_found, real_fragment = theme.CachedFragments._found, theme.CachedFragments._fragment
    asked, made = [], []

    def counting_found(self, key):
        asked.append(key)
        return real_found(self, key)

    def counting_fragment(self, key, caller):
        made.append(key)
        return real_fragment(self, key, caller)

    monkeypatch.setattr(theme.CachedFragments, "_found", counting_found)
    monkeypatch.setattr(theme.CachedFragments, "_fragment", counting_fragment)
    assert build(root, "--jobs", "1", output=tmp_path / "cached").exit_code == 0
    assert sorted(made) == sorted(set(asked)) and len(asked) > 2 * len(made) > 0
    monkeypatch.setattr(theme.CachedFragments, "_found", lambda self, key: None)  # every fragment made again
    assert build(root, "--jobs", "1", "--clean", output=tmp_path / "uncached").exit_code == 0
    monkeypatch.setattr(theme.CachedFragments, "_found", real_found)
    monkeypatch.setattr(theme.CachedFragments, "_fragment", real_fragment)
    monkeypatch.setattr(theme.CachedFragments, "LIMIT", 1)
    assert build(root, "--jobs", "1", "--clean", output=tmp_path / "forgetful").exit_code == 0
    files = {kind: {p.relative_to(tmp_path / kind): p.read_bytes() for p in (tmp_path / kind).rglob("*") if p.is_file()}
             for kind in ("cached", "uncached", "forgetful")}
    assert files["cached"] == files["uncached"] == files["forgetful"]


def test_a_cached_block_is_rendered_once_per_key_and_block_in_a_build(tmp_path):
    (tmp_path / "theme/templates").mkdir(parents=True)
    (tmp_path / "theme/templates/page.html").write_text(
        "{% for k in ['a', 'b', 'a'] %}{% cached k %}[{{ k }}{{ tick() }}]{% endcached %}{% endfor %}"
        "{% cached 'a' %}<{{ tick() }}>{% endcached %}")
    ticks = iter(range(1, 100))
    first, second = (theme.create_environment([tmp_path / "theme"]) for _ in range(2))  # two builds
    for env in (first, second):
        env.globals["tick"] = lambda: next(ticks)
    assert first.get_template("page.html").render() == "[a1][b2][a1]<3>"
    assert first.get_template("page.html").render() == "[a1][b2][a1]<3>"
    assert second.get_template("page.html").render() == "[a4][b5][a4]<6>"


def test_each_cached_block_keeps_its_fragments_apart_from_the_others(tmp_path, monkeypatch):
    """Each block has a memo of its own: another block's fragments, however many, do not push
    its out. (The default theme's article items come back on the topics' pages after the
    people's, among five times as many annotation items: one memo for all had forgotten them
    by then at 100,000 articles.) With room for one fragment, two blocks used in turn each
    render theirs once, and each still forgets its own fragment for the next key."""
    monkeypatch.setattr(theme.CachedFragments, "LIMIT", 1)
    (tmp_path / "theme/templates").mkdir(parents=True)
    (tmp_path / "theme/templates/page.html").write_text(
        "{% for k in ['a', 'a', 'b', 'a'] %}"
        "{% cached k %}[{{ tick() }}]{% endcached %}{% cached k %}<{{ tick() }}>{% endcached %}"
        "{% endfor %}")
    env = theme.create_environment([tmp_path / "theme"])
    ticks = iter(range(1, 100))
    env.globals["tick"] = lambda: next(ticks)
    assert env.get_template("page.html").render() == "[1]<2>[1]<2>[3]<4>[5]<6>"


def test_calls_from_templates_reach_what_jinja_would_give_them(tmp_path):
    """theme._QuickContext takes a short way to plain functions, methods and macros: what
    Jinja hands a callable (the context, the environment, loop variables) and what a failing
    call does must be as with Jinja's own Context."""
    (tmp_path / "theme/templates").mkdir(parents=True)
    (tmp_path / "theme/templates/page.html").write_text(
        "{% macro twice(x) %}{{ x }}{{ x }}{% endmacro %}"
        "{% for item in ['<a>', 'b'] %}{{ twice(item) }}:{{ seen() }}:{{ env_name() }}:{{ up(item) }}"
        ":{{ obj(item) }}:{{ items.get(item, '-') }}:{{ greeter.hello() }}:{{ greeter.plain(item) }};{% endfor %}"
        "{{ ended() is undefined }}|{{ 'x'.upper() }}")
    env = theme.create_environment([tmp_path / "theme"])

    @jinja2.pass_context
    def seen(context):
        return context.get("greeting")  # a variable of the page's

    @jinja2.pass_environment
    def env_name(environment):
        return "Environment" if environment is env else "another"

    class Callable:
        def __call__(self, value):
            return f"obj {value}"

    def ended():
        raise StopIteration

    class Greeter:  # bound methods: one marked to be given the context, one not
        @jinja2.pass_context
        def hello(self, context):
            return f"hello {context.get('greeting')}"

        def plain(self, value):
            return f"plain {value}"

    env.globals.update(seen=seen, env_name=env_name, up=str.upper, obj=Callable(), ended=ended, items={"b": 2},
                       greeter=Greeter())
    html = env.get_template("page.html").render(greeting="<hi>")
    assert html == ("&lt;a&gt;&lt;a&gt;:&lt;hi&gt;:Environment:&lt;A&gt;:obj &lt;a&gt;:-:hello &lt;hi&gt;:plain &lt;a&gt;;"
                    "bb:&lt;hi&gt;:Environment:B:obj b:2:hello &lt;hi&gt;:plain b;True|X")
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing() }}").render()


def test_macros_called_from_templates_give_what_jinja_gives(tmp_path):
    """theme._QuickContext runs a macro given all its arguments by place without
    Macro.__call__: every way of calling a macro gives what Jinja's own Context gives."""
    (tmp_path / "theme/templates").mkdir(parents=True)
    (tmp_path / "theme/templates/page.html").write_text(
        "{% macro one(x) %}[{{ x }}]{% endmacro %}"
        "{% macro two(x, y='<d>') %}({{ x }}|{{ y }}){% endmacro %}"
        "{% macro empty() %}-{% endmacro %}"
        "{% macro rest(x) %}{{ x }}{{ varargs }}{{ kwargs }}{% endmacro %}"
        "{% macro wrap(x) %}<{{ caller(x) }}>{% endmacro %}"
        "{% macro explicit(x, caller=none) %}{{ x }}{{ caller is defined }}{% endmacro %}"
        "{% macro loud(x) %}{% autoescape false %}{{ x }}{% endautoescape %}{% endmacro %}"
        "{% for v in values %}{{ one(v) }}{{ two(v) }}{{ two(v, v) }}{{ two(y=v, x=1) }}{{ empty() }}"
        "{{ rest(v) }}{{ rest(v, 2, k=v) }}{% call(z) wrap(v) %}{{ z }}!{% endcall %}"
        "{{ explicit(v) }}{{ explicit(v, empty) }}{{ loud(v) }}{{ one(v) | length }};{% endfor %}"
        "{% set m = one %}{{ m('<m>') }}{{ one(empty()) }}")
    quick = theme.create_environment([tmp_path / "theme"])
    jinjas = theme.create_environment([tmp_path / "theme"])
    jinjas.context_class = jinja2.runtime.Context
    assert quick.context_class is not jinja2.runtime.Context
    values = ["<a>", "b & c", 3, None, Markup("<i>")]
    html = quick.get_template("page.html").render(values=values)
    assert html == jinjas.get_template("page.html").render(values=values)
    assert "[&lt;a&gt;](&lt;a&gt;|&lt;d&gt;)" in html and "<i>" in html
    for wrong in ("{{ one() }}", "{{ one(1, 2) }}", "{{ one(1, z=2) }}", "{{ empty(1) }}"):
        source = "{% macro one(x) %}{{ x }}{% endmacro %}{% macro empty() %}{% endmacro %}" + wrong
        for env in (quick, jinjas):
            try:
                got = ("ok", env.from_string(source).render())
            except Exception as exc:  # noqa: BLE001 (the same failure, or the same text, from both)
                got = (type(exc), str(exc))
            if env is quick:
                expected = got
        assert got == expected


class _Shown:
    def __init__(self, html):
        self.html = html

    def __html__(self):
        return self.html

    def __str__(self):
        return "<not this>"


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), st.text().map(Markup), st.integers(), st.floats(), st.booleans(), st.none(),
                 st.text().map(_Shown), st.lists(st.text(), max_size=3)))
def test_printed_values_are_escaped_as_markupsafe_escapes_them(value):
    """theme.escape_output, which prints ``{{ ... }}``, gives markupsafe.escape's text."""
    printed = theme.escape_output(value)
    assert printed == str(escape(value)) and type(printed) in (str, Markup)
    if type(value) is str:  # (the Python escaping, where markupsafe's C one is not built)
        assert escaping.escape_text_in_python(value) == str(escape(value))


class _Text(str):
    """A str of another type: printed by escape_output, not escaped in place."""


def test_templates_print_what_jinja_s_own_compiler_makes_them_print(tmp_path):
    """theme._QuickEscapeCodeGenerator changes how ``{{ ... }}`` is printed, not what: the same
    page as with Jinja's compiler, autoescaped or not (a fixed or a changing autoescape block),
    with a filter block, a macro and a block set, a str and a str of another type; an undefined
    value is still an error."""
    source = ("{% macro m(x) %}<{{ x }}>{% endmacro %}{% set b %}{{ v }}&{% endset %}"
              "{{ v }}|{{ n }}|{{ s }}|{{ m(v) }}|{{ b }}|{{ v | safe }}|{{ v ~ n }}|{{ none }}|{{ [v] }}"
              "{% filter upper %}{{ v }}{% endfilter %}{% autoescape false %}{{ v }}{% endautoescape %}"
              "{% autoescape flag %}{{ v }}{% endautoescape %}")
    quick = theme.create_environment([tmp_path])
    plain = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    for flag in (True, False):
        values = {"v": "<'a' & \"b\">", "n": 3, "s": _Text("<s>"), "flag": flag}
        assert quick.from_string(source).render(values) == plain.from_string(source).render(values)
    with pytest.raises(jinja2.UndefinedError):
        quick.from_string("{{ missing }}").render()


class _Attributes:
    """An object whose attributes a template reads: plain, a property that fails, one that counts."""
    title = "<t>"
    reads = 0

    @property
    def broken(self):
        raise AttributeError("not here")

    @property
    def counted(self):
        type(self).reads += 1
        return self


def test_templates_read_attributes_as_jinja_s_own_compiler_does(tmp_path):
    """theme._QuickEscapeCodeGenerator reads ``a.b`` with getattr before Jinja's
    environment.getattr: the same pages, the same errors, as with Jinja's compiler, through a base template's blocks, an include, a loop
    and a macro; ``a`` in ``a.b`` is worked out once; a dict's key, a method, a property that
    raises AttributeError (then the key, then undefined) and an undefined name are read as Jinja
    reads them."""
    write_files(tmp_path, {
        "templates/base.html": "<h>{{ o.title }} {{ d.key }}</h>{% block main %}[{{ o.title }}]{% endblock %}"
                               "{% include 'part.html' %}<f>{{ d['key'] }}|{{ d.items is defined }}</f>",
        "templates/page.html": "{% extends 'base.html' %}{% block main %}{{ super() }}"
                               "{% for x in xs %}<li>{{ x.title }}/{{ loop.index }}/{{ o.counted.counted.title }}</li>"
                               "{% endfor %}{{ m(o) }}{% endblock %}"
                               "{% macro m(a) %}<m>{{ a.title }}{{ a.title | length }}</m>{% endmacro %}",
        "templates/part.html": "<p>{{ o.title }} and {{ d.key.upper() }}</p>",
    })
    quick = theme.create_environment([tmp_path])
    plain = jinja2.Environment(loader=quick.loader, autoescape=True, undefined=jinja2.StrictUndefined)
    values = {"o": _Attributes(), "d": {"key": "<k>", "broken": "b"}, "xs": [_Attributes(), {"title": "&"}]}
    pages = []
    for env in (quick, plain):
        _Attributes.reads = 0
        pages.append((env.get_template("page.html").render(values), _Attributes.reads))
    assert pages[0] == pages[1] and pages[0][1] == 4 and "<h>&lt;t&gt; &lt;k&gt;</h>" in pages[0][0]
    for source in ("{{ o.broken }}", "{{ d.broken }}", "{{ o.nothing }}", "{{ nothing.title }}", "{{ d.nothing }}",
                   "{{ o.title.nothing }}"):
        got = []
        for env in (quick, plain):
            try:
                got.append(("ok", env.from_string(source).render(values)))
            except Exception as exc:  # noqa: BLE001 (the same failure from both)
                got.append((type(exc), str(exc)))
        assert got[0] == got[1], source


def test_templates_see_the_globals_jinja_s_own_environment_gives_them(tmp_path):
    """theme._Environment copies the globals into each template when it is loaded, where Jinja
    chains them (a ChainMap, slow to look through on every page): a page, its includes and
    the macro files it imports see the environment's globals and a template's own, as with
    Jinja's environment; a template's own globals override the environment's."""
    write_files(tmp_path, {
        "templates/page.html": '{% from "macros.html" import shout %}{% import "macros.html" as m with context %}'
                               '{{ who }}|{{ shout(who) }}|{{ m.greet() }}|{% include "part.html" %}|{{ mine }}',
        "templates/macros.html": "{% macro shout(x) %}{{ x | upper }}{{ mark }}{% endmacro %}"
                                 "{% macro greet() %}{{ who }} at {{ page_var }}{% endmacro %}",
        "templates/part.html": "{{ who }}{{ mark }}{{ page_var }}",
    })
    quick = theme.create_environment([tmp_path])
    jinjas = jinja2.Environment(loader=quick.loader, autoescape=True, undefined=jinja2.StrictUndefined)
    for env in (quick, jinjas):
        env.globals.update(who="<env>", mark="!")
    pages = [(env.get_template("page.html", globals={"mine": "own", "who": "<page>"}).render(page_var=1),
              env.get_template("part.html").render(page_var=2)) for env in (quick, jinjas)]
    assert pages[0] == pages[1] == ("&lt;page&gt;|&lt;PAGE&gt;!|&lt;page&gt; at 1|&lt;page&gt;!1|own", "&lt;env&gt;!2")
    assert type(quick.get_template("part.html").globals) is dict


def test_a_cached_block_with_a_key_that_cannot_be_one_is_a_template_error(site):
    root = site({
        "content/articles/one/index.md": article("One"),
        "themes/default/templates/404.html": """
            {% extends "base.html" %}{% block main %}
            {% cached 'lost', {'page': 404} %}<p>Lost.</p>{% endcached %}
            {% endblock %}
        """,
    })
    result = build(root)
    assert result.exit_code == 1
    assert ("themes/default/templates/404.html:2: template error: cached: a key must be a string, a number or "
            "a tuple of them, not a dict (rendering 404)") in result.output


def test_the_as_published_switch_says_it_hides_corrections_only_when_there_are_some(site):
    root = site({
        "content/articles/corrected/index.md": article("Corrected", "It rained {~~on Monday~>on Tuesday~~}."),
        "content/articles/noted/index.md": article("Noted", "It rained{>>in the morning<<}."),
    })
    assert build(root, "--jobs", "1").exit_code == 0
    said = {slug: page(root / "public", f"articles/{slug}/").select_one(".view-switch .muted").get_text()
            for slug in ("corrected", "noted")}
    assert said == {"corrected": "Hides the archive's notes, corrections and fact-check badges.",
                    "noted": "Hides the archive's notes and fact-check badges."}


@pytest.mark.parametrize("front,kicker", [
    ({"dateline": "Porthaven"}, "Porthaven"),
    ({"source": "{name: The Gazette}"}, "The Gazette"),
    ({"source": "{site: Gazette.example}", "dateline": "Porthaven"}, "Gazette.example · Porthaven"),
    ({}, ""),
])
def test_the_kicker_separates_only_what_is_there(site, front, kicker):
    """Regression: a dateline without a source read "· Porthaven"."""
    root = site({"content/articles/a/index.md": article("A", **front)})
    assert build(root).exit_code == 0
    assert page(root / "public", "articles/a/").select_one(".kicker").get_text() == kicker


@pytest.mark.parametrize("comments,count", [
    (None, None),  # no comments.yaml: nothing is known of the page's comments
    ("reported_count: 0\ncomments: []\n", "0 comments"),
    ("comments:\n  - id: c1\n    author: A\n    text: Hi\n", "1 comment"),
])
def test_the_comments_section_says_only_what_was_captured(site, comments, count):
    """Regression: an article without comments.yaml said "Reader comments: 0 comments"."""
    files = {"content/articles/a/index.md": article("A")}
    if comments:
        files["content/articles/a/comments.yaml"] = comments
    root = site(files)
    assert build(root).exit_code == 0
    section = page(root / "public", "articles/a/").select_one("section.comments")
    if count is None:
        assert section is None
    else:
        assert section.select_one(".comments-count").get_text(" ", strip=True).startswith(count)


def test_a_body_link_from_the_sites_root_works_under_a_sub_path(tmp_path):
    """'/articles/x/' in an article's or a page's body, a note's too, is an address in the
    archive: built for a GitHub project's pages (https://user.github.io/repo/), it is made
    '/repo/articles/x/'. It was left as written, a 404 there that `sitegen check` called a
    link 'outside the site's base path'. One written with the base path, another host's
    ('//cdn...'), a relative one and a bundle's file are as before; `check` finds every one
    and reports a broken one at its line of the Markdown file."""
    root = write_files(tmp_path / "site", {
        "sitegen.yaml": "title: Archive\n",
        "content/topics/libraries.yaml": "name: Libraries\n",
        "content/articles/earlier/index.md": article("Earlier", "Text.", date="2016-05-01"),
        "content/articles/later/index.md": article(
            "Later", "See [the earlier story](/articles/earlier/#top), [libraries](/topics/libraries/?p=1),"
                     " [as written](/repo/articles/earlier/), [a CDN](//cdn.example/x), [relative](../earlier/),"
                     " ![a chart](chart.png) and {==this==}{>>a note: [annotations](/annotations/)<<}.\n\n"
                     "A [broken one](/articles/nowhere/).", date="2016-06-01"),
        "content/articles/later/chart.png": b"\x89PNG fake",
        "content/pages/about.md": "---\ntitle: About\n---\nStart with [the later story](/articles/later/).\n",
    })
    out = tmp_path / "out"
    assert build(root, "--base-url", "https://user.github.io/repo/", output=out).exit_code == 0
    body = page(out, "articles/later/").select_one(".article-body") or page(out, "articles/later/")
    hrefs = {a.get_text(strip=True): a["href"] for a in body.select("a[href]")}
    assert {name: hrefs[name] for name in ("the earlier story", "libraries", "as written", "a CDN", "relative",
                                           "annotations", "broken one")} == {
        "the earlier story": "/repo/articles/earlier/#top", "libraries": "/repo/topics/libraries/?p=1",
        "as written": "/repo/articles/earlier/", "a CDN": "//cdn.example/x", "relative": "../earlier/",
        "annotations": "/repo/annotations/", "broken one": "/repo/articles/nowhere/"}
    assert body.find("img", alt="a chart")["src"] == "chart.png"
    assert page(out, "about/").find("a", string="the later story")["href"] == "/repo/articles/later/"
    checked = run_sitegen("check", "--source", str(root), "--output", str(out), "--no-validate-html")
    broken = [line for line in checked.output.splitlines() if "broken link" in line]
    assert len(broken) == 1 and broken[0].startswith(f"{root / 'content/articles/later/index.md'}:7: broken link "
                                                     "'/repo/articles/nowhere/'"), checked.output
    # (built for the host's root, every link is as written)
    assert build(root, output=tmp_path / "at-root").exit_code == 0
    assert page(tmp_path / "at-root", "articles/later/").find("a", string="the earlier story")["href"] == \
        "/articles/earlier/#top"


def test_a_body_link_written_with_the_base_path_is_left_as_written_with_a_query_or_fragment_too(tmp_path):
    """Under a sub-path (https://user.github.io/repo/), a link that starts with the base path,
    '/repo/...', '/repo' alone, '/repo?x=1' or '/repo#x', is written with it already: it is left
    as it is. ('/repo?x=1' was made '/repo/repo?x=1', a 404 that `sitegen check` reported.) The
    base path wins over a page named like the repository (content/pages/repo.md, at /repo/ on
    the host's root): under /repo/, a body reaches that page as '/repo/repo/'. A path that
    only begins with the same letters ('/repository/') is the site's and gets the base path."""
    root = write_files(tmp_path / "site", {
        "sitegen.yaml": "title: Archive\n",
        "content/pages/repo.md": "---\ntitle: The repository\n---\nAbout the repository.\n",
        "content/pages/repository.md": "---\ntitle: Repositories\n---\nOther text.\n",
        "content/articles/a/index.md": article(
            "A", "[query](/repo?x=1), [fragment](/repo#top), [alone](/repo), [slash query](/repo/?x=1),"
                 " [the page](/repo/repo/), [longer](/repository/), [root query](/?x=1).", date="2016-05-01"),
    })
    out = tmp_path / "out"
    assert build(root, "--base-url", "https://user.github.io/repo/", output=out).exit_code == 0
    body = page(out, "articles/a/").select_one(".article-body")
    hrefs = {a.get_text(strip=True): a["href"] for a in body.select("a[href]")}
    assert hrefs == {"query": "/repo?x=1", "fragment": "/repo#top", "alone": "/repo", "slash query": "/repo/?x=1",
                     "the page": "/repo/repo/", "longer": "/repo/repository/", "root query": "/repo/?x=1"}
    assert page(out, "repo/").find("h1").get_text(strip=True) == "The repository"
    checked = run_sitegen("check", "--source", str(root), "--output", str(out), "--no-validate-html")
    assert checked.exit_code == 0 and "broken link" not in checked.output, checked.output
