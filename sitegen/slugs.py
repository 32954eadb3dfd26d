"""Slugs: the names that become folder names and URL segments."""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

# File systems allow 255 bytes per name; stay well below so "page/2" and suffixes still fit.
MAX_SLUG_LENGTH = 120
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def ascii_letters(text: str) -> str:
    """``text`` in ASCII: accents taken off (``é`` -> ``e``), other letters written in Latin
    ones (``ß`` -> ``ss``, ``ł`` -> ``l``, ``Путин`` -> ``Putin``, ``習近平`` -> ``XiJinPing``);
    any other character (a sign, a dash, an emoji) by what its compatibility form has in
    ASCII, or left out.

    Folding accents alone (Unicode decomposition) left out every letter that has none: an
    archive's people were filed as "ukasz-waesa" (Łukasz Wałęsa) and "jurgen-wei" (Jürgen
    Weiß), and a name in Cyrillic, Greek or Chinese made no page address at all. Signs keep
    the old folding so that a title's "½" or "€" does not put words into its slug."""
    if text.isascii():
        return text
    return "".join(map(_in_ascii, OPTIONAL_MARKS.sub("", unicodedata.normalize("NFC", text))))


# Marks a name may be written with or without: Hebrew's points and Arabic's short vowels
# (مُحَمَّد is محمد), unlike the vowel signs of Indic scripts, which are part of the word.
OPTIONAL_MARKS = re.compile("[\u0591-\u05c7\u064b-\u065f\u0670\u06d6-\u06ed]")


def _in_ascii(char: str) -> str:
    if char.isascii():
        return char
    # (a letter, or a mark that is part of one: the vowel signs of Indic scripts, which
    # folding would drop, "मोदी" -> "md")
    if char.isalpha() or unicodedata.category(char)[0] == "M":
        return anyascii(char)
    return unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")


def is_latin(char: str) -> bool:
    """Whether the character is a letter of the Latin alphabet (accented, full-width, ...)."""
    return char.isascii() or "LATIN" in unicodedata.name(char, "")


def in_another_script(text: str) -> bool:
    """Whether the text has letters of another alphabet than the Latin one."""
    return any(char.isalpha() and not is_latin(char) for char in text)


def _as_compared(char: str) -> str:
    """A character of a name as name_key compares it (see there)."""
    if char.isascii():
        return char
    if is_latin(char):
        return _in_ascii(char)
    if char.isalpha() or unicodedata.category(char)[0] == "M":
        return char
    return unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")


def slugify(text: str) -> str:
    """``"Jessica Levinson"`` -> ``"jessica-levinson"``; letters in ASCII (see
    ascii_letters), punctuation dropped."""
    folded = ascii_letters(text)
    words = re.findall(r"[a-z0-9]+", folded.lower().replace("'", "").replace("’", ""))
    return "-".join(words)


def slug_problem(slug: str) -> str | None:
    """Why ``slug`` cannot be used as a folder name and URL segment, or None when it can."""
    if not slug:
        return "is empty"
    if slug in (".", "..") or "/" in slug or "\\" in slug:
        return "would escape the output folder"
    if len(slug) > MAX_SLUG_LENGTH:
        return f"is {len(slug)} characters long; at most {MAX_SLUG_LENGTH} fit in a file name"
    if not SLUG_RE.match(slug):
        suggestion = slugify(slug)
        hint = f" (try '{suggestion}')" if suggestion else ""
        return f"must be lower-case letters, digits and single hyphens{hint}"
    return None


def name_key(name: str) -> str:
    """How names are compared: case, accents and spacing do not matter."""
    # Latin letters in ASCII (Weiß is Weiss, Łukasz Lukasz); other scripts' as written, since
    # spelling them in Latin letters makes different names one (王伟 and 汪伟 are both "wang wei")
    # (NFKC: a half-width ﾀﾅｶ is タナカ)
    folded = name if name.isascii() else "".join(map(_as_compared, OPTIONAL_MARKS.sub("", unicodedata.normalize("NFKC", name))))
    return " ".join(folded.casefold().replace(".", " ").split())
