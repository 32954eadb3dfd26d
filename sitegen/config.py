"""Site configuration: every setting declared once, with its type, default and meaning.

The build works with no ``sitegen.yaml`` at all. Unknown keys are errors, because a misspelt
setting that is silently ignored costs the user an afternoon.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .diagnostics import Diagnostics, Location, did_you_mean
from .languages import BOOLEAN_LANGUAGE, normal_tag, not_a_tag
from .paths import is_inside
from .yamlfile import YamlSyntaxError, parse_yaml

CONFIG_FILE = "sitegen.yaml"


@dataclass(frozen=True, slots=True)
class Config:
    title: str = "News Archive"
    "The site's name, shown in the header and feeds."
    description: str = "An annotated news archive."
    "One sentence about the archive."
    base_url: str = "/"
    "Where the site is served, e.g. https://user.github.io/repo/; its path prefixes every link."
    language: str = "en"
    "The site's language tag: every page's lang, and every article's that does not give its own."
    theme: str = "default"
    "Theme folder name under themes/; the built-in default theme fills in what it lacks."
    pagination: int = 50
    "Entries per listing page (archive, person, topic, and the lists of annotations)."
    annotation_excerpt: int = 5
    ("How many entries of a long list a page shows before its link to the whole list: quotes and reports on a person's page, "
     "fact-checks and notes on a topic's page, fact-checks and corrections on annotations/.")
    permalink: str = "articles/{slug}/"
    "Article URL pattern; placeholders {slug}, {year}, {month}, {day}."

    # Set from the command line, not the file.
    root: Path = field(default=Path("."), metadata={"cli": True})
    output_dir: Path = field(default=Path("public"), metadata={"cli": True})
    drafts: bool = field(default=False, metadata={"cli": True})

    @property
    def base_path(self) -> str:
        """The path part of base_url, always starting and ending with '/'."""
        path = urlsplit(self.base_url).path or "/"
        return "/" + path.strip("/") + "/" if path.strip("/") else "/"

    @property
    def site_origin(self) -> str:
        """scheme://host of base_url, or '' when only a path is configured."""
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""

    @property
    def content_dir(self) -> Path:
        return self.root / "content"


FILE_KEYS = [f for f in dataclasses.fields(Config) if not f.metadata.get("cli")]
PERMALINK_FIELDS = {"slug", "year", "month", "day"}


def is_site(folder: Path) -> bool:
    """Whether ``folder`` holds a site: its content/ (a site with no articles yet still has it)."""
    return (folder / "content").is_dir()


def site_above(folder: Path) -> Path | None:
    """The nearest folder above ``folder`` that holds a site (its content/, and its sitegen.yaml
    or content/articles/), or None: where the user most likely meant to run sitegen, having
    gone down into content/ or an article's folder to look at it."""
    for parent in Path(os.path.abspath(folder)).parents:
        if is_site(parent) and ((parent / CONFIG_FILE).is_file() or (parent / "content" / "articles").is_dir()):
            return parent
    return None


def run_in_site_hint(folder: Path) -> str:
    """What to do when sitegen is run in ``folder``, which holds no site."""
    above = site_above(folder)
    if above is None:
        return "run sitegen where the site's sitegen.yaml and content/ are, pass --source DIR, or start one with sitegen init DIR"
    try:
        where = os.path.relpath(above)
    except ValueError:  # (on Windows, a folder on another drive than the one the user stands on)
        where = str(above)
    return f"run sitegen in {where}, the site's folder, or pass --source {where}"


def load_config(root: Path, diags: Diagnostics, **overrides) -> Config:
    """Read ``sitegen.yaml`` (if any), then apply command-line overrides (None = not given)."""
    values: dict = {}
    lines: dict = {}
    path = root / CONFIG_FILE
    if path.is_file() and not is_inside(path, root):
        diags.error(Location(path), "is a link to a file outside the site folder; refusing to read it")
    elif path.is_file():
        values = _read_config_file(path, diags, lines)
    values.update({k: v for k, v in overrides.items() if v is not None})
    if "language" in values:
        _normalise_language(values, Location(path, lines.get("language")), diags)
    config = Config(root=root, **values)
    from_command_line = overrides.get("base_url") is not None
    _check_base_url(config.base_url, None if from_command_line else Location(path, lines.get("base_url")),
                    "--base-url" if from_command_line else "base_url", diags)
    _check_permalink(config, Location(path, lines.get("permalink")), diags)
    _check_theme(config, Location(path, lines.get("theme")), diags)
    return config


def _read_config_file(path: Path, diags: Diagnostics, lines: dict) -> dict:
    try:
        doc = parse_yaml(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        diags.error(Location(path), f"not UTF-8 text (byte {exc.start})")
        return {}
    except YamlSyntaxError as exc:
        diags.error(Location(path, exc.line), str(exc))
        return {}
    if doc.data is None:
        return {}
    if not isinstance(doc.data, dict):
        diags.error(Location(path, 1), "the configuration must be a mapping of settings")
        return {}
    known = {f.name: f for f in FILE_KEYS}
    values = {}
    for key, value in doc.data.items():
        where = Location(path, doc.line_of(key))
        lines[key] = where.line
        spec = known.get(key)
        if spec is None:
            diags.error(where, f"unknown setting '{key}'{did_you_mean(key, known)}")
            continue
        expected = int if spec.type in ("int", int) else str
        if key == "language" and isinstance(value, bool):
            diags.error(where, f"language: {BOOLEAN_LANGUAGE}")
        elif expected is int and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
            diags.error(where, f"{key}: expected a whole number of at least 1, got {value!r}")
        elif expected is str and not isinstance(value, str):
            diags.error(where, f"{key}: expected text, got {value!r}")
        else:
            values[key] = value
    return values


def _normalise_language(values: dict, where: Location, diags: Diagnostics) -> None:
    """The site's language tag in its usual case ("en-gb" -> "en-GB"): it is every page's lang,
    which browsers and screen readers read, and what an article's own language is told from."""
    tag = normal_tag(values["language"])
    if tag is None:
        diags.error(where, f"language: {not_a_tag(values['language'])}")
        del values["language"]
    else:
        values["language"] = tag


def _check_theme(config: Config, where: Location, diags: Diagnostics) -> None:
    """A theme is a folder name under themes/: never a path that could lead out of the site."""
    import re

    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", config.theme) or ".." in config.theme:
        diags.error(where, f"theme: '{config.theme}' must be the name of a folder in themes/ (letters, digits, '-', '_')")
    elif config.theme != "default" and not (config.root / "themes" / config.theme).is_dir():
        diags.error(where, f"theme: no folder themes/{config.theme}/ in the site")


def _check_base_url(base_url: str, where: Location | None, name: str, diags: Diagnostics) -> None:
    problem = base_url_problem(base_url)
    if problem:
        diags.error(where, f"{name}: {problem}")


def base_url_problem(base_url: str) -> str | None:
    """What is wrong with a base URL, if anything. It is a web address
    (https://user.github.io/repo/) or a path from the host's root (/repo/). Anything else would
    prefix every link with it: 'user.github.io/repo/' (the scheme left out) makes
    '/user.github.io/repo/static/style.css', and every page of the site breaks."""
    parts = urlsplit(base_url)
    if parts.scheme:
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return f"'{base_url}' is not a web address (expected e.g. https://user.github.io/repo/)"
    elif base_url and not base_url.startswith("/"):
        return f"'{base_url}' is neither a web address nor a path starting with '/' (did you mean 'https://{base_url}'?)"
    return None


def base_url_option(ctx, param, value: str | None) -> str | None:
    """Click callback of the commands' --base-url: a bad value is a usage error (exit 2)."""
    import click

    problem = value is not None and base_url_problem(value)
    if problem:
        raise click.BadParameter(problem)
    return value


def _check_permalink(config: Config, where: Location, diags: Diagnostics) -> None:
    import string

    try:
        names = {name for _, name, _, _ in string.Formatter().parse(config.permalink) if name is not None}
    except ValueError as exc:
        diags.error(where, f"permalink: {exc}")
        return
    unknown = names - PERMALINK_FIELDS
    if unknown:
        diags.error(where, f"permalink: unknown placeholder {{{sorted(unknown)[0]}}} (use {{slug}}, {{year}}, {{month}}, {{day}})")
    elif "slug" not in names:
        diags.error(where, "permalink: must contain {slug} so that every article gets its own page")
    elif ".." in config.permalink.split("/") or config.permalink.startswith("/"):
        diags.error(where, "permalink: must be a relative path inside the site")
    elif not config.permalink.endswith("/") and "." not in config.permalink.rsplit("/", 1)[-1]:
        # A page file with no extension is served as a download, and is where its bundle's
        # files would need a folder of the same name.
        diags.error(where, f"permalink: '{config.permalink}' must end in '/' (a folder for each article, as in "
                           f"'{config.permalink}/') or in a file name with an extension (as in '{config.permalink}.html')")
