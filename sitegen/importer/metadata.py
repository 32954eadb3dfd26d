"""What a capture says about itself: headline, dateline and outlet, reporters, date, summary.

Dates are never invented: a date comes from the URL path, the page's metadata, or a full date
in the page's header lines; relative words ("Sunday night", "until December 19") are only
reported so that an editor can decide.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import Counter
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from .names import could_be_person, slugify
from .rules import HANDLE, LIST_BULLET, Rules, any_word, is_chrome, line_matches, name_phrase
from .textutil import ROW_SEPARATOR, Line, sentences
from .timeofday import MINUTE_MARK, NOON, time_after, time_before

# /2019/03/14/, /2019-3-14/, /20190314/
URL_DATE = re.compile(r"/((?:19|20)\d\d)(?:[/-](\d{1,2})[/-](\d{1,2})|(\d\d)(\d\d))(?=[/-]|$)")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# The months of Spanish, Portuguese, French, German, Italian, Dutch, Danish and Norwegian dates
# ("14 de octubre de 2025", "3 juillet 2025", "12 de novembro de 2025", "14. Oktober 2025",
# "14 ottobre 2025", "14 maart 2025", "14. marts 2025", "14. mars 2025")
FOREIGN_MONTHS = {name: number for number, names in enumerate((
    "enero janvier janeiro januar jänner gennaio januari", "febrero février fevrier fevereiro februar febbraio februari",
    "marzo mars março märz maart marts", "abril avril aprile", "mayo mai maio maggio mei maj",
    "junio juin junho juni giugno", "julio juillet julho juli luglio", "agosto août aout augustus",
    "septiembre setiembre septembre setembro settembre", "octubre octobre outubro oktober ottobre",
    "noviembre novembre novembro", "diciembre décembre decembre dezembro dezember dicembre desember"), start=1)
    for name in names.split()}
MAX_TITLE_WORDS = 20
SHORT_TITLE_WORDS = 12
# A time opening a date line ("05:00, 4 MAR 2025", "noon, 4 Mar 2025", "18 h 32, 4 mars 2025"):
# with its minute, or noon, as a number alone opens the date itself ("12 March 2025").
TIME_FIRST = re.compile(rf"^(?:{NOON}|\d{{1,2}}{MINUTE_MARK}\d{{2}}(?:\s?[ap]\.?m\.?)?),?\s+", re.IGNORECASE)
# A day of the week in English, written out or short ("Tue.", "Thurs,").
ENGLISH_DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?"
WEEKDAY = re.compile(rf"^{ENGLISH_DAY}\s+", re.IGNORECASE)
DATE_LINE_WORDS = 15    # a line opening with a full date and no longer than this dates the article


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str                # "Los Angeles"
    site: str | None          # "CBSLA.com"
    end: int                  # where the lede's own words start


@dataclass(frozen=True, slots=True)
class Reporter:
    name: str
    station: str | None
    line: int


# A bold span opening the lede, in Markdown's marks ("**BERLIN** – Der ...", "**Berlin.** Der
# ..."), as a capture too sparing of Markdown's marks to be read as Markdown may have it.
STRONG_OPENING = re.compile(r"(?P<mark>\*\*|__)(?=\S)(?P<words>[^*_]{1,60}?)(?<=\S)(?P=mark)")


def without_strong_opening(text: str) -> str:
    """The line as the page showed it, without the bold marks around its first words."""
    strong = STRONG_OPENING.match(text)
    return strong.group("words") + text[strong.end():] if strong else text


def _through_strong_opening(read):
    """A dateline reader that reads a lede opening in bold as it reads the same words without
    the marks: its dateline is the plain form's, ending where the lede's own words start in the
    line as written, marks and all."""
    @functools.wraps(read)
    def reader(text: str, *args) -> Dateline | None:
        strong = STRONG_OPENING.match(text)
        if strong is None:
            return read(text, *args)
        found = read(without_strong_opening(text), *args)
        if found is None:
            return None
        mark = len(strong.group("mark"))  # (the closing mark counts when the dateline ends after it)
        return replace(found, end=found.end + mark + (mark if found.end >= len(strong.group("words")) else 0))
    return reader


@_through_strong_opening
def find_dateline(text: str, rules: Rules) -> Dateline | None:
    match = rules.dateline.match(text)
    # (a place in ordinary capitals only before a full date: "Valdemora, 14 de marzo de 2025 —")
    if not match or sum(c.isupper() for c in match.group("place")) < 2 and match.group("place").isupper():
        return None
    if match.group("place").lower() in rules.not_name_words or ANY_WEEKDAY.fullmatch(match.group("place") + " "):
        return None  # ("Friday, 14 March 2025 — ...", "Freitag, ...": a day, no place)
    if match.group(0).rstrip().endswith(":") and not _reads_as_lede(text[match.end():]):
        return None  # "PUBLISHED: November 14, 2024 at 9:05 PM", "FT: Rovers 3 (Okonjo 22)"
    if match.group(0).rstrip().endswith(":") and match.group("place").split()[0].lower() in (
            rules.name_stopwords | rules.honorifics):
        return None  # a label, "In Brief: The council ...", or a letter's "Sir: The council ...", names no place
    if any(c.isdigit() for c in match.group(0)) and TIME_ALONE.fullmatch(text[match.end():]):
        return None  # the header's place, date and time: "Valdemora, 14 de marzo de 2025 - 09:12"
    words = match.group("place").split()
    if words[-1].endswith(".") and "." not in words[-1][:-1] and len(words[-1]) > 3:
        words[-1] = words[-1][:-1]  # ("VALDEMORA. —", "DEL RÍO. —", as Spanish papers write it; not "ST.")
    place = _place_case(words, rules)
    return Dateline(place, (match.group("site") or "").strip() or None, match.end())


# A German paper's dateline: the place and a full stop opening the first paragraph ("Bad
# Werrenbrück. Die neue Brücke ..."), in the paper's own capitals.
PLACE_FULL_STOP = re.compile(r"(?P<place>[A-ZÄÖÜ][\w’'-]+(?:[ \u00a0][A-ZÄÖÜ][\w’'-]+){0,3})\.[ \u00a0]+(?=[A-ZÄÖÜ„“\"])")


@_through_strong_opening
def place_and_full_stop(text: str, above: set[str], rules: Rules) -> Dateline | None:
    """The place opening the lede with a full stop, when a line above the lede (the kicker, as
    German papers set it over the headline) is that place, or the lede names it again ("Bad
    Elsterfeld. Die Feuerwehr von Bad Elsterfeld ..."); a one-word sentence opening a story
    ("Silence. The hall ...") is neither."""
    match = PLACE_FULL_STOP.match(text)
    if not match or not _reads_as_lede(text[match.end():]):
        return None
    place = match.group("place")
    if place.split()[0].lower() in rules.name_stopwords:
        return None
    named_again = re.search(rf"(?<![\w-]){re.escape(place)}(?![\w-])", text[match.end():])
    return Dateline(place, None, match.end()) if place in above or named_again else None


def date_before_dash(text: str, rules: Rules) -> int | None:
    """Where the story starts in a lede that opens with its day, its date and a dash, no place
    before them ("Friday, 14 March 2025 — The council ...", "Freitag, 14. März 2025 – Der
    Stadtrat ..."): that date dates it. Not a date alone: a feature may open with one it
    looks back to ("June 6, 1944 — The day the troops landed ...")."""
    day = ANY_WEEKDAY.match(text)
    if day is None:
        return None
    for pattern in rules.full_dates:
        match = pattern.match(text, day.end())
        if match and _a_date(match) and (dash := DASH_AFTER_DATE.match(text, match.end())):
            another_day = ANY_WEEKDAY.match(text, dash.end()) or any(p.match(text, dash.end()) for p in rules.full_dates)
            if _reads_as_lede(text[dash.end():]) and not another_day:  # (not "Friday, 14 March–Sunday, 16 March")
                return dash.end()
    return None


# A day of the week opening a line, in the languages whose months the dates are read in (the
# Danish "den" after it: "fredag den 14. marts 2025").
ANY_WEEKDAY = re.compile(rf"{ENGLISH_DAY}[ \u00a0]+"
                         r"|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi"
                         r"|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lunedì"
                         r"|martedì|mercoledì|giovedì|venerdì|sabato|domenica|segunda-feira|terça-feira|quarta-feira"
                         r"|quinta-feira|sexta-feira|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
                         r"|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag),?[ \u00a0]+(?:den[ \u00a0]+)?",
                         re.IGNORECASE)
# The dash after the date, and a capital after it (not a span's: "14 March–16 March 2025 are").
DASH_AFTER_DATE = re.compile(r"[ \u00a0]*(?:—|–|--|-)[ \u00a0]*(?=[\"“„«¿¡]?[A-ZÀ-Þ])")


def _reads_as_lede(text: str) -> bool:
    """After "PLACE:", a story's first paragraph: a sentence of ten words or more."""
    return len(text.split()) >= 10 and text.rstrip()[-1:] in ".!?\"”’"


def _title_case(word: str) -> str:
    """LOS -> Los, ST. -> St.; N.Y. and D.C. keep their capitals."""
    return word if "." in word.rstrip(".") else word[:1] + word[1:].lower()


def _place_case(words: list[str], rules: Rules) -> str:
    """A place's name in capitals (a dateline's) in ordinary capitals, its particles after its
    first word in lower case: "SANTA OLALLA DEL CERRO" -> "Santa Olalla del Cerro",
    "STRATFORD-UPON-AVON" -> "Stratford-upon-Avon", "PORT OF SPAIN" -> "Port of Spain"."""
    cased = []
    for word in words:
        parts = []
        for part in word.split("-"):
            lower = part.lower()
            particle = (cased or parts) and (lower in rules.name_particles or lower in PLACE_PARTICLES)
            parts.append(lower if particle else _title_case(part))
        cased.append("-".join(parts))
    return " ".join(cased)


# Words inside places' names written in lower case (besides the names' particles).
PLACE_PARTICLES = frozenset({"do", "dos", "das", "des", "de", "del", "la", "las", "los", "y", "e", "upon", "on",
                             "under", "en", "sur", "lès", "les", "am", "im", "an", "of", "the", "sul", "sull"})


def derive_title(lede: str) -> str:
    """A provisional headline from the lede's first sentence (shortened when long)."""
    first = (sentences(lede) or [lede])[0].strip()
    words = first.split()
    if len(words) > MAX_TITLE_WORDS:
        return " ".join(words[:SHORT_TITLE_WORDS]).rstrip(",;:") + "…"
    return first.rstrip(".").strip()


def summary_of(lede: str) -> str | None:
    """The lede's first sentence: what listings show until an editor writes a summary."""
    found = sentences(lede)
    return found[0] if found else None


def url_date(url: str | None) -> str | None:
    """The YYYY-MM-DD in a URL path such as /2016/12/18/, when it is a real date."""
    match = URL_DATE.search(urlsplit(url or "").path)
    return _iso(*(int(g) for g in match.groups() if g)) if match else None


def text_date(header: list[Line], body: list[Line], rules: Rules) -> tuple[str, int] | None:
    """A full date in the header lines, in a "Published ..." line or at the start of a short line
    ("February 2, 2024 · 14 min read"), with its line number; with the time of day the line
    gives it ("2016-11-09T06:15-05:00": see timeofday.py)."""
    lines = header + [line for line in body if rules.published_line.search(line.text)
                      or opens_with_date(line.text, rules)]
    # "Updated: Nov 14, 2024" in the header does not date the article when a line says when
    # it was first published ("First published on: 13-11-2024", under the story).
    updated = [line for line in lines if UPDATED_LINE.match(line.text.strip())]
    day_first = _writes_day_first(body, rules)
    for line in [line for line in lines if line not in updated] + updated:
        if DATE_SPAN.search(line.text):  # "June 2, 1936 – January 10, 2025": a life, or an
            continue                      # event's days, not the article's date
        # (the patterns in their order; but on a line "Updated 21 Nov 2025 First published
        # 20 Nov 2025", a date right after "Updated" counts last)
        found = sorted((match for pattern in rules.full_dates for match in pattern.finditer(line.text)),
                       key=lambda match: _after_updated(line.text, match))
        dated = next(((iso, match) for match in found if (iso := _date_from(match, day_first))), None)
        if dated:
            iso, match = dated
            # With the time of day the line gives, after the date or before it; not an update's
            # ("Updated July 16, 2024 — 7.42pm, first published at 5.15pm": the day is the same)
            if _after_updated(line.text, match):
                return iso, line.number
            time = time_after(line.text, match.end(), iso) or time_before(line.text, match.start(), iso)
            return iso + time, line.number
    return None


def _after_updated(text: str, match: re.Match[str]) -> bool:
    """The date right after an "Updated" label on its line (its last label before the date)."""
    labels = list(DATE_LABEL.finditer(text, 0, match.start()))
    return bool(labels) and UPDATED_LINE.fullmatch(labels[-1].group(0)) is not None


DATE_LABEL = re.compile(r"(?:last )?(?:updated|modified|edited)|(?:first |originally )?(?:published|posted)",
                        re.IGNORECASE)
# A date in words, day first ("1 April", "21 Nov") or month first ("April 1", "Nov. 21"); the
# month capitalised ("Option 2 may cost more", "march 5 miles" are no dates).
MONTH_NAME = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
              r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
DAY_MONTH = re.compile(rf"\b\d{{1,2}} {MONTH_NAME}\b")
MONTH_DAY = re.compile(rf"\b{MONTH_NAME}\.? \d{{1,2}}\b")


def _writes_day_first(body: list[Line], rules: Rules | None = None) -> bool | None:
    """Whether the story writes its dates day first ("from 1 April", as Britain and most of the
    world do): True when it does and never month first ("April 1"), False for the other way
    round, None when it writes no such date or both ways."""
    day_first = any(DAY_MONTH.search(line.text) for line in body)
    month_first = any(MONTH_DAY.search(line.text) for line in body)
    if day_first == month_first and _written_in_a_day_first_language(body, rules):
        return True  # ("04/11/2025" in a Spanish story is 4 November)
    return None if day_first == month_first else day_first


# The commonest small words of Spanish, Portuguese, French, Italian and German, and of English:
# a story written in one of those languages writes its dates day first, as all of them do.
DAY_FIRST_LANGUAGE_WORDS = re.compile(r"\b(?:el|los|las|que|del|una|não|em|uma|os|und|der|das|ist|nicht|ein|eine"
                                      r"|les|est|une|dans|pour|della|che|per|sono|nel|alla|de|la|le|il|et|du|da|do|dos|para|com|por|sur|zu|mit|auf"
                                      r"|von|sich)\b", re.IGNORECASE)
ENGLISH_WORDS = re.compile(r"\b(?:the|and|of|to|is|was|that|with|for|on)\b", re.IGNORECASE)


def _written_in_a_day_first_language(body: list[Line], rules: Rules | None = None) -> bool:
    """Their small words outnumber English's; or, in a short story with fewer of them (a match
    report of a few sentences: "Os gols foram marcados por ..."), its sentences read as one of
    those languages (``language_of``)."""
    text = " ".join(line.text for line in body)
    foreign = len(DAY_FIRST_LANGUAGE_WORDS.findall(text))
    if foreign >= 10 and foreign > 2 * len(ENGLISH_WORDS.findall(text)):
        return True
    return rules is not None and language_of(sentence_words(body), rules) in DAY_FIRST_LANGUAGES


# The languages of the rules that write a date's day first (not English: "04/11/2025" is April 11
# in an American story).
DAY_FIRST_LANGUAGES = frozenset({"French", "Spanish", "Italian", "Portuguese", "German", "Dutch", "Danish", "Norwegian"})


# Two dates joined by a dash or "to"/"until"; the first date ends with its year or day.
DATE_SPAN = re.compile(r"(?:\d{4}|\d{1,2})[ \u00a0]*(?:[–—-]|\bto\b|\buntil\b)[ \u00a0]*"
                       r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \u00a0]+\d{1,2}|\d{1,2}[ \u00a0]+"
                       r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*),?[ \u00a0]+\d{4}", re.IGNORECASE)
UPDATED_LINE = re.compile(r"(?:last )?(?:updated|modified|edited)\b", re.IGNORECASE)


# A time of day alone after a dated dateline: no story after it ("- 09:12", "- 18 h 32", "- noon").
# (Nothing after it is a dateline on a line of its own, the story on the next: "KYIV, March 14
# (Reuters) -".)
TIME_ALONE = re.compile(rf"[ \u00a0]*(?:{NOON}|\d{{1,2}}(?P<minutes>{MINUTE_MARK}\d{{2}})?[ \u00a0]*"
                        r"(?:h|hs|uhr|hrs?|[ap]\.?m\.?)?)(?:[ \u00a0]+(?P<zone>[A-Z]{2,5}))?[ \u00a0]*", re.IGNORECASE)
# A place, a comma and the rest (the date line of a header: "Valdemora, 14 de marzo de 2025 - 09:12").
PLACE_AND_COMMA = re.compile(r"[A-ZÀ-Þ][^\W\d_]*(?:[ \u00a0-][A-ZÀ-Þ][^\W\d_]*){0,3},[ \u00a0]+")


def opens_with_date(text: str, rules: Rules) -> bool:
    """A short line that starts with a full date ("February 2, 2024 · 14 min read", "Saturday,
    May 4, 2024", "vrijdag 14 maart 2025", "fredag den 14. marts 2025")."""
    text = text.strip()
    day = ANY_WEEKDAY.match(text)
    text = TIME_FIRST.sub("", text[day.end():] if day else text)  # ("05:00, 4 MAR 2025")
    return len(text.split()) <= DATE_LINE_WORDS and any(
        (m := p.match(text)) is not None and _a_date(m) for p in rules.full_dates)


def says_when_published(text: str, rules: Rules) -> bool:
    """A short "Published ... / Updated ..." line with a full date in it, or a row of such
    stamps between bars ("PUBLISHED: March 3, 2025 at 9:47 PM CST | UPDATED: March 4, 2025 at
    7:15 AM CST")."""
    if len(text.split()) > DATE_LINE_WORDS:
        parts = ROW_SEPARATOR.split(text.strip())
        return len(parts) > 1 and all(len(part.split()) <= DATE_LINE_WORDS and says_when_published(part, rules)
                                      for part in parts)
    return (rules.published_line.search(text) is not None
            and any((m := p.search(text)) is not None and _a_date(m) for p in rules.full_dates))


def is_byline_line(text: str, rules: Rules) -> bool:
    """A byline, or names alone (the byline's names above the writer's job)."""
    return bool(byline_names(text, rules) or only_names(text, rules))


def date_hints(lines: list[Line], rules: Rules) -> list[tuple[int, str]]:
    """Relative time words, with their line numbers, in order."""
    hints = []
    for line in lines:
        found = [(m.start(), m.group(0)) for p in rules.date_hints for m in p.finditer(line.text)]
        hints.extend((line.number, text) for _, text in sorted(found))
    return hints


def _a_date(match: re.Match[str]) -> bool:
    """The match is a date, read one way or the other ("04/03/2025": a line holding it says when
    the article was published, whichever day it was)."""
    return bool(_date_from(match, day_first=True) or _date_from(match, day_first=False))


def _date_from(match: re.Match[str], day_first: bool | None = None) -> str | None:
    if match.groupdict().get("first"):
        # "22/05/2023" or "05/22/2023": a day above 12 tells which is which. "05/06/2023" does
        # not, and is no date (never a guess), unless the weekday before it fits only one
        # reading ("Tue, 10/07/2025": October 7, 2025 was a Tuesday, July 10 a Thursday), or
        # the story writes its dates day first or month first (``day_first``). Only Europe
        # writes dates with full stops, day first: "12.03.2024".
        first, second, year = int(match.group("first")), int(match.group("second")), int(match.group("year"))
        if match.groupdict().get("sep") == ".":
            return _iso(year, second, first)
        if (first > 12) == (second > 12):
            if first > 12:
                return None
            weekday = WEEKDAY_BEFORE.search(match.string, 0, match.start())
            readings = {iso for iso in (_iso(year, first, second), _iso(year, second, first)) if iso}
            fitting = {iso for iso in readings if weekday and _weekday_of(iso) == weekday.group(1).lower()[:3]}
            if len(fitting) == 1:
                return fitting.pop()
            if day_first is None:
                return None
            return _iso(year, second, first) if day_first else _iso(year, first, second)
        day, month = (first, second) if first > 12 else (second, first)
        return _iso(year, month, day)
    month = match.group("month").lower()
    number = int(month) if month.isdigit() else FOREIGN_MONTHS.get(month) or MONTHS.index(month[:3]) + 1
    return _iso(int(match.group("year")), number, int(match.group("day")))


# A weekday right before a date: "Tue, 10/07/2025", "Tuesday 10/07/2025"
WEEKDAY_BEFORE = re.compile(r"\b(mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?"
                            r"|sun(?:day)?)\.?,?[ \u00a0]*$", re.IGNORECASE)


def _weekday_of(iso: str) -> str:
    return WEEKDAYS[datetime.date.fromisoformat(iso).weekday()]


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_reporters(lines: list[Line], rules: Rules, english: bool = False) -> list[Reporter]:
    """Reporters named by bylines ("By JANE DOE and JOHN ROE") and in-text credits ("KCAL9's
    Brittney Hopper reports"), once each, bylines first. (``english``: the story is written in
    English, where a writer's three names are more often a middle name than a place.)"""
    found: dict[str, Reporter] = {}
    for index, line in enumerate(lines):
        names = byline_names(line.text, rules)
        if not names and index < HEADER_LINES and index + 1 < len(lines):
            after = lines[index + 2].text if index + 2 < len(lines) else None
            names = writers_above(line.text, lines[index + 1].text, rules, after)
        if not names and index < HEADER_LINES and line.text.strip()[-1:] not in ".!?\"”":
            # a name run together with the date or the job, no "By" ("Lachlan Peploe Updated 21
            # Nov 2025, 6:10am"), not a sentence of the story; or names joined, then the job
            # ("Priya Natarajan and Owen Castillo / Sentinel Staff Writers")
            names = ([name] if (name := _name_before_job_or_date(line.text.strip(), rules)) else []) or (
                writers_with_job(line.text, rules))
        for name in names:
            name = _without_place(name, line, lines, rules, english)
            found.setdefault(slugify(name), Reporter(name, None, line.number))
    for line in live_entry_writers(lines, rules):
        found.setdefault(slugify(line.text.strip()), Reporter(line.text.strip(), None, line.number))
    for line in lines:
        # (in the line's order: "Mark Chen in Houston and Sara Blum in Washington contributed"
        # is matched by two patterns, Sara Blum's first)
        matches = sorted((match for pattern in rules.reporter_credits for match in pattern.finditer(line.text)),
                         key=lambda match: match.start("name"))
        for match in matches:
            name = _without_place(match.group("name"), line, lines, rules, english)
            station = match.groupdict().get("station")
            if _is_name(name, rules):  # ("The Associated Press contributed to this report.")
                found.setdefault(slugify(name), Reporter(name, station, line.number))
    return list(found.values())


HEADER_LINES = 15  # body lines before the story where a name alone may be the byline


def live_entry_writers(lines: list[Line], rules: Rules) -> list[Line]:
    """The lines that sign a live blog's entries: a name alone right under the entry's time
    ("14:20 GMT" / "Meera Chaudhuri-Blake"): two or more, of which one name signs two or more,
    or every time gives its zone (a day's programme names each speaker once under a time with
    no zone: "09:00" / "Registration Desk", "10:30" / "Ann Lee")."""
    signed = [(below, _zoned(time)) for above, below in zip(lines, lines[1:])
              if below.number == above.number + 1 and (time := TIME_ALONE.fullmatch(above.text))
              and _is_name(below.text.strip(), rules) and len(below.text.split()) >= 2]
    names = [line.text.strip() for line, _ in signed]
    if any(names.count(name) > 1 for name in names) or len(signed) >= 2 and all(zoned for _, zoned in signed):
        return [line for line, _ in signed]
    return []


def _zoned(time: re.Match) -> bool:
    """A live blog's time with its zone ("14:20 GMT", "9:05 a.m. ET"), as a day's programme
    writes none (nor is "10:30 AM" a zone)."""
    zone = time.group("zone")
    return bool(time.group("minutes") and zone and zone.isupper() and zone not in ("AM", "PM"))


def _without_place(name: str, line: Line, lines: list[Line], rules: Rules, english: bool) -> str:
    """A byline's name without the place the writer files from, run on after it with no comma
    ("Por Rocío Almagro Peñalver Valdelince, 18/09/2025"): a last word of three or more that the
    page writes on its other lines after "de", "in", "from" ... as a place ("El Ayuntamiento de
    Valdelince"). (A second surname is written so only by chance. In English, four words or more:
    "By Mary Ann Houston" of a story "in Houston" keeps her name.)"""
    words = name.split()
    if len(words) < (4 if english else 3) or not words[-1][:1].isupper() or words[-2].lower() in rules.name_particles:
        return name  # ("Margit van der Veen": the story's "van der Veen" is her)
    place = re.compile(rf"(?<![\w-])(?i:{any_word(rules.before_things)})[ \u00a0]+{re.escape(words[-1])}(?![\w-])(?![ \u00a0]+[A-Z])")
    return " ".join(words[:-1]) if any(place.search(other.text) for other in lines if other is not line) else name

# A byline that names no one: "By Coastline Wire staff", "Staff report", "From staff reports".
STAFF_CREDIT = re.compile(r"(?i:by|from)[ \u00a0]+(?:the[ \u00a0]+)?(?:[A-Z][\w&'’.-]*[ \u00a0]+){0,4}"
                          r"(?i:staff(?:[ \u00a0]+(?:reports?|writers?))?)|(?i:staff[ \u00a0]+reports?)")
WRITER_JOB = re.compile(r"(?:[\w'’-]+[ \u00a0]|&[ \u00a0]){0,4}(?:correspondent|editor|reporter|writer|columnist|critic|"
                        r"journalist|contributor)s?", re.IGNORECASE)
# ... with the outlet after a comma: "Environment correspondent, Fenland Broadcasting"
WRITER_JOB_AT = re.compile(WRITER_JOB.pattern + r"(?:,[ \u00a0]+(?-i:(?:The[ \u00a0]+)?[A-Z][\w&'’.-]*"
                           r"(?:[ \u00a0]+[A-Z][\w&'’.-]*){0,4}))?", re.IGNORECASE)


def writers_above(line: str, below: str, rules: Rules, after: str | None = None) -> list[str]:
    """The names of a line that is only names, right above the date, the writer's job, the
    reading time or another byline ("Bridget Lafleur" over "Local Journalism Initiative
    Reporter", "Mar 14, 2024" or "5–6 minutes"; "Tanvir Rahman-Kerr, Eilidh NicAoidh and
    Olumide Adeyemi-Brooks" over "Fri 9 May 2025"; "Devika Raman" over "Tom Beaulieu, Special
    to the Ledger"), or over the outlet the writer writes for with the date under it
    (``after``: "Aled Pryce" / "Local Democracy Reporting Service" / "14:06, 14 NOV 2024"), or
    over a line of who the writer is ("Eleanor Pryce-Hollins is a former city councillor"):
    the byline."""
    names = only_names(line, rules)
    if names:
        return names if (dates(below, rules) or is_writers_credit(below, after, rules)
                         or READING_TIME.fullmatch(below.strip()) or byline_names(below, rules)
                         or below.strip().startswith(line.strip() + " is ")) else []
    # "Priya Deshmukh, Luc Arsenault · NPB News · Posted: Jul 18, 2024 5:00 AM", or the date
    # on the line below: "Danielle Tremblay-Okoro · LBN News" over "Posted: Feb 27, 2024"
    parts = re.split(r"[ \u00a0]+[·|][ \u00a0]+", line.strip())
    # (not a button after the name: "Esmé Varga-Hollis · Follow" is a blog's row, the name a link)
    dated = any(says_when_published(part, rules) for part in parts[1:]) or len(parts) == 2 and (
        _is_outlet(parts[1]) and not is_chrome(rules, parts[1]) and dates(below, rules))
    return only_names(re.sub(r"^by[ \u00a0]+", "", parts[0], flags=re.IGNORECASE), rules) if dated else []


def is_writers_credit(text: str, below: str | None, rules: Rules) -> bool:
    """A line under a byline that says what the writer is or writes for: the job ("Senior
    Reporter", "Environment correspondent, Fenland Broadcasting"), or the outlet or agency when the date is under it ("Local Democracy Reporting
    Service" over "14:06, 14 NOV 2024")."""
    return bool(WRITER_JOB_AT.fullmatch(text.strip())) or (
        below is not None and _is_outlet(text.strip()) and dates(below, rules))


def dates(text: str, rules: Rules) -> bool:
    """A line that starts with a full date, says when the article was published, is a row of
    the place, the date and the time ("Ashgrove | 13.11.2024 | 16:45"), or the place and the
    date after a comma ("Valdemora, 14 de marzo de 2025 - 09:12")."""
    return (opens_with_date(text, rules) or says_when_published(text, rules) or dated_row(text, rules)
            or _place_and_date(text, rules))


def _place_and_date(text: str, rules: Rules) -> bool:
    """"Valdemora, 14 de marzo de 2025 - 09:12": the place, then a full date, then at most a
    time (not "Valdemora, 14 de marzo de 2025.- El pleno aprobó ayer el plan.", a lede)."""
    match = PLACE_AND_COMMA.match(text.strip())
    if match is None:
        return False
    rest = WEEKDAY.sub("", text.strip()[match.end():])
    for pattern in rules.full_dates:
        date = pattern.match(rest)
        if date is not None and _a_date(date):
            after = rest[date.end():].strip(" \u00a0.,-–—|·")
            return not after or TIME_ALONE.fullmatch(after) is not None
    return False


MAX_ROW_PART_WORDS = 3


def dated_row(text: str, rules: Rules) -> bool:
    """A few short parts between bars or dots, one of them a full date (a printed page's running
    head too: "THE HARBOR GAZETTE  •  Tuesday, October 14, 2025  •  Page 3")."""
    parts = ROW_SEPARATOR.split(text.strip())
    dated = [opens_with_date(part, rules) for part in parts]
    return 2 <= len(parts) <= 4 and any(dated) and all(
        is_date or len(part.split()) <= MAX_ROW_PART_WORDS for part, is_date in zip(parts, dated))


# How long the article takes to read, as a reader view writes it under the byline: "5–6 minutes"
READING_TIME = re.compile(r"\d{1,3}(?:[ \u00a0]?[–-][ \u00a0]?\d{1,3})?[ \u00a0]+min(?:ute)?s?(?:[ \u00a0]+read)?",
                          re.IGNORECASE)
# A stamp that says when relative to the day the page was copied ("5 hours ago", "Today at 11:45",
# "Updated yesterday, 18:02", as a phone's page shows it under the byline): a header line, which
# dates nothing (the day it counts from is not known).
RELATIVE_STAMP = re.compile(r"(?:(?:published|posted|updated|last updated)[: \u00a0]+)?(?:(?:today|yesterday)(?:,? (?:at )?"
                            r"\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?)?|(?:\d{1,2}|an?|one) (?:mins?|minutes?|hrs?|hours?|days?)"
                            r" ago|just now)", re.IGNORECASE)


def _is_outlet(text: str) -> bool:
    """A few capitalised words, as an outlet's name is ("LBN News"; not "Posts: 2,114" or
    "Explained: How is the FRP fixed")."""
    words = text.split()
    return 0 < len(words) <= MAX_NAME_WORDS and all(word[:1].isupper() and word.isalpha() for word in words)


# The word a page's declared author may start with, as its byline does ("By Jane Roe", "Par
# Solène Marcouly", "Di Federica Ognibene" as trafilatura's front matter gives the Italian "di"):
# taken off only when a name of two words or more follows ("Von Trapp" alone is a name).
_BYLINE_WORD = re.compile(r"^(?:(?P<particle>von|di)|by|por|par)\s+(?=(?-i:[A-ZÀ-Þ])[\w.’'-]+\s+(?-i:[A-ZÀ-Þ]))",
                          re.IGNORECASE)


def without_byline_word(author: str | None, english: bool) -> str | None:
    """A page's declared author without the byline's word before it; "Di" and "Von", which open
    surnames too, only over a story not written in English (``english``: see written_in_english;
    over one that is, "Di Stefano Rossi" is a name)."""
    match = _BYLINE_WORD.match(author or "")
    if match is None or match.group("particle") and english:
        return author
    return author[match.end():]


def written_in_english(body: list[Line]) -> bool:
    """English's commonest small words outnumber those of the day-first languages."""
    text = " ".join(line.text for line in body)
    return len(ENGLISH_WORDS.findall(text)) > len(DAY_FIRST_LANGUAGE_WORDS.findall(text))


# The language a story is written in is the one whose common words (rules.common_words) are
# the largest share of the words of its sentences, if that share is large enough: in the six
# languages of the rules, 0.21 or more and six different words at least in every story seen so
# far (match reports, transcripts among them); in the others' stories, 0.14 or more (Polish,
# whose nouns take endings where others have small words, has the fewest).
MIN_COMMON_WORDS = 0.12
MIN_DIFFERENT_COMMON_WORDS = 5
MIN_WORDS_TO_TELL = 40  # (fewer say too little: a caption, a two-line notice)
WORD = re.compile(r"[^\W\d_]+")
# What is said in quotation marks, left out of the words read for the language: an English story
# may quote a Dutch mayor at length. (British single marks too: one closes at a ’ that is no
# apostrophe, which a letter follows: ‘C’est un budget équilibré’.)
QUOTED = re.compile(r'"[^"]*"|“[^”]*”|«[^»]*»|»[^«]*«|„[^“”]*[“”]|‘[^‘]*?’(?!\w)')
# A line of sentences: six words or more, ending as a sentence does. Only these are read for
# the language: a list of listings or roadworks ("- Park run, Pennard Common, Saturday 9am"),
# a results table or a weather forecast has few small words in any language.
SENTENCES = re.compile(r"(?:\S+\s+){5,}.*[.!?…][\"'”»“’)]*\s*")


def sentence_words(body: list[Line]) -> list[list[str]]:
    """The words of each of the story's lines of sentences (SENTENCES), in lower case, what
    they quote left out: what language_of and lines_in_language read."""
    return [[word.lower() for word in WORD.findall(QUOTED.sub(" ", line.text))]
            for line in body if SENTENCES.fullmatch(line.text.strip())]


def language_of(sentences: list[list[str]], rules: Rules) -> str | None:
    """The language of the story's sentences (``sentence_words``), of those the rules have
    common words for; None when there are too few to tell, or no language has words enough."""
    words = [word for line in sentences for word in line]
    if len(words) < MIN_WORDS_TO_TELL:
        return None
    best, best_count = None, 0
    for language, common in rules.common_words:
        found = [word for word in words if word in common]
        if (len(found) > best_count and len(found) >= MIN_COMMON_WORDS * len(words)
                and len(set(found)) >= MIN_DIFFERENT_COMMON_WORDS):
            best, best_count = language, len(found)
    return best


MIN_COMMON_WORDS_IN_A_LINE = 3


def lines_in_language(sentences: list[list[str]], rules: Rules) -> Counter:
    """How many of the story's lines of sentences (``sentence_words``) read as each language:
    the one with the most common words of the line (three at least; a tie tells none)."""
    found = Counter()
    for words in sentences:
        if not words:
            continue
        counts = sorted(((sum(1 for word in words if word in common), language) for language, common in rules.common_words),
                        reverse=True)
        if counts and counts[0][0] >= MIN_COMMON_WORDS_IN_A_LINE and (len(counts) == 1 or counts[1][0] < counts[0][0]):
            found[counts[0][1]] += 1
    return found


def names_in(text: str, rules: Rules) -> list[str]:
    """The names among a list of them and other words ("A; B", "A; Transport Correspondent")."""
    return [part for part in BYLINE_SEPARATOR.split(text.replace(";", ",").strip()) if _is_name(part, rules)]


# The dates of a life, and nothing else: "June 2, 1938 – November 21, 2025", "2 June 1938 - 21
# November 2025", "1938–2025" (a year at each end: "March 3 – March 5, 2025" is an event's)
_LIFE_DATE = rf"(?:{MONTH_NAME}\.?[ \u00a0]+\d{{1,2}},?[ \u00a0]+|\d{{1,2}}[ \u00a0]+{MONTH_NAME},?[ \u00a0]+)?"
LIFESPAN = re.compile(rf"{_LIFE_DATE}(?P<born>\d{{4}})[ \u00a0]*[–—-][ \u00a0]*{_LIFE_DATE}(?P<died>\d{{4}})",
                      re.IGNORECASE)
MAX_AGE = 125


def is_lifespan_under_name(name: str, below: str, rules: Rules) -> bool:
    """An obituary's header: a person's name alone over the dates of the life ("Edwina
    Marguerite Tolliver" over "June 2, 1938 – November 21, 2025")."""
    life = LIFESPAN.fullmatch(below.strip())
    return (life is not None and 0 <= int(life["died"]) - int(life["born"]) <= MAX_AGE
            and _is_name(name.strip(), rules))


def only_names(line: str, rules: Rules) -> list[str]:
    """The names of a line that holds nothing else ("A, B and C"), else []."""
    names = BYLINE_SEPARATOR.split(line.strip())
    return names if all(_is_name(name, rules) for name in names) else []


# Between the credits of a byline: a semicolon, or a full stop before the next credit
# ("Photographs by Ines Volkov. Words by Tamsin Arkwright": the photographer is not a writer)
CREDIT_SEPARATOR = re.compile(r";|(?<=[a-z])\.[ \u00a0]+(?=(?:words|text|story|photos?|photographs?|pictures?|video|"
                              r"reporting|interview|illustrations?|graphics?|design)[ \u00a0]+by[ \u00a0])",
                              re.IGNORECASE)
WHERE = re.compile(r"[ \u00a0]+in[ \u00a0]+[A-Z].*$")
# (and the "and" of the languages whose byline words the rules know: "Von A und B", "Por A y B",
# "Par A et B", "Di A e B", "Af A og B"; before a capital, so that a particle in lower case is
# not one. The Dutch "en" only after "Door": in French and Spanish it is "in", "Por Ana Ruiz en
# Nueva York", see DUTCH_AND)
BYLINE_SEPARATOR = re.compile(r"[ \u00a0]*,[ \u00a0]*|[ \u00a0]+(?:and|AND|&|(?:und|y|et|e|og)(?=[ \u00a0]+[A-ZÀ-Þ]))[ \u00a0]+")
DUTCH_AND = re.compile(r"[ \u00a0]+en(?=[ \u00a0]+[A-ZÀ-Þ])[ \u00a0]+")
MAX_NAME_WORDS = 4
# A writer's e-mail address run on after the name, as many local papers' pages print it ("By
# Rick Alvarez ralvarez@tribune.example", "... Email: ralvarez@..."): it names no one, and
# read as part of the name it made the line no byline at all.
EMAIL_IN_BYLINE = re.compile(r"(?:[ \u00a0]+e-?mail:?)?[ \u00a0]+[^\s@]+@[^\s@]+\.[^\s@]+$", re.IGNORECASE)


def byline_names(line: str, rules: Rules) -> list[str]:
    """The names a byline line gives, in normal capitals; [] when the line is not a byline.
    Parts that are not names ("Associated Press", "Political Editor") are left out. A byline
    rule's group ``handle`` names a site's user ("Started by BridgeStreetBev")."""
    names = []
    line = line.replace("\t", " ")  # (a byline copied from a table's cells: "By<tab>Jane Roe")
    # "(Reporting by X; Additional reporting by Y in Z; Editing by W)": each credit on its own
    # (a list's bullet before it taken off: "* By Jane Roe", as a text browser shows a list)
    for credit in CREDIT_SEPARATOR.split(LIST_BULLET.sub("", line).strip().removeprefix("(").removesuffix(")")):
        credit = EMAIL_IN_BYLINE.sub("", credit.rstrip())
        match = line_matches(rules.bylines, credit) or line_matches(rules.bylines, _without_dated_part(credit, rules))
        if match and (handle := (match.groupdict().get("handle") or "").strip()):
            names += [handle] if HANDLE.fullmatch(handle) or _is_name(handle, rules) else []
            continue
        if match and not _reads_as_a_sentence(credit, match) and not _reads_as_a_headline(credit, match, rules):
            given = _names_given(credit, match)
            names += _names_in(_without_date_after(given, rules), rules) or _names_in(given, rules)
    return names


# The byline words of other languages that open English headlines too ("Von Trapp Singers
# Return", "Door Prize Winners Announced"), and the language each is the byline word of.
HEADLINE_BYLINE_WORDS = {"Von": "German", "Door": "Dutch"}
HEADLINE_BYLINE_WORD = re.compile(rf"\b(?:{'|'.join(HEADLINE_BYLINE_WORDS)})[ \u00a0]")
# A name after such a word has this many capitalised words at most ("Von Jana Wiltberg", "Door
# Jan de Vries": the particles in lower case do not count); a headline in title case, more.
MAX_NAME_CAPITALS_AFTER_HEADLINE_WORD = 2


def language_for_bylines(lines: tuple[str, ...], rules: Rules) -> str | None:
    """The language of the capture's sentences (``language_of``), which tells a byline opened by
    one of HEADLINE_BYLINE_WORDS from a headline; read only when a line holds one (else None)."""
    if not any(HEADLINE_BYLINE_WORD.search(line) for line in lines):
        return None
    return language_of(sentence_words([Line(n, line) for n, line in enumerate(lines, 1)]), rules)


def _names_given(credit: str, match: re.Match) -> str:
    """The names a byline rule's match gives, the Dutch "en" between them a comma after "Door"
    ("Door Jan de Vries en Piet Jansen"; see DUTCH_AND)."""
    given = match.group("names").strip()
    return DUTCH_AND.sub(", ", given) if _opener(credit, match).lower() == "door" else given


def _opener(credit: str, match: re.Match) -> str:
    """The word a byline rule's match found before the names: "By", "Von", "Door"."""
    return credit[:match.start("names")].strip().rstrip(":")


def _reads_as_a_headline(credit: str, match: re.Match, rules: Rules) -> bool:
    """A line opened by one of HEADLINE_BYLINE_WORDS whose words after it are more capitalised
    words than a writer's name has: a headline in title case, not a byline. In a capture written
    in the word's own language it is the byline whatever the name ("Von Anna Maria Schmidt" over
    a German story): no English headline stands there."""
    opener = _opener(credit, match)
    if opener not in HEADLINE_BYLINE_WORDS or rules.capture_language == HEADLINE_BYLINE_WORDS[opener]:
        return False
    given = _without_date_after(_names_given(credit, match), rules)
    return any(len([word for word in name.split() if word[:1].isupper()]) > MAX_NAME_CAPITALS_AFTER_HEADLINE_WORD
               for name in BYLINE_SEPARATOR.split(given))


# A clause in lower case after the names, to the sentence's end: the line may be a sentence of
# the story ("Hosted by Marisol Vantongeren, the evening drew 300 people.", "Written by X, the
# play ..."), not a byline ("By Jane Doe, Political Editor", "Jane Roe, staff writer").
CLAUSE_AFTER_NAMES = re.compile(r",[ \u00a0]+[a-z][^,]*?(?:[ \u00a0][^ \u00a0,]+){2,}[.!?][\"”’)]*[ \u00a0]*$")
# What a byline says of its writers in lower case ("a senior reporter at the Tribune.",
# "special to the Ledger."): a clause naming it is the byline's, not a sentence's.
WRITER_WORDS = re.compile(r"\b(?:correspondent|editor|reporter|writer|columnist|critic|journalist|staff|special to"
                          r"|contributor|freelance)\b", re.IGNORECASE)
# The words that open a byline and nothing else: no sentence of a story starts "By Jane Roe, ..."
# (and "By the end of the day" names no one).
BYLINE_ONLY_WORDS = ("by", "por", "par", "di", "von")


def _reads_as_a_sentence(credit: str, match: re.Match) -> bool:
    """A credit such as "Hosted by X" or "Written by X" with a clause after the names that says
    nothing of a writer: the story's sentence, not its byline. A plain "By X, ..." is always a
    byline ("By Jane Roe, a senior reporter at the Tribune.")."""
    opener = re.split(r"[|·•]", credit[:match.start("names")])[-1].strip().rstrip(":").lower()
    names = match.group("names")
    return (opener not in BYLINE_ONLY_WORDS and CLAUSE_AFTER_NAMES.search(names) is not None
            and WRITER_WORDS.search(names) is None)


def _without_dated_part(text: str, rules: Rules) -> str:
    """A byline without the date after its last bar or dot ("Henrike Solvang, Senior Editor |
    07.10.2025"); the text as it is when its last part is no date."""
    parts = ROW_SEPARATOR.split(text.strip())
    if len(parts) < 2 or not dates(parts[-1], rules):
        return text
    return text.strip()[:text.strip().rindex(parts[-1])].rstrip("|·• \u00a0")


def _names_in(given: str, rules: Rules) -> list[str]:
    names = []
    pieces = re.split(f"({BYLINE_SEPARATOR.pattern})", given)  # the parts, and the separator before each
    parts, and_before = pieces[0::2], [False] + ["," not in separator for separator in pieces[1::2]]
    for part, after_and in zip(parts, and_before):
        part = _credit_without_honorific(WHERE.sub("", part), rules)  # "Priya Ramaswamy in Mercer Falls"
        name = " ".join(_normal_capitals(word) for word in part.split())
        if not _is_name(name, rules):  # "JANELLE WHITAKER-BOATENG Federated Press": the capitals
            name = " ".join(_normal_capitals(word) for word in _leading_capitals(part))
        if not _is_name(name, rules):  # "Fiona Gatherwood Local Democracy Reporter Tuesday 12 ..."
            name = _name_before_job_or_date(part, rules)
        if _is_name(name, rules) or names and after_and and _surname_like_a_place(part.strip(), rules):
            names.append(name or part.strip())
    return names


# The honorifics a byline may put before its writer's name; not those that are given names or
# initials too ("By Don Van Natta Jr.", "By M. Jane Porter").
BYLINE_HONORIFICS = frozenset({"dr", "dr.", "rev", "rev.", "reverend", "sir", "dame", "mr", "mr.", "mrs", "mrs.",
                               "ms", "ms."})


def _credit_without_honorific(part: str, rules: Rules) -> str:
    """A credit without the honorific or abbreviated title before the name ("By Dr. Miriam
    Oduya-Hartwell", "Rev. Tom Hale", "Prof. Ana Ruiz"): the writer is the name."""
    words = part.split()
    lower = words[0].lower() if words else ""
    if len(words) > 2 and (lower in BYLINE_HONORIFICS or lower.endswith(".") and len(lower) > 2
                           and rules.is_title_word(lower)):
        return part.strip()[len(words[0]):].strip()
    return part


def _surname_like_a_place(part: str, rules: Rules) -> bool:
    """A name joined to a writer's name by "and" whose surname is also a word of places
    ("By Jane Roe and Devin Park"): after "and" in a byline stands the second writer, while
    the outlet follows a comma ("..., Pacific Coast Wire")."""
    words = part.split()
    return (2 <= len(words) <= MAX_NAME_WORDS and re.fullmatch(name_phrase(rules.name_particles), part) is not None
            and could_be_person(" ".join(words[:-1]) + " " + words[0], rules)
            and words[-1].lower() not in rules.title_words)


def _without_date_after(names: str, rules: Rules) -> str:
    """A byline's names without the date or reading time a layout runs on after them on the
    line ("Colette Ambrose June 5, 2025", "Rosalind Achterberg · 4 min read"): the date's
    commas would otherwise split it into parts that are not names."""
    words = names.split()
    for end in range(1, len(words)):
        rest = " ".join(words[end:]).lstrip("·•–-| \u00a0")
        if opens_with_date(rest, rules) or READING_TIME.fullmatch(rest) or says_when_published(rest, rules):
            return " ".join(words[:end]).rstrip("·•–-|, \u00a0")
    return names


def _name_before_job_or_date(part: str, rules: Rules) -> str:
    """The name that starts a byline run together with the writer's job or the date, as a
    text browser or a converter puts a byline's parts on one line: "Fiona Gatherwood Local
    Democracy Reporter Tuesday 12 March 2024", "Jess Kuranda Regional Reporter Posted Fri",
    or a dash or a bar between them ("Jess Kuranda – Senior Reporter, Tri-Shire Times",
    "Agustín Larrañeta | 04/11/2025"). "" when no
    name is followed by either."""
    words = part.split()
    if words and words[0].lower() in rules.name_stopwords:
        return ""  # ("Updated May 2, 2025 · First published ...": a stamp's word starts no name)
    for end in range(2, min(MAX_NAME_WORDS, len(words) - 1) + 1):
        name, rest = " ".join(words[:end]), " ".join(words[end:]).lstrip("–—-|/· \u00a0")
        if any(word.lower() in rules.job_words for word in words[:end]):
            break  # ("Community Affairs Reporter": the job alone)
        if _is_name(name, rules) and (rest[:1].isalpha() and rest.split()[0].lower() in rules.job_words
                                       and WRITER_JOB.match(rest)
                                       or _outlet_then_job(name, rest, rules)
                                       or opens_with_date(rest, rules) or says_when_published(rest, rules)):
            return name
    return ""


def writers_with_job(text: str, rules: Rules) -> list[str]:
    """The names of a byline with no "By": names joined by commas or "and", then the writers'
    job after a comma, a slash, a bar or a dash ("Priya Natarajan and Owen Castillo / Sentinel
    Staff Writers", "Priya Natarajan and Owen Castillo, Staff Writers"); [] for any other line."""
    parts = BYLINE_SEPARATOR.split(LIST_BULLET.sub("", text).strip())
    head, last = parts[:-1], parts[-1].strip()
    if not head or not all(_is_name(part, rules) for part in head):
        return []
    if WRITER_JOB_AT.fullmatch(last):
        return head  # (", Staff Writers")
    name = _name_before_job_or_date(last, rules)
    rest = last[len(name):].lstrip("–—-|/· \u00a0")
    return head + [name] if name and WRITER_JOB_AT.fullmatch(rest) else []


def _outlet_then_job(name: str, rest: str, rules: Rules) -> bool:
    """``rest`` is the outlet's name, a word or two, then the writer's job ("Sentinel Staff
    Writer", after "Colm Dearborn"), when the outlet's first word does not go on with the
    name ("Mary Ann Evans Staff Writer": "Evans" does), or when the job is in lower case after
    the capitalised outlet ("Sun staff writer", as US papers write it with no comma)."""
    words = rest.split()
    job = " ".join(words[1:])
    return (WRITER_JOB.fullmatch(rest) is not None and words[0][:1].isupper()
            and any(word.lower() in rules.job_words for word in words[1:3])
            and (not _is_name(f"{name} {words[0]}", rules) or job.islower()))


def _leading_capitals(part: str) -> list[str]:
    words = []
    for word in part.split():
        if not _in_capitals(word):
            break
        words.append(word)
    return words


def _in_capitals(word: str) -> bool:
    return word.isupper() and sum(c.isalpha() for c in word) > 1  # ("J." is an initial)


def _normal_capitals(word: str) -> str:
    """JANE -> Jane, O'NEIL -> O'Neil, SMITH-JONES -> Smith-Jones, ÅSA -> Åsa; others as written."""
    if not _in_capitals(word):
        return word
    return re.sub(r"(^|['’.-])(\w)", lambda m: m.group(1) + m.group(2).upper(), word.lower())


def _is_name(text: str, rules: Rules) -> bool:
    words = text.split()
    return (len(words) <= MAX_NAME_WORDS and re.fullmatch(name_phrase(rules.name_particles), text) is not None
            and could_be_person(text, rules))


def url_slug(url: str | None) -> str | None:
    """The last segment of the URL's path, as a slug (file extensions dropped); the story's
    words before it when it is a file's or a view's generic name ("/council-budget/index.html",
    ".../amp/") or an id ("/council-votes-budget/ABCD1234XYZ/", "/story/12345678"): the segment
    right before it when it is words joined by hyphens (three or more before an id), else none
    (the title makes the slug)."""
    segments = [re.sub(r"\.(?:s?html?|php|aspx?|jsp)$", "", s) for s in urlsplit(url or "").path.split("/") if s]
    if not segments:
        return None
    last = segments[-1]
    if last.lower() not in GENERIC_SEGMENTS and not ID_SEGMENT.fullmatch(last):
        return slugify(last) or None
    # The segment right before it (a view's name between skipped: ".../council-budget/amp/index.html"),
    # not one further up, which is a section's ("/local-news/2024/03/05/12345678"); before an id,
    # words of a headline's length only: a section's name stands there too, on every story of it
    # ("/politics-government/capitol-alert/article252061118.html")
    before = next((s for s in reversed(segments[:-1]) if s.lower() not in GENERIC_SEGMENTS), "")
    if not STORY_SEGMENT.search(before) or ID_SEGMENT.fullmatch(before):
        return None
    if last.lower() not in GENERIC_SEGMENTS and len(re.split(r"[-_]", before)) < 3:
        return None
    return slugify(before) or None


# A URL's last segment that names no story: a file's or a view's usual name, or an id (digits;
# a run of letters and digits with a digit and no word break, as publishing systems make them;
# a UUID).
GENERIC_SEGMENTS = frozenset({"index", "default", "article", "story", "content", "detail", "details", "view", "print",
                              "amp", "full", "page", "post", "comments"})
ID_SEGMENT = re.compile(r"\d+|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{8,}",
                        re.IGNORECASE)
STORY_SEGMENT = re.compile(r"[^\W\d_]{2,}[-_][^\W\d_]{2,}")  # (words joined: "council-votes-budget")


# "... despite 4,000-signature petition (ruapekastar.example)": a link aggregator's title
# names the site the story is from.
TRAILING_DOMAIN = re.compile(r"[ \u00a0]+\((?:[\w-]+\.)+[a-z]{2,}\)$")


def without_domain(title: str) -> str:
    return TRAILING_DOMAIN.sub("", title)


# A live blog's badge glued to its headline before a colon, a bar or a dash, in capitals or
# with its dot ("LIVE: Storm Dara batters the coast", "● Live | ...", "EN DIRECT : ..."); in
# ordinary case the words are the headline's own ("Live updates: Storm Harriet hits the coast",
# "Live: the best gigs of the summer").
LIVE_BADGE = re.compile(r"(?:[●•🔴⬤◉][ \u00a0]?(?i:live)|LIVE(?: UPDATES?| BLOG| COVERAGE)?|EN DIRECT|EN VIVO|EN DIRECTO"
                        r"|IN DIRETTA|AO VIVO|LIVE-?TICKER|LIVEBLOG)[ \u00a0]*(?::|[ \u00a0][|–—-])[ \u00a0]+(?=\S)")


def without_live_badge(headline: str) -> str:
    """The headline without a live blog's badge before it."""
    badge = LIVE_BADGE.match(headline)
    return headline[badge.end():] if badge else headline


def url_host(url: str | None) -> str | None:
    return urlsplit(url or "").hostname
