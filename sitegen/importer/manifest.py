"""manifest.yaml beside the inputs: file name -> the URL it was captured from.

    000_ffdad4cad353da9e.txt: http://losangeles.cbslocal.com/2016/12/18/vigil-held-.../
    page.html: {url: "https://example.com/news/page"}
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from .textutil import WEB_ADDRESS

MANIFEST = "manifest.yaml"


class ManifestError(ValueError):
    """The manifest cannot be read; the message names the file (and line when known)."""


def url_for(path: Path) -> str | None:
    """The URL the manifest beside path gives for it, if any."""
    entry = _load(path.parent / MANIFEST).get(path.name)
    if isinstance(entry, dict):
        entry = entry.get("url")
    url = entry.strip() if isinstance(entry, str) and entry.strip() else None
    if url is not None and not WEB_ADDRESS.fullmatch(url):
        raise ManifestError(f"{path.parent / MANIFEST}: url must be an http(s) address, not {url!r}")
    return url


@cache
def _load(manifest: Path) -> dict:
    if not manifest.is_file():
        return {}
    try:
        data = yaml.safe_load(manifest.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError) as error:
        raise ManifestError(f"{manifest}: cannot read: {error}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise ManifestError(f"{manifest}{line}: not valid YAML") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ManifestError(f"{manifest}:1: expected a mapping of file names to URLs")
    return {str(key): value for key, value in data.items()}
