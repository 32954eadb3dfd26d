"""Who is in the article: people named in the body, their roles, and where each is mentioned.

A capitalised phrase counts as a person only with evidence: it is in the people registry, it
speaks ("X said", "says X"), it carries a role ("X, a professor at ...", "Chief of Staff, X"),
it is written as only people are ("X, who ...", "X and his dogs", "named after X"), or its
last word is used alone later ("Hillary Clinton" ... "Clinton"), the way news writing names
people. Phrases naming places, organisations or days never count (generic.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names import (ARTICLE_WORDS, SUFFIX_WORDS, Candidate, Matcher, candidates, close_spelling, could_be_person,
                    is_title_before_name, is_single_name, is_thing_word, slugify, surname)
from .registry import Entry
from .roles import (ADJECTIVE, AGE, aside_names_an_organisation, holds_a_title, party_only, role_after, role_before, role_by_verb, role_in_appositive,
                    speaks)
from .rules import HYPHENATED_GIVEN, UPPER, WORD_START, Rules, any_word
from .textutil import Line, at_sentence_start, word_spans


# What only a person's name is written next to: "Jamie Tolland and his two dogs", "a street
# named after Agnes Merriman", "a bench in memory of X".
PERSON_AFTER = re.compile(r"[ \u00a0]+and[ \u00a0]+(?:his|her)\b")
PERSON_BEFORE = re.compile(r"\b(?:(?:re)?named[ \u00a0]+(?:after|for)|in[ \u00a0]+(?:memory|hono(?:u)?r)[ \u00a0]+of)"
                           r"[ \u00a0]+$", re.IGNORECASE)
# Where someone lives or comes from, right after their name or their age: "Tom Baker of Glen
# Ridge said", "Gareth Pryce, 52, of Mill Lane, Little Ashby, admitted", "of 14 Oak Street".
FROM_BEFORE = re.compile(r"[ \u00a0]+(?:of|from)[ \u00a0]+(?:the[ \u00a0]+)?(?:\d+[A-Za-z]?[ \u00a0]+)?$")
# The bracket after a name that a party or a ward stands in, up to a word of it: "Janet Hughes
# (Lib Dem, Ashby North)".
AFFILIATION_OPENING = re.compile(r"[ \u00a0]*\([^()\n]{0,40}$")
# A title after a name and a comma, up to the name it is of ("Klaus Weber, Bürgermeister von
# Leinbach": see _what_a_title_is_of).
TITLE_IN_AN_ASIDE = re.compile(r",[ \u00a0]+(?P<title>[\w-]+)[ \u00a0]+$")
AGE_BEFORE = re.compile(r",[ \u00a0]*\d{1,3},?$")
# An age written before a name, as a compound: "13-year-old Eli Warner", "Thirteen-year-old Eli Warner"
# (not after an article: "the 150-year-old Corn Exchange" is a building)
AGE_COMPOUND_BEFORE = re.compile(r"(?:^|(?<=[ \u00a0(“\"]))(?:(?P<article>(?i:the|its|our|this|that|a|an))[ \u00a0]+)?"
                                 r"(?:\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)-(?:year|yr)-old[ \u00a0]+$")
# Where someone lives or was born: "The Smiths, who live in Little Ashby, waited" (no one).
LIVES_IN = re.compile(r"\b(?:live|lives|lived|living|reside|resides|resided|based|born|raised|grew[ \u00a0]+up)"
                      r"[ \u00a0]+(?:in|at|near)[ \u00a0]+(?:the[ \u00a0]+)?$")
NEXT_PART = re.compile(r",[ \u00a0]+$")  # "..., Little Ashby": the address goes on
# What ends a clause that a capitalised word may open: "4:10 p.m.: Utility says".
AFTER_A_COLON = re.compile(r":[ \u00a0]+$")
# A word in lower case next ("Agent fees rose"): the capitalised word before it may be a common noun.
LOWER_CASE_WORD = re.compile(r"[ \u00a0]+[a-z]")
# How adjectives end, which name a place with a word of places after them ("Central Park",
# "Memorial Park", "Olympic Park", "Riverside Park"), never a first name: after four letters
# at least, as short first names end so too ("Eric", "Ted", "Clive", "Rory", "Neal").
ADJECTIVE_ENDING = re.compile(r"\w{4}(?:al|ic|ern|ive|ous|ful|less|ing|ed|ory|side|view)$")


@dataclass(frozen=True, slots=True)
class Person:
    slug: str
    name: str
    role: str | None = None
    known: bool = False        # in the people registry


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a person is named: a line number and the span of the name in that line."""
    line: int
    start: int
    end: int
    slug: str
    speaker: bool              # the subject or object of a speech verb here


@dataclass(frozen=True, slots=True)
class Cast:
    people: tuple[Person, ...]             # in order of first mention; reporters left out
    occurrences: tuple[Occurrence, ...]    # in text order
    notes: tuple[tuple[int, str], ...]     # (line, message) for the editor


def find_cast(lines: list[Line], registry: tuple[Entry, ...], reporters: dict[str, str],
              rules: Rules, dateline: str | None = None) -> Cast:
    """People of the body lines; reporters maps reporter names to slugs (kept out of people);
    ``dateline``: the place the story's dateline names ("Lakeside", "Lima, Peru")."""
    state = _State(Matcher(registry), reporters, rules, "\n".join(line.text for line in lines))
    # (the town alone: "Lima" of "Lima, Peru", as local firms are named after it)
    state.town = dateline.split(",")[0].strip().lower() if dateline else None
    found = {line.number: candidates(line.text, rules, state.text) for line in lines}
    state.signed = _signed_over_a_place(lines)
    state.listed = _list_items(lines)
    for line in lines:
        state.scan_organisations(line, found[line.number])
    for line in lines:
        state.scan_lists_of_organisations(line, found[line.number])
    for line in lines:
        state.scan_names(line, found[line.number])
    state.scan_lone_aliases()
    for line in lines:
        state.scan_surnames(line)
    occurrences = sorted(state.occurrences.values(), key=lambda o: (o.line, o.start))
    order = list(dict.fromkeys(o.slug for o in occurrences))
    reporter_slugs = set(reporters.values())
    people = tuple(state.people[s] for s in order
                   if s in state.people and s not in reporter_slugs)
    return Cast(people, tuple(occurrences), tuple(state.notes))


class _State:
    """What find_cast has learnt so far; only used while it runs."""

    def __init__(self, matcher: Matcher, reporters: dict[str, str], rules: Rules, text: str):
        self.matcher, self.rules, self.text = matcher, rules, text
        self.reporters = {name.lower(): slug for name, slug in reporters.items()}
        self.people: dict[str, Person] = {}
        self.occurrences: dict[tuple[int, int], Occurrence] = {}
        self.by_line: dict[int, list[Occurrence]] = {}
        self.notes: list[tuple[int, str]] = []
        self.full_names: dict[str, str] = {}   # lower-case name -> slug, for surnames later
        self.first_mention: dict[str, tuple[int, int]] = {}  # slug -> (line, start) of its first mention
        self.counts: dict[str, int] = {}
        self.town: str | None = None  # the dateline's town, lower case
        self.places: dict[int, list[tuple[int, int]]] = {}  # line -> spans naming places, organisations
        self.first_names: dict[str, set[str]] = {}  # first name -> slugs, for "Sir Desmond" later
        self.organisations: set[str] = set()  # names written somewhere as an organisation's
        self.lone_aliases: dict[tuple[int, int], tuple[Line, int, str]] = {}  # see scan_lone_aliases
        self.address_ends: dict[int, set[int]] = {}  # line -> where the names of an address end (see _in_an_address)
        self.signed: set[int] = set()  # lines that are a letter's signature over its town (see _signed_over_a_place)
        self.listed: set[int] = set()  # lines opened by a hyphen with another such line next to them (a list)

    def scan_organisations(self, line: Line, found: list[Candidate]) -> None:
        """Names the line writes the way organisations, teams and places are written, never
        people: "at Greenhollow Markets", "beat the Ridgeway Ironmen 3-2", "the Association of
        Freight Carriers". The name is not a person anywhere in the article, even where it
        "says" something."""
        for candidate in found:
            if _written_as_organisation(line.text, candidate, self.rules):
                self.organisations.add(candidate.name)
            *name, last = candidate.name.split()
            if name and last.lower().rstrip(".") in COMPANY_SUFFIXES:
                # "Kestrel Catering Ltd admitted ...", later "Kestrel Catering said": a company
                # (but "Tom Harlow Ltd" is named after Tom Harlow, who may speak too)
                self.organisations.add(candidate.name)
                if name[-1].lower() in BUSINESS_WORDS:
                    self.organisations.add(" ".join(name))

    def scan_lists_of_organisations(self, line: Line, found: list[Candidate]) -> None:
        """A list of three names or more with an organisation in it names organisations:
        "Greenhollow Markets, Tannery Row Foods and Bayfield Fresh each told ...". (Of two,
        one may be a person's: "Tesla and Elon Musk".)"""
        for members in _lists(line.text, found):
            if len(members) >= 3 and any(self._is_organisation(name) for name in members):
                self.organisations.update(name for name in members if not self.matcher.lookup(name))

    def _is_organisation(self, name: str) -> bool:
        return name in self.organisations or len(name.split()) > 1 and not could_be_person(name, self.rules)

    def scan_names(self, line: Line, found: list[Candidate]) -> None:
        for match in self.matcher.finditer(line.text):
            if not _inside_longer(match.start(), match.end(), found):
                self._registry_mention(line, match.start(), match.end(), match.group(0))
        for candidate in found:
            self._candidate(line, candidate)

    def scan_lone_aliases(self) -> None:
        """A registry alias of one word ("Bush") is the registry's person unless the article
        has named someone else in full before it by that last word ("Jeb Bush, a former
        governor, spoke. Bush left."): then it is that person's surname (see scan_surnames).
        Judged after every line's names, since the full name may come later on the same line."""
        for (_, start), (line, end, form) in self.lone_aliases.items():
            if not self._surname_named_before(form, line.number, start):
                self._registry_hit(line, start, end, form)

    def _registry_mention(self, line: Line, start: int, end: int, form: str) -> None:
        """A registry name is its person at once; an alias of one word waits for scan_lone_aliases."""
        if " " in form or any(self.matcher.entries[slug].name == form for slug in self.matcher.lookup(form)):
            self._registry_hit(line, start, end, form)
        else:
            self.lone_aliases[(line.number, start)] = (line, end, form)

    def _surname_named_before(self, word: str, number: int, start: int) -> bool:
        known = set(self.matcher.lookup(word))
        return any(surname(self._name(slug)) == word and slug not in known and self._named_before(slug, number, start)
                   for slug in set(self.full_names.values()))

    def _registry_hit(self, line: Line, start: int, end: int, form: str) -> None:
        slugs = self.matcher.lookup(form)
        if len(slugs) > 1:
            self.notes.append((line.number, f"'{form}' may be any of {', '.join(sorted(slugs))}"
                                            "; not marked"))
            return
        entry = self.matcher.entries[next(iter(slugs))]
        self._add(line, start, end, entry.slug, entry.name, known=True)

    def _candidate(self, line: Line, candidate: Candidate) -> None:
        if (line.number, candidate.start) in self.occurrences:
            return
        slugs = self.matcher.lookup(candidate.name)
        reporter = self.reporters.get(candidate.name.lower())
        if reporter:
            self._add(line, candidate.start, candidate.end, reporter, candidate.name)
        elif len(slugs) == 1:
            self._registry_mention(line, candidate.start, candidate.end, candidate.name)
        elif known := self._known_by_tail(candidate.name):
            # "Ms Ruiz Castañeda said", "Delaney Jr. scored": the end of a name found before
            self._add(line, candidate.start, candidate.end, known, self._name(known))
        elif candidate.name in self.organisations:
            self.places.setdefault(line.number, []).append((candidate.start, candidate.end))
        elif (self._in_an_address(line, candidate) or self._in_an_affiliation(line, candidate)
              or self._what_a_title_is_of(line, candidate)):
            self.places.setdefault(line.number, []).append((candidate.start, candidate.end))
            self.address_ends.setdefault(line.number, set()).add(candidate.end)
        elif (could_be_person(candidate.name, self.rules) and not _title_after_an_article(line.text, candidate, self.rules)
              and self._has_evidence(line, candidate) or self._has_age(line, candidate)
              or self._family_name_that_names_places(line, candidate)):
            self._add(line, candidate.start, candidate.end, slugify(candidate.name), candidate.name)
        elif len(candidate.name.split()) > 1 and (not could_be_person(candidate.name, self.rules)
                                                  or self._named_after_the_town(candidate.name)):
            # "South Dakota", "Valley Wire", "Lakeside Power": none of its words is a person on
            # its own either
            self.places.setdefault(line.number, []).append((candidate.start, candidate.end))

    def _in_an_address(self, line: Line, candidate: Candidate) -> bool:
        """The name says where the person just named lives or comes from: "Tom Baker of Glen
        Ridge said", "Gareth Pryce, 52, of Mill Lane, Little Ashby, admitted". Its words name
        places (or an employer), even before a verb; so do those after "who live in", "born
        in". Not "the son of John Smith"."""
        before = line.text[:candidate.prefix_start]
        if (part := NEXT_PART.search(before)) and part.start() in self.address_ends.get(line.number, ()):
            return True
        if part and any(o.start == _signature_start(line.text, line.number in self.listed) and o.end == part.start()
                        for o in self.by_line.get(line.number, ())) \
                and _signature(line.text[part.start():]):
            return True  # a letter's signature: "Tom Rees, Little Ashby"
        if LIVES_IN.search(before):
            return True
        if (where := FROM_BEFORE.search(before)) is None:
            return False
        head = before[:where.start()]
        return AGE_BEFORE.search(head) is not None or any(o.end == len(head) for o in self.by_line.get(line.number, ()))

    def _what_a_title_is_of(self, line: Line, candidate: Candidate) -> bool:
        """A name opened by a particle right after a title, in an aside after the person just
        named, is the place or body the title is of: "Klaus Weber, Bürgermeister von Leinbach,"
        (but "Bundespräsident von Weizsäcker", with no name before it, is a person)."""
        if not candidate.name[:1].islower():
            return False
        aside = TITLE_IN_AN_ASIDE.search(line.text, 0, candidate.start)
        return (aside is not None and self.rules.is_title_word(aside["title"].lower())
                and any(o.end == aside.start() for o in self.by_line.get(line.number, ())))

    def _in_an_affiliation(self, line: Line, candidate: Candidate) -> bool:
        """The name is a party's or a ward's, in brackets after a person's name: "Cllr Janet
        Hughes (Lib Dem, Ashby North) said"."""
        opening = AFFILIATION_OPENING.search(line.text, 0, candidate.prefix_start)
        return opening is not None and any(o.end == opening.start() for o in self.by_line.get(line.number, ()))

    def _known_by_tail(self, name: str) -> str | None:
        """The one person found so far whose full name ends with these words (two or more:
        a lone surname is scan_surnames' job), or is these words with a middle initial ("Harlan
        J. Mott", later "Harlan Mott")."""
        if " " not in name:
            return None
        slugs = {slug for full, slug in self.full_names.items()
                 if full.endswith(" " + name.lower()) or _without_initials(full) == name.lower() != full}
        return slugs.pop() if len(slugs) == 1 else None

    def _inside_a_place(self, number: int, start: int) -> bool:
        return any(begin <= start < end for begin, end in self.places.get(number, ()))

    def _has_evidence(self, line: Line, candidate: Candidate) -> bool:
        text = line.text
        if speaks(text, candidate.start, candidate.end, self.rules) and not self._named_after_the_town(candidate.name):
            return True
        if role_after(text, candidate.end, self.rules) is not None:
            return True
        if role_before(text, candidate.start, self.rules, evidence=True):
            return True
        if role_in_appositive(text, candidate.start, candidate.end, self.rules, evidence=True):
            return True  # "A budget hawk, Dorian Kessling, said"
        if len(candidate.name.split()) > 1 and role_by_verb(text, candidate.end, self.rules):
            return True  # "Rosa Alvarez became the city's planning director"
        if line.number in self.signed and (candidate.prefix_start, candidate.end) == (0, len(text.rstrip())):
            return True  # a letter's signature over the writer's town: "Desmond Okereke" / "Harbury"
        if (candidate.prefix_start == _signature_start(text, line.number in self.listed)
                and _signature(text[candidate.end:])):
            return True  # a letter's signature: "Gwyneth Parry-Jones, Ardenmoor", "— Tom Rees, Eastwick"
        if PERSON_AFTER.match(text, candidate.end) or PERSON_BEFORE.search(text, 0, candidate.prefix_start):
            return True
        # "Dr. Anil Chaudhry": only a person is so addressed (not "the Lady Evelyn Forbes", a boat)
        # ("the Rev. Lucinda Haverkamp", "the Hon. X": these take the article)
        before = text[:candidate.start].split()[-2:]
        if before and before[-1].lower() in self.rules.honorifics and (
                len(before) < 2 or before[0].lower() not in self.rules.before_organisations
                or before[-1].lower() in HONORIFICS_WITH_THE):
            return True
        words = candidate.name.split()
        # News writing names a person in full once, then by last name (or, in features and
        # under a title such as "Sir", by first name) when they speak again. After "in",
        # "from", ... the words more likely name a place, and the last name must be seen to
        # speak, or be given an age: "Residents in Little Ashby", later "Ashby ward", is no one;
        # "a header from Jamie Clarke", later "Clarke, 19, was making his third start", is.
        # (not when the last word is the dateline's town, named all through the story: "Little
        # Ashby" in a story from Ashby is a place)
        family_name = surname(candidate.name)
        if self._count(family_name) > self._count(candidate.name) and family_name.lower() != self.town:
            return (not self._after_a_place_word(text, candidate) or self._speaks_alone(family_name)
                    or self._aged_alone(family_name))
        return len(words) > 1 and self._speaks_alone(words[0])

    def _named_after_the_town(self, name: str) -> bool:
        """The name opens with the dateline's town, as a local firm's does ("LAKESIDE — ...
        Lakeside Power said"): its speaking shows no person. (A role or an age still does:
        "Mayor Charlotte Reyes", "Charlotte Reyes, 41," in a story from Charlotte.)"""
        return self.town is not None and name.lower().startswith(self.town + " ")

    def _after_a_place_word(self, text: str, candidate: Candidate) -> bool:
        return re.search(rf"(?:^|[^\w-])(?i:{any_word(self.rules.before_things)})[ \u00a0]+$",
                         text[:candidate.prefix_start]) is not None

    def _speaks_alone(self, word: str) -> bool:
        """The word stands alone somewhere as who speaks ("Walt says later"; not after a compound
        word, "Post-war Northport said farewell")."""
        return any(speaks(self.text, m.start(), m.end(), self.rules, strict=True)
                   and not self._after_a_compound_word(self.text, m.start())
                   for m in re.finditer(rf"{WORD_START}{re.escape(word)}(?![\w-])", self.text))

    def _aged_alone(self, word: str) -> bool:
        """The word stands alone somewhere followed by an age, as a person named again is
        ("Clarke, 19, was making ...")."""
        return any(AGE.match(self.text, m.end())
                   for m in re.finditer(rf"{WORD_START}{re.escape(word)}(?![\w-])", self.text))

    def _family_name_that_names_places(self, line: Line, candidate: Candidate) -> bool:
        """A first name and a family name that also names places (surnames_too) that speaks or
        carries a person's role in an aside ("Her deputy, Alan Firth, will take over", "Alan
        Firth, her deputy,"), or whose family name alone speaks: "Lena Park said", "said Lena Park", later
        "Park said". Not a place's name: its first word is no first name ("Central Park",
        "Memorial Park", "Park Street"), or the article writes it as a place's somewhere ("in
        Hyde Park")."""
        words = candidate.name.split()
        if len(words) != 2 or words[1].lower() not in self.rules.surnames_too or not self._could_be_first_name(words[0]):
            return False
        if re.search(rf"\b(?i:{any_word(self.rules.before_things)})[ \u00a0]+{re.escape(candidate.name)}(?![\w-])", self.text):
            return False
        # (a role with a title in it: "Victoria Park, the city's largest green space," is a park)
        role = role_after(line.text, candidate.end, self.rules)
        return (speaks(line.text, candidate.start, candidate.end, self.rules)
                or role is not None and holds_a_title(role, self.rules)
                or role_in_appositive(line.text, candidate.start, candidate.end, self.rules) is not None) or any(
            speaks(self.text, m.start(), m.end(), self.rules, strict=True)  # (later "Park said")
            and not _in_a_phrase(self.text, m.start()) and not _names_a_thing(self.text, m.start(), self.rules)
            and self._nearest_named_before(words[1], m.start()) == words[0]
            for m in re.finditer(rf"{WORD_START}{re.escape(words[1])}(?![\w-])", self.text))

    def _could_be_first_name(self, word: str) -> bool:
        """Not a place's first word ("Central", "Memorial") nor a title ("Councilwoman"). A
        first name may have two letters ("Jo Park"), which a lone name may not: a capital and a
        small letter, and no word that stands before a place ("In Park Road")."""
        if len(word) == 2 and (not re.fullmatch(rf"[{UPPER}][a-zà-ÿ]", word) or word.lower() in self.rules.before_things):
            return False
        return (is_single_name(word, self.rules, shortest=2) and not ADJECTIVE_ENDING.search(word)
                and not is_title_before_name(word, self.rules))

    def _nearest_named_before(self, family_name: str, start: int) -> str | None:
        """The first name of the last "<first name> <family_name>" written before ``start``: whom
        a lone "Park said" refers back to ("Victoria Park, the green space, ..." then "Lena Park
        said ... Park said": Lena's, not Victoria's)."""
        found = None
        for match in re.finditer(rf"{WORD_START}([{UPPER}][\w'’-]*)[ \u00a0]+{re.escape(family_name)}(?![\w-])",
                                 self.text[:start]):
            if self._could_be_first_name(match.group(1)):
                found = match.group(1)
        return found

    def _has_age(self, line: Line, candidate: Candidate) -> bool:
        """A name of two words or more followed by an age is a person's, even with a word that
        usually names a place ("Evelyn Park, 71"), unless it starts with such a word; so is one
        after an age written before it ("13-year-old Eli Warner"), when it could be a person's
        (not "the 150-year-old Corn Exchange": a thing, after an article)."""
        words = candidate.name.split()
        return (len(words) >= 2 and (AGE.match(line.text, candidate.end) is not None
                                     or (age := AGE_COMPOUND_BEFORE.search(line.text, 0, candidate.start)) is not None
                                     and not age.group("article") and could_be_person(candidate.name, self.rules))
                and not is_thing_word(words, 0, self.rules)
                and not is_title_before_name(words[0], self.rules))

    def _count(self, words: str) -> int:
        """How often words occur in the body as whole words (counted once per phrase)."""
        if words not in self.counts:
            pattern = rf"{WORD_START}{re.escape(words)}(?![\w-])"
            self.counts[words] = len(re.findall(pattern, self.text))
        return self.counts[words]

    def _add(self, line: Line, start: int, end: int, slug: str, name: str,
             known: bool = False) -> None:
        text = line.text
        role = (role_after(text, end, self.rules) or role_in_appositive(text, start, end, self.rules)
                or role_before(text, start, self.rules) or role_by_verb(text, end, self.rules) or None)
        # A title before the name says more than a party, and a title right before it more
        # than an aside that holds none: "Councillor Brian Tate, the lone no vote," is a
        # councillor ("Her husband of 61 years, Arvid Lindqvist, a retired lobsterman," stays
        # a lobsterman).
        titled = not text[:start].rstrip(" \u00a0").endswith(",")
        if role and (party_only(role, self.rules) or titled and not holds_a_title(role, self.rules)):
            role = role_before(text, start, self.rules) or role
        previous = self.people.get(slug)
        if previous is None:
            self.people[slug] = Person(slug, name, role, known)
        elif role and not previous.role:
            self.people[slug] = Person(slug, previous.name, role, previous.known or known)
        if len(name.split()) > 1:
            self.full_names[name.lower()] = slug
            self.first_names.setdefault(name.split()[0], set()).add(slug)
        speaker = speaks(text, start, end, self.rules)
        occurrence = Occurrence(line.number, start, end, slug, speaker)
        self.occurrences[(line.number, start)] = occurrence
        self.by_line.setdefault(line.number, []).append(occurrence)
        self.first_mention[slug] = min(self.first_mention.get(slug, (line.number, start)), (line.number, start))

    def scan_surnames(self, line: Line) -> None:
        """Lone surnames of people already found; a misspelt speaker is matched with a note."""
        surnames, shared = self._surnames()
        for start, end, word in word_spans(line.text):
            if self._covered(line.number, start, end) or not (
                    is_single_name(word, self.rules) or self._surname_that_is_a_common_word(word, surnames, line, start)):
                continue
            if word in surnames and self._named_before(surnames[word], line.number, start):
                self._add(line, self._particles_before(line.text, start, surnames[word]), end, surnames[word],
                          self.people[surnames[word]].name if surnames[word] in self.people else word)
            elif word in shared:
                # Never a new person of its own; the one of them the line named last, if any,
                # else the only one of them named in full so far (a granddaughter named later
                # in the story is not who "Marrowby-Quinn" is before she appears)
                named = [slug for slug in sorted(shared[word]) if self._named_before(slug, line.number, start)]
                slug = self._named_last_in_line(shared[word], line.number, start) or (
                    named[0] if len(named) == 1 else None)
                if slug:
                    self._add(line, start, end, slug, self._name(slug))
            elif len(self.first_names.get(word, ())) == 1 and (
                    _word_before(line.text, start) in self.rules.honorifics
                    or speaks(line.text, start, end, self.rules, strict=True)):
                slug = next(iter(self.first_names[word]))  # "Sir Desmond said", "Walt says"
                self._add(line, start, end, slug, self._name(slug))
            elif speaks(line.text, start, end, self.rules, strict=True) and not _names_a_thing(
                    line.text, start, self.rules) and not self._inside_a_place(line.number, start) \
                    and word.lower() != self.town:  # ("in north Dalton, police said": the dateline's town)
                self._single_speaker(line, start, end, word, surnames)

    def _particles_before(self, text: str, start: int, slug: str) -> int:
        """Where the person's surname at ``start`` begins with the lower-case particles that stand
        before it in their name ("de Blasio" of "Bill de Blasio", "von der Leyen"): the mention is
        the name they are called by, not its last word."""
        words = self._name(slug).split()
        last = len(words) - 1
        while last > 0 and words[last] in SUFFIX_WORDS:
            last -= 1
        first = last
        while first > 1 and words[first - 1] in self.rules.name_particles:
            first -= 1
        particles = " ".join(words[first:last]) + " "
        begin = start - len(particles)
        if first < last and begin >= 0 and text[begin:start] == particles and (begin == 0 or not (
                text[begin - 1].isalnum() or text[begin - 1] in "-'’")):
            return begin
        return start

    def _surname_that_is_a_common_word(self, word: str, surnames: dict[str, str], line: Line, start: int) -> bool:
        """A surname that is also a title word, of a person named in full before ("Lucy Agent",
        later "Agent said"), not after "the", "in" ... ("the Agent") nor a word of a longer name
        ("Agent Lucy Marsh", "Letting Agent"), nor the word opening a sentence ("Agent fees rose").
        So too a surname that also names places ("Lena Park", later "Park said"), and not before a
        word in lower case anywhere, unless it speaks ("Park rangers", "the new Park entrance")."""
        end = start + len(word)
        place = word.lower() in self.rules.surnames_too
        return (word in surnames and (word.lower() in self.rules.surname_titles_after or place)
                and self._named_before(surnames[word], line.number, start)
                and not self._a_word_opening_a_sentence(line.text, start, end)
                and not (place and LOWER_CASE_WORD.match(line.text, end)
                         and not speaks(line.text, start, end, self.rules, strict=True))
                and not _names_a_thing(line.text, start, self.rules) and not any(
                    c.prefix_start <= start and start + len(word) <= c.end and c.end - c.prefix_start > len(word)
                    for c in candidates(line.text, self.rules, self.text)))

    def _a_word_opening_a_sentence(self, text: str, start: int, end: int) -> bool:
        """A capitalised word that opens a sentence, before a word in lower case, and does not
        speak ("Agent fees rose", "Park rangers closed the gates"): a capital there says nothing,
        and the word is read as the common word it also is ("Agent said", "Agent, who ...": a name)."""
        return (at_sentence_start(text, start) and LOWER_CASE_WORD.match(text, end) is not None
                and not speaks(text, start, end, self.rules, strict=True))

    def _named_before(self, slug: str, number: int, start: int) -> bool:
        """Whether the person's full name stands before this place: a lone surname refers back
        to a name ("Dining hall employees ..." above "Harlow Campus Dining" is no mention)."""
        return slug in self.first_mention and self.first_mention[slug] < (number, start)

    def _covered(self, number: int, start: int, end: int) -> bool:
        return any(o.start < end and start < o.end for o in self.by_line.get(number, ()))

    def _single_speaker(self, line, start, end, word, surnames) -> None:
        close = close_spelling(word, list(surnames))
        if not close and (at_sentence_start(line.text, start) or AFTER_A_COLON.search(line.text, 0, start)
                          or self._after_a_compound_word(line.text, start)):
            # "Officials said", "Experts say", a live blog's "4:10 p.m.: Utility says ...": a
            # lone capitalised word is not enough here
            return
        if close:
            slug = surnames[close]
            self.notes.append((line.number, f"'{word}' taken as {self._name(slug)}"
                                            " (spelt differently)"))
            self._add(line, start, end, slug, self._name(slug))
        else:
            self._add(line, start, end, slugify(word), word)

    def _after_a_compound_word(self, text: str, start: int) -> bool:
        """The word follows a capitalised compound of words in lower case ("Post-war Brookfield
        said", "Well-known Ardley"): the two make a phrase, as the sentence's first words, and
        the word alone is no one's name. Not after a title so made ("Ex-senator Kelly said")."""
        before = _written_before(text, start)
        compound = re.fullmatch(r"[^\W\d_][^\W\d_]*-([^\W\d_]+)", before)
        return (compound is not None and before[:1].isupper() and compound.group(1)[:1].islower()
                and not re.fullmatch(HYPHENATED_GIVEN, before)  # ("Ji-hoon Kim said": a given name first)
                and not self.rules.is_title_word(before.lower()) and not self.rules.is_title_word(compound.group(1).lower()))

    def _name(self, slug: str) -> str:
        person = self.people.get(slug)
        return person.name if person else slug

    def _surnames(self) -> tuple[dict[str, str], dict[str, set[str]]]:
        """Last words of full names: those only one person in the article has (as the name is
        written or in title case), and those that several people share as written ("Doris
        Kemp", "Peter Kemp")."""
        owners: dict[str, set[str]] = {}
        written: dict[str, set[str]] = {}
        for name, slug in self.full_names.items():
            as_written = surname(self._name(slug))
            written.setdefault(as_written, set()).add(slug)
            for word in (as_written, surname(name.title())):
                owners.setdefault(word, set()).add(slug)
        return ({word: slugs.pop() for word, slugs in owners.items() if len(slugs) == 1},
                {word: slugs for word, slugs in written.items() if len(slugs) > 1})

    def _named_last_in_line(self, slugs: set[str], number: int, start: int) -> str | None:
        """Which of these people the line names last before ``start``: whom a shared last name
        refers to ("Ms Kemp's nephew, Peter Kemp, unveiled it. “…,” Mr Kemp said.")."""
        before = [o for o in self.by_line.get(number, ()) if o.end <= start and o.slug in slugs]
        return max(before, key=lambda o: o.start).slug if before else None


def _without_initials(name: str) -> str:
    """A name without its initials after the first word ("harlan j. mott" -> "harlan mott")."""
    first, *rest = name.split()
    return " ".join([first, *(word for word in rest if not re.fullmatch(r"\w\.?", word))])


def _in_a_phrase(text: str, start: int) -> bool:
    """The word at ``start`` follows a capitalised word in its sentence ("Central Park")."""
    before = _written_before(text, start)
    return before[:1].isupper() and not before.endswith((".", "!", "?", ":", ";"))


def _written_before(text: str, start: int) -> str:
    """The word before ``start``, as written."""
    return text[:start].rstrip(" \u00a0").rsplit(" ", 1)[-1]


def _word_before(text: str, start: int) -> str:
    return _written_before(text, start).lower()


def _written_as_organisation(text: str, candidate: Candidate, rules: Rules) -> bool:
    """The phrase follows "the", "at" ... and is not used as an adjective ("the Joe Biden
    administration"), or it ends an organisation's name ("Office for Budget Scrutiny") or
    follows a title ("president of Ballet Folklórico Aldercrest"), or the aside after it says what
    group it is ("Northport Rising, a climate group, said")."""
    if aside_names_an_organisation(text, candidate.end, rules):
        return True  # "Northport Rising, a climate group, said"
    if _after_a_group_noun(text, candidate, rules):
        return True  # "the campaign group Save Hollis", "l'association Vélo Valdemont"
    if candidate.start != candidate.prefix_start:
        return False  # "the Prime Minister Rishi Sunak": "the" is the title's
    before = text[:candidate.start].rstrip(" \u00a0").rsplit(" ", 2)
    if before[-1].lower() in rules.organisation_joins:  # (or "president of Ballet Folklórico")
        return len(before) > 1 and (before[-2][:1].isupper() or before[-2].lower() in rules.title_words)
    if before[-1].lower() not in rules.before_organisations:
        return False
    after = text[candidate.end:]
    if re.match(r"['’]", after):
        return False  # "at John Smith's funeral"
    next_word = re.match(r"[ \u00a0]+([a-z]\w*)", after)
    # (nor, after "the", when that word is an article or a preposition opening a phrase of its
    # own: "a win over the Ridgeway Ironmen at Harbourside Arena", "give the Tidewater Gulls a
    # win"; after "at", a person's name often comes before one: "shouted at Tom Reyes last night")
    return (next_word is None or next_word.group(1) in rules.speech_verbs
            or before[-1] == "the" and next_word.group(1) in AFTER_A_TEAM
            and candidate.name.split()[0].lower().rstrip(".") not in rules.honorifics)


def _after_a_group_noun(text: str, candidate: Candidate, rules: Rules) -> bool:
    """The name follows a word for a kind of group (``group_nouns``), with no title between
    them, as its name: "the campaign group Save Hollis said", "président de l'association Vélo
    Valdemont". Not after a preposition, where a sentence may go on with a person ("At the party
    Tom Hardy said", "a déclaré au groupe Jean Moreau", "Dans l'entreprise Jean Moreau a fait");
    not when an age, a role or a possessive follows the name ("the club Tom Hardy, a retired
    teacher,", "The company Rosa Delgado's father founded"); in English only before a speech
    verb or a little word ("the charity Jane Doe founded" names a person)."""
    words = text[:candidate.start].lower().split()
    if candidate.start != candidate.prefix_start or not words:
        return False
    if (not rules.english and len(words) > 1 and ADJECTIVE.fullmatch(words[-1])
            and ELISION.sub("", words[-2]) in rules.group_nouns and not set(words[-3:-2]) & OF_THE):
        words = words[:-1]  # (an adjective after the noun: "la plataforma vecinal Torremolina Limpia";
        # not a title's group, "le député du parti socialiste Hugo Marchal")
    noun = ELISION.sub("", words[-1])
    elided = words[-1][:len(words[-1]) - len(noun)].rstrip("'’")
    # (Spanish "a" is "to", English "a" an article: "A campaign group Save Hollis said")
    prepositions = GROUP_PREPOSITIONS - {"a"} if rules.english else GROUP_PREPOSITIONS
    if not _names_a_group(noun, rules) or elided in prepositions or prepositions & set(words[-4:-1]):
        return False
    if re.match(r"['’]s?\b", text[candidate.end:]) or AGE.match(text, candidate.end) or role_after(text, candidate.end, rules):
        return False
    next_word = re.match(r"[ \u00a0]+([a-z]\w*)", text[candidate.end:])
    return not rules.english or next_word is not None and (next_word.group(1) in rules.speech_verbs
                                                           or next_word.group(1) in AFTER_A_TEAM)


def _names_a_group(noun: str, rules: Rules) -> bool:
    """A word for a kind of group, or for a business ("the shipping firm Hallvard Line", "the
    container shipper Brekke Olsen", "the carrier Nordhavn Air"): the name after it is its own.
    Not a business word that is a person's title too ("head brewer Tom Hale"), nor a trade that
    one person carries on as often as a business does ("wine importer Raj Patel said")."""
    return noun in rules.group_nouns or (noun in rules.organisation_nouns and not rules.is_title_word(noun)
                                         and noun not in SOLE_TRADES)


# Words for a business that are a sole trader's too: the name after one may be a person's.
SOLE_TRADES = frozenset({"importer", "exporter", "supplier", "wholesaler", "retailer", "distributor", "distiller"})


# Honorifics written after "the" before a person's name ("the Rev. Lucinda Haverkamp").
HONORIFICS_WITH_THE = frozenset({"rev", "rev.", "reverend", "hon", "hon."})


# "Of the" in one word, before a group that a title belongs to.
OF_THE = frozenset({"du", "des", "del", "della", "dello", "dei", "delle", "do", "da", "dos", "das"})


# What ends a company's name: "Kestrel Catering Ltd", "Harbour Foods Inc.", "Brauerei Adler GmbH".
COMPANY_SUFFIXES = frozenset({"ltd", "limited", "inc", "llc", "plc", "corp", "gmbh", "ag", "sa", "s.a", "sl", "s.l",
                              "spa", "s.p.a", "srl", "s.r.l", "bv", "nv", "lda", "sarl", "sas", "pty", "llp"})


# The last word of a company's name that, with a company's suffix after it, names the business, not
# the person it may be named after ("Kestrel Catering Ltd", but "Tom Harlow Ltd"). Some are family
# names too (Care, Hire, Homes, Kitchens, Tours): without the suffix they say nothing.
BUSINESS_WORDS = frozenset({"catering", "foods", "food", "homes", "group", "holdings", "services", "construction",
                            "builders", "motors", "logistics", "systems", "solutions", "properties", "developments",
                            "farms", "networks", "media", "energy", "capital", "partners", "consulting", "engineering",
                            "industries", "technologies", "transport", "haulage", "contractors", "estates", "retail",
                            "brewing", "bakery", "bakeries", "dairies", "trading", "investments", "living", "studios",
                            "roofing", "coaches", "plumbing", "electrical", "joinery", "glazing", "landscaping",
                            "cleaning", "security", "removals", "garage", "garages", "hire", "supplies", "products",
                            "manufacturing", "design", "interiors", "kitchens", "windows", "scaffolding", "recycling",
                            "waste", "fuels", "pharmacy", "care", "healthcare", "travel", "tours", "leisure", "hotels",
                            "restaurants", "farm", "nurseries", "landscapes", "developers", "agency", "marine"})


# An elided article before a noun: "l'association", "dell'associazione", "d'Entreprise".
ELISION = re.compile(r"^\w{0,4}['’]")
# Prepositions before a group's noun after which a sentence may go on with a person (not "of",
# "de", "del", "da": "president of the group X", "présidente de l'association X").
GROUP_PREPOSITIONS = frozenset({"at", "in", "to", "for", "with", "from", "throughout", "after", "before", "during",
                                "into", "on", "by", "about", "à", "au", "aux", "dans", "pour", "avec", "chez", "par",
                                "sur", "en", "a", "al", "con", "para", "por", "desde", "ante", "alla", "alle", "per",
                                "all", "nell", "sull", "dall", "coll", "nella", "nel", "com", "na", "no", "ao"})


# Words after "the X Y" that leave it a team's or a group's name, not a person's.
AFTER_A_TEAM = frozenset({"a", "an", "at", "in", "on", "for", "from", "with", "by", "to", "of", "into", "over",
                          "after", "before"})


def _title_after_an_article(text: str, candidate: Candidate, rules: Rules) -> bool:
    """A title word that may end a name ("Lucy Agent") ends a phrase opening with an article:
    "The Letting Agent said" names a job, not a person."""
    before = text[candidate.prefix_start:candidate.start].split()[:1] or text[:candidate.start].split()[-1:]
    return (candidate.name.split()[-1].lower() in rules.surname_titles_after
            and bool(before) and before[0].lower() in ARTICLE_WORDS)


def _signed_over_a_place(lines: list[Line]) -> set[int]:
    """The numbers of the lines that sign a letter over the writer's town on the next line:
    under a paragraph that ends a sentence, a line of two to four capitalised words over one
    of one to three, and a county after a comma ("Desmond Okereke" / "Harbury")."""
    signed = {line.number for above, line, below in zip(lines, lines[1:], lines[2:])
              if above.text.rstrip()[-1:] in ".!?\"”’" and SIGNATURE_NAME.fullmatch(line.text.strip())
              and TOWN_LINE.fullmatch(below.text.strip())}
    # (only on a page of letters: a show's title over its day or venue is no signature, "Molly
    # Malone" / "Tuesday")
    letters = any(LETTERS.search(line.text) for line in lines)
    return signed if letters or len(signed) > 1 else set()


# Words that say the page is one of letters (its headline is not among the lines read; the
# letters answer "your correspondent" or write to "the editor").
LETTERS = re.compile(r"\b(?:letters?|lettres?|cartas?|lettere|leserbriefe?|correspondent|editor)\b", re.IGNORECASE)
SIGNATURE_NAME = re.compile(r"[A-ZÀ-Þ][\w’'.-]+(?: [A-ZÀ-Þ][\w’'.-]+){1,3}")
TOWN_LINE = re.compile(r"[A-ZÀ-Þ][\w’'.-]+(?: [A-ZÀ-Þ][\w’'.-]+){0,2}(?:, [A-ZÀ-Þ][\w’'.-]+(?: [A-ZÀ-Þ][\w’'.-]+){0,2})?")


def _list_items(lines: list[Line]) -> set[int]:
    """The numbers of the lines that are a list's items opened by a hyphen: two or more on lines
    one under another ("- Old Chapel, Mill Lane" / "- Blue Door, Church Street"), or three or
    more between blank lines (two there may be a joint letter's signatures)."""
    items, run = set(), []
    for line in lines + [Line(0, "")]:
        if line.text.lstrip().startswith("- "):
            run.append(line.number)
            continue
        adjacent = any(b == a + 1 for a, b in zip(run, run[1:]))
        if len(run) >= 3 or len(run) == 2 and adjacent:
            items.update(run)
        run = []
    return items


def _signature_start(text: str, in_a_list: bool = True) -> int:
    """Where a letter's signature opening the line starts its name: after a dash, if any
    ("— Margaret Okafor, Little Skerry", "– Priya Raman, Eastwick"), or a hyphen on a line
    that is no list's item (``in_a_list``: a line above or below opens with one too, "- Old
    Chapel, Mill Lane")."""
    return (SIGNATURE_MARK if in_a_list else SIGNATURE_OR_HYPHEN).match(text).end()


SIGNATURE_MARK = re.compile(r"(?:[—–~][ \u00a0]*)?")
SIGNATURE_OR_HYPHEN = re.compile(r"(?:[—–~-][ \u00a0]*)?")


def _signature(rest: str) -> bool:
    """What follows a name that opens its own line, in a letter's signature: a town, or nothing
    but the town and county (", Ardenmoor", ", Little Stourby, Wexshire"), or what the writer is
    (", Chair, Friends of Victoria Gardens")."""
    words = rest.removeprefix(",").replace(",", " ").split()
    return (rest.startswith(", ") and 0 < len(words) <= 6 and words[-1][:1].isupper()
            and all(w[:1].isupper() or w in SIGNATURE_JOINS for w in words))


SIGNATURE_JOINS = frozenset({"of", "for", "on", "the", "and", "&"})


def _lists(text: str, found: list[Candidate]) -> list[list[str]]:
    """Runs of names joined only by commas and a last "and" or "or" ("A, B and C")."""
    runs: list[list[str]] = []
    previous = None
    for candidate in found:
        between = text[previous.end:candidate.prefix_start] if previous else None
        if between is not None and re.fullmatch(r",[ \u00a0]+|,?[ \u00a0]+(?:and|or)[ \u00a0]+", between):
            runs[-1].append(candidate.name)
        else:
            runs.append([candidate.name])
        previous = candidate
    return [run for run in runs if len(run) > 1]


def _names_a_thing(text: str, start: int, rules: Rules) -> bool:
    """A lone capitalised word after "in", "at", "the" ... names a place or a thing ("officials
    in Marin", "told the Ledger")."""
    return _word_before(text, start) in rules.before_things


def _inside_longer(start: int, end: int, found: list[Candidate]) -> bool:
    """A registry alias ("Bush") inside a longer name ("Jeb Bush") is not that person."""
    return any(c.start <= start and end <= c.end and (c.start, c.end) != (start, end)
               for c in found)
