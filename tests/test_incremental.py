"""Incremental builds: after every kind of change, the cached build equals a clean build, byte for byte."""

from __future__ import annotations

import errno
import json
import multiprocessing
import re
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import jinja2.bccache
import jinja2.loaders
import pytest

import sitegen
import sitegen.build
import sitegen.cache
import sitegen.model
import sitegen.parallel
import sitegen.load
import sitegen.write
import sitegen.load.articles
import sitegen.load.files
import sitegen.load.registries
import sitegen.markup.highlight
import sitegen.render.feeds
import sitegen.render.plan
from conftest import article, run_sitegen, soup, write_files
from sitegen.build import build, urls_for
from sitegen.cache import BuildCache, digest
from sitegen.config import load_config
from sitegen.index import build_index
from sitegen.load import load_site
from sitegen.render import plan_units, static_files, theme_dirs
from sitegen.diagnostics import BuildError, Diagnostics
from sitegen.write import MARKER

BASE = {
    # An excerpt of one: the topics' annotations already have pages of their own.
    "sitegen.yaml": "title: Incremental\npagination: 2\nannotation_excerpt: 1\n",
    "content/people/ada-lovelace.yaml": "name: Ada Lovelace\naliases: [Lovelace]\ndescription: Mathematician.\n",
    "content/people/charles-babbage.yaml": "name: Charles Babbage\n",
    "content/topics/computing.yaml": "name: Computing\nrelated: [history]\n",
    "content/topics/history.yaml": "name: History\n",
    "content/articles/one/index.md": article(
        "One", "Lovelace wrote.{>>A note.<<}\n\n[“Engines”]{.quote by=ada-lovelace} she said.\n\n"
               "```python\nengine = 'analytical'\n```\n\n```text\nA table & a note\n```",
        date="1843-09-05", people="[Ada Lovelace]", topics="[computing]", reporters="[Pat Reporter]"),
    "content/articles/one/comments.yaml": "comments:\n  - id: c1\n    author: null\n    text: First.\n",
    "content/articles/one/original.txt": "raw\n",
    "content/articles/two/index.md": article(
        "Two", "[Babbage]{person=charles-babbage} built it. [A claim]{.claim rating=true}{>>Yes.<<}",
        date="1850-02", people="[Charles Babbage]", topics="[computing, history]", language="fr"),
    "content/articles/two/media/figure.txt": "figure\n",
    "content/articles/three/index.md": article("Three", "Undated {~~teh~>the~~} text.", people="[Ada Lovelace]"),
}


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(root: Path, out: Path, **options):
    return build(root, Diagnostics(), output_dir=out, **options)


def assert_rebuild_equals_clean_build(root: Path, tmp_path: Path) -> None:
    """Build again into out/ (with the cache) and from nothing into clean/: the same bytes."""
    run(root, tmp_path / "out")
    run(root, tmp_path / "clean", clean=True)
    assert tree(tmp_path / "out") == tree(tmp_path / "clean")


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def move(root: Path, old: str, new: str) -> None:
    (root / new).parent.mkdir(parents=True, exist_ok=True)
    (root / old).rename(root / new)


CHANGES = {
    "edit a body": lambda root: edit(root, "content/articles/one/index.md", "Lovelace wrote.", "Lovelace wrote again."),
    "edit a code block": lambda root: edit(root, "content/articles/one/index.md", "'analytical'", "'difference'"),
    "change a code block's language": lambda root: edit(root, "content/articles/one/index.md", "```text", "```yaml"),
    "mention another person in a body": lambda root: edit(root, "content/articles/one/index.md", "Lovelace wrote.",
                                                          "Lovelace wrote to [Babbage]{person=charles-babbage}."),
    "move an article to another person": lambda root: edit(root, "content/articles/two/index.md",
                                                          "people: [Charles Babbage]", "people: [Ada Lovelace]"),
    "delete an article": lambda root: shutil.rmtree(root / "content/articles/three"),
    "add an article": lambda root: write_files(root, {"content/articles/four/index.md": article(
        "Four", "New text about Babbage.", date="1851", people="[Charles Babbage, Someone New]")}),
    "rename a person in the registry": lambda root: edit(root, "content/people/ada-lovelace.yaml",
                                                         "name: Ada Lovelace", "name: Augusta Ada King"),
    "change a person's description": lambda root: edit(root, "content/people/ada-lovelace.yaml",
                                                       "Mathematician.", "Mathematician and writer."),
    "add a person to the registry": lambda root: write_files(root, {"content/people/pat-reporter.yaml":
                                                                   "name: Pat Reporter\ndescription: Reporter.\n"}),
    "change a template": lambda root: write_files(root, {"themes/default/templates/404.html":
        '{% extends "base.html" %}{% block main %}<h1>Gone</h1>{% endblock %}'}),
    "change the base template": lambda root: write_files(root, {"themes/default/templates/base.html":
        (Path(__file__).parent.parent / "themes/default/templates/base.html").read_text().replace("Skip to content", "Skip")}),
    "change the configuration": lambda root: edit(root, "sitegen.yaml", "title: Incremental", "title: Renamed"),
    "change the base URL": lambda root: edit(root, "sitegen.yaml", "title: Incremental",
                                             "title: Incremental\nbase_url: https://example.org/archive/"),
    "change pagination": lambda root: edit(root, "sitegen.yaml", "pagination: 2", "pagination: 1"),
    "edit comments": lambda root: edit(root, "content/articles/one/comments.yaml", "First.", "First, edited."),
    "change an asset": lambda root: (root / "content/articles/one/original.txt").write_text("raw, changed\n"),
    "add a file to an article": lambda root: write_files(root, {"content/articles/two/notes.txt": "notes\n"}),
    "add an HTML page to an article": lambda root: write_files(root, {"content/articles/two/letter.html": "<p>A letter.</p>\n"}),
    "add a file to an article's subfolder": lambda root: write_files(root, {"content/articles/two/media/more.txt": "more\n"}),
    "remove a file from an article's subfolder": lambda root: (root / "content/articles/two/media/figure.txt").unlink(),
    "delete an article's comments": lambda root: (root / "content/articles/one/comments.yaml").unlink(),
    "add a static file": lambda root: write_files(root, {"themes/default/static/extra.css": "body{}"}),
    # Whole lists of annotations appear (quotes, fact-checks, corrections), and one vanishes.
    "add annotations": lambda root: edit(root, "content/articles/three/index.md", "Undated {~~teh~>the~~} text.",
                                         "Undated {~~teh~>the~~} text. [A second claim]{.claim rating=false}{>>No.<<} "
                                         "{~~a~>an~~} [“Again”]{.quote by=ada-lovelace} she said."),
    "remove the only fact-check": lambda root: edit(root, "content/articles/two/index.md",
                                                    "[A claim]{.claim rating=true}{>>Yes.<<}", "A claim."),
    # An article's language is on its page, its items in lists and its feed entries; the site's on
    # what the archive adds to an article in another (its notes and fact-check ratings).
    "give an article a language of its own": lambda root: edit(root, "content/articles/one/index.md",
                                                              "date: 1843-09-05", "date: 1843-09-05\nlanguage: de"),
    "change the site's language": lambda root: edit(root, "sitegen.yaml", "title: Incremental",
                                                    "title: Incremental\nlanguage: fr"),
    "change the annotation excerpt": lambda root: edit(root, "sitegen.yaml", "annotation_excerpt: 1", "annotation_excerpt: 3"),
    # A bundle's folder found as it was is not looked into (see load.find_bundles): these change it.
    "move an article into a grouping folder": lambda root: move(root, "content/articles/three", "content/articles/1900s/three"),
    "turn an article's folder into a grouping folder": lambda root: move(
        root, "content/articles/three/index.md", "content/articles/three/three-again/index.md"),
}


@pytest.fixture(params=["fresh files", "settled files"])
def settled(request, monkeypatch):
    """Files written just now are always read again (see scan_is_settled); in real use most
    files are older, and the next build trusts what the file system says of them. Both ways."""
    if request.param == "settled files":
        monkeypatch.setattr(sitegen.load.files, "SETTLE_NS", -10**18)
    return request.param


@pytest.fixture(params=["new tree", "in place"])
def output_mode(request, monkeypatch):
    """How the output is put in place: a small site never has a change small enough to be
    updated in place (see build._small_change), so that way is forced here."""
    if request.param == "in place":
        always_in_place(monkeypatch)
    return request.param


def always_in_place(monkeypatch):
    monkeypatch.setattr(sitegen.build, "_small_change", lambda todo, units, manifest: bool(manifest.units))


@pytest.mark.parametrize("change", list(CHANGES), ids=list(CHANGES))
def test_incremental_build_equals_clean_build(tmp_path, change, settled, output_mode):
    root = write_files(tmp_path / "site", BASE)
    assert run(root, tmp_path / "out").articles == 3
    CHANGES[change](root)
    assert_rebuild_equals_clean_build(root, tmp_path)  # with the cache of the first build


# Standalone pages: every page's navigation links those with a menu weight, so a change to
# which pages are linked, their order or their titles must redo every page of the site.
WITH_PAGES = {
    **BASE,
    "content/pages/about.md": "---\ntitle: About\nmenu: 2\n---\nAbout [“Engines”]{.quote by=ada-lovelace}.\n",
    "content/pages/policy/index.md": "---\ntitle: Policy\nmenu: 3\n---\nOur chart: ![Chart](chart.txt)\n",
    "content/pages/policy/chart.txt": "chart\n",
    "content/pages/unlinked.md": "---\ntitle: Unlinked\n---\nIn no menu.\n",
}

PAGE_CHANGES = {
    "edit a page": lambda root: edit(root, "content/pages/unlinked.md", "In no menu.", "Still in no menu."),
    "edit a page in the navigation": lambda root: edit(root, "content/pages/about.md", "About [", "All about ["),
    "add a page": lambda root: write_files(root, {"content/pages/contact.md": "---\ntitle: Contact\n---\nWrite.\n"}),
    "add a page to the navigation": lambda root: write_files(root, {"content/pages/contact.md":
                                                                    "---\ntitle: Contact\nmenu: 1\n---\nWrite.\n"}),
    "delete a page": lambda root: (root / "content/pages/unlinked.md").unlink(),
    "delete a page in the navigation": lambda root: (root / "content/pages/about.md").unlink(),
    "delete a page's folder": lambda root: shutil.rmtree(root / "content/pages/policy"),
    "change a page's menu weight": lambda root: edit(root, "content/pages/about.md", "menu: 2", "menu: 4"),
    "give a page a menu weight": lambda root: edit(root, "content/pages/unlinked.md", "title: Unlinked",
                                                   "title: Unlinked\nmenu: 0"),
    "take a page out of the navigation": lambda root: edit(root, "content/pages/about.md", "menu: 2\n", ""),
    "retitle a page in the navigation": lambda root: edit(root, "content/pages/about.md", "title: About", "title: About us"),
    "change a page's description": lambda root: edit(root, "content/pages/unlinked.md", "title: Unlinked",
                                                     "title: Unlinked\ndescription: Found by search."),
    "make a page a draft": lambda root: edit(root, "content/pages/about.md", "menu: 2", "menu: 2\ndraft: true"),
    "change a file of a page's folder": lambda root: (root / "content/pages/policy/chart.txt").write_text("new\n"),
    "add a file to a page's folder": lambda root: write_files(root, {"content/pages/policy/data.csv": "a,b\n"}),
    "turn a page into a folder": lambda root: (move(root, "content/pages/unlinked.md", "content/pages/unlinked/index.md"),
                                               write_files(root, {"content/pages/unlinked/photo.txt": "photo\n"})),
    "rename a person a page quotes": CHANGES["rename a person in the registry"],
}


@pytest.mark.parametrize("change", list(PAGE_CHANGES), ids=list(PAGE_CHANGES))
def test_incremental_build_with_pages_equals_clean_build(tmp_path, change, settled, output_mode):
    root = write_files(tmp_path / "site", WITH_PAGES)
    run(root, tmp_path / "out")
    assert (tmp_path / "out/about/index.html").is_file() and (tmp_path / "out/policy/chart.txt").is_file()
    before = tree(tmp_path / "out")
    PAGE_CHANGES[change](root)
    assert_rebuild_equals_clean_build(root, tmp_path)  # with the cache of the first build
    assert tree(tmp_path / "out") != before  # (the change was one the output shows)


# Aliases: each is a page of its article's (or page's) render unit, made again or removed with it.
ALIASES = "aliases: [/1843/09/one/, old/one.html]"
WITH_ALIASES = {
    **WITH_PAGES,
    "content/articles/one/index.md": BASE["content/articles/one/index.md"].replace(
        "date: 1843-09-05", f"date: 1843-09-05\n{ALIASES}"),
    "content/pages/about.md": WITH_PAGES["content/pages/about.md"].replace("menu: 2", "menu: 2\naliases: [/about-us/]"),
}


def rename_leaving_an_alias(root: Path) -> None:
    move(root, "content/articles/one", "content/articles/uno")
    edit(root, "content/articles/uno/index.md", ALIASES, ALIASES.replace("]", ", /articles/one/]"))


ALIAS_CHANGES = {
    "add an alias": lambda root: edit(root, "content/articles/one/index.md", ALIASES,
                                      ALIASES.replace("]", ", /first/]")),
    "change an alias": lambda root: edit(root, "content/articles/one/index.md", "/1843/09/one/", "/1843/9/one/"),
    "remove an alias": lambda root: edit(root, "content/articles/one/index.md", ", old/one.html", ""),
    "remove every alias": lambda root: edit(root, "content/articles/one/index.md", ALIASES + "\n", ""),
    "give another article an alias": lambda root: edit(root, "content/articles/two/index.md", "date: 1850-02",
                                                       "date: 1850-02\naliases: [/two-old/]"),
    "move an alias to another article": lambda root: (
        edit(root, "content/articles/one/index.md", ", old/one.html", ""),
        edit(root, "content/articles/two/index.md", "date: 1850-02", "date: 1850-02\naliases: [old/one.html]")),
    "rename the article aliases point to": lambda root: move(root, "content/articles/one", "content/articles/uno"),
    "rename an article, leaving an alias at its old address": rename_leaving_an_alias,
    "retitle the article aliases point to": lambda root: edit(root, "content/articles/one/index.md", "title: One",
                                                              "title: One again"),
    "delete the article aliases point to": lambda root: shutil.rmtree(root / "content/articles/one"),
    "change a page's alias": lambda root: edit(root, "content/pages/about.md", "/about-us/", "/about-the-archive/"),
    "remove a page's alias": lambda root: edit(root, "content/pages/about.md", "aliases: [/about-us/]\n", ""),
    "change the base URL": CHANGES["change the base URL"],
    "change the alias template": lambda root: write_files(root, {"themes/default/templates/alias.html":
        (Path(__file__).parent.parent / "themes/default/templates/alias.html").read_text().replace("has moved", "moved")}),
}


@pytest.mark.parametrize("change", list(ALIAS_CHANGES), ids=list(ALIAS_CHANGES))
def test_incremental_build_with_aliases_equals_clean_build(tmp_path, change, settled, output_mode):
    root = write_files(tmp_path / "site", WITH_ALIASES)
    run(root, tmp_path / "out")
    before = tree(tmp_path / "out")
    assert {"1843/09/one/index.html", "old/one.html", "about-us/index.html"} <= set(before)
    ALIAS_CHANGES[change](root)
    assert_rebuild_equals_clean_build(root, tmp_path)  # with the cache of the first build
    after = tree(tmp_path / "out")
    assert after != before  # (the change was one the output shows)
    # (said outright: the page of an alias no longer given is gone from the output)
    assert not set(ALIAS_PAGES_GONE.get(change, ())) & set(after)


ALIAS_PAGES_GONE = {"change an alias": ["1843/09/one/index.html"], "remove an alias": ["old/one.html"],
                    "remove every alias": ["1843/09/one/index.html", "old/one.html"],
                    "delete the article aliases point to": ["1843/09/one/index.html", "old/one.html"],
                    "change a page's alias": ["about-us/index.html"], "remove a page's alias": ["about-us/index.html"]}


def test_a_page_edit_renders_that_page_and_a_menu_change_every_page(tmp_path):
    root = write_files(tmp_path / "site", WITH_PAGES)
    run(root, tmp_path / "out")
    PAGE_CHANGES["edit a page"](root)
    assert run(root, tmp_path / "out").units_rendered == 1
    PAGE_CHANGES["change a page's menu weight"](root)
    report = run(root, tmp_path / "out")
    assert report.units_rendered == report.units


# The site with a host in its base URL, which a sitemap needs (without one there is none).
HOSTED = dict(BASE, **{"sitegen.yaml": BASE["sitegen.yaml"] + "base_url: https://example.org/\n"})
HOSTED_CHANGES = dict(CHANGES, **{
    "change the base URL": lambda root: edit(root, "sitegen.yaml", "https://example.org/", "https://example.org/archive/"),
    "take the host away": lambda root: edit(root, "sitegen.yaml", "https://example.org/", "/")})


@pytest.mark.parametrize("change, parts", [("delete an article", "fewer"), ("add an article", "more"),
                                           ("change pagination", "more"), ("change the base URL", "as many"),
                                           ("edit a body", "as many"), ("take the host away", "fewer")])
def test_a_sitemap_in_parts_is_brought_up_to_date(tmp_path, monkeypatch, change, parts, output_mode):
    """One page a part: every change of the pages changes the parts, and a part no longer
    made is not left behind (see build._replaced_paths); nor any, once the base URL has no host."""
    monkeypatch.setattr(sitegen.render.feeds, "SITEMAP_MAX_URLS", 1)
    root = write_files(tmp_path / "site", HOSTED)
    run(root, tmp_path / "out")
    before = len(list((tmp_path / "out").glob("sitemap-*.xml")))
    HOSTED_CHANGES[change](root)
    assert_rebuild_equals_clean_build(root, tmp_path)
    after = len(list((tmp_path / "out").glob("sitemap-*.xml")))
    assert before > 10 and {-1: "fewer", 0: "as many", 1: "more"}[(after > before) - (after < before)] == parts


def plan_with_and_without_the_last(root: Path, out: Path) -> tuple[list, list]:
    """The plan of the site as it is now, made from the last build's plan for ``out`` and anew."""
    diags = Diagnostics()
    config = load_config(root.resolve(), diags)
    cache = BuildCache.open(config.root)
    site = load_site(config, diags, urls_for(config), cache)
    index = build_index(site)
    dirs = theme_dirs(config.root, config.theme)
    static = static_files(dirs, diags)
    manifest = cache.manifest(out)
    assert manifest.basis is not None
    return (plan_units(site, index, config, dirs, static, last=(manifest.units, manifest.basis))[0],
            plan_units(site, index, config, dirs, static)[0])


def test_digests_tell_apart_parts_that_read_alike():
    """Keys are digests of their parts: parts that would print alike, or join alike, must not
    give one key (a string is digested by its bytes and their length, not its repr)."""
    alike = [("ab",), ("a", "b"), ("a\x00", "b"), ("a", "\x00b"), ("'ab'",), ("str 2:ab",), (b"ab",), ("1",), (1,),
             (("a", "b"),), ("é",), ("\ud800",), ("",), ((),), ("", ""), (None,), ("None",)]
    digests = [digest(*parts) for parts in alike]
    assert len(set(digests)) == len(alike)
    assert digest("a", "b") == digest("a", "b") and digest("é") != digest("e")


def test_digests_of_plain_data_and_of_records_tell_apart_what_differs():
    """Tuples and lists of plain values are digested as marshal writes them, anything else by
    its repr: neither may read as the other, nor values that are equal but of another kind."""
    from sitegen.model import Annotation, PersonRole, plain
    alike = [((1,),), ((True,),), ((1.0,),), (([1],),), (((1,),),), ((("a", "b"),),), (PersonRole("a", "b"),),
             (repr(PersonRole("a", "b")),), ([PersonRole("a", "b")],), ((("a", None),),), ((("a", "None"),),),
             ((b"a",),), ((("a",),),), ({"a": 1},), ({"a": "1"},), ((-0.0,),), ((0.0,),)]
    digests = [digest(*parts) for parts in alike]
    assert len(set(digests)) == len(alike)
    # Records as their field values (for listed_digest and the cache key): what differs still differs.
    notes = [Annotation("note", "n1", "text", "a note"), Annotation("note", "n1", "text", "a note", line=2),
             Annotation("note", "n1", "text", "a notf"), Annotation("claim", "n1", "text", "a note")]
    assert len({digest(plain((note,))) for note in notes}) == len(notes)
    assert plain([PersonRole("a", "b"), PersonRole("c")]) == (("a", "b"), ("c", ""))


def test_a_record_replaced_equals_what_dataclasses_replace_makes():
    """model.replaced takes a record's values by its pickling getter: for every record class
    and any fields changed, the same record as dataclasses.replace, field for field."""
    import dataclasses
    import random
    from sitegen.model import _FIELD_NAMES, record, replaced

    @record
    class OneField:  # (its getter gives the value alone, not a tuple)
        only: float

    rng = random.Random(5)
    for kind, names in _FIELD_NAMES.items():
        for _ in range(50):
            value = kind(**{name: rng.random() for name in names})
            changes = {name: rng.random() for name in rng.sample(names, rng.randrange(len(names) + 1))}
            made, expected = replaced(value, **changes), dataclasses.replace(value, **changes)
            assert type(made) is kind and [getattr(made, n) for n in names] == [getattr(expected, n) for n in names]
        with pytest.raises(TypeError):
            replaced(value, no_such_field=1)


def test_equal_values_give_one_digest_whichever_objects_hold_them():
    """Strings read from the cache and strings made anew are equal but not the same objects
    (one of them interned, say): their digests must not tell them apart, or keys made in one
    build would never match the next build's."""
    shared = sys.intern("mateo-quintero")
    made = "".join(["mateo-", "quintero"])
    assert made == shared and made is not shared
    assert digest([(shared, shared), (shared, None)]) == digest([(made, "".join(["mateo", "-quintero"])), (made, None)])
    assert digest(((shared, "x"),)) == digest(((made, "x"),))


@pytest.mark.parametrize("files, change", [(BASE, c) for c in CHANGES] + [(WITH_PAGES, c) for c in PAGE_CHANGES]
                         + [(WITH_ALIASES, c) for c in ALIAS_CHANGES],
                         ids=list(CHANGES) + list(PAGE_CHANGES) + [f"aliases: {c}" for c in ALIAS_CHANGES])
def test_a_plan_made_from_the_last_one_is_the_whole_plan(tmp_path, files, change):
    root = write_files(tmp_path / "site", files)
    run(root, tmp_path / "out")
    (ALIAS_CHANGES if files is WITH_ALIASES else {**CHANGES, **PAGE_CHANGES})[change](root)
    from_last, whole = plan_with_and_without_the_last(root, tmp_path / "out")
    assert from_last == whole
    assert any(unit.id[0] == "page" for unit in whole) == (files is not BASE)


def test_the_index_makes_its_lists_when_first_asked_or_made_complete(tmp_path):
    root = write_files(tmp_path / "site", BASE)
    diags = Diagnostics()
    config = load_config(root.resolve(), diags)
    site = load_site(config, diags, urls_for(config))
    lazy, complete = build_index(site), build_index(site).complete()
    assert not {"_lists", "archive", "person_years", "topic_years"} & set(vars(lazy))
    assert {"_lists", "archive", "person_years", "topic_years"} <= set(vars(complete))
    assert lazy.person_articles["ada-lovelace"] == complete.person_articles["ada-lovelace"] == ("one", "three")
    assert lazy.previous == {"two": "one", "one": "three"} and lazy.following == {"one": "two", "three": "one"}


def test_an_edit_updated_in_place_keeps_the_sitemap(tmp_path, monkeypatch):
    """Its pages and their dates are those of the last build: not made again (see build._files)."""
    always_in_place(monkeypatch)
    root = write_files(tmp_path / "site", HOSTED)
    run(root, tmp_path / "out")
    made = []
    original = sitegen.build.crawler_files
    monkeypatch.setattr(sitegen.build, "crawler_files", lambda *a: made.append(1) or original(*a))
    CHANGES["edit a body"](root)
    assert run(root, tmp_path / "out").units_rendered == 2 and made == []
    (tmp_path / "out/sitemap.xml").unlink()
    CHANGES["edit comments"](root)
    run(root, tmp_path / "out")
    assert made == [1]
    assert_rebuild_equals_clean_build(root, tmp_path)


@pytest.mark.parametrize("change", ["edit a body", "edit comments", "change pagination", "delete an article"])
def test_reused_files_passed_on_a_few_at_a_time_are_all_there(tmp_path, monkeypatch, change, output_mode):
    """build._files passes the reused units' files on together, those of REUSED_UNITS_AT_ONCE
    units at most: in batches of two units' files, between and after the units rendered again,
    the rebuild is still the clean build."""
    monkeypatch.setattr(sitegen.build, "REUSED_UNITS_AT_ONCE", 2)
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    CHANGES[change](root)
    assert_rebuild_equals_clean_build(root, tmp_path)


def test_an_output_built_before_an_edit_is_brought_up_to_date(tmp_path):
    """The article cache is shared by every output folder, each with its own manifest: an
    article loaded anew for another folder is still new to this one (see plan.as_before)."""
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    CHANGES["edit a body"](root)
    run(root, tmp_path / "elsewhere")
    assert run(root, tmp_path / "out").units_rendered == 2
    assert_rebuild_equals_clean_build(root, tmp_path)


def test_rebuilds_do_only_what_changed(tmp_path):
    root = write_files(tmp_path / "site", BASE)
    cold = run(root, tmp_path / "out")
    assert cold.units_rendered == cold.units and cold.cache_hits == 0
    noop = run(root, tmp_path / "out")
    assert noop.units_rendered == 0 and noop.cache_hits == 3 and noop.write.files == 0
    CHANGES["edit a body"](root)
    edited = run(root, tmp_path / "out")
    assert edited.cache_hits == 2
    # A reworded sentence: the article's own page and the feed that carries whole bodies; not
    # the lists the article is in (they show no body).
    assert edited.units_rendered == 2


def test_a_body_rendered_again_highlights_only_the_code_blocks_that_changed(tmp_path, monkeypatch):
    """Highlighting a process's first code block costs the import of Pygments and the making
    of its lexer's regular expressions: a body rendered again takes the blocks it still has
    from its last rendering."""
    root = write_files(tmp_path / "site", BASE)  # (article one has a python block and a text one)
    run(root, tmp_path / "out", jobs=1)
    highlighted = []
    lexer = sitegen.markup.highlight._lexer
    monkeypatch.setattr(sitegen.markup.highlight, "_lexer", lambda lang: highlighted.append(lang) or lexer(lang))
    CHANGES["edit a body"](root)
    assert run(root, tmp_path / "out", jobs=1).cache_hits == 2
    assert highlighted == []
    CHANGES["edit a code block"](root)
    run(root, tmp_path / "out", jobs=1)
    assert highlighted == ["python"]
    monkeypatch.undo()
    run(root, tmp_path / "clean", clean=True)
    assert tree(tmp_path / "out") == tree(tmp_path / "clean")


def test_a_body_whose_last_rendering_cannot_be_read_is_highlighted_anew(tmp_path, monkeypatch):
    """Only a shortcut: the build goes on (the other articles still from the cache)."""
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out", jobs=1)
    pack, offset, size = BuildCache.open(root).articles["one"].body
    with open(root / ".sitegen-cache" / "bodies" / pack, "r+b") as handle:  # the same size, other bytes
        handle.seek(offset)
        handle.write(bytes(size))
    highlighted = []
    lexer = sitegen.markup.highlight._lexer
    monkeypatch.setattr(sitegen.markup.highlight, "_lexer", lambda lang: highlighted.append(lang) or lexer(lang))
    CHANGES["edit a body"](root)
    assert run(root, tmp_path / "out", jobs=1).cache_hits == 2
    assert highlighted == ["python", "text"]
    monkeypatch.undo()
    run(root, tmp_path / "clean", clean=True)
    assert tree(tmp_path / "out") == tree(tmp_path / "clean")


def test_unchanged_bundles_are_not_read_again(tmp_path, monkeypatch):
    monkeypatch.setattr(sitegen.load.files, "SETTLE_NS", -10**18)
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out", jobs=1)
    read = []
    original = sitegen.load.read_header
    monkeypatch.setattr(sitegen.load, "read_header", lambda folder, *a, **k: read.append(folder.name) or original(folder, *a, **k))
    run(root, tmp_path / "out", jobs=1)
    assert read == []
    CHANGES["edit a body"](root)
    run(root, tmp_path / "out", jobs=1)
    assert set(read) == {"one"}


def test_a_cold_build_parses_each_front_matter_once(tmp_path, monkeypatch):
    """The worker that renders an article cuts the body from the text the header was read from,
    with the values read then, instead of parsing the YAML again."""
    root = write_files(tmp_path / "site", BASE)
    parsed = []
    original = sitegen.load.articles.split_front_matter
    monkeypatch.setattr(sitegen.load.articles, "split_front_matter", lambda text: parsed.append(text) or original(text))
    run(root, tmp_path / "out", jobs=1)
    assert len(parsed) == 3 and len(set(parsed)) == 3
    monkeypatch.undo()
    run(root, tmp_path / "clean", jobs=1, clean=True)
    assert tree(tmp_path / "out") == tree(tmp_path / "clean")


def test_front_matter_edited_while_the_build_reads_it_is_read_again(tmp_path, monkeypatch):
    """If index.md changes between reading its header and rendering it, the renderer reads the
    whole file again (new values and body together, never the old values with the new body),
    and the next build, seeing a new digest, renders it again."""
    root = write_files(tmp_path / "site", BASE)
    original = sitegen.load._read_headers

    def read_then_edit(*args, **kwargs):
        result = original(*args, **kwargs)
        edit(root, "content/articles/one/index.md", "title: One\n", "title: One, retitled\n")
        edit(root, "content/articles/one/index.md", "Lovelace wrote.", "Lovelace wrote again.")
        return result

    monkeypatch.setattr(sitegen.load, "_read_headers", read_then_edit)
    run(root, tmp_path / "out", jobs=1)
    monkeypatch.undo()
    page = soup(tmp_path / "out/articles/one/index.html")
    assert page.find("h1").get_text(strip=True) == "One, retitled"
    assert "Lovelace wrote again." in page.find("article").get_text()
    assert_rebuild_equals_clean_build(root, tmp_path)


def test_a_cold_build_lists_each_bundle_once(tmp_path, monkeypatch):
    """The listing a bundle is scanned from is the one its files are digested from and, handed
    on with the header, the one its assets and comments are published from."""
    root = write_files(tmp_path / "site", BASE)
    listed = []
    original = sitegen.load.articles._bundle_entries

    def listing(folder, prefix="", *args, **kwargs):
        if not prefix:  # (not its subfolders)
            listed.append(Path(folder).name)
        return original(folder, prefix, *args, **kwargs)

    monkeypatch.setattr(sitegen.load.articles, "_bundle_entries", listing)
    run(root, tmp_path / "out", jobs=1)
    assert sorted(listed) == ["one", "three", "two"]
    monkeypatch.undo()
    run(root, tmp_path / "clean", jobs=1, clean=True)
    assert tree(tmp_path / "out") == tree(tmp_path / "clean")


@pytest.mark.parametrize("jobs", [1, 2])
def test_bundle_files_changed_while_the_build_reads_them_are_published_by_the_next(tmp_path, monkeypatch, settled,
                                                                                    jobs):
    """Files added to a bundle (comments too) or changed after the build listed it and before it
    rendered the article: the build publishes the bundle as listed, or the new bytes of a file
    it listed, and the next build, seeing the bundle changed, publishes it as it is now."""
    root = write_files(tmp_path / "site", BASE)
    original = sitegen.load._read_headers

    def read_then_change(*args, **kwargs):
        result = original(*args, **kwargs)
        write_files(root, {"content/articles/two/notes.txt": "notes\n",
                           "content/articles/two/comments.yaml": "comments:\n  - id: c9\n    author: null\n    text: Late.\n"})
        (root / "content/articles/one/original.txt").write_text("raw, changed\n")
        return result

    monkeypatch.setattr(sitegen.load, "_read_headers", read_then_change)
    run(root, tmp_path / "out", jobs=jobs)
    monkeypatch.setattr(sitegen.load, "_read_headers", original)
    assert (tmp_path / "out/articles/one/original.txt").read_text() == "raw, changed\n"
    assert_rebuild_equals_clean_build(root, tmp_path)
    assert (tmp_path / "out/articles/two/notes.txt").read_text() == "notes\n"
    assert "Late." in soup(tmp_path / "out/articles/two/index.html").get_text()


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("removed", ["figure.txt", "comments.yaml", "original.txt"])
def test_bundle_files_removed_while_the_build_reads_them_stop_it_clearly(tmp_path, monkeypatch, settled, jobs,
                                                                          removed):
    """A bundle file removed after the build listed it: the build stops with an error naming
    the file (not a theme's template error, not a traceback), the last output stays as it
    was, and the next build, seeing the bundle changed, publishes it as it is now."""
    root = write_files(tmp_path / "site", {**BASE, "content/articles/one/figure.txt": "figure\n"})
    run(root, tmp_path / "out", jobs=jobs)
    before = tree(tmp_path / "out")
    original = sitegen.load._read_headers
    removed = root / "content/articles/one" / removed

    def read_then_remove(*args, **kwargs):
        result = original(*args, **kwargs)
        removed.unlink()
        return result

    edit(root, "content/articles/one/index.md", "Lovelace wrote.", "Lovelace wrote again.")  # work to do
    monkeypatch.setattr(sitegen.load, "_read_headers", read_then_remove)
    with pytest.raises(BuildError) as failure:
        run(root, tmp_path / "out", jobs=jobs)
    monkeypatch.setattr(sitegen.load, "_read_headers", original)
    messages = [str(d) for d in failure.value.diagnostics]
    assert len(messages) == 1, messages
    assert messages[0].startswith(f"{removed}: cannot "), messages
    assert messages[0].endswith(": No such file or directory"), messages
    assert "template" not in messages[0]
    assert tree(tmp_path / "out") == before
    assert_rebuild_equals_clean_build(root, tmp_path)


def test_templates_are_not_looked_at_again_for_every_page(tmp_path, monkeypatch):
    """A build's templates do not change while it renders (Jinja's auto_reload is off): a
    template file's time is asked for when it is loaded, not again for every page using it. A template changed between builds is
    still seen by the next build, which makes a new environment."""
    root = write_files(tmp_path / "site", BASE)
    asked = []
    original = jinja2.loaders.os.path.getmtime
    monkeypatch.setattr(jinja2.loaders.os.path, "getmtime", lambda path: asked.append(path) or original(path))
    run(root, tmp_path / "out", jobs=1)
    templates = [p for p in asked if p.endswith(".html")]
    assert templates and len(templates) == len(set(templates))  # each once, when it is loaded
    monkeypatch.undo()
    CHANGES["change a template"](root)
    assert_rebuild_equals_clean_build(root, tmp_path)


def test_annotations_in_the_cache_are_unpickled_only_when_read(tmp_path, monkeypatch):
    """A no-op and an edit need no article's annotations but to count them, nor the names its
    body looked up while the registries are unchanged (both Packed)."""
    monkeypatch.setattr(sitegen.load.files, "SETTLE_NS", -10**18)  # (files written just now are read again)
    root = write_files(tmp_path / "site", _base_for_updates_in_place())
    cold = run(root, tmp_path / "out", jobs=1)
    kept = BuildCache.open(root).articles["one"]
    assert isinstance(kept.article.annotations, sitegen.model.Packed) and kept.article.annotations._items is None
    assert len(kept.article.annotations) == 2
    assert isinstance(kept.refs, sitegen.model.Packed) and kept.refs._items is None and len(kept.refs) > 0
    unpacked = []
    original = sitegen.model.Packed._tuple
    monkeypatch.setattr(sitegen.model.Packed, "_tuple",
                        lambda self: (self._items is None and unpacked.append(self)) or original(self))
    noop = run(root, tmp_path / "out", jobs=1)
    CHANGES["edit a body"](root)
    edited = run(root, tmp_path / "out", jobs=1)
    assert unpacked == [] and noop.annotations == edited.annotations == cold.annotations == 4
    monkeypatch.undo()
    assert_rebuild_equals_clean_build(root, tmp_path)


def test_headers_in_the_cache_are_unpickled_only_when_needed(tmp_path, monkeypatch):
    """A no-op and an edit unpack the remembered header of no article they reuse (see
    load.BundleHeader), only the edited one's; a change to the registries, which resolves
    every article's names again, unpacks them all. Each build equals a clean one."""
    monkeypatch.setattr(sitegen.load.files, "SETTLE_NS", -10**18)  # (files written just now are read again)
    root = write_files(tmp_path / "site", _base_for_updates_in_place())
    run(root, tmp_path / "out", jobs=1)
    kept = BuildCache.open(root).headers["one"]
    assert kept._header is None and (kept.slug, kept.draft, kept.broken) == ("one", False, False)
    assert kept.folder == str(root / "content/articles/one") and kept.header.folder == root / "content/articles/one"
    unpacked = []
    original = sitegen.load.BundleHeader.header
    monkeypatch.setattr(sitegen.load.BundleHeader, "header",
                        property(lambda self: (self._header is None and unpacked.append(self.slug)) or original.fget(self)))
    run(root, tmp_path / "out", jobs=1)
    assert unpacked == []
    CHANGES["edit a body"](root)
    run(root, tmp_path / "out", jobs=1)
    assert unpacked == ["one"]  # (the old one, for its text's digest, by the worker that reads it again)
    unpacked.clear()
    CHANGES["rename a person in the registry"](root)
    run(root, tmp_path / "out", jobs=1)
    assert sorted(unpacked) == sorted(BuildCache.open(root).headers)
    monkeypatch.undo()
    assert_rebuild_equals_clean_build(root, tmp_path)


def test_the_manifest_reads_back_as_it_was_saved(tmp_path):
    """Each unit's paths and sizes, and the sitemap's, as stored (sizes packed: see OutputManifest)."""
    manifest = sitegen.cache.OutputManifest()
    manifest.record(("article", "one"), "key", ["articles/one/index.html", "articles/one/a b.txt"], [10, 2**40])
    manifest.record(("empty",), "other", [], [])
    manifest.record_crawler(["sitemap.xml", "robots.txt"], [7, 3])
    sitegen.cache._store(tmp_path / "manifest.pickle", manifest)
    back = sitegen.cache._load(tmp_path / "manifest.pickle")
    paths, sizes = back.files(("article", "one"))
    assert (paths, list(sizes)) == (["articles/one/index.html", "articles/one/a b.txt"], [10, 2**40])
    assert back.files(("empty",))[0] == [] and list(back.files(("empty",))[1]) == []
    assert back.key(("article", "one")) == "key" and back.key(("gone",)) is None
    assert (back.crawler_files()[0], list(back.crawler_files()[1])) == (["sitemap.xml", "robots.txt"], [7, 3])
    assert back.total_bytes() == 10 + 2**40 + 7 + 3


def test_unchanged_bundles_are_not_listed_again(tmp_path, monkeypatch):
    """Listing a folder costs several stats: a bundle whose folders did not change has its
    files looked at one by one instead (see scan_bundle), until one of its folders changes."""
    monkeypatch.setattr(sitegen.load.files, "SETTLE_NS", -10**18)
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out", jobs=1)
    listed = []
    original = sitegen.load.articles._bundle_entries
    monkeypatch.setattr(sitegen.load.articles, "_bundle_entries",
                        lambda folder, *a, **k: listed.append(Path(folder).name) or original(folder, *a, **k))
    run(root, tmp_path / "out", jobs=1)
    assert listed == []
    CHANGES["edit a body"](root)
    run(root, tmp_path / "out", jobs=1)
    assert listed == ["one"]  # read again: listed once, for its digest and its page
    listed.clear()
    CHANGES["add a file to an article's subfolder"](root)
    report = run(root, tmp_path / "out", jobs=1)
    assert "two" in listed and "one" not in listed
    assert (tmp_path / "out/articles/two/media/more.txt").read_text() == "more\n" and report.cache_hits == 2


def test_a_file_added_to_a_bundle_is_watched_from_then_on(tmp_path, monkeypatch):
    """The scan a build remembers names the new file, so a later change to it is seen too."""
    monkeypatch.setattr(sitegen.load.files, "SETTLE_NS", -10**18)
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    CHANGES["add a file to an article's subfolder"](root)
    run(root, tmp_path / "out")
    (root / "content/articles/two/media/more.txt").write_text("MORE\n")
    assert_rebuild_equals_clean_build(root, tmp_path)
    assert (tmp_path / "out/articles/two/media/more.txt").read_text() == "MORE\n"


def test_names_are_resolved_again_only_for_front_matter_read_again(tmp_path, monkeypatch):
    monkeypatch.setattr(sitegen.load.files, "SETTLE_NS", -10**18)
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    resolved = []
    original = sitegen.load._NameResolver.resolve
    monkeypatch.setattr(sitegen.load._NameResolver, "resolve",
                        lambda self, header, *a: resolved.append(header.slug) or original(self, header, *a))
    assert run(root, tmp_path / "out").cache_hits == 3 and resolved == []
    CHANGES["edit a body"](root)
    assert run(root, tmp_path / "out").cache_hits == 2 and resolved == ["one"]
    resolved.clear()
    CHANGES["add a person to the registry"](root)
    run(root, tmp_path / "out")
    assert sorted(resolved) == ["one", "three", "two"]
    assert_rebuild_equals_clean_build(root, tmp_path)


@pytest.mark.parametrize("spelling", ["Pat REPORTER", "Patricia Reporter"])
def test_an_unregistered_name_spelt_anew_by_the_first_article_to_name_it(tmp_path, settled, output_mode, spelling):
    """A person no registry knows is named as the first article (in folder order) spells the
    name: "one", then "three", which is not read again, but whose page names the person too."""
    root = write_files(tmp_path / "site", BASE)
    edit(root, "content/articles/three/index.md", "people: [Ada Lovelace]", "people: [Ada Lovelace]\nreporters: [pat reporter]")
    edit(root, "content/articles/three/index.md", "Undated", "Pat REPORTER wrote it. Undated")  # linked by name
    run(root, tmp_path / "out")
    run(root, tmp_path / "out")
    edit(root, "content/articles/one/index.md", "[Pat Reporter]", f"[{spelling}]")
    assert_rebuild_equals_clean_build(root, tmp_path)
    body = soup(tmp_path / "out/articles/three/index.html").find("article")
    linked = [a.get_text() for a in body.find_all("a", href=lambda href: href and "/people/pat-reporter/" in href)]
    assert ("Pat REPORTER" in linked) == (spelling == "Pat REPORTER")  # the body links the name it knows


def test_registry_files_are_parsed_once_and_their_warnings_still_reported(tmp_path, monkeypatch):
    root = write_files(tmp_path / "site", BASE)
    edit(root, "content/topics/history.yaml", "name: History", "name: History\nsumary: Old times.")
    first = Diagnostics()
    build(root, first, output_dir=tmp_path / "out")
    parsed = []
    original = sitegen.load.registries._checked_values
    monkeypatch.setattr(sitegen.load.registries, "_checked_values",
                        lambda path, *a: parsed.append(path.name) or original(path, *a))
    again = Diagnostics()
    build(root, again, output_dir=tmp_path / "out")
    assert parsed == []
    assert [str(w) for w in again.warnings] == [str(w) for w in first.warnings]
    assert any("unknown key 'sumary'" in str(w) and "history.yaml:2" in str(w) for w in again.warnings)
    edit(root, "content/people/charles-babbage.yaml", "Charles Babbage", "Charles Babbage\naliases: [Babbage]")
    build(root, Diagnostics(), output_dir=tmp_path / "out")
    assert parsed == ["charles-babbage.yaml"]


def test_registry_files_the_file_system_vouches_for_are_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(sitegen.load.files, "SETTLE_NS", -10**18)
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    read = []
    original = sitegen.load.registries.read_text
    monkeypatch.setattr(sitegen.load.registries, "read_text", lambda path, *a, **k: read.append(path.name) or original(path, *a, **k))
    run(root, tmp_path / "out")
    assert read == []
    (root / "content/people/charles-babbage.yaml").touch()  # the same text: read, not parsed
    CHANGES["rename a person in the registry"](root)
    run(root, tmp_path / "out")
    assert sorted(read) == ["ada-lovelace.yaml", "charles-babbage.yaml"]
    assert_rebuild_equals_clean_build(root, tmp_path)


def _store_and_records(root: Path) -> tuple[dict[str, int], dict]:
    """The body store's packs (name -> size) and the cache's records (slug -> CachedArticle)."""
    packs = {p.name: p.stat().st_size for p in (root / ".sitegen-cache" / "bodies").iterdir()}
    return packs, BuildCache.open(root).articles


def _holds_only_the_sites_bodies(root: Path) -> bool:
    """Every byte of every pack is a body that a record of the cache names, and every record
    names one."""
    packs, records = _store_and_records(root)
    places = sorted(record.body for record in records.values())
    in_use = {pack: sum(size for name, _, size in places if name == pack) for pack in packs}
    return bool(records) and None not in places and in_use == packs


def test_articles_loaded_again_leave_no_old_bodies_behind(tmp_path):
    """A new base URL renders every body again; the old records are let go of as soon as that
    is known (see BuildCache.release), and their bodies leave the store."""
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    first, _ = _store_and_records(root)
    CHANGES["change the base URL"](root)
    again = run(root, tmp_path / "out")
    assert again.cache_hits == 0
    assert _holds_only_the_sites_bodies(root)
    assert not first.keys() & _store_and_records(root)[0].keys()


def test_an_edited_articles_old_body_leaves_the_store(tmp_path):
    """An edit's build writes the new body into a pack of its own; the pack of the version
    it replaced goes once it holds no body in use (a larger one is compacted: see below)."""
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out", jobs=1)
    first, _ = _store_and_records(root)
    CHANGES["edit a body"](root)
    run(root, tmp_path / "out", jobs=1)
    edit(root, "content/articles/one/index.md", "Lovelace wrote again.", "Lovelace wrote once more.")
    run(root, tmp_path / "out", jobs=1)
    packs, records = _store_and_records(root)
    assert len(packs) == 2 and first.keys() < packs.keys()  # the first build's, and the last edit's
    assert {record.body[0] for record in records.values()} == packs.keys()


def test_a_deleted_articles_body_leaves_the_store(tmp_path):
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out", jobs=1)
    CHANGES["edit a body"](root)
    run(root, tmp_path / "out", jobs=1)  # (article one's body now in a pack of its own)
    assert len(_store_and_records(root)[0]) == 2
    shutil.rmtree(root / "content/articles/one")
    run(root, tmp_path / "out", jobs=1)
    packs, records = _store_and_records(root)
    assert len(packs) == 1 and {record.body[0] for record in records.values()} == packs.keys()


def test_a_clean_build_leaves_no_record_of_an_article_gone(tmp_path):
    """--clean reads no records, so it cannot tell which shards of them changed: it writes all."""
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    shutil.rmtree(root / "content/articles/three")  # (the only article of its shard)
    run(root, tmp_path / "out", clean=True)
    assert set(BuildCache.open(root).articles) == {"one", "two"}


def test_a_new_version_of_sitegen_leaves_no_old_bodies_behind(tmp_path, monkeypatch):
    """The records of another VERSION are not read, so they cannot say which bodies are
    theirs: that version's packs go (the store grew by a site's bodies per upgrade)."""
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    for module, name in ((sitegen.cache, "VERSION"), (sitegen.load, "CACHE_VERSION"), (sitegen.render.plan, "VERSION")):
        monkeypatch.setattr(module, name, getattr(module, name) + "-next")
    again = run(root, tmp_path / "out")
    assert again.cache_hits == 0
    assert _holds_only_the_sites_bodies(root)


def test_pruning_the_bodies_leaves_a_pack_another_build_is_writing(tmp_path):
    """`sitegen serve` and a `sitegen build` in another terminal share the cache: a build that
    prunes the store must not remove the pack the other is writing and has not yet recorded.
    Only a pack no record names that is old enough to be a killed build's goes, or one that
    the records used at the build's start (a replaced version's), or another version's (and
    the folders of the store's layout before packs)."""
    store = sitegen.cache.BodyStore(tmp_path)
    kept = sitegen.cache.CachedArticle("key", (), None, [], None, store.put("ab" + "0" * 62, "kept"))
    store.close()
    tag = sitegen.cache._pack_tag()
    folder = tmp_path / "bodies"
    being_written, left_over, replaced = (folder / f"{tag}-{n}-0a0a0a0a0a0a.pack" for n in (4242, 4243, 4244))
    of_another_version = folder / "0123456789ab-4245-0a0a0a0a0a0a.pack"
    for path in (being_written, left_over, replaced, of_another_version):
        path.write_bytes(b"half")
    (folder / "ab").mkdir()  # the store as it was before packs: a file a body in 256 folders
    (folder / "ab" / ("ab" + "1" * 62 + ".pickle")).write_bytes(b"a body")
    hours_ago = time.time() - 2 * sitegen.cache.LEFTOVER_SECONDS
    os.utime(left_over, (hours_ago, hours_ago))
    store.prune([kept], dropped={replaced.name})
    assert sorted(p.name for p in folder.iterdir()) == sorted([being_written.name, kept.body[0]])


def test_sparse_and_many_small_packs_are_compacted(tmp_path, monkeypatch):
    """A pack whose bodies are mostly dead has its live ones copied on, and so have the small
    packs once there are many of them: the store stays near the site's size."""
    monkeypatch.setattr(sitegen.cache, "COMPACT_FROM", 1000)
    monkeypatch.setattr(sitegen.cache, "MANY_SMALL_PACKS", 3)

    def stored(contents: list[str]) -> dict:
        """Each content put into one pack, as one process would: records by slug."""
        writer = sitegen.cache.BodyStore(tmp_path)
        records = {text: sitegen.cache.CachedArticle("key", (), SimpleNamespace(fingerprint=text), [], None,
                                                      writer.put(text, text)) for text in contents}
        writer.close()
        return records

    def compacted(records: dict) -> set:
        """The packs emptied, once the store is saved as a build saves it."""
        store = sitegen.cache.BodyStore(tmp_path)
        before = {record.body[0] for record in records.values()}
        emptied = store.compact(records)
        store.prune(records.values(), dropped=before - emptied)
        store.close()
        reader = sitegen.cache.BodyStore(tmp_path)
        for slug, record in records.items():
            reader.locate(slug, record.body)
            assert reader.get(slug) == slug
        reader.close()
        return emptied

    big = stored([f"big {n} " + "x" * 300 for n in range(8)])  # one pack of some 2,500 bytes
    records = {slug: record for slug, record in big.items() if slug.startswith(("big 0", "big 1"))}  # 2 of 8 live
    for n in range(3):
        records.update(stored([f"small {n}"]))
    big_pack = next(iter(big.values())).body[0]
    assert compacted(records) == {big_pack}  # three small packs are not many
    # (the big pack stays a while, for another build that may be reading it; its two live
    # bodies are in a small pack now)
    assert _packs_in_use(tmp_path, records) == (5, 4)
    records.update(stored(["small 3"]))
    in_use = {record.body[0] for record in records.values()}
    assert compacted(records) == in_use  # five small packs are many
    assert _packs_in_use(tmp_path, records) == (7, 1)


def _packs_in_use(folder: Path, records: dict) -> tuple[int, int]:
    """(packs in the store, packs the records use)."""
    return len(list((folder / "bodies").iterdir())), len({record.body[0] for record in records.values()})


def test_bodies_moved_by_a_no_op_build_are_recorded(tmp_path, monkeypatch):
    """A build that changes nothing may still compact the store (the last edit's own pack
    was the one too many): its records are saved, or each no-op made another pack and
    copied the same bodies again."""
    monkeypatch.setattr(sitegen.cache, "MANY_SMALL_PACKS", 2)
    files = dict(BASE) | {f"content/articles/a{n}/index.md": article(f"A{n}", f"Body {n}.", date="1900-01-01")
                          for n in range(4)}
    root = write_files(tmp_path / "site", files)
    run(root, tmp_path / "out")
    # Edits of different articles: a small pack each, its one body in use. The second edit's
    # build finds two small packs besides its own, not too many; the next finds three.
    for n in range(2):
        edit(root, f"content/articles/a{n}/index.md", f"Body {n}.", f"Body {n} edited.")
        run(root, tmp_path / "out")
    counts = []
    for _ in range(3):
        report = run(root, tmp_path / "out")
        assert report.cache_hits == report.articles and report.write.written == 0
        counts.append(len(_store_and_records(root)[0]))
    assert counts[0] == counts[1] == counts[2]
    packs, records = _store_and_records(root)
    assert len({record.body[0] for record in records.values()}) == 1 and all(r.body[0] in packs for r in records.values())


def test_a_pack_emptied_by_compaction_stays_for_a_build_that_reads_it(tmp_path, monkeypatch):
    """Two builds share the cache (`sitegen serve`, and `sitegen build` into another output):
    one that moves bodies out of a pack must leave it for the other, which found its bodies
    there when it opened the cache, and renders its pages from them."""
    monkeypatch.setattr(sitegen.cache, "MANY_SMALL_PACKS", 0)  # (for the many small packs of a long-edited site)
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out", jobs=1)
    CHANGES["edit a body"](root)
    run(root, tmp_path / "out", jobs=1)
    other = BuildCache.open(root)  # the other build, after its load
    record = other.articles["two"]
    assert other.bodies.has(record.body)
    other.bodies.locate(record.article.fingerprint, record.body)
    edit(root, "content/articles/one/index.md", "Lovelace wrote again.", "Lovelace wrote once more.")
    run(root, tmp_path / "other-out", jobs=1)  # compacts
    assert _store_and_records(root)[1]["two"].body != record.body
    assert other.bodies.get(record.article.fingerprint).body_html  # its render stage
    other.bodies.close()


def test_a_body_written_in_part_is_cut_off_its_pack(tmp_path, monkeypatch):
    """A full disk in the middle of a body: the pack keeps only the whole bodies before it
    (nothing names the part; it would hold on to the space that ran out), and the error
    names the pack."""
    store = sitegen.cache.BodyStore(tmp_path)
    first = store.put("a" * 64, "a body")
    real_write = os.write

    def disk_full_halfway(fd, data):
        real_write(fd, bytes(data[:len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sitegen.cache.os, "write", disk_full_halfway)
    with pytest.raises(OSError) as failed:
        store.put("b" * 64, "another body " * 100)
    monkeypatch.undo()
    pack = tmp_path / "bodies" / first[0]
    assert failed.value.filename == str(pack) and pack.stat().st_size == first[2]
    after = store.put("c" * 64, "a third")
    assert after == (first[0], first[2], after[2])
    assert store.get("a" * 64) == "a body" and store.get("c" * 64) == "a third"
    store.close()


def test_the_cache_serves_every_way_of_naming_the_site(tmp_path, monkeypatch):
    """`sitegen build` inside the site, `sitegen build -s site` beside it, and `sitegen serve`
    (which resolves the folder) share one cache."""
    root = write_files(tmp_path / "site", BASE)
    monkeypatch.chdir(root)
    run(Path("."), tmp_path / "out")
    monkeypatch.chdir(tmp_path)
    again = run(Path("site"), tmp_path / "out")
    assert again.cache_hits == 3 and again.units_rendered == 0
    assert run(root.resolve(), tmp_path / "out").units_rendered == 0


def test_a_fresh_clone_renders_nothing_again(tmp_path):
    """CI restores the last build's cache and output into a fresh clone, where every file has
    a new inode and new times: only bytes may decide what is rendered again."""
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    before = tree(tmp_path / "out")
    content = root / "content"
    shutil.copytree(content, root / "copied", copy_function=shutil.copy)  # new inodes, new times
    shutil.rmtree(content)
    (root / "copied").rename(content)
    again = run(root, tmp_path / "out")
    assert again.cache_hits == 3 and again.units_rendered == 0
    assert tree(tmp_path / "out") == before


def test_an_edit_that_keeps_size_and_modification_time_is_seen(tmp_path, monkeypatch):
    """Some tools restore a file's mtime; its change time (and inode, when a file is replaced)
    still tells."""
    monkeypatch.setattr(sitegen.load.files, "SETTLE_NS", -10**18)
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    index = root / "content/articles/one/index.md"
    before = index.stat()
    time.sleep(0.05)  # past the granularity of the kernel's file timestamps
    edit(root, "content/articles/one/index.md", "Lovelace wrote.", "Lovelace wrOte.")
    os.utime(index, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert index.stat().st_size == before.st_size
    assert_rebuild_equals_clean_build(root, tmp_path)
    assert "wrOte" in (tmp_path / "out/articles/one/index.html").read_text()


def test_output_is_the_same_with_one_and_with_several_workers(tmp_path):
    """Enough articles that the work really is spread over processes."""
    files = dict(BASE)
    for n in range(80):
        files[f"content/articles/gen-{n:03d}/index.md"] = article(
            f"Generated {n}", f"Body {n} about Lovelace.{{>>Note {n}.<<}}", date=f"19{n % 90 + 10:02d}-01-02",
            people="[Ada Lovelace]", topics="[computing]")
    root = write_files(tmp_path / "site", files)
    run(root, tmp_path / "one", jobs=1, clean=True)
    run(root, tmp_path / "two", jobs=2, clean=True)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


@pytest.mark.parametrize("process_of_its_own", [True, False])
def test_a_cache_saved_by_workers_reads_back_whole(tmp_path, monkeypatch, process_of_its_own):
    """After a cold build with workers, the cache's shards are pickled by a forked process of
    their own while the build renders (see BuildCache.start_saving_articles); where it cannot
    be forked, by forked workers at the end. Either way the next build finds every article."""
    monkeypatch.setattr(sitegen.parallel, "MIN_TASKS_FOR_POOL", 2)
    runs, started = [], []
    original_run, original_start = sitegen.parallel.run, sitegen.parallel.start
    monkeypatch.setattr(sitegen.parallel, "run", lambda f, tasks, jobs, state, *more: runs.append((f, len(tasks), jobs))
                        or original_run(f, tasks, jobs, state, *more))
    monkeypatch.setattr(sitegen.parallel, "start", lambda f, *args: started.append((f, *args[1:]))
                        or (original_start(f, *args) if process_of_its_own else None))
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out", jobs=2)
    assert [len(args[0]) for f, *args in started if f is sitegen.cache._store_shards] == [3]  # (3 shards)
    assert ((sitegen.cache._store_shard, 3, 2) in runs) is not process_of_its_own
    assert len(list((root / ".sitegen-cache/articles").glob("*.pickle"))) == 3
    monkeypatch.undo()
    again = run(root, tmp_path / "out", jobs=1)
    assert again.cache_hits == 3 and again.units_rendered == 0


def _damage_manifest(root: Path, out: Path, unit_kind: str, extra_path: str) -> None:
    """Add ``extra_path`` to the files the manifest says a unit of ``unit_kind`` wrote."""
    cache = BuildCache.open(root)
    manifest = cache.manifest(out)
    unit_id = next(u for u in manifest.units if u[0] == unit_kind)
    paths, sizes = manifest.files(unit_id)
    manifest.record(unit_id, manifest.key(unit_id), paths + [extra_path], list(sizes) + [1])
    sitegen.cache._store(cache._manifest_path(out), manifest)


def _base_for_updates_in_place() -> dict:
    """BASE with enough other articles that editing one is updated in place (see
    build._small_change), where reused files are only counted, never linked."""
    files = dict(BASE)
    for n in range(30):
        files[f"content/articles/more-{n:02d}/index.md"] = article(f"More {n}", "Text.", date=f"1900-01-{n + 1:02d}")
    return files


def test_a_damaged_manifest_never_leads_outside_the_output(tmp_path):
    """The files of reused units are named by the cache: a path out of the output folder is
    refused, and the file there is left alone."""
    root = write_files(tmp_path / "site", _base_for_updates_in_place())
    run(root, tmp_path / "out")
    (tmp_path / "escaped.html").write_text("mine")
    _damage_manifest(root, tmp_path / "out", "person", "../escaped.html")
    CHANGES["edit a body"](root)
    with pytest.raises(sitegen.write.OutputError, match="outside the output folder"):
        run(root, tmp_path / "out")
    assert (tmp_path / "escaped.html").read_text() == "mine"


@pytest.mark.parametrize("damaged, file", [
    ("/etc/passwd", None), ("", None), ("a//b.html", "a/b.html"), ("people/./x.html", "people/x.html"),
    ("people/..", None), ("people/", None), ("./x.html", "x.html"),
])
def test_every_way_out_of_the_output_in_a_damaged_manifest_is_refused(tmp_path, damaged, file):
    """Reused paths are checked all at once (write._all_plain): each unsafe shape is refused.
    Where the path names a file, it is made, so that the unit looks intact and is reused."""
    root = write_files(tmp_path / "site", _base_for_updates_in_place())
    run(root, tmp_path / "out")
    if file:
        (tmp_path / "out" / file).parent.mkdir(exist_ok=True)
        (tmp_path / "out" / file).write_text("a file")
    _damage_manifest(root, tmp_path / "out", "person", damaged)
    CHANGES["edit a body"](root)
    with pytest.raises(sitegen.write.OutputError, match="outside the output folder"):
        run(root, tmp_path / "out")


def test_a_damaged_manifest_naming_one_file_twice_is_refused(tmp_path):
    root = write_files(tmp_path / "site", _base_for_updates_in_place())
    run(root, tmp_path / "out")
    _damage_manifest(root, tmp_path / "out", "person", "articles/two/index.html")
    CHANGES["edit a body"](root)
    with pytest.raises(sitegen.write.OutputError, match="two pages want the same output file: articles/two/index.html"):
        run(root, tmp_path / "out")
    assert "Babbage" in (tmp_path / "out/articles/two/index.html").read_text()


def test_paths_in_the_cache_read_back_as_they_were(tmp_path):
    """The cache pickles a path as its folder and name (see cache._reduce_path)."""
    from pathlib import PurePosixPath
    paths = {"bundle": tmp_path / "content/articles/one", "sibling": tmp_path / "content/articles/two",
             "relative": Path("content/articles"), "name": Path("one"), "root": Path("/"), "here": Path("."),
             "pure": PurePosixPath("/a/b"), "inside": [tmp_path / "x", (tmp_path / "y",)]}
    sitegen.cache._store(tmp_path / "paths.pickle", paths)
    back = sitegen.cache._load(tmp_path / "paths.pickle")
    assert back == paths and type(back["pure"]) is PurePosixPath and type(back["bundle"]) is type(tmp_path)


def test_a_path_from_the_cache_is_the_one_pathlib_joins(tmp_path):
    """cache._path_in joins a name by pathlib's private shortcut where it can: the result must
    be what pathlib's own "/" gives, in every way a path is used (text, parts, equality, hash,
    further joins), and "/" must be used where the shortcut is missing."""
    from pathlib import PurePosixPath
    from sitegen.cache import _path_in
    folder = str(tmp_path / "content" / "articles")
    for name in ("one", "with space", "dots.in.name", "..", ".", "é-accent"):
        for kind in (type(tmp_path), PurePosixPath):
            made, expected = _path_in(kind, folder, name), kind(folder) / name
            assert type(made) is type(expected)
            assert (str(made), made.parts, made.name, made.parent) == (str(expected), expected.parts, expected.name,
                                                                       expected.parent)
            assert made == expected and hash(made) == hash(expected)
            assert made / "index.md" == expected / "index.md"
    assert str(_path_in(type(tmp_path), "", ".")) == str(Path("."))


def test_a_corrupt_cache_is_ignored(tmp_path):
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    cached = [p for p in (root / ".sitegen-cache").rglob("*") if p.is_file()]
    assert any(p.parent.name == "bodies" for p in cached)
    for path in cached:
        path.write_bytes(b"not a pickle")
    assert_rebuild_equals_clean_build(root, tmp_path)


_DAMAGES = {
    "last byte changed": lambda data: data[:-1] + b"!",
    "cut off": lambda data: data[:len(data) // 2],
    "one bit flipped": lambda data: data[:len(data) // 2] + bytes([data[len(data) // 2] ^ 4]) + data[len(data) // 2 + 1:],
    "checksum changed": lambda data: bytes([data[0] ^ 1]) + data[1:],
}


@pytest.mark.parametrize("damage", list(_DAMAGES))
def test_a_damaged_body_in_the_cache_is_not_published(tmp_path, damage):
    """The article index still vouches for the body, but its pack was changed behind our back
    (each body in it; cut off: in the middle of its first)."""
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    packs, records = _store_and_records(root)
    for pack in packs:
        path = root / ".sitegen-cache/bodies" / pack
        data, damaged = path.read_bytes(), b""
        for _, offset, size in sorted(r.body for r in records.values() if r.body[0] == pack):
            damaged += _DAMAGES[damage](data[offset:offset + size])
        path.write_bytes(damaged)
    for slug in records:  # so that every page must be rendered again
        (tmp_path / "out/articles" / slug / "index.html").unlink()
    assert_rebuild_equals_clean_build(root, tmp_path)


def test_a_body_gone_from_the_cache_is_rendered_again(tmp_path):
    """The store is asked whether it has each body (BodyStore.has, from the packs' sizes as
    listed): one cut off its pack is rendered again, and a pack gone takes its bodies with it."""
    root = write_files(tmp_path / "site", BASE)
    first = run(root, tmp_path / "out")
    packs, records = _store_and_records(root)
    last = max(record.body for record in records.values())
    os.truncate(root / ".sitegen-cache/bodies" / last[0], last[1] + last[2] - 1)
    again = run(root, tmp_path / "out")
    assert again.cache_hits == first.articles - 1
    for pack in _store_and_records(root)[0]:
        (root / ".sitegen-cache/bodies" / pack).unlink()
    assert run(root, tmp_path / "out").cache_hits == 0
    assert _holds_only_the_sites_bodies(root)
    assert_rebuild_equals_clean_build(root, tmp_path)


@pytest.mark.parametrize("where", ["articles/one/index.html", "index.html", "people/ada-lovelace/index.html"])
def test_a_file_deleted_from_the_output_is_made_again(tmp_path, settled, where):
    """Also once the output's folders are old enough to be vouched for (see _check_output)."""
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    run(root, tmp_path / "out")  # a build that finds them settled remembers them
    assert run(root, tmp_path / "out").write.files == 0
    (tmp_path / "out" / where).unlink()
    assert_rebuild_equals_clean_build(root, tmp_path)


def test_settled_output_folders_are_vouched_for_without_looking_at_their_files(tmp_path, monkeypatch):
    monkeypatch.setattr(sitegen.load.files, "SETTLE_NS", -10**18)
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    run(root, tmp_path / "out")
    looked = []
    original = os.path.isfile
    monkeypatch.setattr(os.path, "isfile", lambda path: looked.append(path) or original(path))
    run(root, tmp_path / "out")
    assert not [p for p in looked if str(tmp_path / "out") in str(p)]


def test_a_moved_site_reads_its_own_files(tmp_path):
    """Regression: cached articles remember absolute paths; a copied site must not use the old ones."""
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    moved = tmp_path / "moved"
    shutil.copytree(root, moved)
    (moved / "content/articles/one/original.txt").write_text("changed in the copy only\n")
    shutil.rmtree(root)
    run(moved, tmp_path / "out2")
    assert (tmp_path / "out2/articles/one/original.txt").read_text() == "changed in the copy only\n"


def _dead_pid() -> int:
    """The process id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def built_and_edited(tmp_path, monkeypatch) -> tuple[Path, Path, dict]:
    """A site built into ``out`` (its files returned) whose next build updates ``out`` in place."""
    always_in_place(monkeypatch)
    root = write_files(tmp_path / "site", BASE)
    out = tmp_path / "out"
    run(root, out)
    before = tree(out)
    CHANGES["edit a body"](root)
    return root, out, before


def test_an_update_interrupted_after_its_commit_is_finished_by_the_next_build(tmp_path, monkeypatch):
    root, out, before = built_and_edited(tmp_path, monkeypatch)
    CHANGES["delete an article"](root)

    def killed(journal, output_dir):
        raise KeyboardInterrupt  # as if the process died right after the commit

    monkeypatch.setattr(sitegen.write, "_apply_journal", killed)
    with pytest.raises(KeyboardInterrupt):
        run(root, out)
    monkeypatch.undo()
    assert tree(out) == before  # committed, not yet applied
    left_by_a_dead_process(tmp_path)

    assert_rebuild_equals_clean_build(root, tmp_path)
    assert "again" in (out / "articles/one/index.html").read_text()
    assert not (out / "articles/three").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []


def left_by_a_dead_process(tmp_path: Path) -> None:
    """Make the journal and staging folder left beside out/ those of a process that has ended,
    as they are when a build stopped (ours is alive, so they would be left alone)."""
    [journal] = tmp_path.glob(".out.journal-*")
    [staging] = tmp_path.glob(".out.staging-*")
    dead = _dead_pid()
    plan = json.loads(journal.read_text())
    staging.rename(tmp_path / f".out.staging-{dead}")
    plan["staging"] = f".out.staging-{dead}"
    (tmp_path / f".out.journal-{dead}").write_text(json.dumps(plan))
    journal.unlink()


def test_an_update_the_disk_stops_half_applied_says_so_and_the_next_build_finishes_it(tmp_path, monkeypatch):
    root, out, before = built_and_edited(tmp_path, monkeypatch)
    CHANGES["delete an article"](root)
    replace = os.replace

    def disk_full_once(source, target, *args, **kwargs):  # the first file moved into out/ fails
        if str(target).startswith(str(out) + os.sep) and not refused:
            refused.append(target)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        return replace(source, target, *args, **kwargs)

    refused = []
    monkeypatch.setattr(sitegen.write.os, "replace", disk_full_once)
    result = run_sitegen("build", "--source", str(root), "--output", str(out))
    monkeypatch.setattr(sitegen.write.os, "replace", replace)
    assert result.exit_code == 2, result.output
    [message] = result.stderr.splitlines()
    assert re.fullmatch(rf"sitegen: \S*out was left half updated \(\S*out/\S+: No space left on device\): the next "
                        r"build finishes the update", message), message
    left_by_a_dead_process(tmp_path)

    assert_rebuild_equals_clean_build(root, tmp_path)
    assert not (out / "articles/three").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []


def test_a_failed_build_leaves_the_output_as_it_was_when_updating_in_place(tmp_path, monkeypatch):
    root, out, before = built_and_edited(tmp_path, monkeypatch)
    write_files(root, {"themes/default/templates/404.html": "{% extends 'base.html' %}{% block main %}{{ 1 / 0 }}{% endblock %}"})
    with pytest.raises(BuildError) as failed:  # a template's error, located like a content error
        run(root, out)
    assert "404.html:1: template error: ZeroDivisionError" in str(failed.value.diagnostics[0])
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []


def test_an_edit_saves_its_articles_shard_itself(tmp_path, monkeypatch):
    """Fewer shards changed than workers would be given: no process is started to save them."""
    monkeypatch.setattr(sitegen.parallel, "MIN_TASKS_FOR_POOL", 2)
    monkeypatch.setattr(sitegen.load.files, "SETTLE_NS", -10**18)  # (else every header is read again: all shards change)
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out", jobs=2)
    started = []
    original = sitegen.parallel.start
    monkeypatch.setattr(sitegen.parallel, "start", lambda f, *args: started.append((f, *args[1:])) or original(f, *args))
    monkeypatch.setattr(sitegen.parallel, "MIN_TASKS_FOR_POOL", 3)  # (all 3 shards, at the cold build)
    CHANGES["edit a body"](root)
    assert run(root, tmp_path / "out", jobs=2).cache_hits == 2
    assert [args for f, *args in started if f is sitegen.cache._store_shards] == []
    monkeypatch.undo()
    assert run(root, tmp_path / "out", jobs=1).units_rendered == 0  # (its shard was saved all the same)


def test_a_build_that_fails_after_its_load_keeps_what_it_loaded_and_leaves_no_process(tmp_path, monkeypatch):
    """The articles' records are saved while the build renders (see start_saving_articles): a
    template's error fails the build, but not before that process is done, and the next
    build, the template mended, renders no body again."""
    monkeypatch.setattr(sitegen.parallel, "MIN_TASKS_FOR_POOL", 2)
    root = write_files(tmp_path / "site", BASE)
    broken = root / "themes/default/templates/404.html"
    write_files(root, {str(broken.relative_to(root)): "{% extends 'base.html' %}{% block main %}{{ 1 / 0 }}{% endblock %}"})
    with pytest.raises(BuildError):
        run(root, tmp_path / "out", jobs=2)
    assert multiprocessing.active_children() == []
    broken.unlink()
    again = run(root, tmp_path / "out", jobs=2)
    assert again.cache_hits == 3


def test_verbose_reports_stage_times_and_cache_hits(tmp_path):
    from conftest import build as build_cli

    root = write_files(tmp_path / "site", BASE)
    assert build_cli(root).exit_code == 0
    CHANGES["edit a body"](root)
    result = build_cli(root, "--verbose")
    assert result.exit_code == 0, result.output
    counts = re.search(r"built (\d+) articles?.*: (\d+) files \(([\d.]+) MB; (\d+) written", result.output)
    site_files = [name for name in tree(root / "public") if name != MARKER]  # the marker is sitegen's own
    assert counts and counts.group(1) == "3" and int(counts.group(2)) == len(site_files)
    assert counts.group(4) == "2"  # the edited article's page and the feed that carries its body
    cache = re.search(r"articles loaded from cache: (\d+) of (\d+); render units redone: (\d+) of (\d+)", result.output)
    assert cache and cache.groups()[:2] == ("2", "3") and 0 < int(cache.group(3)) < int(cache.group(4))
    stages = dict(re.findall(r"^  (\S+) +(\d+) ms$", result.output, re.MULTILINE))
    assert list(stages) == ["load", "index", "plan", "render+write"]


def test_a_named_pipe_in_a_bundle_does_not_stop_the_build(tmp_path):
    """Assets are digested by their bytes, but only regular files are opened: opening a named
    pipe would wait for a writer for ever."""
    root = write_files(tmp_path / "site", BASE)
    os.mkfifo(root / "content/articles/one/pipe")
    result = subprocess.run([sys.executable, "-m", "sitegen", "build", "--source", str(root), "--jobs", "1"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert not (root / "public/articles/one/pipe").exists()


def test_a_damaged_compiled_template_is_compiled_again(tmp_path):
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out")
    compiled = sorted((root / ".sitegen-cache" / "templates").rglob("*.cache"))
    assert compiled
    for path in compiled:  # Jinja's header, then garbage: read as a pickle of an unknown protocol
        path.write_bytes(jinja2.bccache.bc_magic + b"\x80\x67garbage")
    CHANGES["change the configuration"](root)  # every page again: every template is loaded
    run(root, tmp_path / "out")  # no error
    run(root, tmp_path / "clean", clean=True)
    assert tree(tmp_path / "out") == tree(tmp_path / "clean")
    assert all(b"garbage" not in path.read_bytes() for path in compiled)  # written anew


def test_the_cache_belongs_to_the_code_that_made_it(tmp_path, monkeypatch):
    """Every module of sitegen is part of the cache's version, not only the version number,
    which stays the same while a checkout is being changed."""
    package = tmp_path / "package"
    write_files(package, {"__init__.py": "", "render/pages.py": "A = 1\n"})
    monkeypatch.setattr(sitegen, "__file__", str(package / "__init__.py"))
    before = sitegen.cache._made_by()
    assert sitegen.cache._made_by() == before
    (package / "render/pages.py").write_text("A = 2\n")
    assert sitegen.cache._made_by() != before


def test_an_archive_page_follows_the_month_of_the_article_before_it(tmp_path):
    """Page 2's own articles stay the same, but whether its first month is "(continued)"
    depends on the last article of page 1: that is part of the page's key."""
    root = write_files(tmp_path / "site", {
        "sitegen.yaml": "title: T\npagination: 2\n",
        "content/articles/a/index.md": article("A", date="2016-05-01"),
        "content/articles/b/index.md": article("B", date="2016-03-20"),
        "content/articles/c/index.md": article("C", date="2016-03-10"),
    })
    run(root, tmp_path / "out")
    edit(root, "content/articles/b/index.md", "date: 2016-03-20", "date: 2016-04-20")  # still second
    assert_rebuild_equals_clean_build(root, tmp_path)
    assert "(continued)" not in (tmp_path / "out/page/2/index.html").read_text()


def test_a_build_can_leave_its_state_to_the_caller_instead_of_freeing_it(tmp_path):
    """The command line exits right after a build (cli._leave): it takes the build's state so
    that returning does not free it object by object."""
    root = write_files(tmp_path / "site", BASE)
    kept = []
    run(root, tmp_path / "out", keep_state_in=kept)
    assert sorted(a.slug for a in kept[0]["site"].articles) == ["one", "three", "two"]
    assert isinstance(kept[0]["cache"], BuildCache)


def test_a_build_without_an_output_folder_compares_no_file_and_a_clean_one_links_the_same(tmp_path, monkeypatch):
    """With no output folder there is nothing to compare a page with (a cold build's tens of
    thousands of failed looks); over an existing output, a clean build still links each file
    whose bytes are the same instead of writing it again."""
    root = write_files(tmp_path / "site", BASE)
    compared = []
    original = sitegen.write._same_bytes
    monkeypatch.setattr(sitegen.write, "_same_bytes", lambda path, data: compared.append(path) or original(path, data))
    run(root, tmp_path / "out", jobs=1)
    assert compared == []
    before = {path: (tmp_path / "out" / path).stat().st_ino for path in tree(tmp_path / "out")}
    run(root, tmp_path / "out", jobs=1, clean=True)
    assert len(compared) == len(before) - 1  # every page but the marker file, which is not rendered
    after = {path: (tmp_path / "out" / path).stat().st_ino for path in tree(tmp_path / "out")}
    assert after.keys() == before.keys()
    assert [path for path in before if after[path] != before[path]] == [sitegen.write.MARKER]  # (written anew)


def test_the_cache_is_made_by_markupsafe_as_its_files_say(tmp_path, monkeypatch):
    """markupsafe escapes, so the cache key names it: by the bytes of its files (not by asking
    importlib.metadata for its version). Any of them changed, its compiled escaping included,
    is another key; its compiled bytecode is not part of it."""
    import markupsafe

    package = tmp_path / "markupsafe"
    shutil.copytree(Path(markupsafe.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(markupsafe, "__file__", str(package / "__init__.py"))
    before = sitegen.cache._made_by()
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"compiled")
    assert sitegen.cache._made_by() == before
    extension = next((p for p in package.iterdir() if p.suffix in (".so", ".pyd")), None)
    changed = [package / "__init__.py"] + ([extension] if extension else [])
    for path in changed:
        data = path.read_bytes()
        path.write_bytes(data + b"\n")
        assert sitegen.cache._made_by() != before, path.name
        path.write_bytes(data)
        assert sitegen.cache._made_by() == before
    (package / "_extra.py").write_text("")
    assert sitegen.cache._made_by() != before


def test_a_build_imports_neither_pygments_formatters_nor_importlib_metadata_until_needed(tmp_path):
    """Pygments (with importlib.metadata, for its plugins) is imported when a code block is
    highlighted or its stylesheet made, not by every start of a build; code is still
    highlighted once it is."""
    code = ("import sys\n"
            "import sitegen.cli, sitegen.build, sitegen.cache\n"
            "print(sorted(m for m in ('pygments.formatters', 'pygments.lexers', 'importlib.metadata')"
            " if m in sys.modules))\n"
            "from sitegen.markup.highlight import highlight_code\n"
            "print('<span' in highlight_code('x = 1', 'python', ''))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(Path(sitegen.__file__).parent.parent)})
    assert result.stdout.split("\n")[:2] == ["[]", "True"]
