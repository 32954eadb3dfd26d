""""Cite this article": the reference on the page, CSL-JSON and BibTeX next to it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import article, build, internal_links, page, resolve, soup, write_files
from sitegen.model import PartialDate
from sitegen.render.citation import apa_authors, apa_date, bibtex_escape, citation_urls, split_name

BASE = "https://news.example/archive/"
SPECIAL_TITLE = r"Braces {x} & 50% of $5 #1 _under_ ~tilde^ \back"
FIXTURE = {
    "sitegen.yaml": f"title: Cite Test\nbase_url: {BASE}\n",
    "content/people/brittney-hopper.yaml": "name: Brittney Hopper\n",
    "content/articles/special/index.md": article(
        json.dumps(SPECIAL_TITLE), "Text.", date="2016-12",
        reporters="[Pat Reporter, Jean-Luc Picard, Cher]",
        source='{name: The Gazette, site: gazette.example, url: "https://gazette.example/a?b=1&c=2"}',
    ),
    "content/articles/vigil/index.md": article(
        "Vigil Held Downtown?", "Text.", date="2016-12-18", reporters="[{name: Brittney Hopper, station: KCAL9}]",
        source='{name: CBS Los Angeles, url: "http://la.example/vigil"}',
    ),
    "content/articles/undated/index.md": article("An Undated Piece", "Text."),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = write_files(tmp_path_factory.mktemp("cite"), FIXTURE)
    result = build(root)
    assert result.exit_code == 0, result.output
    return root / "public"


def cite_section(built: Path, slug: str):
    section = page(built, f"articles/{slug}/").select_one("section.cite")
    assert section.find("h2").get_text() == "Cite this article"
    return section


def test_citation_text_names_reporters_date_title_publisher_and_both_copies(built):
    vigil = cite_section(built, "vigil").select_one(".citation")
    assert vigil.get_text() == (
        "Hopper, B. (2016, December 18). Vigil Held Downtown? CBS Los Angeles. http://la.example/vigil"
        f" Archived copy at {BASE}articles/vigil/"
    )
    assert vigil.find("i").get_text() == "CBS Los Angeles"
    assert [a["href"] for a in vigil.find_all("a")] == ["http://la.example/vigil", BASE + "articles/vigil/"]
    special = cite_section(built, "special").select_one(".citation").get_text()
    assert special.startswith(f"Reporter, P., Picard, J.-L., & Cher. (2016, December). {SPECIAL_TITLE}. The Gazette.")


def test_undated_article_is_cited_without_a_date(built):
    text = cite_section(built, "undated").select_one(".citation").get_text()
    assert text == f"An Undated Piece. (n.d.). Archived copy at {BASE}articles/undated/"
    [item] = json.loads((built / "articles/undated/cite.json").read_text())
    assert "issued" not in item and "author" not in item
    assert item["URL"] == BASE + "articles/undated/"
    entry = parse_bibtex((built / "articles/undated/cite.bib").read_text())
    assert entry["kind"] == "misc" and "year" not in entry["fields"]


def test_csl_json_download(built):
    links = {a.get_text(): a["href"] for a in cite_section(built, "special").select(".cite-downloads a")}
    assert links == {"CSL-JSON": "/archive/articles/special/cite.json", "BibTeX": "/archive/articles/special/cite.bib"}
    [item] = json.loads((built / "articles/special/cite.json").read_text(encoding="utf-8"))
    assert item["type"] == "article-newspaper"
    assert item["title"] == SPECIAL_TITLE
    assert item["author"] == [{"family": "Reporter", "given": "Pat"}, {"family": "Picard", "given": "Jean-Luc"},
                              {"literal": "Cher"}]
    assert item["issued"] == {"date-parts": [[2016, 12]]}
    assert item["container-title"] == "The Gazette"
    assert item["URL"] == "https://gazette.example/a?b=1&c=2"
    assert item["archive_location"] == BASE + "articles/special/"
    assert BASE + "articles/special/" in item["note"]
    [vigil] = json.loads((built / "articles/vigil/cite.json").read_text(encoding="utf-8"))
    assert vigil["issued"] == {"date-parts": [[2016, 12, 18]]}


def balanced(text: str) -> bool:
    depth, i = 0, 0
    while i < len(text):
        if text[i] == "\\":
            i += 2  # an escaped character (\{, \}, \%) is not a brace
            continue
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth < 0:
            return False
        i += 1
    return depth == 0


def parse_bibtex(text: str) -> dict:
    """One ``@kind{key, name = {value} | bare, ...}`` entry; braces must balance."""
    assert balanced(text), text
    match = re.fullmatch(r"@(\w+)\{([^,\s]+),\n(.*)\}\n", text, re.S)
    assert match, text
    fields = {}
    for line in match.group(3).splitlines():
        name, value = re.fullmatch(r"  (\w+) = (.*),", line).groups()
        assert balanced(value)
        fields[name] = value[1:-1] if value.startswith("{") else value
    return {"kind": match.group(1), "key": match.group(2), "fields": fields}


UNESCAPED = re.compile(r"(?<!\\)[&%$#_~^]|\\(?![{}&%$#_]|text)")  # a LaTeX special left bare


def unescape_latex(text: str) -> str:
    for escaped, char in ((r"\textbackslash{}", "\\"), (r"\textasciitilde{}", "~"), (r"\textasciicircum{}", "^")):
        text = text.replace(escaped, char)
    return re.sub(r"\\([{}&%$#_])", r"\1", text)


def test_bibtex_download_is_balanced_and_escaped(built):
    entry = parse_bibtex((built / "articles/special/cite.bib").read_text(encoding="utf-8"))
    fields = entry["fields"]
    assert entry["kind"] == "article" and entry["key"] == "reporter2016braces"
    assert fields["author"] == "Reporter, Pat and Picard, Jean-Luc and {Cher}"
    title = fields["title"]
    assert title.startswith("{") and title.endswith("}")
    assert unescape_latex(title[1:-1]) == SPECIAL_TITLE
    assert not UNESCAPED.search(title[1:-1]), title
    assert fields["journal"] == "The Gazette"
    assert fields["year"] == "2016" and fields["month"] == "dec" and fields["date"] == "2016-12"
    assert fields["url"] == "https://gazette.example/a?b=1&c=2"
    assert fields["note"] == rf"Archived copy at \url{{{BASE}articles/special/}}"


def test_bibtex_escape_neutralises_every_special_character():
    for text in ("}{", r"\}", "{{{", "a}b{c", "100% & $x$ #_~^\\"):
        escaped = bibtex_escape(text)
        assert balanced(escaped) and not UNESCAPED.search(escaped), escaped
        assert unescape_latex(escaped) == text


@pytest.mark.parametrize("names, expected", [
    ([], ""),
    (["Brittney Hopper"], "Hopper, B."),
    (["Mary Ann Smith", "Jean-Luc Picard"], "Smith, M. A., & Picard, J.-L."),
    (["A B", "C D", "Cher"], "B, A., D, C., & Cher"),
])
def test_apa_authors(names, expected):
    assert apa_authors(names) == expected


def test_apa_dates_and_name_parts():
    assert apa_date(PartialDate(2016, 12, 18)) == "2016, December 18"
    assert apa_date(PartialDate(2016, 12)) == "2016, December"
    assert apa_date(PartialDate(2016)) == "2016"
    assert apa_date(None) == "n.d."
    assert split_name("Cher") == ("Cher", "")
    assert split_name("Mary Ann Smith") == ("Smith", "Mary Ann")


def test_only_web_addresses_become_links():
    from sitegen.render.citation import Citation

    cite = Citation("", "n.d.", "T", "", "javascript:alert(1)", "/a/x/", "/a/x/cite.json", "/a/x/cite.bib")
    kinds = dict((text, kind) for kind, text in cite.segments())
    assert kinds["javascript:alert(1)"] == "text" and kinds["/a/x/"] == "url"


def test_citation_files_sit_next_to_the_page():
    assert citation_urls("/a/x/") == ("/a/x/cite.json", "/a/x/cite.bib")
    assert citation_urls("/2016/x.html") == ("/2016/x.cite.json", "/2016/x.cite.bib")


@pytest.mark.parametrize("permalink,folder,files", [("{year}/{slug}.html", "2016/", "{slug}/"), ("{slug}.html", "", "{slug}/"),
                                                   ("{year}/{slug}/index.html", "2016/{slug}/", "")])
def test_file_permalinks_get_their_own_citation_and_bundle_files(site, permalink, folder, files):
    """Regression: with a page that is a file, the bundles' files went beside it, so that two
    imported articles' original.txt wanted one path (and '{slug}.html' was a traceback), and
    the link to the capture read '/2016/one.htmloriginal.txt'. They go in a folder named like
    the page now, and a body's link or image naming one of them points there."""
    original = "---\ntitle: {}\ndate: {}\noriginal: {{file: original.txt}}\n---\n![Photo](photo%20one.jpg) [raw](original.txt)\n"
    root = site({
        "sitegen.yaml": f"permalink: '{permalink}'\n",
        "content/articles/one/index.md": original.format("One", "2016-12-18"),
        "content/articles/one/original.txt": "One as captured\n",
        "content/articles/one/photo one.jpg": b"JPEG1",
        "content/articles/two/index.md": original.format("Two", "2016-12-19"),
        "content/articles/two/original.txt": "Two as captured\n",
        "content/articles/two/photo one.jpg": b"JPEG2",
    })
    result = build(root)
    assert result.exit_code == 0, result.output
    out = root / "public"
    broken = [(f.name, ref) for f, ref in internal_links(out) if resolve(out, f, ref) is None]
    assert broken == []
    for slug in ("one", "two"):
        html = out / permalink.format(year="2016", slug=slug)
        assert json.loads(html.with_suffix(".cite.json").read_text())[0]["title"] == slug.title()
        doc = soup(html)
        capture = doc.find("a", string="raw text as captured")["href"]
        assert capture == "/" + folder.format(slug=slug) + files.format(slug=slug) + "original.txt"
        assert (out / capture.lstrip("/")).read_text() == f"{slug.title()} as captured\n"
        image = doc.select_one(".article-body img")["src"]
        assert image == files.format(slug=slug) + "photo%20one.jpg"
        assert resolve(out, html, image).read_bytes() == (b"JPEG1" if slug == "one" else b"JPEG2")
        assert doc.select_one(".article-body a")["href"] == files.format(slug=slug) + "original.txt"
