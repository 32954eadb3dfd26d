"""Roles and speech around a name: "X, a professor at Y, says", "Chief of Staff, X", "said X"."""

from __future__ import annotations

import re
from functools import cache

from .names import POSSESSIVE
from .rules import Rules, any_word
from .textutil import SPACE, verbs_pattern

ARTICLES = ("a", "an", "the")
# The other languages' definite articles, before a title after a name ("la alcaldesa").
DEFINITE_ARTICLES = frozenset({"el", "la", "los", "las", "le", "les", "il", "lo", "gli", "o", "os", "a", "as",
                               "der", "die", "das"})
LIST_WORDS = ("and", "or", "but", "nor")
# ... and in the other languages, where two people's titles and names in a row are a list as in
# English ("Der Student Paul Krüger und die Studentin Mia Lenz"); their "and" between two titles
# is one person's two titles ("Präsident und Geschäftsführer Max Roth", as "co-founder and CEO").
LIST_WORDS_ABROAD = ("und", "oder", "aber", "et", "ou", "mais", "y", "o", "pero", "e", "ma")
AND_WORDS = ("and", "und", "et", "y", "e")
# Verbs that make what follows a name's comma a clause, not an appositive giving a role.
CLAUSE_VERBS = frozenset({"is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could"})
# An age between commas right after a name ("Evelyn Park, 71, a retired teacher"; "Pedro Ruiz,
# de 58 años,", "Jean Dupont, 58 ans,"), or in brackets as German papers write it ("Peter Müller
# (58) wohnt"): a person.
AGE = re.compile(rf"(?:,{SPACE}*(?:de{SPACE}+)?\d{{1,3}}(?:{SPACE}+(?:años|ans|anni|anos))?(?=,|{SPACE}*$|[.;])"
                 rf"|{SPACE}*\(\d{{1,3}}\)(?=[,.;]|{SPACE}*$|{SPACE}+[a-zäöüß]))")
MAX_ROLE_WORDS = 12
# An aside that gives only the party a person belongs to ("State Sen. Harriet Moss, a
# Democrat, said"): the title before the name says more of what the person does.
PARTIES = frozenset({"democrat", "republican"})
# Words in lower case that may follow a title, written apart, before a name ("Senator elect Dana Roe").
TITLE_AFTER = frozenset({"elect", "designate", "emeritus"})
# What joins a title to what it is of: "director of public works", "alcaldesa de Valdelince",
# "presidente da junta", "adjointe aux sports", "assessora ai Lavori pubblici".
TITLE_JOINS = frozenset({"of", "for", "at", "de", "del", "da", "do", "dos", "das", "di", "della", "dei",
                         "ai", "al", "alla", "du", "des", "aux", "von", "der"})
# Text that may follow a name spoken of by a verb before it ("said Kelly." / "says X, a ...");
# after a full name, also where it is from ("said Lina Marchetti of the advocacy group").
TITLE_OF_PLACE = re.compile(rf"(?<!\S)(\S+){SPACE}+(?:of|for){SPACE}+(?:[A-Z][\w’'&.-]*{SPACE}+){{1,5}}$")
# The same in French, Spanish, Italian, Portuguese and German, the title in lower case: "la maire
# de Niort", "il sindaco di Valbrenta", "la maire d'Angers".
FOREIGN_TITLE_OF_PLACE = re.compile(rf"(?<!\S)(\S+){SPACE}+(?:(?:de|du|del|di|da|do|von){SPACE}+|d['’](?=[A-Z]))"
                                    rf"(?:[A-Z][\w’'&.-]*{SPACE}+){{1,3}}$")
PLURAL_SAY = re.compile(rf"{SPACE}+(?:say|tell|warn|claim|insist|argue|believe)\b")
# A party, a state or a ward in brackets after a name, which the name's verb may follow: "Sen.
# Elizabeth Crane (D-Ore.) said", "Cllr Janet Hughes (Lib Dem, Ashby North) said:".
AFFILIATION = rf"(?:{SPACE}*\([^()“”\"\n]{{1,60}}\))?"
NAME_ENDS = re.compile(rf"{AFFILIATION}['’]?s?\s*(?:[,.;:!?“”\"]|$)")
FULL_NAME_ENDS = re.compile(rf"{NAME_ENDS.pattern}|{SPACE}+of{SPACE}+")
# An appositive before a name, opened by an article and ending in a lower-case noun phrase of
# one to eight words ("A budget hawk, Dorian Kessling, said"; "One neighbor, ..."; "A familiar
# figure at the gate, ..."), at a sentence's start (or a dateline's dash) or after a comma or an
# opening quotation mark.
APPOSITIVE_BEFORE = re.compile(
    rf"(?:^|[.!?][\"”’]?{SPACE}+|[“\"]|,{SPACE}+|(?:—|–|--){SPACE}*)(?:a|an|the|one|another|its|his|her|their|our"
    rf"|A|An|The|One|Another|Its|His|Her|Their|Our){SPACE}+"
    rf"((?:[a-z][\w’'-]*{SPACE}+){{0,7}}[a-z][\w’'-]*),{SPACE}+$")
# Prepositions after a noun phrase's head: what follows says where or whose it is ("figure at
# the gate", "spokeswoman for the council", "adjointe aux sports").
PREPOSITIONS = TITLE_JOINS | {"in", "from", "with", "on", "near", "behind", "outside", "inside", "across",
                              "around", "by", "along", "beside", "opposite"}
# The ending of a noun naming who does something ("angler", "parishioner", "cyclist",
# "guardian", "volunteer", "retiree", "claimant", "resident", "businessman", "housewife",
# "deckhand", "locksmith", "playwright", "waitress"), after three letters at least (not "list",
# "plant", "event", "human") and not "-ment" ("statement") nor "-ness" ("business"): with the
# title words and person_nouns, what may end an appositive's role before a name.
PERSON_ENDING = re.compile(r"\w{3,}(?:er|or|ist|ian|eer|ee|ant|(?<!m)ent|man|woman|person|wife|hand|smith|wright|(?<!n)ess)")
PRONOUNS = frozenset({"it", "he", "she", "they", "we", "you", "i", "this", "that", "these", "those"})
# Nouns that say only that someone is a person: such an appositive shows the name after it is a
# person's, but gives no role ("The man, John Smith, said"; "A young woman, ..." neither).
PERSON_NOUNS = frozenset({"man", "woman", "person", "boy", "girl", "guy", "lady", "gentleman", "individual"})


@cache
def _comma_then_verb(verbs: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf",{SPACE}+(?:{verbs_pattern(verbs)})\b")


@cache
def _speech_after(verbs: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"{AFFILIATION}(?:,[^,.;:“”\"]{{1,100}}?,?)?{SPACE}+(?:{verbs_pattern(verbs)})\b")


@cache
def _where_from_then_speech(verbs: frozenset[str]) -> re.Pattern[str]:
    """Where a person is from, then the verb: "Tom Baker of Glen Ridge said", "Sara Lund of the
    Parks Department said"."""
    return re.compile(rf"{SPACE}+(?:of|from){SPACE}+(?:the{SPACE}+)?(?:[A-Z][\w’'&.-]*{SPACE}+){{1,5}}"
                      rf"(?:{verbs_pattern(verbs)})\b")


@cache
def _and_another_then_speech(verbs: frozenset[str]) -> re.Pattern[str]:
    """Another full name, then the verb: the first of two people speaks too ("Maria Gonzalez
    and Tom Brennan said", "Ana Ruiz and Eva Diaz, both teachers, told ...")."""
    return re.compile(rf"{SPACE}+and{SPACE}+[A-Z][\w’'-]*(?:{SPACE}+[A-Z][\w’'-]*){{1,3}}"
                      rf"(?:,[^,.;:“”\"]{{1,100}}?,)?{SPACE}+(?:{verbs_pattern(verbs)})\b")


@cache
def _speech_before(verbs: frozenset[str]) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:{verbs_pattern(verbs)}|according to){SPACE}+(?:[^,.;“”\"]{{0,80}},{SPACE}+"
        rf"|(?:(?:[A-Z][\w.’'-]*|of|the){SPACE}+){{1,5}})?$",
        re.IGNORECASE)


@cache
def _verb_and_role(verbs: frozenset[str], titles: frozenset[str], articles: frozenset[str]) -> re.Pattern[str]:
    """A speech verb and at most three role words right before a name: "said hydrologist",
    "says board member" (what follows the name may be anything: "... of the service"); in the
    other languages an article may stand before the role ("sagte der Vorsitzende Richter X",
    "ha detto il sindaco X", "ha spiegato l'assessora X"), and one word in lower case after it
    ("señaló el fiscal anticorrupción X")."""
    roles = "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
    article = "|".join(re.escape(a) for a in sorted(articles, key=len, reverse=True) if not a.endswith(("'", "’")))
    return re.compile(rf"\b(?:{verbs_pattern(verbs)}){SPACE}+(?:(?:{article}){SPACE}+|l['’])?"
                      rf"(?:(?:{roles}|[a-z]+ist){SPACE}+){{1,3}}(?-i:[a-zß-ÿ][\w-]*{SPACE}+)?$", re.IGNORECASE)


@cache
def _verb_after_a_quote(verbs: frozenset[str]) -> re.Pattern[str]:
    """A quote's closing mark, its comma, a speech verb and capitalised words (a title) up to
    the end: the name that follows is the verb's subject, who spoke ("“…,” said Jane Roe",
    "“…?” asked Sen. Jane Roe", "« … », a déclaré Jean Dupont")."""
    return re.compile(rf"[”\"»’'][ \u00a0]*,?[ \u00a0]*(?:{verbs_pattern(verbs)}){SPACE}+"
                      rf"(?:(?:[A-Z][\w.’'-]*|the){SPACE}+){{0,5}}$")


@cache
def when_or_where(words: frozenset[str]) -> re.Pattern[str]:
    """A word that opens what is said of when or where someone spoke (the rules'
    when_and_where_words), right after their name. (One that never matches without words: an
    empty alternative would match after any name.)"""
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"{SPACE}+(?:{any_word(words)})(?![\w’'-])")


def speaks(text: str, start: int, end: int, rules: Rules, strict: bool = False) -> bool:
    """The name at text[start:end] is who speaks: "X, a ..., said" or "says ..., X.".
    ``strict`` (for a lone word) wants the verb right after it, or after an aside that starts
    in lower case ("Kelly, who attended, said"), not after a list ("Marin, Sonoma and Napa
    counties announced")."""
    after = _speech_after(rules.speech_verbs).match(text, end)
    if after and strict and PLURAL_SAY.match(text, end):
        return False  # "Nurses say conditions are the worst": a group speaks, not one person
    if after and (not strict or _plain_aside(after.group(0), rules)):
        return True
    if not strict and " " in text[start:end].strip() and (_where_from_then_speech(rules.speech_verbs).match(text, end)
                                                          or _and_another_then_speech(rules.speech_verbs).match(text, end)):
        return True  # (a full name only: "Friends of the Earth said" is a group)
    if _verb_and_role(rules.speech_verbs, rules.title_words, rules.role_articles).search(text[:start]):
        return True
    if when_or_where(rules.when_and_where_words).match(text, end) and _verb_after_a_quote(rules.speech_verbs).search(
            text, 0, start):
        return True  # "“We will appeal,” said Jane Roe on Tuesday." (after a quote: not "told Jane Roe on Tuesday")
    ends = FULL_NAME_ENDS if " " in text[start:end].strip() else NAME_ENDS
    return bool(_speech_before(rules.speech_verbs).search(text[:start]) and ends.match(text, end))


def _plain_aside(speech: str, rules: Rules) -> bool:
    """The speech verb follows at once, or after an aside in lower case that is not a pronoun
    (in "Dakota, it said" the pronoun speaks, not the word before it) and names no one (in
    "Dunmore, hospital spokesperson Victor Lindqvist said" he speaks)."""
    if not speech.startswith(","):
        return True
    lower_case = re.match(rf",{SPACE}*(?!(?:it|he|she|they|we|you|i){SPACE})[a-z0-9]", speech) is not None
    return lower_case and not _names_someone(speech.strip(", ").split()[:-1], rules)  # (less the verb)


def _names_someone(words: list[str], rules: Rules) -> bool:
    """An aside that ends in a title and a name: "hospital spokesperson Victor Lindqvist"."""
    words = [w.strip(",") for w in words]
    name = 0
    while name < len(words) and words[-1 - name][:1].isupper():
        name += 1
    return 0 < name < len(words) and _is_title(words[-1 - name], rules)


ENDS_WITH_AN_INITIAL = re.compile(r"(?:^|[ \u00a0])(?:[A-Z]\.)*[A-Z]$")


@cache
def _aside_with_initials() -> re.Pattern[str]:
    return re.compile(rf"(?:{AGE.pattern})?,{SPACE}+((?:(?:[A-Z]\.){{2,4}}(?={SPACE})|[^,.;:!?“”\"()]){{2,160}})")


def role_after(text: str, end: int, rules: Rules) -> str | None:
    """The appositive after a name: its role, "" when it gives none ("who ..."), else None."""
    match = re.compile(rf"(?:{AGE.pattern})?,{SPACE}+([^,.;:!?“”\"()]{{2,160}})").match(text, end)
    if not match:
        return None
    aside = match.group(1)
    if text[match.end(1):match.end(1) + 1] == "." and ENDS_WITH_AN_INITIAL.search(aside):
        # "Dana Roe, the U.S. Attorney, said": the initials' stops end no aside that a comma closes
        longer = _aside_with_initials().match(text, end)
        if longer and text[longer.end(1):longer.end(1) + 1] == ",":
            aside = longer.group(1)
        elif initials := INITIALS_TO_THE_STOP.match(text, match.end(1) - 1):
            # "Dana Roe, a lawyer in the U.S. She said": the aside ends with the initials whole
            # (it was "a lawyer in the U"), their last stop the sentence's too
            aside = text[match.start(1):initials.end()]
    if aside.split()[0] in rules.appositive_no_role:
        return ""  # "Elsie Brandon, who has lived on Kingsley Road for 41 years,"
    words = _before_clause(aside, rules).split()  # "a retired postmistress who has lived ..."
    # (a capitalised first word only as an owner of the role: "Jean-Luc Moreau, France's
    # finance minister")
    owned = len(words) > 1 and words[0][0].isupper() and words[0].endswith(("'s", "’s")) and words[1][0].islower()
    # (or a title in German, which writes its nouns with a capital: "Klaus Weber, Bürgermeister
    # von Leinbach,", "Anna Roth, Vorsitzende des Bürgervereins,")
    german_title = bool(words) and not rules.english and words[0][0].isupper() and rules.is_title_word(words[0].lower())
    if (not words or len(words) > MAX_ROLE_WORDS or not (words[0][0].islower() or owned or german_title)
            or words[0] in rules.speech_verbs):
        return None  # (", said volunteers cannot ...": no aside, the sentence goes on)
    if _names_someone(words, rules):
        return None  # "in nearby Dunmore, hospital spokesperson Victor Lindqvist said": his role
    if words[0] in LIST_WORDS or any(w in CLAUSE_VERBS for w in words):
        return None  # "his son, Kevin Callahan, and Kevin's partner"; "For Brightwater, the plan is to ..."
    if words[0] in rules.appositive_no_role:
        return ""
    if _names_an_organisation(words, rules):
        return None  # "Northport Rising, a climate group, said": a group speaks, no person
    while len(words) > 1 and words[0] in ASIDE_ADVERBS:
        words = words[1:]  # "Dr. Marcus Bell, currently an assistant superintendent in Duluth,"
    if _french_verb_a(words, rules):
        return None  # (French "a" is a verb: "Le maire, Jérôme Leclerc, a salué le vote")
    if words[0] in ARTICLES and len(words) > 1:
        return " ".join(words[1:])
    if (not rules.english and words[0].lower() in DEFINITE_ARTICLES and len(words) > 1
            and rules.is_title_word(words[1].lower())):
        # (as before a name: "Jean Dupont, le maire de Valdemont," -> "maire de Valdemont"; not a
        # possessive, "su portavoz", nor a relative pronoun, "dem der Bürgermeister widersprach")
        return " ".join(words[1:])
    return " ".join(words) if _has_title(words, rules) else None


# A French past participle, after "a" ("has"): "a salué", "a dénoncé", "a dit", "a répondu".
FRENCH_PARTICIPLE = re.compile(r"\w+é(?:e?s?)|\w*(?:dit|fait|pris|mis|écrit|venu|tenu|ouvert|offert|couvert)|répondu|reconnu"
                               r"|défendu|obtenu|soutenu|admis|voulu|pu|dû|vu|lu|eu|été|rendu|perdu|vendu|entendu|attendu"
                               r"|\w+(?:i|u)")


# Words that may open an aside giving a role, and say nothing of the role themselves.
ASIDE_ADVERBS = frozenset({"currently", "presently", "now", "also", "still"})


# A verb that gives the role a person takes on or holds, then the role: "Rosa Alvarez became the
# city's planning director in January", "Ben Okafor was appointed chief executive".
ROLE_VERB = re.compile(
    rf"{SPACE}+(?:became|becomes|will{SPACE}+become|was{SPACE}+(?:named|appointed|elected|promoted{SPACE}+to|hired{SPACE}+as)"
    rf"|ha(?:s|d){SPACE}+been{SPACE}+(?:named|appointed|elected)|serves{SPACE}+as|served{SPACE}+as"
    rf"|ha(?:s|d){SPACE}+served{SPACE}+as){SPACE}+(?:(?:the|a|an|its|their|his|her){SPACE}+)?(?:[\w-]+['’]s{SPACE}+)?"
    rf"((?:[a-z][\w-]*{SPACE}*){{1,6}})")
# Where the role after such a verb ends: "director in January", "coach after the season".
ROLE_VERB_ENDS = frozenset({"in", "on", "at", "after", "before", "since", "last", "this", "for", "from", "when",
                            "until", "and", "but", "earlier", "later", "two", "three", "four", "five"})


def role_by_verb(text: str, end: int, rules: Rules) -> str | None:
    """The role a verb right after the name gives (see ROLE_VERB), if its last word is a title."""
    match = ROLE_VERB.match(text, end)
    if not match:
        return None
    words = []
    for word in match.group(1).split():
        if word in ROLE_VERB_ENDS:
            break
        words.append(word)
    return " ".join(words) if words and _is_title(words[-1], rules) else None


def party_only(role: str, rules: Rules) -> bool:
    """A role that names a party and no office: "Democrat", "Republican from Ohio" (not
    "Democrat and former mayor")."""
    words = role.split()
    return words[0].lower() in PARTIES and not _has_title(words[1:], rules)


def holds_a_title(role: str, rules: Rules) -> bool:
    """A role with a title word in it: "former teacher", "council's press officer" (not "lone
    dissenter", "familiar figure at the gate")."""
    return _has_title(role.split(), rules)


def role_in_appositive(text: str, start: int, end: int, rules: Rules, evidence: bool = False) -> str | None:
    """The role an appositive gives before a name of two words or more that speaks right after
    it: "A budget hawk, Dorian Kessling, said" -> "budget hawk" (the noun phrase without its
    article: "One neighbor, Pat Greer, said" -> "neighbor"). Not a day or a place ("A
    spokesman, Thursday, said"; the caller asks whether the words can be a person's name).
    ``evidence``: asked whether the words after it are a person's name at all."""
    if len(text[start:end].split()) < 2:
        return None
    match = APPOSITIVE_BEFORE.search(text, 0, start)
    if not match or match.end() != start:
        return None
    words = match.group(1).split()
    if not _comma_then_verb(rules.speech_verbs).match(text, end) and not (
            COMMA_THEN_LOWER.match(text, end) and _surely_a_person(_head(words), rules)):
        return None  # (but "A reader, Alison Pemberton-Yeo, has sent us this picture": a title or
        # a word for a person says so without a speech verb; "The river, Brack Water, rose" does not)
    if any(w in CLAUSE_VERBS or w in LIST_WORDS or w in PRONOUNS or w in rules.speech_verbs for w in words):
        return None  # "The cost was high, ..."; "The mayor and ..."
    owned = [w for w in words if POSSESSIVE.search(w)]
    if owned and (evidence or owned != words[:1] or not 2 <= len(words) <= 4
                  or POSSESSIVE.sub("", owned[0]) not in rules.not_name_words):
        return None  # "The woman's son,", "The terminal's operator,", "The town's director of public
        # works,": role_before's (its owner may be a thing)
    # (the person found, an organisation's or a place's role keeps its owner: "council's newest member")
    if _names_an_organisation(words, rules):
        return None  # "The city, Port Alden, said", "The agency, ...": a place or a company speaks
    if evidence:
        return " ".join(words)
    head = re.sub(r"['’]s$", "", _head(words))
    if head in PERSON_NOUNS or not _names_a_person(head, rules):
        return None  # "The man, John Smith, said", "A keen eye, Dana Marsh, said": a person, but no role
    return " ".join(words)


COMMA_THEN_LOWER = re.compile(rf",{SPACE}+[a-z]")


def _surely_a_person(noun: str, rules: Rules) -> bool:
    """A title or a word for a person ("mayor", "reader", "woman"): not just a noun that ends as
    one may ("river", "number")."""
    return _is_title(noun, rules) or noun in rules.person_nouns or noun in PERSON_NOUNS


# An aside after a name opened by an article: ", a climate group," (its words in group 1).
ASIDE_AFTER = re.compile(rf",{SPACE}+(?:a|an|the){SPACE}+([^,.;:!?“”\"()]{{2,160}}?)(?=,|[.;:!?]|$)")


def aside_names_an_organisation(text: str, end: int, rules: Rules) -> bool:
    """The aside after a name says it is a group, a company or a place ("Northport Rising, a
    climate group, said"; "Maple Haven, the tenants' association,")."""
    match = ASIDE_AFTER.match(text, end)
    if match is None or _french_verb_a(match.group(0).split()[1:], rules):
        return False  # ("X, a remis une pétition à la mairie": French "a" is a verb)
    # (its noun is the phrase's, not the clause's after it: "the senator who wrote the bill")
    return _names_an_organisation(_before_clause(match.group(1), rules).split(), rules)


def _before_clause(aside: str, rules: Rules) -> str:
    """An aside's noun phrase, without the clause that says more of it: "a retired
    postmistress" of "a retired postmistress who has lived ...", "the Nebraska Republican" of
    "the Nebraska Republican who wrote the bill"."""
    return re.split(rf"{SPACE}+(?:{verbs_pattern(rules.speech_verbs)}|who|which|whose|that)\b", aside)[0]


def _french_verb_a(words: list[str], rules: Rules) -> bool:
    """The words open with French "a" ("has") and a past participle: "a salué le vote"."""
    return len(words) > 1 and words[0] == "a" and not rules.english and FRENCH_PARTICIPLE.fullmatch(words[1]) is not None


def _names_an_organisation(words: list[str], rules: Rules) -> bool:
    head = re.sub(r"['’]s$", "", _head(words))
    return head in rules.not_name_words or head in rules.organisation_nouns


def _head(words: list[str]) -> str:
    """The noun a phrase is about: its last word, or the word before its first preposition
    ("figure" of "familiar figure at the gate"); none when it opens with one ("of the council")."""
    ahead = next((i for i, word in enumerate(words) if word in PREPOSITIONS), len(words))
    return words[ahead - 1] if ahead > 0 else ""


def _names_a_person(noun: str, rules: Rules) -> bool:
    """A noun that names a person: a title or job word ("resident", "neighbor"), a word for a
    person ("hawk", "critic"), or one with a doer's ending ("angler", "parishioner"), not a
    word that goes with a title ("former"); of a compound, its first or last part ("passer-by",
    "mother-in-law", "self-starter")."""
    parts = noun.split("-")
    return any(_is_title(part, rules) or part in rules.person_nouns
               or PERSON_ENDING.fullmatch(part) is not None and part not in rules.role_modifiers
               for part in dict.fromkeys((noun, parts[0], parts[-1])))


def role_before(text: str, start: int, rules: Rules, evidence: bool = False) -> str | None:
    """A role written before a name, with a comma ("Chief of Staff, X") or without ("Sen. X").
    ``evidence``: asked whether the words after it are a person's name at all."""
    before = _without_honorific(text[:start], rules)  # "My deputy, Dr. Helga Strand-Aune"
    match = re.search(rf"([^,;:“”\"().!?]{{2,120}}),{SPACE}*$", before)
    if match:
        words = match.group(1).split()
        # what follows the last speech verb: "Post Office Ltd said the sub-postmaster," (a
        # capitalised word before the verb would otherwise make the whole a role)
        verbs = [n for n, word in enumerate(words) if word.lower() in rules.speech_verbs]
        if verbs:
            words = words[verbs[-1] + 1:]
        # (the adjectives after a title, as French, Spanish ... write them: "l'architecte
        # responsable, X", "la arquitecta municipal, X")
        adjectives = _adjectives_after_a_title(words, rules)
        words = words[:len(words) - len(adjectives)]
        # the words right before the comma that can make a role ("stopped until our engineer,"),
        # or a title and what it is of ("The town's director of public works,")
        start = 0
        while start < len(words) and not all(_role_word(w, rules) for w in words[start:]) and not _title_of(words[start:], rules):
            start += 1
        # (with the noun before a title in lower case that says what it is of, and whose it is:
        # "the council's finance director," -> "council's finance director")
        if 0 < start < len(words) and _names_the_kind_of(words, start - 1, words[start], rules):
            start -= 1
            if start > 0 and words[start - 1].endswith(("'s", "’s")) and words[start - 1][:1].islower():
                start -= 1
        words = _trim(words[start:], rules)
        if words and len(words) <= MAX_ROLE_WORDS and _has_title(words, rules):
            return " ".join(words + adjectives)
    return (_title_run(before, rules) or _title_of_place(before, rules, one_word=not evidence)
            or _title_of_a_thing(before, rules) or _plural_title_before_and(before, rules)
            # (a role only: a doer's ending shows no person, "said container shipper Brekke Olsen")
            or not evidence and _person_noun_after_a_speech_verb(before, rules) or None)


# The most words of a role in lower case between a speech verb and a name ("said longtime union
# steward X"), besides an article.
MAX_SPOKEN_ROLE_WORDS = 4
# A role's word in lower case, maybe a possessive before its head ("said the union's steward X").
LOWER_CASE_WORD = re.compile(r"[a-z][a-z-]*(?:['’]s)?")
# Words that end as a doer's noun does (PERSON_ENDING) or may stand after a speech verb, and are
# no part of a role: "asked whether X", "said either X or Y", "said only X had a key".
NOT_IN_A_ROLE = frozenset({"either", "neither", "whether", "rather", "further", "other", "another", "never",
                           "under", "over", "sooner", "only", "just", "not", "too", "instead"})


def _person_noun_after_a_speech_verb(before: str, rules: Rules) -> str | None:
    """A noun phrase in lower case, ending in a noun for a person that is no title, between a speech
    verb and a name ("said union steward Bertil Osgood" -> "union steward", "said avid angler X");
    the title words are _title_run's. Not ordinary words ("said on Tuesday X", "said that X"), nor
    a noun that says only that one is a person ("said local man X")."""
    if not rules.english or before[-1:] not in (" ", "\u00a0"):
        return None  # (the person nouns and doers' endings are English words)
    tokens = _words_before(before)
    for count in range(1, min(MAX_SPOKEN_ROLE_WORDS + 2, len(tokens))):  # (and an article)
        if tokens[-count - 1].lower() in rules.speech_verbs:
            break
    else:
        return None
    words = tokens[-count:]
    if words[0] in ARTICLES and len(words) > 1:
        words = words[1:]  # ("said the union steward X")
    head = words[-1]
    if len(words) > MAX_SPOKEN_ROLE_WORDS or not all(LOWER_CASE_WORD.fullmatch(word) and not _ordinary_word(word, rules) for word in words):
        return None
    if POSSESSIVE.search(head) or head in PERSON_NOUNS or _names_an_organisation([head], rules):
        return None  # ("said local man X": a person, no role; "said insurer X": a company)
    return " ".join(words) if _names_a_person(head, rules) else None


def _ordinary_word(word: str, rules: Rules) -> bool:
    """A word that opens or goes on a sentence, not a role's: "on", "that", "later", "is", "and"."""
    lower = word.lower()
    return (lower in rules.name_stopwords or lower in rules.when_and_where_words or lower in rules.speech_verbs
            or lower in NOT_IN_A_ROLE or lower in CLAUSE_VERBS or lower in PREPOSITIONS or lower in LIST_WORDS
            or lower in PRONOUNS or lower in ARTICLES)


def _plural_title_before_and(before: str, rules: Rules) -> str | None:
    """The second of two names under one plural title: in "Board members Jim Tate and Rosa
    Mendez", Rosa Mendez is a "Board member" too. (Only after "and": "Board members Jim Tate,
    a teacher," is one name and an aside.)"""
    tokens = _words_before(before)
    if len(tokens) < 3 or tokens[-1] not in ("and", "&"):
        return None
    for index in range(len(tokens) - 3, max(-1, len(tokens) - 3 - MAX_NAME_TOKENS), -1):
        between = tokens[index + 1:-1]  # the first name, so far as it goes back
        if not all((token[:1].isupper() or token in rules.name_particles) and token[-1:].isalpha()
                   and not _is_title(token, rules) for token in between):
            return None
        if between[0][:1].isupper() and rules.singular_title(tokens[index]):
            return _title_run(" ".join(tokens[:index + 1]) + " ", rules)
    return None


def _words_before(before: str) -> list[str]:
    """The words of the text before a name, split at each space (a no-break space is one)."""
    return before.rstrip(" \u00a0").replace("\u00a0", " ").split(" ")


# The most words of a name under a plural title, each capitalised or a name's particle after
# its first word ("Board members Mary Ann Hollis-Grant and ...", "Senators Mary Ann de la Cruz
# and ...").
MAX_NAME_TOKENS = 5


def _title_of_place(before: str, rules: Rules, one_word: bool = True) -> str | None:
    """A title and the place or body it is of, capitalised, right before a name: "Mayor of
    Corrigan Shire" (see names.candidates, which takes the name from after the place's word)."""
    match = TITLE_OF_PLACE.search(before)
    words = match.group(0).split() if match else []
    # (one word after "of" or "for" is the title's when the name, known to be one, starts after
    # it: "Dean of Students Rosalind Achterberg", "Vice President for Finance Dorian Kessling";
    # it is no evidence that "Cold Storage" after "Officer of Polarline" is a name)
    if match and _is_title(match.group(1), rules) and (one_word and len(words) == 3 or any(  # (not "Officer of Polarline": a name too)
            word.lower() in rules.not_name_words for word in words[2:])):
        lead = before[:match.start()].split()
        while lead and _is_title(lead[-1], rules):  # ("Vice", "Deputy" before the title)
            words.insert(0, lead.pop())
        return " ".join(words)
    match = None if rules.english else FOREIGN_TITLE_OF_PLACE.search(before)
    if match and match.group(1)[:1].islower() and _is_title(match.group(1), rules):
        return " ".join(match.group(0).split())  # ("la maire de Niort Claire Dubois")
    return None


# A title, and what it is of in lower case, right before a name: "el concejal de la oposición
# Jorge Barrientos", "l'assessore alla mobilità Marco Rossi", "the director of public works
# Ann Lee" (one to three words after the joining word and an article); French "de" elided
# before a vowel: "le conseiller d'opposition Marc Girard".
TITLE_OF_A_THING = re.compile(rf"(?<!\S)(?P<title>\S+){SPACE}+(?:(?:{'|'.join(sorted(TITLE_JOINS))}){SPACE}+"
                              rf"(?:(?P<article>\S+){SPACE}+)??|d['’](?=[^\W\d_A-Z]))(?:[^\W\d_A-Z][\w’'-]*{SPACE}+){{1,3}}$")


def _title_of_a_thing(before: str, rules: Rules) -> str | None:
    match = TITLE_OF_A_THING.search(before)
    if not match or not _is_title(match.group("title"), rules):
        return None
    article = match.group("article")
    if article is not None and article.lower() not in rules.role_articles | DETERMINERS:
        return None
    words = match.group(0).split()
    if any(_is_title(word, rules) or word.lower() in rules.speech_verbs or _looks_like_a_verb(word) for word in words[2:]):
        return None  # (another title, or a verb, after it: a role of its own, a sentence going on)
    if words[-1].lower() in JOINING_WORDS:
        return None  # ("El presidente de la comunidad recibió a Ana Ruiz": a role ends with no such word)
    return " ".join(_trim(words, rules))  # ("L'assessore alla mobilità": "assessore alla mobilità")


def _looks_like_a_verb(word: str) -> bool:
    """A verb in the past, as English and Spanish write it ("thanked", "recibió", "criticó"): the
    words after a title and "of" are a sentence going on, not what the title is of."""
    return len(word) > 3 and word.endswith(("ed", "ó"))


# Words no role ends with: prepositions and articles ("recibió a", "of the").
JOINING_WORDS = frozenset({"a", "al", "de", "del", "to", "of", "for", "at", "by", "with", "the", "la", "el", "le",
                           "il", "lo", "los", "las", "les", "un", "una", "une", "an", "and", "y", "e", "et"})


def _without_honorific(before: str, rules: Rules) -> str:
    """The text before a name without the courtesy right before it ("Dr.", "Sir", a councillor's
    "Cllr": "The committee's chair, Cllr Imogen Vasquez" is the chair)."""
    words = before.rstrip(" \u00a0").rsplit(" ", 1)
    if len(words) == 2 and (words[1].lower() in rules.honorifics or words[1].lower() in COUNCILLOR):
        return words[0] + " "
    return before


def _title_run(before: str, rules: Rules) -> str | None:
    """Title words right before a name: "President-elect Donald Trump", "Staff Reince Priebus";
    in French, Spanish, Italian and Portuguese with the adjectives after the title ("le conseiller
    municipal Baptiste Orsoni", "el concejal socialista Pedro Ruiz")."""
    tokens = _words_before(before)
    adjectives = _adjectives_after_a_title(tokens, rules)
    if adjectives:
        run = _title_run(" ".join(tokens[:-len(adjectives)]) + " ", rules)
        return run and " ".join([run, *adjectives])
    if (tokens and (singular := rules.singular_title(tokens[-1]))
            and not (len(tokens) > 1 and tokens[-2].lower() in TITLE_JOINS)):  # (not "Dean of Students")
        tokens[-1] = singular  # "Board members Jim Tate and Rosa Mendez": each a "Board member"
    if before[-1:] not in (" ", "\u00a0") or not tokens or not (_is_title(tokens[-1], rules) or _after_a_title(tokens, rules)):
        return None
    run: list[str] = []
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if not token or not _role_word(token, rules) or run and (token[-1] in ",;:\"”" or _ends_sentence(token, rules)
                                                                 and not _initials_in_title(tokens, index, run, rules)):
            break  # (a comma, a quotation's end or a sentence's end ends the role: "on Friday, Judge
            # Marchetti", "“We won in Brackwater,” said Mayor Dana Whitfield")
        if token.lower() in (*LIST_WORDS, *LIST_WORDS_ABROAD) and _has_title(run, rules) and not (
                index > 0 and token.lower() in AND_WORDS and _is_title(tokens[index - 1], rules)):
            # "Green candidate Callum Ross and Liberal candidate Derek Baird": a list of two
            # (but "co-founder and CEO Priya Menon" is one person's two titles)
            break
        run.insert(0, token)
    before_run = len(tokens) - len(run) - 1
    title = run[0] if run else ""
    # "the plant manager Rosa Delgado": "plant manager"; and a noun before that one, "said transit
    # board member Tom Hale": "transit board member"
    for _ in range(MAX_KIND_WORDS):
        if not (run and _names_the_kind_of(tokens, before_run, title, rules)):
            break
        run.insert(0, tokens[before_run])
        before_run -= 1
    words = _trim(run, rules)
    if all(w.lower() in rules.honorifics for w in words):
        return None  # "Mr", "Sir": a courtesy, not a role
    if words and words[0].lower() in PARTICIPLE_TITLES and before_run >= 0 and tokens[before_run].lower() in AUXILIARIES:
        return None  # "Les habitants ont élu Sophie Marchand": a participle, not "l'élue"
    if any(word.lower() in PARTICIPLE_TITLES and before.lower() in AUXILIARIES for before, word in zip(run, run[1:])):
        return None  # "Le conseil municipal a élu Sophie Marchand" (not "municipal a élu")
    if len(words) > 1 and words[-1].lower() in rules.honorifics | COUNCILLOR:
        words = words[:-1]  # "Council leader Cllr Mark Fenwick": "Council leader"
    return " ".join(words) if words else None


def _adjectives_after_a_title(tokens: list[str], rules: Rules) -> list[str]:
    """The one or two adjectives that end ``tokens`` after a title, as languages that put them
    after the noun write them ("conseiller municipal", "concejal socialista", "consigliere
    comunale", "président sortant"); none in English, where "the mayor yesterday" is no title."""
    if rules.english:
        return []
    for count in (1, 2):
        if len(tokens) > count and _is_title(tokens[-count - 1], rules):
            adjectives = tokens[-count:]
            if all(ADJECTIVE.fullmatch(word) and word not in NOT_ADJECTIVES and word not in PREPOSITIONS
                   and word not in rules.name_stopwords and word not in rules.role_articles
                   and word not in rules.speech_verbs for word in adjectives):
                return adjectives
    return []


# An adjective as these languages end them ("municipal", "comunale", "sortant", "socialiste",
# "européen", "actuelle", "délégué", "socialista", "regional"): not a verb after its subject
# ("le juge condamne X", "il sindaco premia X"), a day or an adverb ("le maire dimanche", "ensuite").
ADJECTIVE = re.compile(r"[a-zà-ÿ-]{2,}(?:al|ale|ales|aux|el|elle|ien|ienne|éen|éenne|ain|aine|if|ive|ique|iste|aire"
                       r"|ant|ante|ent|ente|int|inte|é|ée|ista|ano|ana|ino|ina|ense|ico|ica|ivo|iva|ese|ario|aria"
                       r"|ório|ória|ar|or|ora|able|ible|ável|ível)s?")
# Words with such an ending that are no adjective of a title: "le maire maintenant", "souvent".
NOT_ADJECTIVES = frozenset({"maintenant", "souvent", "notamment", "également", "seulement", "vraiment", "cependant",
                            "pourtant", "justement", "actuellement", "récemment", "évidemment", "apparemment",
                            "mientras", "durante", "antes", "entonces", "ahora", "solamente", "realmente", "durant",
                            "pendant", "avant", "mentre", "sempre", "ancora", "encore", "por", "para", "sobre"})


# A preposition and an article in one word, opening no role: "con el voto del exalcalde X".
CONTRACTED_ARTICLES = frozenset({"del", "al", "du", "au", "aux", "della", "dello", "dei", "delle", "dal", "nel", "do",
                                 "da", "dos", "das", "ao", "aos", "vom", "zum", "zur", "beim", "im", "am"})


# Title words that are a verb's participle too, and the auxiliaries that make them one.
PARTICIPLE_TITLES = frozenset({"élu", "élue", "élus", "élues", "electo", "electa", "eletto", "eletta", "eleito", "eleita"})
AUXILIARIES = frozenset({"a", "ont", "avait", "avaient", "aura", "auront", "avons", "ha", "han", "había", "habían",
                         "hanno", "aveva", "avevano", "foi", "foram", "tinha", "tinham"})


# How a British or Australian councillor is addressed before the name: after a role, no part of it.
COUNCILLOR = frozenset(("cllr", "cllr.", "clr", "cr", "cr."))


# The nouns in lower case that may say what a title is of, one before the other ("transit board
# member", "county health officer").
MAX_KIND_WORDS = 2


# Words that open a noun phrase, before a noun that says what a title is of ("the plant manager").
DETERMINERS = frozenset(("the", "a", "an", "his", "her", "their", "its", "our", "my", "your"))


def _names_the_kind_of(tokens: list[str], index: int, title: str, rules: Rules) -> bool:
    """The lower-case word at ``index`` is a noun telling what a lower-case title right after
    it is of ("plant manager", "store manager", "campaign manager"). Only after an article, a
    possessive, a speech verb, a preposition, a quotation's end or a capitalised word inside a
    sentence ("said the plant manager", "the company's store manager", "according to town
    manager", "“...,” branch manager", "White House press secretary", "On Monday campaign
    manager"): a word in lower case before a title may as
    well be a verb ("she thanked manager Rosa Delgado", "She thanked manager Rosa Delgado")."""
    if index < 1 or not title.islower() or not _is_title(title, rules):
        return False
    word, previous = tokens[index], tokens[index - 1]
    # (the word before that one goes on the sentence: no stop, dash or quotation mark ends it)
    capitalised_inside = index > 1 and previous[:1].isupper() and previous.isalpha() and tokens[index - 2][-1:].isalnum()
    # (not "to" alone: "to thank manager Rosa Delgado"; nor a verb's -ing form after one: "by thanking")
    preposition = previous.lower() in BEFORE_A_ROLE or previous.lower() == "to" and index > 1 and tokens[index - 2].lower() == "according"
    # (or right after a quotation: "“... two fewer staff,” branch manager Tom Elwood told me")
    after_a_quote = previous.endswith(("”", '"', "’", "»"))
    # (a body, or the beat or portfolio a job covers, "health critic", "transport correspondent",
    # is a noun, never a verb, and says so at the start of a sentence too)
    return (word.isalpha() and word.islower() and not _role_word(word, rules) and word not in LIST_WORDS
            and (word in rules.governing_bodies or word in rules.job_words or previous.lower() in DETERMINERS or previous.endswith(("'s", "’s", "s'", "s’"))
                 or previous.lower() in rules.speech_verbs or capitalised_inside or after_a_quote
                 or preposition and not word.endswith("ing")))


# Prepositions before a noun phrase that a role with its kind may make ("a letter from town
# manager", "by school principal"), never before a verb.
BEFORE_A_ROLE = frozenset(("by", "from", "with", "of"))


def _after_a_title(tokens: list[str], rules: Rules) -> bool:
    """The last word is one written after a title (TITLE_AFTER), right after a title: "said
    Senator elect Dana Roe"."""
    return len(tokens) > 1 and tokens[-1] in TITLE_AFTER and _is_title(tokens[-2], rules)


def _title_of(words: list[str], rules: Rules) -> bool:
    """"director of public works": a title, then "of", "for" or "at" and what it names; in
    French, Spanish and Italian maybe with "in charge" between ("adjointe chargée des mobilités")."""
    if len(words) > 3 and words[1].lower() in IN_CHARGE:
        words = [words[0], *words[2:]]
    return len(words) > 2 and _is_title(words[0], rules) and words[1].lower() in TITLE_JOINS


# "In charge" or "delegated" between a title and what it is of: "adjointe chargée des mobilités",
# "concejala delegada de Cultura", "assessore incaricato ai Trasporti".
IN_CHARGE = frozenset({"chargé", "chargée", "délégué", "déléguée", "encargado", "encargada", "delegado", "delegada",
                       "incaricato", "incaricata", "delegato", "delegata"})


def _ends_sentence(token: str, rules: Rules) -> bool:
    """"Agency." ends a sentence; "Sen.", "Dr." and an initial "J." do not."""
    return token.endswith((".", "!", "?")) and len(token.rstrip(".")) > 1 and not (
        token.lower() in rules.title_words or token.lower() in rules.honorifics)


# A country's or a body's initials ("U.S.", "U.N."): in a title written in capitals they are the
# title's ("Assistant U.S. Attorney Laura Bennington", "U.S. District Judge Eleanor Vance"), while
# before one in sentence case they end the sentence before it ("... moved to the U.S. Chief
# executive Dana Roe said"), and so do they after a word in lower case that is not a role's or a
# speech verb ("... moved to the U.S. Mayor Dana Roe said"; but "former U.S. Attorney ...", "said
# U.S. Attorney ...").
INITIALS = re.compile(r"(?:[A-Z]\.){2,4}")
# Initials run together from their first letter, up to the stop ending a sentence after them.
INITIALS_TO_THE_STOP = re.compile(rf"(?:[A-Z]\.){{2,4}}(?={SPACE}+[A-Z]|$)")


def _initials_in_title(tokens: list[str], index: int, run: list[str], rules: Rules) -> bool:
    before = tokens[index - 1] if index > 0 else ""
    return (INITIALS.fullmatch(tokens[index]) is not None and all(word[:1].isupper() for word in run)
            and not (before[:1].islower() and before.lower() not in rules.speech_verbs
                     and (before.lower() not in rules.role_modifiers or before.lower() in LITTLE_WORDS)))


LITTLE_WORDS = frozenset({"of", "the", "for", "and", "at", "to", "on", "in", "a", "an"})


# The article an Italian or French word may carry, elided: "L'assessora", "l’adjointe".
ELIDED_ARTICLE = re.compile(r"[Ll]['’](?=[^\W\d_])")


def _trim(words: list[str], rules: Rules) -> list[str]:
    """Drop leading speech verbs, sentence words and joining words ("says the", "But of")."""
    while words and (words[0].lower() in rules.speech_verbs or words[0].lower() in
                     rules.name_stopwords or words[0].lower() in rules.role_articles or words[0].lower() in rules.role_modifiers
                     and words[0].lower() in ("of", "the", "for", "and", "at", "to", "on", "in")
                     or words[0] in CONTRACTED_ARTICLES  # (in lower case: not "Del Mar", "Al Jazeera")
                     or words[0].lower() in ("one", "another") and len(words) > 1 and words[1][:1].islower()):
        words = words[1:]  # ("One neighbor, Pat Greer,": "One" is an article here)
    if words and ELIDED_ARTICLE.match(words[0]) and len(words[0]) > 2:
        words = [words[0][2:], *words[1:]]  # "L'assessora ai Lavori pubblici": "assessora ..."
    return words


def _role_word(word: str, rules: Rules) -> bool:
    lower = word.lower()
    return (_is_title(word, rules) or lower in rules.role_modifiers or lower in
            rules.speech_verbs or lower in rules.name_stopwords or lower in rules.role_articles
            or word[:1].isupper())


def _is_title(word: str, rules: Rules) -> bool:
    return rules.is_title_word(re.sub(r"['’]s$|^l['’]", "", word.lower()))  # ("l'assessora", "co-chair")


def _has_title(words: list[str], rules: Rules) -> bool:
    return any(_is_title(w.strip(",;"), rules) for w in words)
