"""``sitegen init``, ``sitegen new`` and ``sitegen theme``: start an archive, an article, a
theme of the site's own.

``init`` copies ``scaffold_template/`` (package data, so an installed wheel has it too): a
configuration, an example article that shows every kind of annotation with its comments and
raw capture, people and topics registries, and the GitHub Pages workflow. ``new article``
writes a bundle with its front matter filled in. ``theme copy`` copies the built-in theme's
files into the site, to be changed there. None ever replaces an existing file.
"""

from __future__ import annotations

import datetime
import importlib.metadata
import json
import shutil
from pathlib import Path

import click
import yaml

from .config import CONFIG_FILE, is_site, load_config, run_in_site_hint
from .diagnostics import Diagnostics
from .model import PartialDate
from .render.theme import default_theme_dir
from .render.urls import SITE_SECTIONS
from .slugs import slug_problem, slugify

TEMPLATE_DIR = Path(__file__).parent / "scaffold_template"
# Hidden files are stored as "dot-name": packaging tools may leave files starting with a dot out.
DOT_PREFIX = "dot-"
MAX_SLUG = 80  # as `sitegen import` does: long headlines make unwieldy URLs
REQUIREMENTS_FILE = "requirements.txt"


class ScaffoldError(Exception):
    pass


def init_site(target: Path) -> list[Path]:
    """Write a new archive into ``target`` (absent or empty); returns the files written."""
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise ScaffoldError(f"{target}: exists and is not a folder")
    # (a fresh clone of an empty repository holds only .git: as good as empty)
    if target.is_dir() and any(entry.name != ".git" for entry in target.iterdir()):
        raise ScaffoldError(f"{target}: not empty; sitegen init only writes into a new or empty folder "
                            "(or a fresh clone of an empty repository)")
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(TEMPLATE_DIR.rglob("*")):
        rel = source.relative_to(TEMPLATE_DIR)
        if not source.is_file() or "__pycache__" in rel.parts:
            continue
        destination = target.joinpath(*(_undot(part) for part in rel.parts))
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
        written.append(destination)
    requirements = target / REQUIREMENTS_FILE
    requirements.write_text(requirements_text(installed_requirement()), encoding="utf-8")
    written.append(requirements)
    return written


def _undot(name: str) -> str:
    return "." + name[len(DOT_PREFIX):] if name.startswith(DOT_PREFIX) else name


def installed_requirement() -> str | None:
    """How pip could install the running sitegen again, from anywhere; None when it cannot tell."""
    try:
        dist = importlib.metadata.distribution("sitegen")
    except importlib.metadata.PackageNotFoundError:
        return None
    raw = dist.read_text("direct_url.json")
    return requirement_from(json.loads(raw) if raw else None, dist.version)


def requirement_from(direct_url: dict | None, version: str) -> str | None:
    """A requirement line from pip's record of where a package came from (PEP 610).

    No record means it came from a package index. A local folder or file is no use to CI, and
    neither is a guess: the name "sitegen" on PyPI belongs to an unrelated project, so a bare
    ``sitegen`` would install the wrong thing.
    """
    if direct_url is None:
        return f"sitegen=={version}"
    url = direct_url.get("url", "")
    vcs = direct_url.get("vcs_info")
    if vcs and not url.startswith("file:"):
        commit = vcs.get("commit_id") or vcs.get("requested_revision")
        return f"sitegen @ {vcs['vcs']}+{url}" + (f"@{commit}" if commit else "")
    if "archive_info" in direct_url and url.startswith(("https://", "http://")):
        return f"sitegen @ {url}"
    return None


def requirements_text(requirement: str | None) -> str:
    head = "# What GitHub Actions installs to build the site (.github/workflows/pages.yml).\n"
    if requirement:
        return head + requirement + "\n"
    return head + (
        "# sitegen init could not tell where this copy of sitegen came from (it was installed from a\n"
        "# folder on one computer). Add a line pip can install from anywhere, for example:\n"
        "#   sitegen @ git+https://github.com/OWNER/REPOSITORY@TAG\n"
    )


def new_article(root: Path, title: str, date: PartialDate | None = None, slug: str | None = None,
                draft: bool = False) -> Path:
    """Create ``content/articles/<slug>/index.md``; returns its path. Never replaces a bundle."""
    root = Path(root)
    slug = _new_slug(root, title, slug)
    folder = root / "content" / "articles" / slug
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir()  # fails if anything is there: the one check that cannot race
    except FileExistsError:
        raise ScaffoldError(f"{folder}: already exists; choose another --slug") from None
    index = folder / "index.md"
    index.write_text(article_text(title.strip(), date, draft), encoding="utf-8")
    return index


def new_page(root: Path, title: str, slug: str | None = None, menu: int | None = None, draft: bool = False) -> Path:
    """Create ``content/pages/<slug>.md``; returns its path. Never replaces a page."""
    root = Path(root)
    slug = _new_slug(root, title, slug)
    if slug in SITE_SECTIONS:
        raise ScaffoldError(f"/{slug}/ is the site's own ({SITE_SECTIONS[slug]}); choose another --slug")
    pages = root / "content" / "pages"
    if (pages / slug).exists():
        raise ScaffoldError(f"{pages / slug}: already exists; choose another --slug")
    pages.mkdir(parents=True, exist_ok=True)
    path = pages / f"{slug}.md"
    front = {"title": title.strip(), **({"menu": menu} if menu is not None else {}), **({"draft": True} if draft else {})}
    try:
        with path.open("x", encoding="utf-8") as file:  # ("x": fails if anything is there, without a race)
            file.write("\n".join([
                "---", yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000).rstrip("\n"),
                "# description: One sentence for search engines and link previews.",
                *([] if menu is not None else ["# menu: 1                   # link it in the navigation, 1 before 2"]),
                "---",
                "Write the page in Markdown; docs/content-format.md (Pages) says what it can hold.", ""]))
    except FileExistsError:
        raise ScaffoldError(f"{path}: already exists; choose another --slug") from None
    return path


def _new_slug(root: Path, title: str, slug: str | None) -> str:
    """The slug of new content in the site at ``root``: given, or made from the title."""
    if not (root / "content").is_dir() and not (root / CONFIG_FILE).is_file():
        raise ScaffoldError(f"{root}: not a site folder (no content/ or {CONFIG_FILE}) ({run_in_site_hint(root)})")
    if not title.strip():
        raise ScaffoldError("the title is empty")
    slug = slug if slug is not None else article_slug(title)
    problem = slug_problem(slug)
    if problem:
        raise ScaffoldError(f"slug '{slug}' {problem}; choose one with --slug")
    return slug


def article_slug(title: str) -> str:
    slug = slugify(title)
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


def article_text(title: str, date: PartialDate | None, draft: bool) -> str:
    # The title goes through the YAML dumper: a headline may hold ':', '#' or quotes.
    lines = ["---", yaml.safe_dump({"title": title}, allow_unicode=True, width=10_000).rstrip("\n")]
    if date:
        lines += [f"date: {date.iso()}", "date_origin: editor"]
    if draft:
        lines.append("draft: true")
    lines += [
        "# Fill in what you know and delete the rest; docs/content-format.md describes every key.",
        *([] if date else ["# date: YYYY-MM-DD          # when it was published; leave it out when unknown"]),
        "# dateline: City",
        '# source: {name: Publisher, site: Publisher.com, url: "https://..."}',
        "# reporters: [Reporter Name]",
        "# people: [Person Name, {name: Other Person, role: their role in this story}]",
        "# topics: [topic-slug]",
        "# summary: One or two sentences for listings and feeds.",
        "---",
        "Paste the article text here, exactly as published, then annotate it: notes, corrections,",
        "fact-checks, quotes and mentions are described in docs/annotations.md.",
        "",
    ]
    return "\n".join(lines)


def parse_date(text: str | None) -> PartialDate | None:
    if text is None:
        return None
    if text == "today":
        return PartialDate.parse(datetime.date.today().isoformat())
    return PartialDate.parse(text)


@click.command("init")
@click.argument("directory", type=click.Path(path_type=Path))
def init_command(directory: Path) -> None:
    """Start a new archive in DIRECTORY (new or empty).

    It holds a configuration, an example article with annotations of every kind and reader
    comments, people and topics registries, and a GitHub Pages workflow. It builds at once.
    """
    try:
        written = init_site(directory)
    except ScaffoldError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"sitegen: created an archive in {directory} ({len(written)} files)")
    if installed_requirement() is None:
        click.echo(f"sitegen: warning: edit {directory / REQUIREMENTS_FILE} to say where GitHub Actions "
                   "can install sitegen from", err=True)
    here = Path(directory).resolve() == Path.cwd().resolve()
    click.echo("Next: sitegen serve" if here else f"Next: cd {directory} && sitegen serve")


# New content starts as a draft, as Hugo's does: its placeholder text is not published by the
# next build (or the next push, in the Pages workflow) before it has been written.
DRAFT_HELP = "Mark it draft: true, built only with --drafts (and shown by sitegen serve --drafts) until that line goes."


def _created(path: Path, draft: bool) -> str:
    return f"sitegen: created {path}" + (" (a draft: delete its line 'draft: true' to publish it)" if draft else "")


# The option of every command here that works in a site: where the site is.
SITE_FOLDER = click.option("--source", "-s", "source", type=click.Path(file_okay=False, path_type=Path),
                           default=Path("."), show_default=True, help="The site folder.")


@click.group("new")
def new_command() -> None:
    """Start a new piece of content."""


@new_command.command("article")
@click.argument("title")
@click.option("--date", "date_text", metavar="DATE", default=None,
              help="Publication date: YYYY, YYYY-MM, YYYY-MM-DD or 'today'. Left out when not given: "
                   "an article's date is when it was published, never guessed.")
@click.option("--slug", default=None, help="The folder and URL name. [default: made from the title]")
@click.option("--draft/--no-draft", default=True, show_default=True, help=DRAFT_HELP)
@SITE_FOLDER
def new_article_command(title: str, date_text: str | None, slug: str | None, draft: bool, source: Path) -> None:
    """Create content/articles/<slug>/index.md for an article titled TITLE."""
    try:
        date = parse_date(date_text)
    except ValueError as exc:
        raise click.BadParameter(f"'{date_text}': {exc}", param_hint="--date") from None
    try:
        index = new_article(source, title, date, slug, draft)
    except ScaffoldError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(_created(index, draft))


@new_command.command("page")
@click.argument("title")
@click.option("--slug", default=None, help="The file and URL name (/<slug>/). [default: made from the title]")
@click.option("--menu", type=int, default=None, metavar="N",
              help="Link it in the site's navigation, in this place (1 before 2).")
@click.option("--draft/--no-draft", default=True, show_default=True, help=DRAFT_HELP)
@SITE_FOLDER
def new_page_command(title: str, slug: str | None, menu: int | None, draft: bool, source: Path) -> None:
    """Create content/pages/<slug>.md, a standalone page (About, a corrections policy) titled TITLE."""
    try:
        path = new_page(source, title, slug, menu, draft)
    except ScaffoldError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(_created(path, draft))


@click.group("theme")
def theme_command() -> None:
    """The built-in theme's files, and copies of them in the site to change."""


@theme_command.command("list")
@SITE_FOLDER
def theme_list_command(source: Path) -> None:
    """List the built-in theme's templates and static files, and which the site has copied."""
    builtin, own = _theme_folders(source, site_needed=False)
    for name in _theme_files(builtin):
        copied = own is not None and (own / name).is_file()
        click.echo(f"{name}" + (f"  (the site's own: {own / name})" if copied else ""))


@theme_command.command("copy")
@click.argument("names", nargs=-1, required=True)
@SITE_FOLDER
def theme_copy_command(names: tuple[str, ...], source: Path) -> None:
    """Copy built-in theme files (article.html, partials/head_meta.html, style.css) into the
    site's theme folder, to be edited there; never replaces a file the site has."""
    builtin, own = _theme_folders(source)
    files = _theme_files(builtin)
    chosen = []
    for name in names:  # (all looked at before any is copied: a mistake copies nothing)
        found = [f for f in files if f == name or f in (f"templates/{name}", f"static/{name}")]
        if not found:
            raise click.UsageError(f"'{name}' is no file of the built-in theme (sitegen theme list names them)")
        if (own / found[0]).exists():
            raise click.UsageError(f"{own / found[0]}: already there; not replaced (edit it, or delete it to copy it again)")
        chosen.append(found[0])
    for name in dict.fromkeys(chosen):
        (own / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(builtin / name, own / name)
        click.echo(f"sitegen: copied {name} to {own / name}")


def _theme_folders(source: Path, site_needed: bool = True) -> tuple[Path, Path | None]:
    """The built-in theme's folder, and the site's own folder of the theme it uses (None
    outside a site, where only the built-in theme's files can be listed)."""
    if not is_site(source):
        if site_needed:
            raise click.UsageError(f"{source}: not a site folder (no content/) ({run_in_site_hint(source)})")
        return default_theme_dir(), None
    return default_theme_dir(), source / "themes" / load_config(source.resolve(), Diagnostics()).theme


def _theme_files(builtin: Path) -> list[str]:
    return sorted(p.relative_to(builtin).as_posix() for p in builtin.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)
