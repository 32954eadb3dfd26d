"""An index.md changed while the build runs, between reading its front matter and rendering
its body: the body is rendered from the text as it is then, with that text's own front
matter, never the new body cut where the old front matter ended (see load._whole_header)."""

from __future__ import annotations

import dataclasses
import os

import pytest

import sitegen.load
import sitegen.load.files
from conftest import article, write_files
from sitegen.build import urls_for
from sitegen.cache import CACHE_DIR, BuildCache
from sitegen.config import load_config
from sitegen.diagnostics import Diagnostics
from sitegen.load import load_site

BEFORE = article("Old title", "The old body.", summary="Short.")
EDITS = {
    "longer front matter": article("New title", "The new body.", summary="Short.", dateline="Northgate",
                                   draft="false"),
    "shorter front matter": article("New title", "The new body."),
    "same bytes, written again": BEFORE,
    "same size": article("Old titlf", "The old bodz.", summary="Short."),
}


def loaded(root):
    """(article records without what differs by the key, bodies, diagnostics) of one load."""
    diags = Diagnostics()
    config = load_config(root, diags)
    cache = BuildCache(root / CACHE_DIR)
    site = load_site(config, diags, urls_for(config), cache, jobs=1)
    records = [dataclasses.replace(a, fingerprint="", listed_digest="") for a in site.articles]
    bodies = [cache.bodies.get(a.fingerprint) for a in site.articles]
    return records, bodies, [str(d) for d in diags.items]


@pytest.mark.parametrize("settled", [True, False], ids=["settled files", "fresh files"])
@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_an_index_edited_during_the_load_is_rendered_as_it_is_then(tmp_path, monkeypatch, edit, settled):
    if settled:  # (the scan of a bundle read just now vouches for its bytes: see scan_is_settled)
        monkeypatch.setattr(sitegen.load.files, "SETTLE_NS", -10**18)
    root = write_files(tmp_path / "site", {"content/articles/one/index.md": BEFORE})
    index = root / "content/articles/one/index.md"
    read_headers = sitegen.load._read_headers

    def then_edited(*args, **kwargs):
        result = read_headers(*args, **kwargs)
        old = os.stat(index)
        index.write_text(EDITS[edit], encoding="utf-8")
        # (As a file system with coarse times may: the times the scan saw, the change time new.)
        os.utime(index, ns=(old.st_atime_ns, old.st_mtime_ns))
        return result

    monkeypatch.setattr(sitegen.load, "_read_headers", then_edited)
    during = loaded(root)
    monkeypatch.setattr(sitegen.load, "_read_headers", read_headers)
    clean = loaded(write_files(tmp_path / "clean", {"content/articles/one/index.md": EDITS[edit]}))
    assert during[1] == clean[1]
    assert [dataclasses.replace(a, path=None) for a in during[0]] == [dataclasses.replace(a, path=None) for a in clean[0]]
