"""Writing bundles: idempotent, hand edits refused, --force keeps backups, dry runs write
nothing."""

from __future__ import annotations

import yaml

from sitegen.importer.bundle import BACKUP_DIR, RECORD, sha256, write_bundle

FILES = {"index.md": b"---\ntitle: A\n---\nBody.\n", "original.txt": b"raw\r\nbytes\xff"}


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_first_write_creates_files_and_record(tmp_path):
    folder = tmp_path / "a"
    outcome = write_bundle(folder, FILES, "a.txt")
    assert outcome.status == "created"
    assert (folder / "original.txt").read_bytes() == FILES["original.txt"]
    record = yaml.safe_load((folder / RECORD).read_text())
    assert record == {"input": "a.txt", "files": {n: sha256(d) for n, d in FILES.items()}}


def test_same_input_again_changes_nothing(tmp_path):
    folder = tmp_path / "a"
    write_bundle(folder, FILES, "a.txt")
    before = snapshot(folder)
    assert write_bundle(folder, FILES, "a.txt").status == "unchanged"
    assert snapshot(folder) == before


def test_importer_output_is_updated_when_not_edited(tmp_path):
    folder = tmp_path / "a"
    write_bundle(folder, FILES, "a.txt")
    newer = dict(FILES, **{"index.md": b"---\ntitle: B\n---\nBody.\n"})
    outcome = write_bundle(folder, newer, "a.txt")
    assert (outcome.status, outcome.changed, outcome.backups) == ("updated", ("index.md",), ())
    assert (folder / "index.md").read_bytes() == newer["index.md"]


def test_hand_edits_are_refused_then_kept_as_backup_with_force(tmp_path):
    folder = tmp_path / "a"
    write_bundle(folder, FILES, "a.txt")
    edited = b"---\ntitle: A\n---\nBody with a {>>note<<}.\n"
    (folder / "index.md").write_bytes(edited)
    newer = dict(FILES, **{"index.md": b"---\ntitle: B\n---\nBody.\n"})
    refused = write_bundle(folder, newer, "a.txt")
    assert refused.status == "refused" and refused.edited == ("index.md",)
    assert "edited by hand" in refused.message
    assert (folder / "index.md").read_bytes() == edited
    forced = write_bundle(folder, newer, "a.txt", force=True)
    assert forced.backups == (f"{BACKUP_DIR}/index.md.bak-1",)
    assert (folder / BACKUP_DIR / "index.md.bak-1").read_bytes() == edited
    assert (folder / "index.md").read_bytes() == newer["index.md"]


def test_a_bundle_made_by_hand_is_never_overwritten(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "index.md").write_bytes(b"hand made")
    (folder / "photo.jpg").write_bytes(b"jpeg")
    assert write_bundle(folder, FILES, "a.txt").status == "refused"
    assert (folder / "index.md").read_bytes() == b"hand made"
    write_bundle(folder, FILES, "a.txt", force=True)
    assert (folder / "photo.jpg").read_bytes() == b"jpeg"
    assert (folder / BACKUP_DIR / "index.md.bak-1").read_bytes() == b"hand made"


def test_another_input_with_the_same_slug_is_refused(tmp_path):
    folder = tmp_path / "a"
    write_bundle(folder, FILES, "a.txt")
    outcome = write_bundle(folder, dict(FILES, **{"original.txt": b"other"}), "b.txt")
    assert outcome.status == "refused" and "imported from a.txt" in outcome.message
    assert (folder / "original.txt").read_bytes() == FILES["original.txt"]


def test_a_changed_capture_keeps_the_old_original(tmp_path):
    folder = tmp_path / "a"
    write_bundle(folder, FILES, "a.txt")
    outcome = write_bundle(folder, dict(FILES, **{"original.txt": b"recaptured"}), "a.txt")
    assert outcome.backups == (f"{BACKUP_DIR}/original.txt.bak-1",)
    assert (folder / BACKUP_DIR / "original.txt.bak-1").read_bytes() == FILES["original.txt"]


def test_dry_run_writes_nothing(tmp_path):
    folder = tmp_path / "a"
    outcome = write_bundle(folder, FILES, "a.txt", dry_run=True)
    assert outcome.status == "created" and set(outcome.changed) == set(FILES)
    assert not folder.exists()
