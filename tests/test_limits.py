"""A site larger than GitHub Pages publishes (1 GB) builds, with a warning naming its size.

No test writes a gigabyte: the limit is a module constant that the build tests lower.
"""

from __future__ import annotations

from pathlib import Path

import sitegen.limits
from conftest import article, build, write_files
from sitegen.limits import GITHUB_PAGES_LIMIT, size_warning

FILES = {"content/articles/one/index.md": article("One", "Some words.", date="2020-01-01")}


def site_files_bytes(output: Path) -> int:
    return sum(p.stat().st_size for p in output.rglob("*") if p.is_file())


def test_size_warning_is_given_only_past_the_limit():
    assert size_warning(0) is None
    assert size_warning(GITHUB_PAGES_LIMIT) is None
    message = size_warning(1_234_567_890)
    assert "1.23 GB (1,234,567,890 bytes)" in message and "GitHub Pages" in message and "1 GB" in message


def test_a_build_over_the_limit_warns_with_the_size_and_still_succeeds(tmp_path, monkeypatch):
    root = write_files(tmp_path / "site", FILES)
    assert "warning" not in build(root).stderr  # a small site is far below the real limit
    monkeypatch.setattr(sitegen.limits, "GITHUB_PAGES_LIMIT", 1000)
    result = build(root, "--clean", "--jobs", "1")
    assert result.exit_code == 0, result.output
    size = site_files_bytes(root / "public")
    [warning] = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert warning.startswith(f"{root / 'public'}: warning: the built site is ")  # the output folder, located
    # The size counts every file of the output but the build's own marker.
    assert f"({size - len((root / 'public/.sitegen-output').read_bytes()):,} bytes)" in warning


def test_a_build_that_changes_nothing_still_warns(tmp_path, monkeypatch):
    """The no-op build counts what the previous build wrote, from the manifest."""
    root = write_files(tmp_path / "site", FILES)
    assert build(root, "--jobs", "1").exit_code == 0
    monkeypatch.setattr(sitegen.limits, "GITHUB_PAGES_LIMIT", 1000)
    result = build(root, "--jobs", "1")
    assert "nothing changed" in result.stdout
    assert "warning: the built site is " in result.stderr and "GitHub Pages" in result.stderr
