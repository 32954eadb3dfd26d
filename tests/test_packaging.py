"""A plain (non-editable) install ships the default theme, so any folder with content/ builds."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import REPO, article, write_files, page


def test_wheel_ships_the_default_theme_and_builds_a_site_elsewhere(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(REPO)],
                   check=True, cwd=tmp_path)
    (wheel,) = wheels.glob("sitegen-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "sitegen/themes/default/templates/base.html" in names
    assert "sitegen/themes/default/static/style.css" in names

    target = tmp_path / "installed"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)], check=True)
    site = write_files(tmp_path / "elsewhere", {"content/articles/one/index.md": article("Built Elsewhere")})
    result = subprocess.run([sys.executable, "-m", "sitegen", "build"], cwd=site, capture_output=True, text=True,
                            env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert page(site / "public", "articles/one/").find("h1").get_text(strip=True) == "Built Elsewhere"
    assert (site / "public/static/style.css").is_file()
