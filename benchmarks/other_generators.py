"""The same archive as a Hugo site and as a Pelican site, to time them side by side with sitegen
(and, for ``bare_loop.py``, the archive as it is).

Issue 5 compares sitegen with Hugo and Pelican on one machine in one run. Figures measured
on another archive, or on another day, do not compare: these machines' speed varies by half
from one stretch to the next, and the bodies of ``generate.py`` carry annotation markup that
takes longer to parse than plain prose.

Each site is what such a comparison usually means (and what the reference figures in the
issue measured): every article's page, with its title, date, summary, people and topics and
the body rendered from the same Markdown, and one page per person and per topic listing their
articles, with the generator's own defaults for the rest (feeds, sitemap, archives) but
feeds of at most 50 entries, as sitegen's: by default both put every article of the archive
in the site's feed and every article of a person or topic in theirs. They do
less than sitegen: CriticMarkup and attribute spans stay text to their Markdown renderers,
comments and the original text are not published, and there are no timelines, quotes or
annotation lists. Listings are paginated as sitegen's (50 articles a page). So a ratio
against them flatters them in what they publish. One thing costs Hugo more than it could: an
article page names its people and topics through ``.GetTerms``, Hugo's documented way to get
a term's title, which at 10,000 articles is about half of Hugo's CPU time; a theme that
links terms by slug without their names builds in about half the time (benchmarks/RESULTS.md).

    python3 benchmarks/other_generators.py hugo benchmarks/.work/sites/n1000-seed1 /tmp/hugo-1000
    hugo --quiet --source /tmp/hugo-1000 --destination /tmp/hugo-1000-public
    python3 benchmarks/other_generators.py pelican benchmarks/.work/sites/n1000-seed1 /tmp/pelican-1000
    cd /tmp/pelican-1000 && pelican content -s pelicanconf.py -o /tmp/pelican-1000-public -q
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from harness import BASE_URL


@dataclass(frozen=True, slots=True)
class Entry:
    slug: str
    title: str
    date: str  # YYYY-MM-DD, or "" when the archive gives less than a whole date
    summary: str
    people: list[str]  # registry slugs, or names where the front matter gives no id
    topics: list[str]  # registry slugs
    body: str


def read_archive(archive: Path) -> tuple[list[Entry], dict[str, str], dict[str, str]]:
    """The published articles of a sitegen archive, and the names of its registry's people
    and topics by slug."""
    content = archive / "content"
    names = {registry: {entry.stem: (yaml.safe_load(entry.read_text(encoding="utf-8")) or {}).get("name", entry.stem)
                        for entry in sorted((content / registry).glob("*.yaml"))}
             for registry in ("people", "topics")}
    entries = []
    for index in sorted((content / "articles").glob("*/index.md")):
        _, front_text, body = index.read_text(encoding="utf-8").split("---\n", 2)
        front = yaml.safe_load(front_text) or {}
        if front.get("draft"):
            continue
        date = str(front.get("date") or "")
        entries.append(Entry(index.parent.name, str(front.get("title", "")), date if len(date) == 10 else "",
                             str(front.get("summary", "")), [_person(p) for p in front.get("people") or []],
                             [str(t) for t in front.get("topics") or []], body))
    return entries, names["people"], names["topics"]


def _person(entry) -> str:
    """A registry slug; a bare name (``- Jane Doe`` or ``{name: …}``) as it is."""
    return str(entry) if not isinstance(entry, dict) else str(entry.get("id") or entry.get("name"))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- Hugo

HUGO_CONFIG = f"""\
baseURL = "{BASE_URL}"
title = "Synthetic archive"
languageCode = "en"
rssLimit = 50
[taxonomies]
  person = "people"
  topic = "topics"
"""

# The same information a sitegen page or listing shows first: no more.
HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ .Params.summary }}{{ end }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "_default/single.html": """\
{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ with .Date }}{{ if not .IsZero }}<time datetime="{{ .Format "2006-01-02" }}">{{ .Format "January 2, 2006" }}</time>{{ end }}{{ end }}</p>
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
<ul class="people">{{ range .GetTerms "people" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<ul class="topics">{{ range .GetTerms "topics" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
<div class="body">{{ .Content }}</div></article>{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range (.Paginate .Pages 50).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Date }}{{ if not .IsZero }} <time>{{ .Format "January 2, 2006" }}</time>{{ end }}{{ end }}{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
""",
    "_default/terms.html": """\
{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",
    "index.html": """\
{{ define "main" }}<h1>{{ .Site.Title }}</h1>
<ul>{{ range first 50 (where .Site.RegularPages "Section" "articles") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
}


def hugo_site(archive: Path, target: Path) -> int:
    """Write the archive as a Hugo site into ``target`` (which must not exist yet); the number
    of articles written. People and topics are taxonomies; each registry entry gets its term
    page's title from an ``_index.md``."""
    entries, people, topics = read_archive(archive)
    target.mkdir(parents=True)
    _write(target / "hugo.toml", HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        _write(target / "layouts" / name, text)
    for section, names in (("people", people), ("topics", topics)):
        for slug, name in names.items():
            _write(target / "content" / section / slug / "_index.md", _yaml_page({"title": name}, ""))
    for entry in entries:
        front = {"title": entry.title, "summary": entry.summary, "people": entry.people, "topics": entry.topics}
        if entry.date:  # Hugo wants a whole date; sitegen's partial dates (1999, 1999-11) go undated
            front["date"] = entry.date
        _write(target / "content" / "articles" / entry.slug / "index.md", _yaml_page(front, entry.body))
    return len(entries)


def _yaml_page(front: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(front, sort_keys=True, allow_unicode=True) + "---\n" + body


# ---------------------------------------------------------------- Pelican

PELICAN_CONFIG = """\
SITENAME = "Synthetic archive"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE = (1970, 1, 1)
DEFAULT_PAGINATION = 50  # as sitegen's listings (generate.py's sitegen.yaml)
FEED_MAX_ITEMS = 50
LOAD_CONTENT_CACHE = False
# People are the articles' authors, topics their tags: a page each, listing their articles.
AUTHOR_SAVE_AS = "people/{slug}/index.html"
AUTHOR_URL = "people/{slug}/"
TAG_SAVE_AS = "topics/{slug}/index.html"
TAG_URL = "topics/{slug}/"
ARTICLE_SAVE_AS = "articles/{slug}/index.html"
ARTICLE_URL = "articles/{slug}/"
"""


def pelican_site(archive: Path, target: Path) -> int:
    """Write the archive as a Pelican site into ``target`` (which must not exist yet): Markdown
    articles with Pelican's metadata lines, people as authors and topics as tags, by name."""
    entries, people, topics = read_archive(archive)
    target.mkdir(parents=True)
    _write(target / "pelicanconf.py", PELICAN_CONFIG)
    for entry in entries:
        lines = [f"Title: {_one_line(entry.title)}", f"Slug: {entry.slug}"]
        if entry.date:
            lines.append(f"Date: {entry.date}")
        if entry.summary:
            lines.append(f"Summary: {_one_line(entry.summary)}")
        # Pelican splits these lists at commas: names holding one would become two people.
        if entry.people:
            lines.append("Authors: " + ", ".join(_one_line(people.get(p, p)).replace(",", "") for p in entry.people))
        if entry.topics:
            lines.append("Tags: " + ", ".join(_one_line(topics.get(t, t)).replace(",", "") for t in entry.topics))
        _write(target / "content" / f"{entry.slug}.md", "\n".join(lines) + "\n\n" + entry.body)
    return len(entries)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- the bare loop

def bare_site(archive: Path, target: Path) -> int:
    """The archive as ``bare_loop.py`` reads it: sitegen's own content folder, linked, not copied
    (the loop reads the same files sitegen does); the number of article bundles in it."""
    target.mkdir(parents=True)
    (target / "content").symlink_to((archive / "content").resolve(), target_is_directory=True)
    return sum(1 for _ in (archive / "content" / "articles").glob("*/index.md"))


MAKERS = {"hugo": hugo_site, "pelican": pelican_site, "bare": bare_site}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a generated sitegen archive as another generator's site.")
    parser.add_argument("generator", choices=sorted(MAKERS))
    parser.add_argument("archive", type=Path, help="a site made by generate.py")
    parser.add_argument("target", type=Path, help="the new site's folder (must not exist)")
    args = parser.parse_args(argv)
    if args.target.exists():
        parser.error(f"{args.target} exists")
    count = MAKERS[args.generator](args.archive, args.target)
    print(f"{count} articles written to {args.target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
