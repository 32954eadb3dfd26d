"""The four libraries alone: a bare loop that publishes a generated archive with none of sitegen.

Issue 5 sets its targets against Hugo and Pelican, and quotes what a bare single-process loop
of markdown-it-py, Jinja2, PyYAML and Pygments costs on a simpler archive. This is that loop
on the archive the benchmark generates (``generate.py``), so the three can be set side by side
with sitegen in one run (``run.py --compare bare``): what the libraries cost before any of
the work sitegen does on top of them.

One process, no cache, and only what such a loop needs to write a readable site:

- each published article: its front matter read with PyYAML (libyaml's parser), its body with
  markdown-it-py's CommonMark and tables, fenced code highlighted by Pygments, its reader
  comments (threaded) from ``comments.yaml``; one page from one Jinja2 template;
- one page per person and per topic, and one archive page, each listing every article (no
  pagination).

Not done, all of which sitegen does: CriticMarkup, attribute spans, footnotes and first
mentions (they stay text), annotations and their lists, the registries' names, citations,
feeds, the original text, timelines and quote pages, paginated listings, a sitemap, checking
anything, an atomic swap of the output, and parallel workers.

    python3 benchmarks/bare_loop.py ARCHIVE OUTPUT
"""

from __future__ import annotations

import argparse
import collections
import sys
from functools import lru_cache
from pathlib import Path

import jinja2
import yaml
from markdown_it import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

LOADER = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader

ENVIRONMENT = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
ARTICLE = ENVIRONMENT.from_string("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body>
<h1>{{ title }}</h1>
<p>{{ date }}{% for slug in people %} · <a href="/people/{{ slug }}/">{{ slug }}</a>{% endfor %}</p>
<p>{% for slug in topics %}<a href="/topics/{{ slug }}/">{{ slug }}</a> {% endfor %}</p>
{{ body | safe }}
{% if comments %}
<ol>
{% for comment in comments recursive %}
<li><p><b>{{ comment.author or "Anonymous" }}</b> {{ comment.date or "" }}</p><p>{{ comment.text }}</p>
{% if comment.replies %}<ol>{{ loop(comment.replies) }}</ol>{% endif %}</li>
{% endfor %}
</ol>
{% endif %}
</body></html>
""")
LISTING = ENVIRONMENT.from_string("""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body>
<h1>{{ title }}</h1>
<ul>
{% for article in articles %}
<li><a href="/articles/{{ article.slug }}/">{{ article.title }}</a> {{ article.date }}</li>
{% endfor %}
</ul>
</body></html>
""")

FORMATTER = HtmlFormatter(nowrap=True)


@lru_cache(maxsize=64)
def _lexer(language: str):
    try:
        return get_lexer_by_name(language)
    except ClassNotFound:
        return None


def _highlight(code: str, language: str, _attributes: str) -> str:
    lexer = _lexer(language) if language else None
    if lexer is None:
        return ""  # markdown-it escapes the code itself
    # Starting with <pre, it is used as it is (markdown-it wraps anything else in <pre><code>).
    return f'<pre class="highlight"><code>{highlight(code, lexer, FORMATTER)}</code></pre>\n'


MARKDOWN = MarkdownIt("commonmark", {"highlight": _highlight}).enable("table")


def _slug_of(person) -> str:
    """People are ``{id: slug, role: ...}``, ``{name: ...}`` or a bare name."""
    if isinstance(person, dict):
        return str(person.get("id") or person.get("name") or "")
    return str(person)


def build(archive: Path, output: Path) -> tuple[int, int]:
    """Publish the archive into ``output``; (articles, pages) written."""
    people, topics = collections.defaultdict(list), collections.defaultdict(list)
    listed = []
    for index in sorted((archive / "content" / "articles").glob("*/index.md")):
        _, front_text, body = index.read_text(encoding="utf-8").split("---\n", 2)
        front = yaml.load(front_text, Loader=LOADER) or {}
        if front.get("draft"):
            continue
        comments_file = index.with_name("comments.yaml")
        thread = yaml.load(comments_file.read_text(encoding="utf-8"), Loader=LOADER) if comments_file.exists() else None
        article = {"slug": index.parent.name, "title": front.get("title", ""), "date": front.get("date") or ""}
        article_people = [_slug_of(p) for p in front.get("people") or []]
        article_topics = [str(t) for t in front.get("topics") or []]
        for slug in article_people:
            people[slug].append(article)
        for slug in article_topics:
            topics[slug].append(article)
        listed.append(article)
        page = ARTICLE.render(article, people=article_people, topics=article_topics, body=MARKDOWN.render(body),
                              comments=(thread or {}).get("comments") or [])
        _write(output / "articles" / article["slug"] / "index.html", page)
    for folder, groups in (("people", people), ("topics", topics)):
        for slug, articles in sorted(groups.items()):
            _write(output / folder / slug / "index.html", LISTING.render(title=slug, articles=articles))
    _write(output / "index.html", LISTING.render(title="Archive", articles=listed))
    return len(listed), len(listed) + len(people) + len(topics) + 1


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Publish a generated archive with the four libraries alone.")
    parser.add_argument("archive", type=Path, help="a site made by generate.py")
    parser.add_argument("output", type=Path, help="where the pages go")
    args = parser.parse_args(argv)
    articles, pages = build(args.archive, args.output)
    print(f"{articles} articles, {pages} pages written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
