"""Search: the Pagefind index of a built site (what it holds, how it filters) and the search page.

The index is read here without a browser; tests/browser/ runs the real search page in Chromium.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, article, page, write_files
from sitegen.build import build as build_site
from sitegen.config import load_config
from sitegen.diagnostics import Diagnostics
from sitegen.search import BLOCKS_FILE, BUNDLE_DIR, FILTERS, SearchIndexError, index_site
from sitegen.write import MARKER

VIGIL = "vigil-held-in-downtown-la-to-urge-538-electors-not-to-name-trump-president"
PETITION = "petition-for-electors-to-deny-donald-trump-presidency-picks-up-steam"


def build_searchable(source: Path, output: Path, base_url: str = "/") -> Path:
    """Build ``source`` into ``output`` with the search index, as ``sitegen build --search`` does."""
    build_site(source, Diagnostics(), search=True, base_url=base_url, output_dir=output)
    return output


def index_records(output: Path) -> dict[str, dict]:
    """Pagefind's record of each indexed page (url -> content, filters, meta), from its fragments.

    A fragment file is gzip-compressed ``pagefind_dcd`` followed by JSON: Pagefind's own
    format, read here so that what the index holds can be checked without a browser.
    """
    return bundle_records(output / BUNDLE_DIR)


def bundle_records(bundle: Path) -> dict[str, dict]:
    """``index_records`` of the bundles in the folder ``bundle`` (every block's, see search.py)."""
    records = {}
    for fragment in sorted(bundle.glob("**/fragment/*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd"), fragment
        record = json.loads(data[len(b"pagefind_dcd"):])
        records[record["url"]] = record
    return records


@pytest.fixture(scope="module")
def repo_site(tmp_path_factory) -> Path:
    return build_searchable(REPO, tmp_path_factory.mktemp("search") / "public")


def test_index_holds_article_text_annotations_and_comments(repo_site: Path):
    records = index_records(repo_site)
    vigil = records[f"/articles/{VIGIL}/"]
    assert vigil["meta"]["title"] == "Vigil Held In Downtown LA To Urge 538 Electors Not To Name Trump President"
    assert "hoping to sway those votes" in vigil["content"]  # the article's own text
    assert "Faith Spotted Eagle" in vigil["content"]  # an editor's note
    assert "Is Pence any better" in records[f"/articles/{PETITION}/"]["content"]  # a reader comment


def test_index_site_reports_a_failed_index(tmp_path: Path):
    with pytest.raises(SearchIndexError, match="Pagefind"):
        index_site(tmp_path, load_config(tmp_path, Diagnostics()))


FILTER_THEME = {
    # A theme whose article page marks only the article for indexing and includes the filters.
    "themes/default/templates/article.html": """
        {% extends "base.html" %}
        {% block main %}<article data-pagefind-body><h1>{{ article.title }}</h1>
        {{ article.body_html | safe }}
        {% include "partials/search-filters.html" %}</article>{% endblock %}
    """,
    "content/people/ada-lovelace.yaml": "name: Ada Lovelace\naliases: [Lovelace]\n",
    "content/topics/computing.yaml": "name: Computing\n",
    "content/articles/engine/index.md": article(
        # Ada Lovelace is only marked in the body; Charles Wheatstone only reports.
        "The Engine", "[Lovelace]{person=ada-lovelace} wrote the notes on [Menabrea]{person=luigi-menabrea}'s paper.",
        date="1843-09-05", reporters="[Charles Wheatstone]", people="[Luigi Menabrea]",
        topics="[computing, Mathematics]"),
    "content/articles/undated/index.md": article("Undated Note", "No date is known for this one."),
}


def test_articles_are_filtered_by_person_topic_and_year(site):
    root = site(FILTER_THEME)
    output = build_searchable(root, root / "public")
    records = index_records(output)
    assert sorted(records) == ["/articles/engine/", "/articles/undated/"]  # the listing pages are not indexed
    engine = records["/articles/engine/"]
    assert sorted(engine["filters"]["person"]) == ["Ada Lovelace", "Charles Wheatstone", "Luigi Menabrea"]
    assert sorted(engine["filters"]["topic"]) == ["Computing", "Mathematics"]
    assert engine["filters"]["year"] == ["1843"]
    assert engine["meta"]["date"] == "5 September 1843"
    assert "Wheatstone" not in engine["content"]  # filters add no words to the text
    assert records["/articles/undated/"]["filters"] == {"year": ["Undated"]}


def test_search_page_works_under_a_base_path(tmp_path: Path):
    site = write_files(tmp_path / "site", {"content/articles/a/index.md": article("A")})
    output = build_searchable(site, tmp_path / "public", base_url="https://example.org/repo/")
    doc = page(output, "search/")
    form = doc.find("form", id="search-form")
    assert form["data-bundle"] == "/repo/pagefind/" and form["data-base"] == "/repo/"
    assert form["action"] == "/repo/search/"
    assert (output / "pagefind" / "pagefind.js").is_file()
    scripts = doc.find_all("script")
    assert [s["src"] for s in scripts if s.get("type") == "module"] == ["/repo/static/search.js"]
    assert (output / "static" / "search.js").is_file()
    # The pages' CSP allows no inline script: every script is a file or JSON data.
    assert all(s.get("src") or s.get("type") == "application/ld+json" for s in scripts)
    assert [s["name"] for s in form.find_all("select")] == list(FILTERS)


def test_filter_names_agree_between_templates_and_script():
    theme = REPO / "themes" / "default"
    partial = (theme / "templates" / "partials" / "search-filters.html").read_text(encoding="utf-8")
    script = (theme / "static" / "search.js").read_text(encoding="utf-8")
    in_partial = sorted(set(re.findall(r'data-pagefind-filter="(\w+):', partial)))
    in_script = re.search(r"const FILTERS = \[([^\]]*)\]", script).group(1)
    assert in_partial == sorted(FILTERS)
    assert [name.strip().strip('"') for name in in_script.split(",")] == list(FILTERS)


def _two_articles(tmp_path: Path) -> Path:
    return write_files(tmp_path / "site", {
        "content/articles/bridge/index.md": article("Bridge", "The council voted on the bridge.", date="2016-01-02"),
        "content/articles/ferry/index.md": article("Ferry", "The ferry runs twice a day.", date="2016-01-03"),
    })


def test_a_search_build_of_unchanged_pages_keeps_the_index_it_made(tmp_path: Path, monkeypatch):
    # Pagefind reads every page again and takes longer than a cold build of the pages (30 s and
    # 3 GB at 10,000 articles): with no page changed, the index in the output is the one wanted.
    site = _two_articles(tmp_path)
    output = build_searchable(site, site / "public")
    entry = output / BUNDLE_DIR / "pagefind-entry.json"
    made = entry.stat().st_ino

    def no_indexing(*args):
        raise AssertionError("the index was made again")

    monkeypatch.setattr("sitegen.build.index_site", no_indexing)
    report = build_site(site, Diagnostics(), search=True, output_dir=output)
    assert entry.stat().st_ino == made
    assert sorted(index_records(output)) == ["/articles/bridge/", "/articles/ferry/"]
    # The report still counts the index: what the output holds, but for sitegen's marker file.
    on_disk = sum(path.stat().st_size for path in output.rglob("*") if path.is_file() and path.name != MARKER)
    assert report.write.files == 0 and report.site_bytes == on_disk


def test_an_edited_article_is_indexed_again_by_the_next_search_build(tmp_path: Path):
    site = _two_articles(tmp_path)
    output = build_searchable(site, site / "public")
    body = site / "content/articles/ferry/index.md"
    body.write_text(body.read_text(encoding="utf-8").replace("twice a day", "thrice daily"), encoding="utf-8")
    # A build without --search leaves the index as it was (as a Hugo build leaves Pagefind's)...
    build_site(site, Diagnostics(), output_dir=output)
    assert "thrice" not in index_records(output)["/articles/ferry/"]["content"]
    assert "thrice daily" in page(output, "articles/ferry/").get_text()
    # ... and the next --search build sees that a page changed since it was made.
    build_searchable(site, output)
    assert "thrice daily" in index_records(output)["/articles/ferry/"]["content"]


def test_a_build_without_search_keeps_the_index_in_a_new_tree_and_clean_drops_it(tmp_path: Path):
    site = _two_articles(tmp_path)
    output = build_searchable(site, site / "public")
    # A new template changes every page: the output is made as a whole new tree.
    write_files(site, {"themes/default/templates/article.html": """
        {% extends "base.html" %}{% block main %}<article data-pagefind-body><h1>{{ article.title }}</h1>
        {{ article.body_html | safe }}</article>{% endblock %}"""})
    report = build_site(site, Diagnostics(), output_dir=output)
    assert report.write.written > 0 and report.units_rendered == report.units
    assert sorted(index_records(output)) == ["/articles/bridge/", "/articles/ferry/"]
    build_site(site, Diagnostics(), output_dir=output, clean=True)
    assert not (output / BUNDLE_DIR).exists()  # --clean makes only what this build makes


def test_a_large_archive_is_indexed_in_blocks_and_an_edit_indexes_only_its_own(tmp_path: Path, monkeypatch):
    # One Pagefind run holds its whole index in memory (~340 KB a page): an archive is indexed
    # in blocks of at most BLOCK_PAGES pages (here 1, so that two articles make two blocks).
    monkeypatch.setattr("sitegen.search.BLOCK_PAGES", 1)
    site = _two_articles(tmp_path)
    output = build_searchable(site, site / "public")
    bundle = output / BUNDLE_DIR
    assert json.loads((bundle / BLOCKS_FILE).read_text(encoding="utf-8")) == ["block-1/"]
    assert sorted(bundle_records(bundle / "block-1")) == ["/articles/ferry/"]  # the same URLs as one index's
    assert sorted(index_records(output)) == ["/articles/bridge/", "/articles/ferry/"]
    first, second = (bundle / "pagefind-entry.json").stat().st_ino, (bundle / "block-1/pagefind-entry.json").stat().st_ino
    body = site / "content/articles/ferry/index.md"
    body.write_text(body.read_text(encoding="utf-8").replace("twice a day", "thrice daily"), encoding="utf-8")
    # The edit built without the index first, as `sitegen serve` does: then the --search build
    # has no page to render, and updates the output in place, its index too.
    build_site(site, Diagnostics(), output_dir=output)
    folder = output.stat().st_ino
    build_searchable(site, output)
    assert output.stat().st_ino == folder
    assert (bundle / "pagefind-entry.json").stat().st_ino == first  # the bridge's block is kept
    assert (bundle / "block-1/pagefind-entry.json").stat().st_ino != second
    assert "thrice daily" in index_records(output)["/articles/ferry/"]["content"]
    assert json.loads((bundle / BLOCKS_FILE).read_text(encoding="utf-8")) == ["block-1/"]


def test_a_new_tree_links_the_blocks_whose_pages_are_unchanged(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("sitegen.search.BLOCK_PAGES", 1)
    site = _two_articles(tmp_path)
    first = tmp_path / "first"
    build_site(site, Diagnostics(), output_dir=first)
    config = load_config(site, Diagnostics())
    bases = index_site(first, config)
    second = tmp_path / "second"  # the next build's new tree, the ferry's page changed
    shutil.copytree(first, second, ignore=shutil.ignore_patterns(BUNDLE_DIR))
    ferry = second / "articles/ferry/index.html"
    ferry.write_text(ferry.read_text(encoding="utf-8").replace("twice a day", "thrice daily"), encoding="utf-8")
    again = index_site(second, config, previous=(first, bases))
    assert again[0] == bases[0] and again[1] != bases[1]
    entry = Path(BUNDLE_DIR, "pagefind-entry.json")
    assert (second / entry).stat().st_ino == (first / entry).stat().st_ino  # linked, not made again
    assert "thrice daily" in bundle_records(second / BUNDLE_DIR / "block-1")["/articles/ferry/"]["content"]
    assert sorted(index_records(second)) == ["/articles/bridge/", "/articles/ferry/"]


def test_fewer_pages_make_fewer_blocks_and_the_others_go(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("sitegen.search.BLOCK_PAGES", 1)
    site = _two_articles(tmp_path)
    output = build_searchable(site, site / "public")
    assert (output / BUNDLE_DIR / "block-1" / "pagefind.js").is_file()
    shutil.rmtree(site / "content/articles/ferry")
    build_searchable(site, output)
    assert json.loads((output / BUNDLE_DIR / BLOCKS_FILE).read_text(encoding="utf-8")) == []
    assert not (output / BUNDLE_DIR / "block-1").exists()
    assert sorted(index_records(output)) == ["/articles/bridge/"]


def test_the_index_holds_the_articles_words_not_the_pages_labels(tmp_path: Path):
    # An excerpt is cut from what is indexed: a search by filter alone shows its start, and a
    # quote's speaker must not read "quote by" in the middle of the text.
    site = write_files(tmp_path / "site", {
        "content/people/ada-lovelace.yaml": "name: Ada Lovelace\n",
        "content/articles/engine/index.md": article(
            "The Engine", '[“It weaves algebraic patterns,”]{.quote by=ada-lovelace} the notes say.',
            date="1843-09-05", dateline="London", source="{name: The Athenaeum}", people="[ada-lovelace]",
            topics="[Computing]"),
    })
    content = index_records(build_searchable(site, site / "public"))["/articles/engine/"]["content"]
    assert content.startswith("The Engine. ")  # not "The Athenaeum · London", the kicker
    assert "quote by" not in content.lower() and "People" not in content and "Topics" not in content
    assert "It weaves algebraic patterns" in content and "Ada Lovelace" in content


def test_a_search_excerpt_sets_who_is_quoted_off_from_the_quote(tmp_path: Path):
    """Pagefind reads the words of elements one after the other: the quote's closing mark and
    the name of who is quoted, in an element of their own after it, were one word."""
    site = write_files(tmp_path / "site", {
        "content/people/jb-rouviere.yaml": "name: Jean-Baptiste Rouvière\n",
        "content/articles/quai/index.md": article(
            "Quai", "Il a dit [« nous restons ici »]{.quote by=jb-rouviere} hier soir.", date="2020", language="fr"),
    })
    content = index_records(build_searchable(site, site / "public"))["/articles/quai/"]["content"]
    assert "Il a dit « nous restons ici » (Jean-Baptiste Rouvière) hier soir." in content


def test_a_search_excerpt_sets_a_fact_checks_rating_off_from_the_claim(tmp_path: Path):
    site = write_files(tmp_path / "site", {"content/articles/quai/index.md": article(
        "Quai", "Selon lui, [le maire a menti]{.claim rating=false} selon nous.", date="2020", language="fr")})
    content = index_records(build_searchable(site, site / "public"))["/articles/quai/"]["content"]
    assert "le maire a menti (False) selon nous." in content


@pytest.mark.parametrize("taken_down", ["draft", "deleted"])
def test_a_build_without_search_drops_an_index_that_holds_pages_it_no_longer_makes(tmp_path: Path, taken_down):
    # An embargoed draft, or an article taken down: its words must not stay searchable in the
    # output that gets published, as a stale index kept by a build without --search would be.
    site = _two_articles(tmp_path)
    write_files(site, {"content/articles/scoop/index.md": article(
        "Scoop", "The secretword merger is off.", date="2016-01-04", draft="true")})
    output = site / "public"
    build_site(site, Diagnostics(), search=True, drafts=True, output_dir=output)
    assert "/articles/scoop/" in index_records(output)
    if taken_down == "deleted":
        shutil.rmtree(site / "content/articles/scoop")
    build_site(site, Diagnostics(), output_dir=output)
    assert not (output / BUNDLE_DIR).exists()
    assert not any(b"secretword" in path.read_bytes() for path in output.rglob("*") if path.is_file())
    build_searchable(site, output)  # and the next --search build makes it again
    assert sorted(index_records(output)) == ["/articles/bridge/", "/articles/ferry/"]


@pytest.mark.parametrize("with_search", [False, True])
def test_a_build_killed_after_changing_the_output_leaves_no_record_to_trust(tmp_path: Path, monkeypatch, with_search):
    # Killed between putting its output in place and saving its record of it: the record of the
    # output before would say the edited page and index were as before the edit, and the edit
    # undone would then keep the killed build's page (and index) for good.
    site = _two_articles(tmp_path)
    output = build_searchable(site, site / "public")
    body = site / "content/articles/ferry/index.md"
    before = body.read_text(encoding="utf-8")
    body.write_text(before.replace("twice a day", "thrice daily"), encoding="utf-8")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    with monkeypatch.context() as patched:
        patched.setattr("sitegen.cache.BuildCache.save", killed)
        with pytest.raises(KeyboardInterrupt):
            build_site(site, Diagnostics(), search=with_search, output_dir=output)
    assert "thrice daily" in page(output, "articles/ferry/").get_text()  # it did change the output
    body.write_text(before, encoding="utf-8")
    build_searchable(site, output)
    assert "thrice" not in page(output, "articles/ferry/").get_text()
    assert "twice a day" in index_records(output)["/articles/ferry/"]["content"]


def test_a_bundle_deleted_by_hand_is_made_again_by_the_next_search_build(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("sitegen.search.BLOCK_PAGES", 1)
    site = _two_articles(tmp_path)
    output = build_searchable(site, site / "public")
    shutil.rmtree(output / BUNDLE_DIR / "block-1")  # the search page would fail to merge it
    build_searchable(site, output)
    assert sorted(index_records(output)) == ["/articles/bridge/", "/articles/ferry/"]


def test_an_article_about_pagefinds_attribute_does_not_mark_its_page_for_indexing(site):
    # With no page marked, Pagefind indexes every page: an article quoting the attribute's name
    # as words must not make its page the only one indexed.
    root = site({
        "themes/default/templates/article.html": """
            {% extends "base.html" %}{% block main %}<article><h1>{{ article.title }}</h1>
            {{ article.body_html | safe }}</article>{% endblock %}""",
        "content/articles/howto/index.md": article("How To", "Mark the body with data-pagefind-body and rebuild."),
        "content/articles/other/index.md": article("Other", "Nothing to see."),
    })
    records = index_records(build_searchable(root, root / "public"))
    assert {"/articles/howto/", "/articles/other/", "/"} <= set(records)
