"""Generate a synthetic sitegen archive of N articles, deterministically.

    python3 benchmarks/generate.py 10000 site-10k --seed 1

Writes a complete site in the real content format (docs/content-format.md): sitegen.yaml,
content/articles/<slug>/{index.md, comments.yaml, original.txt}, and the people, topics and
sources registries. Bodies are about 600 words made from the fixed lists in ``corpus.py``,
with every kind of annotation of docs/annotations.md, a fenced code block, and 0-12 threaded
comments. People and topics are drawn from Zipf distributions, so a few of them appear in a
large share of the archive, as in real news.

Same N and seed give a byte-identical tree: each article draws from its own generator seeded
with (seed, article number), and nothing depends on hash order, the clock or the machine.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

try:  # run as a script (benchmarks/ on sys.path) or imported as benchmarks.generate
    import corpus as C
    from body import ArticleRefs, Entry, Filler, Piece, article_body, slugify, title_case
except ImportError:  # pragma: no cover
    from . import corpus as C
    from .body import ArticleRefs, Entry, Filler, Piece, article_body, slugify, title_case

DEFAULT_SEED = 1
ZIPF_EXPONENT = 1.0
YEARS = (1996, 2024)  # article dates spread over these years, inclusive


# ---------------------------------------------------------------- the registry (people, topics)

@dataclass(frozen=True, slots=True)
class Registry:
    """Everyone and everything the archive can mention, in Zipf rank order (index 0 is the most common)."""

    seed: int
    people: tuple[Entry, ...]
    reporters: tuple[Entry, ...]
    topics: tuple[Entry, ...]
    people_cum: tuple[float, ...]  # cumulative Zipf weights, for random.choices
    reporters_cum: tuple[float, ...]
    topics_cum: tuple[float, ...]


def sizes_for(n: int) -> tuple[int, int, int]:
    """How many people, reporters and topics an archive of ``n`` articles has."""
    return max(40, n // 5), max(5, n // 100), max(12, n // 25)


def plan_registry(n: int, seed: int = DEFAULT_SEED) -> Registry:
    n_people, n_reporters, n_topics = sizes_for(n)
    offset = random.Random(f"registry:{seed}").randrange(1 << 30)
    people = tuple(_person(k, offset) for k in range(n_people))
    reporters = tuple(_person(n_people + k, offset) for k in range(n_reporters))
    topics = tuple(_topic(k, offset) for k in range(n_topics))
    return Registry(seed, people, reporters, topics, _zipf_cum(n_people), _zipf_cum(n_reporters), _zipf_cum(n_topics))


def _zipf_cum(count: int) -> tuple[float, ...]:
    return tuple(itertools.accumulate(1.0 / (rank ** ZIPF_EXPONENT) for rank in range(1, count + 1)))


def _person(k: int, offset: int) -> Entry:
    # A fixed permutation of first x last names, so rank order does not walk the lists in order;
    # past the product of the lists, middle initials keep every name (and so every slug) unique.
    space = len(C.FIRST_NAMES) * len(C.LAST_NAMES)
    idx = (k * 1237 + offset) % space
    first, last = C.FIRST_NAMES[idx % len(C.FIRST_NAMES)], C.LAST_NAMES[idx // len(C.FIRST_NAMES)]
    initials, extra = "", k // space
    while extra:
        extra, digit = divmod(extra - 1, len(C.INITIALS))
        initials = C.INITIALS[digit] + ". " + initials
    name = f"{first} {initials}{last}"
    return Entry(slugify(name), name)


def _topic(k: int, offset: int) -> Entry:
    space = len(C.TOPIC_ADJECTIVES) * len(C.TOPIC_NOUNS)
    idx = (k * 1231 + offset) % space
    name = f"{C.TOPIC_ADJECTIVES[idx % len(C.TOPIC_ADJECTIVES)]} {C.TOPIC_NOUNS[idx // len(C.TOPIC_ADJECTIVES)]}"
    if k >= space:
        name += f" in {C.PLACES[(k // space - 1) % len(C.PLACES)]}"
        if k >= space * (len(C.PLACES) + 1):
            name += f" {k // (space * (len(C.PLACES) + 1)) + 1}"
    return Entry(slugify(name), name)


# ---------------------------------------------------------------- one article

def _zipf_sample(rng: random.Random, entries: tuple[Entry, ...], cum: tuple[float, ...], k: int) -> tuple[Entry, ...]:
    """Up to ``k`` distinct entries; common ones are drawn often, so draw a few extra."""
    chosen: dict[str, Entry] = {}
    for idx in rng.choices(range(len(entries)), cum_weights=cum, k=k * 3):
        chosen.setdefault(entries[idx].slug, entries[idx])
        if len(chosen) == k:
            break
    return tuple(chosen.values())


def article_files(registry: Registry, number: int) -> dict[str, bytes]:
    """Every file of article ``number`` (0-based), by path relative to the site folder."""
    rng = random.Random(f"article:{registry.seed}:{number}")
    fill = Filler(rng)
    refs = ArticleRefs(
        people=_zipf_sample(rng, registry.people, registry.people_cum, rng.randint(2, 7)),
        reporters=_zipf_sample(rng, registry.reporters, registry.reporters_cum, rng.choice((1, 1, 1, 2))),
        topics=_zipf_sample(rng, registry.topics, registry.topics_cum, rng.randint(1, 5)),
    )
    title = title_case(fill.pick(C.TITLES))
    slug = "-".join(slugify(title).split("-")[:8]) + f"-{number + 1}"
    publisher = rng.choice(C.PUBLISHERS)
    place = rng.choice(C.PLACES)
    date = _date(rng)
    paragraphs = article_body(rng, fill, refs, place, publisher)
    comments = _comments(rng, fill)
    body = "\n\n".join("".join(p.markup for p in para) for para in paragraphs) + "\n"
    original = _original(title, publisher, date, refs, paragraphs, comments)
    front = _front_matter(rng, fill, title, date, place, publisher, slug, refs, hashlib.sha256(original).hexdigest())
    folder = f"content/articles/{slug}"
    files = {f"{folder}/index.md": (front + body).encode("utf-8"), f"{folder}/original.txt": original}
    if comments is not None:
        files[f"{folder}/comments.yaml"] = _comments_yaml(comments).encode("utf-8")
    return files


def _date(rng: random.Random) -> str:
    """Most articles have a full date; some only a month or a year; a few none at all."""
    year = rng.randint(*YEARS)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    kind = rng.random()
    if kind < 0.04:
        return ""
    if kind < 0.07:
        return f"{year:04d}"
    if kind < 0.12:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


# ---------------------------------------------------------------- front matter, comments, capture

_PLAIN_SCALAR = re.compile(r"[A-Za-z][A-Za-z0-9 .,'()-]*")
_PLAIN_IN_FLOW = re.compile(r"[A-Za-z][A-Za-z0-9 .'-]*")
_YAML_WORDS = {"yes", "no", "y", "n", "true", "false", "on", "off", "null"}


def _scalar(text: str, flow: bool = False) -> str:
    """A YAML scalar: plain when that is unambiguous (as an editor would write it), else quoted."""
    pattern = _PLAIN_IN_FLOW if flow else _PLAIN_SCALAR
    if pattern.fullmatch(text) and text.lower() not in _YAML_WORDS and not text.endswith((" ", ".")):
        return text
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars


def _front_matter(rng: random.Random, fill: Filler, title: str, date: str, place: str, publisher,
                  slug: str, refs: ArticleRefs, sha256: str) -> str:
    name, site, domain = publisher
    words = slug.rsplit("-", 1)[0]
    url = f"https://{domain}/{date.replace('-', '/')}/{words}/" if len(date) == 10 else f"https://{domain}/news/{slug}/"
    lines = ["---", f"title: {_scalar(title)}"]
    if rng.random() < 0.05:
        lines.append("title_derived: true")
    if date:
        lines += [f"date: {date}", f"date_origin: {rng.choice(('url', 'url', 'metadata', 'text', 'editor'))}"]
    lines += [f"dateline: {_scalar(place)}", "source:", f"  name: {_scalar(name)}", f"  site: {_scalar(site)}",
              f"  url: {json.dumps(url)}", "reporters:"]
    for reporter in refs.reporters:
        if rng.random() < 0.7:
            lines.append(f"  - {{name: {_scalar(reporter.name, True)}, station: {_scalar(rng.choice(C.STATIONS), True)}}}")
        else:
            lines.append(f"  - {_scalar(reporter.name)}")
    lines.append("people:")
    for person in refs.people:
        lines.append(f"  - {_person_ref(rng, fill, person)}")
    lines.append("topics:")
    for topic in refs.topics:
        lines.append(f"  - {topic.slug if rng.random() < 0.8 else _scalar(topic.name)}")
    lines.append(f"summary: {_scalar(fill.pick(C.SENTENCES))}")
    if rng.random() < 0.005:
        lines.append("draft: true")
    lines += ["original:", "  file: original.txt", f'  sha256: "{sha256}"', "---", ""]
    return "\n".join(lines)


def _person_ref(rng: random.Random, fill: Filler, person: Entry) -> str:
    """The three ways front matter names a person: a registry id, a plain name, a name with a role."""
    kind = rng.random()
    role = _scalar(fill.pick(C.ROLES), True)
    if kind < 0.6:
        return f"{{id: {person.slug}, role: {role}}}"
    if kind < 0.8:
        return _scalar(person.name)
    return f"{{name: {_scalar(person.name, True)}, role: {role}}}"


@dataclass(frozen=True, slots=True)
class Comment:
    id: str
    author: str | None
    date: str
    text: str
    replies: list


@dataclass(frozen=True, slots=True)
class Comments:
    reported_count: int | None
    comments: list[Comment]


def _comments(rng: random.Random, fill: Filler) -> Comments | None:
    """0-12 comments, threaded up to three levels deep; None when the bundle has no comments.yaml."""
    total = rng.randint(0, 12)
    if total == 0 and rng.random() < 0.5:
        return None
    top: list[Comment] = []
    open_threads: list[tuple[Comment, int]] = []  # (comment, depth) that may get a reply
    for _ in range(total):
        parent = rng.choice(open_threads) if open_threads and rng.random() < 0.4 else None
        siblings = parent[0].replies if parent else top
        cid = f"{parent[0].id}-{len(siblings) + 1}" if parent else f"c{len(top) + 1}"
        comment = Comment(cid, _comment_author(rng), _comment_date(rng), _comment_text(rng, fill), [])
        siblings.append(comment)
        depth = parent[1] + 1 if parent else 0
        if depth < 2:
            open_threads.append((comment, depth))
    kind = rng.random()
    reported = None if kind < 0.5 else total if kind < 0.8 else total + rng.randint(1, 4)
    return Comments(reported, top)


def _comment_author(rng: random.Random) -> str | None:
    if rng.random() < 0.3:
        return None  # anonymous on the source page
    return f"{rng.choice(C.FIRST_NAMES)} {rng.choice(C.LAST_NAMES)[:1]}."


def _comment_date(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return ""
    return f"{rng.randint(*YEARS):04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _comment_text(rng: random.Random, fill: Filler) -> str:
    paragraphs = [" ".join(fill.pick(C.COMMENT_SENTENCES) for _ in range(rng.randint(1, 3)))
                  for _ in range(1 if rng.random() < 0.8 else 2)]
    return "\n\n".join(paragraphs)


def _comments_yaml(thread: Comments) -> str:
    lines = ["# Reader comments from the captured page, separated out of the article body."]
    if thread.reported_count is not None:
        lines.append(f"reported_count: {thread.reported_count}")
    if not thread.comments:
        lines.append("comments: []")
    else:
        lines.append("comments:")
        _comment_lines(thread.comments, "  ", lines)
    return "\n".join(lines) + "\n"


def _comment_lines(comments: list[Comment], indent: str, lines: list[str]) -> None:
    for c in comments:
        lines.append(f"{indent}- id: {c.id}")
        lines.append(f"{indent}  author: {json.dumps(c.author, ensure_ascii=False) if c.author else 'null'}")
        if c.date:
            lines.append(f'{indent}  date: "{c.date}"')
        lines.append(f"{indent}  text: {json.dumps(c.text, ensure_ascii=False)}")
        if c.replies:
            lines.append(f"{indent}  replies:")
            _comment_lines(c.replies, indent + "    ", lines)


def _original(title: str, publisher, date: str, refs: ArticleRefs, paragraphs: list[list[Piece]],
              comments: Comments | None) -> bytes:
    """The raw capture: the page's text as published, without any of the archive's marks."""
    lines = [title, f"{publisher[0]} · {date or 'undated'}", "By " + " and ".join(r.name for r in refs.reporters), ""]
    lines += ["".join(p.published for p in para) + "\n" for para in paragraphs]
    if comments is not None:
        count = comments.reported_count if comments.reported_count is not None else _count(comments.comments)
        lines.append(f"Comments ({count})")
        _capture_comments(comments.comments, "", lines)
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def _count(comments: list[Comment]) -> int:
    return sum(1 + _count(c.replies) for c in comments)


def _capture_comments(comments: list[Comment], indent: str, lines: list[str]) -> None:
    for c in comments:
        lines.append(f"{indent}{c.author or 'Anonymous'}{' · ' + c.date if c.date else ''}")
        lines += [f"{indent}{line}" for line in c.text.split("\n")]
        _capture_comments(c.replies, indent + "    ", lines)


# ---------------------------------------------------------------- registries and the whole site

def registry_files(registry: Registry) -> dict[str, bytes]:
    """sitegen.yaml and the people, topics and sources registries."""
    files = {"sitegen.yaml": _site_config(len(registry.people))}
    for person in registry.people:
        files[f"content/people/{person.slug}.yaml"] = _person_entry(registry.seed, person, reporter=False)
    for reporter in registry.reporters:
        files[f"content/people/{reporter.slug}.yaml"] = _person_entry(registry.seed, reporter, reporter=True)
    slugs = [t.slug for t in registry.topics]
    for topic in registry.topics:
        files[f"content/topics/{topic.slug}.yaml"] = _topic_entry(registry.seed, topic, slugs)
    for name, site, domain in C.PUBLISHERS:
        files[f"content/sources/{slugify(name)}.yaml"] = (
            f"name: {name}\nsites: [{site}]\ndomains: [{domain}]\n").encode("utf-8")
    return dict(sorted(files.items()))


def _site_config(n_people: int) -> bytes:
    return ("# A synthetic archive made by benchmarks/generate.py: every name and article is invented.\n"
            "title: Synthetic Benchmark Archive\n"
            "description: Invented local news, generated to measure how fast sitegen builds.\n"
            "language: en\n"
            "pagination: 50\n").encode("utf-8")


def _person_entry(seed: int, person: Entry, reporter: bool) -> bytes:
    rng = random.Random(f"person:{seed}:{person.slug}")
    fill = Filler(rng)
    lines = [f"name: {_scalar(person.name)}"]
    if rng.random() < 0.3:
        lines.append(f"aliases: [{_scalar(person.name.split()[-1], True)}]")
    if reporter:
        lines.append(f"description: {_scalar('Reporter for ' + rng.choice(C.PUBLISHERS)[0])}")
    elif rng.random() < 0.7:
        lines.append(f"description: {_scalar(fill.pick(C.DESCRIPTIONS))}")
    if rng.random() < 0.4:
        lines += ["links:", f'  - {{title: Profile, url: "https://people.example.org/{person.slug}"}}']
    return ("\n".join(lines) + "\n").encode("utf-8")


def _topic_entry(seed: int, topic: Entry, slugs: list[str]) -> bytes:
    rng = random.Random(f"topic:{seed}:{topic.slug}")
    lines = [f"name: {_scalar(topic.name)}",
             f"description: {_scalar(f'Reporting on {topic.name.lower()} in the towns the archive covers.')}"]
    if rng.random() < 0.4:
        lines.append(f"aliases: [{_scalar(topic.name.lower(), True)}]")
    lines.append(f"keywords: [{', '.join(_scalar(w.lower(), True) for w in topic.name.split())}]")
    related = sorted({rng.choice(slugs) for _ in range(rng.randint(0, 2))} - {topic.slug})
    if related:
        lines.append(f"related: [{', '.join(related)}]")
    return ("\n".join(lines) + "\n").encode("utf-8")


@dataclass(frozen=True, slots=True)
class Summary:
    articles: int
    people: int
    topics: int
    files: int
    bytes: int


def write_files(root: Path, files: dict[str, bytes]) -> int:
    """Write ``files`` under ``root``; returns the bytes written."""
    total, made = 0, set()
    for rel, data in files.items():
        path = root / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(data)
        total += len(data)
    return total


def generate_site(n: int, out: Path, seed: int = DEFAULT_SEED) -> Summary:
    """Write an archive of ``n`` articles into ``out`` (which should be empty)."""
    registry = plan_registry(n, seed)
    files = registry_files(registry)
    n_files, n_bytes = len(files), write_files(out, files)
    for number in range(n):
        files = article_files(registry, number)
        n_files += len(files)
        n_bytes += write_files(out, files)
    return Summary(n, len(registry.people) + len(registry.reporters), len(registry.topics), n_files, n_bytes)


def add_article(site: Path, n: int, number: int, seed: int = DEFAULT_SEED) -> str:
    """Add article ``number`` (>= n) to a site generated with ``n`` and ``seed``; returns its slug."""
    files = article_files(plan_registry(n, seed), number)
    write_files(site, files)
    return next(iter(files)).split("/")[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a deterministic synthetic sitegen archive.")
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("outdir", type=Path, help="folder to create (must not exist or be empty)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed [default: {DEFAULT_SEED}]")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("n must be at least 1")
    if args.outdir.exists() and (not args.outdir.is_dir() or any(args.outdir.iterdir())):
        parser.error(f"{args.outdir}: exists and is not an empty folder")
    start = time.perf_counter()
    s = generate_site(args.n, args.outdir, args.seed)
    print(f"generated {s.articles} articles, {s.people} people, {s.topics} topics: "
          f"{s.files} files, {s.bytes / 1e6:.1f} MB in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
