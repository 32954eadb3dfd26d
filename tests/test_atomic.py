"""Output guarantees: a killed build leaves the previous site whole, builds are reproducible
byte for byte, and the site shows every article, comment, person and topic of the content."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import article, build, page, write_files

ARTICLES = 200
REGISTERED_PEOPLE, EXTRA_WITNESSES, REPORTERS = 12, 37, 11
REGISTERED_TOPICS, EXTRA_THEMES = 8, 13
SITEGEN = [sys.executable, "-c", "from sitegen.cli import main; main()"]


@dataclass(frozen=True)
class Expected:
    articles: int
    people: int
    topics: int
    comments: int


def comment_tree(i: int) -> tuple[list, int]:
    """Comments for article ``i``: a varying number, some with replies; returns (comments, count)."""
    comments, count = [], 0
    for c in range(i % 4):
        replies = [{"id": f"c{c}-{r}", "author": None, "text": f"Reply {r} to {c}."} for r in range((i + c) % 3)]
        comments.append({"id": f"c{c}", "author": f"Reader {c}", "text": f"Comment {c} on {i}.", "replies": replies})
        count += 1 + len(replies)
    return comments, count


def generate_site(root: Path, version: int = 1) -> Expected:
    """A few hundred articles with people, topics, annotations and comments; ``version`` changes every title."""
    files: dict[str, str] = {"sitegen.yaml": "title: Generated Archive\npagination: 40\n"}
    for k in range(REGISTERED_PEOPLE):
        files[f"content/people/person-{k}.yaml"] = f"name: Person Number{k}\naliases: [Number{k}]\ndescription: Registered.\n"
    for k in range(REGISTERED_TOPICS):
        files[f"content/topics/topic-{k}.yaml"] = f"name: Topic {k}\ndescription: Registered topic.\n"
    comments_total = 0
    for i in range(ARTICLES):
        date = "" if i % 10 == 0 else f"date: {2000 + i % 17}-{i % 12 + 1:02d}" + ("" if i % 3 else f"-{i % 28 + 1:02d}")
        speaker = f"person-{i % REGISTERED_PEOPLE}"
        body = (f"Number{i % REGISTERED_PEOPLE} spoke.{{>>A note on {i}.<<}} "
                f"[“Quoted words {i}”]{{.quote by={speaker}}} and {{~~teh~>the~~}} end.\n\n" + "Filler words here. " * 30)
        files[f"content/articles/a{i:04d}/index.md"] = "\n".join([
            "---", f"title: Article {i} version {version}", date,
            f"people: [Number{i % REGISTERED_PEOPLE}, Witness {i % EXTRA_WITNESSES}]",
            f"reporters: [Reporter {i % REPORTERS}]",
            f"topics: [topic-{i % REGISTERED_TOPICS}, Theme {i % EXTRA_THEMES}]",
            "---", body, ""])
        comments, count = comment_tree(i)
        if comments:
            files[f"content/articles/a{i:04d}/comments.yaml"] = yaml.safe_dump(
                {"reported_count": count + i % 2, "comments": comments}, sort_keys=False)
        comments_total += count
    write_files(root, files)
    return Expected(ARTICLES, REGISTERED_PEOPLE + EXTRA_WITNESSES + REPORTERS, REGISTERED_TOPICS + EXTRA_THEMES,
                    comments_total)


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file's bytes and every folder (None), by relative path."""
    return {p.relative_to(folder).as_posix(): (None if p.is_dir() else p.read_bytes())
            for p in sorted(folder.rglob("*"))}


def reported_counts(text: str) -> dict[str, int]:
    match = re.search(r"built (\d+) articles?, (\d+) (?:people|person), (\d+) topics?, (\d+) comments?", text)
    assert match, text
    return dict(zip(("articles", "people", "topics", "comments"), map(int, match.groups())))


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """Version 1 built into site/public, then version 2 written and built into a reference folder."""
    base = tmp_path_factory.mktemp("atomic")
    root = base / "site"
    expected = generate_site(root, version=1)
    first = build(root)
    assert first.exit_code == 0, first.output
    before = snapshot(root / "public")
    generate_site(root, version=2)
    reference = base / "reference"
    second = build(root, output=reference)
    assert second.exit_code == 0, second.output
    return {"root": root, "base": base, "expected": expected, "v1": before, "v2": snapshot(reference),
            "reference": reference, "report": second.stdout}


def test_versions_differ(archive):
    """Otherwise "the previous output is intact" could not be told from "the new one"."""
    changed = [name for name, data in archive["v1"].items() if archive["v2"].get(name) != data]
    assert len(changed) >= ARTICLES


def _start_build(root: Path) -> subprocess.Popen:
    # --clean: every page is rendered again, so the kills land while pages are being written
    # (a cached rebuild of this small site can finish between two of them).
    return subprocess.Popen([*SITEGEN, "build", "--source", str(root), "--quiet", "--clean"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_for(path: Path, proc: subprocess.Popen, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists():
            return True
        time.sleep(0.002)
    return path.exists()


# Kill points: before writing starts (while loading), then at several moments after the
# staging folder appears, i.e. while pages are being rendered and written.
KILLS = [("loading", 0.25), ("writing", 0.0), ("writing", 0.1), ("writing", 0.3)]


def test_killed_build_leaves_previous_output_whole(archive):
    root, public = archive["root"], archive["root"] / "public"
    killed_mid_write = 0
    for stage, delay in KILLS:
        previous = snapshot(public)
        proc = _start_build(root)
        staging = root / f".public.staging-{proc.pid}"
        if stage == "writing":
            assert _wait_for(staging, proc), "the build never started writing"
        time.sleep(delay)
        was_writing = staging.exists()
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = snapshot(public)
        if proc.returncode == -signal.SIGKILL:
            # Killed before the swap: the previous site, untouched. Killed after it (a fast
            # incremental build can get there first): the new site, whole. Never a mixture.
            assert now in (previous, archive["v2"]), f"killed while {stage} (+{delay}s): public/ is neither version"
            killed_mid_write += was_writing and now == previous == archive["v1"]
        else:  # it finished first: then the new site is there, whole
            assert proc.returncode == 0 and now == archive["v2"], proc.stderr.read().decode()
    assert killed_mid_write >= 2, "too few kills landed while the build was writing; the test proved little"
    # The next build cleans up what the killed ones left, and finishes the job.
    final = subprocess.run([*SITEGEN, "build", "--source", str(root), "--quiet"], capture_output=True, text=True)
    assert final.returncode == 0, final.stderr
    assert snapshot(public) == archive["v2"]
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".public")) == []


def test_two_builds_are_byte_identical(archive, tmp_path):
    """Another folder, another working directory, another hash seed, another process: same bytes."""
    elsewhere = tmp_path / "moved" / "copy-of-site"
    shutil.copytree(archive["root"], elsewhere, ignore=shutil.ignore_patterns("public", ".public*"))
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    output = tmp_path / "out"
    run = subprocess.run([*SITEGEN, "build", "--source", str(elsewhere), "--output", str(output), "--quiet"],
                         capture_output=True, text=True, env=env, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    again = snapshot(output)
    assert again.keys() == archive["v2"].keys()
    assert [name for name in again if again[name] != archive["v2"][name]] == []
    leaked = [name for name, data in again.items() if data and (str(archive["base"]).encode() in data or str(tmp_path).encode() in data)]
    assert leaked == []


def test_build_reports_the_content_counts_and_the_site_shows_them(archive):
    expected, out = archive["expected"], archive["reference"]
    assert reported_counts(archive["report"]) == {"articles": expected.articles, "people": expected.people,
                                                  "topics": expected.topics, "comments": expected.comments}

    def doc(rel: str) -> BeautifulSoup:
        return BeautifulSoup((out / rel).read_text(encoding="utf-8"), "lxml")

    archive_pages = ["index.html", *sorted(p.relative_to(out).as_posix() for p in out.glob("page/*/index.html"))]
    listed = {a["href"] for rel in archive_pages for a in doc(rel).select("li.article-item a[href]")}
    assert len(listed) == expected.articles
    assert len(doc("people/index.html").select("ul.name-list > li")) == expected.people
    assert len(doc("topics/index.html").select("ul.name-list > li")) == expected.topics
    shown = sum(len(doc(p.relative_to(out).as_posix()).select("li.comment")) for p in out.glob("articles/*/index.html"))
    assert shown == expected.comments


def test_the_c_functions_sitegen_uses_are_found_and_a_missing_one_is_none():
    """renameat2 (the atomic swap of a whole new tree) and malloc_trim are both glibc's on the
    Linux machines sitegen is built on; elsewhere the callers do without."""
    from sitegen.libc import c_function
    assert callable(c_function("renameat2")) and callable(c_function("malloc_trim"))
    assert c_function("no_such_function_in_any_c_library") is None


def test_a_second_build_into_the_same_output_waits_for_the_first(tmp_path):
    """Two builds at once (an editor's save hook and one by hand) would each put pages in place
    and each save the record of what the output holds, the last one possibly the other's: the
    second build waits, says so, and then builds from what the first left."""
    from sitegen.cache import output_held
    root = write_files(tmp_path / "site", {"content/articles/a/index.md": article("First title")})
    assert build(root).exit_code == 0
    write_files(root, {"content/articles/a/index.md": article("Second title")})
    with output_held(root.resolve(), (root / "public").resolve()):  # a build of the site under way
        proc = subprocess.Popen([*SITEGEN, "build"], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        try:
            said = proc.stderr.readline()
            assert said == "sitegen: another build is writing public/; waiting for it to finish\n"
            time.sleep(0.5)
            assert proc.poll() is None, "the second build did not wait"
            assert page(root / "public", "articles/a/").h1.get_text(strip=True) == "First title"
        except BaseException:
            proc.kill()
            raise
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert page(root / "public", "articles/a/").h1.get_text(strip=True) == "Second title"
