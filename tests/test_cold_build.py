"""A cold build's serial work: what the parent does while workers work, and what it leaves to them."""

from __future__ import annotations

import multiprocessing
import pickle
from pathlib import Path

import pytest

from conftest import article, write_files
from sitegen import parallel
from sitegen.build import build, urls_for
from sitegen.cache import BuildCache
from sitegen.config import load_config
from sitegen.diagnostics import Diagnostics
from sitegen.load import load_site
from sitegen.load.articles import ArticleHeader, NameRef


def _waits_for_the_parent(state: dict, task: int) -> tuple[int, bool]:
    return task, state["event"].wait(10)


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
