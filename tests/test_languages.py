"""An article in another language than the site's: its own words say so in their lang, what
the archive adds to it says the site's, and its structured data, citation and feed entries
name its language. Bad language tags are located errors."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from conftest import article, build, page, run_sitegen, soup, write_files
from sitegen.languages import EXPECTED, normal_tag, not_a_tag

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ATOM = "{http://www.w3.org/2005/Atom}"

SITE = {
    "sitegen.yaml": "title: Archive\nlanguage: en-gb\npagination: 1\n",
    "content/people/jean-dupont.yaml": "name: Jean Dupont\n",
    "content/topics/budget.yaml": "name: Budget\n",
    "content/articles/budget-fr/index.md": article(
        "Le conseil vote le budget",
        "Le conseil a voté le budget.{>>The vote was on Tuesday.<<}\n\n"
        "[« Le budget est équilibré »]{.quote by=jean-dupont}, a dit Jean Dupont.\n\n"
        "[La ville a dépensé 3 millions]{.claim rating=false}{>>The accounts show 2 million.<<}\n\n"
        "Il a dit {~~trois~>deux~~} fois non.",
        date="2024-03-02", language="fr", summary="Le conseil municipal a voté.", people="[{name: Jean Dupont, role: maire}]",
        topics="[budget]"),
    "content/articles/budget-fr/comments.yaml": "comments:\n  - id: c1\n    author: Lucie\n    text: Enfin un budget clair.\n",
    "content/articles/budget-en/comments.yaml": "comments:\n  - id: c1\n    author: Lucy\n    text: At last.\n",
    "content/articles/budget-en/index.md": article(
        "Council votes on the budget", "The council voted.{>>A note.<<}\n\n[A claim]{.claim rating=true}{>>Yes.<<}",
        date="2024-03-01", summary="The council voted.", topics="[budget]"),
    # The site's language, given as an article's own in another case: no more than the site's.
    "content/articles/same/index.md": article("Same language", "Text.{>>A note.<<}", date="2024-02-01",
                                              language="EN-GB", topics="[budget]"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = write_files(tmp_path_factory.mktemp("languages") / "site", SITE)
    result = build(root)
    assert result.exit_code == 0, result.output
    return root / "public"


def langs(element) -> list[tuple[str, str]]:
    """(tag name, lang) of every element below ``element`` that says its language."""
    return [(el.name, el["lang"]) for el in element.select("[lang]")]


def test_the_page_is_in_the_sites_language_and_the_articles_own_words_in_theirs(built):
    doc = page(built, "articles/budget-fr/")
    assert doc.html["lang"] == "en-GB"  # (the labels, menus and search are the site's)
    assert doc.select_one("h1#article-title")["lang"] == "fr"
    body = doc.select_one(".article-body")
    assert body["lang"] == "fr"
    # What the archive added to the body is in the site's language, inside the French body.
    notes = body.select(".sidenote")
    assert [n.get_text() for n in notes] == ["The vote was on Tuesday.", "The accounts show 2 million."]
    assert {n["lang"] for n in notes} == {"en-GB"}
    assert body.select_one(".rating-badge")["lang"] == "en-GB"
    assert body.select_one(".quote-by")["lang"] == "en-GB"
    # The quote and the claim are the article's words: no lang of their own.
    assert not body.select_one(".quote").has_attr("lang") and not body.select_one(".claim").has_attr("lang")


def test_reader_comments_on_an_article_in_another_language_say_its_language(built):
    """Readers most likely wrote in the article's language; the section's own words (its
    heading, the count) are the site's."""
    section = page(built, "articles/budget-fr/").select_one("section.comments")
    assert section.h2.find_parent(attrs={"lang": True}).name == "html"
    text = section.select_one(".comment-text")
    assert text.get_text(strip=True) == "Enfin un budget clair." and text["lang"] == "fr"
    # (who wrote it and when is the site's words: "Comment by …", "Anonymous")
    assert [el for el in section.select("[lang]") if el is not text] == []
    english = page(built, "articles/budget-en/").select_one("section.comments")
    assert langs(english) == []


def test_the_articles_roles_and_its_title_in_its_citation_say_its_language(built):
    doc = page(built, "articles/budget-fr/")
    assert [(r.get_text(), r["lang"]) for r in doc.select(".chips .role")] == [("maire", "fr")]
    citation = doc.select_one("p.citation")
    assert [(s.get_text(), s["lang"]) for s in citation.select("[lang]")] == [("Le conseil vote le budget.", "fr")]
    roles = page(built, "people/jean-dupont/").select_one("ul.roles li")
    assert roles.select_one("span[lang]").get_text() == "maire" and roles.select_one("span[lang]")["lang"] == "fr"
    assert page(built, "articles/budget-en/").select_one("p.citation [lang]") is None


def test_an_article_in_the_sites_language_says_nothing_more(built):
    for url in ("articles/budget-en/", "articles/same/"):
        doc = page(built, url)
        header, body = doc.select_one(".article-header"), doc.select_one(".article-body")
        assert langs(header) == langs(body) == [] and not body.has_attr("lang"), url


def test_neighbours_titles_in_another_language_say_so(built):
    nav = page(built, "articles/budget-en/").select_one("nav.prev-next")
    newer = nav.select_one('a[rel="next"]')
    assert newer.select_one("span[lang]").get_text() == "Le conseil vote le budget"
    assert newer.select_one("span[lang]")["lang"] == "fr"


def test_lists_say_the_language_of_an_articles_title_summary_and_claims(built):
    items = {}
    for path in sorted(built.glob("topics/budget/**/index.html")):
        for item in soup(path).select("li.article-item"):
            items[item.select_one(".article-item-title a").get_text()] = item
    assert set(items) == {"Le conseil vote le budget", "Council votes on the budget", "Same language"}
    french = items["Le conseil vote le budget"]
    assert langs(french) == [("a", "fr"), ("p", "fr")]
    assert french.select_one("p[lang]")["class"] == ["summary"]
    assert langs(items["Council votes on the budget"]) == [] and langs(items["Same language"]) == []
    # The fact-checks on the topic's list quote the claim in its language.
    claims = {}
    for path in sorted(built.glob("topics/budget/**/index.html")):
        for q in soup(path).select(".annotation-head q"):
            claims[q.get_text()] = q.get("lang")
    assert claims == {"La ville a dépensé 3 millions": "fr", "A claim": None}


def test_a_persons_quotes_say_their_language(built):
    quote = page(built, "people/jean-dupont/").select_one("figure.quote-item")
    assert quote.select_one("blockquote")["lang"] == "fr"
    assert quote.select_one("figcaption a")["lang"] == "fr"


def test_structured_data_and_citations_name_the_articles_language(built):
    # (a claim says its language only when it is not the site's)
    for slug, language, claims in (("budget-fr", "fr", ["fr"]), ("budget-en", "en-GB", [None]), ("same", "en-GB", [])):
        doc = page(built, f"articles/{slug}/")
        graph = json.loads(doc.select_one('script[type="application/ld+json"]').string)["@graph"]
        assert graph[0]["inLanguage"] == language, slug
        assert [item["itemReviewed"].get("inLanguage") for item in graph[1:]] == claims, slug
        assert json.loads((built / f"articles/{slug}/cite.json").read_text())[0]["language"] == language, slug


def test_feed_entries_in_another_language_say_so(built):
    feed = ET.parse(built / "feed.xml").getroot()
    assert feed.get(XML_LANG) == "en-GB"
    entries = {e.find(f"{ATOM}title").text: e.get(XML_LANG) for e in feed.iter(f"{ATOM}entry")}
    assert entries == {"Le conseil vote le budget": "fr", "Council votes on the budget": None, "Same language": None}


@pytest.mark.parametrize("given, tag", [("fr", "fr"), ("FR", "fr"), ("pt-br", "pt-BR"), ("pt_BR", "pt-BR"),
                                        ("zh-hant-tw", "zh-Hant-TW"), ("es-419", "es-419"), ("de-ch-1996", "de-CH-1996"),
                                        ("haw", "haw"), ("yue", "yue"), ("tl", "tl"), ("sr-latn", "sr-Latn"),
                                        ("zh-Hans", "zh-Hans"), ("und", "und"), ("no", "no"), ("en-us", "en-US"),
                                        ("zh-latn-pinyin", "zh-Latn-pinyin"), ("sl-rozaj-biske", "sl-rozaj-biske")])
def test_language_tags_are_written_as_usual_and_never_rewritten(given, tag):
    assert normal_tag(given) == tag


@pytest.mark.parametrize("given, why", [
    ("french", "expected one like 'fr', 'de' or 'pt-BR'"), ("en-", None), ("en_GB_", None), ("<script>", None),
    ("en gb", None), ("12", None), ("f", None),
    # (private use and extensions: no browser or screen reader acts on them, the validator refuses most)
    ("x-klingon", None), ("i-default", None), ("en-a-bbb", None), ("en-US-u-ca-gregory", None),
    ("jp", "'jp' is a country's code: did you mean 'ja'?"), ("cz", "'cz' is a country's code: did you mean 'cs'?"),
    ("xx", "no language in the IANA subtag registry has the code 'xx'"), ("iw", "'iw' is no longer used: write 'he'"),
    ("xyz", "no language in the IANA subtag registry has the code 'xyz'"),
    ("en-EN", "no region in the registry has the code 'EN'"), ("en-999", "no region in the registry has the code '999'"),
    ("en-Abcd", "no script in the registry has the code 'Abcd'"),
    ("en-Latn", "'en' is written in the script 'Latn' anyway: leave it out"),
    ("en-aaaaaaaa", "no variant in the registry is 'aaaaaaaa'"), ("zh-yue", "'zh-yue' is written 'yue'"),
    # (a variant registered for other languages: the validator refuses it)
    ("de-DE-boont", "the variant 'boont' is for 'en'"), ("en-1996", "the variant '1996' is for 'de'"),
    ("zh-Hans-CN-pinyin", "the variant 'pinyin' is for 'zh-Latn' or 'bo-Latn'"),
    ("es-４１９", None), ("haſ", None),  # (ASCII only: other digits and letters are no tag's)
    ("eng", "the language 'eng' is written 'en' in a tag"), ("fre", "the language 'fre' is written 'fr' in a tag"),
    ("en-UK", "'UK' is no region's code: the United Kingdom's is 'GB'"),
])
def test_what_is_no_language_tag_is_told_why(given, why):
    assert normal_tag(given) is None
    assert not_a_tag(given) == f"'{given}' is not a language tag ({why or EXPECTED})"


def test_a_very_long_tag_is_none_and_is_shown_cut():
    tag = "en-" + "-".join(["abcde"] * 1000)
    assert normal_tag(tag) is None
    assert not_a_tag(tag) == f"'{tag[:39]}…' is not a language tag ({EXPECTED})"


def test_a_bad_language_in_front_matter_is_a_located_error(tmp_path):
    root = write_files(tmp_path / "site", {
        "content/articles/a/index.md": "---\ntitle: A\ndate: 2024-01-01\nlanguage: french\n---\nText.\n"})
    result = build(root)
    assert result.exit_code != 0
    assert ("content/articles/a/index.md:4: language: 'french' is not a language tag (expected one like 'fr', "
            "'de' or 'pt-BR')") in result.output.replace(str(root) + "/", "")
    assert not (root / "public").exists()


def test_a_countrys_code_for_a_language_is_told_the_languages(tmp_path):
    root = write_files(tmp_path / "site", {"content/articles/a/index.md": article("A", language="jp")})
    result = build(root)
    assert result.exit_code != 0
    assert ("content/articles/a/index.md:3: language: 'jp' is not a language tag ('jp' is a country's code: did you "
            "mean 'ja'?)") in result.output.replace(str(root) + "/", "")


def test_a_bad_site_language_is_a_located_error(tmp_path):
    root = write_files(tmp_path / "site", {"sitegen.yaml": "title: A\nlanguage: English\n",
                                           "content/articles/a/index.md": article("A")})
    result = build(root)
    assert result.exit_code != 0
    assert "sitegen.yaml:2: language: 'English' is not a language tag" in result.output.replace(str(root) + "/", "")


def test_the_site_language_is_written_as_usual(tmp_path):
    root = write_files(tmp_path / "site", {"sitegen.yaml": "language: pt_br\n",
                                           "content/articles/a/index.md": article("A", language="pt-BR")})
    assert build(root).exit_code == 0
    doc = page(root / "public", "articles/a/")
    assert doc.html["lang"] == "pt-BR"
    assert langs(doc.select_one("main")) == []


def test_the_pages_of_a_site_in_two_languages_are_valid_html(built):
    """The W3C validator checks every lang value against the language subtag registry."""
    result = run_sitegen("check", "--source", str(built.parent))
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output and " 0 HTML files validated" not in result.output


@pytest.mark.parametrize("file", ["sitegen.yaml", "content/articles/a/index.md"])
def test_norwegian_unquoted_which_yaml_reads_as_false_is_told_to_be_quoted(tmp_path, file):
    files = {"content/articles/a/index.md": article("A", date="2024-01-01")}
    if file == "sitegen.yaml":
        files["sitegen.yaml"] = "title: A\nlanguage: no\n"
        line = 2
    else:
        files[file] = article("A", date="2024-01-01", language="no")
        line = 4
    root = write_files(tmp_path / "site", files)
    result = build(root)
    assert result.exit_code != 0
    assert (f"{file}:{line}: language: YAML reads this as true or false, not a language tag: put the tag in quotes, "
            "as in language: 'no'") in result.output.replace(str(root) + "/", "")
    (root / file).write_text((root / file).read_text().replace("language: no", "language: 'no'"))
    assert build(root).exit_code == 0


def test_words_in_another_language_say_so_in_the_body_and_in_lists(tmp_path):
    """A span's own lang: in the body as given; in lists, when it is not the site's."""
    root = write_files(tmp_path / "site", {
        "sitegen.yaml": "language: en\n",
        "content/people/jean-dupont.yaml": "name: Jean Dupont\n",
        "content/topics/budget.yaml": "name: Budget\n",
        "content/articles/fr/index.md": article(
            "Le budget",
            "Le consultant a dit : [“We will deliver on time”]{.quote by=jean-dupont lang=en}. "
            "[Le budget est équilibré]{.quote by=jean-dupont}. C'est de la [Schadenfreude]{lang=de}, "
            "dit [Jean Dupont]{person=jean-dupont lang=fr}.\n\n"
            "[The city spent 3 million]{.claim rating=false lang=EN}{>>The accounts say 2.<<}",
            date="2024-03-02", language="fr", people="[Jean Dupont]", topics="[budget]"),
        "content/articles/en/index.md": article(
            "The budget", "The mayor called it [un budget équilibré]{.quote by=jean-dupont lang=fr}.",
            date="2024-03-01", people="[Jean Dupont]", topics="[budget]"),
    })
    assert build(root).exit_code == 0
    body = page(root / "public", "articles/fr/").select_one(".article-body")
    assert body["lang"] == "fr"
    own = {el.get_text(): el["lang"] for el in body.select("[lang]") if "sidenote" not in el.get("class", [])
           and "quote-by" not in el.get("class", []) and "rating-badge" not in el.get("class", [])}
    assert own == {"“We will deliver on time”": "en", "Schadenfreude": "de", "Jean Dupont": "fr",
                   "The city spent 3 million": "en"}
    assert body.select_one(".mention-person")["lang"] == "fr"
    quotes = {q.select_one("blockquote").get_text(strip=True): q.select_one("blockquote").get("lang")
              for q in page(root / "public", "people/jean-dupont/").select("figure.quote-item")}
    # (on an English site's page, the English quote of the French article says nothing more)
    assert quotes == {"“We will deliver on time”": None, "Le budget est équilibré": "fr", "un budget équilibré": "fr"}
    claims = {q.get_text(): q.get("lang") for q in page(root / "public", "topics/budget/").select(".annotation-head q")}
    assert claims == {"The city spent 3 million": None}


def test_a_span_lang_that_is_no_language_tag_is_a_located_error(tmp_path):
    root = write_files(tmp_path / "site", {"content/articles/a/index.md": "---\ntitle: A\n---\nText.\n\n"
                                                                          "Some [words]{lang=german} here.\n"})
    result = build(root)
    assert result.exit_code != 0
    assert ("content/articles/a/index.md:6: span lang 'german' is not a language tag (expected one like 'fr', 'de' "
            "or 'pt-BR')") in result.output.replace(str(root) + "/", "")


def test_a_lang_in_braces_that_is_not_a_span_is_a_located_error(tmp_path):
    """(it would be shown as typed)"""
    root = write_files(tmp_path / "site", {"content/articles/a/index.md": "---\ntitle: A\n---\nSome words {lang=de} here.\n"})
    result = build(root)
    assert result.exit_code != 0
    assert "content/articles/a/index.md:4: malformed span: '{lang=de}'" in result.output.replace(str(root) + "/", "")


# The macros of _macros.html as of 2026-12-02 (docs/themes.md): a site keeps its own copy of the
# file, and the default theme's other templates must not ask it for one it does not have.
MACROS_SINCE_2026_12_02 = {"all_link", "annotation_groups", "annotation_item", "article_item", "articles_by_year",
                           "comment_thread", "correction", "count_of", "date_of", "pager", "quote_item", "quote_list",
                           "rating_badge", "timeline"}


def test_the_default_templates_ask_a_sites_older_macros_file_for_nothing_it_lacks():
    from sitegen.render.theme import default_theme_dir

    imported = set()
    for template in (default_theme_dir() / "templates").rglob("*.html"):
        for names in re.findall(r'{%-?\s*from\s+"_macros.html"\s+import\s+([^%]+?)\s*-?%}', template.read_text()):
            imported.update(name.strip() for name in names.split(","))
    assert imported and imported <= MACROS_SINCE_2026_12_02, imported - MACROS_SINCE_2026_12_02


def test_a_site_with_its_own_older_macros_file_builds(tmp_path):
    """Its lists show every article as in the site's language; the default article page still
    marks the article's own words."""
    from sitegen.render.theme import default_theme_dir

    macros = (default_theme_dir() / "templates" / "_macros.html").read_text()
    older = re.sub(r"\{% set lang = [^%]*%\}|\{\{ lang_of\([^}]*\}\}|\{\{ lang \}\}", "", macros)
    for words in ("a.note", "a.text"):
        older = older.replace(f"{{% if lang %}}{{{{ own_words({words}, lang) }}}}{{% else %}}{{{{ {words} }}}}{{% endif %}}",
                              f"{{{{ {words} }}}}")
    older = older.replace(", lang=''", "").replace(", lang)", ")").replace(", article=none", "")
    older = older.replace("annotation_item(a, url, article)", "annotation_item(a, url)")
    assert "lang" not in older.replace("language", "")
    files = dict(SITE, **{"themes/default/templates/_macros.html": older})
    root = write_files(tmp_path / "site", files)
    result = build(root)
    assert result.exit_code == 0, result.output
    assert page(root / "public", "articles/budget-fr/").select_one(".article-body")["lang"] == "fr"


def test_what_the_archive_adds_inside_words_in_another_language_says_the_sites(tmp_path):
    """A rating, a note and who is quoted, inside a French span of an English article: the
    site's language; and the quote and claim in that span are French in the lists."""
    root = write_files(tmp_path / "site", {
        "sitegen.yaml": "language: en\n",
        "content/people/jean-dupont.yaml": "name: Jean Dupont\n",
        "content/topics/budget.yaml": "name: Budget\n",
        "content/articles/a/index.md": article(
            "Budget", "[Il a dit : [la ville a dépensé 3 millions]{.claim rating=false}{>>The accounts say 2.<<} "
                      "et puis [« nous gagnerons »]{.quote by=jean-dupont}.]{lang=fr}",
            date="2024-03-01", people="[Jean Dupont]", topics="[budget]")})
    assert build(root).exit_code == 0
    body = page(root / "public", "articles/a/").select_one(".article-body")
    french = body.select_one('span[lang="fr"]')
    assert [(el.get("class"), el["lang"]) for el in french.select("[lang]")] == [
        (["rating-badge", "rating-false"], "en"), (["sidenote"], "en"), (["quote-by"], "en")]
    assert not french.select_one(".claim").has_attr("lang") and not french.select_one(".quote").has_attr("lang")
    quote = page(root / "public", "people/jean-dupont/").select_one("figure.quote-item blockquote")
    assert quote["lang"] == "fr"
    claim = page(root / "public", "topics/budget/").select_one(".annotation-head q")
    assert claim["lang"] == "fr"
    graph = json.loads(page(root / "public", "articles/a/").select_one('script[type="application/ld+json"]').string)
    assert graph["@graph"][1]["itemReviewed"]["inLanguage"] == "fr"


def test_a_quote_in_a_note_on_an_article_in_another_language_is_in_the_sites(tmp_path):
    root = write_files(tmp_path / "site", {
        "sitegen.yaml": "language: en\n",
        "content/people/jean-dupont.yaml": "name: Jean Dupont\n",
        "content/articles/a/index.md": article(
            "Le budget", "Le conseil a voté.{>>Jean Dupont told us: [“we will appeal”]{.quote by=jean-dupont}.<<}",
            date="2024-03-01", language="fr", people="[Jean Dupont]")})
    assert build(root).exit_code == 0
    note = page(root / "public", "articles/a/").select_one(".sidenote")
    assert note["lang"] == "en" and not note.select_one(".quote-by").has_attr("lang")  # (in the English note)
    quote = page(root / "public", "people/jean-dupont/").select_one("figure.quote-item blockquote")
    assert not quote.has_attr("lang")  # English, as the site


def test_the_words_a_note_marks_and_a_correction_in_a_span_of_another_language_say_it_in_lists(tmp_path):
    root = write_files(tmp_path / "site", {
        "sitegen.yaml": "language: en\nannotation_excerpt: 10\n",
        "content/topics/budget.yaml": "name: Budget\n",
        "content/articles/a/index.md": article(
            "Budget", "He felt [{==Schadenfreude==}{>>A German word.<<}]{lang=de} and [il a {~~dit~>écrit~~} ceci]{lang=fr}.",
            date="2024-03-01", topics="[budget]"),
        "content/articles/b/index.md": article(
            "Le budget", "Il a dit [in English {==we will win==}{>>Said in English.<<} and {~~teh~>the~~} end]{lang=en}.",
            date="2024-03-02", language="fr", topics="[budget]")})
    assert build(root).exit_code == 0
    notes = {q.get_text(): q.get("lang") for q in page(root / "public", "topics/budget/").select(".annotation-head q")}
    assert notes == {"Schadenfreude": "de", "we will win": None}
    corrections = {}
    for item in page(root / "public", "annotations/").select(".annotation-head"):
        for part in item.select("del, ins"):
            words = part.select_one("span[lang]")
            corrections[part.get_text().split(": ", 1)[-1]] = words["lang"] if words else None
    assert corrections == {"dit": "fr", "écrit": "fr", "teh": None, "the": None}
