"""Names in any script get a page address: letters spelt in ASCII, none left out.

Folding accents alone (Unicode decomposition) dropped every letter that has no accent to take
off: "Łukasz Wałęsa" was filed as ``ukasz-waesa``, "Jürgen Weiß" as ``jurgen-wei``, and a name in
Cyrillic or Chinese made no address at all (the build failed on it).
"""

from __future__ import annotations

import pytest

from conftest import article, build, build_fixture_site, page, write_files
from sitegen.slugs import name_key, slugify


@pytest.mark.parametrize("name, slug", [
    ("Jessica Levinson", "jessica-levinson"),
    ("Brigid O’Donoghue", "brigid-odonoghue"),
    ("José Ñúñez", "jose-nunez"),
    ("Jürgen Weiß", "jurgen-weiss"),
    ("Łukasz Wałęsa", "lukasz-walesa"),
    ("Søren Håkansson", "soren-hakansson"),
    ("Ægir Þórsson", "aegir-thorsson"),
    ("Ahmed Đorđević", "ahmed-dordevic"),
    ("Владимир Путин", "vladimir-putin"),
    ("Ελευθέριος Βενιζέλος", "eleytherios-venizelos"),
    ("習近平", "xijinping"),
    ("e\u0301cole", "ecole"),  # an accent written as a combining mark
    ("नरेंद्र मोदी", "nremdr-modi"),  # (the vowel signs are marks, not letters: kept)
    ("Ｂｒｏｗｎ", "brown"),
])
def test_names_become_slugs_with_every_letter(name, slug):
    assert slugify(name) == slug


def test_signs_add_no_words_to_a_slug():
    """Only letters are spelt out: a title's "€" or "½" is not turned into "eur" or "1-2"."""
    assert slugify("Fares up 5% — €2 for ½ the trips") == "fares-up-5-2-for-12-the-trips"
    assert slugify("🎉 Party") == "party"


def test_latin_names_compare_without_accents_and_others_as_written():
    """Spelt in Latin letters, names of other scripts that differ may be one: 王伟 and 汪伟
    are both "wangwei"."""
    assert name_key("Jürgen Weiß") == name_key("JURGEN  WEISS")
    assert name_key("Łukasz Wałęsa") != name_key("Lukasz Walesi")
    assert name_key("王伟") != name_key("汪伟")
    assert name_key("Владимир Путин") == name_key("владимир  путин") != name_key("Vladimir Putin")
    assert name_key("Ｂｒｏｗｎ") == name_key("Brown")


FILES = {
    "sitegen.yaml": "title: Names\n",
    "content/people/lukasz-walesa.yaml": "name: Łukasz Wałęsa\n",
    "content/articles/visit/index.md": article(
        "Weiß visits the shipyard", date="2020-01-01", reporters="[Jürgen Weiß]",
        people="[Łukasz Wałęsa, Владимир Путин, 習近平, Søren Ødegaard]",
        body="[Wałęsa]{person=lukasz-walesa} spoke first. [“We will see”]{.quote by=vladimir-putin}, said Putin."),
    # (after "visit" in folder order: the first article that names an unregistered person spells
    # the name of its page)
    "content/articles/weiss-again/index.md": article(
        "Weiss again", date="2020-01-02", reporters="[Jurgen Weiss]", people="[Vladimir Putin, Lukasz Walesa]"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_fixture_site(tmp_path_factory, FILES, "name-slugs")


def test_every_name_gets_its_page_and_spellings_of_one_name_share_it(built):
    assert sorted(p.name for p in (built / "people").iterdir() if p.is_dir()) == [
        "jurgen-weiss", "lukasz-walesa", "soren-odegaard", "vladimir-putin", "xijinping"]
    for slug, name, titles in [
        ("jurgen-weiss", "Jürgen Weiß", {"Weiß visits the shipyard", "Weiss again"}),
        ("vladimir-putin", "Владимир Путин", {"Weiß visits the shipyard", "Weiss again"}),
        ("lukasz-walesa", "Łukasz Wałęsa", {"Weiß visits the shipyard", "Weiss again"}),
        ("xijinping", "習近平", {"Weiß visits the shipyard"}),
    ]:
        doc = page(built, f"people/{slug}/")
        assert doc.h1.get_text(strip=True) == name
        assert {a.get_text(strip=True) for a in doc.select(".article-item-title a")} == titles


def test_mentions_and_quotes_link_to_the_pages(built):
    body = page(built, "articles/visit/").select_one(".article-body")
    hrefs = {a["href"] for a in body.select("a[href^='/people/']")}
    assert hrefs == {"/people/lukasz-walesa/", "/people/vladimir-putin/"}
    quotes = page(built, "people/vladimir-putin/").select("blockquote, q")
    assert any("We will see" in q.get_text() for q in quotes)


def test_citation_key_spells_the_reporter_in_ascii(built):
    bib = (built / "articles/visit/cite.bib").read_text(encoding="utf-8")
    assert bib.startswith("@misc{weiss2020weiss,")
    assert "author = {Weiß, Jürgen}" in bib  # the name itself as written


def test_a_registry_file_keeps_an_old_address(tmp_path):
    """What docs/content-format.md tells an archive whose people moved with the new slugs:
    a registry file named with the old slug keeps the page there."""
    root = write_files(tmp_path, {
        "sitegen.yaml": "title: Names\n",
        "content/people/jurgen-wei.yaml": "name: Jürgen Weiß\n",
        "content/articles/a/index.md": article("A", date="2020-01-01", people="[Jürgen Weiß]"),
    })
    assert build(root).exit_code == 0
    assert [p.name for p in (root / "public/people").iterdir() if p.is_dir()] == ["jurgen-wei"]
    assert page(root / "public", "people/jurgen-wei/").h1.get_text(strip=True) == "Jürgen Weiß"


def test_people_are_filed_by_their_plain_letters_and_other_scripts_after_z(built):
    """Ødegaard among the O's and Wałęsa before Weiß, as a reader looks for them (not after Z
    by the code of "Ø"); a name in another script under its own letter, after the Latin ones."""
    doc = page(built, "people/")
    letters = [a.get_text(strip=True) for a in doc.select("a[href^='#letter-']")]
    assert letters == ["O", "W", "П", "習"]
    names = [a.get_text(strip=True) for a in doc.select("main a[href^='/people/']")]
    assert names == ["Søren Ødegaard", "Łukasz Wałęsa", "Jürgen Weiß", "Владимир Путин", "習近平"]


def test_a_name_spelt_as_in_the_front_matter_is_linked_in_the_body(tmp_path):
    """The front matter's "Jurgen Weiss" is the registry's "Jürgen Weiß": the body, which
    spells it as the front matter does, links it on its first mention as it would the
    registry's spelling."""
    root = write_files(tmp_path, {
        "sitegen.yaml": "title: Names\n",
        "content/people/jurgen-weiss.yaml": "name: Jürgen Weiß\n",
        "content/articles/a/index.md": article("A", date="2020-01-01", people="[Jurgen Weiss]",
                                               body="Jurgen Weiss reviewed it. Later Jurgen Weiss left."),
    })
    assert build(root).exit_code == 0
    links = page(root / "public", "articles/a/").select(".article-body a.mention-person")
    assert [(a.get_text(), a["href"]) for a in links] == [("Jurgen Weiss", "/people/jurgen-weiss/")]


def test_a_name_whose_address_is_that_of_another_name_of_its_script_in_the_registry_is_warned_about(tmp_path, monkeypatch):
    """Spelt in Latin letters, 王伟 and 汪伟 are both "wangwei": taken as the registry's, as any
    name that spells its address is, but said."""
    root = write_files(tmp_path, {
        "sitegen.yaml": "title: Names\n",
        "content/people/wangwei.yaml": "name: 王伟\n",
        "content/articles/a/index.md": article("A", date="2020-01-01", people="[汪伟]"),
    })
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 0
    assert ("content/articles/a/index.md:4: warning: name '汪伟' is taken as the registry's 'wangwei', whose page "
            "address it spells, though the registry names them otherwise in its script: if they are one, add '汪伟' "
            "to that entry's aliases; if not, give this one a registry file of its own") in result.stderr


def test_two_unregistered_names_of_one_address_are_warned_about_until_one_is_registered(tmp_path, monkeypatch):
    """Without a registry, 王伟 (first in folder order) and 汪伟 made one page, listing both
    people's articles as one person's, without a word. Spellings of one Latin name share it
    as before, and say nothing."""
    root = write_files(tmp_path, {
        "sitegen.yaml": "title: Names\n",
        "content/articles/a/index.md": article("A", date="2020-01-02", people="[王伟, Jürgen Weiß]"),
        "content/articles/b/index.md": article("B", date="2020-01-01", topics="[Economy]",
                                               people="\n  - name: Dana Roe\n  - name: 汪伟\n    role: analyst"),
        "content/articles/c/index.md": article("C", date="2020-01-03", people="[Jurgen Weiss, 王伟]"),
        # (spellings in Latin letters of a name in another script are that name, as with a registry;
        # a name given twice in one article is warned about once)
        "content/articles/d/index.md": article("D", date="2020-01-04", people="[Владимир Путин, 汪伟]",
                                               reporters="[汪伟]"),
        "content/articles/e/index.md": article("E", date="2020-01-05", people="[Vladimir Putin]"),
    })
    monkeypatch.chdir(root)
    warning = ("content/articles/b/index.md:7: warning: person '汪伟' is listed on the page of '王伟' (people/wangwei/, "
               "named so by an earlier article): in Latin letters both are 'wangwei'. If they are two, give this one "
               "a registry file of its own (content/people/wangwei-2.yaml, with name: 汪伟); if one, write the name alike")
    for attempt in range(2):  # (the second build takes the articles' names from the cache)
        result = build(root)
        assert result.exit_code == 0
        assert [line for line in result.stderr.splitlines() if "warning" in line] == [
            warning, warning.replace("articles/b/index.md:7", "articles/d/index.md:4")]
    write_files(root, {"content/people/wangwei-2.yaml": "name: 汪伟\n"})
    result = build(root)
    assert result.exit_code == 0 and "warning" not in result.stderr

    def articles_of(slug):
        titles = [a.get_text() for a in page(root / "public", f"/people/{slug}/").select(".article-item-title a")]
        return list(dict.fromkeys(titles))  # (D is listed as naming 汪伟 and as written by them)

    assert articles_of("wangwei") == ["C", "A"] and articles_of("wangwei-2") == ["D", "B"]
    assert articles_of("vladimir-putin") == ["E", "D"]


def test_names_written_with_or_without_optional_marks_or_in_half_width_are_one():
    assert name_key("مُحَمَّد عَبَّاس") == name_key("محمد عباس") and slugify("مُحَمَّد عَبَّاس") == slugify("محمد عباس")
    assert name_key("ﾀﾅｶ") == name_key("タナカ")
    assert name_key("राम") != name_key("रमा")  # (Indic vowel signs are part of the word)


def test_a_name_of_another_script_is_a_registered_latin_spelling_of_it(tmp_path):
    """The registry writes the name in Latin letters only: the name in its own script is theirs."""
    root = write_files(tmp_path, {
        "sitegen.yaml": "title: Names\n",
        "content/people/vladimir-putin.yaml": "name: Vladimir Putin\n",
        "content/articles/a/index.md": article("A", date="2020-01-01", people="[Владимир Путин]"),
    })
    assert build(root).exit_code == 0
    assert [p.name for p in (root / "public/people").iterdir() if p.is_dir()] == ["vladimir-putin"]
