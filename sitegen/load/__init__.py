"""Load stage: ``content/`` -> ``Site``.

Registries first, then every article's front matter, so that all people and topics of the
archive are known before bodies are rendered and their references checked.
"""

from __future__ import annotations

from pathlib import Path

from ..config import Config
from ..diagnostics import Diagnostics, Location
from ..markup import BodyContext, create_markdown
from ..model import Person, PersonRole, Reporter, Site, Topic
from ..slugs import slug_problem
from .articles import INDEX_FILE, ArticleHeader, NameRef, finish_article, person_slug_for, read_header
from .files import is_inside, visible_entries
from .registries import NameIndex, load_people, load_topics

__all__ = ["load_site", "find_bundles"]


def load_site(config: Config, diags: Diagnostics, urls) -> Site:
    content = config.content_dir
    people = load_people(content, diags)
    topics = load_topics(content, diags)
    root = config.root
    headers = [h for h in (read_header(folder, diags, root) for folder in find_bundles(content / "articles", diags)) if h]
    if not config.drafts:
        headers = [h for h in headers if not h.values.get("draft")]

    people_finder, topic_finder = NameIndex.build(people), NameIndex.build(topics)
    resolved = {h.slug: _resolve_names(h, people, topics, people_finder, topic_finder, diags) for h in headers}

    md = create_markdown()
    person_names = {slug: p.name for slug, p in people.items()}
    topic_names = {slug: t.name for slug, t in topics.items()}
    articles = []
    for header in headers:
        roles, reporters, topic_slugs = resolved[header.slug]
        context = BodyContext(
            person_url=urls.person, topic_url=urls.topic, person_names=person_names, topic_names=topic_names,
            auto_link_names=_auto_link_names([r.slug for r in roles] + [r.slug for r in reporters], people),
        )
        articles.append(finish_article(header, roles, reporters, topic_slugs, md, context, diags, root))
    articles.sort(key=lambda a: a.sort_key)
    return Site(tuple(articles), dict(sorted(people.items())), dict(sorted(topics.items())))


def find_bundles(articles_dir: Path, diags: Diagnostics) -> list[Path]:
    """Every folder holding an ``index.md`` below ``content/articles`` (grouping folders allowed).

    The slug is the bundle folder's own name, so two bundles with the same name in different
    grouping folders would collide on one URL: that is an error naming both.
    """
    if not articles_dir.is_dir():
        return []
    found: dict[str, Path] = {}
    stack = [articles_dir]
    while stack:
        folder = stack.pop()
        for entry in visible_entries(folder):
            if not entry.is_dir():
                continue
            if not is_inside(entry, articles_dir):
                diags.error(Location(entry), "is a link to a folder outside content/articles; refusing to read it")
                continue
            if not (entry / INDEX_FILE).exists():
                stack.append(entry)
                continue
            problem = slug_problem(entry.name)
            if problem:
                diags.error(Location(entry / INDEX_FILE), f"article folder name '{entry.name}' {problem}")
            elif entry.name in found:
                diags.error(Location(entry / INDEX_FILE), f"duplicate slug '{entry.name}': also used by {found[entry.name] / INDEX_FILE}")
            else:
                found[entry.name] = entry
    return [found[slug] for slug in sorted(found)]


def _resolve_names(header: ArticleHeader, people: dict, topics: dict, people_finder, topic_finder, diags):
    """Match front matter names to registry entries; unknown names become new, unregistered entries."""
    roles: list[PersonRole] = []
    for ref in header.people:
        slug = _person(ref, people, people_finder, diags, header)
        if slug and all(r.slug != slug for r in roles):
            roles.append(PersonRole(slug, ref.role))
    reporters: list[Reporter] = []
    for ref in header.reporters:
        slug = _person(ref, people, people_finder, diags, header)
        if slug and all(r.slug != slug for r in reporters):
            reporters.append(Reporter(slug, ref.role))
    topic_slugs: list[str] = []
    for ref in header.topics:
        slug = person_slug_for(ref, topic_finder.find, diags, header.index_path)
        if slug and slug not in topics:
            topics[slug] = Topic(slug, ref.name)
        if slug and slug not in topic_slugs:
            topic_slugs.append(slug)
    return roles, reporters, topic_slugs


def _person(ref: NameRef, people: dict, finder, diags, header) -> str | None:
    slug = person_slug_for(ref, finder.find, diags, header.index_path)
    if slug and slug not in people:
        people[slug] = Person(slug, ref.name)
    return slug


def _auto_link_names(slugs: list[str], people: dict[str, Person]) -> tuple[tuple[str, str], ...]:
    names = {}
    for slug in slugs:
        person = people[slug]
        for name in (person.name, *person.aliases):
            names.setdefault(name, slug)
    # Longest first, so "Donald Trump" is preferred over the alias "Trump" at the same spot.
    return tuple(sorted(names.items(), key=lambda item: (-len(item[0]), item[0])))
