"""Writing an article bundle without ever losing a byte: idempotent, hand edits protected.

`.import.yaml` in the bundle records the sha256 of every file the import wrote. A file whose
bytes no longer match that record was edited by hand: the import refuses to touch the bundle
unless forced, and then keeps the edited file in `.import-backup/`. Re-importing the same input
writes nothing at all. The build ignores both dotted names.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from .webarchive import MHTML_SUFFIXES

RECORD = ".import.yaml"
BACKUP_DIR = ".import-backup"
FILE_MODE = 0o644             # mkstemp creates files private to the user; bundles are shared

# What a capture is kept as in its bundle: a saved page as the file it is (a page saved as one
# file is a MIME archive, which a browser opens as such only by its own name), text as text.
ORIGINAL_NAMES = ("original.txt", "original.html", "original.mhtml")


def original_name(path: Path, html: bool) -> str:
    if path.suffix.lower() in MHTML_SUFFIXES:
        return "original.mhtml"
    return "original.html" if html else "original.txt"


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str                        # created, updated, unchanged, refused
    changed: tuple[str, ...] = ()      # files written (or that would be, in a dry run)
    edited: tuple[str, ...] = ()       # files edited by hand since the import
    backups: tuple[str, ...] = ()      # where replaced files were kept
    message: str | None = None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dump_yaml(data) -> str:
    """Deterministic YAML: keys in the given order, Unicode as is, long lines kept whole."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1_000_000,
                          default_flow_style=False)


def write_bundle(folder: Path, files: dict[str, bytes], input_name: str, *,
                 force: bool = False, dry_run: bool = False) -> Outcome:
    """Bring folder to hold exactly these files (others are left alone)."""
    record = _read_record(folder)
    if record and record.get("input") not in (None, input_name) and not force:
        return Outcome("refused", message=f"was imported from {record['input']}, not"
                       f" {input_name}; use --force to replace it (a backup is kept)")
    recorded = record.get("files", {}) if record else {}
    changed, edited = _compare(folder, files, recorded)
    if edited and not force:
        return Outcome("refused", edited=tuple(edited), message="edited by hand since import: "
                       + ", ".join(edited) + "; not overwritten (use --force to replace, keeping"
                       " a backup)")
    new_record = _record_bytes(input_name, files)
    if not changed and _read_bytes(folder / RECORD) == new_record:
        return Outcome("unchanged")
    status = "created" if not folder.exists() else "updated"
    if dry_run:
        return Outcome(status, tuple(changed), tuple(edited))
    backups = [_backup(folder, name) for name in changed
               if name in edited or name.startswith("original.") and (folder / name).exists()]
    for name in changed:
        _write_atomic(folder / name, files[name])
    _write_atomic(folder / RECORD, new_record)
    return Outcome(status, tuple(changed), tuple(edited), tuple(backups))


def _compare(folder: Path, files: dict[str, bytes], recorded: dict) -> tuple[list[str], list[str]]:
    """Files whose bytes would change, and which of those were edited by hand."""
    changed, edited = [], []
    for name, data in files.items():
        on_disk = _read_bytes(folder / name)
        if on_disk == data:
            continue
        changed.append(name)
        if on_disk is not None and recorded.get(name) != sha256(on_disk):
            edited.append(name)
    return changed, edited


# A capture's line in an import record, as _record_bytes writes it, or as an editor's tools may
# leave it (another indent, CRLF line ends, quotes). Read without a YAML parser: an import looks
# at every bundle of the archive, tens of thousands of them.
_RECORDED_CAPTURE = re.compile(r"^[ \t]*original\.(?:txt|html)[ \t]*:[ \t]*['\"]?([0-9a-f]{64})['\"]?[ \t]*\r?$",
                               re.MULTILINE)


class ImportedCaptures:
    """The captures the bundles in a folder were imported from, to find one imported again
    into a bundle renamed since (which a second bundle would publish twice). A bundle's import
    record names its capture's sha256; a bundle without a readable record is asked by its
    original file itself, when that has the new capture's size (a look at its size is cheap,
    reading it not)."""

    def __init__(self, articles: Path):
        self.recorded: dict[str, set[Path]] = {}
        self.unrecorded: list[Path] = []
        try:
            bundles = sorted(Path(entry.path) for entry in os.scandir(articles) if entry.is_dir())
        except (FileNotFoundError, NotADirectoryError):
            bundles = []
        for bundle in bundles:
            data = _read_bytes(bundle / RECORD)
            capture = _RECORDED_CAPTURE.search(data.decode("utf-8", "replace")) if data else None
            if capture:
                self.recorded.setdefault(capture.group(1), set()).add(bundle)
            else:
                self.unrecorded.append(bundle)

    def bundles_of(self, capture: bytes) -> list[Path]:
        """The bundles imported from these bytes, in folder order."""
        digest = sha256(capture)
        found = set(self.recorded.get(digest, ()))
        for bundle in self.unrecorded:
            for name in ORIGINAL_NAMES:
                try:
                    same_size = (bundle / name).stat().st_size == len(capture)
                except OSError:
                    continue
                if same_size and sha256((bundle / name).read_bytes()) == digest:
                    found.add(bundle)
        return sorted(found)

    def add(self, capture: bytes, bundle: Path) -> None:
        self.recorded.setdefault(sha256(capture), set()).add(bundle)


def _record_bytes(input_name: str, files: dict[str, bytes]) -> bytes:
    record = {"input": input_name,
              "files": {name: sha256(data) for name, data in sorted(files.items())}}
    note = "# Written by `sitegen import`: what it wrote, so that hand edits can be told apart.\n"
    return (note + dump_yaml(record)).encode("utf-8")


def _read_record(folder: Path) -> dict | None:
    data = _read_bytes(folder / RECORD)
    try:
        record = yaml.safe_load(data) if data else None
    except yaml.YAMLError:
        return None
    return record if isinstance(record, dict) else None


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None


def _backup(folder: Path, name: str) -> str:
    """Keep a copy of folder/name as .import-backup/name.bak-<n> (n: the first free number)."""
    backup_dir = folder / BACKUP_DIR
    backup_dir.mkdir(parents=True, exist_ok=True)
    n = 1
    while (backup_dir / f"{name}.bak-{n}").exists():
        n += 1
    target = backup_dir / f"{name}.bak-{n}"
    _write_atomic(target, (folder / name).read_bytes())
    return f"{BACKUP_DIR}/{target.name}"


def _write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and a rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, FILE_MODE)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
