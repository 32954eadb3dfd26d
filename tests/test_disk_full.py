"""A disk that fills up during a build: the build stops with the system's word on the file it
could not write, the output is the last complete build's, and nothing is left behind.

A real full disk: each scenario runs in a mount namespace of its own (``unshare``, as root
or as a user mapped to root) on a small tmpfs, so the writes fail in the kernel as they do on
a full disk, in the parent and in the workers alike.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import article, write_files

# Runs inside the namespace: mounts the tmpfs, runs the builds, reports what it saw as JSON.
SCENARIO = r"""
import hashlib, json, os, subprocess, sys
from pathlib import Path

disk, size, plan, report_file = Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3]), Path(sys.argv[4])
subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)], check=True)
if plan.get("site_on_disk"):
    subprocess.run(["cp", "-a", plan["site"], str(disk / "site")], check=True)
    plan["site"] = str(disk / "site")
site, output = Path(plan["site"]), disk / "public"

def tree(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()} if folder.is_dir() else None

def build(jobs):
    done = subprocess.run([sys.executable, "-m", "sitegen", "build", "--source", str(site), "--output", str(output),
                           "--jobs", str(jobs)], capture_output=True, text=True, cwd=str(disk))
    return {"code": done.returncode, "stderr": done.stderr, "tree": tree(output),
            "beside": sorted(p.name for p in disk.iterdir() if p.name not in ("public", "site")),
            "temporaries": sorted(str(p.relative_to(site)) for p in (site / ".sitegen-cache").rglob(".*")
                                  if p.is_file())}

def served():
    # What `sitegen serve` shows (on its error page) when a rebuild fails.
    from sitegen.serve import DevSite
    return {"errors": list(DevSite(site, output).rebuild().errors), "tree": tree(output)}

report = {}
for step in plan["steps"]:
    if step["do"] == "build":
        report[step["name"]] = build(step["jobs"])
    elif step["do"] == "serve":
        report[step["name"]] = served()
    elif step["do"] == "write":
        Path(step["path"]).write_bytes(b"\x89" * step["bytes"])
    elif step["do"] == "remove":
        os.unlink(step["path"])
report_file.write_text(json.dumps(report))
"""


def run_scenario(tmp_path: Path, size: str, plan: dict) -> dict:
    if shutil.which("unshare") is None:
        pytest.fail("unshare (util-linux) is needed to give the build a disk that fills up")
    disk = tmp_path / "disk"
    disk.mkdir()
    script, report = tmp_path / "scenario.py", tmp_path / "report.json"
    script.write_text(SCENARIO, encoding="utf-8")
    done = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", sys.executable, str(script), str(disk),
                           size, json.dumps(plan), str(report)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(report.read_text(encoding="utf-8"))


def small_site(root: Path) -> Path:
    files = {"sitegen.yaml": "title: Full Disk Gazette\n"}
    for n in range(1, 4):
        files[f"content/articles/story-{n}/index.md"] = article(
            f"Story {n}", f"Paragraph of story {n} with a quote.\n\nAnd a second paragraph.\n", date=f"2019-03-0{n}")
    return write_files(root, files)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_build_that_runs_out_of_space_stops_clearly_and_leaves_the_last_output(tmp_path, jobs):
    site = small_site(tmp_path / "site")
    recording = site / "content/articles/story-2/recording.mp3"
    report = run_scenario(tmp_path, "2m", {"site": str(site), "steps": [
        {"do": "build", "name": "first", "jobs": jobs},
        {"do": "write", "path": str(recording), "bytes": 3 * 1024 * 1024},  # more than is left
        {"do": "build", "name": "full", "jobs": jobs},
        {"do": "remove", "path": str(recording)},
        {"do": "build", "name": "after", "jobs": jobs},
    ]})
    first, full, after = report["first"], report["full"], report["after"]
    assert first["code"] == 0, first["stderr"]
    assert "articles/story-2/index.html" in first["tree"]

    assert full["code"] == 1
    # Like a compiler's message, the file first: the copy of the recording, in the staging folder.
    [message] = [line for line in full["stderr"].splitlines() if "No space left on device" in line]
    assert message.startswith("sitegen: ") and "recording.mp3: No space left on device" in message, full["stderr"]
    assert message.endswith("the build stopped, and the output folder holds the last complete build")
    assert "Traceback" not in full["stderr"]
    assert full["tree"] == first["tree"]  # the last output, byte for byte
    assert full["beside"] == [] and full["temporaries"] == []  # no staging folder, no half-written cache file

    assert after["code"] == 0, after["stderr"]  # space again: the build goes on as if nothing happened
    assert after["tree"] == first["tree"]


def test_a_cold_build_on_a_full_disk_leaves_no_partial_files_wherever_it_stops(tmp_path):
    """The site itself (content, cache, output) on a disk with a little more room each time:
    the space runs out in a body the load renders, in the output, in the cache's records once
    the site is built, or not at all. Wherever it stops, no temporary file of the cache nor a
    staging folder is left, and the message says what happened."""
    site = small_site(tmp_path / "site")
    seen = set()
    for size in [*range(16, 64, 4), *range(64, 128, 8), *range(128, 432, 16)]:  # (finer where more kinds of write fail)
        where = tmp_path / f"at-{size}k"
        where.mkdir()
        cold = run_scenario(where, f"{size}k", {"site": str(site), "site_on_disk": True, "steps": [
            {"do": "build", "name": "cold", "jobs": 2},
        ]})["cold"]
        assert "Traceback" not in cold["stderr"], cold["stderr"]
        assert cold["temporaries"] == [] and cold["beside"] == [], (size, cold)
        if cold["code"] == 0:
            assert "articles/story-1/index.html" in cold["tree"]
            if "warning" in cold["stderr"]:
                assert "warning: the build cache was not saved: " in cold["stderr"], cold["stderr"]
                assert "No space left on device; the next build renders what it cannot find there again" in cold["stderr"]
                seen.add("built, the cache not saved")
            else:
                seen.add("built")
        else:
            assert cold["code"] == 1, cold["stderr"]
            [line] = cold["stderr"].splitlines()
            # The file named, whichever write it was.
            assert re.fullmatch(r"sitegen: \S+: No space left on device; the build stopped, and the output folder "
                                r"holds the last complete build", line), line
            assert cold["tree"] is None  # no output before, none now
            seen.add("stopped in the body store" if ".sitegen-cache/bodies/" in line else
                     "stopped in the output" if ".public.staging-" in line else line)
    assert seen == {"stopped in the body store", "stopped in the output", "built, the cache not saved", "built"}


def test_sitegen_serve_shows_a_full_disk_as_one_line_not_a_traceback(tmp_path):
    site = small_site(tmp_path / "site")
    write_files(site, {"content/articles/story-1/scan.tiff": "x" * (3 * 1024 * 1024)})  # more than the disk holds
    report = run_scenario(tmp_path, "2m", {"site": str(site), "steps": [{"do": "serve", "name": "served"}]})
    [error] = report["served"]["errors"]
    assert error.startswith("sitegen: ") and error.endswith("story-1/scan.tiff: No space left on device"), error
    assert report["served"]["tree"] is None
