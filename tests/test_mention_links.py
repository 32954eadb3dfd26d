"""A mention is a link: what inside it is a link or a control of its own (a note's number and
checkbox, a link, a footnote's reference, a quote's "quote by", a claim's rating, another
mention) is taken out of it, and the mention's words around it are linked each on their own.
HTML has no link inside a link: browsers close the first at the second, and the validator
refuses it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import article, build, page, write_files
from sitegen.check_html import validate_html
from sitegen.diagnostics import Diagnostics
from sitegen.markup import BodyContext, create_markdown

MD = create_markdown()
CONTEXT = BodyContext(person_url="/people/{}/".format, topic_url="/topics/{}/".format,
                      person_names={"ada": "Ada Lovelace", "bo": "Bo"}, topic_names={"maths": "Maths"},
                      auto_link_names=(("Ada Lovelace", "ada"),))

# What a link cannot hold, in HTML's content model: interactive content.
INTERACTIVE = ("a", "label", "input", "button", "details", "select", "textarea")


def nested_interactive(html: str) -> list[str]:
    """Each interactive element inside a mention's link, as written (html.parser keeps the
    nesting). (Not inside a Markdown link: a footnote's reference in a link's text, "[^[x]](…)",
    is markdown-it's own.)"""
    doc = BeautifulSoup(html, "html.parser")
    return [f"{inner.name} in a" for link in doc.select("a.mention") for inner in link.find_all(INTERACTIVE)]


def render(text: str) -> str:
    return MD.render(text, {"sitegen": CONTEXT})


def test_a_note_in_a_mention_is_taken_out_of_its_link():
    html = render("[Professor {==Lovelace==}{>>A mathematician.<<} of London]{person=ada} spoke.")
    assert nested_interactive(html) == []
    doc = BeautifulSoup(html, "html.parser")
    links = doc.select("a.mention-person")
    assert [(a.get_text(), a["href"]) for a in links] == [("Professor Lovelace", "/people/ada/"), (" of London", "/people/ada/")]
    assert doc.select_one("mark").find_parent("a") is links[0]  # the words the note marks stay linked
    assert doc.select_one(".sidenote").get_text() == "A mathematician." and doc.select_one(".sidenote").find_parent("a") is None
    assert doc.select_one("label.sidenote-number")["for"] == doc.select_one("input.margin-toggle")["id"]


def test_links_quotes_claims_footnotes_and_mentions_in_a_mention_keep_their_own_links():
    html = render("[See [her notes](https://example.org) and [“Poetical science”]{.quote by=ada}, "
                  "[counted 3]{.claim rating=false}{>>Two.<<}, [Bo]{person=bo} and a note^[Footnote.]]{person=ada}.")
    assert nested_interactive(html) == []
    doc = BeautifulSoup(html, "html.parser")
    assert doc.select_one('a[href="https://example.org"]').get_text() == "her notes"
    assert doc.select_one(".quote-by")["href"] == "/people/ada/" and doc.select_one(".rating-badge")
    assert doc.select_one('a.mention-person[href="/people/bo/"]').get_text() == "Bo"
    assert [a.get_text() for a in doc.select('a.mention-person[href="/people/ada/"]')] == [
        "See ", " and ", ", ", ", ", " and a note"]


def test_a_mention_with_nothing_of_the_kind_is_one_link_as_before():
    html = render("[Ada *Lovelace* `x`]{person=ada} and [maths]{topic=maths}.")
    doc = BeautifulSoup(html, "html.parser")
    assert [a.get_text() for a in doc.find_all("a")] == ["Ada Lovelace x", "maths"]


PIECES = ["Ada", " ", "[", "**", "]{person=ada}", "]{person=bo}", "]{topic=maths}", "]{.quote by=bo}", "]{.quote}",
          "]{.claim rating=true}", "](https://x.org)", "{>>", "<<}", "{==", "==}", "{++", "++}", "{~~a~>b~~}",
          "^[", "*", "`", "\n", "<https://y.org>", "word", " Lovelace"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=24).map("".join))
def test_no_mark_inside_a_mention_makes_a_link_or_control_inside_a_link(text):
    html = render(text)
    assert nested_interactive(html) == []
    assert empty_mentions(html) == []


def empty_mentions(html: str) -> list[str]:
    """Mention links with no words (nothing for a screen reader to say of them)."""
    doc = BeautifulSoup(html, "html.parser")
    return [str(a) for a in doc.select("a.mention") if not a.get_text(strip=True) and not a.find("img")]


def test_a_mention_whose_words_are_all_inside_a_link_makes_no_empty_link():
    """(The words are inside the emphasis that holds the link: taken out with it, none are left.)"""
    html = render("[**Mayor [Maria Okafor](https://e.com)**]{person=ada} spoke.")
    assert empty_mentions(html) == [] and nested_interactive(html) == []
    assert BeautifulSoup(html, "html.parser").select_one('a[href="https://e.com"]').get_text() == "Maria Okafor"


def test_a_page_with_marks_inside_mentions_is_valid_and_lists_the_mention(tmp_path):
    root = write_files(tmp_path, {
        "sitegen.yaml": "title: Mentions\n",
        "content/people/ada-lovelace.yaml": "name: Ada Lovelace\n",
        "content/articles/a/index.md": article(
            "A", "[Professor {==Lovelace==}{>>A mathematician.<<}]{person=ada-lovelace} wrote "
                 "[[notes](https://example.org) on the engine]{person=ada-lovelace}.", date="2020-01-01"),
    })
    assert build(root).exit_code == 0
    out = root / "public"
    body = page(out, "articles/a/").select_one(".article-body")
    assert nested_interactive(str(body)) == []
    diags = Diagnostics()
    assert validate_html([out / "articles/a/index.html"], diags) == 1 and not diags.items, diags.items
    assert [a.get_text() for a in page(out, "people/ada-lovelace/").select(".article-item-title a")] == ["A"]


def test_a_mention_without_words_is_no_link_and_a_warning():
    env = {"sitegen": CONTEXT}
    html = MD.render("Text []{person=ada} and [ ]{topic=maths}.", env)
    assert BeautifulSoup(html, "html.parser").select("a") == []
    assert env["body_warnings"] == [(0, "a mention of person 'ada' has no words: not linked"),
                                    (0, "a mention of topic 'maths' has no words: not linked")]


@pytest.mark.parametrize("text, warning", [
    ("[\u200b]{person=ada}", "a mention of person 'ada' has no words: not linked"),
    ("[{>>A note.<<}]{person=ada}",
     "a mention of person 'ada' has no words of its own outside the link or note it holds: not linked"),
    ("[[her notes](https://example.org)]{person=ada}",
     "a mention of person 'ada' has no words of its own outside the link or note it holds: not linked"),
])
def test_a_mention_with_no_words_of_its_own_to_link_says_so(text, warning):
    env = {"sitegen": CONTEXT}
    html = MD.render(text, env)
    assert BeautifulSoup(html, "html.parser").select("a.mention") == []
    assert env["body_warnings"] == [(0, warning)]


@pytest.mark.parametrize("text, lines", [
    ("See [the report by [Ada]{person=ada} here](https://example.org/r).", [0]),
    ("See [a [Schadenfreude]{lang=de}\nlink](https://example.org/r) and [another [x]{lang=fr}](https://example.org/s).",
     [0, 1]),
    ("One line.\nSee [[Ada]{person=ada}](https://example.org/r).", [1]),
    ("See [the report by [Ada]{person=ada}][r].\n\n[r]: https://example.org/r", [0]),
    ("See [the report by [Ada]{person=ada}][].\n\n[the report by [Ada]{person=ada}]: https://example.org/r", [0]),
])
def test_a_span_in_a_links_text_keeps_the_link_from_being_made_and_says_so(text, lines):
    """markdown-it makes no link whose text holds a bracketed token (a link inside a link is
    not HTML): the page showed the brackets and the address as text, without a word."""
    env = {"sitegen": CONTEXT}
    html = MD.render(text, env)
    made = BeautifulSoup(html, "html.parser").select("a[href^='https://example.org']")
    assert not [a for a in made if "report" in a.get_text() or "link" in a.get_text()]  # ("[r]" alone is one)
    assert env["body_warnings"] == [(line, "a link's text holds a span ([…]{…}), and a link cannot: it is not made, "
                                           "and the page shows the link's Markdown as text; keep the span out "
                                           "of the link's text") for line in lines]


@pytest.mark.parametrize("text", [
    "[Ada]{person=ada} wrote [the report](https://example.org/r).",
    "A [bracket] then [Ada]{person=ada} and text](not a link).",
    "[[the report](https://example.org/r)]{lang=en} and [Ada]{person=ada}.",
    "`[x [y]{lang=fr}](z)` in code, and [Ada]{person=ada}.",
])
def test_spans_beside_links_or_brackets_are_no_warning(text):
    env = {"sitegen": CONTEXT}
    MD.render(text, env)
    assert not env.get("body_warnings")
