"""The ``sitegen`` command: parses options, runs a stage, prints diagnostics.

Exit codes: 0 success, 1 content errors (the site was not written), 2 usage errors.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from . import __version__
from .build import build
from .config import base_url_option
from .diagnostics import BuildError, Diagnostics, counted, display_path, os_problem
from .search import SearchIndexError
from .write import OutputError

EXIT_CONTENT = 1
EXIT_USAGE = 2


class _CommandsOfStages(click.Group):
    """Commands that live with their own stage's modules, imported only when one is run or
    listed: the importer's modules alone took a twentieth of a second of every start, and
    `sitegen build` runs after every edit."""

    ELSEWHERE = {
        "check": ("sitegen.check", "check_command"),
        "import": ("sitegen.importer.command", "import_command"),
        "init": ("sitegen.scaffold", "init_command"),
        "new": ("sitegen.scaffold", "new_command"),
        "serve": ("sitegen.serve", "serve_command"),
        "theme": ("sitegen.scaffold", "theme_command"),
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.ELSEWHERE})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.ELSEWHERE:
            module, attribute = self.ELSEWHERE[name]
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, name)


@click.group(cls=_CommandsOfStages, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitegen")
def cli() -> None:
    """sitegen: build an annotated news archive into a static website.

    \b
    Typical use, in a site folder (one with content/):
      sitegen import seeds/        turn raw article text into article bundles
      sitegen build                build content/ + themes/ into public/
    """


@cli.command("build")
@click.option("--source", "-s", "source", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="The site folder: the one holding content/, themes/ and sitegen.yaml.")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="Where to write the site (relative to the current folder). [default: SOURCE/public]")
@click.option("--base-url", default=None, callback=base_url_option,
              help="Where the site will be served, e.g. https://user.github.io/repo/ (overrides sitegen.yaml).")
@click.option("--drafts", is_flag=True, help="Include articles and pages marked draft: true.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for loading and rendering. [default: all cores]")
@click.option("--clean", is_flag=True, help="Ignore the cache of earlier builds (.sitegen-cache/) and redo everything.")
@click.option("--search", is_flag=True,
              help="Also build the full-text search index (Pagefind) for the search/ page. Its file names vary from run to run.")
@click.option("--quiet", "-q", is_flag=True, help="Print errors only.")
@click.option("--verbose", "-v", is_flag=True, help="Also print the time spent in each stage.")
@click.option("--strict", is_flag=True,
              help="Treat warnings as errors (exit 1): a warning about the content stops the build before the output "
                   "changes; one about the output itself (its size, the cache) comes once it is written. For CI.")
def build_command(source: Path, output: Path | None, base_url: str | None, drafts: bool, jobs: int | None, clean: bool,
                  search: bool, quiet: bool, verbose: bool, strict: bool) -> None:
    """Build the site: read content/ and themes/, write public/.

    Nothing in the output changes until everything has been rendered: after an error the
    previous output is left untouched. A large change makes a new tree beside the output and
    swaps it in; a small one is applied in place from a journal, which a build killed half-way
    through leaves for the next build to finish.
    """
    if not source.is_dir():
        raise click.BadParameter(f"'{source}' is not a folder", param_hint="--source")
    diags = Diagnostics(strict=strict)
    overrides = {"base_url": base_url, "drafts": drafts or None,
                 "output_dir": output.resolve() if output else None}
    try:
        progress = _TerminalProgress() if not quiet and sys.stderr.isatty() else None
        try:
            report = build(source, diags, search=search, jobs=jobs, clean=clean, progress=progress,
                           keep_state_in=_left_for_exit, on_wait=_say_waiting, **overrides)
        finally:
            if progress:
                progress.close()
    except BuildError as exc:
        if not strict:  # (with --strict, the error's own list holds them)
            _print_warnings(diags, quiet)
        for diagnostic in exc.diagnostics:
            click.echo(str(diagnostic), err=True)
        errors = sum(d.severity == "error" for d in exc.diagnostics)
        warned = len(exc.diagnostics) - errors
        found = ", ".join(([f"{errors} error(s)"] if errors else []) + ([f"{warned} warning(s) (--strict)"] if warned else []))
        click.echo(f"sitegen: {found}; the output folder was left unchanged", err=True)
        sys.exit(EXIT_CONTENT)
    except OutputError as exc:
        click.echo(f"sitegen: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except SearchIndexError as exc:
        click.echo(f"sitegen: search index: {exc}; the output folder was left unchanged", err=True)
        sys.exit(EXIT_CONTENT)
    except OSError as exc:  # the system's refusal (a full disk, a folder not ours to write)
        _print_warnings(diags, quiet)
        # (Never half written: the previous output is replaced whole, or an update that stops
        # half done says so as an OutputError.)
        click.echo(f"sitegen: {os_problem(exc)}; the build stopped, and the output folder holds the last "
                   "complete build", err=True)
        sys.exit(EXIT_CONTENT)
    _print_warnings(diags, quiet and not strict)  # (with --strict they are errors, which --quiet prints)
    if strict and diags.warnings:  # (about the output itself, found once it was written: its size, the cache)
        click.echo(f"sitegen: {len(diags.warnings)} warning(s) (--strict) about the output, which was written", err=True)
        sys.exit(EXIT_CONTENT)
    if not quiet:
        w = report.write
        written = (f"{w.files} files ({w.bytes / 1e6:.1f} MB; {w.written} written, {w.linked} unchanged)"
                   if w.files else "nothing changed, output left as it was")
        # (pages only when there are some: most archives have none, and say nothing of them)
        counts = ", ".join(counted(n, one, many) for n, one, many in (
            (report.articles, "article", "articles"), *([(report.pages, "page", "pages")] if report.pages else []),
            (report.people, "person", "people"), (report.topics, "topic", "topics"),
            (report.comments, "comment", "comments"), (report.annotations, "annotation", "annotations")))
        click.echo(f"sitegen: built {counts}: {written}")
        if not report.sitemap:  # (not a warning: a build to look at locally needs no host, nor a sitemap)
            click.echo("sitegen: no sitemap.xml: a sitemap lists whole addresses, and base_url gives no host; "
                       "build with --base-url https://<host>/<path>/ to publish one")
    if verbose:
        click.echo(f"  articles loaded from cache: {report.cache_hits} of {report.articles}; "
                   f"render units redone: {report.units_rendered} of {report.units}")
        for stage, seconds in report.timings.items():
            click.echo(f"  {stage:<14} {seconds * 1000:8.0f} ms")


def _say_waiting(output: Path) -> None:
    click.echo(f"sitegen: another build is writing {display_path(output)}/; waiting for it to finish", err=True)


class _TerminalProgress:
    """One status line on a terminal, rewritten in place; CI logs (not a terminal) get none."""

    def __init__(self):
        self.shown = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if done == total or done % 50 == 0:
            width = 30
            filled = width * done // max(total, 1)
            click.echo(f"\r  {stage:<7} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", nl=False, err=True)
            self.shown = True

    def close(self) -> None:
        if self.shown:
            click.echo("\r" + " " * 60 + "\r", nl=False, err=True)


def _print_warnings(diags: Diagnostics, quiet: bool) -> None:
    if quiet:
        return
    for warning in diags.warnings:
        click.echo(str(warning), err=True)


def main() -> None:
    """The ``sitegen`` console script."""
    global _left_for_exit
    _left_for_exit = []
    try:
        cli.main(standalone_mode=True)
        code = 0
    except KeyboardInterrupt:
        click.echo("sitegen: interrupted", err=True)
        code = 130
    except SystemExit as exc:  # how click ends every command
        code = exc.code
    _leave(code)


# What a build leaves in memory, not freed on the way out (see _leave and build.build): a
# list only when the process ends with the command (main), not when a test invokes it.
_left_for_exit: list | None = None


def _leave(code) -> NoReturn:
    """Exit without the interpreter's teardown. A build leaves a million objects behind (Jinja's
    template contexts hold the site and index in reference cycles), and tearing them down one
    by one took longer than rebuilding an edited article (0.6 s at 10,000 articles, seconds at
    100,000). By now every file is written and closed and every worker has been joined: only
    what sits in the output buffers is left to do."""
    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message")
        print(code, file=sys.stderr)
        code = 1
    if _observed():
        sys.exit(code)  # a profiler or a coverage tool writes its findings at the teardown
    # Pool workers still running (`serve` stopped during a rebuild) would go on writing to a
    # staging folder: multiprocessing's exit handler, skipped here, would have stopped them.
    for child in multiprocessing.active_children():
        child.terminate()
        child.join(1)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said there
            pass
    os._exit(code)


def _observed() -> bool:
    """A tracer, a profiler, or (Python 3.12+) a tool of ``sys.monitoring`` is attached."""
    if sys.gettrace() is not None or sys.getprofile() is not None:
        return True
    monitoring = getattr(sys, "monitoring", None)
    return monitoring is not None and any(monitoring.get_tool(tool) for tool in range(6))
