"""`sitegen import` on the two seed captures, with a small synthetic registry."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from markdown_it import MarkdownIt
from mdit_py_plugins.attrs import attrs_plugin

from sitegen.importer import import_command
from sitegen.importer.analyse import analyse_text
from sitegen.importer.registry import load_registries

HERE = Path(__file__).parent
SEEDS = HERE.parent / "seeds"
SEED_000 = "000_ffdad4cad353da9e.txt"
SEED_002 = "002_118d62b5678e0bea.txt"
VIGIL = "vigil-held-in-downtown-la-to-urge-538-electors-not-to-name-trump-president"
PETITION = "petition-for-electors-to-deny-donald-trump-presidency-picks-up-steam"
QUOTE = re.compile(r"\[((?:\\.|[^\]\\])+)\]\{\.quote(?: by=([\w-]+))?\}")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """A site root holding the synthetic registries and a copy of the seeds, imported once."""
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(HERE / "import_fixtures" / "site" / "content", root / "content")
    shutil.copytree(SEEDS, root / "seeds")
    result = CliRunner().invoke(import_command, [
        str(root / "seeds"), "--source", str(root)])
    assert result.exit_code == 0, result.output
    return root


def read_bundle(site: Path, slug: str) -> tuple[dict, str]:
    text = (site / "content" / "articles" / slug / "index.md").read_text("utf-8")
    _, matter, body = text.split("---\n", 2)
    return yaml.safe_load(matter), body


def analysis(site: Path, name: str):
    registries, _ = load_registries(site)
    return analyse_text((SEEDS / name).read_bytes(), None, registries)


def test_seed_000_front_matter(site):
    matter, _ = read_bundle(site, VIGIL)
    assert matter["title"] == ("Vigil Held In Downtown LA To Urge 538 Electors Not To Name"
                               " Trump President")
    assert "title_derived" not in matter
    assert str(matter["date"]) == "2016-12-18" and matter["date_origin"] == "url"
    assert matter["dateline"] == "Los Angeles"
    assert matter["source"] == {
        "name": "CBS Los Angeles", "site": "CBSLA.com",
        "url": f"http://losangeles.cbslocal.com/2016/12/18/{VIGIL}/"}
    assert matter["reporters"] == [{"name": "Brittney Hopper", "station": "KCAL9"}]
    assert {"name": "Clay Pell", "role": "democrat from Rhode Island"} in matter["people"]
    priebus = {"name": "Reince Priebus", "role": "incoming White House Chief of Staff"}
    assert priebus in matter["people"]
    assert {"name": "Donald Trump", "role": "President elect"} in matter["people"]
    assert {"electoral-college", "popular-vote", "russian-interference",
            "2016-presidential-election"} <= set(matter["topics"])
    assert list(matter) == ["title", "date", "date_origin", "dateline", "source", "reporters",
                            "people", "topics", "summary", "original"]


def test_seed_000_not_people(site):
    matter, _ = read_bundle(site, VIGIL)
    names = [p if isinstance(p, str) else p["name"] for p in matter["people"]]
    assert names == ["Donald Trump", "Hillary Clinton", "Clay Pell", "Reince Priebus", "Gary Kelly"]
    for not_a_person in ("Fox News Sunday", "White House", "Rhode Island", "Los Angeles"):
        assert not any(not_a_person in name for name in names)


def test_seed_000_chrome_dropped_and_original_kept(site):
    found = analysis(site, SEED_000)
    lines = (SEEDS / SEED_000).read_text("utf-8").split("\n")
    assert found.segments.numbers("chrome") == (1, 36, 37, 38, 39, 40)
    _, body = read_bundle(site, VIGIL)
    for number in found.segments.numbers("chrome"):
        assert lines[number - 1] not in body
    assert lines[2] not in body       # the headline is the title, not a paragraph
    bundle = site / "content" / "articles" / VIGIL
    assert (bundle / "original.txt").read_bytes() == (SEEDS / SEED_000).read_bytes()
    assert not (bundle / "comments.yaml").exists()


def test_seed_000_quotes_and_mentions(site):
    _, body = read_bundle(site, VIGIL)
    quotes = QUOTE.findall(body)
    assert [by for _, by in quotes] == ["", "clay-pell", "reince-priebus", "gary-kelly", ""]
    assert quotes[0][0].startswith('"This is a way out for us.')
    assert "said one woman" in body.split(quotes[0][0])[1].split("\n")[0]
    assert body.count("{person=clay-pell}") == 1
    assert "[Donald Trump]{person=donald-trump}" in body
    assert "As KCAL9's [Brittney Hopper]{person=brittney-hopper} reports" in body


def test_seed_002_front_matter(site):
    matter, body = read_bundle(site, PETITION)
    assert matter["title_derived"] is True
    assert matter["title"].startswith("An online petition calling for Donald Trump’s electors")
    assert str(matter["date"]) == "2016-11-11" and matter["date_origin"] == "url"
    assert matter["dateline"] == "West Hollywood"
    assert matter["source"]["site"] == "CBSLA.com"
    assert matter["reporters"] == [{"name": "Brittney Hopper", "station": "CBS2"}]
    levinson = {"name": "Jessica Levinson", "role": "political professor at Loyola Law School"}
    assert levinson in matter["people"]
    assert "Loyola Law School" not in [p for p in matter["people"] if isinstance(p, str)]
    assert {"petitions", "popular-vote", "electoral-college"} <= set(matter["topics"])
    assert body.rstrip().endswith("Hopper notes this petition already has close to two million"
                                  " signatures.")


def test_seed_002_quotes_resolve_she_said_to_levinson(site):
    _, body = read_bundle(site, PETITION)
    quotes = QUOTE.findall(body)
    assert [by for _, by in quotes] == ["jessica-levinson", "jessica-levinson"]
    assert r"\[are going to\]" in quotes[0][0]


def test_seed_002_comments(site):
    data = yaml.safe_load((site / "content" / "articles" / PETITION / "comments.yaml")
                          .read_text("utf-8"))
    assert data["reported_count"] == 6
    comments = data["comments"]
    assert [c["id"] for c in comments] == ["c1", "c2", "c3", "c4"]
    assert [c["author"] for c in comments] == [None, "Don Roberts", None, "Joe Cortese"]
    assert [r["id"] for r in comments[0]["replies"]] == ["c1-1"]
    assert comments[0]["replies"][0]["text"].startswith("and indict hillary")
    assert comments[2]["text"].endswith("Jim Gilchrist, Founder and President, The Minuteman"
                                        " Project\n-a multiethnic immigration law enforcement"
                                        " advocacy group-")
    assert comments[1]["text"] == "Do we want that? Is Pence any better??"


def test_seed_002_attention_items(site):
    found = analysis(site, SEED_002)
    assert (11, "until December 19") in found.hints
    assert (23, "'Leveinson' taken as Jessica Levinson (spelt differently)") in found.notes
    assert "Jessica Levinson" in found.unknown and "Donald Trump" not in found.unknown


class _Text(HTMLParser):
    """The text of each <p> of rendered HTML."""

    def __init__(self):
        super().__init__()
        self.paragraphs: list[str] = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.paragraphs.append("")
            self.inside = True

    def handle_endtag(self, tag):
        self.inside = self.inside and tag != "p"

    def handle_data(self, data):
        if self.inside:
            self.paragraphs[-1] += data


@pytest.mark.parametrize("name, slug", [(SEED_000, VIGIL), (SEED_002, PETITION)])
def test_body_renders_to_the_published_words(site, name, slug):
    """Rendered with markdown-it and attribute spans, each paragraph is the source's text."""
    _, body = read_bundle(site, slug)
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(attrs_plugin, spans=True)
    parser = _Text()
    parser.feed(md.render(body))
    found = analysis(site, name)
    source = [found.segments.lines[n - 1].strip() for n in found.segments.numbers("body")]
    rendered = [line for p in parser.paragraphs for line in p.split("\n")]
    assert rendered == source
