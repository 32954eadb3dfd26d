"""Finding names in a line: capitalised phrases that could be people, and registry names.

These are general rules (capitalisation, word lists from generic.yaml, the registry), never
lists of particular names: the importer meets outlets and people it has not seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..slugs import slugify as site_slugify
from .registry import Entry
from .rules import GENERATION, HYPHENATED_GIVEN, NAME_TOKEN, SYLLABLE, WORD_START, Rules, name_phrase

POSSESSIVE = re.compile(r"['’]s?$")
MAX_SLUG = 80
# What may follow a surname as part of the name (rules.GENERATION): "Harold Brennan Jr.".
SUFFIX = re.compile(GENERATION)
SUFFIX_WORDS = frozenset({"Jr", "Sr", "Jr.", "Sr.", "II", "III", "IV"})
# No name has an article after its first word.
ARTICLE_WORDS = frozenset({"the", "a", "an"})
# Articles that also begin names ("La Toya Jackson", "Le Pen", "Les Paul", "Su Bingtian",
# "Lo Wai-ming", "Sa Dingding"); in a story written in English also "Das" ("Das Gupta") and "Den"
# ("Den Uyl"), which in a German one open a noun ("Das Projekt umfasst ...", "Den Antrag ...").
NAME_ARTICLES = frozenset({"la", "le", "o", "les", "su", "lo", "sa"})
ENGLISH_NAME_ARTICLES = NAME_ARTICLES | {"das", "den"}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A capitalised phrase, less leading titles and sentence words: maybe a person's name."""
    start: int
    end: int
    name: str
    prefix_start: int   # where the phrase began, before "President", "But" ... were taken off


def slugify(text: str) -> str:
    """The build's slug for a name or title (sitegen/slugs.py: a person's mention must name the
    page the build makes for them, "Brigid O'Donoghue" -> brigid-odonoghue), cut to MAX_SLUG
    characters at a hyphen for article folders."""
    slug = site_slugify(text)
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


# Capitalised phrases are read whole up to this many words, so that a name after a long title
# ("Springfield City Council President Dana Whitfield") is found after the title.
PHRASE_WORDS = 8
WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})


@cache
def _phrase_regex(particles: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"{WORD_START}{name_phrase(particles, PHRASE_WORDS)}(?![\w-])")


def candidates(line: str, rules: Rules, story: str = "") -> list[Candidate]:
    """Capitalised phrases of the line, with leading stopwords and titles taken off; ``story``,
    the article's text, tells a family name after particles from a body's name (see _of_a_body)."""
    found = []
    for match in _phrase_regex(rules.name_particles).finditer(line):
        words = match.group(0).replace("\u00a0", " ").split(" ")
        start = match.start()
        while words and (words[0].lower() in rules.name_stopwords or is_title_before_name(words[0], rules)
                         or words[0].lower() in rules.honorifics):
            start += len(words.pop(0)) + 1
        # "Council President Dana Whitfield": the name is what follows the last title word.
        titles = [i for i, word in enumerate(words[:-1]) if is_title_before_name(word, rules)]
        if titles:
            for word in words[:titles[-1] + 1]:
                start += len(word) + 1
            words = words[titles[-1] + 1:]
        # "Dean of Students Rosalind Achterberg", "Minister of Railways and Logistics Harpreet
        # Singh Bawa": the first word ends the title's "of ..."; in "Mayor of Corrigan Shire
        # Tomasz Wilk", the place's last word does.
        if len(words) > 2 and start == match.start() and _after_title_of(line[:start]):
            places = [i for i, word in enumerate(words[:-2]) if word.lower() in rules.not_name_words]
            for _ in range(places[-1] + 1 if places else _an_organisation_s_words(words, rules)):
                start += len(words.pop(0)) + 1
        elif len(words) > 2 and start == match.start() and _after_a_foreign_title_of(line[:start], rules):
            # "La maire de Niort Claire Dubois": the place is one word, or two when the first is an
            # article or a saint's ("La Rochelle", "San Sebastián"), or an organisation's ("Radio
            # France"); the rest is the name, of three words too ("Juan Pérez García")
            place = 2 if words[0] in PLACE_OPENERS and len(words) > 3 else _an_organisation_s_words(words, rules)
            for _ in range(place):
                start += len(words.pop(0)) + 1
        # "Jürgen Hoffmann von den Freien Wählern", "Ana Ruiz del Ayuntamiento de Lora": a party,
        # a group or a body the person is of, after the name, is not part of it
        cut = _of_a_body(words, rules, story)
        if cut is not None:
            words = words[:cut]
        # "said Jane Roe Tuesday": a weekday after a name, as American papers write when
        # someone spoke, is not part of it
        end = match.end() if cut is None else start + len(" ".join(words))
        while len(words) > 2 and words[-1] in WEEKDAYS:
            end -= len(words.pop()) + 1
        if words:
            end, name = _with_suffix(line, end, " ".join(words))
            found.append(Candidate(start, end, name, match.start()))
    return found


# German particles that open a party's or a body's name after a person's ("von den Grünen", "von
# der Bürgerinitiative"), as they open a family name ("von der Leyen", "von den Steinen").
OF_THE = frozenset({"von", "vom"})


def _of_a_body(words: list[str], rules: Rules, story: str = "") -> int | None:
    """Where a person's name of two words or more ends before particles that open the name of a
    party, a group or a body ("Jürgen Hoffmann von den Freien Wählern", "Ana Ruiz del Ayuntamiento
    de Lora"): the words after them name a thing (not_name_words, group_nouns), or, after German
    "von den", "von der" in a story not written in English, are two words or more (a family name
    after them is one word: "Ursula von der Leyen", "Karl von den Steinen"; a party is an
    adjective and a noun: "Freien Wählern"), unless the story names the person by those words
    (see _a_family_name_after_particles): "Anna Maria von der Heide Schmitz" is one name."""
    for index in range(2, len(words) - 1):
        if words[index] not in rules.name_particles or words[index - 1] in rules.name_particles:
            continue
        if sum(word[:1].isupper() for word in words[:index]) < 2:
            return None
        rest = index
        while rest < len(words) and words[rest] in rules.name_particles:
            rest += 1
        after = words[rest:]
        if any(word.lower() in rules.not_name_words or word.lower() in rules.group_nouns for word in after):
            return index
        if words[index] in OF_THE and rest - index == 2 and len(after) >= 2 and not rules.english and not (
                _a_family_name_after_particles(words, index, story)):
            return index
        return None
    return None


def _a_family_name_after_particles(words: list[str], index: int, story: str) -> bool:
    """The story names the person by what follows the particles at ``index`` ("von der Heide
    Schmitz", or "Schmitz" alone), and never by the word before them ("Hoffmann" alone, of
    "Jürgen Hoffmann von den Freien Wählern"), as news writing names a person after naming them
    in full."""
    def written_alone(name: str, before: str) -> bool:
        return _count(name, story) > _count(f"{before} {name}", story)
    family = " ".join(words[index:])
    return ((written_alone(family, words[index - 1]) or written_alone(words[-1], words[-2]))
            and not written_alone(words[index - 1], words[index - 2]))


def _count(words: str, text: str) -> int:
    """How often the words stand in the text as whole words."""
    return len(re.findall(rf"{WORD_START}{re.escape(words)}(?![\w-])", text))


def is_title_before_name(word: str, rules: Rules) -> bool:
    """A title word, as written in a capitalised phrase ("Mayor Dana Whitfield"), or its plural
    ("Senators Mary Ann de la Cruz and Tom Ng"): not one that is also a surname and is written
    as one ("Son Minjae"; "her son, Gregor Marsh" gives a role)."""
    lower = word.lower()
    title = lower if rules.is_title_word(lower) else (rules.singular_title(word) or "").lower()
    return bool(title) and not (word[:1].isupper() and title in rules.surname_titles)


def _title_in_name(words: list[str], index: int, rules: Rules) -> bool:
    """words[index] is a title in this name: not a title word that is also a surname and ends
    the name capitalised after a capitalised name word ("Lucy Agent", "Tom Skipper"; but "Agent
    Lucy Marsh", "the land agent")."""
    word = words[index]
    return is_title_before_name(word, rules) and not (
        index == len(words) - 1 and index > 0 and word[:1].isupper()
        and word.lower() in rules.surname_titles_after and words[index - 1][:1].isupper()
        and not is_title_before_name(words[index - 1], rules)
        and words[index - 1].lower() not in rules.not_name_words | rules.name_stopwords)


TITLE_OF = re.compile(r"(\S+)[ \u00a0]+(?:of|for)[ \u00a0]+(?:\S+[ \u00a0]+(?:and|&)[ \u00a0]+)?$")


def _after_title_of(before: str) -> bool:
    """The text ends with a capitalised word and "of" ("Dean of ", "Minister of Railways and "),
    as a title does; not "president of ", which names what the person leads."""
    match = TITLE_OF.search(before)
    return match is not None and match.group(1)[:1].isupper()


def _an_organisation_s_words(words: list[str], rules: Rules) -> int:
    """How many words open the phrase as the name of what a title is of, before the person's: one
    ("Niort"), or two when the first is a word of organisations (not_name_words) with a name of
    two words or more after the second: "la présidente de Radio France Sibyle Veil" is Sibyle
    Veil, not "France Sibyle Veil"."""
    return 2 if len(words) > 3 and words[0].lower() in rules.not_name_words else 1


# The words a place's name of two words opens with ("La Rochelle", "San Sebastián", "Bad Ems").
PLACE_OPENERS = frozenset({"La", "Le", "Les", "L'", "El", "Los", "Las", "Il", "Lo", "O", "A", "Os", "As", "San", "Santa",
                           "Santo", "São", "Saint", "Sainte", "St.", "Ste.", "Sankt", "St", "Bad", "Port", "Porto"})


# A title in lower case and the word that joins it to a place in French, Spanish, Italian,
# Portuguese, German: "la maire de ", "il sindaco di ", "der Bürgermeister von ".
FOREIGN_TITLE_OF = re.compile(r"(?<!\S)(\S+)[ \u00a0]+(?:de|du|del|di|da|do|von)[ \u00a0]+$")


def _after_a_foreign_title_of(before: str, rules: Rules) -> bool:
    """The text ends with a title and the word that joins it to a place, in a story not written
    in English ("La maire de Niort Claire Dubois": the name follows the place's word)."""
    match = None if rules.english else FOREIGN_TITLE_OF.search(before)
    return match is not None and rules.is_title_word(match.group(1).lower())


def _with_suffix(line: str, end: int, name: str) -> tuple[int, str]:
    """The name and where it ends, with a generational suffix that follows it. (The phrase's
    regex reads "Jr" as a word of the name and leaves its full stop.)"""
    if name.endswith((" Jr", " Sr")) and line.startswith(".", end):
        return end + 1, name + "."
    suffix = SUFFIX.match(line, end) if " " in name else None
    return (suffix.end(), name + suffix.group(0)) if suffix else (end, name)


def surname(name: str) -> str:
    """The word a person is called by alone later: the last, less a suffix ("Brennan"), or the
    first before an East Asian given name ("Moon Jae-in": "Moon")."""
    words = name.replace(",", "").split()
    while len(words) > 1 and words[-1] in SUFFIX_WORDS:
        words.pop()
    if len(words) > 1 and _east_asian_given(words[-1]):
        return words[0]
    return words[-1]


def could_be_person(name: str, rules: Rules) -> bool:
    """A name of two or more words none of which names a place, an organisation or a day, and
    not a surname alone ("Van der Hoek finished with 31 saves"); a hyphenated given name at its
    end after a family name of one syllable ("Moon Jae-in", not "Kessler Run-in")."""
    words = name.split()
    return len(words) >= 2 and not any(
        is_thing_word(words, i, rules) or _title_in_name(words, i, rules) for i in range(len(words))) and not (
        words[0].lower() in rules.name_particles and words[1] in rules.name_particles) and not any(
        w.lower() in ARTICLE_WORDS for w in words[1:]) and not (  # ("I. The wall": a numbered heading)
        words[0].lower() in rules.role_articles
        and words[0].lower() not in (ENGLISH_NAME_ARTICLES if rules.english else NAME_ARTICLES)) and (  # ("Der Neubau")
        not _east_asian_given(words[-1]) or _east_asian_family(words[-2]))  # ("Harbour Run-in": no name)


def _east_asian_given(word: str) -> bool:
    return re.fullmatch(HYPHENATED_GIVEN, word) is not None


def _east_asian_family(word: str) -> bool:
    """One romanised syllable, as a family name before a hyphenated given name is ("Moon",
    "Park", "Tsai", "Ng"; not "Hall", "Kessler")."""
    return re.fullmatch(SYLLABLE, word) is not None


def is_thing_word(words: list[str], index: int, rules: Rules) -> bool:
    """words[index] names a place, an organisation or a day where it stands in the name: not a
    given name that is also such a word, opening the name ("Bill de Blasio", but "the Housing
    Bill"), nor a family name before an East Asian given name ("Park Ji-sung")."""
    lower = words[index].lower()
    opens_a_name = index == 0 and len(words) > 1 and (
        lower in rules.given_names_too or len(words) == 2 and _east_asian_given(words[1]) and _east_asian_family(words[0]))
    return lower in rules.not_name_words and not opens_a_name


def is_single_name(word: str, rules: Rules, shortest: int = 3) -> bool:
    """A lone capitalised word that may stand for a person ("Kelly", "Leveinson"); of
    ``shortest`` letters or more (a first name before a family name may have two: "Jo")."""
    lower = word.lower()
    return bool(re.fullmatch(NAME_TOKEN, word)) and len(word) >= shortest and not (
        lower in rules.name_stopwords or lower in rules.title_words
        or lower in rules.not_name_words)


class Matcher:
    """Finds registry names and aliases in text (with their case: "trump" is a verb)."""

    def __init__(self, people: tuple[Entry, ...]):
        self.by_form: dict[str, set[str]] = {}
        self.entries = {entry.slug: entry for entry in people}
        for entry in people:
            for form in (entry.name, *entry.aliases):
                self.by_form.setdefault(form.lower(), set()).add(entry.slug)
        forms = sorted({f for e in people for f in (e.name, *e.aliases)}, key=len, reverse=True)
        alternatives = "|".join(re.escape(f) for f in forms)
        self.regex = re.compile(rf"{WORD_START}(?:{alternatives})(?![\w-])") if forms else None

    def lookup(self, name: str) -> set[str]:
        """Slugs of the registry people with this name or alias (several means ambiguous)."""
        return self.by_form.get(POSSESSIVE.sub("", name).lower(), set())

    def finditer(self, line: str):
        return self.regex.finditer(line) if self.regex else iter(())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance, for names a page spells two ways ("Levinson", "Leveinson")."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def close_spelling(word: str, names: list[str]) -> str | None:
    """The one name spelled within one or two letters of word, if exactly one is."""
    limit = 2 if len(word) >= 7 else 1
    close = {n for n in names
             if len(n) >= 5 and 0 < edit_distance(word.lower(), n.lower()) <= limit}
    return close.pop() if len(close) == 1 else None
