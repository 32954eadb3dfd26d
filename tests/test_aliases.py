"""Aliases: an article's or page's old addresses, each a small page that sends readers on to it,
left out of the sitemap, feeds and search; wrong ones said at their line, like a compiler."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from conftest import article, build, build_fixture_site, page, run_sitegen, soup, write_files
from sitegen.check_html import check_links, validate_html
from sitegen.diagnostics import Diagnostics
from sitegen.search import _indexed_pages

SITE = {
    "sitegen.yaml": "base_url: https://example.org/archive/\n",
    "content/articles/renamed/index.md": article(
        "A Renamed Story", "Text.", date="2016-05-02", language="fr",
        aliases="\n  - /2016/05/old-slug/\n  - old/path.html\n  - /articles/old-slug\n  - /caf%C3%A9/"),
    "content/articles/other/index.md": article("Another Story", "Text.", date="2016-05-01"),
    "content/pages/about.md": "---\ntitle: About\naliases: [/about-us/]\n---\nAbout us.\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_fixture_site(tmp_path_factory, SITE, "aliases")


@pytest.mark.parametrize("alias, target", [("2016/05/old-slug/", "articles/renamed/"),
                                           ("old/path.html", "articles/renamed/"),
                                           ("articles/old-slug/", "articles/renamed/"),
                                           ("café/", "articles/renamed/"),
                                           ("about-us/", "about/")])
def test_an_alias_is_a_page_that_sends_readers_on(built, alias, target):
    doc = page(built, alias)
    refresh = doc.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"] == f"0; url=/archive/{target}"
    assert doc.find("link", rel="canonical")["href"] == f"https://example.org/archive/{target}"
    assert doc.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    link = doc.select_one("main a")
    assert link["href"] == f"/archive/{target}"
    assert link.get_text() == ("About" if target == "about/" else "A Renamed Story")
    # No script at all: the site's Content-Security-Policy, which the page carries, runs no inline one.
    assert doc.find("script") is None
    policy = doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert policy == page(built, target).find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


def test_an_alias_of_an_article_in_another_language_says_its_titles_language(built):
    assert page(built, "old/path.html").select_one("main a span")["lang"] == "fr"


def test_alias_pages_are_valid_and_their_links_resolve(built):
    diags = Diagnostics()
    assert check_links(built, "/archive/", "https://example.org", diags).links > 0
    pages = [built / "2016/05/old-slug/index.html", built / "old/path.html", built / "about-us/index.html"]
    assert validate_html(pages, diags) == len(pages)
    assert not diags.errors, [str(d) for d in diags.errors]


def test_aliases_are_in_no_sitemap_feed_or_search_index(built):
    sitemap = ET.parse(built / "sitemap.xml").getroot()
    listed = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert "https://example.org/archive/articles/renamed/" in listed and "https://example.org/archive/about/" in listed
    assert not any("old" in url or "about-us" in url or "caf" in url for url in listed), listed
    feed = feedparser.parse((built / "feed.xml").read_bytes())
    assert [entry.link for entry in feed.entries] == ["https://example.org/archive/articles/renamed/",
                                                      "https://example.org/archive/articles/other/"]
    pages = [(p.relative_to(built).as_posix(), p) for p in built.rglob("*.html")]
    assert sorted(_indexed_pages(pages)) == ["about/index.html", "articles/other/index.html",
                                             "articles/renamed/index.html"]


def test_check_accepts_links_to_aliases_and_checks_where_they_lead(tmp_path):
    root = write_files(tmp_path / "site", {**SITE, "content/articles/other/index.md": article(
        "Another Story", "See [the old address](/archive/2016/05/old-slug/).", date="2016-05-01")})
    assert build(root).exit_code == 0
    result = run_sitegen("check", "--source", str(root), "--no-validate-html")
    assert result.exit_code == 0, result.output
    # A redirect to nowhere (its target gone from the output) is a broken link of the alias's page.
    shutil.rmtree(root / "public/articles/renamed")
    result = run_sitegen("check", "--source", str(root), "--no-validate-html")
    assert result.exit_code == 1
    refresh = 1 + [line.startswith('<meta http-equiv="refresh"') for line in
                   (root / "public/2016/05/old-slug/index.html").read_text().splitlines()].index(True)
    assert (f"2016/05/old-slug/index.html:{refresh}: broken link '/archive/articles/renamed/': no such file in "
            "the output") in result.output


ERRORS = [
    ("not a list", "aliases: /old/", 3,
     "aliases: expected a list of this page's old addresses (aliases: [/2016/05/old-slug/]), got '/old/'"),
    ("not a string", "aliases:\n  - /fine/\n  - {path: /old/}", 5,
     "aliases: item 2: expected a path such as /2016/05/old-slug/, got a mapping"),
    ("an address with a host", "aliases: ['https://old.example.org/2016/old/']", 3,
     "aliases: item 1: 'https://old.example.org/2016/old/' is an address with a host: an alias is a path on this "
     "site (written '/2016/old/')"),
    ("a way up", "aliases: [/a/../b/]", 3, "aliases: item 1: '/a/../b/' has a '..', '.' or hidden name in it"),
    ("a query", "aliases: ['/story?id=4']", 3, "aliases: item 1: '/story?id=4' has a query ('?id=4')"),
    ("a fragment", "aliases: ['/story/#top']", 3, "aliases: item 1: '/story/#top' has a fragment ('#top')"),
    ("no page's extension", "aliases: [/old.php]", 3,
     "aliases: item 1: '/old.php' would be served as a '.php' file, not as a page: an alias ends in '/' or '.html'"),
    ("an article's address", "aliases: [/articles/other/]", 3,
     "aliases: item 1: '/articles/other/' is the address of the page of article 'other' "
     "(content/articles/other/index.md) (remove the alias, or change it)"),
    ("its own address", "aliases:\n  - /articles/story/", 4,
     "aliases: item 1: '/articles/story/' is the address of the page of article 'story'"),
    ("a file of an article's", "aliases: [/articles/other/cite.json/]", 3,
     "aliases: item 1: '/articles/other/cite.json/' needs a folder where a file of article 'other' "
     "(content/articles/other/index.md) is a file"),
    ("a page's address", "aliases: [/about/]", 3,
     "aliases: item 1: '/about/' is the address of page 'about' (content/pages/about.md)"),
    ("the people's pages", "aliases: [/people/old/]", 3, "aliases: item 1: '/people/old/' is taken by the people's pages"),
    ("the archive's first page", "aliases: [/]", 3, "aliases: item 1: '/' is taken by the archive's first page"),
    ("the feed", "aliases: [/feed.xml/]", 3, "aliases: item 1: '/feed.xml/' is taken by the site's feed"),
    ("the search page", "aliases: [/search/]", 3, "aliases: item 1: '/search/' is taken by the search page"),
    ("the theme's files", "aliases: [/static/old.html]", 3, "aliases: item 1: '/static/old.html' is taken by the theme's files"),
    ("another alias", "aliases: [/old/]", 3,
     "aliases: item 1: '/old/' is the same page as the alias '/old/index.html' of article 'other' "
     "(content/articles/other/index.md:4)"),
    # On macOS and Windows a name's case is not told apart: these would take the place of those pages.
    ("the search page in capitals", "aliases: [/Search/]", 3, "aliases: item 1: '/Search/' is taken by the search page"),
    ("an article's address in capitals", "aliases: [/Articles/Other/]", 3,
     "aliases: item 1: '/Articles/Other/' is the address of the page of article 'other' "
     "(content/articles/other/index.md), where a file name's case is not told apart (macOS, Windows)"),
    ("another alias in capitals", "aliases: [/OLD/]", 3,
     "aliases: item 1: '/OLD/' is the same page as the alias '/old/index.html' of article 'other' "
     "(content/articles/other/index.md:4), where a file name's case is not told apart (macOS, Windows)"),
]


@pytest.mark.parametrize("name, front, line, message", ERRORS, ids=[e[0] for e in ERRORS])
def test_a_wrong_alias_is_an_error_at_its_line(site, monkeypatch, name, front, line, message):
    root = site({"content/articles/other/index.md": article("Other", date="2016-01-01", aliases="[/old/index.html]"),
                 "content/pages/about.md": "---\ntitle: About\n---\nA.\n",
                 "content/articles/story/index.md": f"---\ntitle: Story\n{front}\n---\nText.\n"})
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if not line.startswith("sitegen:")]
    assert len(errors) == 1 and errors[0].startswith(f"content/articles/story/index.md:{line}: {message}"), result.stderr


def test_aliases_of_a_page_are_checked_too(site, monkeypatch):
    root = site({"content/articles/one/index.md": article("One"),
                 "content/pages/about.md": "---\ntitle: About\naliases:\n  - /articles/one/\n  - /ok/\n---\nA.\n"})
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 1
    assert ("content/pages/about.md:4: aliases: item 1: '/articles/one/' is the address of the page of article 'one'"
            in result.stderr)


def test_an_alias_and_a_folder_another_needs_are_one_error(site, monkeypatch):
    root = site({"content/articles/one/index.md": article("One", aliases="[/old.html, /old.html/more/]")})
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 1
    assert ("content/articles/one/index.md:3: aliases: item 2: '/old.html/more/' needs a folder where the alias "
            "'/old.html' of article 'one' (content/articles/one/index.md:3) is a file") in result.stderr


@pytest.mark.parametrize("permalink, alias", [("{slug}/", "/old-one/"), ("{year}/{slug}.html", "/2016/old.html"),
                                              ("{year}/{slug}.html", "/2016/one/old.html")])
def test_aliases_beside_the_articles_of_any_permalink(site, permalink, alias):
    """Aliases where the articles are: only what an article really writes there is refused
    ('{year}/{slug}.html' puts one's files in 2016/one/, which an alias may share)."""
    root = site({"sitegen.yaml": f"permalink: '{permalink}'\n",
                 "content/articles/one/index.md": article("One", date="2016-03-01", aliases=f"[{alias}]"),
                 "content/articles/one/photo.txt": "photo\n"})
    result = build(root)
    assert result.exit_code == 0, result.output
    target = permalink.format(year="2016", slug="one")
    assert page(root / "public", alias).find("link", rel="canonical")["href"] == "/" + target


def test_a_site_without_aliases_describes_no_article(site, monkeypatch):
    """The check of aliases against the articles' files looks at none of them when there is no alias."""
    import sitegen.load.aliases as aliases
    described = []
    monkeypatch.setattr(aliases, "article_output_paths", lambda *args: described.append(args) or [])
    root = site({f"content/articles/a{i}/index.md": article(f"A{i}") for i in range(5)})
    assert build(root).exit_code == 0
    write_files(root, {"content/articles/a0/index.md": article("A0", aliases="[/articles/a-zero/]")})
    assert build(root).exit_code == 0
    assert [args[0].slug for args in described] == []  # (an alias in the articles' folder, near none of theirs)
    assert soup(root / "public/articles/a-zero/index.html").select_one("main a")["href"] == "/articles/a0/"
