"""The benchmark's synthetic archive generator (benchmarks/generate.py) and runner helpers.

The archive must be deterministic (the benchmark caches it and compares runs across
machines), valid content that ``sitegen build`` accepts, and rich enough that every
annotation kind, person and topic really reaches the built pages.
"""

from __future__ import annotations

import collections
import importlib
import multiprocessing
import re
import runpy
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import REPO, build, soup

BENCHMARKS = REPO / "benchmarks"
N = 20


@pytest.fixture(scope="module")
def bench_modules():
    """benchmarks/ is a folder of scripts, not a package: import them the way the scripts do."""
    names = ("generate", "run", "harness", "body", "corpus", "other_generators")
    sys.path.insert(0, str(BENCHMARKS))
    try:
        run = importlib.import_module("run")
        # The runner's measure of the cores takes seconds, for each of its tests: it has its own.
        run.concurrent_speed = lambda processes: 1.0
        yield importlib.import_module("generate"), run, importlib.import_module("harness")
    finally:
        sys.path.remove(str(BENCHMARKS))
        for name in names:  # generic names: do not leave them for other test modules to import by accident
            sys.modules.pop(name, None)


def generate(n: int, out: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BENCHMARKS / "generate.py"), str(n), str(out), *args],
                          capture_output=True, text=True, check=True)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bench") / "site"
    generate(N, root, "--seed", "3")
    return root


@pytest.fixture(scope="module")
def built(site: Path) -> Path:
    result = build(site)
    assert result.exit_code == 0, result.output
    return site / "public"


def articles(site: Path) -> dict[str, tuple[dict, str]]:
    """slug -> (front matter, body) of every generated article."""
    found = {}
    for index in sorted((site / "content" / "articles").glob("*/index.md")):
        _, front, body = index.read_text(encoding="utf-8").split("---\n", 2)
        found[index.parent.name] = (yaml.safe_load(front), body)
    return found


def test_same_n_and_seed_give_a_byte_identical_tree(site: Path, tmp_path: Path):
    generate(N, tmp_path / "again", "--seed", "3")
    assert tree(tmp_path / "again") == tree(site)


def test_another_seed_gives_another_archive(site: Path, tmp_path: Path):
    generate(N, tmp_path / "other", "--seed", "4")
    assert sorted(articles(tmp_path / "other")) != sorted(articles(site))


def test_refuses_a_non_empty_output_folder(tmp_path: Path):
    (tmp_path / "keep.txt").write_text("mine")
    proc = subprocess.run([sys.executable, str(BENCHMARKS / "generate.py"), "3", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "not an empty folder" in proc.stderr
    assert (tmp_path / "keep.txt").read_text() == "mine"


def test_bundles_have_the_full_content_format(site: Path):
    for slug, (front, body) in articles(site).items():
        folder = site / "content" / "articles" / slug
        assert {"title", "dateline", "source", "reporters", "people", "topics", "summary", "original"} <= front.keys()
        assert (folder / "original.txt").is_file()
        assert 550 <= len(body.split()) <= 1200, slug
        assert re.search(r"^```\w+\n.*?\n```$", body, re.S | re.M), f"{slug}: no fenced code block"


def test_every_annotation_kind_is_in_every_body(site: Path):
    marks = {
        "anchored note": r"\{==[^=]+==\}\{>>", "point note": r"[^}]\{>>", "highlight": r"\{==[^=]+==\}(?!\{>>)",
        "correction": r"\{~~\w+~>\w+~~\}", "insertion": r"\{\+\+[^+]+\+\+\}", "deletion": r"\{--[^-]+--\}",
        "person": r"\]\{person=[a-z0-9-]+\}", "topic": r"\]\{topic=[a-z0-9-]+\}",
        "quote by": r"\]\{\.quote by=[a-z0-9-]+\}", "claim with note": r"\]\{\.claim rating=[a-z-]+\}\{>>",
    }
    for slug, (_, body) in articles(site).items():
        missing = [kind for kind, pattern in marks.items() if not re.search(pattern, body)]
        assert not missing, f"{slug}: no {', '.join(missing)}"


def test_dates_comments_and_zipf_at_a_larger_size(bench_modules):
    """Drawn from the generator in memory: 400 articles show the distributions' shape."""
    gen, _, _ = bench_modules
    registry = gen.plan_registry(2000)
    dates, comment_counts, people = collections.Counter(), [], collections.Counter()
    for number in range(400):
        files = gen.article_files(registry, number)
        front = yaml.safe_load(next(v for k, v in files.items() if k.endswith("index.md")).decode().split("---\n")[1])
        date = str(front.get("date", ""))
        dates[{0: "undated", 4: "year", 7: "month", 10: "day"}[len(date)]] += 1
        comments = next((v for k, v in files.items() if k.endswith("comments.yaml")), None)
        comment_counts.append(_count(yaml.safe_load(comments)["comments"]) if comments else 0)
        people.update(p["id"] if isinstance(p, dict) and "id" in p else str(p) for p in front["people"])
    assert set(dates) == {"undated", "year", "month", "day"} and dates["day"] > 300
    assert min(comment_counts) == 0 and max(comment_counts) == 12
    top, *_ = people.most_common()
    assert top[1] >= 40, "the most common person should appear in a large share of articles"
    assert sum(1 for count in people.values() if count == 1) > 100, "and most people only rarely"


def _count(comments) -> int:
    return sum(1 + _count(c.get("replies") or []) for c in comments or [])


def test_original_txt_is_the_body_with_every_mark_rejected(site: Path):
    from sitegen.markup.published import reject_all

    for slug, (_, body) in articles(site).items():
        original = (site / "content" / "articles" / slug / "original.txt").read_text(encoding="utf-8")
        published = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", reject_all(body))  # link text as printed
        for paragraph in published.split("\n\n"):
            paragraph = "\n".join(line for line in paragraph.splitlines() if not line.startswith("```"))
            assert paragraph.strip() in original, f"{slug}: {paragraph[:80]!r} not in original.txt"


def test_the_cli_builds_it(built: Path):
    assert (built / "index.html").is_file()


def test_annotations_reach_the_article_pages(site: Path, built: Path):
    for slug, (front, body) in articles(site).items():
        if front.get("draft"):
            continue
        page = soup(built / "articles" / slug / "index.html")
        html_body = page.select_one(".article-body")
        assert len(html_body.select(".sidenote")) == body.count("{>>"), slug
        assert len(html_body.select("span.claim")) == body.count("{.claim rating="), slug
        assert len(html_body.select("span.correction del.as-published")) == body.count("{~~"), slug
        assert len(html_body.select("ins.editorial-insert")) == body.count("{++"), slug
        assert len(html_body.select("del.editorial-delete")) == body.count("{--"), slug
        assert html_body.select("mark.editorial-highlight") and html_body.select("pre code")
        speakers = {s["data-speaker"] for s in html_body.select("span.quote[data-speaker]")}
        assert speakers == set(re.findall(r"\{\.quote by=([a-z0-9-]+)\}", body)), slug
        linked = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in html_body.select("a.mention-person")}
        assert set(re.findall(r"\{person=([a-z0-9-]+)\}", body)) <= linked, slug
        topics = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in html_body.select("a.mention-topic")}
        assert topics == set(re.findall(r"\{topic=([a-z0-9-]+)\}", body)), slug


def test_every_registry_person_and_topic_gets_a_page(site: Path, built: Path):
    for kind, folder in (("people", "people"), ("topics", "topics")):
        entries = sorted((site / "content" / folder).glob("*.yaml"))
        assert entries
        for entry in entries:
            name = yaml.safe_load(entry.read_text(encoding="utf-8"))["name"]
            heading = soup(built / kind / entry.stem / "index.html").select_one("h1")
            assert heading.get_text(" ", strip=True).startswith(name), entry.name


def test_people_and_topics_of_an_article_link_to_their_pages(site: Path, built: Path):
    slug, (front, _) = next((s, a) for s, a in articles(site).items() if not a[0].get("draft"))
    page = soup(built / "articles" / slug / "index.html")
    chips = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in page.select(".chips a.chip")}
    ids = {p["id"] for p in front["people"] if isinstance(p, dict) and "id" in p}
    topic_slugs = {t for t in front["topics"] if re.fullmatch(r"[a-z0-9-]+", t)}
    assert ids <= chips and topic_slugs <= chips


def test_parse_time_v_reads_gnu_time_reports(bench_modules):
    _, _, harness = bench_modules
    report = (
        '\tCommand being timed: "sitegen build"\n\tUser time (seconds): 79.95\n\tSystem time (seconds): 6.12\n'
        "\tElapsed (wall clock) time (h:mm:ss or m:ss): 1:36.81\n\tMaximum resident set size (kbytes): 482064\n"
        "\tExit status: 0\n"
    )
    figures = harness.parse_time_v(report)
    assert figures["elapsed"] == pytest.approx(96.81)
    assert figures["user"] + figures["sys"] == pytest.approx(86.07)
    assert figures["max_rss_kib"] == 482064
    with pytest.raises(ValueError):
        harness.parse_time_v("Command exited with non-zero status 1\n")


def test_the_machine_busy_counter_counts_this_process_work(bench_modules):
    _, _, harness = bench_modules
    before = harness.machine_busy()
    deadline = time.process_time() + 0.3
    while time.process_time() < deadline:
        pass
    assert harness.machine_busy() - before >= 0.2  # (clock ticks: 1/100 s)


def test_written_files_are_those_with_a_new_inode_or_mtime(bench_modules, tmp_path: Path):
    import os

    _, _, harness = bench_modules
    old, new = tmp_path / "old", tmp_path / "new"
    (old / "a").mkdir(parents=True)
    (old / "a" / "same.html").write_text("same")
    (old / "a" / "changed.html").write_text("old")
    before = harness.snapshot(old)
    new.mkdir()
    (new / "a").mkdir()
    os.link(old / "a" / "same.html", new / "a" / "same.html")  # what the writer does for unchanged files
    (new / "a" / "changed.html").write_text("new!")
    (new / "added.html").write_text("12345")
    os.rename(old, tmp_path / "aside")
    os.rename(new, old)
    assert harness.written_between(before, harness.snapshot(old)) == (2, 9)


def test_the_output_marker_dated_again_is_not_a_file_written(bench_modules, tmp_path: Path):
    import os

    from sitegen.write import MARKER

    _, _, harness = bench_modules
    assert harness.OUTPUT_MARKER == MARKER
    (tmp_path / MARKER).write_text("")
    before = harness.snapshot(tmp_path)
    os.utime(tmp_path / MARKER, ns=(1, 1))  # what every build does (write.stamp_output)
    assert harness.written_between(before, harness.snapshot(tmp_path)) == (0, 0)
    (tmp_path / "new").write_text("x")
    os.rename(tmp_path / "new", tmp_path / MARKER)  # a new file there is one
    assert harness.written_between(before, harness.snapshot(tmp_path)) == (1, 1)


def test_the_runner_measures_every_scenario_and_leaves_the_site_as_generated(bench_modules, tmp_path: Path):
    gen, run, _ = bench_modules
    results = tmp_path / "RESULTS.md"
    results.write_text("# Results\n\nHand-written commentary stays.\n")
    assert run.main(["--sizes", "6", "--runs", "1", "--work", str(tmp_path / "work"), "--write",
                     "--results", str(results)]) == 0
    text = results.read_text()
    assert "Hand-written commentary stays." in text and text.count(run.BEGIN) == 1
    # The machine as the block describes it, with how fast its cores ran side by side.
    assert re.search(r"^- \d+ Python processes at once each ran \d+ % as fast as one alone", text, re.MULTILINE)
    rows = {}
    for line in text.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 12 and cells[0] == "6":
            rows[cells[1]] = cells
    assert set(run.SCENARIOS) <= set(rows)
    # Others' CPU while each build ran, and the time the disk took to take what it left.
    assert all(float(row[6]) >= 0 and float(row[7]) >= 0 for row in rows.values())
    n_published = sum(1 for _, (front, _) in articles(tmp_path / "work" / "sites" / "n6-seed1").items()
                      if not front.get("draft"))
    # The template change touches every article page; a no-op rebuild rewrites next to nothing.
    assert int(rows["template"][9].replace(",", "")) >= n_published
    assert int(rows["no-op"][9].replace(",", "")) < int(rows["cold"][9].replace(",", ""))
    fresh = tmp_path / "fresh"
    gen.generate_site(6, fresh, gen.DEFAULT_SEED)
    site = tree(tmp_path / "work" / "sites" / "n6-seed1")
    assert {k: v for k, v in site.items() if not k.startswith(".")} == tree(fresh)
    assert not list((tmp_path / "work" / "trash").iterdir())


def test_the_runner_can_build_with_the_search_index(bench_modules, tmp_path: Path):
    _, run, _ = bench_modules
    results = tmp_path / "RESULTS.md"
    assert run.main(["--sizes", "6", "--runs", "1", "--scenarios", "cold,no-op", "--search", "--keep-output",
                     "--work", str(tmp_path / "work"), "--write", "--results", str(results)]) == 0
    measured = next(line for line in results.read_text().splitlines() if line.startswith("Measured "))
    assert " --search" in measured  # the command line the figures were measured with
    outputs = list((tmp_path / "work").glob("**/pagefind/pagefind.js"))
    assert len(outputs) == 1


def test_the_runner_times_the_bare_loop_in_turn_and_compares_round_by_round(bench_modules, tmp_path: Path):
    """`--compare bare`, end to end: the bare loop's cold builds timed in turn with sitegen's,
    in the comparison table with the ratio of the medians and the rounds' ratios."""
    _, run, _ = bench_modules
    results = tmp_path / "RESULTS.md"
    assert run.main(["--sizes", "6", "--runs", "2", "--scenarios", "cold", "--compare", "bare",
                     "--work", str(tmp_path / "work"), "--write", "--results", str(results)]) == 0
    text = results.read_text()
    assert "--compare bare --scenarios cold" in text and "- Bare loop (bare_loop.py) on Python 3." in text
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in text.splitlines()
            if line.startswith("| 6 | Bare |")]
    assert len(rows) == 1 and len(rows[0]) == 11
    row = rows[0]
    site = tmp_path / "work" / "sites" / "n6-seed1"
    published = sum(1 for front, _ in articles(site).values() if not front.get("draft"))
    assert int(row[6]) == int(row[7]) > published  # every page is HTML: articles, people, topics, the archive
    median, low, high = map(float, re.fullmatch(r"(\d+\.\d\d) \((\d+\.\d\d)–(\d+\.\d\d)\)", row[10]).groups())
    assert 0 < low <= median <= high and float(row[9]) > 0


def test_round_ratios_pair_the_runs_taken_in_turn(bench_modules):
    _, run, harness = bench_modules

    def runs(*walls):
        return tuple(harness.Measurement(wall=w, cpu=w, max_rss_kib=1, files_written=0, bytes_written=0, files_total=0,
                                         bytes_total=0, pages=0, load=0.0) for w in walls)

    # Round 1 was a slow stretch for both, round 2 a fast one: each round is even.
    assert run.round_ratios(runs(40.0, 20.0), runs(40.0, 20.0)) == [1.0, 1.0]
    assert run.round_ratios(runs(30.0, 10.0), runs(20.0, 20.0)) == [1.5, 0.5]


def test_the_speed_of_processes_side_by_side_is_each_ones_against_one_alone(bench_modules, monkeypatch):
    _, _, harness = bench_modules
    running = multiprocessing.get_context("fork").Value("i", 0)

    def loop_sharing_one_core(loops: int) -> float:
        # Takes a second for each process running it at this moment: what a loop would take
        # where all of them share one core. (Forked processes run it: it is inherited.)
        with running.get_lock():
            running.value += 1
        time.sleep(0.3)  # (the others, started at the same time, have counted themselves by now)
        seconds = float(running.value)
        time.sleep(0.6)  # (and have read the count before this one takes itself off it)
        with running.get_lock():
            running.value -= 1
        return seconds

    monkeypatch.setattr(harness, "_loop_seconds", loop_sharing_one_core)
    assert harness.concurrent_speed(2, rounds=1) == 0.5
    assert harness.concurrent_speed(1) == 1.0
    # And the real loop, briefly: some speed, whatever this machine's.
    monkeypatch.undo()
    assert 0 < harness.concurrent_speed(2, loops=50_000, rounds=1) < 10


def test_the_price_of_new_memory_is_what_touching_it_takes_beyond_the_loop(bench_modules, monkeypatch):
    _, run, harness = bench_modules
    # A loop that takes 3 µs a page the first time over a mapping and 1 µs the second time:
    # 2 µs a page is the memory's price.
    passes = []

    def touch(mapping, pages):
        passes.append(pages)
        return pages * (3e-6 if len(passes) % 2 else 1e-6)

    monkeypatch.setattr(harness, "_touch_every_page", touch)
    assert harness.fresh_memory_cost(8, rounds=3) == pytest.approx(2.0)
    assert passes == [2048] * 6  # 8 MiB of 4 KiB pages, twice a round
    monkeypatch.undo()
    assert 0 <= harness.fresh_memory_cost(8, rounds=1) < 1000  # the real one, briefly

    # Measured only for a run at 100,000 articles and more, and said in the machine's description.
    monkeypatch.setattr(run, "fresh_memory_cost", lambda mib: {1024: 2.25, 8192: 7.0}[mib])
    monkeypatch.setattr(run, "_meminfo_kib", lambda field: 20 << 20)
    assert run.memory_costs(10_000) == {}
    assert run.memory_costs(100_000) == {1024: 2.25, 8192: 7.0}
    sitegen = harness.Sitegen(argv=("true",), env=None, theme_dir=Path("."), described="this checkout")
    (line,) = [line for line in run.machine_description(sitegen, 1.0, {1024: 2.25, 8192: 7.0})
               if line.startswith("- Memory a process touches")]
    assert "2.2 µs a page when it asks for 1 GiB, 7.0 µs a page when it asks for 8 GiB" in line
    assert not [line for line in run.machine_description(sitegen, 1.0) if "touches" in line]


def test_reading_an_archive_through_reads_every_file_once_and_no_link(bench_modules, tmp_path: Path):
    _, run, _ = bench_modules
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.md").write_bytes(b"x" * 10)
    (tmp_path / "a" / "b" / "two.txt").write_bytes(b"y" * (3 << 20))
    (tmp_path / "a" / "link").symlink_to(tmp_path / "a" / "b" / "two.txt")
    assert run.read_through(tmp_path / "a") == 10 + (3 << 20)


def test_the_hugo_version_of_an_archive_has_its_articles_people_and_topics(site: Path, tmp_path: Path, bench_modules):
    """What Hugo is timed on (run.py --compare hugo): every published article with the same
    title, date, people, topics and body, and a titled page per registry person and topic."""
    import other_generators
    target = tmp_path / "hugo"
    published = {slug: (front, body) for slug, (front, body) in articles(site).items() if not front.get("draft")}
    assert other_generators.hugo_site(site, target) == len(published)
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in (target / "content" / "articles").glob("*/index.md")}
    assert set(pages) == set(published)
    for slug, (front, body) in published.items():
        _, hugo_front, hugo_body = pages[slug].split("---\n", 2)
        hugo_front = yaml.safe_load(hugo_front)
        assert hugo_front["title"] == front["title"] and hugo_body == body
        assert hugo_front["people"] == people_of(front)
        assert hugo_front["topics"] == front.get("topics", [])
        assert hugo_front.get("date") == whole_date(front)
    for registry in ("people", "topics"):
        for entry in (site / "content" / registry).glob("*.yaml"):
            term = (target / "content" / registry / entry.stem / "_index.md").read_text(encoding="utf-8")
            assert yaml.safe_load(term.split("---\n")[1])["title"] == yaml.safe_load(entry.read_text())["name"]
    assert tomllib.loads((target / "hugo.toml").read_text())["rssLimit"] == 50  # as sitegen's feeds
    assert (target / "layouts" / "_default" / "single.html").is_file()


def test_the_pelican_version_of_an_archive_has_its_articles_people_and_topics(site: Path, tmp_path: Path, bench_modules):
    """What Pelican is timed on (run.py --compare pelican): every published article with
    Pelican's metadata lines, its people as authors and its topics as tags, by name."""
    import other_generators
    target = tmp_path / "pelican"
    published = {slug: (front, body) for slug, (front, body) in articles(site).items() if not front.get("draft")}
    assert other_generators.pelican_site(site, target) == len(published)
    names = {registry: {e.stem: yaml.safe_load(e.read_text())["name"] for e in (site / "content" / registry).glob("*.yaml")}
             for registry in ("people", "topics")}
    for slug, (front, body) in published.items():
        head, text = (target / "content" / f"{slug}.md").read_text(encoding="utf-8").split("\n\n", 1)
        meta = dict(line.split(": ", 1) for line in head.splitlines())
        assert text == body and meta["Slug"] == slug and meta["Title"] == " ".join(front["title"].split())
        assert meta.get("Date") == whole_date(front)
        assert meta.get("Authors", "").split(", ") == [names["people"].get(p, p) for p in people_of(front)] or not front.get("people")
        assert meta.get("Tags", "").split(", ") == [names["topics"].get(t, t) for t in front.get("topics", [])] or not front.get("topics")
    config = runpy.run_path(str(target / "pelicanconf.py"))
    assert (config["DEFAULT_PAGINATION"], config["FEED_MAX_ITEMS"]) == (50, 50)  # as sitegen's


def test_the_bare_loop_publishes_every_article_with_its_people_topics_and_comments(site: Path, tmp_path: Path,
                                                                                   bench_modules):
    """What run.py --compare bare times: sitegen's archive as it is (its content folder linked),
    published by bare_loop.py: every article with its title, people, topics, highlighted code and
    whole comment thread as text, and a page per person and topic listing its articles."""
    import other_generators
    target, out = tmp_path / "bare", tmp_path / "bare-out"
    bundles = articles(site)
    assert other_generators.bare_site(site, target) == len(bundles)
    assert (target / "content").resolve() == (site / "content").resolve()
    subprocess.run([sys.executable, str(BENCHMARKS / "bare_loop.py"), str(target), str(out)], check=True,
                   capture_output=True)
    published = {slug: front for slug, (front, _) in bundles.items() if not front.get("draft")}
    assert {p.name for p in (out / "articles").iterdir()} == set(published)
    listed = collections.defaultdict(set)
    for slug, front in published.items():
        page = soup(out / "articles" / slug / "index.html")
        assert page.h1.get_text() == front["title"]
        names, topics = page.find_all("p")[:2]
        assert [a.get_text() for a in names.find_all("a")] == people_of(front)
        assert [a.get_text() for a in topics.find_all("a")] == front.get("topics", [])
        assert page.select("pre.highlight")  # every generated body has a code block, highlighted by Pygments
        comments_file = site / "content" / "articles" / slug / "comments.yaml"
        thread = yaml.safe_load(comments_file.read_text()) if comments_file.exists() else {}
        assert [p.get_text() for p in page.select("li > p:nth-of-type(2)")] == list(comment_texts(thread.get("comments", [])))
        for person in people_of(front):
            listed["people/" + person].add(slug)
        for topic in front.get("topics", []):
            listed["topics/" + topic].add(slug)
    for listing, slugs in listed.items():
        links = {a["href"] for a in soup(out / listing / "index.html").find_all("a")}
        assert links == {f"/articles/{slug}/" for slug in slugs}
    assert {a["href"] for a in soup(out / "index.html").find_all("a")} == {f"/articles/{s}/" for s in published}


def comment_texts(comments: list):
    for comment in comments:
        yield comment["text"]
        yield from comment_texts(comment.get("replies") or [])


def people_of(front: dict) -> list[str]:
    return [p if isinstance(p, str) else p.get("id") or p["name"] for p in front.get("people", [])]


def whole_date(front: dict) -> str | None:
    date = str(front.get("date") or "")
    return date if len(date) == 10 else None


def test_a_run_waits_after_the_last_one_deleted_many_files(bench_modules, tmp_path: Path):
    """Files made within minutes of a mass deletion are slower to make (ext4): a run that
    follows one that emptied a large trash waits, one after a small deletion does not."""
    import time

    _, run, _ = bench_modules
    ws = run.Workspace(tmp_path / "work")
    assert ws.seconds_to_settle() == 0
    few = ws.trash / "0000-out"
    few.mkdir()
    (few / "index.html").write_text("x")
    ws.empty_trash()
    assert ws.seconds_to_settle() == 0 and not list(ws.trash.iterdir())
    many = ws.trash / "0000-out"
    many.mkdir()
    for n in range(run.MANY_DELETED):
        (many / f"{n}.html").touch()
    ws.empty_trash()
    assert not list(ws.trash.iterdir())
    assert run.SETTLE_SECONDS - 60 < ws.seconds_to_settle() <= run.SETTLE_SECONDS
    assert ws.seconds_to_settle(now=time.time() + run.SETTLE_SECONDS + 1) == 0
