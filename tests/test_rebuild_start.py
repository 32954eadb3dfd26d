"""The start of a rebuild: the bundles and the output are looked at by a process of its own
while the build opens its cache (see sitegen/lookahead.py), and what it says is trusted only
for the records it was about."""

from __future__ import annotations

import marshal
import os
import time
from pathlib import Path

import pytest

import sitegen.cache
import sitegen.load
import sitegen.lookahead
import sitegen.load.files
import sitegen.parallel
from conftest import write_files
from sitegen.diagnostics import BuildError
from sitegen.load.articles import scan_bundle
from test_incremental import BASE, CHANGES, run, tree


@pytest.fixture
def settled(monkeypatch):
    """Files the file system vouches for (see scan_is_settled): only those are looked at ahead.
    And a build that waits for the look ahead as long as it takes (see _PATIENCE_SECONDS):
    on a busy machine, it may be late."""
    monkeypatch.setattr(sitegen.load.files, "SETTLE_NS", -10**18)
    monkeypatch.setattr(sitegen.lookahead, "_PATIENCE_SECONDS", 60)


def lstats_in_this_process(monkeypatch, *below: Path) -> list[str]:
    """The paths inside the folders ``below`` that this process (not one forked from it)
    calls lstat on."""
    called, original, parent = [], os.lstat, os.getpid()
    inside = tuple(str(folder.resolve()) + os.sep for folder in below)

    def counting(path, *args, **kwargs):
        if os.getpid() == parent and str(path).startswith(inside):
            called.append(str(path))
        return original(path, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", counting)
    return called


def test_a_rebuild_with_workers_leaves_the_looking_to_a_process_of_its_own(tmp_path, monkeypatch, settled):
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out", jobs=2)
    run(root, tmp_path / "out", jobs=2)  # (the first rebuild records the output's folders)
    called = lstats_in_this_process(monkeypatch, root / "content/articles", tmp_path / "out")
    noop = run(root, tmp_path / "out", jobs=2)
    assert noop.units_rendered == 0
    assert called == []  # neither a bundle's file nor an output folder
    CHANGES["edit a body"](root)
    edited = run(root, tmp_path / "out", jobs=2)
    assert edited.cache_hits == 2
    # Only the edited bundle is looked at again, by the build itself.
    assert called and all("/articles/one" in path or "/out/" in path for path in called)


def test_with_one_job_the_build_looks_for_itself(tmp_path, monkeypatch, settled):
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out", jobs=1)
    monkeypatch.setattr(sitegen.parallel, "start", lambda *args: pytest.fail("a process was started"))
    called = lstats_in_this_process(monkeypatch, root / "content/articles", tmp_path / "out")
    CHANGES["edit a body"](root)
    assert run(root, tmp_path / "out", jobs=1).cache_hits == 2
    assert any("/articles/two" in path for path in called)


@pytest.mark.parametrize("change", ["edit a body", "change an asset", "add a file to an article's subfolder",
                                    "delete an article", "move an article into a grouping folder"])
def test_what_changed_is_seen_although_another_process_looked(tmp_path, settled, change):
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out", jobs=2)
    CHANGES[change](root)
    (tmp_path / "out/articles/two/media/figure.txt").unlink()  # removed by hand from the output
    run(root, tmp_path / "out", jobs=2)
    run(root, tmp_path / "clean", jobs=2, clean=True)
    assert tree(tmp_path / "out") == tree(tmp_path / "clean")


def test_scans_saved_without_their_shard_are_not_trusted(tmp_path, settled):
    """A build stopped between saving a shard's scans and the shard itself (or another build
    saving meanwhile) leaves scans that describe other headers than the shard holds: the
    look ahead's answer about them must not make the build use the headers it has."""
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out", jobs=2)
    CHANGES["edit a body"](root)
    # What a build stopped halfway would have left: the scans of the edited bundle as it is
    # now, under a token the shard (still the first build's) does not have.
    folder = root.resolve() / "content/articles/one"
    scan = scan_bundle(str(folder))
    cache_folder = root.resolve() / sitegen.cache.CACHE_DIR
    scans = sitegen.cache.scans_path(cache_folder, sitegen.cache._shard_of("one"))
    token, saved = marshal.loads(scans.read_bytes())
    saved[str(folder)] = (scan.paths, scan.stats)
    scans.write_bytes(marshal.dumps((b"stopped!", saved)))
    edited = run(root, tmp_path / "out", jobs=2)
    assert edited.cache_hits == 2
    assert "wrote again." in (tmp_path / "out/articles/one/index.html").read_text()


def test_the_articles_folder_is_looked_through_by_the_other_process(tmp_path, monkeypatch, settled):
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out", jobs=2)
    parent, searched = os.getpid(), []
    original = sitegen.load.find_bundles
    monkeypatch.setattr(sitegen.load, "find_bundles",
                        lambda *args, **kwargs: (os.getpid() == parent and searched.append(args[0]))
                        or original(*args, **kwargs))
    assert run(root, tmp_path / "out", jobs=2).units_rendered == 0
    CHANGES["edit a body"](root)  # (its folder as it was, one of its files not)
    assert run(root, tmp_path / "out", jobs=2).cache_hits == 2
    assert searched == []


@pytest.mark.parametrize("bundles", [
    {"content/articles/Bad Name/index.md": "---\ntitle: Bad\n---\nText.\n"},
    {"content/articles/1900s/two/index.md": "---\ntitle: Two again\n---\nText.\n"},
])
def test_problems_with_bundle_folders_are_reported_as_with_one_job(tmp_path, settled, bundles):
    reported = []
    for jobs in (1, 2):
        root = write_files(tmp_path / f"site{jobs}", BASE)
        run(root, tmp_path / f"out{jobs}", jobs=jobs)
        write_files(root, bundles)
        with pytest.raises(BuildError) as raised:
            run(root, tmp_path / f"out{jobs}", jobs=jobs)
        reported.append([(d.location.path.relative_to(root), d.message.replace(str(root), "site"))
                         for d in raised.value.diagnostics])
    assert reported[0] == reported[1] and reported[0]


def test_a_build_does_not_wait_for_a_look_ahead_that_is_late(tmp_path, monkeypatch, settled):
    root = write_files(tmp_path / "site", BASE)
    run(root, tmp_path / "out", jobs=2)
    run(root, tmp_path / "out", jobs=2)
    monkeypatch.setattr(sitegen.lookahead, "_PATIENCE_SECONDS", 0.05)
    original = sitegen.lookahead._bundles
    monkeypatch.setattr(sitegen.lookahead, "_bundles", lambda *args: time.sleep(30) or original(*args))
    CHANGES["edit a body"](root)
    start = time.perf_counter()
    edited = run(root, tmp_path / "out", jobs=2)
    assert time.perf_counter() - start < 20 and edited.cache_hits == 2
    run(root, tmp_path / "clean", jobs=2, clean=True)
    assert tree(tmp_path / "out") == tree(tmp_path / "clean")


def test_the_registries_are_read_while_the_look_ahead_is_still_looking(tmp_path, monkeypatch, settled):
    """An edit opens its cache sooner than the other process looks at every bundle of a large
    archive: the registries, which need none of its answer, are read meanwhile, and the build
    says and makes what it would have after waiting."""
    root = write_files(tmp_path / "site", {**BASE, "content/people/odd.yaml": "name: Odd One\ncolour: blue\n"})
    run(root, tmp_path / "out", jobs=2)
    order = []
    original_bundles, original_people = sitegen.lookahead._bundles, sitegen.load.load_people
    monkeypatch.setattr(sitegen.lookahead, "_bundles", lambda *args: time.sleep(1) or original_bundles(*args))
    monkeypatch.setattr(sitegen.load, "load_people",
                        lambda *args: order.append("registries") or original_people(*args))
    original_answer = sitegen.lookahead.LookAhead.bundles
    monkeypatch.setattr(sitegen.lookahead.LookAhead, "bundles",
                        lambda self, *args: order.append("answer") or original_answer(self, *args))
    CHANGES["edit a body"](root)
    edited = run(root, tmp_path / "out", jobs=2)
    assert order == ["registries", "answer"]
    assert edited.cache_hits == 2
    clean = run(root, tmp_path / "clean", jobs=1, clean=True)
    assert tree(tmp_path / "out") == tree(tmp_path / "clean")
    said = [(d.location.path.relative_to(root), d.location.line, d.message) for d in edited.warnings]
    assert said == [(d.location.path.relative_to(root), d.location.line, d.message) for d in clean.warnings]
    assert any("colour" in message for *_, message in said)
