"""A busy person's page stays short: reports excerpted with pages of their own, roles summarised.

A synthetic site with ``annotation_excerpt: 2`` and ``pagination: 3``: Pat Reporter reported
seven articles (r1 newest … r7 oldest), Sam Stringer two; Pat is named in one more (m1). Ada Lovelace appears in the seven
with a role each: "Mathematician" three times (once written in lower case), then "Countess",
"Writer" and "Countess" again, and once with no role.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import article, build, build_fixture_site, listing_pages, page, soup, write_files
from sitegen.check_html import check_links, validate_html
from sitegen.diagnostics import Diagnostics
from sitegen.render import feeds

REPORTS = [f"r{n}" for n in range(1, 8)]  # newest first
ROLES = ["Mathematician", "Countess", "mathematician", "Writer", "Countess", "Mathematician", None]


def report(slug: str, n: int, role: str | None) -> str:
    ada = f"{{name: Ada Lovelace, role: {role}}}" if role else "Ada Lovelace"
    return article(f"Title {slug}", date=f"2020-01-{20 - n:02d}", reporters="[Pat Reporter]", people=f"[{ada}]")


FILES = {
    "sitegen.yaml": "title: Person Pages\npagination: 3\nannotation_excerpt: 2\n",
    "content/people/ada-lovelace.yaml": "name: Ada Lovelace\n",
    **{f"content/articles/{slug}/index.md": report(slug, n, role) for n, (slug, role) in enumerate(zip(REPORTS, ROLES))},
    **{f"content/articles/s{n}/index.md": article(f"Title s{n}", date=f"2019-0{n}-01", reporters="[Sam Stringer]")
       for n in (1, 2)},
    # Pat Reporter named in an article they did not report: dated as r4, first by slug.
    "content/articles/m1/index.md": article("Title m1", date="2020-01-17", people="[Pat Reporter]"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_fixture_site(tmp_path_factory, FILES, "person-pages")


def titles(doc) -> list[str]:
    return [a.get_text() for a in doc.select(".article-item-title a")]


def test_person_page_shows_the_newest_reports_and_links_to_all(built):
    section = page(built, "people/pat-reporter/").find(id="reported-title").find_parent("section")
    assert titles(section) == ["Title r1", "Title r2"]
    link = section.select_one(".all-link a")
    assert link.get_text() == "All 7 reported articles" and link["href"] == "/people/pat-reporter/reported/"


def test_reported_pages_list_every_report_newest_first(built):
    pages = listing_pages(built, "/people/pat-reporter/reported/")
    assert [url for url, _ in pages] == ["/people/pat-reporter/reported/", "/people/pat-reporter/reported/page/2/",
                                         "/people/pat-reporter/reported/page/3/"]
    assert [t for _, doc in pages for t in titles(doc)] == [f"Title {s}" for s in REPORTS]
    assert [doc.title.get_text().split(" · ")[0] for _, doc in pages] == [
        "Reported by Pat Reporter", "Reported by Pat Reporter, page 2", "Reported by Pat Reporter, page 3"]
    assert all(doc.select_one(".lede a")["href"] == "/people/pat-reporter/" for _, doc in pages)
    assert "7 articles" in pages[0][1].select_one(".lede").get_text()


def test_short_report_lists_have_no_pages_of_their_own(built):
    section = page(built, "people/sam-stringer/").find(id="reported-title").find_parent("section")
    assert titles(section) == ["Title s2", "Title s1"] and section.select_one(".all-link") is None
    assert not (built / "people/sam-stringer/reported").exists()


def test_feed_holds_the_newest_of_what_they_reported_and_appear_in(built, tmp_path, monkeypatch):
    newest_first = ["r1", "r2", "r3", "m1", "r4", "r5", "r6", "r7"]
    assert feed_slugs(built / "people/pat-reporter/feed.xml") == newest_first
    monkeypatch.setattr(feeds, "SUBJECT_FEED_LIMIT", 4)
    root = write_files(tmp_path, FILES)
    assert build(root, "--jobs", "1").exit_code == 0
    assert feed_slugs(root / "public/people/pat-reporter/feed.xml") == newest_first[:4]


def feed_slugs(path: Path) -> list[str]:
    entries = ET.parse(path).getroot().findall("{http://www.w3.org/2005/Atom}entry")
    return [e.find("{http://www.w3.org/2005/Atom}link").get("href").split("/")[-2] for e in entries]


def test_roles_are_summarised_once_each_most_frequent_first(built):
    roles = page(built, "people/ada-lovelace/").select(".roles li")
    assert [" ".join(li.get_text().split()) for li in roles] == [
        "Mathematician — in 3 articles, most recently Title r1",
        "Countess — in 2 articles, most recently Title r2",
        "Writer — Title r4",
    ]
    assert [li.find("a")["href"] for li in roles] == ["/articles/r1/", "/articles/r2/", "/articles/r4/"]


def test_pages_are_valid_and_their_links_resolve(built):
    diags = Diagnostics()
    assert check_links(built, "/", "", diags).links > 0
    pages = sorted(built.glob("people/**/index.html"))
    assert validate_html(pages, diags) == len(pages)
    assert not diags.errors, [str(d) for d in diags.errors]


def test_every_page_of_the_site_has_a_title_of_its_own(built):
    """Page 2 of a listing is not page 1: search results and browser tabs tell them apart."""
    titles_by_page = {path.relative_to(built).as_posix(): soup(path).title.get_text() for path in sorted(built.rglob("*.html"))}
    seen: dict[str, str] = {}
    for path, title in titles_by_page.items():
        assert title not in seen, f"{path} and {seen[title]} are both titled {title!r}"
        seen[title] = path
    assert titles_by_page["people/ada-lovelace/page/2/index.html"].startswith("Ada Lovelace, page 2 · ")
    assert titles_by_page["page/2/index.html"].startswith("Archive, page 2 · ")


# people/ and topics/ of a site with ``pagination: 1``: ten names a page.
NAMES = ["Ann Abbott", "Al Adams", "Bo Baker", "Bea Brown", "Cy Cole", "Dee Dunn", "Ed Evans", "Flo Fox",
         "Gus Gray", "Hal Hill", "Ida Irwin", "Jo Jones", "Kay King", "Lou Lee", "Mo Moss", "Ned Nash",
         "Ola Owen", "Pia Park", "Quin Quick", "Roy Ross", "Sal Snow", "Ty Todd", "Uma Upton", "Vic Vale"]


@pytest.fixture(scope="module")
def many_names(tmp_path_factory) -> Path:
    files = {"sitegen.yaml": "title: Many Names\npagination: 1\n"}
    for n, name in enumerate(NAMES):
        files[f"content/articles/n{n:02d}/index.md"] = article(f"Article {n}", date="2020-01-01", people=f"[{name}]",
                                                                 topics=f"[Topic {n:02d}]")
    return build_fixture_site(tmp_path_factory, files, "many-names")


def test_people_index_is_paginated_a_to_z_with_letters_linking_to_their_page(many_names):
    pages = listing_pages(many_names, "/people/")
    assert len(pages) == 3 and [doc.title.get_text().split(" · ")[0] for _, doc in pages] == [
        "People", "People, page 2", "People, page 3"]
    listed = [a.get_text() for _, doc in pages for a in doc.select(".name-list .name-line a")]
    assert listed == NAMES  # already A to Z by surname
    assert [len(doc.select(".name-list li")) for _, doc in pages] == [10, 10, 4]
    steps = pages[1][1].select(".pager-step")
    assert [a.get_text() for a in steps] == ["← Previous", "Next →"]  # A to Z, not newest first
    # "Hal Hill" ends page 1 under H and "Ida Irwin" begins page 2: no letter is split here, but
    # every page's letters link to the page where each letter begins.
    for url, doc in pages:
        links = {a.get_text(): a["href"] for a in doc.select("nav.letters a")}
        assert links["A"] == ("#letter-A" if url == "/people/" else "/people/#letter-A")
        assert links["U"] == ("#letter-U" if url == "/people/page/3/" else "/people/page/3/#letter-U")
        assert "W" not in links and doc.select_one("nav.letters .letter-empty").get_text() == "W"
        for href in links.values():
            target = page(many_names, href.split("#")[0] or url)
            assert target.find(id=href.split("#")[1]) is not None


def test_a_letter_split_across_pages_is_continued(tmp_path):
    names = [f"{first} Park" for first in ("Ann", "Ben", "Cal", "Dot", "Eve", "Fay", "Gil", "Hob", "Ivy", "Jem", "Kit",
                                           "Lia", "Max", "Nia")]  # 14 names under P
    files = {"sitegen.yaml": "title: One Letter\npagination: 1\n"}
    files.update({f"content/articles/p{n:02d}/index.md": article(f"Article {n}", people=f"[{name}]")
                  for n, name in enumerate(names)})
    root = write_files(tmp_path, files)
    assert build(root).exit_code == 0
    first, second = (doc for _, doc in listing_pages(root / "public", "/people/"))
    assert [h.get_text(" ", strip=True) for h in first.select(".letter-group h2")] == ["P"]
    assert [h.get_text(" ", strip=True) for h in second.select(".letter-group h2")] == ["P (continued)"]
    assert second.select_one('nav.letters a[href="/people/#letter-P"]') is not None


def test_topics_index_is_paginated(many_names):
    pages = listing_pages(many_names, "/topics/")
    listed = [a.get_text() for _, doc in pages for a in doc.select(".name-list .name-line a")]
    assert listed == [f"Topic {n:02d}" for n in range(len(NAMES))]
    assert [len(doc.select(".name-list li")) for _, doc in pages] == [10, 10, 4]
    assert pages[1][1].title.get_text().startswith("Topics, page 2 · ")


def test_roles_are_summarised_once_a_person_however_many_pages(tmp_path, monkeypatch):
    """Each page of a person's listing used to summarise all of the person's roles again: at
    100,000 articles the busiest person's hundreds of pages made that quadratic."""
    import sitegen.render.pages
    from sitegen.build import build as build_site

    summarised = []
    real = sitegen.render.pages.summarise_roles
    monkeypatch.setattr(sitegen.render.pages, "summarise_roles",
                        lambda roles, articles: summarised.append(len(roles)) or real(roles, articles))
    root = write_files(tmp_path / "site", FILES)
    report = build_site(root, Diagnostics(), jobs=1, output_dir=tmp_path / "out")
    assert page(tmp_path / "out", "people/ada-lovelace/page/3/").select(".article-item-title")  # three pages
    assert report.people == 3 and sorted(summarised) == [0, 0, 6]  # once each; Ada's six roles
