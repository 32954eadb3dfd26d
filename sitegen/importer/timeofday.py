"""The time of day a capture's date line gives with its date, and the zone it names.

"Nov. 9, 2016, at 6:15 a.m. EST", "Wed 9 Nov 2016 06.15 GMT", "6:15 AM ET, Wed November 9,
2016", "09.11.2016 um 06:15 Uhr", "9 novembre 2016 à 06h15", "9 novembre 2016 à 18 h 32" (as
Quebec writes it), "Nov. 8, 2016, at noon": the outlet's own stamp says when
the story went out, and an article's ``date`` can hold it (``2016-11-09T06:15-05:00``). Read
as written, never guessed: a zone is kept only when its name says one offset from UTC (EST is
-05:00 whatever the day; "ET" is -05:00 or -04:00 as the day's daylight saving time has it; IST
is India's, Ireland's or Israel's, and stays out), and a time with no zone, or an unknown one,
is kept as the outlet's local time without a zone. "Midnight" in words is not read: writers use
it for the night that ends the day as often as for the one that starts it ("the polls close at
midnight Tuesday"), and midnight exactly is what a site writes when it knows the day only.
"""

from __future__ import annotations

import datetime
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..model import PartialDate

_SPACE = r"[ \u00a0]"
# What joins a date and its time: ", at", " · ", " | ", " - ", " -- ", " à ", " um ", " a las ", " alle ",
# the Dutch " om ", the Danish and Norwegian " kl. "
_JOIN = (rf"(?:{_SPACE}*(?:--|[,·•|/–—-]))?{_SPACE}*"
         rf"(?:(?:at|à|a{_SPACE}las|alle(?:{_SPACE}ore)?|às|um|om|kl\.?){_SPACE}+)?")
# "noon", "12 noon", "midday"; not before a word in lower case or capitalised (a zone's capitals
# or a weekday may follow): that names something else, an edition or a briefing ("Nov. 8, 2016 ·
# Noon Edition"). (The importer's other readers of a time take it from here, to read noon alike.)
NOON = (rf"(?:12(?::00)?{_SPACE}+)?\b(?P<noon>noon|midday)\b"
        rf"(?!{_SPACE}+(?!(?i:mon|tue|wed|thu|fri|sat|sun))(?-i:[A-Z]?[a-z]))")
# Between an hour and its minute: "6:15", "06.15", "06h15", "18 h 32" (as Quebec writes it).
MINUTE_MARK = rf"(?:[:.h]|{_SPACE}h{_SPACE})"
# "6:15", "06.15", "06h15", "18 h 32", "6:15 a.m.", "6pm", "21:30 Uhr", noon; the zone after it, in
# capitals, or as an offset ("GMT+1", "UTC-05:00", "+0200"); a minute is needed unless am/pm or
# noon says it is a time ("2016 12 killed", "12 hours" are no time).
_TIME = (rf"(?:{NOON}"
         rf"|(?P<hour>\d{{1,2}})(?:{MINUTE_MARK}(?P<minute>\d{{2}})(?!\d))?(?::\d{{2}})?"
         rf"(?:{_SPACE}*(?P<half>[ap])\.?{_SPACE}?m\b\.?)?(?:{_SPACE}*(?:uhr|hrs?|hs|h)\b)?)"
         rf"(?:{_SPACE}*\(?(?P<zone>(?:UTC|GMT){_SPACE}?(?:[+−-]{_SPACE}?\d{{1,2}}(?::?\d{{2}})?)?|[+−-]\d{{4}}\b"
         rf"|[A-Za-z]{{1,5}}\b)\)?)?")
TIME_AFTER = re.compile(_JOIN + _TIME, re.IGNORECASE)
# Before the date ("6:15 AM EST, Wed November 9, 2016"): the time, then a weekday perhaps.
TIME_BEFORE = re.compile(_TIME + rf"{_SPACE}*[,·•|–—-]?{_SPACE}*"
                         rf"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?{_SPACE}*)?$",
                         re.IGNORECASE)
# How far before a date its time may start (a time and a weekday: "06:15 AM EST, Wed. ").
MAX_BEFORE = 40

# Zone names that mean one offset from UTC. Not IST (India, Ireland, Israel), AST (Atlantic,
# Arabia), ... ; CST is the United States' Central time, as news written in English uses it.
FIXED_ZONES = {
    "UTC": "Z", "GMT": "Z", "UT": "Z", "Z": "Z", "WET": "Z",
    "BST": "+01:00", "WEST": "+01:00", "CET": "+01:00", "MEZ": "+01:00", "WAT": "+01:00",
    "CEST": "+02:00", "MESZ": "+02:00", "EET": "+02:00", "SAST": "+02:00",
    "EEST": "+03:00", "MSK": "+03:00", "EAT": "+03:00",
    "PKT": "+05:00", "HKT": "+08:00", "SGT": "+08:00", "AWST": "+08:00", "JST": "+09:00", "KST": "+09:00",
    "ACST": "+09:30", "ACDT": "+10:30", "AEST": "+10:00", "AEDT": "+11:00", "NZST": "+12:00", "NZDT": "+13:00",
    "NST": "-03:30", "NDT": "-02:30", "ADT": "-03:00",
    "EST": "-05:00", "EDT": "-04:00", "CST": "-06:00", "CDT": "-05:00", "MST": "-07:00", "MDT": "-06:00",
    "PST": "-08:00", "PDT": "-07:00", "AKST": "-09:00", "AKDT": "-08:00", "HST": "-10:00",
    # (Canada's French names: heure normale / avancée de l'Est, du Centre, du Pacifique)
    "HNE": "-05:00", "HAE": "-04:00", "HNC": "-06:00", "HAC": "-05:00", "HNP": "-08:00", "HAP": "-07:00",
}
# Zone names whose offset depends on the day: the standard or the summer time of a place.
LOCAL_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
               "UK": "Europe/London"}


def time_after(text: str, end: int, day: str) -> str:
    """The time of day written right after a date that ends at ``end`` of ``text``, as the
    ISO suffix of ``day`` ("T06:15-05:00", "T21:30"), or ""."""
    return _as_suffix(TIME_AFTER.match(text, end), day)


def time_before(text: str, start: int, day: str) -> str:
    """The time of day written right before a date that starts at ``start`` ("6:15 AM ET, Wed
    November 9, 2016"), as ``time_after`` gives it."""
    return _as_suffix(TIME_BEFORE.search(text, max(0, start - MAX_BEFORE), start), day)


def _as_suffix(match: re.Match[str] | None, day: str) -> str:
    if match is None or not (match.group("minute") or match.group("half") or match.group("noon")):
        return ""
    hour, minute = (12, 0) if match.group("noon") else (int(match.group("hour")), int(match.group("minute") or 0))
    if match.group("half"):
        if not 1 <= hour <= 12:
            return ""
        hour = hour % 12 + (12 if match.group("half").lower() == "p" else 0)
    if hour > 23 or minute > 59 or (hour, minute) == (0, 0):
        # (midnight exactly is what a site writes when it knows the day only)
        return ""
    time = f"T{hour:02d}:{minute:02d}"
    zone = _zone(match.group("zone"), day, hour, minute)
    if zone:
        try:  # (an offset no zone has, "GMT+25": the time alone, as the date's reader takes only what is)
            PartialDate.parse(day + time + zone)
        except ValueError:
            zone = ""
    return time + zone


def _zone(name: str | None, day: str, hour: int, minute: int) -> str:
    """The zone's offset as the date takes it ("Z", "-05:00"), or "" when it is not known."""
    if not name:
        return ""
    name = name.replace("\u00a0", "").replace(" ", "").replace("−", "-")
    if offset := re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", name, re.IGNORECASE):
        sign, hours, minutes = offset.groups()
        return "Z" if int(hours) == int(minutes or 0) == 0 else f"{sign}{int(hours):02d}:{minutes or '00'}"
    if name in FIXED_ZONES:
        return FIXED_ZONES[name]
    if name in LOCAL_ZONES:
        try:
            place = ZoneInfo(LOCAL_ZONES[name])
        except ZoneInfoNotFoundError:  # (a system without the zone database: the time alone)
            return ""
        local = datetime.datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=place)
        seconds = int(local.utcoffset().total_seconds())
        sign, seconds = ("+" if seconds >= 0 else "-"), abs(seconds)
        return "Z" if seconds == 0 else f"{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"
    return ""
