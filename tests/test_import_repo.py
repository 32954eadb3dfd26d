"""The repo's own content is `sitegen import seeds/` plus hand annotations, and import keeps them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import REPO
from sitegen.importer.command import import_command
from sitegen.markup.published import reject_all
from click.testing import CliRunner

SEEDS = {
    "000_ffdad4cad353da9e.txt": "vigil-held-in-downtown-la-to-urge-538-electors-not-to-name-trump-president",
    "002_118d62b5678e0bea.txt": "petition-for-electors-to-deny-donald-trump-presidency-picks-up-steam",
}


def front_and_body(path: Path) -> tuple[dict, str]:
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front), body


def published_words(body: str) -> list[str]:
    return re.sub(r"\\(.)", r"\1", reject_all(body)).split()


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("imported")
    for registry in ("people", "topics", "sources"):
        shutil.copytree(REPO / "content" / registry, site / "content" / registry)
    shutil.copytree(REPO / "seeds", site / "seeds")
    result = CliRunner().invoke(import_command, ["seeds", "--source", str(site), "--into", str(site / "content/articles")],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return site / "content/articles"


@pytest.mark.parametrize("slug", SEEDS.values())
def test_repo_bundles_are_the_import_output_plus_hand_annotations(imported, slug):
    ours, theirs = REPO / "content/articles" / slug, imported / slug
    for name in (".import.yaml", "original.txt", "comments.yaml"):
        if (theirs / name).exists() or (ours / name).exists():
            assert (ours / name).read_bytes() == (theirs / name).read_bytes(), name
    hand_front, hand_body = front_and_body(ours / "index.md")
    import_front, import_body = front_and_body(theirs / "index.md")
    for key in ("date", "date_origin", "dateline", "source", "original"):
        assert str(hand_front[key]) == str(import_front[key]), key
    assert [r["name"] for r in hand_front["reporters"]] == [r["name"] for r in import_front["reporters"]]
    # The annotations sit on the imported text: without them, the two bodies say the same words.
    assert published_words(hand_body) == published_words(import_body)


def test_importing_again_refuses_to_overwrite_the_hand_annotations(tmp_path):
    site = tmp_path / "repo"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copytree(REPO / "seeds", site / "seeds")
    before = {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    result = CliRunner().invoke(import_command, ["seeds", "--source", str(site), "--into", str(site / "content/articles")])
    assert result.exit_code == 1
    assert result.output.count("edited by hand since import: index.md") == 2
    assert {p: p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()} == before
