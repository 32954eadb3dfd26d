"""`sitegen import PATH...`: captures (plain text or saved HTML) -> article bundles."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from ..config import is_site, load_config, run_in_site_hint, site_above
from ..diagnostics import Diagnostics
from .analyse import NoArticle, analyse_text
from .bundle import ORIGINAL_NAMES, ImportedCaptures, Outcome, original_name, write_bundle
from .document import bundle_files
from .html import HTML_SUFFIXES, analyse_html
from .manifest import ManifestError, url_for
from .metadata import url_slug
from .names import slugify
from .registry import load_registries
from .report import describe
from .segment import DecodeError
from .textutil import WEB_ADDRESS

# (a web clipper's or a converter's Markdown is a text capture too: see dumps.py)
TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
PROGRESS_AT = 5               # inputs from which a progress bar is shown (on a terminal)


@click.command("import")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("--into", type=click.Path(file_okay=False, path_type=Path),
              help="Where bundles go (default: content/articles under --source).")
@click.option("--force", is_flag=True, help="Replace bundles edited by hand, keeping backups.")
@click.option("--dry-run", is_flag=True, help="Report what would be written; write nothing.")
@click.option("--url", help="The original URL of the (single) input file.")
@click.option("--source", "site_root", default=".", show_default=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="The site root whose content/ holds the people, topics and sources registries.")
@click.option("--encoding", default="utf-8", show_default=True,
              help="Encoding of plain-text inputs that are not UTF-8 (e.g. cp1252).")
def import_command(paths, into, force, dry_run, url, site_root, encoding):
    """Import article captures (.txt or .md text, or saved .html pages) as page bundles."""
    inputs = collect_inputs(paths)
    if url is not None and not WEB_ADDRESS.fullmatch(url.strip()):
        raise click.UsageError(f"--url must be an http(s) address, not {url!r}")
    if url and len(inputs) != 1:
        raise click.UsageError(f"--url names the URL of one file, but {len(inputs)} were given;"
                               " use a manifest.yaml beside the inputs instead")
    if not inputs:
        raise click.UsageError("no .txt, .md or .html files among the given paths")
    if into is None and not is_site(site_root) and site_above(site_root) is not None:
        # (run in content/ or in an article's folder: a second site would be started there,
        # without the site's registries, and its bundles never built)
        raise click.UsageError(f"'{site_root}' is not a site's folder ({run_in_site_hint(site_root)})")
    registries, errors = load_registries(site_root)
    for error in errors:
        click.echo(error, err=True)
    if errors:
        sys.exit(1)
    into = into or site_root / "content" / "articles"
    session = _Session(registries, into, force, dry_run, encoding, site_language(site_root))
    _run(session, inputs, url)
    click.echo(session.summary())
    sys.exit(1 if session.problems else 0)


def site_language(site_root: Path) -> str:
    """The language of the site the bundles are for (``language`` in its sitegen.yaml): a story
    in another is given its own in its front matter. A configuration the build would refuse
    is the build's to report; the import goes on with what could be read of it."""
    return load_config(site_root.resolve(), Diagnostics()).language


def collect_inputs(paths) -> list[Path]:
    """Files as given; folders give their .txt, .md and .html files (dotfiles skipped), sorted:
    not a folder's notes about itself (README.md, CHANGELOG.md ...), nor the files of an article
    bundle inside it (its index.md and original.txt: an archive imported into a folder of the
    captures)."""
    inputs: list[Path] = []
    for path in paths:
        if path.is_dir():
            inputs += sorted(p for p in path.rglob("*") if p.is_file()
                             and p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES
                             and not _hidden(p.relative_to(path)) and not NOT_A_CAPTURE.match(p.name)
                             and not _in_a_bundle(p))
        else:
            inputs.append(path)
    return list(dict.fromkeys(inputs))


# A folder's notes about itself, in Markdown or plain text.
NOT_A_CAPTURE = re.compile(r"(?:readme|changelog|changes|license|licence|contributing)(?:\.[a-z]+)?$", re.IGNORECASE)


def _in_a_bundle(path: Path) -> bool:
    """A file of an article bundle that sitegen wrote (index.md beside original.txt or .html)."""
    folder = path.parent
    return (folder / "index.md").is_file() and any((folder / name).is_file() for name in ORIGINAL_NAMES)


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _run(session: _Session, inputs: list[Path], url: str | None) -> None:
    if len(inputs) >= PROGRESS_AT and stderr_is_terminal():
        with click.progressbar(inputs, label="importing", file=sys.stderr) as bar:
            reports = [session.import_one(path, url) for path in bar]
        for lines in reports:
            click.echo("\n".join(lines))
        return
    for path in inputs:
        click.echo("\n".join(session.import_one(path, url)))


class _Session:
    """Counts and slugs across the inputs of one run."""

    def __init__(self, registries, into: Path, force: bool, dry_run: bool, encoding: str, language: str = "en"):
        self.registries, self.into, self.language = registries, into, language
        self.force, self.dry_run, self.encoding = force, dry_run, encoding
        self.slugs: dict[str, Path] = {}
        self.statuses: dict[str, int] = {}
        self.problems = 0
        self.captures: ImportedCaptures | None = None  # (made when first asked)

    def import_one(self, path: Path, url: str | None) -> list[str]:
        """Import one input; returns its report lines (errors go to stderr at once)."""
        try:
            return self._import(path, url)
        except (DecodeError, NoArticle, ManifestError, OSError) as error:
            return self._problem(f"{path}: {error}")

    def _import(self, path: Path, url: str | None) -> list[str]:
        raw = path.read_bytes()
        url = url or url_for(path)
        html = path.suffix.lower() in HTML_SUFFIXES
        analysis = (analyse_html(raw, url, self.registries) if html
                    else analyse_text(raw, url, self.registries, self.encoding))
        slug = url_slug(analysis.source.url) or slugify(analysis.title) or slugify(path.stem)
        if slug in self.slugs:
            return self._problem(f"{path}: gives the slug '{slug}', as {self.slugs[slug]} does;"
                                 " give one of them a different --url")
        self.slugs[slug] = path
        # The same capture imported before into a bundle of another name (renamed since to give
        # the article another address, or given another --url now): a second bundle would
        # publish the story twice.
        if self.captures is None:
            self.captures = ImportedCaptures(self.into)
        before = self.captures.bundles_of(raw)
        if before and self.into / slug not in before:
            self.statuses["already imported"] = self.statuses.get("already imported", 0) + 1
            said = "as" if before[0].exists() else "earlier in this run, as"
            return [f"{path}: already imported, {said} {before[0]}; nothing written (a bundle's folder name is its "
                    "address: rename that folder to move the article)"]
        files = bundle_files(analysis, raw, original_name(path, html), self.language)
        outcome = write_bundle(self.into / slug, files, path.name, force=self.force,
                               dry_run=self.dry_run)
        self._count(outcome)
        if outcome.status == "created":
            self.captures.add(raw, self.into / slug)
        report = describe(str(path), str(self.into / slug), analysis, outcome, located=not html,
                          site_language=self.language)
        if outcome.status == "refused":
            self._problem(f"{self.into / slug}: {outcome.message}")
        return report

    def _count(self, outcome: Outcome) -> None:
        status = outcome.status
        if self.dry_run and status in ("created", "updated"):
            status = f"to be {status}"
        self.statuses[status] = self.statuses.get(status, 0) + 1

    def _problem(self, message: str) -> list[str]:
        click.echo(message, err=True)
        self.problems += 1
        return []

    def summary(self) -> str:
        counts = ", ".join(f"{n} {status}" for status, n in sorted(self.statuses.items()))
        tail = f"; {self.problems} with problems" if self.problems else ""
        dry = " (dry run: nothing written)" if self.dry_run else ""
        return f"sitegen import: {counts or 'nothing imported'}{tail}{dry}"
