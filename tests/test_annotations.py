"""Annotations end to end: rendering, the published wording, indexing, and bad markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, article, build, listing_pages, page
from sitegen.markup.published import published_text_of_html, reject_all

SEEDS = sorted(p.name for p in (REPO / "content/articles").iterdir() if (p / "original.txt").exists())
GOLDEN = Path(__file__).parent / "golden"


def words(text: str) -> list[str]:
    return text.split()


def contiguous_in(needle: list[str], haystack: list[str]) -> bool:
    joined = " ".join(haystack)
    return " ".join(needle) in joined


def body_of(index_md: Path) -> str:
    return index_md.read_text(encoding="utf-8").split("\n---\n", 1)[1]


@pytest.mark.parametrize("slug", SEEDS)
def test_rejecting_every_mark_gives_back_the_published_wording(slug):
    """Issue 3: reject all marks in a seed body -> the words of original.txt, in order, once."""
    folder = REPO / "content/articles" / slug
    published = re.sub(r"\\(.)", r"\1", reject_all(body_of(folder / "index.md")))  # Markdown escapes
    original = words((folder / "original.txt").read_text(encoding="utf-8"))
    assert len(words(published)) > 200
    assert contiguous_in(words(published), original)


@pytest.mark.parametrize("slug", SEEDS)
def test_as_published_view_of_the_page_is_the_original_text(repo_site, slug):
    doc = page(repo_site, f"articles/{slug}/")
    body = doc.select_one(".article-body")
    shown = words(published_text_of_html(str(body)))
    original = words((REPO / "content/articles" / slug / "original.txt").read_text(encoding="utf-8"))
    assert len(shown) > 200 and contiguous_in(shown, original)
    # The page offers the switch to that view, and it needs no JavaScript.
    toggle = doc.find("input", id="as-published")
    assert toggle["type"] == "checkbox" and doc.find("label", attrs={"for": "as-published"})
    # The switch is CSS only: the page's scripts are JSON-LD data and the sidenotes' placer,
    # which only moves notes in the margin (tests/browser/test_sidenotes_browser.py).
    assert all(script.get("type") == "application/ld+json" or script.get("src", "").endswith("/sidenotes.js")
               for script in doc.find_all("script"))
    assert toggle.find_next_sibling(class_="article-body") is not None


@pytest.mark.parametrize("slug", SEEDS)
def test_seed_pages_match_their_golden_files(repo_site, slug, request):
    """Narrow golden files: the rendered body and comments of each seed page.

    Regenerate on purpose with ``pytest --update-golden`` and review the diff like code.
    """
    doc = page(repo_site, f"articles/{slug}/")
    rendered = str(doc.select_one(".article-body")) + "\n" + str(doc.select_one("section.comments")) + "\n"
    golden = GOLDEN / f"{slug}.html"
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == rendered


def test_seed_annotations_are_real(repo_site):
    vigil = page(repo_site, "articles/vigil-held-in-downtown-la-to-urge-538-electors-not-to-name-trump-president/")
    petition = page(repo_site, "articles/petition-for-electors-to-deny-donald-trump-presidency-picks-up-steam/")
    corrections = {(c.select_one("del").get_text(), c.select_one("ins").get_text())
                   for doc in (vigil, petition) for c in doc.select(".correction")}
    assert ("Leveinson", "Levinson") in corrections
    assert ("its", "it's") in corrections
    inserted = [i.get_text() for i in petition.select("ins.editorial-insert")]
    assert "to" in inserted
    assert any("on" in d.get_text() for d in petition.select("del.editorial-delete"))
    badges = [b.get_text() for doc in (vigil, petition) for b in doc.select(".rating-badge")]
    assert len(badges) >= 5
    notes = " ".join(n.get_text() for doc in (vigil, petition) for n in doc.select(".sidenote"))
    for fact in ("435", "304", "227", "1824", "1876", "1888", "1789"):
        assert fact in notes, fact
    speakers = {q.get("data-speaker") for doc in (vigil, petition) for q in doc.select(".quote")}
    assert {"jessica-levinson", "clay-pell", "reince-priebus", "gary-kelly", "donald-trump"} <= speakers


def test_sidenotes_are_numbered_linked_and_accessible(repo_site):
    doc = page(repo_site, f"articles/{SEEDS[0]}/")
    labels = doc.select(".article-body label.sidenote-number")
    numbers = [int(label.get_text()) for label in labels]
    assert numbers == list(range(1, len(numbers) + 1)) and numbers
    for label in labels:
        box = doc.find(id=label["for"])
        assert box.name == "input" and box["type"] == "checkbox"
        note = box.find_next_sibling()
        assert "sidenote" in note["class"] and note["role"] == "note"
    for mark in doc.select(".article-body mark[aria-describedby]"):
        assert doc.find(id=mark["aria-describedby"]) is not None


def test_person_pages_have_quotes_linking_to_the_exact_spot(repo_site):
    doc = page(repo_site, "people/jessica-levinson/")
    quotes = doc.select_one("#quoted-title").find_parent("section").select("li")
    assert len(quotes) == 2
    for item in quotes:
        href = item.find("a")["href"]
        path, anchor = href.split("#")
        target = page(repo_site, path)
        quote = target.find(id=anchor)
        assert "quote" in quote["class"] and quote["data-speaker"] == "jessica-levinson"
        assert words(item.find("blockquote").get_text()) == words(quote.get_text())


def test_topic_pages_list_fact_checks_and_notes(repo_site):
    """The topic page shows the newest few; the whole list is on the topic's annotation pages."""
    doc = page(repo_site, "topics/electoral-college/")
    section = doc.select_one("#annotations-title").find_parent("section")
    excerpt = section.select("li")
    listed = [item for _, p in listing_pages(repo_site, section.select_one(".all-link a")["href"])
              for item in p.select(".annotation-list > li")]
    assert len(excerpt) == 5 < len(listed)
    assert [str(i) for i in excerpt] == [str(i) for i in listed[:5]]
    assert any(i.select_one(".rating-badge") for i in listed)
    for item in listed:
        path, anchor = item.select_one(".annotation-head a")["href"].split("#")
        assert page(repo_site, path).find(id=anchor) is not None


def test_annotations_page_counts_and_links(repo_site):
    doc = page(repo_site, "annotations/")
    lists = {}
    for kind in ("fact-checks", "corrections"):
        heading = doc.select_one(f"#{kind}-title")
        excerpt = heading.find_parent("section").select(".annotation-list > li")
        listed = [item for _, p in listing_pages(repo_site, f"annotations/{kind}/") for item in p.select(".annotation-list > li")]
        assert heading.get_text() == f"{kind.capitalize()} ({len(listed)})"
        assert [str(i) for i in excerpt] == [str(i) for i in listed[:len(excerpt)]] and excerpt
        lists[kind] = listed
    assert len(lists["fact-checks"]) >= 5 and len(lists["corrections"]) >= 5
    for item in lists["fact-checks"] + lists["corrections"]:
        path, anchor = item.select_one(".annotation-head a")["href"].split("#")
        assert page(repo_site, path).find(id=anchor) is not None, anchor
    assert all(i.select_one(".rating-badge") for i in lists["fact-checks"])
    assert all(i.select_one("del, ins") for i in lists["corrections"])
    # Newest article first, each article named once above its annotations.
    titles = [h.a.get_text() for h in listing_pages(repo_site, "annotations/fact-checks/")[0][1].select(".annotation-article")]
    assert titles[0].startswith("Vigil") and len(titles) == len(set(titles))


def test_first_mention_of_front_matter_people_is_linked_and_markup_wins(site):
    root = site({
        "content/people/ada-lovelace.yaml": "name: Ada Lovelace\naliases: [Lovelace]\n",
        "content/articles/a/index.md": article(
            "A", "Lovelace spoke. Lovelace again. Babbage listened.\n\n[Babbage]{person=charles-babbage} replied.",
            people="[Ada Lovelace, Charles Babbage]"),
    })
    assert build(root).exit_code == 0
    body = page(root / "public", "articles/a/").select_one(".article-body")
    links = [(a.get_text(), a["href"]) for a in body.select("a.mention-person")]
    assert links == [("Lovelace", "/people/ada-lovelace/"), ("Babbage", "/people/charles-babbage/")]


def test_a_first_mention_is_a_whole_word_and_the_longest_name_there(site):
    """Not inside a longer word (letters, digits and the underscore join words, in any
    script); where a name and its alias start at one place, the whole name is the mention."""
    root = site({
        "content/people/ada-lovelace.yaml": "name: Ada Lovelace\naliases: [Ada, Lovelacé]\n",
        "content/articles/a/index.md": article(
            "A", "Adam, Ada_1, Ada2, éAda and Lovelacéa spoke. (Ada Lovelace) arrived; Ada left.",
            people="[Ada Lovelace]"),
    })
    assert build(root).exit_code == 0
    body = page(root / "public", "articles/a/").select_one(".article-body")
    assert [a.get_text() for a in body.select("a.mention-person")] == ["Ada Lovelace"]
    assert body.get_text().strip().startswith("Adam, Ada_1, Ada2, éAda and Lovelacéa spoke. (Ada Lovelace) arrived")


BAD_MARKUP = [
    ("unclosed note", "Fine.\n\nText {>>never closed.", "index.md:7: unclosed CriticMarkup note '{>>'"),
    ("unclosed correction", "Text {~~a~>b and more", "index.md:5: unclosed CriticMarkup correction"),
    ("quote by unknown person", "Line one\n[“Hi”]{.quote by=ada-lovelase} said she.",
     "index.md:6: quote by 'ada-lovelase': no such person (did you mean 'ada-lovelace'?)"),
    ("rating outside the set", "[Claim]{.claim rating=pants-on-fire}{>>no<<}", "index.md:5: claim rating 'pants-on-fire' is not one of"),
    ("claim without a rating", "[Claim]{.claim}{>>no<<}",
     "index.md:5: claim without a rating (add rating=, one of true, mostly-true, half-true, mostly-false, false, "
     "misleading, unverifiable)"),
    ("unknown person mention", "[X]{person=nobody}", "index.md:5: mention of person 'nobody': no such person"),
    # A span the span rule cannot read would be published as typed: an error, never a silent pass.
    ("span without its ']'", "Fine.\n\n[the vote{.quote by=nobody} came", "index.md:7: malformed span: '{.quote by=nobody}'"),
    ("span with an unclosed brace", "[Ada]{.quote by=ada-lovelace said", "index.md:5: malformed span: '{.quote by=ada-lovelace said'"),
    ("space before the brace", "[Ada] {person=ada-lovelace}", "index.md:5: malformed span: '{person=ada-lovelace}'"),
    ("key without a value", "[Ada]{person=}", "index.md:5: malformed span: '{person=}'"),
    # (in an inline footnote, read at the line that has it: its marks were once not read at all)
    ("rating outside the set in an inline footnote", "Fine.\n\nText^[as [c]{.claim rating=bogus}{>>no<<}] here.",
     "index.md:7: claim rating 'bogus' is not one of"),
    ("unknown person in an inline footnote", "Text^[see [X]{person=nobody}].",
     "index.md:5: mention of person 'nobody': no such person"),
]


@pytest.mark.parametrize("name,body,message", BAD_MARKUP, ids=[b[0] for b in BAD_MARKUP])
def test_bad_markup_is_an_error_with_file_and_line(site, name, body, message):
    root = site({
        "content/people/ada-lovelace.yaml": "name: Ada Lovelace\n",
        "content/articles/a/index.md": "---\ntitle: A\ndate: 2016\n---\n" + body + "\n",
    })
    result = build(root)
    assert result.exit_code == 1
    assert message in result.stderr, result.stderr


def test_a_span_attribute_sitegen_does_not_read_is_a_warning_and_escaped_braces_are_text(site):
    root = site({
        "content/people/ada-lovelace.yaml": "name: Ada Lovelace\n",
        "content/articles/a/index.md": "---\ntitle: A\n---\n[Ada]{persn=ada-lovelace} spoke.\n\n"
                                       "The form reads \\{person=x} as typed.\n",
    })
    result = build(root)
    assert result.exit_code == 0, result.output
    assert ("index.md:4: warning: span attribute 'persn' is not one sitegen reads (person, topic, by, rating, lang, id, "
            "class): left out of the page (did you mean 'person'?)") in result.stderr
    body = page(root / "public", "articles/a/").select_one(".article-body")
    assert not body.select("a.mention-person") and body.find("span", string="Ada")
    assert "The form reads {person=x} as typed." in body.get_text()


def test_marks_in_an_inline_footnote_are_read_as_the_paragraphs(site):
    """A quote, a claim and a mention inside ^[...]: rendered as marks and listed, in the order
    of reading (the footnote where it is referred to, before a later paragraph's marks)."""
    root = site({
        "content/people/ada-lovelace.yaml": "name: Ada Lovelace\n",
        "content/articles/a/index.md": article(
            "A", "Text^[She wrote [“the engine weaves”]{.quote by=ada-lovelace} and [it had 3 wheels]{.claim rating=false}"
                 "{>>It had more.<<} with [Ada]{person=ada-lovelace}.] here.\n\nLater [“again”]{.quote by=ada-lovelace}.",
            date="1843", people="[Ada Lovelace]"),
    })
    assert build(root).exit_code == 0
    body = page(root / "public", "articles/a/").select_one(".article-body")
    # (the footnote is shown at the end of the body; its quote was read first, where it is referred to)
    assert {q["id"]: q.get_text() for q in body.select(".quote")} == {"quote-1": "“the engine weaves”",
                                                                     "quote-2": "“again”"}
    assert body.select_one(".claim")["id"] == "claim-1" and body.select_one(".claim + .rating-badge").find(string=True, recursive=False) == "False"
    assert body.select_one(".footnotes a.mention-person")["href"] == "/people/ada-lovelace/"
    person = page(root / "public", "people/ada-lovelace/")
    assert sorted(q.select_one("blockquote").get_text(strip=True) for q in person.select("figure.quote-item")) == [
        "“again”", "“the engine weaves”"]


def test_a_footnote_nothing_refers_to_lists_nothing_and_is_warned_about(site, monkeypatch):
    """The page leaves out a footnote nothing refers to: its quote was listed on the person's
    page, linking to an anchor the article did not have."""
    root = site({
        "content/people/ada-lovelace.yaml": "name: Ada Lovelace\n",
        "content/articles/a/index.md": article(
            "A", "Text.[^1]\n\n[^1]: Shown, [“the engine weaves”]{.quote by=ada-lovelace}.\n\n"
                 "[^9]: Never referred to, [“a second quote”]{.quote by=ada-lovelace}.", date="1843"),
    })
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 0
    assert "content/articles/a/index.md:9: warning: footnote [^9] is never referred to: the page leaves it out" \
        in result.stderr
    person = page(root / "public", "people/ada-lovelace/")
    links = [a["href"] for a in person.select("figure.quote-item a[href*='#quote-']")]
    assert links == ["/articles/a/#quote-1"]
    assert page(root / "public", "articles/a/").select_one("#quote-1").get_text() == "“the engine weaves”"


def test_an_inline_footnote_is_in_the_articles_language_and_keeps_the_lines_after_it(site):
    """Shown at the end of the body, a footnote referred to from inside a note or a span of
    another language is in the article's language; a mark after a footnote of several lines
    is at its own line (its error names it, and lists keep the reading order)."""
    root = site({
        "content/people/ada-lovelace.yaml": "name: Ada Lovelace\n",
        "content/articles/a/index.md": article(
            "A", "Deutsch{>>archive note^[fn [“zitat”]{.quote by=ada-lovelace}]<<} Text.\n\n"
                 "A^[x\ny\nz [c1]{.claim rating=true}{>>e<<}] b\n[c2]{.claim rating=false}{>>e<<} end.",
            date="1843", language="de", people="[Ada Lovelace]"),
    })
    assert build(root).exit_code == 0
    body = page(root / "public", "articles/a/").select_one(".article-body")
    quote_by = body.select_one(".footnotes .quote-by")
    assert quote_by["lang"] == "en"  # (the archive's words, in the German body)
    person = page(root / "public", "people/ada-lovelace/")
    assert person.select_one("figure.quote-item blockquote")["lang"] == "de"
    claims = [a["href"].rpartition("#")[2] for a in page(root / "public", "annotations/").select(".annotation-head a")]
    assert claims.index("claim-1") < claims.index("claim-2")
    (root / "content/articles/a/index.md").write_text(
        (root / "content/articles/a/index.md").read_text().replace("[c2]{.claim rating=false}", "[c2]{.claim rating=bogus}"))
    result = build(root)
    assert result.exit_code == 1 and "index.md:12: claim rating 'bogus' is not one of" in result.stderr


def test_who_is_quoted_is_set_off_from_the_quote_in_the_pages_text(site):
    """Read as text (a search result's excerpt, a feed reader without the site's style), the
    quote's closing mark and the name after it were one word: "ici »Jean-Baptiste Rouvière".
    Set off as an aside there; the separator is out of sight and out of the link's name."""
    root = site({
        "content/people/jb-rouviere.yaml": "name: Jean-Baptiste Rouvière\n",
        "content/articles/a/index.md": article(
            "Quai", "Il a dit [« nous restons ici »]{.quote by=jb-rouviere} hier soir.", date="2020", language="fr"),
    })
    assert build(root).exit_code == 0
    body = page(root / "public", "articles/a/").select_one(".article-body")
    assert " ".join(body.get_text().split()) == "Il a dit « nous restons ici » (quote by Jean-Baptiste Rouvière) hier soir."
    credit = body.select_one(".quote + a.quote-by")
    asides = [s for s in credit.select("span") if "quote by" not in s.get_text()]
    assert [s.get_text() for s in asides] == [" (", ")"]
    assert all(s["class"] == ["visually-hidden"] and s["aria-hidden"] == "true" for s in asides)
    for hidden in credit.select(".visually-hidden"):
        hidden.decompose()
    assert credit.get_text() == "Jean-Baptiste Rouvière"  # (what a reader of the page sees)


def test_a_fact_checks_rating_is_set_off_from_the_claim_in_the_pages_text(site):
    """Read as text, the claim's last word and the rating badge after it were one word ("le
    maire a mentiFalse selon nous"); set off as an aside there, out of sight and of the link's name."""
    root = site({"content/articles/a/index.md": article(
        "Quai", "Selon lui, [le maire a menti]{.claim rating=false} selon nous.", date="2020", language="fr")})
    assert build(root).exit_code == 0
    body = page(root / "public", "articles/a/").select_one(".article-body")
    assert " ".join(body.get_text().split()) == "Selon lui, le maire a menti (False) selon nous."
    badge = body.select_one(".claim + a.rating-badge")
    asides = badge.select("span")
    assert [s.get_text() for s in asides] == [" (", ")"]
    assert all(s["class"] == ["visually-hidden"] and s["aria-hidden"] == "true" for s in asides)
    for hidden in asides:
        hidden.decompose()
    assert badge.get_text() == "False"  # (what a reader of the page sees, and the link's name)
