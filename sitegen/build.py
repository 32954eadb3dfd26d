"""The pipeline, top to bottom: configuration, load, index, render, write."""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, load_config
from .diagnostics import Diagnostics
from .index import build_index
from .load import load_site
from .search import index_site
from .render import Urls, create_environment, render_site, static_files, theme_dirs
from .write import WriteStats, write_output


@dataclass
class BuildReport:
    articles: int = 0
    people: int = 0
    topics: int = 0
    comments: int = 0
    annotations: int = 0
    write: WriteStats = field(default_factory=WriteStats)
    timings: dict[str, float] = field(default_factory=dict)
    warnings: list = field(default_factory=list)


def build(root: Path, diags: Diagnostics, search: bool = False, **overrides) -> BuildReport:
    """Build the site at ``root``; raises ``BuildError`` (and writes nothing) on content errors.

    ``search`` also runs the Pagefind indexer on the finished pages. It is opt-in because
    Pagefind's file names differ from run to run: without it, the output is byte-identical
    for the same content.
    """
    report = BuildReport()
    config = load_config(Path(root), diags, **overrides)
    diags.raise_if_errors()
    urls = urls_for(config)
    with _timed(report.timings, "load"):
        site = load_site(config, diags, urls)
    diags.raise_if_errors()
    with _timed(report.timings, "index"):
        index = build_index(site)
    dirs = theme_dirs(config.root, config.theme)
    env = create_environment(dirs)
    static = static_files(dirs, diags)
    diags.raise_if_errors()
    files = render_site(site, index, config, env, urls, static)
    with _timed(report.timings, "render+write"):
        finish = (lambda staging: index_site(staging, config)) if search else None
        report.write = write_output(files, output_path(config), before_swap=finish)
    report.articles, report.people, report.topics = len(site.articles), len(site.people), len(site.topics)
    report.comments = sum(a.comments.shown_count for a in site.articles)
    report.annotations = sum(len(a.annotations) for a in site.articles)
    report.warnings = diags.warnings
    return report


def urls_for(config: Config) -> Urls:
    return Urls(base_path=config.base_path, permalink=config.permalink, origin=config.site_origin)


def output_path(config: Config) -> Path:
    out = Path(config.output_dir)
    return out if out.is_absolute() else config.root / out


@contextmanager
def _timed(timings: dict, stage: str):
    start = time.perf_counter()
    yield
    timings[stage] = time.perf_counter() - start
