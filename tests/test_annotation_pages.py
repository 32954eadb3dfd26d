"""Long lists of annotations: an excerpt on the page they belong to, the whole list paginated.

A synthetic site with ``annotation_excerpt: 2`` and ``pagination: 3``, so every list that is
longer than two entries gets pages of its own, several of them:

- five articles about computing (newest first: c1 … c5), each with a quote of Ada Lovelace, a
  fact-checked claim (its evidence recorded with it), a correction and a note: ten fact-checks
  and notes for the topic, five quotes for Ada;
- one older article about history (h1) with a quote of Charles Babbage, a claim, a correction
  and a note: a topic and a person whose lists are no longer than the excerpt;
- one article about a quiet topic (q1), naming Grace Hopper, with no annotation at all.

The pages are parsed back: what page 1 shows, the whole lists followed page by page, the
pagers, the head of each new page, the sitemap, the links and the HTML validator.
"""

from __future__ import annotations

import math
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import article, build, build_fixture_site, listing_pages, page, resolve, write_files
from sitegen.build import urls_for
from sitegen.check_html import check_links, validate_html
from sitegen.config import load_config
from sitegen.diagnostics import Diagnostics
from sitegen.index import AnnotationRef, build_index, without_repeated_evidence
from sitegen.load import load_site
from sitegen.model import Annotation, Article
from sitegen.render import plan_units, static_files, theme_dirs
from sitegen.render.groups import by_article, entry_before_page

EXCERPT, PAGE_SIZE = 2, 3
COMPUTING = ["c1", "c2", "c3", "c4", "c5"]  # newest first


def computing_article(slug: str, day: int) -> str:
    return article(
        f"Title {slug}",
        f"[“Quote {slug}”]{{.quote by=ada-lovelace}} she said. [Claim {slug}]{{.claim rating=true}}{{>>Evidence {slug}.<<}}"
        f" More {{~~teh~>the~~}} text.{{>>Note {slug}.<<}}",
        date=f"2020-01-{day:02d}", topics="[computing]", people="[Ada Lovelace]")


FILES = {
    "sitegen.yaml": f"title: Annotation Pages\npagination: {PAGE_SIZE}\nannotation_excerpt: {EXCERPT}\n",
    "content/people/ada-lovelace.yaml": "name: Ada Lovelace\n",
    "content/people/charles-babbage.yaml": "name: Charles Babbage\n",
    "content/people/grace-hopper.yaml": "name: Grace Hopper\n",
    "content/topics/computing.yaml": "name: Computing\n",
    "content/topics/history.yaml": "name: History\n",
    "content/topics/quiet.yaml": "name: Quiet\n",
    **{f"content/articles/{slug}/index.md": computing_article(slug, 20 - n) for n, slug in enumerate(COMPUTING)},
    "content/articles/h1/index.md": article(
        "Title h1", "[“Quote h1”]{.quote by=charles-babbage} he said. [Claim h1]{.claim rating=false}{>>Evidence h1.<<}"
        " Then {~~a~>an~~} note.{>>Note h1.<<}", date="2019-05-01", topics="[history]", people="[Charles Babbage]"),
    "content/articles/q1/index.md": article("Title q1", "Plain words.", date="2019-01-01", topics="[quiet]",
                                            people="[Grace Hopper]"),
}

# Every whole list, as (article, anchor) in the order it must be shown: newest article first,
# then in the order of the article.
WHOLE_LISTS = {
    "topics/computing/annotations/": [(f"/articles/{s}/", a) for s in COMPUTING for a in ("claim-1", "note-ref-2")],
    "people/ada-lovelace/quotes/": [(f"/articles/{s}/", "quote-1") for s in COMPUTING],
    "annotations/fact-checks/": [(f"/articles/{s}/", "claim-1") for s in COMPUTING + ["h1"]],
    "annotations/corrections/": [(f"/articles/{s}/", "correction-1") for s in COMPUTING + ["h1"]],
}
# Where each whole list is excerpted: (page, the excerpt's section heading id, link text).
EXCERPTED_ON = {
    "topics/computing/annotations/": ("topics/computing/", "annotations-title", "All 10 fact-checks and notes"),
    "people/ada-lovelace/quotes/": ("people/ada-lovelace/", "quoted-title", "All 5 quotes"),
    "annotations/fact-checks/": ("annotations/", "fact-checks-title", "All 6 fact-checks"),
    "annotations/corrections/": ("annotations/", "corrections-title", "All 6 corrections"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    return build_fixture_site(tmp_path_factory, FILES, "annotation-pages")


def items(doc) -> list:
    """The entries of a list page or an excerpt: annotation items or quotes."""
    return doc.select(".annotation-list > li, .quotes > li")


def target(item) -> tuple[str, str]:
    """(article URL, anchor) that a listed annotation or quote links to: an annotation's head
    links to its spot, a quote's caption names its article and links to the spot."""
    path, anchor = item.select_one(".annotation-head a, .meta a")["href"].split("#")
    return path, anchor


def heading_of(item):
    """The heading of the article an annotation is listed under."""
    return item.find_parent("ul").find_previous_sibling(class_="annotation-article")


def excerpt_section(output: Path, first_url: str):
    where, heading_id, _ = EXCERPTED_ON[first_url]
    return page(output, where).find(id=heading_id).find_parent("section")


@pytest.mark.parametrize("first_url", list(WHOLE_LISTS))
def test_page_one_shows_the_newest_few_and_links_to_all(built, first_url):
    section = excerpt_section(built, first_url)
    shown = [target(item) for item in items(section)]
    assert shown == WHOLE_LISTS[first_url][:EXCERPT]
    link = section.select_one(".all-link a")
    assert link.get_text() == EXCERPTED_ON[first_url][2]
    assert link["href"] == "/" + first_url


@pytest.mark.parametrize("first_url", list(WHOLE_LISTS))
def test_every_annotation_is_listed_once_across_the_pages(built, first_url):
    pages = listing_pages(built, "/" + first_url)
    listed = [target(item) for _, doc in pages for item in items(doc)]
    assert listed == WHOLE_LISTS[first_url]  # each once, in order, none missing
    assert len(pages) == math.ceil(len(listed) / PAGE_SIZE) > 1
    assert all(len(items(doc)) == PAGE_SIZE for _, doc in pages[:-1])
    # The excerpt is the start of the whole list, entry for entry.
    excerpt = [str(item) for item in items(excerpt_section(built, first_url))]
    assert excerpt == [str(item) for item in items(pages[0][1])[:EXCERPT]]


@pytest.mark.parametrize("first_url", list(WHOLE_LISTS))
def test_pagers_link_every_page_and_name_the_current_one(built, first_url):
    pages = listing_pages(built, "/" + first_url)
    urls = ["/" + first_url] + [f"/{first_url}page/{n}/" for n in range(2, len(pages) + 1)]
    assert [url for url, _ in pages] == urls
    for number, (url, doc) in enumerate(pages, start=1):
        pager = doc.select_one("nav.pager")
        current = pager.select_one('[aria-current="page"]')
        assert current.get_text(" ", strip=True) == f"Page {number} of {len(pages)}"
        numbered = {a.get_text(" ", strip=True): a["href"] for a in pager.select(".pager-pages a")}
        assert numbered == {f"Page {n}": urls[n - 1] for n in range(1, len(pages) + 1) if n != number}
        previous = pager.select_one('a[rel="prev"]')
        assert (previous["href"] if previous else None) == (urls[number - 2] if number > 1 else None)
        html_file = built / url.lstrip("/") / "index.html"
        for link in pager.select("a"):
            assert resolve(built, html_file, link["href"]) is not None, link["href"]


@pytest.mark.parametrize("first_url", list(WHOLE_LISTS))
def test_list_pages_have_their_own_title_canonical_link_and_description(built, first_url):
    titles = set()
    for number, (url, doc) in enumerate(listing_pages(built, "/" + first_url), start=1):
        title = doc.title.get_text()
        assert title.endswith(" · Annotation Pages")
        assert (", page " in title) == (number > 1)
        titles.add(title)
        assert doc.find("link", rel="canonical")["href"] == url
        assert doc.find("meta", property="og:url")["content"] == url
        assert doc.find("meta", attrs={"name": "description"})["content"].startswith("Every ")
        assert doc.select_one("h1").get_text(" ", strip=True).endswith(f"(page {number})" if number > 1 else "")
    assert len(titles) == len(listing_pages(built, "/" + first_url))


def test_list_pages_link_back_and_carry_the_feeds_of_what_they_list(built):
    quotes = page(built, "people/ada-lovelace/quotes/page/2/")
    assert quotes.select_one(".lede a")["href"] == "/people/ada-lovelace/"
    assert "/people/ada-lovelace/feed.xml" in {link["href"] for link in quotes.select('link[rel="alternate"]')}
    assert not quotes.select('script[type="application/ld+json"]')  # the profile is on the person's page only
    topic = page(built, "topics/computing/annotations/")
    assert topic.select_one(".lede a")["href"] == "/topics/computing/"
    assert "/topics/computing/feed.xml" in {link["href"] for link in topic.select('link[rel="alternate"]')}
    for kind in ("fact-checks", "corrections"):
        assert page(built, f"annotations/{kind}/page/2/").select_one(".lede a")["href"] == "/annotations/"


def groups_on(doc) -> list[tuple[str, bool, list[str]]]:
    """A page's annotations by article: (article URL, headed "(continued)", anchors beneath)."""
    groups = []
    for heading in doc.select(".annotation-article"):
        entries = heading.find_next_sibling("ul").select(":scope > li")
        groups.append((heading.a["href"], heading.select_one(".continued") is not None,
                       [target(item)[1] for item in entries]))
        assert {target(item)[0] for item in entries} == {heading.a["href"]}  # each entry links into its article
    return groups


def test_a_lists_annotations_stand_under_their_article_and_a_split_article_is_continued(built):
    """Each article is named once per page, its annotations beneath it; pages are still cut every
    three entries, so an article whose entries run over a page break is named again, continued."""
    pages = [groups_on(doc) for _, doc in listing_pages(built, "/topics/computing/annotations/")]
    both = ["claim-1", "note-ref-2"]
    assert pages == [
        [("/articles/c1/", False, both), ("/articles/c2/", False, ["claim-1"])],
        [("/articles/c2/", True, ["note-ref-2"]), ("/articles/c3/", False, both)],
        [("/articles/c4/", False, both), ("/articles/c5/", False, ["claim-1"])],
        [("/articles/c5/", True, ["note-ref-2"])],
    ]
    heading = page(built, "topics/computing/annotations/page/2/").select_one(".annotation-article")
    assert heading.name == "h2" and heading.get_text(" ", strip=True) == "Title c2 19 January 2020 (continued)"


def test_an_excerpt_names_each_article_once_too(built):
    section = excerpt_section(built, "topics/computing/annotations/")
    assert groups_on(section) == [("/articles/c1/", False, ["claim-1", "note-ref-2"])]
    assert section.select_one(".annotation-article").name == "h3"  # under the section's h2
    overview = page(built, "annotations/")
    assert [group[0] for group in groups_on(overview)] == ["/articles/c1/", "/articles/c2/"] * 2


def test_by_article_groups_runs_and_marks_a_run_begun_on_the_page_before():
    a = Article("a", "A", Path("a"))
    b = Article("b", "B", Path("b"))
    note = Annotation("note", "note-ref-1")
    refs = (AnnotationRef("a", note), AnnotationRef("a", note), AnnotationRef("b", note))
    groups = by_article(refs, {"a": a, "b": b})
    assert [(g.article.slug, len(g.annotations), g.continued) for g in groups] == [("a", 2, False), ("b", 1, False)]
    continued = by_article(refs, {"a": a, "b": b}, previous=AnnotationRef("a", note))
    assert [g.continued for g in continued] == [True, False]
    assert [g.continued for g in by_article(refs, {"a": a, "b": b}, previous=AnnotationRef("z", note))] == [False, False]
    assert by_article((), {}) == ()
    assert entry_before_page(refs, 1, 2) is None and entry_before_page(refs, 2, 2) == refs[1]


def test_entries_show_what_they_are(built):
    fact_check = items(page(built, "annotations/fact-checks/page/2/"))[-1]
    assert fact_check.select_one(".rating-badge").get_text() == "False"
    assert fact_check.select_one("q").get_text() == "Claim h1"
    assert fact_check.select_one(".annotation-note").get_text() == "Evidence h1."
    assert heading_of(fact_check).get_text() == "Title h1 1 May 2019"
    assert heading_of(fact_check).a["href"] == "/articles/h1/"
    correction = items(page(built, "annotations/corrections/"))[0]
    assert correction.select_one("del").get_text() == "As published: teh"
    assert correction.select_one("ins").get_text() == "Corrected: the"
    note = items(page(built, "topics/computing/annotations/"))[1]
    assert note.select_one(".kind").get_text() == "Note" and note.select_one(".annotation-note").get_text() == "Note c1."
    # A note at a point, on no words: its link says which note it is, by the number the article
    # shows beside it (a link reading "Note" alone told a screen reader's user nothing).
    link = note.select_one(".annotation-head a")
    path, anchor = link["href"].split("#")
    number = page(built, path.removeprefix("/")).find(id=anchor)
    assert number.get_text() == "2" and link.get_text(" ", strip=True) == "Note 2 in the article"
    quote = items(page(built, "people/ada-lovelace/quotes/"))[0]
    assert quote.select_one("blockquote").get_text() == "“Quote c1”"


def test_annotations_page_counts_both_kinds(built):
    doc = page(built, "annotations/")
    assert doc.select_one("#fact-checks-title").get_text() == "Fact-checks (6)"
    assert doc.select_one("#corrections-title").get_text() == "Corrections (6)"
    assert "6 fact-checks and 6 corrections" in doc.select_one(".lede").get_text(" ", strip=True)
    for kind in ("fact-checks", "corrections"):
        assert f"6 {kind}" in page(built, f"annotations/{kind}/").select_one(".lede").get_text()


def test_a_list_no_longer_than_the_excerpt_is_shown_whole_without_a_link(built):
    history = page(built, "topics/history/").find(id="annotations-title").find_parent("section")
    assert [target(item) for item in items(history)] == [("/articles/h1/", "claim-1"), ("/articles/h1/", "note-ref-2")]
    babbage = page(built, "people/charles-babbage/").find(id="quoted-title").find_parent("section")
    assert [target(item) for item in items(babbage)] == [("/articles/h1/", "quote-1")]
    for section in (history, babbage):
        assert section.select_one(".all-link") is None
    assert not (built / "topics/history/annotations").exists()
    assert not (built / "people/charles-babbage/quotes").exists()


def test_nothing_to_list_means_no_section_no_link_no_page(built):
    quiet = page(built, "topics/quiet/")
    assert quiet.find(id="annotations-title") is None and not quiet.select(".all-link")
    hopper = page(built, "people/grace-hopper/")
    assert hopper.find(id="quoted-title") is None and not hopper.select(".all-link")
    assert not (built / "topics/quiet/annotations").exists()
    assert not (built / "people/grace-hopper/quotes").exists()


def test_an_archive_without_annotations_says_so(tmp_path_factory):
    output = build_fixture_site(tmp_path_factory, {
        "content/articles/plain/index.md": article("Plain", "No marks at all.", date="2020-01-01", topics="[quiet]"),
    }, "no-annotations")
    doc = page(output, "annotations/")
    assert doc.select_one("#fact-checks-title").get_text() == "Fact-checks (0)"
    assert doc.select_one("#corrections-title").get_text() == "Corrections (0)"
    assert [p.get_text() for p in doc.select("main section p.muted")] == ["No fact-checks yet.", "No corrections yet."]
    assert not doc.select(".all-link") and not items(doc)
    assert not (output / "annotations/fact-checks").exists() and not (output / "annotations/corrections").exists()


def test_the_sitemap_lists_every_new_page(tmp_path_factory):
    """(Built with a host: a sitemap lists whole addresses, and without one there is none.)"""
    files = dict(FILES, **{"sitegen.yaml": FILES["sitegen.yaml"] + "base_url: https://news.example/\n"})
    built = build_fixture_site(tmp_path_factory, files, "annotation-pages-hosted")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text.removeprefix("https://news.example")
              for loc in ET.parse(built / "sitemap.xml").getroot().findall("s:url/s:loc", namespace)}
    new_pages = {"/" + p.relative_to(built).as_posix().removesuffix("index.html")
                 for first_url in WHOLE_LISTS for p in (built / first_url).rglob("index.html")}
    assert len(new_pages) == sum(math.ceil(len(entries) / PAGE_SIZE) for entries in WHOLE_LISTS.values())
    assert new_pages <= listed


def test_links_resolve_and_the_new_pages_are_valid_html(built):
    diags = Diagnostics()
    assert check_links(built, "/", "", diags).links > 0
    new_pages = sorted(p for first_url in WHOLE_LISTS for p in (built / first_url).rglob("index.html"))
    excerpt_pages = [built / "topics/computing/index.html", built / "people/ada-lovelace/index.html",
                     built / "annotations/index.html"]
    assert validate_html(new_pages + excerpt_pages, diags) == len(new_pages) + 3
    assert not diags.errors, [str(d) for d in diags.errors]


def test_the_excerpt_size_is_a_setting(tmp_path_factory):
    files = dict(FILES, **{"sitegen.yaml": "pagination: 3\nannotation_excerpt: 5\n"})
    output = build_fixture_site(tmp_path_factory, files, "excerpt-five")
    quoted = page(output, "people/ada-lovelace/").find(id="quoted-title").find_parent("section")
    assert len(items(quoted)) == 5 and quoted.select_one(".all-link") is None  # all five: no page of their own
    assert not (output / "people/ada-lovelace/quotes").exists()
    computing = page(output, "topics/computing/").find(id="annotations-title").find_parent("section")
    assert len(items(computing)) == 5 and computing.select_one(".all-link a").get_text() == "All 10 fact-checks and notes"


# Render units: a page of a whole list is redone when what it shows changes, and only then.

def unit_keys(root: Path) -> dict[tuple, str]:
    diags = Diagnostics()
    config = load_config(root, diags)
    site = load_site(config, diags, urls_for(config))
    dirs = theme_dirs(config.root, config.theme)
    return {unit.id: unit.key for unit in plan_units(site, build_index(site), config, dirs, static_files(dirs, diags))[0]}


@pytest.mark.parametrize("old,new", [("Evidence c5.", "Better evidence."), ("title: Title c5", "title: Renamed c5")],
                         ids=["evidence", "article title"])
def test_an_edited_fact_check_redoes_the_page_it_is_on_not_the_others(tmp_path, old, new):
    root = write_files(tmp_path / "site", FILES)
    before = unit_keys(root)
    assert {("annotation-list", "fact-checks", 1), ("annotation-list", "fact-checks", 2)} <= set(before)
    index_md = root / "content/articles/c5/index.md"  # on page 2 of the fact-checks, not in the excerpt
    text = index_md.read_text(encoding="utf-8")
    assert old in text
    index_md.write_text(text.replace(old, new), encoding="utf-8")
    after = unit_keys(root)
    changed = {unit for unit in before if before[unit] != after[unit]}
    assert ("annotation-list", "fact-checks", 2) in changed
    assert ("annotation-list", "fact-checks", 1) not in changed
    assert ("annotations",) not in changed
    assert ("person", "charles-babbage") not in changed and ("topic", "history") not in changed


def test_a_list_that_shrinks_to_its_excerpt_loses_its_pages_in_an_incremental_build(tmp_path):
    root = write_files(tmp_path / "site", FILES)
    assert build(root).exit_code == 0
    assert (root / "public/annotations/fact-checks/page/2/index.html").is_file()
    for slug in COMPUTING:
        shutil.rmtree(root / "content/articles" / slug)
    assert build(root).exit_code == 0
    assert not (root / "public/annotations/fact-checks").exists()
    assert not (root / "public/people/ada-lovelace/quotes").exists()
    assert page(root / "public", "annotations/").select_one("#fact-checks-title").get_text() == "Fact-checks (1)"


# The index: a claim's evidence is listed once, with its claim.

def test_a_note_repeating_the_evidence_of_the_claim_before_it_is_dropped():
    claim = AnnotationRef("a", Annotation("claim", "claim-1", text="Claim", note="Evidence.", rating="true"))
    evidence = AnnotationRef("a", Annotation("note", "note-ref-1", note="Evidence."))
    other_note = AnnotationRef("a", Annotation("note", "note-ref-2", note="Something else."))
    elsewhere = AnnotationRef("b", Annotation("note", "note-ref-1", note="Evidence."))  # another article: kept
    assert without_repeated_evidence((claim, evidence, other_note, elsewhere)) == (claim, other_note, elsewhere)
    assert without_repeated_evidence((evidence, claim)) == (evidence, claim)  # a note before its claim is no repeat
    assert without_repeated_evidence(()) == ()


def test_the_whole_lists_say_their_count_and_then_where_they_are_summed_up(site):
    """Regression: the lede ran its two sentences together ("6 corrections.Both lists ...")."""
    root = site({
        "sitegen.yaml": "annotation_excerpt: 1\n",
        "content/articles/a/index.md": article("A", "One {~~a~>b~~} two {~~c~>d~~}. [X]{.claim rating=false}{>>e<<} "
                                                    "[Y]{.claim rating=true}{>>f<<}", date="2016-12-18"),
    })
    assert build(root).exit_code == 0
    for url, count in (("annotations/corrections/", "2 corrections"), ("annotations/fact-checks/", "2 fact-checks")):
        lede = page(root / "public", url).select_one(".lede").get_text()
        assert f"{count}. Both lists are summed up under Annotations." in lede, lede
