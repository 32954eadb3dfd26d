"""Measure ``sitegen build`` on synthetic archives: cold, no-op and incremental rebuilds.

    python3 benchmarks/run.py --sizes 1000,10000 --runs 3 --write

For each size: generate the archive (cached under the work folder), warm up once (a size
timed once is only read through, so that its files too are in the system's file cache), then
time each scenario ``--runs`` times with ``/usr/bin/time -v`` and report medians:

  cold       no output folder and no cache (old ones are renamed aside before timing)
  no-op      the same build again, nothing changed
  edit       one article's body changed
  add        one new article
  template   the site overrides the theme's article.html (a trivial change)

Figures: wall time; CPU time (user + system, all processes); the peak resident memory of the
largest process; the files and bytes the build wrote (files whose inode or modification time
changed, found by comparing the output tree before and after); and the output's totals.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import generate
import other_generators
from harness import (TIME, BuildFailed, BuildOptions, Measurement, Sitegen, build_command, concurrent_speed,
                     fresh_memory_cost,
                     detect_options, installed_sitegen, snapshot, snapshot_sitegen, timed_build)

HERE = Path(__file__).resolve().parent
CACHE_NAMES = (".sitegen-cache",)  # where an incremental build may keep its cache (site, output's parent, cwd)
SCENARIOS = ("cold", "no-op", "edit", "add", "template")
BEGIN, END = "<!-- benchmark results: begin (written by benchmarks/run.py) -->", "<!-- benchmark results: end -->"


@dataclass(frozen=True, slots=True)
class Result:
    size: int
    scenario: str
    runs: tuple[Measurement, ...]

    def median(self, name: str) -> float:
        return statistics.median(getattr(m, name) for m in self.runs)


@dataclass(frozen=True, slots=True)
class SiteInfo:
    size: int
    people: int  # registry entries, reporters included
    topics: int
    source_bytes: int
    generate_seconds: float | None  # None when the cached site was reused


# ---------------------------------------------------------------- the work folder

# See Workspace.seconds_to_settle: a run waits this long after the last one deleted this many.
SETTLE_SECONDS = 330
MANY_DELETED = 10_000
EMPTIED_STAMP = "trash-emptied"


class Workspace:
    """benchmarks/.work: cached sites, outputs, and a trash folder emptied after the last timed run.

    Deleting tens of thousands of files slows the creation of files for minutes afterwards
    (ext4 skips recently freed inodes), so old outputs and caches are renamed into ``trash``
    before a timed build and only deleted once every measurement is done.
    """

    def __init__(self, root: Path):
        self.root = root
        self.trash = root / "trash"
        self.run_dir = root / "run"  # the builds' working folder (a cache relative to cwd lands here)
        for folder in (self.root, self.trash, self.run_dir, root / "sites", root / "out"):
            folder.mkdir(parents=True, exist_ok=True)

    def site(self, size: int, seed: int) -> Path:
        return self.root / "sites" / f"n{size}-seed{seed}"

    def output(self, size: int) -> Path:
        return self.root / "out" / f"n{size}"

    def discard(self, path: Path) -> None:
        """Rename ``path`` into the trash (same file system: instant, frees no inode)."""
        if path.exists() or path.is_symlink():
            os.rename(path, self.trash / f"{len(os.listdir(self.trash)):04d}-{path.name}")

    def empty_trash(self) -> None:
        """Delete what was set aside; if that was many files, note when (see seconds_to_settle)."""
        deleted = sum(len(folders) + len(files) for _, folders, files in os.walk(self.trash))
        shutil.rmtree(self.trash, ignore_errors=True)
        self.trash.mkdir(exist_ok=True)
        if deleted >= MANY_DELETED:
            (self.root / EMPTIED_STAMP).write_text(f"{deleted} files and folders deleted\n")

    def seconds_to_settle(self, now: float | None = None) -> float:
        """How long until the last run's deletion of many files stops slowing this one down.

        ext4 without a journal does not give out a freed inode again for up to five minutes
        (fs/ext4/ialloc.c, recently_deleted), and every file made meanwhile costs the kernel a
        search past the freed ones: a 100,000-article cold build started a minute after a
        10,000-article run had deleted its outputs took 213 s and 402 s of CPU, against 182 s
        and 346 s after the wait. (Deletions of anyone else's are not known here.)"""
        try:
            emptied = (self.root / EMPTIED_STAMP).stat().st_mtime
        except FileNotFoundError:
            return 0.0
        return max(0.0, emptied + SETTLE_SECONDS - (time.time() if now is None else now))


# Read when this module is imported, together with ``generate``: the code that really runs.
_GENERATOR_SOURCE = b"".join((HERE / name).read_bytes() for name in ("generate.py", "body.py", "corpus.py"))


def generator_fingerprint(size: int, seed: int) -> str:
    return hashlib.sha256(f"{size}:{seed}\n".encode() + _GENERATOR_SOURCE).hexdigest()


STAMP = ".benchmark-stamp"  # dot files: the build ignores them
DIRTY = ".benchmark-changed"  # present while the scenarios have edited the site


def ensure_site(ws: Workspace, size: int, seed: int) -> SiteInfo:
    """The generated site for ``size``, regenerated only when the generator or its inputs changed."""
    site = ws.site(size, seed)
    fingerprint = generator_fingerprint(size, seed)
    seconds = None
    stale = not (site / STAMP).is_file() or (site / STAMP).read_text() != fingerprint
    if stale or (site / DIRTY).exists():  # a run killed half-way may have left its edits
        ws.discard(site)
        staging = site.with_name(site.name + ".tmp")
        ws.discard(staging)
        start = time.perf_counter()
        generate.generate_site(size, staging, seed)
        seconds = time.perf_counter() - start
        (staging / STAMP).write_text(fingerprint)
        os.rename(staging, site)
    people, reporters, topics = generate.sizes_for(size)
    source_bytes = sum(s[2] for s in snapshot(site / "content").values())
    return SiteInfo(size, people + reporters, topics, source_bytes, seconds)


# ---------------------------------------------------------------- the scenarios

class Changes:
    """The edits the incremental scenarios make to a site, and undoing them afterwards."""

    def __init__(self, site: Path, size: int, seed: int, default_theme: Path):
        self.site, self.size, self.seed, self.default_theme = site, size, seed, default_theme
        slugs = sorted(os.listdir(site / "content" / "articles"))
        self.edited = site / "content" / "articles" / slugs[len(slugs) // 2] / "index.md"
        self.edited_original = self.edited.read_bytes()
        self.added: list[Path] = []
        self.theme_created = not (site / "themes").exists()
        self.template = site / "themes" / "default" / "templates" / "article.html"
        (site / DIRTY).write_text("the benchmark is editing this site; it is regenerated unless the edits are undone\n")

    def edit_body(self, run: int) -> None:
        text = self.edited_original.decode("utf-8").rstrip("\n")
        self.edited.write_bytes(f"{text} An editor added sentence {run + 1} to this paragraph.\n".encode("utf-8"))

    def add_article(self, run: int) -> None:
        slug = generate.add_article(self.site, self.size, self.size + run, self.seed)
        self.added.append(self.site / "content" / "articles" / slug)

    def change_template(self, run: int) -> None:
        self.template.parent.mkdir(parents=True, exist_ok=True)
        base = (self.default_theme / "templates" / "article.html").read_text(encoding="utf-8")
        # Inside the last block (text outside blocks of a child template is never rendered), so
        # every article page really changes, as it would after an edit to the theme.
        at = base.rfind("{% endblock")
        at = at if at >= 0 else len(base)
        self.template.write_text(f"{base[:at]}<!-- benchmark: template change {run + 1} -->\n{base[at:]}",
                                 encoding="utf-8")

    def undo(self) -> None:
        self.edited.write_bytes(self.edited_original)
        for folder in self.added:
            shutil.rmtree(folder, ignore_errors=True)
        if self.theme_created:
            shutil.rmtree(self.site / "themes", ignore_errors=True)
        elif self.template.exists():
            self.template.unlink()
        (self.site / DIRTY).unlink()


def measure_size(ws: Workspace, sitegen: Sitegen, size: int, seed: int, runs: int, jobs: int | None,
                 options: BuildOptions, log, scenarios: tuple[str, ...] = SCENARIOS,
                 others: tuple[str, ...] = (), search: bool = False) -> tuple[SiteInfo, list[Result]]:
    """sitegen's builds of the archive of ``size`` articles, each scenario ``runs`` times; and
    the cold builds of the ``others`` (see OtherColdBuilds), each run right after sitegen's run
    of the same number: this machine's speed drifts over minutes, and runs taken in turn share
    its stretches, where runs taken one generator after another did not."""
    info = ensure_site(ws, size, seed)
    log(f"n={size}: site ready ({'generated in %.1f s' % info.generate_seconds if info.generate_seconds else 'cached'})")
    site, out = ws.site(size, seed), ws.output(size)
    changes = Changes(site, size, seed, sitegen.theme_dir)

    def timed(clean: bool) -> Measurement:
        cmd = build_command(sitegen, site, out, options, jobs, clean, search)
        return timed_build(cmd, ws.run_dir, out, sitegen.env)

    def cold() -> Measurement:
        _discard_build_state(ws, site, out)
        return timed(clean=True)

    def incremental(change=None):
        def run(i: int) -> Measurement:
            if change:
                change(i)
            return timed(clean=False)
        return run

    steps = {"cold": lambda i: cold(), "no-op": incremental(), "edit": incremental(changes.edit_body),
             "add": incremental(changes.add_article), "template": incremental(changes.change_template)}
    results = []
    alongside = [OtherColdBuilds(ws, name, size, seed, log) for name in others]
    try:
        if runs > 1:  # a warm-up of the largest sizes would cost as much as their one measured run
            log(f"n={size}: warm-up build")
            cold()
            for other in alongside:
                other.warm_up()
        else:
            # Instead, the archive is read once, so that this size's cold build too starts with
            # its files in the system's file cache (a warm-up build leaves them there): else
            # it alone would wait for the disk, and the time ratio between sizes would say so.
            log(f"n={size}: reading the archive once (file cache)")
            read_through(site / "content")
        for scenario in scenarios:
            measured = []
            for i in range(runs):
                m = steps[scenario](i)
                log(f"n={size} {scenario:<8} run {i + 1}: {m.wall:7.2f} s wall, {m.cpu:7.2f} s CPU "
                    f"({m.others_cpu:.2f} s of others'), {m.max_rss_kib / 1024:6.0f} MiB, {m.files_written} files "
                    f"written, flushed in {m.flush:.2f} s, load {m.load:.1f}")
                measured.append(m)
                if scenario == "cold":  # (the incremental scenarios start from the last cold build)
                    for other in alongside:
                        other.run(i)
            results.append(Result(size, scenario, tuple(measured)))
        results += [other.result() for other in alongside]
    finally:
        changes.undo()
        for other in alongside:
            other.close()
    return info, results


def read_through(folder: Path) -> int:
    """Read every file below ``folder`` (not following links); the bytes read."""
    total = 0
    for parent, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(parent, name)
            if not os.path.islink(path):
                with open(path, "rb") as handle:
                    while chunk := handle.read(1 << 20):
                        total += len(chunk)
    return total


def _discard_build_state(ws: Workspace, site: Path, out: Path) -> None:
    ws.discard(out)
    for folder in (site, out.parent, ws.run_dir):
        for name in CACHE_NAMES:
            ws.discard(folder / name)


# ---------------------------------------------------------------- other generators, side by side

@dataclass(frozen=True, slots=True)
class Other:
    """Another generator: its command, how to get it, and how it builds a site."""

    command: str
    hint: str  # how to install it
    build_args: tuple[str, ...]  # with {site}, {out} and {cache} to fill in
    version_args: tuple[str, ...]
    version_label: str  # put before what the version command prints ("" when it names itself)

    def argv(self, found: str, site: Path, out: Path, cache: Path) -> list[str]:
        return [found, *(arg.format(site=site, out=out, cache=cache) for arg in self.build_args)]

    def version(self) -> str:
        proc = subprocess.run([shutil.which(self.command), *self.version_args], capture_output=True, text=True)
        return f"{self.version_label}{proc.stdout.strip() or '(version unknown)'}"


OTHERS = {
    "hugo": Other("hugo", "Debian/Ubuntu: apt-get install hugo",
                  ("--quiet", "--source", "{site}", "--destination", "{out}", "--cacheDir", "{cache}"), ("version",), ""),
    "pelican": Other("pelican", "python3 -m venv DIR && DIR/bin/pip install pelican markdown, then DIR/bin on PATH",
                     ("{site}/content", "--settings", "{site}/pelicanconf.py", "--output", "{out}", "--quiet"),
                     ("--version",), "Pelican "),
    # The four libraries alone (bare_loop.py), run by the Python that runs this script: the
    # floor under any generator built on them.
    "bare": Other(sys.executable, "the Python running run.py, with sitegen's dependencies",
                  (str(HERE / "bare_loop.py"), "{site}", "{out}"), ("--version",), "Bare loop (bare_loop.py) on "),
}


def other_scenario(name: str) -> str:
    return f"{name.capitalize()} cold"


class OtherColdBuilds:
    """Another generator's cold builds of the same archive (see other_generators.py), timed in
    turn with sitegen's (see measure_size)."""

    def __init__(self, ws: Workspace, name: str, size: int, seed: int, log):
        self.ws, self.name, self.size, self.log = ws, name, size, log
        self.site = ensure_other_site(ws, name, size, seed)
        self.out, self.cache = ws.root / "out" / f"{name}-n{size}", ws.root / "out" / f"{name}-cache-n{size}"
        self.argv = OTHERS[name].argv(shutil.which(OTHERS[name].command), self.site, self.out, self.cache)
        self.measured: list[Measurement] = []

    def _cold(self) -> Measurement:
        for path in (self.out, self.cache, self.site / "resources", self.site / "cache"):
            self.ws.discard(path)
        return timed_build(self.argv, self.site, self.out)

    def warm_up(self) -> None:
        self.log(f"n={self.size}: {self.name} warm-up build")
        self._cold()

    def run(self, i: int) -> None:
        m = self._cold()
        self.log(f"n={self.size} {self.name} cold run {i + 1}: {m.wall:7.2f} s wall, {m.cpu:7.2f} s CPU, "
                 f"{m.max_rss_kib / 1024:6.0f} MiB")
        self.measured.append(m)

    def result(self) -> Result:
        return Result(self.size, other_scenario(self.name), tuple(self.measured))

    def close(self) -> None:
        for path in (self.out, self.cache):
            self.ws.discard(path)


def ensure_other_site(ws: Workspace, name: str, size: int, seed: int) -> Path:
    """The archive as the other generator's site, made again when the archive or the converter changed."""
    site = ws.root / "sites" / f"{name}-n{size}-seed{seed}"
    fingerprint = generator_fingerprint(size, seed) + hashlib.sha256((HERE / "other_generators.py").read_bytes()).hexdigest()
    if not (site / STAMP).is_file() or (site / STAMP).read_text() != fingerprint:
        ws.discard(site)
        staging = site.with_name(site.name + ".tmp")
        ws.discard(staging)
        other_generators.MAKERS[name](ws.site(size, seed), staging)
        (staging / STAMP).write_text(fingerprint)
        os.rename(staging, site)
    return site


# ---------------------------------------------------------------- reporting

def available_cores() -> int:
    """The cores this process may run on (nproc's figure)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def machine_description(sitegen: Sitegen, speed: float | None = None,
                        memory: dict[int, float] | None = None) -> list[str]:
    """The machine, as the block of RESULTS.md describes it; ``speed``: see concurrent_speed;
    ``memory``: microseconds a new page, by MiB asked for (see fresh_memory_cost)."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    total_kib = _meminfo_kib("MemTotal")
    total = f"{total_kib / 1024 / 1024:.1f} GiB" if total_kib else "unknown"
    cores = available_cores()
    version = sitegen.run("--version").strip()
    together = [] if speed is None else [
        f"- {cores} Python processes at once each ran {speed * 100:.0f} % as fast as one alone (measured before the "
        "builds; under 100 %, the cores share their hardware: see harness.concurrent_speed)"]
    if memory:
        together.append(
            "- Memory a process touches for the first time: "
            + ", ".join(f"{cost:.1f} µs a page when it asks for {_mib(mib)}" for mib, cost in sorted(memory.items()))
            + " (measured before the builds; a 100,000-article build makes some 8 GiB of new memory, page cache "
            "included, a 10,000-article one under 1 GiB: see harness.fresh_memory_cost)")
    return [
        f"- CPU: {cpu}, {cores} cores available (nproc)",
        *together,
        f"- Memory: {total}",
        f"- OS: {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; {version or 'sitegen (version unknown)'}: {sitegen.described}",
    ]


def results_table(infos: list[SiteInfo], results: list[Result]) -> list[str]:
    lines = [
        "| articles | scenario | wall s (median) | wall range s | % of cold | CPU s | others' CPU s | flush s "
        "| peak RSS MiB | files written | MB written | load |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    cold = {r.size: r for r in results if r.scenario == "cold"}  # sitegen's, by size
    for r in results:
        if r.scenario not in SCENARIOS:
            continue
        walls = [m.wall for m in r.runs]
        cold_wall = cold[r.size].median("wall") if r.size in cold else 0
        share = f"{100 * r.median('wall') / cold_wall:.0f} %" if cold_wall else "–"
        lines.append(
            f"| {r.size:,} | {r.scenario} | {r.median('wall'):.2f} | {min(walls):.2f}–{max(walls):.2f} | {share} "
            f"| {r.median('cpu'):.2f} | {r.median('others_cpu'):.2f} | {r.median('flush'):.2f} "
            f"| {r.median('max_rss_kib') / 1024:.0f} | {r.median('files_written'):,.0f} "
            f"| {r.median('bytes_written') / 1e6:.1f} | {r.median('load'):.1f} |"
        )
    lines += ["", "| articles | people | topics | source MB | output files | HTML pages | output MB |",
              "|---:|---:|---:|---:|---:|---:|---:|"]
    for info in infos:
        last = cold[info.size].runs[-1]
        lines.append(f"| {info.size:,} | {info.people:,} | {info.topics:,} | {info.source_bytes / 1e6:.0f} "
                     f"| {last.files_total:,} | {last.pages:,} | {last.bytes_total / 1e6:.0f} |")
    others = [r for r in results if r.scenario not in SCENARIOS]
    if others:
        lines += ["", "Other generators on the same archive, their cold builds timed in turn with sitegen's "
                  "(benchmarks/other_generators.py: article pages, one page per person and per topic, listings of 50, "
                  "feeds of at most 50 entries, each generator's defaults for the rest"
                  + ("; Bare: benchmarks/bare_loop.py, the four libraries alone in one process, without pagination"
                     if any(r.scenario == other_scenario("bare") for r in others) else "") + "):", "",
                  "| articles | generator | cold wall s (median) | wall range s | CPU s | peak RSS MiB | output files "
                  "| HTML pages | output MB | its cold ÷ sitegen's cold | round by round: median (range) |",
                  "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for r in others:
            walls, last = [m.wall for m in r.runs], r.runs[-1]
            rounds = round_ratios(r.runs, cold[r.size].runs)
            lines.append(f"| {r.size:,} | {r.scenario.split()[0]} | {r.median('wall'):.2f} | {min(walls):.2f}–{max(walls):.2f} "
                         f"| {r.median('cpu'):.2f} | {r.median('max_rss_kib') / 1024:.0f} | {last.files_total:,} | {last.pages:,} "
                         f"| {last.bytes_total / 1e6:.0f} | {r.median('wall') / cold[r.size].median('wall'):.2f} "
                         f"| {statistics.median(rounds):.2f} ({min(rounds):.2f}–{max(rounds):.2f}) |")
    return lines


def round_ratios(theirs: tuple[Measurement, ...], sitegen: tuple[Measurement, ...]) -> list[float]:
    """Their wall time ÷ sitegen's, round by round: run i of each was taken right after the
    other's (see measure_size), on the same stretch of the machine's speed, which a ratio of
    the medians of runs taken minutes apart does not share."""
    return [their.wall / ours.wall for their, ours in zip(theirs, sitegen)]


def results_block(infos, results, runs: dict[int, int], jobs: int | None, seed: int, sitegen: Sitegen,
                  options: BuildOptions, search: bool = False, speed: float | None = None,
                  memory: dict[int, float] | None = None) -> str:
    flags = [f for f, present in (("--clean", options.clean), ("--jobs", options.jobs)) if present]
    today = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    compared = [name for name in OTHERS if any(r.scenario == other_scenario(name) for r in results)]
    extra_flags = f" --compare {','.join(compared)}" if compared else ""
    extra_flags += " --search" if search else ""
    timed = [name for name in SCENARIOS if any(r.scenario == name for r in results)]
    extra_flags += f" --scenarios {','.join(timed)}" if len(timed) < len(SCENARIOS) else ""
    lines = [BEGIN, "", f"Measured {today} with `python3 benchmarks/run.py --sizes "
             f"{','.join(str(i.size) for i in infos)} --runs {','.join(str(runs[i.size]) for i in infos)}{f' --jobs {jobs}' if jobs else ''}{f' --commit {sitegen.commit}' if sitegen.commit else ''} --seed {seed}{extra_flags}`"
             f" ({_runs_described(runs)}; build options available: "
             f"{', '.join(flags) if flags else 'neither --clean nor --jobs'}).", "", *machine_description(sitegen, speed, memory),
             *(f"- {OTHERS[name].version()}" for name in compared), "",
             *results_table(infos, results), "", END]
    return "\n".join(lines)


def memory_costs(largest_size: int) -> dict[int, float]:
    """What new memory costs at the scale of a 10,000-article build (1 GiB) and of a
    100,000-article one (8 GiB, or half the memory available if that is less), when the run
    builds 100,000 articles or more: only there does a machine's price for memory beyond a
    few GiB move the figures (see harness.fresh_memory_cost). Some 50 s on a machine where a
    page costs 7 µs."""
    if largest_size < 100_000:
        return {}
    sizes = [1024, min(8192, _meminfo_kib("MemAvailable") // 1024 // 2)]
    return {mib: fresh_memory_cost(mib) for mib in sorted(set(sizes)) if mib >= 256}


def _meminfo_kib(field: str) -> int:
    """A figure of /proc/meminfo in KiB (0 where there is none: not Linux)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _mib(mib: int) -> str:
    return f"{mib // 1024} GiB" if mib % 1024 == 0 else f"{mib} MiB"


def _runs_described(runs: dict[int, int]) -> str:
    parts = [f"{'median of %d runs after one warm-up build' % n if n > 1 else 'one run, after the archive was read through once'} at {size:,}"
             for size, n in runs.items()]
    return "; ".join(parts)


def update_results_file(path: Path, block: str) -> None:
    """Replace the generated block of ``path`` (or create the file), keeping any text around it."""
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if BEGIN in text and END in text:
            head, rest = text.split(BEGIN, 1)
            tail = rest.split(END, 1)[1]
            path.write_text(head + block + tail, encoding="utf-8")
            return
        path.write_text(text.rstrip("\n") + "\n\n" + block + "\n", encoding="utf-8")
        return
    path.write_text("# Benchmark results\n\nSee benchmarks/README.md for what each figure means.\n\n" + block + "\n",
                    encoding="utf-8")


# ---------------------------------------------------------------- command line

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark sitegen build on synthetic archives.")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts [default: 1000,10000]")
    parser.add_argument("--runs", default="3", help="timed runs per scenario, medians reported: one number, or one per size "
                        "(3,3,1); a size measured once gets no warm-up build, its files are only read through [default: 3]")
    parser.add_argument("--jobs", type=int, default=None, help="pass --jobs N to the build (when it supports it)")
    parser.add_argument("--search", action="store_true",
                        help="build with --search, the search index with the pages, as the Pages workflow does")
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED, help="generator seed")
    parser.add_argument("--work", type=Path, default=HERE / ".work", help="work folder [default: benchmarks/.work]")
    parser.add_argument("--write", action="store_true", help="update the results file with this run's figures")
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md",
                        help="the file --write updates [default: benchmarks/RESULTS.md]")
    parser.add_argument("--commit", default=None, metavar="REV",
                        help="measure this commit (exported with git archive) instead of the installed sitegen")
    parser.add_argument("--keep-output", action="store_true", help="keep the last output folders in the work folder")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS),
                        help=f"which of sitegen's builds to time, cold among them [default: {','.join(SCENARIOS)}]")
    parser.add_argument("--compare", default="", metavar="hugo,pelican,bare",
                        help="also time these generators' cold builds of the same archive, in turn with sitegen's "
                        "(their commands on PATH: see benchmarks/README.md)")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes: expected numbers like 1000,10000, got {args.sizes!r}")
    try:
        runs = [int(r) for r in args.runs.split(",") if r.strip()]
    except ValueError:
        parser.error(f"--runs: expected a number or one per size like 3,3,1, got {args.runs!r}")
    runs = runs * len(sizes) if len(runs) == 1 else runs
    if len(runs) != len(sizes):
        parser.error(f"--runs: {len(runs)} counts for {len(sizes)} sizes")
    if not sizes or min(sizes) < 1 or min(runs) < 1:
        parser.error("sizes and --runs must be at least 1")
    if not TIME.is_file():
        parser.error(f"{TIME} not found: install GNU time (Debian/Ubuntu: apt-get install time)")

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    previous_handler = signal.signal(signal.SIGTERM, _interrupted)  # `kill` still undoes edits, empties the trash
    try:
        return _measure(args, dict(zip(sizes, runs)), log)
    finally:
        signal.signal(signal.SIGTERM, previous_handler)


def _measure(args: argparse.Namespace, sizes: dict[int, int], log) -> int:
    """``sizes`` maps each archive size to its number of timed runs."""
    ws = Workspace(args.work.resolve())
    sitegen = snapshot_sitegen(args.commit, ws.root / "code") if args.commit else installed_sitegen()
    log(f"measuring {sitegen.described}")
    options = detect_options(sitegen)
    if args.jobs and not options.jobs:
        log("note: this sitegen build has no --jobs option; building with its default")
    scenarios = tuple(name.strip() for name in args.scenarios.split(",") if name.strip())
    if "cold" not in scenarios or not set(scenarios) <= set(SCENARIOS):
        raise SystemExit(f"run.py: --scenarios: some of {', '.join(SCENARIOS)}, cold among them")
    scenarios = tuple(name for name in SCENARIOS if name in scenarios)  # in their order: each builds on the last
    compare = [name.strip() for name in args.compare.split(",") if name.strip()]
    for name in compare:  # before half an hour of measuring, not after
        if name not in OTHERS:
            raise SystemExit(f"run.py: --compare: unknown generator {name!r} (known: {', '.join(OTHERS)})")
        if shutil.which(OTHERS[name].command) is None:
            raise SystemExit(f"run.py: --compare {name}: no `{OTHERS[name].command}` on PATH ({OTHERS[name].hint})")
    wait = ws.seconds_to_settle()
    if wait > 0:
        log(f"waiting {wait:.0f} s: the last run deleted many files {SETTLE_SECONDS - wait:.0f} s ago, and files made "
            "within five minutes of that are slower to make (see Workspace.seconds_to_settle)")
        time.sleep(wait)
    cores = available_cores()
    speed = concurrent_speed(cores)
    log(f"{cores} Python processes at once: each at {speed * 100:.0f} % of one alone's speed")
    memory = memory_costs(max(sizes))
    for mib, cost in memory.items():
        log(f"memory touched for the first time: {cost:.1f} µs a page when a process asks for {_mib(mib)}")
    infos, results = [], []
    try:
        for size, runs in sizes.items():
            info, measured = measure_size(ws, sitegen, size, args.seed, runs, args.jobs, options, log, scenarios,
                                          tuple(compare), args.search)
            infos.append(info)
            results += measured
    except BuildFailed as exc:
        log(f"build failed: {exc}")
        return 1
    finally:
        if not args.keep_output:
            for size in sizes:
                ws.discard(ws.output(size))
        ws.empty_trash()  # only now: every timed run is done
    print("\n".join(results_table(infos, results)))
    if args.write:
        block = results_block(infos, results, sizes, args.jobs, args.seed, sitegen, options, args.search, speed,
                              memory)
        update_results_file(args.results, block)
        log(f"updated {args.results.name}")
    return 0


def _interrupted(signum, frame) -> None:
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    sys.exit(main())
