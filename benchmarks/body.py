"""Article bodies for the synthetic archive: annotated Markdown and the text as published.

Every bit of a body is built twice at once, as a ``Piece``: the Markdown an editor writes in
index.md (with CriticMarkup and attribute spans) and the words the source printed. So the
generator's ``original.txt`` is exactly what rejecting every mark gives back.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

try:  # run as a script (benchmarks/ on sys.path) or imported as benchmarks.body
    import corpus as C
except ImportError:  # pragma: no cover
    from . import corpus as C

TARGET_WORDS = 600  # published words per body, before the closing paragraph


@dataclass(frozen=True, slots=True)
class Entry:
    slug: str
    name: str


def slugify(text: str) -> str:
    """The same rule as sitegen's: ASCII-folded lower-case words joined by hyphens."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", folded.lower().replace("'", "")))


# ---------------------------------------------------------------- text from the fixed lists

class Filler:
    """Fills corpus templates: every placeholder occurrence draws a fresh word."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        choice, randint = rng.choice, rng.randint
        self._slots = {
            "A": lambda: choice(C.ADJECTIVES), "N": lambda: choice(C.NOUNS), "M": lambda: choice(C.NOUNS),
            "G": lambda: choice(C.GROUPS), "V": lambda: choice(C.VERBS), "P": lambda: choice(C.PLACES),
            "D": lambda: choice(C.WEEKDAYS), "MO": lambda: choice(C.MONTHS), "X": lambda: str(randint(2, 90)),
            "Y": lambda: str(randint(2, 12)), "Z": lambda: str(randint(1980, 2023)),
            "P_SLUG": lambda: slugify(choice(C.PLACES)),
        }

    def __call__(self, template: str, **fixed: str) -> str:
        return _TEMPLATE_FIELD.sub(lambda m: fixed[m[1]] if m[1] in fixed else self._slots[m[1]](), template)

    def pick(self, templates, **fixed: str) -> str:
        return self(self.rng.choice(templates), **fixed)


_TEMPLATE_FIELD = re.compile(r"\{([A-Za-z_]+)\}")


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def title_case(text: str) -> str:
    return " ".join("-".join(_capitalize(p) for p in word.split("-")) for word in text.split())


# ---------------------------------------------------------------- bodies

@dataclass(frozen=True, slots=True)
class Piece:
    """A bit of body text as written in index.md (annotated) and as the source published it."""

    markup: str
    published: str


@dataclass(frozen=True, slots=True)
class ArticleRefs:
    people: tuple[Entry, ...]
    reporters: tuple[Entry, ...]
    topics: tuple[Entry, ...]


def article_body(rng: random.Random, fill: Filler, refs: ArticleRefs, place: str, publisher) -> list[list[Piece]]:
    """Paragraphs: a lede, one paragraph per annotation (shuffled), plain prose up to ~600 words."""
    dateline = f"{place.upper()} ({publisher[1]}) — "
    # The lead person appears as plain text: sitegen links a front-matter name's first mention itself.
    lede = [_plain(dateline)] + _joined([_plain(fill.pick(C.SENTENCES)),
                                         _plain(f"{refs.people[0].name} {fill.pick(C.SAID)}")])
    specials = [
        _anchored_note(rng, fill), _point_note(fill), _highlight(rng, fill), _correction(rng, fill),
        _insertion(fill), _deletion(fill), _link(fill),
        *(_topic_mention(fill, topic) for topic in refs.topics[:2]),
        *(_person_mention(fill, person) for person in refs.people[1:4]),
        *(_quote(rng, fill, rng.choice(refs.people)) for _ in range(rng.randint(1, 2))),
        *([_anonymous_quote(fill)] if rng.random() < 0.6 else []),
        *(_claim(rng, fill, refs) for _ in range(rng.randint(1, 3))),
    ]
    # Units are shuffled as wholes, so the code block always follows its introduction.
    units = [[_around(rng, fill, special)] for special in specials]
    units.append([[_plain(fill.pick(C.CODE_INTROS))], [_code_block(rng, fill)]])
    words = sum(len(p.published.split()) for unit in units for para in unit for p in para)
    while words < TARGET_WORDS:
        sentences = [_plain(fill.pick(C.SENTENCES)) for _ in range(rng.randint(2, 4))]
        units.append([_joined(sentences)])
        words += sum(len(p.published.split()) for p in sentences)
    rng.shuffle(units)
    closing = _joined([_plain(fill.pick(C.SENTENCES)) for _ in range(2)])  # never end on the code block
    return [lede] + [para for unit in units for para in unit] + [closing]


def _plain(text: str) -> Piece:
    return Piece(text, text)


def _joined(pieces: list[Piece]) -> list[Piece]:
    """The pieces of one paragraph, separated by spaces."""
    out: list[Piece] = []
    for i, piece in enumerate(pieces):
        if i:
            out.append(_plain(" "))
        out.append(piece)
    return out


def _around(rng: random.Random, fill: Filler, special: Piece) -> list[Piece]:
    before = [_plain(fill.pick(C.SENTENCES)) for _ in range(rng.randint(0, 1))]
    after = [_plain(fill.pick(C.SENTENCES)) for _ in range(rng.randint(0, 2))]
    return _joined(before + [special] + after)


def _with_slot(fill: Filler, template: str, slot: str, markup: str, published: str) -> Piece:
    """Fill ``template`` once, then put the annotated and the published text in ``slot``."""
    sentence = fill(template, **{slot: "\0"})
    return Piece(sentence.replace("\0", markup), sentence.replace("\0", published))


def _note(fill: Filler, templates: tuple[str, ...] = C.NOTES) -> str:
    """A note's text: inline Markdown, sometimes with emphasis and a source link."""
    text = fill.pick(templates)
    if fill.rng.random() < 0.3:
        text = f"*Editor's note:* {text}"
    if fill.rng.random() < 0.5:
        year = fill("{Z}")
        text += f" [Records, {year}](https://records.example.org/{year}/{fill('{X}')})"
    return text


def _span_in(rng: random.Random, sentence: str) -> tuple[str, str, str]:
    """Split a sentence into before / a span of two or three inner words / after."""
    words = sentence.split(" ")
    length = min(rng.randint(2, 3), len(words) - 2)
    start = rng.randint(1, len(words) - 1 - length)
    return " ".join(words[:start]) + " ", " ".join(words[start:start + length]), " " + " ".join(words[start + length:])


def _anchored_note(rng: random.Random, fill: Filler) -> Piece:
    sentence = fill.pick(C.SENTENCES)
    before, span, after = _span_in(rng, sentence)
    return Piece(f"{before}{{=={span}==}}{{>>{_note(fill)}<<}}{after}", sentence)


def _point_note(fill: Filler) -> Piece:
    sentence = fill.pick(C.SENTENCES)
    return Piece(f"{sentence}{{>>{_note(fill)}<<}}", sentence)


def _highlight(rng: random.Random, fill: Filler) -> Piece:
    sentence = fill.pick(C.SENTENCES)
    before, span, after = _span_in(rng, sentence)
    return Piece(f"{before}{{=={span}==}}{after}", sentence)


def _correction(rng: random.Random, fill: Filler) -> Piece:
    wrong, right, template = rng.choice(C.TYPOS)
    return _with_slot(fill, template, "w", f"{{~~{wrong}~>{right}~~}}", wrong)


def _insertion(fill: Filler) -> Piece:
    # The source dropped a word; the archive puts it back.
    # The mark takes the space before the word, so rejecting it leaves exactly what was printed.
    return _with_slot(fill, "Members of{gap} {M} {V} the {N} on {D}.", "gap", "{++ the++}", "")


def _deletion(fill: Filler) -> Piece:
    # The source printed a word twice; the archive marks the extra one as removed.
    return _with_slot(fill, "The {N} was{dup} closed to {G} for the day.", "dup", "{-- was--}", " was")


def _link(fill: Filler) -> Piece:
    sentence = fill.pick(C.LINK_SENTENCES)
    return Piece(sentence, re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", sentence))


def _topic_mention(fill: Filler, topic: Entry) -> Piece:
    template = fill.rng.choice(C.TOPIC_SENTENCES)
    text = topic.name.lower()
    return _with_slot(fill, template, "T", f"[{text}]{{topic={topic.slug}}}", text)


def _person_mention(fill: Filler, person: Entry) -> Piece:
    said = fill.pick(C.SAID)
    return Piece(f"[{person.name}]{{person={person.slug}}} {said}", f"{person.name} {said}")


def _quote(rng: random.Random, fill: Filler, person: Entry) -> Piece:
    words = fill.pick(C.QUOTES)
    surname = person.name.split()[-1]
    note = f"{{>>{_note(fill)}<<}}" if rng.random() < 0.4 else ""
    return Piece(f'["{words}"]{{.quote by={person.slug}}} said [{surname}]{{person={person.slug}}}.{note}',
                 f'"{words}" said {surname}.')


def _anonymous_quote(fill: Filler) -> Piece:
    words, speaker = fill.pick(C.QUOTES), fill.rng.choice(C.ANONYMOUS_SPEAKERS)
    return Piece(f'["{words}"]{{.quote}} {speaker}.', f'"{words}" {speaker}.')


def _claim(rng: random.Random, fill: Filler, refs: ArticleRefs) -> Piece:
    claim = fill.pick(C.CLAIMS)
    rating = rng.choice(C.RATINGS)
    evidence = _note(fill, C.EVIDENCE)
    if rng.random() < 0.3:  # a mention nested inside the claim, as editors write them
        person = rng.choice(refs.people)
        said = f"said that {claim[:1].lower()}{claim[1:]}"
        return Piece(f"[[{person.name}]{{person={person.slug}}} {said}]{{.claim rating={rating}}}{{>>{evidence}<<}}.",
                     f"{person.name} {said}.")
    return Piece(f"[{claim}]{{.claim rating={rating}}}{{>>{evidence}<<}}.", f"{claim}.")


def _code_block(rng: random.Random, fill: Filler) -> Piece:
    language, lines = rng.choice(C.CODE_BLOCKS)
    code = "\n".join(fill(line).replace("{{", "{").replace("}}", "}") for line in lines)
    return Piece(f"```{language}\n{code}\n```", code)
