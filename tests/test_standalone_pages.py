"""Standalone pages (content/pages/): published at the top of the site, linked from the
navigation by their menu weight, safe as article bodies are, and said to be wrong at their line."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import article, build, page, write_files
from sitegen.markup import BodyContext, create_markdown, render_body
from test_hostile import VECTORS, parse, violations

PAGES = {
    "content/people/ada-lovelace.yaml": "name: Ada Lovelace\n",
    "content/articles/one/index.md": article("One", "Lovelace wrote.", date="1843-09-05", people="[Ada Lovelace]"),
    "content/pages/about.md": """\
        ---
        title: About the archive
        description: What the archive keeps.
        menu: 2
        ---
        What we keep, and why.[^1]

        | mark | meaning |
        |---|---|
        | note | context |

        ```python
        print("kept")
        ```

        [^1]: Since 1843.
        """,
    "content/pages/contact.md": "---\ntitle: Contact\nmenu: 1\n---\nWrite to us.\n",
    # A folder with its files, and no menu weight: published, linked from nowhere.
    "content/pages/policy/index.md": "---\ntitle: Corrections policy\n---\nOur chart: ![Chart](chart.png)\n",
    "content/pages/policy/chart.png": b"\x89PNG fake\n",
    "content/pages/policy/letter.html": "<script>alert(1)</script>\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = write_files(tmp_path_factory.mktemp("pages"), PAGES)
    result = build(root, "--base-url", "https://example.org/archive/")
    assert result.exit_code == 0, result.output
    return root / "public"


def nav(doc) -> list[tuple[str, str]]:
    return [(a.get_text(strip=True), a["href"]) for a in doc.select("header.site-header nav a")]


def test_a_page_is_published_at_the_top_of_the_site(built):
    doc = page(built, "about/")
    assert doc.find("h1").get_text(strip=True) == "About the archive"
    assert doc.title.get_text() == "About the archive · News Archive"
    body = doc.select_one("article[data-pagefind-body] .page-body")  # (search indexes it as an article)
    assert body.find("table").find("td").get_text() == "note"
    assert body.select_one(".footnotes") is not None
    assert "kept" in body.find("pre").get_text() and body.find("pre").find("span") is not None  # highlighted
    assert doc.select_one('link[rel="canonical"]')["href"] == "https://example.org/archive/about/"
    assert doc.select_one('meta[property="og:title"]')["content"] == "About the archive"
    assert doc.select_one('meta[property="og:description"]')["content"] == "What the archive keeps."
    assert doc.select_one('meta[name="description"]')["content"] == "What the archive keeps."
    # Without a description of its own, the site's.
    contact = page(built, "contact/")
    assert contact.select_one('meta[name="description"]')["content"] == "An annotated news archive."


def test_the_navigation_links_the_pages_with_a_menu_weight_in_order(built):
    expected = [("Archive", "/archive/"), ("People", "/archive/people/"), ("Topics", "/archive/topics/"),
                ("Annotations", "/archive/annotations/"), ("Search", "/archive/search/"),
                ("Contact", "/archive/contact/"), ("About the archive", "/archive/about/")]
    for url in ("", "articles/one/", "people/ada-lovelace/", "policy/", "search/"):
        assert nav(page(built, url)) == expected, url
    current = page(built, "about/").select("header.site-header nav a[aria-current]")
    assert [a.get_text() for a in current] == ["About the archive"]
    assert (built / "404.html").is_file() and nav(page(built, "404.html")) == expected


def test_a_page_folder_publishes_its_files_beside_it(built):
    doc = page(built, "policy/")
    assert doc.select_one(".page-body img")["src"] == "chart.png"
    assert (built / "policy/chart.png").read_bytes() == b"\x89PNG fake\n"
    # A file a browser would run as a page is published as text, as an article's is.
    assert (built / "policy/letter.html.txt").is_file() and not (built / "policy/letter.html").exists()
    assert not (built / "policy/index.md").exists() and not (built / "about.md").exists()


def test_pages_are_in_the_sitemap(built):
    urls = {loc.text for loc in ET.parse(built / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert {"https://example.org/archive/about/", "https://example.org/archive/contact/",
            "https://example.org/archive/policy/"} <= urls


def test_a_page_is_in_no_listing_or_feed(built):
    assert (built / "about/index.html").is_file()
    assert "About the archive" not in (built / "feed.xml").read_text(encoding="utf-8")
    assert "About the archive" not in page(built, "").select_one("main").get_text()


def test_annotation_marks_work_in_a_page_but_are_listed_nowhere(site, monkeypatch):
    root = site({**PAGES, "content/pages/about.md": (
        "---\ntitle: About\n---\n"
        "[Lovelace]{person=ada-lovelace} wrote{>>A note of the archive.<<} of {~~teh~>the~~} engine.\n\n"
        "[“Engines weave”]{.quote by=ada-lovelace} she said. [A claim]{.claim rating=false}{>>No.<<}\n")})
    assert build(root).exit_code == 0
    body = page(root / "public", "about/").select_one(".page-body")
    assert body.select_one('a[href="/people/ada-lovelace/"]').get_text() == "Lovelace"
    assert body.select_one(".sidenote").get_text(strip=True).endswith("A note of the archive.")
    assert body.select_one("del.as-published").get_text() == "teh" and body.select_one("ins").get_text() == "the"
    person = page(root / "public", "people/ada-lovelace/")
    assert "Engines weave" not in person.get_text() and "About" not in person.select_one("main").get_text()
    assert "A claim" not in page(root / "public", "annotations/").get_text()
    # A mark naming no one the archive knows is an error at its line, as in an article.
    monkeypatch.chdir(root)
    (root / "content/pages/about.md").write_text("---\ntitle: About\n---\n\n[“Hi”]{.quote by=ada-lovelase} said.\n")
    result = build(root)
    assert result.exit_code == 1
    assert ("content/pages/about.md:5: quote by 'ada-lovelase': no such person (did you mean 'ada-lovelace'?)"
            in result.stderr), result.stderr


def safe_placements() -> list[str]:
    """Each XSS vector as text, a link, an image, an autolink, code, a table cell, a footnote and
    a note, as far as a body takes them without an error of its own (an unclosed mark, say)."""
    md = create_markdown()
    context = BodyContext(person_url=lambda s: f"/people/{s}/", topic_url=lambda s: f"/topics/{s}/",
                          person_names={}, topic_names={})
    placements = []
    for i, v in enumerate(VECTORS):
        for placement in (v, f"[{v}]({v})", f"![{v}]({v})", f"<{v}>", f"`{v}`", f"| a |\n|---|\n| {v} |",
                          f"Footnoted.[^f{i}]\n\n[^f{i}]: {v}", f"A note.{{>>{v}<<}}"):
            if not render_body(md, placement, context).problems:
                placements.append(placement)
    assert len(placements) > 0.9 * 8 * len(VECTORS)
    assert not render_body(md, "\n\n".join(placements), context).problems
    return placements


def test_raw_html_in_a_page_is_shown_as_text_never_run(site):
    """A page is no hole in what article bodies keep out: every vector, in its body, title
    and description, leaves nothing that runs."""
    body = "\n\n".join(safe_placements())
    title = VECTORS[0].replace('"', "'")
    root = site({"content/pages/about.md": f'---\ntitle: "{title}"\ndescription: "{title}"\nmenu: 1\n---\n{body}\n',
                 "content/articles/one/index.md": article("One")})
    result = build(root)
    assert result.exit_code == 0, result.output
    for url in ("about/index.html", "articles/one/index.html"):
        doc = parse((root / "public" / url).read_text(encoding="utf-8"))
        assert violations(doc, "/static/") == [], url
    doc = page(root / "public", "about/")
    assert doc.find("h1").get_text() == title and "<script>alert(1)</script>" in doc.select_one(".page-body").get_text()


def test_the_build_says_how_many_pages_it_made(site):
    result = build(site(PAGES))
    assert result.exit_code == 0
    assert result.stdout.startswith("sitegen: built 1 article, 3 pages, 1 person, "), result.stdout


def test_a_draft_page_is_built_only_with_drafts(site):
    root = site({**PAGES, "content/pages/contact.md": "---\ntitle: Contact\nmenu: 1\ndraft: true\n---\nWrite.\n"})
    assert build(root).exit_code == 0
    assert not (root / "public/contact").exists()
    assert "Contact" not in [text for text, _ in nav(page(root / "public", ""))]
    assert build(root, "--drafts").exit_code == 0
    assert page(root / "public", "contact/").find("h1").get_text() == "Contact"
    assert "Contact" in [text for text, _ in nav(page(root / "public", ""))]


def test_menu_order_breaks_ties_by_title(site):
    root = site({"content/pages/b.md": "---\ntitle: Beta\nmenu: 5\n---\nB.\n",
                 "content/pages/a.md": "---\ntitle: alpha\nmenu: 5\n---\nA.\n",
                 "content/pages/z.md": "---\ntitle: Zulu\nmenu: -1\n---\nZ.\n"})
    assert build(root).exit_code == 0
    assert [text for text, _ in nav(page(root / "public", ""))][5:] == ["Zulu", "alpha", "Beta"]


def warnings_of_a_build(root: Path, monkeypatch) -> list[str]:
    """The warning lines of a build of ``root`` that succeeds, sorted."""
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 0, result.output
    return sorted(line for line in result.stderr.splitlines() if ": warning: " in line)


def test_a_markdown_file_at_the_top_of_content_is_said_to_be_left_out(site, monkeypatch):
    """Hugo keeps content/about.md as a page: here it would be left out without a word."""
    root = site({"content/articles/one/index.md": article("One"), "content/About Us.md": "---\ntitle: About\n---\nA.\n",
                 "content/README.md": "What this folder holds.\n", "content/pages/logo.png": b"png",
                 "content/pages/faq.markdown": "---\ntitle: FAQ\n---\nQ.\n"})
    assert warnings_of_a_build(root, monkeypatch) == [
        "content/About Us.md: warning: not a page, and left out of the site: a page is a Markdown file in content/pages/ "
        "(move it to content/pages/about-us.md)",
        "content/pages/faq.markdown: warning: not a page, and left out of the site: a page is a <name>.md file or a "
        "<name>/ folder holding an index.md (rename it to faq.md)",
        "content/pages/logo.png: warning: not a page, and left out of the site: a page is a <name>.md file or a "
        "<name>/ folder holding an index.md (a page's files go in its folder, beside its index.md)",
    ]


def test_hugo_page_folders_and_home_page_text_in_content_are_said_to_be_left_out(site, monkeypatch):
    """Hugo's content/about/index.md (a page with its files) and content/_index.md (the home
    page's text) were left out without a word; folders of files with no index.md say nothing."""
    root = site({"content/articles/one/index.md": article("One"), "content/about/index.md": "---\ntitle: A\n---\nA.\n",
                 "content/_index.md": "---\ntitle: Home\n---\nWelcome.\n", "content/images/logo.png": b"png",
                 "content/contact/_index.md": "---\ntitle: C\n---\nC.\n"})
    assert warnings_of_a_build(root, monkeypatch) == [
        "content/_index.md: warning: not a page, and left out of the site: the home page is the archive's, and a page "
        "is a Markdown file in content/pages/",
        "content/about/index.md: warning: not a page, and left out of the site: a page is a Markdown file in "
        "content/pages/ (move the folder to content/pages/about)",
        "content/contact/_index.md: warning: not a page, and left out of the site: a page is a Markdown file in "
        "content/pages/ (move the folder to content/pages/contact, and rename _index.md to index.md)",
    ]


def test_the_repository_archive_has_an_about_page(repo_site):
    doc = page(repo_site, "about/")
    assert doc.find("h1").get_text() == "About this archive"
    assert ("About this archive", "/about/") in nav(page(repo_site, ""))


def test_a_page_is_checked_against_the_articles_addresses_without_describing_each(monkeypatch):
    """With permalink '{slug}/', every build checks that no article's folder is a page's: the
    text of an error was made for every article (a path shown is a look at the disk, 100 µs
    an article: a second of every build at 10,000 articles) though none was one."""
    from sitegen.diagnostics import Diagnostics
    from sitegen.load import pages as pages_module
    from sitegen.model import Article, Page
    from sitegen.render.urls import Urls

    shown = []
    monkeypatch.setattr(pages_module, "display_path", lambda path: shown.append(path) or str(path))
    articles = tuple(Article(slug=f"story-{i}", title="T", path=Path(f"content/articles/story-{i}")) for i in range(500))
    diags = Diagnostics()
    pages_module._check_addresses([Page("about", "About", Path("content/pages/about.md"))], articles,
                                  Urls("/", "{slug}/"), diags)
    assert not diags.items and shown == []
    pages_module._check_addresses([Page("story-7", "Seven", Path("content/pages/story-7.md"))], articles,
                                  Urls("/", "{slug}/"), diags)
    assert [d.message for d in diags.errors] == [
        "page 'story-7': its address /story-7/ is taken by article 'story-7' (content/articles/story-7/index.md) "
        "(rename the file)"]


@pytest.mark.parametrize("permalink", ["{year}/{slug}/", "{year}/{slug}.html"])
def test_a_page_named_like_a_year_sits_beside_that_years_articles(site, permalink):
    """Under a '{year}/...' permalink the articles of 2024 are in 2024/, and a page named
    2024 writes 2024/index.html, which none of theirs is: no clash (it was refused as one)."""
    root = site({"sitegen.yaml": f"permalink: '{permalink}'\n",
                 "content/articles/one/index.md": article("One", "Text.", date="2024-03-01"),
                 "content/pages/2024.md": "---\ntitle: The year 2024\n---\nWhat happened.\n"})
    result = build(root)
    assert result.exit_code == 0, result.output
    assert page(root / "public", "2024/").find("h1").get_text() == "The year 2024"
    assert page(root / "public", "2024/one/" if permalink.endswith("/") else "2024/one.html").find("h1").get_text() == "One"
    if permalink.endswith("/"):
        return
    # An article whose page would be that folder's index.html does clash.
    (root / "content/articles/index/index.md").parent.mkdir()
    (root / "content/articles/index/index.md").write_text(article("Index", "Text.", date="2024-04-01"))
    clash = build(root)
    assert clash.exit_code == 1
    assert "content/pages/2024.md: page '2024': its address /2024/ is taken by article 'index'" in clash.output


@pytest.mark.parametrize("text, hint", [
    ("weight: 2", "a page's place in the navigation is its 'menu' (menu: 1)"),
    # (slug and url were warned about with no word of what to do: a Hugo page's address)
    ("slug: about-us", "a page's address is its file's name: rename the file (and list the old address in 'aliases')"),
    ("url: /about-us/", "a page's address is its file's name: rename the file (and list the old address in 'aliases')"),
])
def test_a_key_of_hugos_page_front_matter_is_told_what_says_the_same_here(site, monkeypatch, text, hint):
    root = site({"content/articles/one/index.md": article("One"),
                 "content/pages/about.md": f"---\ntitle: About\n{text}\n---\nA.\n"})
    key = text.split(":")[0]
    assert warnings_of_a_build(root, monkeypatch) == [
        f"content/pages/about.md:3: warning: unknown front matter key '{key}': {hint}"]
