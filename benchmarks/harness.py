"""The measuring harness: run one build under GNU time and see what it wrote.

Used by ``run.py``; kept apart so the scenario logic there reads top to bottom.
"""

from __future__ import annotations

import compileall
import io
import mmap
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIME = Path("/usr/bin/time")
# Where the synthetic archive would be published: given to every generator (Hugo's baseURL), so
# that each makes what a published site has, a sitemap of whole addresses among it (sitegen makes
# none for a base URL without a host).
BASE_URL = "https://archive.example.org/"


@dataclass(frozen=True, slots=True)
class Measurement:
    wall: float  # seconds
    cpu: float  # user + system seconds, the build and every process it waited for
    max_rss_kib: int  # the largest single process
    files_written: int
    bytes_written: int
    files_total: int
    bytes_total: int
    pages: int  # .html files in the output
    load: float  # the 1-minute load average just before the build: other work on the machine
    # CPU seconds the machine spent outside the build's processes while it ran: above all the
    # kernel's own threads writing the build's output to the disk (files dirty for over half a
    # minute are written while the build goes on) and taking back memory. A build of a few
    # seconds leaves that writing to after it has ended; one of minutes pays for it as it goes.
    others_cpu: float = 0.0
    flush: float = 0.0  # seconds `sync` took right after the build: the writing it left to do


# ---------------------------------------------------------------- /usr/bin/time -v

def parse_time_v(text: str) -> dict[str, float]:
    """The figures we use from GNU time's ``-v`` report."""
    values: dict[str, float] = {}
    for line in text.splitlines():
        key, _, value = line.strip().rpartition(": ")
        if key == "User time (seconds)":
            values["user"] = float(value)
        elif key == "System time (seconds)":
            values["sys"] = float(value)
        elif key == "Maximum resident set size (kbytes)":
            values["max_rss_kib"] = float(value)
        elif key.startswith("Elapsed (wall clock) time"):
            seconds = 0.0
            for part in value.split(":"):
                seconds = seconds * 60 + float(part)
            values["elapsed"] = seconds
        elif key == "Exit status":
            values["exit_status"] = float(value)
    missing = {"user", "sys", "max_rss_kib", "elapsed"} - values.keys()
    if missing:
        raise ValueError(f"not a GNU time -v report (missing {', '.join(sorted(missing))})")
    return values


# ---------------------------------------------------------------- the output tree

def snapshot(root: Path) -> dict[str, tuple[int, int, int]]:
    """path -> (inode, mtime_ns, size) of every file under ``root``."""
    found: dict[str, tuple[int, int, int]] = {}
    stack = [root]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except FileNotFoundError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
            elif entry.is_file(follow_symlinks=False):
                st = entry.stat(follow_symlinks=False)
                found[os.path.relpath(entry.path, root)] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return found


def written_between(before: dict, after: dict) -> tuple[int, int]:
    """Files (and their bytes) that are new or rewritten: a hard-linked unchanged file keeps its
    inode. Not sitegen's marker file when only its time changed: every build dates the output
    by it (sitegen.write.stamp_output), a no-op's too, without writing it."""
    changed = [stat for path, stat in after.items() if before.get(path, (None, None))[:2] != stat[:2]
               and not (path == OUTPUT_MARKER and before.get(path, (None,))[0] == stat[0])]
    return len(changed), sum(stat[2] for stat in changed)


OUTPUT_MARKER = ".sitegen-output"  # (sitegen.write.MARKER: the harness imports no sitegen)


# ---------------------------------------------------------------- running builds

@dataclass(frozen=True, slots=True)
class Sitegen:
    """The sitegen being measured: the installed command (this checkout, as it is now) or a
    snapshot of one commit, so that others' edits during a long run cannot change the code."""

    argv: tuple[str, ...]
    env: dict | None
    theme_dir: Path  # its built-in default theme
    described: str  # for RESULTS.md: which code was measured
    commit: str = ""  # the snapshot's commit, when one was measured

    def run(self, *args: str) -> str:
        return subprocess.run([*self.argv, *args], capture_output=True, text=True, check=True, env=self.env).stdout


# The snapshot goes first on sys.path: before the current folder and the installed (editable) sitegen.
_LAUNCH = "import sys; sys.path.insert(0, {code!r}); from sitegen.cli import main; sys.argv[0] = 'sitegen'; main()"


def installed_sitegen() -> Sitegen:
    described = "the installed sitegen"
    commit = _git("rev-parse", "--short=12", "HEAD")
    if commit:
        dirty = _git("status", "--porcelain", "--", "sitegen", "themes", "pyproject.toml")
        described = f"the working tree at commit {commit}" + (" with uncommitted changes" if dirty else "")
    compile_bytecode(REPO / "sitegen")
    return Sitegen(("sitegen",), None, REPO / "themes" / "default", described)


def snapshot_sitegen(rev: str, into: Path) -> Sitegen:
    """Export ``rev``'s sitegen/ and themes/ with ``git archive`` (read-only) and run that copy."""
    commit = _git("rev-parse", "--verify", f"{rev}^{{commit}}")
    if not commit:
        raise SystemExit(f"run.py: --commit {rev}: not a commit of this repository")
    code = into / commit[:12]
    if not (code / "sitegen" / "__init__.py").is_file():
        staging = into / f".{commit[:12]}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", commit, "sitegen", "themes"],
                                 capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(staging, filter="data")
        shutil.rmtree(code, ignore_errors=True)
        os.rename(staging, code)
    compile_bytecode(code / "sitegen")
    launch = _LAUNCH.format(code=str(code))
    sitegen = Sitegen((sys.executable, "-c", launch), None, code / "themes" / "default", f"commit {commit[:12]}",
                      commit[:12])
    check = launch.split("from sitegen")[0] + "import sitegen; print(sitegen.__file__)"
    where = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True).stdout.strip()
    if Path(where).resolve().parent != (code / "sitegen").resolve():
        raise SystemExit(f"run.py: the snapshot's sitegen is shadowed by another one ({where})")
    return sitegen


def compile_bytecode(package: Path) -> None:
    """Compile the package's modules once, as pip does on installing and as Python does on the
    first import. A machine with PYTHONDONTWRITEBYTECODE set (these do) would otherwise compile
    all of sitegen from source on every timed build: about a twelfth of a second (a quarter of
    its imports' time) that no installed copy pays."""
    if not compileall.compile_dir(package, quiet=1):
        raise SystemExit(f"run.py: {package} does not compile")


def _git(*args: str) -> str:
    try:
        proc = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True)
    except OSError:
        return ""
    return proc.stdout.strip() if proc.returncode == 0 else ""


@dataclass(frozen=True, slots=True)
class BuildOptions:
    clean: bool  # the build has --clean
    jobs: bool  # the build has --jobs


def detect_options(sitegen: Sitegen) -> BuildOptions:
    help_text = sitegen.run("build", "--help")
    return BuildOptions(clean="--clean" in help_text, jobs="--jobs" in help_text)


def build_command(sitegen: Sitegen, site: Path, out: Path, options: BuildOptions, jobs: int | None,
                  clean: bool, search: bool = False) -> list[str]:
    cmd = [*sitegen.argv, "build", "--source", str(site), "--output", str(out), "--base-url", BASE_URL, "--quiet"]
    if search:
        cmd.append("--search")
    if clean and options.clean:
        cmd.append("--clean")
    if jobs and options.jobs:
        cmd += ["--jobs", str(jobs)]
    return cmd


def timed_build(cmd: list[str], cwd: Path, out: Path, env: dict | None = None) -> Measurement:
    # What the builds before this one wrote is still being written to the disk for half a
    # minute after (the kernel's write-back, on these machines' two cores): each build is timed
    # after the system has written it all, not while it writes the last one's output.
    os.sync()
    before = snapshot(out)
    load = os.getloadavg()[0]
    with tempfile.NamedTemporaryFile("r", suffix=".time", dir=cwd) as report:
        busy = machine_busy()
        start = time.perf_counter()
        proc = subprocess.run([str(TIME), "-v", "-o", report.name, *cmd], cwd=cwd, capture_output=True, text=True,
                              env=env)
        wall = time.perf_counter() - start
        busy = machine_busy() - busy
        figures = parse_time_v(Path(report.name).read_text())
    if proc.returncode != 0:
        raise BuildFailed(cmd, proc.returncode, proc.stdout + proc.stderr)
    start = time.perf_counter()
    os.sync()
    flush = time.perf_counter() - start
    after = snapshot(out)
    files_written, bytes_written = written_between(before, after)
    return Measurement(
        wall=wall, cpu=figures["user"] + figures["sys"], max_rss_kib=int(figures["max_rss_kib"]),
        files_written=files_written, bytes_written=bytes_written, files_total=len(after),
        bytes_total=sum(s[2] for s in after.values()), pages=sum(1 for p in after if p.endswith(".html")),
        load=load, others_cpu=max(0.0, busy - figures["user"] - figures["sys"]), flush=flush,
    )


def machine_busy() -> float:
    """CPU seconds all cores have spent on anything but idling since the machine started
    (/proc/stat: user, nice, system, irq and softirq time; 0.0 where there is no /proc)."""
    try:
        with open("/proc/stat") as stat:
            fields = stat.readline().split()
    except OSError:
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq = map(int, fields[1:8])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


class BuildFailed(Exception):
    def __init__(self, cmd: list[str], code: int, output: str):
        super().__init__(f"`{' '.join(cmd[-7:])}` exited with {code}:\n{output[-4000:]}")


# ---------------------------------------------------------------- the machine's memory

PAGE = 4096


def fresh_memory_cost(mib: int, rounds: int = 3) -> float:
    """Microseconds the machine takes to give a process one page (4 KiB) of memory it has not
    touched yet, when the process asks for ``mib`` MiB of them: the median of ``rounds``.
    A build's new memory is mostly page cache for what it writes (4.4 GB of output and 1.3 GB
    of cache at 100,000 articles) and copies of the index's pages in the render workers, and
    each such page costs this once. On bare metal it is about the same at any size that fits
    in memory; on a virtual machine whose host lends memory only as the guest touches it (and
    takes freed memory back: virtio-balloon's free page reporting), it can grow several times
    over beyond a few GiB, which makes a 100,000-article build dearer than ten 10,000-article
    ones without any more work of its own. The loop over the pages is timed a second time over
    the same, now touched, mapping and taken off, so that what is left is the memory's price."""
    costs = []
    pages = (mib << 20) // PAGE
    for _ in range(rounds):
        mapping = mmap.mmap(-1, pages * PAGE, flags=mmap.MAP_PRIVATE)  # (a heap's kind: not shared)
        try:
            first = _touch_every_page(mapping, pages)
            again = _touch_every_page(mapping, pages)
        finally:
            mapping.close()
        costs.append(max(first - again, 0.0) / pages * 1e6)
    return statistics.median(costs)


def _touch_every_page(mapping, pages: int) -> float:
    began = time.perf_counter()
    for offset in range(0, pages * PAGE, PAGE):
        mapping[offset] = 1
    return time.perf_counter() - began


# ---------------------------------------------------------------- the machine's cores

def concurrent_speed(processes: int, loops: int = 6_000_000, rounds: int = 3) -> float:
    """How fast each of ``processes`` Python processes runs a pure-Python loop while all run it
    at once, as a share of one running it alone: 1.0 where each has a core of its own, less
    where they share what the machine calls cores (hyperthreads of one core, a busy host).
    sitegen's cold build runs a process on every core, Pelican's one process runs alone: on a
    machine where this is 0.7, two cores do the work of 1.4, and every ratio of a parallel
    build to a serial one moves by that much. Alone and side by side in turn, ``rounds``
    times, the medians compared, and a loop of most of a second (some 0.75 s on a 2-core
    Intel Xeon): one of a quarter second took anything from 0.26 to 0.41 s there. Coarse even
    so (93 % and 115 % there, a minute apart): it tells cores that share one, where it would
    be near 50 to 60 %, from cores that do not."""
    if processes < 2:
        return 1.0
    alone, together = [], []
    for _ in range(rounds):
        alone += _forked_loops(1, loops)
        together += _forked_loops(processes, loops)
    return statistics.median(alone) / statistics.median(together)


def _forked_loops(processes: int, loops: int) -> list[float]:
    """The seconds each of ``processes`` forked processes took to run the loop, all at once."""
    context = multiprocessing.get_context("fork")
    start, results = context.Barrier(processes), context.SimpleQueue()
    workers = [context.Process(target=_loop_when_all_ready, args=(start, results, loops)) for _ in range(processes)]
    for worker in workers:
        worker.start()
    seconds = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    return seconds


def _loop_when_all_ready(start, results, loops: int) -> None:
    start.wait()  # (so that all of them run the loop at the same time)
    results.put(_loop_seconds(loops))


def _loop_seconds(loops: int) -> float:
    """Seconds to run a loop of the interpreter's common work: arithmetic, a dict, a list."""
    began = time.perf_counter()
    table, items, total = {}, [], 0
    for i in range(loops):
        total += i * 7 % 13
        table[i & 1023] = total
        if i & 255 == 0:
            items.append(total)
    return time.perf_counter() - began
