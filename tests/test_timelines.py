"""Per-person and per-topic timelines: the years on page 1, the listing under year headings.

A synthetic site puts one person (and one topic) in eight articles over three years, with
day, month-only and year-only dates, two articles on the same day, two undated ones, and
two articles per listing page, so years run over page breaks. The pages are parsed, and every
timeline link is followed to the heading it names.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import article, build, listing_pages, page, resolve, soup, write_files
from sitegen.index import YearGroup, year_groups
from sitegen.model import Article, PartialDate

EIGHT = {  # slug -> date (None: undated); all name Ada and are about computing
    "spring-report": "2019-05-02",
    "march-notes": "2019-03",
    "year-review": "2019",
    "zeta-engine": "2017-08-01",
    "alpha-engine": "2017-08-01",  # same day as zeta-engine: the slug decides
    "old-letter": "2015",
    "scrap-a": None,
    "scrap-b": None,
}
# Newest first, year-only after the dated ones of its year, ties by slug, undated last.
LISTING = ["spring-report", "march-notes", "year-review", "alpha-engine", "zeta-engine", "old-letter", "scrap-a", "scrap-b"]


def _files() -> dict[str, str]:
    files = {
        "sitegen.yaml": "title: Timeline Test\npagination: 2\n",
        "content/people/ada-lovelace.yaml": "name: Ada Lovelace\naliases: [Lovelace]\n",
        "content/people/nobody-yet.yaml": "name: Nobody Yet\n",
        "content/topics/computing.yaml": "name: Computing\n",
        # In the archive, but neither about Ada nor about computing: in no timeline here.
        "content/articles/unrelated/index.md": article("Title unrelated", "Other news.", date="2018-01-01"),
    }
    for slug, date in EIGHT.items():
        front = {"people": "[Ada Lovelace]", "topics": "[computing]"}
        if date:
            front["date"] = date
        files[f"content/articles/{slug}/index.md"] = article(f"Title {slug}", "Lovelace wrote.", **front)
    return files


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = write_files(tmp_path_factory.mktemp("timelines"), _files())
    result = build(root)
    assert result.exit_code == 0, result.output
    return root / "public"


def timeline_entries(doc) -> list[tuple[str, str, str]]:
    return [(a.select_one(".timeline-year").get_text(strip=True), a.select_one(".timeline-count").get_text(strip=True),
             a["href"]) for a in doc.select("nav.timeline li a")]


def year_sections(doc) -> list[tuple[str, list[str]]]:
    """(year heading text, article titles under it) in page order."""
    return [(group.select_one(".year-heading").get_text(" ", strip=True),
             [a.get_text(strip=True) for a in group.select(".article-item-title a")])
            for group in doc.select(".year-group")]


LISTINGS = ["people/ada-lovelace/", "topics/computing/"]


@pytest.mark.parametrize("first", LISTINGS)
def test_timeline_on_page_one_lists_years_newest_first_with_counts_and_links(built, first):
    doc = page(built, first)
    assert timeline_entries(doc) == [
        ("2019", "3 articles", "#year-2019"),  # begins on this page: a link within it
        ("2017", "2 articles", f"/{first}page/2/#year-2017"),
        ("2015", "1 article", f"/{first}page/3/#year-2015"),
        ("Undated", "2 articles", f"/{first}page/4/#year-undated"),
    ]
    assert doc.select_one("nav.timeline h2").get_text(strip=True) == "Timeline"


@pytest.mark.parametrize("first", LISTINGS)
def test_every_timeline_link_lands_on_the_heading_where_its_year_begins(built, first):
    html_file = built / first / "index.html"
    for year, count, href in timeline_entries(page(built, first)):
        target = resolve(built, html_file, href)
        assert target is not None, href
        heading = soup(target).find(id=href.split("#")[1])
        assert heading is not None and heading.name == "h3", href
        assert heading.get_text(" ", strip=True) == year  # the year's start, not "(continued)"
        # The articles under it, there and on the pages after, add up to the count.
        listed = sum(len(titles) for _, doc in listing_pages(built, first)
                     for text, titles in year_sections(doc) if text.split(" (")[0] == year)
        assert f"{listed} article{'' if listed == 1 else 's'}" == count


@pytest.mark.parametrize("first", LISTINGS)
def test_listing_is_grouped_by_year_across_pages_with_continued_headings(built, first):
    pages = listing_pages(built, "/" + first)
    assert [url for url, _ in pages] == [f"/{first}"] + [f"/{first}page/{n}/" for n in (2, 3, 4)]
    assert [year_sections(doc) for _, doc in pages] == [
        [("2019", ["Title spring-report", "Title march-notes"])],
        [("2019 (continued)", ["Title year-review"]), ("2017", ["Title alpha-engine"])],
        [("2017 (continued)", ["Title zeta-engine"]), ("2015", ["Title old-letter"])],
        [("Undated", ["Title scrap-a", "Title scrap-b"])],
    ]
    # Only the first page has the timeline; the later ones are for reading on.
    assert [bool(doc.select("nav.timeline")) for _, doc in pages] == [True, False, False, False]


@pytest.mark.parametrize("first", LISTINGS)
def test_headings_are_ordered_with_one_h1(built, first):
    for url, doc in listing_pages(built, first):
        levels = [int(h.name[1]) for h in doc.find("main").find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        assert levels[0] == 1 and levels.count(1) == 1, url
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (url, levels)
        # Article titles sit one level below their year heading.
        assert {h.name for h in doc.select(".year-group .article-item-title")} == {"h4"}, url


def test_a_person_with_no_articles_has_no_timeline_and_says_so(built):
    doc = page(built, "people/nobody-yet/")
    assert doc.select("nav.timeline") == [] and doc.select(".year-group") == []
    assert doc.select_one(".empty").get_text(strip=True) == "No article mentions Nobody Yet yet."


# -- the pure function behind it ---------------------------------------------------------------

def _articles(dates: dict[str, str | None]) -> dict[str, Article]:
    return {slug: Article(slug=slug, title=slug, path=Path(slug), date=PartialDate.parse(d) if d else None)
            for slug, d in dates.items()}


def test_year_groups_order_offsets_and_tie_breaker():
    articles = _articles(EIGHT)
    shuffled = list(EIGHT)
    random.Random(4).shuffle(shuffled)
    groups = year_groups(tuple(shuffled), articles)
    assert groups == (
        YearGroup(2019, ("spring-report", "march-notes", "year-review"), 0),
        YearGroup(2017, ("alpha-engine", "zeta-engine"), 3),
        YearGroup(2015, ("old-letter",), 5),
        YearGroup(None, ("scrap-a", "scrap-b"), 6),
    )
    assert [(g.key, g.label) for g in groups] == [("2019", "2019"), ("2017", "2017"), ("2015", "2015"), ("undated", "Undated")]
    assert year_groups(tuple(LISTING) + ("old-letter",), articles) == groups  # a slug listed twice counts once
    assert year_groups((), articles) == ()
    assert groups.of(2017) is groups[1] and groups.of(None) is groups[3]
    with pytest.raises(KeyError):
        groups.of(2016)


dates = st.one_of(st.none(), st.builds(lambda y, m, d: PartialDate(y, m, d if m else None),
                                       st.integers(1800, 2030), st.none() | st.integers(1, 12), st.none() | st.integers(1, 28)))


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.text("abcxyz-", min_size=1, max_size=6), dates, max_size=25), st.randoms())
def test_year_groups_laid_end_to_end_are_the_listing(slug_dates, rnd):
    articles = {slug: Article(slug=slug, title=slug, path=Path(slug), date=date) for slug, date in slug_dates.items()}
    listing = sorted(articles, key=lambda slug: articles[slug].sort_key)  # the order every listing uses
    given_order = list(articles)
    rnd.shuffle(given_order)
    groups = year_groups(tuple(given_order), articles)
    assert [slug for g in groups for slug in g.articles] == listing
    # The index passes each slug's place in the listing instead of comparing sort keys.
    assert year_groups(tuple(given_order), articles, {slug: n for n, slug in enumerate(listing)}) == groups
    assert [g.start for g in groups] == [listing.index(g.articles[0]) for g in groups]
    years = [g.year for g in groups]
    dated = [y for y in years if y is not None]
    assert dated == sorted(set(dated), reverse=True) and years[len(dated):] in ([], [None])
    assert all({articles[s].date.year if articles[s].date else None for s in g.articles} == {g.year} for g in groups)
