"""`sitegen import` through click: exit codes, messages, inputs of every kind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from bs4 import BeautifulSoup

from conftest import build
from sitegen.cli import cli
from sitegen.importer import import_command

FIXTURES = Path(__file__).parent / "import_fixtures"
STORY = ("Breaking Story Headline Here\n\nBOSTON (Globe) — A lede sentence that is long enough"
         " to read as the story’s first paragraph.\n\nShare\n")


@pytest.fixture()
def site(tmp_path) -> Path:
    shutil.copytree(FIXTURES / "site" / "content", tmp_path / "content")
    (tmp_path / "in").mkdir()
    return tmp_path


def run(site: Path, *args: str):
    return CliRunner().invoke(import_command, [*args, "--source", str(site)])


def import_story(site: Path, text: str) -> None:
    """``text`` written as a capture, in/story.txt, and imported."""
    (site / "in" / "story.txt").write_text(text, encoding="utf-8")
    result = run(site, str(site / "in" / "story.txt"))
    assert result.exit_code == 0, result.output


def built_page(site: Path, slug: str) -> BeautifulSoup:
    """The site built, and the page of article ``slug`` parsed."""
    result = build(site)
    assert result.exit_code == 0, result.output
    return BeautifulSoup((site / "public" / "articles" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")


def front_matter(bundle: Path) -> dict:
    return yaml.safe_load((bundle / "index.md").read_text("utf-8").split("---\n")[1])


def test_url_option_gives_slug_date_and_source(site):
    (site / "in" / "story.txt").write_text(STORY)
    result = run(site, str(site / "in" / "story.txt"), "--url",
                 "https://www.springfield-gazette.example/2019/03/05/council-story.html")
    assert result.exit_code == 0, result.output
    bundle = site / "content" / "articles" / "council-story"
    matter = front_matter(bundle)
    assert (str(matter["date"]), matter["date_origin"]) == ("2019-03-05", "url")
    assert matter["source"]["name"] == "The Springfield Gazette"
    assert "  chrome:    1 line dropped" in result.stdout.splitlines()


def test_what_the_import_writes_builds_and_its_mentions_name_the_built_pages(site):
    """The import's slugs are the build's: a person's mention must lead to their page, for
    names with apostrophes and accents too."""
    import_story(
        site,
        "Blizzard strands drivers overnight near the pass\n\nDENVER — Hundreds of drivers spent the night"
        " in their cars, officials said.\n\n\u201cWe ran the engine,\u201d said Brigid O'Donoghue, 34, of"
        " Larkspur. Zoë D'Arcy-Núñez, a trucker, said the road closed at dusk. O'Donoghue said she would"
        " drive again.\n")
    page = built_page(site, "blizzard-strands-drivers-overnight-near-the-pass")
    links = {a["href"] for a in page.select(".article-body a[href*='/people/']")}
    assert links == {"/people/brigid-odonoghue/", "/people/zoe-darcy-nunez/"}
    for link in links:
        assert (site / "public" / link.strip("/") / "index.html").is_file()


def test_what_import_force_keeps_in_its_backup_is_not_published(site):
    """The hand-edited index.md that --force replaces is kept in the bundle's .import-backup/,
    which the build leaves out: the old text is kept, not published."""
    import_story(site, STORY)
    bundle = next((site / "content" / "articles").glob("breaking-story-headline-here*"))
    edited = (bundle / "index.md").read_text(encoding="utf-8") + "\nA hand note with the word Quillwort.\n"
    (bundle / "index.md").write_text(edited, encoding="utf-8")
    result = run(site, str(site / "in" / "story.txt"), "--force")
    assert result.exit_code == 0, result.output
    assert (bundle / ".import-backup" / "index.md.bak-1").read_text(encoding="utf-8") == edited
    built = build(site)
    assert built.exit_code == 0, built.output
    published = [path for path in (site / "public").rglob("*") if path.is_file()]
    assert not any(".import-backup" in path.parts or path.name.endswith(".bak-1") for path in published)
    pages = [BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text()
             for path in published if path.suffix == ".html"]
    assert pages and not any("Quillwort" in text for text in pages)


def test_a_job_word_before_a_name_is_the_role_not_part_of_the_name(site):
    """Regression: "Librarian Ruth Akinola said" gave a person "Librarian Ruth Akinola"."""
    import_story(
        site,
        "Library Sunday hours to end in April\n\nPORTHAVEN — The town library will close on Sundays from April,"
        " the council confirmed.\n\nLibrarian Ruth Akinola said 400 people used the library every Sunday.\n")
    page = built_page(site, "library-sunday-hours-to-end-in-april")
    mention = page.select_one(".article-body a.mention-person")
    assert (mention.get_text(), mention["href"]) == ("Ruth Akinola", "/people/ruth-akinola/")
    assert "Librarian" in page.select_one('[aria-label="People"]').get_text()


def test_lists_in_a_story_are_lists_on_its_page(site):
    """Bulleted and numbered lines were joined into one paragraph with their bullets escaped
    ("\\* $2 million ... \\* A new fire engine"). A run of them is a list, an item wrapped onto
    a deeper-indented line stays one item, a lone "1. " sentence stays a sentence, and the
    word after a bullet starts a sentence ("- Others asked" names no one)."""
    import_story(
        site,
        "Brackley council approves new budget\n\nBy Ottoline Farrow\n\n"
        "BRACKLEY — The Brackley council voted 5-2 on Tuesday to approve next year's budget, officials said.\n\n"
        "The budget includes:\n• $2 million for road repairs, with the first half going to the\n"
        "  streets around the station\n• A new fire engine\n\n"
        "\u201cThis is a budget for everyone,\u201d said Mayor Linda Okafor.\n\n"
        "What happens next:\n\n1. The county reviews the plan in March.\n2. Residents can comment until\n"
        "   April 30.\n\n3. The council votes again in May.\nOpponents said the plan spends too much.\n"
        "- Others asked for lower fees.\n\n1. In 1999 the council last cut its budget.\n")
    bundle = site / "content" / "articles" / "brackley-council-approves-new-budget"
    named = [p if isinstance(p, str) else p["name"] for p in front_matter(bundle)["people"]]
    assert named == ["Linda Okafor"]
    page = built_page(site, "brackley-council-approves-new-budget")
    body = page.select_one(".article-body")

    def words(tag) -> str:
        return " ".join(tag.get_text().split())

    lists = [(element.name, [words(li) for li in element.find_all("li")]) for element in body.find_all(["ul", "ol"])]
    assert lists == [
        ("ul", ["$2 million for road repairs, with the first half going to the streets around the station",
                "A new fire engine"]),
        ("ol", ["The county reviews the plan in March.", "Residents can comment until April 30.",
                "The council votes again in May."]),
        ("ul", ["Others asked for lower fees."]),
    ], lists
    paragraphs = [words(p) for p in body.find_all("p", recursive=False)]
    for alone in ("The budget includes:", "What happens next:", "Opponents said the plan spends too much.",
                  "1. In 1999 the council last cut its budget."):
        assert alone in paragraphs, paragraphs


def test_lines_of_their_own_stay_lines_and_wrapped_text_runs_on(site):
    """Lines with no blank line between them had all run on as one paragraph: a page copied
    with one paragraph a line (the whole story one paragraph on its page) and a timeline's
    lines alike. Most of them ending a sentence, they are paragraphs when longer than text tools
    wrap lines, else lines; text wrapped to a width still runs on."""
    paragraphs = ["BRACKLEY — The Brackley council voted 5-2 on Tuesday to approve next year's budget, which"
                  " includes money for road repairs and a new fire engine, officials said.",
                  "The vote followed a three-hour meeting at which more than forty residents spoke, most of them"
                  " against the plan to close the library on Sundays.",
                  "Opponents said the savings, about $40,000 a year, were too small to justify the loss of the"
                  " only quiet place in town where students can study at weekends."]
    import_story(
        site,
        "Brackley council approves new budget\n\nBy Ottoline Farrow\n\n" + "\n".join(paragraphs) + "\n\n"
        "Timeline\n2019 – The county first proposes the cuts.\n2021 – A review backs them.\n"
        "2025 – The council votes.\n\n"
        "The council will meet again in May, when it is expected to\nvote on the library's opening hours"
        " and on a plan\nto sell the old fire station on Mill Road.\n")
    page = built_page(site, "brackley-council-approves-new-budget")
    for br in page.select(".article-body > p > br"):
        br.replace_with("\x00")  # (a line break; a soft one, a newline, reads as a space)
    shown = [[" ".join(part.split()) for part in p.get_text().split("\x00")] for p in page.select(".article-body > p")]
    assert shown == [[paragraph] for paragraph in paragraphs] + [
        ["Timeline", "2019 – The county first proposes the cuts.", "2021 – A review backs them.",
         "2025 – The council votes."],
        ["The council will meet again in May, when it is expected to vote on the library's opening hours and on a"
         " plan to sell the old fire station on Mill Road."]]



def test_a_quote_wrapped_over_lines_is_one_quote_on_the_page(site):
    # (It was: no quote marked. Wrapped at no width the importer finds, few lines of uneven
    # length, the lines stay lines that Markdown runs on, and each was read alone.)
    import_story(
        site,
        "Depot approved after a long debate\n\n"
        "LIMA — The council approved the bus depot on Mill Road on Tuesday\nafter a long debate.\n\n"
        "Ana Ruiz, a teacher who lives near the depot, said the plan was\n“too expensive for a town\n"
        "of this size.” The vote was 5 to 2.\n\n"
        "“We were never asked. Nobody came to\nthe school to ask us,” Ruiz said.\n")
    page = built_page(site, "depot-approved-after-a-long-debate")
    quotes = [(" ".join(q.get_text().split()), q.get("data-speaker")) for q in page.select(".article-body .quote")]
    assert quotes == [("“too expensive for a town of this size.”", "ana-ruiz"),
                      ("“We were never asked. Nobody came to the school to ask us,”", "ana-ruiz")]
    for badge in page.select(".quote-by"):  # (the archive's own "quote by" link, not the story's)
        badge.decompose()
    shown = [" ".join(p.get_text().split()) for p in page.select(".article-body > p")]
    assert shown[1:] == ["Ana Ruiz, a teacher who lives near the depot, said the plan was “too expensive for a"
                         " town of this size.” The vote was 5 to 2.",
                         "“We were never asked. Nobody came to the school to ask us,” Ruiz said."]


WAYBACK = ("The Wayback Machine - https://web.archive.org/web/20230512081433/https://www.millbrook.example/news/"
           "20190314/pool-stays-shut\nINTERNET ARCHIVE\nWayback Machine\nhttps://www.millbrook.example/news/"
           "20190314/pool-stays-shut\nGo\n42 captures\n15 Mar 2019 - 02 Aug 2023\nAPR\nMAY\nJUN\n12\n2022\n2023\n"
           "About this capture\nCOLLECTED BY\nOrganization: Archive Team\nA loose collective of volunteers who save "
           "websites.\nCollection: Local News Rescue\nTIMESTAMPS\nloading\nSkip to main content\nMillbrook Courier\n")


def test_a_page_copied_from_the_wayback_machine_gives_its_original_address(site):
    """The replay's toolbar is not the article; its first line names the page's own address,
    which gives the slug, the date (its day from the address, not from the capture; its time
    from the capture's stamp of that day) and the source."""
    (site / "in" / "pool.txt").write_text(WAYBACK + "NEWS\nPool won't open this summer\nBy MARY ROE, Staff Writer\n"
                                          "Posted Mar 14, 2019 at 6:01 PM\n\nThe city pool will stay closed this"
                                          " summer after inspectors found cracks in its basin, officials said.\n")
    result = run(site, str(site / "in" / "pool.txt"))
    assert result.exit_code == 0, result.output
    matter = front_matter(site / "content" / "articles" / "pool-stays-shut")
    assert matter["title"] == "Pool won't open this summer"
    assert (str(matter["date"]), matter["date_origin"]) == ("2019-03-14T18:01", "text")
    assert matter["source"]["url"] == "https://www.millbrook.example/news/20190314/pool-stays-shut"
    body = (site / "content" / "articles" / "pool-stays-shut" / "index.md").read_text("utf-8").split("---\n", 2)[2]
    assert "captures" not in body and "Archive Team" not in body and "volunteers" not in body
    assert body.lstrip().startswith("The city pool will stay closed")


def test_manifest_beside_the_inputs(site):
    (site / "in" / "story.txt").write_text(STORY)
    (site / "in" / "manifest.yaml").write_text("story.txt: https://x.example/a/b/my-story/\n")
    result = run(site, str(site / "in"))
    assert result.exit_code == 0, result.output
    assert (site / "content" / "articles" / "my-story" / "index.md").exists()


def test_the_report_says_when_a_story_is_in_a_language_the_rules_do_not_know(site):
    """The import goes ahead (the text and the original are kept), and the report says that
    what the rules found must be checked."""
    (site / "in" / "story.txt").write_text(
        "Kommunen skjuter upp beslutet om bron\n\nKommunfullmäktige i Ekholm har återigen skjutit upp beslutet om "
        "den nya bron över ån. Enligt kommunalrådet Per Nilsson finns det fortfarande för många frågor om "
        "kostnaderna.\n\n– Vi vill först veta vad det verkligen kommer att kosta, säger Per Nilsson.\n\n"
        "Boende i stadsdelen Östermalm är besvikna. Karin Berg, som har bott vid ån i tjugo år, "
        "kallar beskedet dåligt.\n", encoding="utf-8")
    result = run(site, str(site / "in" / "story.txt"), "--into", str(site / "out"))
    assert result.exit_code == 0, result.output
    assert (site / "out" / "kommunen-skjuter-upp-beslutet-om-bron" / "original.txt").exists()
    assert any(line.strip().endswith("/story.txt: the text reads as Swedish, which the import rules do not know (they "
                                     "know English, French, Spanish, Italian, Portuguese, German, Dutch, Danish and "
                                     "Norwegian): check its people, quotes, dates and comments by hand")
               for line in result.output.splitlines())


FRENCH_STORY = (
    "Le conseil municipal de Valdemont adopte son budget\n\nPar Claire Martin\n\nVALDEMONT — Le conseil municipal a "
    "adopté mardi soir le budget de la commune pour l'année prochaine, après un long débat entre la majorité et "
    "l'opposition.\n\n« C'est un budget équilibré qui protège les services publics », a déclaré le maire, Jean "
    "Dupont, à l'issue de la séance.\n\nL'opposition a voté contre le texte. Selon elle, la hausse des dépenses de "
    "fonctionnement n'est pas financée et la commune devra emprunter davantage dans les années qui viennent.\n")


@pytest.mark.parametrize("site_language, written", [(None, "fr"), ("en-GB", "fr"), ("de", "fr"), ("fr", None),
                                                    ("fr-CA", None)])
def test_a_story_in_another_language_than_the_sites_is_given_its_own(site, site_language, written):
    """Its page then says so (see test_languages.py); a story in the site's language, or in one
    the rules cannot tell, gets none: it is in the site's."""
    if site_language:
        (site / "sitegen.yaml").write_text(f"title: Archive\nlanguage: {site_language}\n", encoding="utf-8")
    import_story(site, FRENCH_STORY)
    bundle = site / "content" / "articles" / "le-conseil-municipal-de-valdemont-adopte-son-budget"
    front = yaml.safe_load((bundle / "index.md").read_text(encoding="utf-8").split("---\n")[1])
    assert front.get("language") == written
    result = build(site)
    assert result.exit_code == 0, result.output
    doc = BeautifulSoup((site / "public" / "articles" / bundle.name / "index.html").read_text(), "html.parser")
    assert doc.select_one(".article-body").get("lang") == written


@pytest.mark.parametrize("site_language, said", [("en", "fr (written in the front matter)"),
                                                  ("fr-CA", "fr (the site's: not written)")])
def test_the_report_says_whether_the_storys_language_was_written(site, site_language, said):
    (site / "sitegen.yaml").write_text(f"title: Archive\nlanguage: {site_language}\n", encoding="utf-8")
    (site / "in" / "story.txt").write_text(FRENCH_STORY, encoding="utf-8")
    result = run(site, str(site / "in" / "story.txt"))
    assert result.exit_code == 0, result.output
    assert [line.split(":", 1)[1].strip() for line in result.output.splitlines()
            if line.strip().startswith("language:")] == [said]


# English stories with much French in them, and one in both languages: no tag, the site's language.
MIXED_STORIES = {
    "French in British quotation marks": (
        "Mayor's statement divides the council\n\nBy Claire Martin\n\nVALDEMONT — The mayor read a long statement "
        "to the council on Tuesday, in French, which the opposition called a provocation.\n\nHe said: ‘Le conseil "
        "municipal a adopté le budget de la commune pour l’année prochaine, après un long débat entre la majorité et "
        "l’opposition, et je remercie tous les élus de la ville pour leur travail.’\n\nHe added: ‘C’est un budget "
        "équilibré qui protège les services publics de la ville et qui prépare l’avenir de la commune.’\n\n"
        "The opposition said it would appeal against the decision of the council.\n"),
    "a French statement given in full": (
        "Mayor's statement divides the council\n\nBy Claire Martin\n\nVALDEMONT — The mayor read a long statement "
        "to the council on Tuesday, in French, which the opposition called a provocation.\n\nThe statement read, in "
        "full: Le conseil municipal a adopté le budget de la commune pour l'année prochaine, après un long débat entre "
        "la majorité et l'opposition, et je remercie tous les élus de la ville pour leur travail et leur patience.\n\n"
        "C'est un budget équilibré qui protège les services publics de la ville et qui prépare l'avenir de la "
        "commune pour les années qui viennent, et nous sommes fiers de ce travail.\n\n"
        "The opposition said it would appeal against the decision of the council on Friday.\n"),
    "paragraphs in English and in French": (
        "Bilingual council adopts its budget\n\nBy Claire Martin\n\nVALDEMONT — The town council adopted next "
        "year's budget on Tuesday evening, after a long debate between the majority and the opposition.\n\n"
        "Le conseil municipal a adopté mardi soir le budget de la commune pour l'année prochaine, après un long débat "
        "entre la majorité et l'opposition.\n\nThe opposition voted against the text. It said the rise in running "
        "costs was not funded and that the town would have to borrow more.\n\nL'opposition a voté contre le texte. "
        "Selon elle, la hausse des dépenses de fonctionnement n'est pas financée et la commune devra emprunter "
        "davantage.\n"),
}


@pytest.mark.parametrize("story", list(MIXED_STORIES))
def test_a_story_not_mostly_in_another_language_gets_none(site, story):
    import_story(site, MIXED_STORIES[story])
    (bundle,) = (site / "content" / "articles").glob("*-council*")
    assert "language" not in yaml.safe_load((bundle / "index.md").read_text(encoding="utf-8").split("---\n")[1])


ENGLISH_STORY = (
    "Council adopts its budget after a long debate\n\nBy Claire Martin\n\nVALDEMONT — The town council adopted "
    "next year's budget on Tuesday evening, after a long debate between the majority and the opposition.\n\n"
    "\"It is a balanced budget that protects public services,\" the mayor, Jean Dupont, said after the meeting.\n\n"
    "The opposition voted against the text. It said the rise in running costs was not funded and that the town "
    "would have to borrow more in the years to come.\n")


@pytest.mark.parametrize("site_language, written", [(None, None), ("en-GB", None), ("fr", "en")])
def test_a_story_in_english_gets_a_language_only_in_a_site_in_another(site, site_language, written):
    if site_language:
        (site / "sitegen.yaml").write_text(f"language: {site_language}\n", encoding="utf-8")
    import_story(site, ENGLISH_STORY)
    text = (site / "content" / "articles" / "council-adopts-its-budget-after-a-long-debate" / "index.md").read_text(
        encoding="utf-8")
    assert yaml.safe_load(text.split("---\n")[1]).get("language") == written


def test_without_url_the_slug_comes_from_the_title(site):
    (site / "in" / "story.txt").write_text(STORY)
    result = run(site, str(site / "in" / "story.txt"), "--into", str(site / "out"))
    assert result.exit_code == 0, result.output
    assert (site / "out" / "breaking-story-headline-here" / "index.md").exists()
    assert any(line.endswith("no source URL (use --url, or a manifest.yaml beside the input)")
               for line in result.stdout.splitlines())


def test_crlf_and_bom_are_read_and_the_original_is_kept(site):
    raw = "\ufeff".encode() + STORY.replace("\n", "\r\n").encode()
    (site / "in" / "story.txt").write_bytes(raw)
    result = run(site, str(site / "in" / "story.txt"))
    assert result.exit_code == 0, result.output
    bundle = site / "content" / "articles" / "breaking-story-headline-here"
    assert front_matter(bundle)["title"] == "Breaking Story Headline Here"
    assert (bundle / "original.txt").read_bytes() == raw
    assert "\r" not in (bundle / "index.md").read_text("utf-8")


def test_non_utf8_is_a_located_error_or_read_with_encoding(site):
    raw = "Title Of It\n\nLONDON — It’s a lede line.\n".encode("cp1252")
    (site / "in" / "story.txt").write_bytes(raw)
    result = run(site, str(site / "in" / "story.txt"))
    assert result.exit_code == 1
    message = f"{site / 'in' / 'story.txt'}: not UTF-8 (byte 0x97 at line 3, column 8);"
    assert result.stderr.startswith(message)
    result = run(site, str(site / "in" / "story.txt"), "--encoding", "cp1252")
    assert result.exit_code == 0, result.output
    bundle = site / "content" / "articles" / "title-of-it"
    assert (bundle / "original.txt").read_bytes() == raw
    assert "It’s a lede line." in (bundle / "index.md").read_text("utf-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_capture_with_a_utf16_or_utf32_byte_order_mark_is_read_by_it(site, encoding):
    """A Windows editor's UTF-16 capture (its byte-order mark first) was "not UTF-8 ... for example
    --encoding cp1252"; read with --encoding utf-16, `sitegen check` then read its original as
    UTF-8 and warned that the body has words the original does not have."""
    text = "Library reopens after two-year renovation\n\nMILLBROOK — The library reopened on Tuesday, its director said.\n"
    raw = ("\ufeff" + text).encode(encoding) if encoding != "utf-32" else text.encode("utf-32")
    (site / "in" / "story.txt").write_bytes(raw)
    result = run(site, str(site / "in" / "story.txt"))
    assert result.exit_code == 0, result.output
    bundle = site / "content" / "articles" / "library-reopens-after-two-year-renovation"
    assert (bundle / "original.txt").read_bytes() == raw
    assert "MILLBROOK — The library reopened on Tuesday" in (bundle / "index.md").read_text("utf-8")
    checked = CliRunner().invoke(cli, ["check", "--source", str(site)])
    assert "does not have here" not in checked.output, checked.output


def test_invisible_characters_are_kept_in_the_original_and_left_out_of_the_body(site):
    """A soft hyphen inside a name: the original keeps it, the body and the front matter read as a
    reader sees the text, and `sitegen check` reads the original so too (no warning that the body
    has words the original does not have)."""
    raw = ("Ferry route approved\n\nBy Marta Kowal\u00adczyk\n\nPORT ALDER — The council approved the "
           "route on Tuesday, said Jo\u00adhanna Lind\u200bqvist, who chairs the harbor commission.\n").encode("utf-8")
    (site / "in" / "story.txt").write_bytes(raw)
    result = run(site, str(site / "in" / "story.txt"))
    assert result.exit_code == 0, result.output
    bundle = site / "content" / "articles" / "ferry-route-approved"
    assert (bundle / "original.txt").read_bytes() == raw
    assert front_matter(bundle)["reporters"] == ["Marta Kowalczyk"]
    assert "[Johanna Lindqvist]{person=johanna-lindqvist}" in (bundle / "index.md").read_text("utf-8")
    checked = CliRunner().invoke(cli, ["check", "--source", str(site)])
    assert "does not have here" not in checked.output, checked.output
    page = built_page(site, "ferry-route-approved")
    assert [a.get_text() for a in page.select(".article-body a.mention")] == ["Johanna Lindqvist"]


@pytest.mark.parametrize("content, message", [
    (b"", "empty file: no article text"),
    (b"Watch Live\nShare\n\nAdvertisement\n", "no article text (4 lines, 3 of them site chrome)"),
])
def test_empty_and_chrome_only_inputs(site, content, message):
    (site / "in" / "x.txt").write_bytes(content)
    result = run(site, str(site / "in" / "x.txt"))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{site / 'in' / 'x.txt'}: {message}"
    assert not (site / "content" / "articles").exists()


def test_only_a_web_pages_address_becomes_the_source(site):
    """The build takes only an http(s) address as an article's source: a clipper's front matter
    with another ("javascript:alert(3)") had it written into the bundle, and then the whole
    site failed to build. It is left out, said in the report, and the slug comes from the title;
    --url and a manifest.yaml giving one are an error. (The front matter's quoted values are read
    as YAML reads them: an escaped quote mark is one.)"""
    capture = site / "in" / "clip.md"
    capture.write_text('---\ntitle: "Quay toll rise approved"\nsource: "javascript:alert(3)"\n'
                       'author: "Ada Quell\\" onmouseover=\\"alert(2)"\n---\n'
                       "# Quay toll rise approved\n\nQUAYSIDE — The harbour board on Monday approved a 10% rise in"
                       " the quay toll, its first since 2019, after a short debate.\n", encoding="utf-8")
    result = run(site, str(capture))
    assert result.exit_code == 0, result.output
    assert "the front matter's address 'javascript:alert(3)' left out: not an http(s) address" in result.stdout
    matter = front_matter(site / "content" / "articles" / "quay-toll-rise-approved")
    assert "url" not in matter.get("source", {})
    assert matter["reporters"] == ['Ada Quell" onmouseover="alert(2)']
    assert build(site).exit_code == 0

    result = run(site, str(capture), "--url", "javascript:alert(1)")
    assert result.exit_code == 2 and "--url must be an http(s) address, not 'javascript:alert(1)'" in result.output
    (site / "listed").mkdir()
    listed = shutil.copy(capture, site / "listed" / "clip.md")
    (site / "listed" / "manifest.yaml").write_text('clip.md: {url: "data:text/html,hi"}\n', encoding="utf-8")
    result = run(site, str(listed))
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"{listed}: {site / 'listed' / 'manifest.yaml'}: url must be an http(s)"
                                     " address, not 'data:text/html,hi'")


def test_usage_errors_exit_2(site):
    (site / "in" / "a.txt").write_text(STORY)
    (site / "in" / "b.txt").write_text(STORY)
    assert run(site, str(site / "in"), "--url", "https://x.example/a").exit_code == 2
    assert run(site, str(site / "missing.txt")).exit_code == 2
    assert CliRunner().invoke(import_command, []).exit_code == 2


def test_two_inputs_with_one_slug(site):
    (site / "in" / "a.txt").write_text(STORY)
    (site / "in" / "b.txt").write_text(STORY)
    result = run(site, str(site / "in"))
    assert result.exit_code == 1
    assert "gives the slug 'breaking-story-headline-here'" in result.stderr


def test_rerun_is_unchanged_and_hand_edits_are_refused(site):
    (site / "in" / "story.txt").write_text(STORY)
    assert run(site, str(site / "in")).exit_code == 0
    second = run(site, str(site / "in"))
    assert second.exit_code == 0 and second.stdout.splitlines()[-1] == "sitegen import: 1 unchanged"
    index = site / "content" / "articles" / "breaking-story-headline-here" / "index.md"
    index.write_text(index.read_text() + "{>>An editor's note.<<}\n")
    third = run(site, str(site / "in"))
    assert third.exit_code == 1 and "edited by hand since import: index.md" in third.stderr
    forced = run(site, str(site / "in"), "--force")
    assert forced.exit_code == 0 and "kept a backup" in forced.stdout
    assert "An editor's note" in (index.parent / ".import-backup" / "index.md.bak-1").read_text()


def test_a_capture_imported_again_is_found_in_its_renamed_bundle(site):
    """An editor renames a bundle to give the article another address, then imports the
    folder of captures again (or the one capture with another --url, forced): a second bundle
    was made from the same capture, and the story was published twice."""
    (site / "in" / "story.txt").write_text(STORY)
    (site / "in" / "other.txt").write_text(STORY.replace("Breaking Story", "Another Story"))
    assert run(site, str(site / "in")).exit_code == 0
    articles = site / "content" / "articles"
    (articles / "breaking-story-headline-here").rename(articles / "boston-story")
    before = sorted(p.name for p in articles.iterdir())
    again = run(site, str(site / "in"))
    assert again.exit_code == 0, again.output
    assert f"{site / 'in' / 'story.txt'}: already imported, as {articles / 'boston-story'}; nothing written" in again.stdout
    assert again.stdout.splitlines()[-1] == "sitegen import: 1 already imported, 1 unchanged"
    other_url = run(site, str(site / "in" / "story.txt"), "--url", "https://example.org/news/boston/", "--force")
    assert other_url.exit_code == 0 and "already imported, as" in other_url.stdout
    assert sorted(p.name for p in articles.iterdir()) == before
    # Into the bundle it was imported into, the capture is imported as ever.
    assert run(site, str(site / "in" / "other.txt")).stdout.splitlines()[-1] == "sitegen import: 1 unchanged"
    # A record with Windows line ends, another indent, or none at all: the capture is still found.
    record = articles / "boston-story" / ".import.yaml"
    for changed in (record.read_bytes().replace(b"\n", b"\r\n"), record.read_bytes().replace(b"\n  ", b"\n    "), None):
        if changed is None:
            record.unlink()
        else:
            record.write_bytes(changed)
        assert "already imported, as" in run(site, str(site / "in" / "story.txt")).stdout
        assert sorted(p.name for p in articles.iterdir()) == before


def test_dry_run_writes_nothing(site):
    (site / "in" / "story.txt").write_text(STORY)
    result = run(site, str(site / "in"), "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].endswith("1 to be created (dry run: nothing written)")
    assert not (site / "content" / "articles").exists()


def test_bad_source_rule_is_reported_with_its_line(site):
    (site / "content" / "sources" / "bad.yaml").write_text(
        "name: Bad\nchrome:\n  - fine line\n  - re: '(unclosed'\n")
    (site / "in" / "story.txt").write_text(STORY)
    result = run(site, str(site / "in"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{site / 'content' / 'sources' / 'bad.yaml'}:4: chrome entry")


SHORT_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Pier Reopens After Storm Repairs | Porthaven Gazette</title>
<meta property="og:site_name" content="Porthaven Gazette"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Pier Reopens After Storm Repairs</h1>
<p class="byline">By Tom Ellery</p>
<p>PORTHAVEN \u2014 The Victoria Pier reopened on Tuesday after six months of repairs, the council said.</p>
<p>"It is good to have it back," said Gareth Molloy, the council leader.</p>
<p>The repairs cost \u00a31.1 million.</p>
</article><footer>\u00a9 Porthaven Gazette</footer></body></html>
"""


def test_a_short_saved_page_keeps_its_paragraphs(site):
    """Regression: for a page this short, trafilatura gives the whole text on one line, and the
    article's body was one paragraph starting with its headline and byline."""
    (site / "in" / "pier.html").write_text(SHORT_PAGE, encoding="utf-8")
    result = run(site, str(site / "in" / "pier.html"), "--url", "https://porthaven.example/2024/04/02/pier-reopens")
    assert result.exit_code == 0, result.output
    page = built_page(site, "pier-reopens")
    paragraphs = [p.get_text(" ", strip=True) for p in page.select(".article-body p")]
    assert len(paragraphs) == 3, paragraphs
    assert paragraphs[0] == "PORTHAVEN \u2014 The Victoria Pier reopened on Tuesday after six months of repairs, the council said."
    assert paragraphs[1].startswith('"It is good to have it back,"') and paragraphs[2] == "The repairs cost \u00a31.1 million."
    assert page.select_one(".article-body a.mention-person")["href"] == "/people/gareth-molloy/"
    assert page.select_one(".kicker").get_text() == "Porthaven Gazette · Porthaven"


def test_a_saved_page_without_a_declared_charset_is_read_as_utf8(site):
    """Regression: the headline taken from the page's <h1> read "CafÃ© Reopens"."""
    page_bytes = SHORT_PAGE.replace('<meta charset="utf-8">', "").replace("Pier Reopens", "Café Reopens").encode("utf-8")
    (site / "in" / "cafe.html").write_bytes(page_bytes)
    result = run(site, str(site / "in" / "cafe.html"))
    assert result.exit_code == 0, result.output
    page = built_page(site, "cafe-reopens-after-storm-repairs")
    assert page.find("h1").get_text() == "Café Reopens After Storm Repairs"


def test_html_page(site):
    shutil.copy(FIXTURES / "page.html", site / "in" / "page.html")
    result = run(site, str(site / "in"))
    assert result.exit_code == 0, result.output
    bundle = site / "content" / "articles" / "council-votes-to-rename-elm-park"
    matter = front_matter(bundle)
    assert matter["title"] == "Council Votes To Rename Elm Park" and "title_derived" not in matter
    assert (str(matter["date"]), matter["date_origin"]) == ("2019-03-05T10:00Z", "metadata")
    assert matter["source"] == {
        "name": "The Springfield Gazette", "site": "Gazette",
        "url": "https://www.springfield-gazette.example/news/council-votes-to-rename-elm-park"}
    assert matter["reporters"] == ["Jordan Reyes"]
    assert matter["people"] == [{"name": "Maria Gomez", "role": "member of the council"}]
    assert matter["original"]["file"] == "original.html"
    assert (bundle / "original.html").read_bytes() == (FIXTURES / "page.html").read_bytes()
    comments = yaml.safe_load((bundle / "comments.yaml").read_text("utf-8"))["comments"]
    assert [(c["author"], c["text"]) for c in comments] == [
        ("Sam Ortiz", "About time. She was my teacher too."), ("Lou Park", "Waste of money.")]
    body = (bundle / "index.md").read_text("utf-8").split("---\n", 2)[2]
    assert "Home" not in body and "Share on Facebook" not in body
    assert '{.quote by=maria-gomez}' in body


def _single_file(page: bytes) -> bytes:
    """``page`` as a browser saves it as one file (MHTML): MIME headers, the markup quoted-printable."""
    import quopri
    head = ("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://www.springfield-gazette.example/news/elm-park\r\n"
            "Subject: Council Votes To Rename Elm Park\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
            '\ttype="text/html";\r\n\tboundary="----MultipartBoundary--x1----"\r\n\r\n\r\n'
            "------MultipartBoundary--x1----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            "Content-Location: https://www.springfield-gazette.example/news/elm-park\r\n\r\n")
    tail = ("\r\n------MultipartBoundary--x1----\r\nContent-Type: text/css\r\nContent-Location: cid:css-1@mhtml.blink\r\n\r\n"
            "body { color: black; }\r\n------MultipartBoundary--x1------\r\n")
    return head.encode() + quopri.encodestring(page).replace(b"\n", b"\r\n") + tail.encode()


def test_a_page_saved_as_one_file_is_read_as_its_page(site):
    """A page a browser saved as one file (.mhtml, .mht) is read as the page inside it, and
    kept byte for byte. (It was: read as plain text, its MIME headers and markup the story.)"""
    saved = _single_file((FIXTURES / "page.html").read_bytes().replace(
        b'<link rel="canonical" href="https://www.springfield-gazette.example/news/council-votes-to-rename-elm-park">', b""))
    (site / "in" / "page.mhtml").write_bytes(saved)
    result = run(site, str(site / "in"))
    assert result.exit_code == 0, result.output
    bundle = site / "content" / "articles" / "elm-park"
    matter = front_matter(bundle)
    assert matter["title"] == "Council Votes To Rename Elm Park" and matter["reporters"] == ["Jordan Reyes"]
    assert matter["source"]["url"] == "https://www.springfield-gazette.example/news/elm-park"
    assert (bundle / "original.mhtml").read_bytes() == saved and matter["original"]["file"] == "original.mhtml"
    body = (bundle / "index.md").read_text("utf-8").split("---\n", 2)[2]
    assert "MIME" not in body and "=3D" not in body and "Home" not in body
    # (published as text, as a saved page is: a browser would open the archive as a page there)
    assert build(site).exit_code == 0
    published = site / "public" / "articles" / "elm-park"
    assert (published / "original.mhtml.txt").read_bytes() == saved and not (published / "original.mhtml").exists()


def test_many_files_on_a_terminal_show_a_progress_bar(site, monkeypatch):
    monkeypatch.setattr("sitegen.importer.command.stderr_is_terminal", lambda: True)
    for n in range(6):
        (site / "in" / f"s{n}.txt").write_text(STORY.replace("Breaking", f"Story{n}"))
    result = run(site, str(site / "in"))
    assert result.exit_code == 0, result.output
    assert "importing" in result.stderr
    reported = [line for line in result.stdout.splitlines() if " -> " in line]
    assert len(reported) == 6 and result.stdout.splitlines()[-1] == "sitegen import: 6 created"


TABLE_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour dredging to start in May</title>
<meta property="og:url" content="https://kestrelbaymercury.example/news/2025/04/02/harbour-dredging-may">
</head><body><main><article>
<h1>Harbour dredging to start in May</h1>
<p>KESTREL BAY — Dredging of the harbour channel will start in May, the port authority said on Wednesday,
after two years of delays that left the ferry aground at low tide.</p>
<p>The work comes in stages, the authority said in a notice posted at the ferry terminal on Wednesday.</p>
<h2>What happens next</h2>
<ul><li>Dredging starts on May 5.</li><li>The channel closes to yachts for three weeks.</li></ul>
<table><tr><th>Stage</th><th>Dates</th></tr><tr><td>Channel</td><td>May 5 to 25</td></tr>
<tr><td>Berths | moorings</td><td>June</td></tr></table>
<p>Local fisher Anna Kowalski said she welcomed the work but worried about the noise it would make.</p>
</article></main></body></html>
"""


def test_a_pages_table_list_and_heading_are_a_table_a_list_and_a_heading_on_the_archive_s_page(site):
    # (It was: each row of the table a paragraph of its own, its pipes shown as text and the
    # rule under its header dropped as a row of separators; each item of the list a paragraph;
    # the heading a paragraph.)
    (site / "in" / "page.html").write_text(TABLE_PAGE, encoding="utf-8")
    assert run(site, str(site / "in" / "page.html")).exit_code == 0
    page = built_page(site, "harbour-dredging-may")
    rows = [[cell.get_text(strip=True) for cell in row.select("th, td")] for row in page.select(".article-body table tr")]
    assert rows == [["Stage", "Dates"], ["Channel", "May 5 to 25"], ["Berths | moorings", "June"]]
    items = page.select(".article-body ul > li")
    assert [item.get_text(strip=True) for item in items] == ["Dredging starts on May 5.",
                                                            "The channel closes to yachts for three weeks."]
    assert not page.select(".article-body ul > li > p")  # (one list, its items close together)
    assert [h.get_text(strip=True) for h in page.select(".article-body h2")] == ["What happens next"]


def test_a_folder_gives_its_markdown_captures_too(site):
    # (It was: a folder's .md files left out without a word, though a clipper saves them so.)
    (site / "in" / "story.txt").write_text(STORY, encoding="utf-8")
    (site / "in" / "clipped.md").write_text(
        "# Ferry fares to rise in spring\n\nPORTHAVEN — The ferry company will raise its fares by a tenth in"
        " March, its managing director said on Monday.\n", encoding="utf-8")
    (site / "in" / "notes.yaml").write_text("not: a capture\n", encoding="utf-8")
    (site / "in" / "README.md").write_text("# Captures\n\nWhat this folder holds.\n", encoding="utf-8")
    bundle = site / "in" / "done" / "an-old-import"  # (an import into a folder of the captures)
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text("---\ntitle: An old import\n---\nIts body.\n", encoding="utf-8")
    (bundle / "original.txt").write_text(STORY, encoding="utf-8")
    result = run(site, str(site / "in"))
    assert result.exit_code == 0, result.output
    new = [bundle for bundle in (site / "content" / "articles").iterdir() if (bundle / "original.txt").exists()]
    originals = sorted((bundle / "original.txt").read_text(encoding="utf-8")[:13] for bundle in new)
    assert originals == ["# Ferry fares", "Breaking Stor"]
    clipped = next(bundle for bundle in new if front_matter(bundle)["title"] == "Ferry fares to rise in spring")
    assert "#" not in (clipped / "index.md").read_text(encoding="utf-8").split("---\n", 2)[2]
