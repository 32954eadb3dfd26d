"""The importer's recognition rules: the built-in generic.yaml plus per-source chrome patterns.

Rules are data so that an archivist can teach the importer a new outlet by editing YAML in the
content tree (`content/sources/<slug>.yaml`, key `chrome`) instead of code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import yaml


def _letters(test) -> str:
    """The letters of the Latin, Greek and Cyrillic blocks passing ``test``, for a character class
    (Python's re has no \\p{Lu}): names are written "José Ñúñez", "Zoë", "Nguyễn Thị Lan"."""
    blocks = ((0xC0, 0x250), (0x370, 0x530), (0x1E00, 0x1F00))
    return "".join(chr(c) for start, end in blocks for c in range(start, end) if test(chr(c)))


UPPER = "A-Z" + _letters(str.isupper)
LOWER = "a-z" + _letters(str.islower)
# A word of a person's name: "Pell", "O’Brien", "McDonald", "LaFontaine", "al-Sayegh", "Jean-Luc",
# "Ñúñez", "Ndung'u", an Irish surname with its particle ("Ó Briain", "Ní Bhriain"), or an initial "J."
# (or initials run together, "J.K.", "R.T.": the first is no word of its own).
NAME_TOKEN = (rf"(?:(?:Mc|Mac|Nic|O['’]|D['’]|La|Le|De|Di|Da|Du|Van|Von|[aAeE]l-|(?:Ó|Ní|Nic|Uí|Mhic)[ \u00a0])?"
              rf"[{UPPER}][{LOWER}]+(?:['’](?!s\b)[{LOWER}]+)*(?:-[{UPPER}][{LOWER}]+)?|(?:[{UPPER}]\.){{1,3}})")
# A given name of East Asian form, a capital and then lower-case syllables joined by a hyphen
# ("Jae-in", "Jong-un", "Yuen-ting", "Ing-wen"), allowed only as the last word of a name of two
# words or more ("Moon Jae-in", "Tsai Ing-wen"), never as a word of its own: so ordinary
# hyphenated words are not names ("Co-chair", "Well-known", "Self-made", "Sit-in", "Family-run").
HYPHEN_PREFIXES = ("anti|bi|by|co|counter|cross|de|down|ex|extra|far|first|full|half|high|inter|"
                   "long|low|mid|mini|multi|neo|non|off|on|out|over|part|post|pre|pro|re|self|semi|"
                   "short|sub|super|trans|tri|ultra|under|up|vice|well|year|one|two|three|four|"
                   "five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred")
HYPHEN_SUFFIXES = ("based|led|owned|run|born|made|style|like|old|term|time|wide|free|friendly|"
                   "related|sized|up|off|out|down|over|back|long|level|scale|year|day|week|month")
# Both its parts are syllables as Korean and Chinese names are romanised: an initial consonant or
# two ("ch", "hs", "ts"), a glide, one to three vowels, a final "n", "ng", "k" ... ("Jae", "in",
# "Hsien", "loong", "Myung", "bak", "Yat", "Kar", "Duck"; "Ng", "Tsz"); not "Walk-in", "Drop-in",
# "Lead-in", whose first parts end or begin as English words do. (Some English words are such
# syllables too, "Check-in", "Run-in": a name wants a family name of one syllable before them,
# names.could_be_person.)
SYLLABLE = (r"(?i:(?:(?:ch|sh|zh|ts|tz|hs|ph|th|kh|ng|[bcdfghjklmnpqrstwxz])[wy]?)?[aeiouy]{1,3}"
            r"(?:ng|rk|ck|[nmkptlhrw])?|ng|t?sz)")
HYPHENATED_GIVEN = (rf"(?!(?i:{HYPHEN_PREFIXES})-)(?={SYLLABLE}-{SYLLABLE}(?![\w-]))[{UPPER}][{LOWER}]+"
                    rf"-(?!(?:{HYPHEN_SUFFIXES})(?![\w-]))[{LOWER}]+(?![\w-])")
# Where a word starts: not inside another word. An apostrophe is inside a word only after a
# letter ("O'Brien"); otherwise it is an opening quote ("'Haddleston Garden Town will ...'").
WORD_START = r"(?<![\w-])(?<!\w['’])"
# A user name on a site: guest_4471, truthseeker99, KettleRoadMom.
HANDLE = re.compile(r"@?[\w.-]*(?:\d|_|[a-z][A-Z])[\w.-]*")
# A list's bullet before an item, as text browsers show lists ("* News", "•\u00a0Share on
# Facebook", "* Dana Whitlow | November 18, 2024"): the item is read without it.
BULLET = r"[*•◦▪‣+-]"  # (also what opens a list's item in a story: see markdown.py)
LIST_BULLET = re.compile(rf"^\s*{BULLET}[ \u00a0]+(?=\S)")
# A call sign or outlet short name: "KCAL9", "CBS2", "CNN", "KTLA5".
STATION = r"(?P<station>[A-Z][A-Za-z]*\d+[A-Za-z0-9]*|[A-Z]{2,}[A-Za-z0-9]*)"


@dataclass(frozen=True, slots=True)
class Rules:
    chrome: tuple[re.Pattern[str], ...]
    link_list_headings: tuple[re.Pattern[str], ...]
    bylines: tuple[re.Pattern[str], ...]
    comments_heading: tuple[re.Pattern[str], ...]
    forum_post_number: re.Pattern[str]
    comment_level: re.Pattern[str]
    comments_end: tuple[re.Pattern[str], ...]
    comment_reply_to: tuple[re.Pattern[str], ...]
    comment_reply_from: tuple[re.Pattern[str], ...]
    comment_quote_of: tuple[re.Pattern[str], ...]
    comment_replies_below: tuple[re.Pattern[str], ...]
    comment_signature: tuple[re.Pattern[str], ...]
    comment_author: tuple[re.Pattern[str], ...]
    comment_date: tuple[re.Pattern[str], ...]
    reporter_credits: tuple[re.Pattern[str], ...]
    dateline: re.Pattern[str]
    full_dates: tuple[re.Pattern[str], ...]
    date_hints: tuple[re.Pattern[str], ...]
    published_line: re.Pattern[str]
    speech_verbs: frozenset[str]
    title_words: frozenset[str]
    name_stopwords: frozenset[str]
    not_name_words: frozenset[str]
    name_particles: frozenset[str]
    appositive_no_role: frozenset[str]
    role_modifiers: frozenset[str]
    job_words: frozenset[str]
    before_things: frozenset[str]
    before_organisations: frozenset[str]
    organisation_joins: frozenset[str]
    anonymous_authors: frozenset[str]
    honorifics: frozenset[str]
    surname_titles: frozenset[str]
    role_articles: frozenset[str] = frozenset()
    given_names_too: frozenset[str] = frozenset()
    surname_titles_after: frozenset[str] = frozenset()
    foreign_title_words: frozenset[str] = frozenset()
    title_endings: tuple[str, ...] = ()  # what ends a compound title ("Verbandsvorsteherin"), not in English
    person_nouns: frozenset[str] = frozenset()
    organisation_nouns: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    governing_bodies: frozenset[str] = frozenset()
    surnames_too: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    when_and_where_words: frozenset[str] = frozenset()
    colon_verbs: frozenset[str] = frozenset()  # (as written, not in lower case)
    # (language, its commonest small words) for the rules' languages and others a capture may be in
    common_words: tuple[tuple[str, frozenset[str]], ...] = ()
    languages: tuple[str, ...] = ()  # the languages the rules are written for
    language_tags: tuple[tuple[str, str], ...] = ()  # (language, its BCP 47 tag) of those the rules tag
    english: bool = False  # these are the rules for a story written in English (see in_english)
    capture_language: str | None = None  # the language the capture's sentences read as (see written_in)

    def is_title_word(self, lower: str) -> bool:
        """A title word in lower case, or one made with "co-", "vice-" or "ex-" of a title or job word
        ("co-chair", "vice-chair", "co-owner", "vice-president"; not "co-op"), or of a title and
        "-elect", "-designate" or "-general" ("senator-elect", "governor-designate",
        "director-general", "secretary-general")."""
        if lower in self.title_words:
            return True
        if not self.english and self.title_endings and lower.endswith(self.title_endings) and any(
                lower.endswith(ending) and len(lower) - len(ending) >= COMPOUND_STEM for ending in self.title_endings):
            return True  # (German compounds: "Verbandsvorsteherin", "Pressesprecher", "Amtsleiterin")
        if lower.startswith("ex") and not lower.startswith("ex-") and lower[2:] in self.foreign_title_words:
            return True  # (Spanish, Italian, Portuguese: "exalcalde", "exministro", "exsindaco")
        prefix, hyphen, rest = lower.partition("-")
        return bool(hyphen) and (prefix in HYPHEN_TITLE_PREFIXES and (rest in self.title_words or rest in self.job_words)
                                 or rest in HYPHEN_TITLE_SUFFIXES and prefix in self.title_words)

    def singular_title(self, word: str) -> str | None:
        """The title a plural names, as written ("members" -> "member", "Councilmen" ->
        "Councilman", "secretaries" -> "secretary", "Senators" -> "Senator"), or None."""
        lower = word.lower()
        for plural, singular in (("men", "man"), ("ies", "y"), ("s", "")):
            if lower.endswith(plural) and len(lower) > len(plural) + 2:
                stem = word[:len(word) - len(plural)] + singular
                if not self.is_title_word(lower) and self.is_title_word(stem.lower()):
                    return stem
        return None

    def with_chrome(self, patterns: tuple[re.Pattern[str], ...]) -> Rules:
        """These rules plus an outlet's own chrome patterns."""
        return replace(self, chrome=self.chrome + patterns)

    def in_english(self) -> Rules:
        """These rules for a story written in English: the other languages' titles are no titles."""
        return replace(self, title_words=self.title_words - self.foreign_title_words, english=True)

    def written_in(self, language: str | None) -> Rules:
        """These rules for a capture whose sentences read as ``language`` (None: too few to tell)."""
        return replace(self, capture_language=language)


# What may join a title word with a hyphen to make another ("co-chair", "vice-president", "ex-mayor",
# "sub-postmaster", "senator-elect", "director-general").
HYPHEN_TITLE_PREFIXES = frozenset({"co", "vice", "sub", "ex"})
HYPHEN_TITLE_SUFFIXES = frozenset({"elect", "designate", "general"})
# The fewest letters before a title's ending in a compound title: "Amtsleiter", "Pressesprecher";
# not the family names "Hofmeister", "Baumeister" or "Leiter" alone.
COMPOUND_STEM = 4
# A nickname in quotes inside a name: Raymond Patrick "Buddy" Callahan, Dorothy ‘Dot’ MacAskill.
NICKNAME = rf"[\"“‘'][{UPPER}][{LOWER}]+[\"”’']"
# A generational suffix ending a name: "Marcus T. Delacroix Jr.", "Martin Luther King, Jr.",
# "John Doe III".
GENERATION = r"(?:,?[ \u00a0](?:Jr|Sr)\.|[ \u00a0](?:II|III|IV)(?![\w-]))"


@cache
def any_word(words: frozenset[str]) -> str:
    """A regex alternation of ``words``, each escaped ("in|at|from ..."), in a stable order."""
    return "|".join(sorted(map(re.escape, words)))


@cache  # (asked for on every name check of a byline or comment author)
def name_phrase(particles: frozenset[str], words: int = 5) -> str:
    """A regex for a capitalised name of one to ``words`` words, particles and a nickname
    allowed inside ("Ludwig van Beethoven", "Juan Carlos Ibáñez de la Torre", "William "Bill"
    Reyes")."""
    particle = any_word(particles)
    space = rf"[ \u00a0](?:{NICKNAME}[ \u00a0])?(?:(?:{particle})[ \u00a0]){{0,2}}"
    # (the East Asian given name first: the other way "Moon Jae-in" would be read as "Moon")
    # (or first, in the Western order, before a family name of one syllable: "Ji-hoon Kim", also
    # after a title, "Coach Ji-hoon Kim", which is then no "Coach" of East Asian order)
    family = rf"(?=[{UPPER}]){SYLLABLE}(?![\w-])"
    last_given = rf"(?:{space}{NAME_TOKEN}){{0,{words - 2}}}{space}{HYPHENATED_GIVEN}(?![ \u00a0]{family})|" if words > 1 else ""
    word = rf"(?:{HYPHENATED_GIVEN}[ \u00a0](?={family}))?{NAME_TOKEN}" if words > 1 else NAME_TOKEN
    return rf"{word}(?:{last_given}(?:{space}{word}){{0,{words - 1}}}){GENERATION}?"


def compile_line_pattern(pattern: str) -> re.Pattern[str]:
    """A whole-line pattern, case ignored (raises re.error for a bad pattern)."""
    return re.compile(pattern, re.IGNORECASE)


def line_matches(patterns: tuple[re.Pattern[str], ...], line: str) -> re.Match[str] | None:
    """The first pattern matching the whole line (surrounding whitespace ignored)."""
    text = line.strip()
    for pattern in patterns:
        match = pattern.fullmatch(text)
        if match:
            return match
    return None


# A run of spaces (or tabs, no-break spaces) inside a line: a text tool's gap between buttons or
# links ("Share  Tweet  Email  Print", "Accepter   Refuser   En savoir plus").
SPACE_RUN = re.compile(r"[ \t\u00a0\u202f]{2,}|\t")


def is_chrome(rules: Rules, line: str) -> bool:
    """The whole line is page furniture a chrome rule knows; a run of spaces between its words
    counts as one space, as the rules are written."""
    if line_matches(rules.chrome, line) is not None:
        return True
    text = line.strip()
    return SPACE_RUN.search(text) is not None and line_matches(rules.chrome, SPACE_RUN.sub(" ", text)) is not None


@cache
def generic_rules() -> Rules:
    """The rules shipped with sitegen (sitegen/importer/rules/generic.yaml)."""
    text = resources.files(__package__).joinpath("rules/generic.yaml").read_text("utf-8")
    return build_rules(yaml.safe_load(text))


def build_rules(data: dict) -> Rules:
    words = {key: frozenset(w.lower() for w in data[key]) for key in (
        "speech_verbs", "title_words", "name_stopwords", "not_name_words", "name_particles",
        "appositive_no_role", "role_modifiers", "job_words", "before_things", "before_organisations",
        "organisation_joins", "anonymous_authors", "honorifics", "surname_titles")}
    for key in ("role_articles", "given_names_too", "surname_titles_after", "foreign_title_words", "person_nouns",
                "organisation_nouns", "group_nouns", "governing_bodies", "surnames_too", "naming_verbs"):
        words[key] = frozenset(w.lower() for w in data.get(key, ()))
    # (as written: they are matched as written after a name, "on" in lower case, "Tuesday" with
    # its capital; in lower case, "im" or "am" would cut the surname off "Jane Im")
    words["when_and_where_words"] = frozenset(data.get("when_and_where_words", ()))
    words["colon_verbs"] = frozenset(data.get("colon_verbs", ()))  # (as written: "meldete sich zu Wort")
    words["foreign_title_words"] -= words["title_words"]  # (a word of both stays a title)
    words["title_words"] |= words["foreign_title_words"]
    name = name_phrase(words["name_particles"])
    credits = tuple(
        re.compile(p.replace("{station}", STATION).replace("{name}", f"(?P<name>{name})"))
        for p in data["reporter_credits"])
    return Rules(
        chrome=_compile_all(data["chrome"]),
        link_list_headings=_compile_all(data["link_list_headings"]),
        bylines=_compile_all(data["bylines"]),
        comments_heading=_compile_all(data["comments_heading"]),
        forum_post_number=compile_line_pattern(data["forum_post_number"]),
        comment_level=compile_line_pattern(data["comment_level"]),
        comments_end=_compile_all(data["comments_end"]),
        comment_reply_to=_compile_all(data["comment_reply_to"]),
        comment_reply_from=_compile_all(data["comment_reply_from"]),
        comment_quote_of=_compile_all(data["comment_quote_of"]),
        comment_replies_below=_compile_all(data["comment_replies_below"]),
        comment_signature=_compile_all(data["comment_signature"]),
        comment_author=_compile_all(data["comment_author"]),
        comment_date=_compile_all(data["comment_date"]),
        reporter_credits=credits,
        dateline=re.compile(data["dateline"]),
        full_dates=_compile_all(data["full_dates"]),
        date_hints=_compile_all(data["date_hints"]),
        published_line=re.compile(data["published_line"], re.IGNORECASE),
        common_words=tuple((language, frozenset(w.lower() for w in common))
                           for language, common in (data.get("common_words") or {}).items() if common),
        languages=tuple(data.get("languages") or ()),
        title_endings=tuple(sorted(w.lower() for w in data.get("title_endings") or ())),
        language_tags=tuple((data.get("languages") or {}).items()) if isinstance(data.get("languages"), dict) else (),
        **words,
    )


def _compile_all(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(compile_line_pattern(p) for p in patterns)
