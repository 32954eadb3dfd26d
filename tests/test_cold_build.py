"""A cold build's serial work: what the parent does while workers work, and what it leaves to them."""

from __future__ import annotations

import gc
import multiprocessing
import pickle
import shutil
import time
from pathlib import Path

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sitegen.build
import sitegen.write as write_module
from conftest import article, write_files
from test_incremental import BASE, edit, tree
from test_yamlfile import EXAMPLES, documents, keys
from sitegen import parallel
from sitegen.build import build, urls_for
from sitegen.cache import BuildCache
from sitegen.config import load_config
from sitegen.diagnostics import Diagnostics
import sitegen.load
from sitegen.load import _read_one, load_site
from sitegen.index import build_index
from sitegen.load.articles import ArticleHeader, NameRef
from sitegen.render import plan as plan_module
from sitegen.render import OutputFile, plan_units, static_files, theme_dirs
from sitegen.write import FoldersAhead, open_stage
from sitegen.yamlfile import YamlSyntaxError, parse_yaml


def _waits_for_the_parent(state: dict, task: int) -> tuple[int, bool]:
    return task, state["event"].wait(10)


def test_a_header_replaced_equals_what_dataclasses_replace_makes():
    """ArticleHeader.replaced copies the instance's dict: for any fields changed, the same
    header as dataclasses.replace, field for field."""
    import dataclasses
    import random
    names = [f.name for f in dataclasses.fields(ArticleHeader)]
    rng = random.Random(7)
    for _ in range(200):
        header = ArticleHeader(**{name: rng.random() for name in names})
        changes = {name: rng.random() for name in rng.sample(names, rng.randrange(len(names) + 1))}
        made, expected = header.replaced(**changes), dataclasses.replace(header, **changes)
        assert made == expected and vars(made) == vars(expected) and made is not header
    with pytest.raises(TypeError):
        header.replaced(no_such_field=1)


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_parent_works_meanwhile_while_workers_have_their_tasks(monkeypatch, jobs):
    """``meanwhile`` is done once the workers have their tasks, before the first result is
    taken (without workers: before the tasks). Here the tasks wait for it: done only after
    the results, each would wait in vain."""
    monkeypatch.setattr(parallel, "MIN_TASKS_FOR_POOL", 2)
    event = multiprocessing.get_context("fork").Event()
    done = []

    def meanwhile():
        done.append(len(done))
        event.set()

    results = list(parallel.run(_waits_for_the_parent, [1, 2, 3, 4], jobs, {"event": event}, meanwhile))
    assert results == [(1, True), (2, True), (3, True), (4, True)]
    assert done == [0]


def test_registries_read_meanwhile_report_their_warnings_first(tmp_path, monkeypatch):
    """The registries are read while workers read the front matter (see load_site): their
    messages still come before the front matter's, as when they were read first."""
    monkeypatch.setattr(parallel, "MIN_TASKS_FOR_POOL", 2)
    files = {f"content/articles/a{n}/index.md": article(f"A{n}", people="[Ada Lovelace]", colour="blue")
             for n in range(6)}
    files["content/people/ada-lovelace.yaml"] = "name: Ada Lovelace\nshoe_size: 9\n"
    files["content/topics/computing.yaml"] = "name: Computing\nhue: red\n"
    write_files(tmp_path, files)
    for jobs in (1, 2):
        diags = Diagnostics()
        build(tmp_path, diags, jobs=jobs, clean=True)
        messages = [w.message for w in diags.warnings]
        assert messages[:2] == ["unknown key 'shoe_size'", "unknown key 'hue'"]
        assert messages[2:] == ["unknown front matter key 'colour'"] * 6


def _read_one_waiting_for_the_first_names(state: dict, task: tuple):
    """_read_one, but the last article's front matter is read only once the parent has
    resolved the first's names (or after 10 s in vain: noted in ``state["waited"]``)."""
    if task[0].name == "a5":
        state["waited"].value = state["resolved"].wait(10)
    return _read_one(state, task)


@pytest.mark.parametrize("jobs", [1, 2])
def test_names_are_resolved_as_each_front_matter_comes_back(tmp_path, monkeypatch, jobs):
    """The parent resolves an article's names as its front matter comes back from the
    workers, not after the last one (see load_site). Here the last waits for the first's
    names: resolved only after every front matter was read, it would wait in vain."""
    monkeypatch.setattr(parallel, "MIN_TASKS_FOR_POOL", 2)
    context = multiprocessing.get_context("fork")
    resolved, waited = context.Event(), context.Value("b", 0)
    original = sitegen.load._NameResolver.resolve
    order = []

    def resolve(self, header, diags):
        order.append(header.slug)
        resolved.set()
        return original(self, header, diags)

    monkeypatch.setattr(sitegen.load._NameResolver, "resolve", resolve)
    monkeypatch.setattr(sitegen.load, "_read_one", _read_one_waiting_for_the_first_names)
    real_run = parallel.run
    monkeypatch.setattr(parallel, "run", lambda function, tasks, jobs, state, *a: real_run(
        function, tasks, jobs, {**state, "resolved": resolved, "waited": waited}, *a))
    write_files(tmp_path, {f"content/articles/a{n}/index.md": article(f"A{n}", people="[Ada Lovelace]")
                           for n in range(6)})
    config = load_config(tmp_path, Diagnostics())
    site = load_site(config, Diagnostics(), urls_for(config), BuildCache.open(tmp_path, enabled=False), jobs)
    assert waited.value == 1 and order == [f"a{n}" for n in range(6)]
    assert [[r.slug for r in a.people] for a in site.articles] == [["ada-lovelace"]] * 6


def test_names_resolved_early_report_in_folder_order_after_the_front_matter(tmp_path, monkeypatch):
    """Messages about names, though found as each front matter comes back, are reported as
    before: after every front matter's own messages, article by article in folder order,
    the same with one process and with several; a draft's names are not resolved."""
    monkeypatch.setattr(parallel, "MIN_TASKS_FOR_POOL", 2)
    files = {f"content/articles/a{n}/index.md": article(f"A{n}", people=f"[{{id: nobody-{n}}}]", colour="blue")
             for n in range(6)}
    files["content/articles/a3/index.md"] = article("A3", people="[{id: nobody-3}]", draft="true")
    write_files(tmp_path, files)
    seen = []
    for jobs in (1, 2):
        diags = Diagnostics()
        config = load_config(tmp_path, diags)
        load_site(config, diags, urls_for(config), BuildCache.open(tmp_path, enabled=False), jobs)
        seen.append([(d.location.path.parent.name, d.message) for d in diags.items])
    assert seen[0] == seen[1]
    assert seen[0] == ([(f"a{n}", "unknown front matter key 'colour'") for n in (0, 1, 2, 4, 5)]
                       + [(f"a{n}", f"id 'nobody-{n}': not in the registry") for n in (0, 1, 2, 4, 5)])


@pytest.mark.parametrize("enabled_before", [True, False])
def test_the_cyclic_collector_is_off_during_a_build_and_as_it_was_after(tmp_path, enabled_before):
    """build._no_collections: a build's objects live until its end or are freed by reference
    counting, and collections that follow them into a large heap cost time for nothing. As
    each article is loaded and each page rendered the collector is off; afterwards it is as
    before the build (so `sitegen serve`, between builds, collects as usual)."""
    root = write_files(tmp_path / "site", BASE)
    seen = []
    was = gc.isenabled()
    gc.enable() if enabled_before else gc.disable()
    try:
        build(root, Diagnostics(), output_dir=tmp_path / "out", jobs=1,
              progress=lambda stage, done, total: seen.append((stage, gc.isenabled())))
        after = gc.isenabled()
    finally:
        gc.enable() if was else gc.disable()
    assert {stage for stage, _ in seen} == {"load", "render"}
    assert not any(enabled for _, enabled in seen)
    assert after is enabled_before


def test_a_theme_macro_that_holds_each_page_leaves_no_page_behind(tmp_path, monkeypatch):
    """A macro defined in a page's template that uses a name of the page (here ``config``) is
    a reference cycle with the page's context, which holds the article, its body and its
    comments: garbage only the cyclic collector frees, and a build runs with it off. The tasks'
    young objects are collected between tasks (see parallel._collect_young_garbage; here after
    every one), so no page is left behind. Without that, each article's page stayed in memory
    until the end: at 10,000 articles, some 150 MB more in each render worker."""
    default = (Path(sitegen.build.__file__).parent.parent / "themes/default/templates/article.html").read_text()
    assert default.startswith('{% extends "base.html" %}\n')
    with_macro = default.replace("\n", '\n{% macro site_name() %}{{ config.title }}{% endmacro %}\n', 1)
    root = write_files(tmp_path / "site", {**BASE, "themes/default/templates/article.html": with_macro})
    monkeypatch.setattr(parallel, "YOUNG_OBJECTS", 0)
    was = gc.isenabled()
    gc.disable()  # (and so it stays after the build: nothing collects what was left before it is counted)
    try:
        build(root, Diagnostics(), output_dir=tmp_path / "out", jobs=1)
        pages_left = [o for o in gc.get_objects() if isinstance(o, jinja2.runtime.Context) and o.name == "article.html"]
    finally:
        if was:
            gc.enable()
    assert (tmp_path / "out/articles/one/index.html").is_file()
    assert pages_left == []  # (3, one an article, without the collections)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_without_a_record_gets_its_key_from_the_worker_that_renders_it(tmp_path, monkeypatch, jobs):
    """The parent makes an article's cache key only to compare it with the record of the
    last build: for the others (every article of a cold build) the worker that renders the
    body makes it, and the names its body links. The same key: the next build renders nothing."""
    monkeypatch.setattr(parallel, "MIN_TASKS_FOR_POOL", 2)
    root = write_files(tmp_path / "site", BASE)
    given = {}
    real_run = parallel.run

    def run(function, tasks, *args):
        if function is sitegen.load._finish:
            given.update((task.header.slug, (task.key, task.auto_names)) for task in tasks)
        return real_run(function, tasks, *args)

    monkeypatch.setattr(parallel, "run", run)
    build(root, Diagnostics(), output_dir=tmp_path / "out", jobs=jobs)
    assert given == {"one": (None, None), "two": (None, None), "three": (None, None)}
    given.clear()
    edit(root, "content/articles/one/index.md", "Lovelace wrote.", "Lovelace wrote again.")
    report = build(root, Diagnostics(), output_dir=tmp_path / "out", jobs=jobs)
    assert report.cache_hits == 2 and list(given) == ["one"]
    key, names = given["one"]
    assert key and ("Lovelace", "ada-lovelace") in names and ("Ada Lovelace", "ada-lovelace") in names
    build(root, Diagnostics(), output_dir=tmp_path / "clean", clean=True)
    assert tree(tmp_path / "out") == tree(tmp_path / "clean")


def test_a_light_headers_names_are_packed_as_plain_tuples():
    """The names of a light header are pickled as plain tuples and made NameRefs again in C
    (see load.articles.NameRef): as records, unpickling each ran a Python ``__init__``."""
    people = [NameRef("Ada Lovelace", role="mathematician", line=3), NameRef("Charles Babbage", "babbage", line=4)]
    header = ArticleHeader("a", Path("a"), people=people, topics=[NameRef("computing", line=6)])
    light = header.packed(body=None)
    assert all(type(ref) is tuple for refs in pickle.loads(light.packed_names) for ref in refs)
    assert light.names() == (people, [], [NameRef("computing", line=6)])
    assert all(type(ref) is NameRef for refs in light.names() for ref in refs)
    assert light.names()[0][0].role == "mathematician" and light.names()[0][1].registry_id == "babbage"


@pytest.mark.parametrize("jobs", [1, 2])
def test_annotations_of_bodies_just_rendered_are_unpacked_during_the_load(tmp_path, monkeypatch, jobs):
    """The index lists every annotation of a cold build: they are unpacked as the bodies come
    back from the workers (see load_site), not after the load with one core idle."""
    monkeypatch.setattr(parallel, "MIN_TASKS_FOR_POOL", 2)
    files = {f"content/articles/a{n}/index.md": article(f"A{n}", "A claim.{>>A note.<<}") for n in range(4)}
    write_files(tmp_path, files)
    config = load_config(tmp_path, Diagnostics())
    cache = BuildCache.open(tmp_path, enabled=False)
    site = load_site(config, Diagnostics(), urls_for(config), cache, jobs)
    assert [len(a.annotations) for a in site.articles] == [1] * 4
    assert all(a.annotations._items is not None for a in site.articles)


def _site_and_plan_inputs(root):
    config = load_config(root, Diagnostics())
    site = load_site(config, Diagnostics(), urls_for(config), BuildCache.open(root, enabled=False), 1)
    dirs = theme_dirs(config.root, config.theme)
    return site, build_index(site), config, dirs, static_files(dirs, Diagnostics())


def test_a_plan_may_leave_the_keys_for_later_and_they_are_the_same(tmp_path):
    """With ``later``, the plan gives the units no key and a UnitKeys that makes them: the
    same keys, which decide what the next build renders again."""
    files = {f"content/articles/a{n}/index.md": article(f"A{n}", "[Ann Lee]{.quote by=ann-lee} said it. "
                                                         "[A claim]{.claim rating=true}{>>Yes.<<}",
                                                         date=f"2020-0{n + 1}-01", people="[Ann Lee]",
                                                         topics="[budget]")
             for n in range(3)}
    files["sitegen.yaml"] = "title: Later\npagination: 1\nannotation_excerpt: 1\n"  # (pages of each list)
    site, index, config, dirs, static = _site_and_plan_inputs(write_files(tmp_path, files))
    whole, _ = plan_units(site, index, config, dirs, static)
    later = []
    partial, _ = plan_units(site, index, config, dirs, static, later=later)
    assert [u.id for u in partial] == [u.id for u in whole]
    assert {unit.id[0] for unit in whole} >= {"archive", "article", "person", "topic", "annotations", "annotation-list",
                                                "people-index", "topics-index", "site-feed", "static"}
    for made, unit in zip(partial, whole):
        assert made.key is None and later[0](unit.id) == unit.key


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_cold_build_records_the_keys_it_made_while_rendering(tmp_path, monkeypatch, jobs):
    """A cold build leaves the keys for the render stage (see build._files): the next
    build, with them in the manifest, renders nothing again; with --search (whose index's
    basis is made of every key) they are made by the plan."""
    monkeypatch.setattr(parallel, "MIN_TASKS_FOR_POOL", 2)
    files = {f"content/articles/a{n}/index.md": article(f"A{n}", date=f"2020-0{n + 1}-01") for n in range(4)}
    root = write_files(tmp_path / "site", files)
    made = []
    original = plan_module.plan_units
    monkeypatch.setattr(sitegen.build, "plan_units", lambda *a, **k: made.append(k.get("later")) or original(*a, **k))
    build(root, Diagnostics(), jobs=jobs)
    assert made[-1] is not None and len(made[-1]) == 1  # the cold build left them for later
    again = build(root, Diagnostics(), jobs=jobs)
    assert made[-1] is None and again.units_rendered == 0
    keys = BuildCache.open(root).manifest(root / "public").units
    assert all(keys[("article", f"a{n}")][0] for n in range(4))


def test_a_parallel_cold_build_makes_the_pages_folders_ahead_of_its_workers(tmp_path, monkeypatch):
    """The folders of the articles', people's and topics' pages are made by the parent, in plan
    order (see write.FoldersAhead), and the pages are the same as one process makes."""
    monkeypatch.setattr(parallel, "MIN_TASKS_FOR_POOL", 2)
    files = {f"content/articles/a{n}/index.md": article(f"A{n}", date=f"2020-0{n + 1}-01", people="[Ada Lovelace]",
                                                        topics="[computing]") for n in range(4)}
    root = write_files(tmp_path / "site", files)
    given = []
    original = write_module.FoldersAhead.__init__

    def recording(self, stage, folders):
        given.append(list(folders))
        original(self, stage, given[-1])

    monkeypatch.setattr(write_module.FoldersAhead, "__init__", recording)
    build(root, Diagnostics(), jobs=2, output_dir=str(tmp_path / "two"))
    assert given == [["articles/a3", "articles/a2", "articles/a1", "articles/a0", "people/ada-lovelace",
                      "topics/computing"]]
    build(root, Diagnostics(), jobs=1, clean=True, output_dir=str(tmp_path / "one"))
    assert len(given) == 1  # (one process makes its folders as it goes)
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_folders_made_ahead_are_made_however_deep_and_stop_with_their_staging_folder(tmp_path):
    """FoldersAhead makes each folder, those above it too; a folder made already (by a worker
    that got ahead) is no error; and once the staging folder is gone (a failed build's), it
    stops without a word rather than make it again."""
    stage = open_stage(tmp_path / "out", whole_tree=True)
    (stage.folder / "articles" / "b").mkdir(parents=True)
    ahead = FoldersAhead(stage, ["articles/a", "articles/b", "people/x/page/2"])
    ahead.start()
    deadline = time.monotonic() + 10
    while not (stage.folder / "people/x/page/2").is_dir() and time.monotonic() < deadline:
        time.sleep(0.01)
    ahead.stop()
    assert {str(p.relative_to(stage.folder)) for p in stage.folder.rglob("*")} == {
        "articles", "articles/a", "articles/b", "people", "people/x", "people/x/page", "people/x/page/2"}
    assert stage.put(OutputFile("articles/a/index.html", b"a")).written
    assert stage.put(OutputFile("topics/t/index.html", b"t")).written  # (a folder no one made ahead)
    shutil.rmtree(stage.folder)
    gone = FoldersAhead(stage, ["articles/c"])
    gone.start()
    gone.stop()
    assert not stage.folder.exists()


def _without_lines_then_lines(text: str, first_line: int):
    """parse_yaml(lines=False)'s values, and its lines once line_of is asked."""
    try:
        document = parse_yaml(text, first_line, lines=False)
    except YamlSyntaxError as exc:
        return ("error", exc.line, str(exc))
    data = document.data
    document.line_of()
    return data, document.lines


def _with_lines(text: str, first_line: int):
    try:
        document = parse_yaml(text, first_line)
    except YamlSyntaxError as exc:
        return ("error", exc.line, str(exc))
    return document.data, document.lines


@pytest.mark.parametrize("text", EXAMPLES + ["", "# nothing\n", "a: [1, 2\n", "a: \x07\n", "comments:\n  - id: c1\n    text: Hi.\n"])
@pytest.mark.parametrize("first_line", [1, 5])
def test_yaml_parsed_without_its_lines_finds_them_when_asked(text, first_line):
    """A comments.yaml is parsed without noting its values' lines (wanted only for a
    problem): the same values, and the same lines once asked for; errors as before."""
    assert _without_lines_then_lines(text, first_line) == _with_lines(text, first_line)


def test_yaml_parsed_without_its_lines_notes_none_until_asked():
    document = parse_yaml("comments:\n  - id: c1\n    text: Hi.\n", lines=False)
    assert document.lines is None
    assert document.line_of("comments", 0, "text") == 3


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(keys, documents()), min_size=1, max_size=5))
def test_any_yaml_parsed_without_its_lines_is_as_with_them(items):
    text = "".join(f"{k}: {v}\n" for k, v in items)
    assert _without_lines_then_lines(text, 3) == _with_lines(text, 3)
