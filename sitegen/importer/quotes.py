"""Direct quotes and who said them: `“…,” said X`, `X said: “…”`, `“…,” she said`,
`“…,” according to X`, and partial quotes in reported speech, `X said that the plan “…”`.

A quote is marked only when the text attributes it (a speech verb next to it); its speaker is
the person named in the attribution, or for "he"/"she"/"they" the one person named in the
sentence right before it in the paragraph or else in the paragraph right above (which
introduces the speaker: "Constable Mick Farrugia of the police said ..."), else the one
person who spoke in the nearest earlier paragraph that has a speaker; for "X called it “…”
and said" the one person named before the quote in its sentence. Otherwise the quote is
marked without a speaker. So is a "she said" quote whose person the text has called "he", or
after whose last mention a person it does not name comes in as a sentence's subject ("A woman
in the public gallery interrupted him."): see _whom_it_can_be.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache
from itertools import takewhile

from .names import surname
from .people import Cast, Occurrence
from .roles import ARTICLES, INITIALS as INITIALS_RUN, PREPOSITIONS, PRONOUNS as ROLE_PRONOUNS, when_or_where
from .rules import Rules
from .textutil import MIN_PULL_QUOTE_CHARS, SENTENCE_END, SPACE, Line, at_sentence_start, verbs_pattern, words_of

# Double quotation marks, and single ones as British and Australian papers write them
# (‘We are delighted,’ said Mr Hale). A single mark is also an apostrophe ("We’re", "the
# teachers’ union"): it opens a quote only where no word goes on before it, and closes one
# only right after the quote's own punctuation and where no word goes on after it. A straight
# one opens a quote only before a letter ("the '90s"), and stands inside one only between
# letters ("don't").
QUOTED = re.compile(r"“[^“”\n]{2,}?”|\"[^\"\n]{2,}?\""
                    r"|(?<![\w’'])‘(?=\S)[^‘\n]{2,}?[,.!?…]’(?![\w’'])"
                    r"|(?<![\w’'])'(?=[^\W\d_])(?:[^'\n]|(?<=\w)'(?=\w)){2,}?[,.!?…]'(?![\w’'])")
# ... and in the other languages the importer knows ("sagte sie", "dijo él", "a-t-il ajouté").
PRONOUNS = {"he", "she", "they", "er", "sie", "il", "elle", "ils", "elles", "a-t-il", "a-t-elle", "él", "ella",
            "ele", "ela", "lui", "lei"}
# French puts the subject pronoun after the verb it joins with hyphens after a quote, whatever the
# verb: « … », poursuit-il. « … », s'agace-t-elle. « … », nous explique-t-il. « … », a-t-il ajouté.
# (Not the verbs of "semble-t-il", "faut-il", "est-il écrit", "va-t-il falloir": no one speaks. The
# comma may be left out after a quote that ends with its own "?" or "!": « … ? » s'interroge-t-elle.)
INVERTED_PRONOUN = re.compile(r"(?:(?<=[?!…][»”\"])|(?<=[?!…][ \u00a0\u202f][»”\"])|[ \u00a0]*,)[ \u00a0]*(?:(?:nous|vous|me|te|lui|leur)[ \u00a0]+|[mts]['’])?"
                              r"(?!(?:semble|paraît|parait|faut|est|va|peut|reste|suffit|agit|vaut|convient|importe"
                              r"|manque|existe|sera|serait|était|fut|doit|devrait|pourrait)-)"
                              r"[a-zà-ÿ]+(?:-t)?-(?P<who>il|elle|ils|elles)\b")
# German's "so" and who said it after a quote ("„…“, so Kaltenbrunner.", "so die Vorsitzende."):
# not in English stories, where "so" after a quote goes on with the sentence. (A word's full stop
# is the name's only before another word of it, "so Dr. K. Weber": else it ends the sentence.)
SO_WORD = r"[A-ZÄÖÜ][\w’'-]*(?:\.(?=[ \u00a0]+[A-ZÄÖÜ]))?"
SO_NAME = re.compile(rf"[ \u00a0]*,[ \u00a0]*so[ \u00a0]+(?P<who>(?:(?:der|die|das)[ \u00a0]+)?"
                     rf"{SO_WORD}(?:[ \u00a0]+{SO_WORD}){{0,4}})[ \u00a0]*(?:[.;!?]|$)")
# Outside English, a verb and a name after a quote and its comma say who spoke, whatever the verb
# (« … », s'agace Bernard Lhuillier; «…», se queja María Ruiz): not a word that goes on with the
# sentence ("mais", "pero", "selon" ...).
VERB_THEN_NAME = re.compile(r"[ \u00a0]*,[ \u00a0]*(?:s['’]|se[ \u00a0]+|si[ \u00a0]+)?"
                            r"(?!(?:mais|et|ou|donc|car|puis|alors|selon|pour|dans|avec|sans|sur|par|en|de|du|des|le|la"
                            r"|les|un|une|y|o|pero|para|con|por|según|ma|e|per|che|mas|com|und|aber|oder|doch|sous|sobre"
                            r"|di|da|dal|della|von|mit|chez|entre|contre|comme|come|como|tras|bajo|hacia|desde|hasta"
                            r"|durante|segundo|secondo|vers|avant|après|depuis|pendant|malgré|porté|signé"
                            r"|dirigé|réalisé|publié|escrito|dirigido|scritto|diretto)\b)"
                            r"[a-zà-ÿ]+[ \u00a0]+(?P<who>[A-ZÀ-Þ][^.;!?“”\"„«»,]{1,100}?)[ \u00a0]*(?:[.;!?,]|$)")
# "..., said Cole, adding: “This is not over.”": the word stands for the speaker (see SPEAKING_ON).
PARTICIPLES = ("adding", "saying", "noting", "explaining", "insisting", "warning", "arguing")
# "... called the deal “a blank check” and said", "said Cole, adding: “…”": the sentence's
# subject speaks.
CONJUNCTIONS = {"and", "but", "and then", *PARTICIPLES}
# A relative pronoun after a person's name and a comma, the subject of a speech or naming verb
# ("Tom Hale, who called the hearing “…”"; French "qui", Spanish "quien"), and what may come
# between the name and it (an age, a party in brackets).
RELATIVE = {"who", "qui", "quien"}
BEFORE_RELATIVE = re.compile(r"(?:[ \u00a0]*,[ \u00a0]*\d{1,3})?(?:[ \u00a0]*\([^()]{1,60}\))?[ \u00a0]*,[ \u00a0]*")
LOOKBACK = 4                  # paragraphs searched for the speaker of "she said"
# Whom a quote's pronoun can stand for: a man ("he", "il", "él", "er"; Italian's and Portuguese's
# "lui", "ele"), a woman ("she", "elle", "ella", "lei", "ela"); the others ("they", "ils",
# "elles", and German "sie", which is "she" and "they" alike) say nothing of whom.
PRONOUN_GENDER = {"he": "m", "il": "m", "a-t-il": "m", "él": "m", "er": "m", "lui": "m", "ele": "m",
                  "she": "f", "elle": "f", "a-t-elle": "f", "ella": "f", "lei": "f", "ela": "f"}
# French words for whoever holds an elected office or was just spoken of, after a quote as a
# pronoun is ("« … », a déclaré l'élue"; "l'édile", the mayor; "l'intéressé", the one concerned):
# they stand for the person named before them as "elle" or "il" does, not for a title of theirs.
EPITHETS = {f"l{apostrophe}{word}": gender for apostrophe in "'’" for word, gender in (
    ("élu", "m"), ("élue", "f"), ("édile", None), ("intéressé", "m"), ("intéressée", "f"))}
PRONOUNS |= EPITHETS.keys()
PRONOUN_GENDER |= {word: gender for word, gender in EPITHETS.items() if gender}
# The pronouns of the story's own words (not a quote's) that refer back to a person and are no
# other word: English's, and Spanish's "él" and "ella". (Not French "il", "elle", German "er",
# which stand for things as well, "il" also Italian's article; nor "sie", "ihr", "lui".)
REFERRING = {"he": "m", "him": "m", "his": "m", "himself": "m", "él": "m",
             "she": "f", "her": "f", "hers": "f", "herself": "f", "ella": "f"}
REFERRING_WORD = re.compile(rf"(?<![\w’'-])(?i:{'|'.join(REFERRING)})(?![\w’'-])")
# A title before a name that says whose it is: "Mr Hale", "Mrs. Ann Lee", "Mme Claire Dubois",
# "la señora Ana Ruiz", "Frau Helga Brandt". (Not "M.", also an initial; not "Dr" or "Don".)
HONORIFIC_GENDER = re.compile(r"(?<![\w.])(?:(?P<m>Mr|Sir|Lord|Monsieur|Herr|[Ss]eñor|Sr|Signor)"
                              r"|(?P<f>Mrs|Ms|Miss|Dame|Lady|Madame|Mme|Frau|[Ss]eñora|Sra|Signora))"
                              r"[.\u2024]?[ \u00a0]+$")
# Nouns for a person the text does not name ("a woman in the public gallery", "one resident",
# "her mother", "sa voisine", "eine Frau"), a man's, a woman's, or either's.
PERSON_NOUNS = {
    "f": ("woman", "girl", "lady", "mother", "mum", "mom", "wife", "daughter", "sister", "aunt", "niece",
          "grandmother", "granddaughter", "widow", "girlfriend", "bride", "spokeswoman", "chairwoman",
          "councilwoman", "congresswoman", "businesswoman", "policewoman", "landlady", "waitress", "stepmother",
          "femme", "mère", "fille", "sœur", "épouse", "voisine", "habitante", "mujer", "madre", "hija", "hermana",
          "esposa", "vecina", "donna", "figlia", "sorella", "moglie", "mulher", "mãe", "filha", "irmã", "frau",
          "mutter", "tochter", "schwester", "ehefrau", "sprecherin", "anwohnerin", "nachbarin"),
    "m": ("man", "boy", "gentleman", "father", "dad", "husband", "son", "brother", "uncle", "nephew",
          "grandfather", "grandson", "widower", "boyfriend", "groom", "spokesman", "chairman", "councilman",
          "congressman", "businessman", "policeman", "landlord", "waiter", "stepfather", "homme", "père", "fils",
          "frère", "mari", "époux", "voisin", "habitant", "hombre", "padre", "hijo", "hermano", "esposo", "marido",
          "vecino", "uomo", "figlio", "fratello", "marito", "homem", "pai", "filho", "irmão", "mann", "vater",
          "sohn", "bruder", "ehemann", "sprecher", "anwohner", "nachbar"),
    # (not the nouns that are often a thing's first word: "an official report", "a parent company",
    # "a student union", "a visitor centre", "a witness statement")
    None: ("person", "resident", "neighbour", "neighbor", "spokesperson", "eyewitness", "bystander", "onlooker",
           "passer-by", "friend", "relative", "cousin", "spouse", "colleague", "villager", "protester", "protestor",
           "demonstrator", "insider", "aide", "tenant", "shopper", "commuter", "parishioner", "porte-parole",
           "portavoz", "portavoce"),
}
NOUN_GENDER = {noun: gender for gender, nouns in PERSON_NOUNS.items() for noun in nouns}
# ... brought in by an article, "one" or "another", or a possessive, with up to two words before
# the noun ("a woman", "an elderly man", "her own mother"; not "her son's school").
UNNAMED_PERSON = re.compile(r"(?<![\w’'-])(?i:a|an|one|another|his|her|their|my|our|un|une|sa|son|una|su|um|uma"
                            r"|seu|sua|eine?|seine?|ihre?)[ \u00a0]+(?:[a-zà-ÿ’'-]+[ \u00a0]+){0,2}?"
                            rf"(?P<noun>(?i:{'|'.join(sorted(NOUN_GENDER, key=len, reverse=True))}))(?![\w’'-])")
# ... which is no other person when it says what a person named is: after a verb "to be" or
# "as" ("Lee is a mother of three", "worked as a nurse").
BEING = re.compile(r"(?<![\w’'-])(?i:is|was|are|were|be|been|being|became|becomes|become|remains|remained|as|like"
                   r"|est|était|es|era|fue|ist|war)[ \u00a0]+$")
# ... or after the name and a comma, an age between ("Rosa Kessling, a farmer", "Ana Ruiz, 58, a
# teacher", "Rosa Kessling, a farmer and a mother of three"; not "Smith, 60, thanked a woman"), or
# right before it ("her mother, Ilse Venn", "a spokeswoman, Ann Lee,").
APPOSITIVE_AFTER = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*\d{1,3})?,[ \u00a0]*"
                              r"(?:[^,.;:!?“”\"]*[ \u00a0](?:and|or|et|ou|y|o|e|und|oder)[ \u00a0]+)?")
APPOSITIVE_BEFORE = re.compile(r",?[ \u00a0]*")
MAX_SPEAKER_WORDS = 14


@dataclass(frozen=True, slots=True)
class Quote:
    line: int
    start: int                # the opening quotation mark
    end: int                  # just after the closing mark
    by: str | None            # the speaker's slug, None when the text does not name one
    doubt: str | None = None  # why a pronoun's quote was given no one, for the editor


@cache
def _after_verb_first(verbs: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"[ \u00a0,]*(?:{verbs_pattern(verbs)}){SPACE}+"
                      r"(?P<who>[^.;!?“”\"]{1,160}?)[ \u00a0]*(?:[.;!?“”\"]|$)")


@cache
def _after_subject_first(verbs: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"[ \u00a0,]*(?P<who>[^.;!?“”\"]{{1,160}}?){SPACE}+"
                      rf"(?:{verbs_pattern(verbs)})\b")


@cache
def _verb_alone(verbs: frozenset[str]) -> re.Pattern[str]:
    """The verb alone after the quote, its subject left out as Spanish, Italian and Portuguese
    leave it (“…”, dijo.): the verb stands for a pronoun."""
    return re.compile(rf"[ \u00a0]*,[ \u00a0]*(?P<who>{verbs_pattern(verbs)})[ \u00a0]*(?:[.;!?]|$)")


@cache
def _before(verbs: frozenset[str]) -> re.Pattern[str]:
    # (An aside may stand between the speaker and the verb: "Cllr Margaret Okonkwo, who
    # represents Ashby ward, told the Echo: “…”".)
    return re.compile(rf"(?P<who>[^.;!?“”\",]{{1,100}}?)(?P<aside>,[^.;!?“”\"]{{1,120}}?,)?{SPACE}+(?:{verbs_pattern(verbs)})\b"
                      rf"[^.;!?“”\"]{{0,60}}?[,:]{SPACE}*$")


@cache
def _before_that(verbs: frozenset[str]) -> re.Pattern[str]:
    """A partial quote in reported speech: `Cho said in a statement that the plan “…”`."""
    return re.compile(rf"(?P<who>[^.;!?“”\",]{{1,100}}?){SPACE}+(?:{verbs_pattern(verbs)})\b"
                      rf"[^.;!?“”\"]{{0,60}}?{SPACE}that{SPACE}[^.;!?“”\"]{{0,80}}$")


@cache
def _before_reported(verbs: frozenset[str], naming_verbs: frozenset[str]) -> re.Pattern[str]:
    """... and without "that", when the quote is part of a sentence (it opens in lower case):
    `Streeting said on Sunday the government was “determined to turn this around”`, and after
    the naming verbs: `Okafor called the ruling “a gut punch”`."""
    return re.compile(rf"(?P<who>[^.;!?“”\",]{{1,100}}?)(?P<aside>,[^.;!?“”\"]{{1,120}}?,)?{SPACE}+"
                      rf"(?:{verbs_pattern(verbs | naming_verbs)})\b{SPACE}[^.;!?“”\",]{{0,120}}$")


def _quoted_spans(text: str, rules: Rules) -> list[tuple[int, int]]:
    """The quotations of a line: in quotation marks, and outside English a paragraph of dialogue
    opened by a dash (the speech up to the narrator's words, set off by another dash)."""
    spans = [(m.start(), m.end()) for m in QUOTED.finditer(text)]
    if not rules.english and not spans and (match := DIALOGUE.match(text)):
        spans.append(match.span("speech"))
    return spans


# The dash that opens the narrator's words after a line of dialogue (see DIALOGUE).
NARRATOR_DASH = re.compile(r"[ \u00a0]+—(?=[a-zà-ÿ])")
# A paragraph of dialogue as Spanish (and Portuguese, Catalan ...) writes it: "—Es un desastre
# —dijo el alcalde—. No lo vamos a permitir." The speech follows the dash with no space (a
# signature's dash has one: "— Ana Ruiz, Lora"); the narrator's words after it open with a dash
# and a lower-case verb.
DIALOGUE = re.compile(r"[ \u00a0]*—(?P<speech>[^\s—][^—\n]*?)(?=[ \u00a0]+—[a-zà-ÿ]|[ \u00a0]*$)")


def find_quotes(lines: list[Line], cast: Cast, rules: Rules) -> tuple[Quote, ...]:
    by_line: dict[int, list[Occurrence]] = {}
    for occurrence in cast.occurrences:
        by_line.setdefault(occurrence.line, []).append(occurrence)
    story = _story(lines, by_line, rules)
    names = {person.slug: person.name for person in cast.people}
    told = iter(_genders_told(story, rules))  # (line, at, slug, "m" or "f"), in text order
    next_told = next(told, None)
    genders: dict[str, set[str]] = {}     # slug -> the pronouns the text has used for them so far
    history: list[set[str]] = []          # speakers of each earlier body line
    named_above: set[str] = set()         # the people the line above names
    spoke_last_above: str | None = None   # who spoke the line above's last quote
    quotes = []
    unspoken = []                         # paragraphs that are a quote alone, spoken by no one
    for i, line in enumerate(lines):
        here = by_line.get(line.number, [])
        speakers = {o.slug for o in here if o.speaker}
        masked = story.masked[line.number]  # (the line with its abbreviations' stops masked)
        last: Quote | None = None  # the line's quote before this one
        for (start, end), who in zip(story.quoted[line.number], story.attributed[line.number]):
            while next_told is not None and next_told[:2] < (line.number, start):
                genders.setdefault(next_told[2], set()).add(next_told[3])
                next_told = next(told, None)
            if who is None:
                by = _goes_on_speaking(masked, start, end, last, spoke_last_above, here)
                if by is not None:
                    last = Quote(line.number, start, end, by)
                    quotes.append(last)
                elif _is_the_paragraph(line.text, start, end):
                    unspoken.append(Quote(line.number, start, end, None))  # (a pull quote?)
                continue
            earlier = {o.slug for o in here if o.speaker and o.end <= start}
            words = line.text[who[0]:who[1]].strip().lower()
            if words not in PRONOUNS and (head := words.split(",")[0].strip()) in PRONOUNS:
                # ("a déclaré l'élue, sous les applaudissements de la salle": the pronoun, then an aside)
                words, who = head, (who[0], line.text.index(",", who[0]))
            if words in rules.speech_verbs:
                # “…”, dijo.: the subject left out is the paragraph's one speaker so far, else the
                # one person the sentence before names ("La alcaldesa, Inmaculada Serrano,
                # prometió estudiarlo. «…», dijo."); never someone of an earlier paragraph.
                named = earlier or _named_before(masked, start, here)
                by = next(iter(named)) if len(named) == 1 else None
            elif words in RELATIVE:
                # "said Mayor Tom Hale, who called the hearing “the longest I can remember”": the
                # person named right before the comma
                before = [o for o in here if o.end <= who[0] and BEFORE_RELATIVE.fullmatch(line.text, o.end, who[0])]
                by = before[-1].slug if before else None
            elif words in CONJUNCTIONS:
                # "Rep. Tom Whitcombe called the deal “a blank check” and said ...": the one
                # person the sentence names before the quote, or no one.
                named = _named_before(masked, start, here, sentence_before=False)
                by = next(iter(named)) if len(named) == 1 else None
            else:
                # Who "she" is: whoever spoke earlier in the paragraph, else the one person the
                # sentence just before names ("Rosa Kessling, a farmer, disagreed. “…,” she
                # said."), else the one person a sentence of the paragraph opens with before it
                # ("Former fisherman Ewan Tresidder has opened a bakery. He bakes 200 loaves a day.
                # “…,” he said."; not one it names on the way: "The closure was proposed by
                # minister Ann Lee. “…,” he said." goes on with the speaker above), else the one
                # the paragraph above names.
                in_paragraph = {o.slug for o in here if o.end <= start and _opens_its_sentence(masked, o.start, rules)}
                introduced = set() if earlier else (
                    at_sentence_start(line.text, start) and _named_before(masked, start, here)
                    or (in_paragraph if len(in_paragraph) == 1 else set()) or named_above)
                by = (_speaker(line.text, who, here, history + [earlier], introduced)
                      or _holder_of(line.text[who[0]:who[1]], cast, rules))
            if isinstance(who, SubjectBeforeColon) and any(who[1] <= o.start and o.end <= start for o in here):
                by = None  # (someone else named on the way to the colon: "received a letter from Cllr John Berg:")
            doubt = None
            if words in PRONOUNS:
                known = {slug: next(iter(seen)) for slug, seen in genders.items() if len(seen) == 1}
                by, doubt = _whom_it_can_be(story, i, (start, who), words, by, known, quotes, names, rules)
                if by and words in PRONOUN_GENDER:
                    genders.setdefault(by, set()).add(PRONOUN_GENDER[words])
            last = Quote(line.number, start, end, by, doubt)
            quotes.append(last)
            if by:
                speakers.add(by)
        history.append(speakers)
        named_above = {o.slug for o in here}
        spoke_last_above = last.by if last else None
    quotes = _with_pull_quotes(quotes, unspoken, lines)
    quotes += _embedded_posts(lines, by_line, quotes)
    return tuple(sorted(quotes + _interview_answers(lines, cast, quotes), key=lambda q: (q.line, q.start)))


# A post embedded in the page, as its text stands in for it: the post, a dash, who posted it
# and their handle, the date ("Bins will be collected on time. Simple. — Linda Okafor
# (@MayorOkafor) June 1, 2025").
EMBEDDED_POST = re.compile(r"[ \u00a0]*(?P<text>\S.*?)[ \u00a0]+[—–][ \u00a0]+(?P<name>[^—–()@]{2,60}?)[ \u00a0]+"
                           r"\(@\w{1,30}\)[ \u00a0]+(?:[A-Z][a-z]+\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4})[ \u00a0]*")


def _embedded_posts(lines: list[Line], by_line: dict[int, list[Occurrence]], quotes: list[Quote]) -> list[Quote]:
    """An embedded post's words, as the quote of the person who posted them, when the story
    names them (a post of someone it does not name, or a paragraph with quotes of its own, is
    left as it is)."""
    quoted = {q.line for q in quotes}
    posts = []
    for line in lines:
        if line.number in quoted or not (match := EMBEDDED_POST.fullmatch(line.text)):
            continue
        posters = {o.slug for o in by_line.get(line.number, [])
                   if match.start("name") <= o.start and o.end <= match.end("name")}
        if len(posters) == 1:
            posts.append(Quote(line.number, match.start("text"), match.end("text"), posters.pop()))
    return posts


# An interview's question and answer paragraphs: "Q: Why get rid of late fees?", "A: Fees keep ...".
QUESTION = re.compile(r"[ \u00a0]*(?:Q|Question)[:.][ \u00a0]+(?=\S)")
ANSWER = re.compile(r"[ \u00a0]*(?:A|Answer)[:.][ \u00a0]+(?=\S)")
# A paragraph opened by its speaker's name: "Vega: Mostly mysteries."
SPEAKER_LABEL = re.compile(r"[ \u00a0]*(?P<name>[A-Z][\w’'-]+(?:[ \u00a0][A-Z][\w’'-]+){0,2}):[ \u00a0]+(?=\S)")


def _interview_answers(lines: list[Line], cast: Cast, quotes: list[Quote]) -> list[Quote]:
    """A Q&A's answers, as quotes of the one person the introduction above its first question
    names ("Marisol Vega took over as director ... Q: ... A: Fees keep ..."), and paragraphs
    opened by a person's name and a colon in it ("Vega: Mostly mysteries."). None when the
    introduction names no one or several (then whose answers they are is not said). Without
    "Q:" and "A:", an interview whose questions are labelled with the outlet's or the
    interviewer's name ("Granary Quarterly: ... How did you end up in a kitchen?" /
    "Sorrentino-Vask: By accident, honestly."): two questions or more (labelled paragraphs
    ending with a question mark) and two answers or more, labelled by a person the story
    names who asks none of them. Not a list of names and colons ("Okafor: 1,204 votes")."""
    by_name = {}
    for person in cast.people:
        by_name[person.name] = by_name[surname(person.name)] = person.slug
        # (a transcript writes its labels in capitals: "YOLANDA MBATHA-CRANE:", the full name
        # only; "OKAFOR:" in capitals may be a results list's, or another Okafor's)
        by_name[person.name.upper()] = person.slug
    asking: set[str] = set()  # the labels of the questions (see below)
    first_question = next((line.number for line in lines if QUESTION.match(line.text)), None)
    if first_question is None or not any(ANSWER.match(line.text) for line in lines):
        labelled = [(line, label.group("name")) for line in lines if (label := SPEAKER_LABEL.match(line.text))]
        questions = [(line, name) for line, name in labelled if line.text.rstrip().endswith("?")]
        asking = {name for _, name in questions}
        answers = [line.number for line, name in labelled if name in by_name and name not in asking]
        if len(questions) < 2 or len(answers) < 2:
            return []
        first_question = questions[0][0].number
    people = {person.slug for person in cast.people}  # (not the reporter who asks)
    introduced = {o.slug for o in cast.occurrences if o.line < first_question and o.slug in people}
    quoted = {q.line for q in quotes}
    answers = []
    for line in lines:
        if line.number < first_question or line.number in quoted:
            continue  # (its own quotes are given already)
        label = ANSWER.match(line.text)
        by = next(iter(introduced)) if label and len(introduced) == 1 else None
        if label is None and (label := SPEAKER_LABEL.match(line.text)) and label.group("name") not in asking:
            by = by_name.get(label.group("name"))
        if by is not None:
            answers.append(Quote(line.number, label.end(), len(line.text.rstrip()), by))
    return answers


def _is_the_paragraph(text: str, start: int, end: int) -> bool:
    return not text[:start].strip(" \u00a0") and not text[end:].strip(" \u00a0")


def _with_pull_quotes(quotes: list[Quote], unspoken: list[Quote], lines: list[Line]) -> list[Quote]:
    """A paragraph that is only a quote, whose words the story quotes elsewhere (a pull quote,
    set between paragraphs: “We're turning families away by noon.”), is spoken by whoever
    speaks them there, before or after it; not by the speaker of the paragraph above, as a
    quote running on over paragraphs would be."""
    text = {line.number: line.text for line in lines}
    # (each quote's words once, padded for whole-word containment, not once per pull quote)
    said = [f" {words_of(text[q.line][q.start:q.end])} " for q in quotes]
    pulled = []
    for i, quote in [(i, q) for i, q in enumerate(quotes) if _is_the_paragraph(text[q.line], q.start, q.end)] + \
            [(None, q) for q in unspoken]:
        words = said[i] if i is not None else f" {words_of(text[quote.line][quote.start:quote.end])} "
        if len(words) - 2 < MIN_PULL_QUOTE_CHARS:
            continue
        elsewhere = {q.by for q, theirs in zip(quotes, said) if q.line != quote.line and words in theirs}
        if not elsewhere:
            continue
        by = elsewhere.pop() if len(elsewhere) == 1 else None
        if i is None:
            pulled.append(replace(quote, by=by))
        else:
            quotes[i] = replace(quote, by=by)
    return sorted(quotes + pulled, key=lambda q: (q.line, q.start)) if pulled else quotes


# A quoted sentence: what it says ends with a sentence's punctuation ("“They believed it.”"),
# not a title or a phrase ("“Hamlet” opens on Friday").
QUOTED_SENTENCE = re.compile(r"[.!?…][\"”’']$")


def _goes_on_speaking(text: str, start: int, end: int, before: Quote | None, spoke_above: str | None,
                      here: list[Occurrence]) -> str | None:
    """Who speaks a quoted sentence that says nothing of who spoke it: whoever spoke the quote
    before it, in the paragraph, if only that quote's attribution stands between them ("“We
    weren't done,” coach Tom Reyes said. “They believed it.”"), or, when the paragraph opens
    with it, in the paragraph above (a quote that runs over paragraphs, as news writing sets
    them); else the one person the sentence before it names, speaking there ("Lee said the
    work would start in May. “It will be quick.”", "L'assessora, Giulia Martinelli, ha
    spiegato che ... «Sarà un cantiere rapido»."). (``text``: the line with its abbreviations'
    stops masked, as attribution takes it.)"""
    # (a sentence's stop inside the quote, or, as Italian, Spanish and French set it, right after)
    if not QUOTED_SENTENCE.search(text, 0, end) and not (text[end - 1:end] in "”»" and text[end:end + 1] in (".", "!", "?")):
        return None
    if before is not None:
        others = any(before.end <= o.start < start and o.slug != before.by for o in here)
        # (up to the quote's first letter: the last sentence's end is seen by what follows it)
        one_sentence = len(SENTENCE_END.findall(text, before.end, start + 2)) <= 1
        return before.by if before.by and not others and one_sentence and at_sentence_start(text, start) else None
    if not text[:start].strip():
        return spoke_above
    if not at_sentence_start(text, start):
        return None
    named = _named_before(text, start, here)
    speaking = {o.slug for o in here if o.speaker and o.end <= start and o.slug in named}
    if len(named) != 1 or not speaking or ASKS.search(_sentence_before(text, start)):
        return None  # (a question's answer is not the asker's: "X asked whether ... “Not this year.”")
    return next(iter(named))


# A sentence that asks: its answer, quoted after it, is someone else's.
ASKS = re.compile(r"\b(?:ask|asks|asked|asking|wonder|wonders|wondered|questioned|inquired|"
                  r"enquired|pregunt\w*|fragt\w*|chiede\w*|chiese)\b|\?[\"”’»]?[ \u00a0]*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Story:
    """The body as the speakers of its quotes are looked for: its lines, each as attribution reads
    it (its abbreviations' stops masked), the spans of its quotes and what attributes each, the
    spans that are not the narrator's words (the quotes and their attributions: the pronoun of
    "she said" is the speaker's, found by find_quotes), where each line's sentences end, and the
    people each names in the narrator's words. (Sorted lists, searched by bisection: a long
    story's lines may hold many quotes and names.)"""
    lines: list[Line]
    masked: dict[int, str]
    quoted: dict[int, list[tuple[int, int]]]
    attributed: dict[int, list[tuple[int, int] | None]]
    unnarrated: dict[int, list[tuple[int, int]]]
    stops: dict[int, list[int]]
    by_line: dict[int, list[Occurrence]]
    narrated_names: dict[int, list[Occurrence]]

    def narrated(self, number: int, at: int) -> bool:
        """Whether ``at`` is in the narrator's words of line ``number``."""
        return not _inside(self.unnarrated[number], at)

    def named(self, i: int, before: int | None = None) -> list[Occurrence]:
        """The people the ``i``-th line names in the narrator's words (ending by ``before``)."""
        names = self.narrated_names[self.lines[i].number]
        return names if before is None else [o for o in names if o.end <= before]

    def sentence_around(self, number: int, at: int) -> tuple[int, int]:
        """Where the sentence of line ``number`` that ``at`` is in begins and ends."""
        stops = self.stops[number]
        k = bisect_right(stops, at)
        return stops[k - 1] if k else 0, stops[k] if k < len(stops) else len(self.masked[number])


def _story(lines: list[Line], by_line: dict[int, list[Occurrence]], rules: Rules) -> _Story:
    masked = {line.number: _without_abbreviation_stops(line.text, rules) for line in lines}
    quoted = {line.number: _quoted_spans(line.text, rules) for line in lines}
    attributed = {number: [attribution(masked[number], start, end, rules) for start, end in spans]
                  for number, spans in quoted.items()}
    unnarrated = {number: _merged(quoted[number] + [who for who in attributed[number] if who]) for number in quoted}
    stops = {number: [match.end() for match in SENTENCE_END.finditer(text)] for number, text in masked.items()}
    # (sorted by where they start, as cast.occurrences are)
    narrated_names = {number: [o for o in by_line.get(number, []) if not _inside(spans, o.start)]
                      for number, spans in ((number, _merged(spans)) for number, spans in quoted.items())}
    return _Story(lines, masked, quoted, attributed, unnarrated, stops, by_line, narrated_names)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans sorted, those that overlap made one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` is in one of the sorted spans, which do not overlap."""
    k = bisect_right(spans, (at, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


def _genders_told(story: _Story, rules: Rules) -> list[tuple[int, int, str, str]]:
    """Where the text says a person is a man or a woman, in text order: a title before their name
    ("Mr Hale", "Mme Claire Dubois", "Frau Helga Brandt"), and a pronoun of the narrator's that can
    only be theirs ("Mayor John Smith opened the meeting. A woman interrupted him."; see _referent).
    (The pronouns of the quotes' attributions are the speakers' as find_quotes gives them.)"""
    told = []
    for i, line in enumerate(story.lines):
        text = story.masked[line.number]
        here = story.by_line.get(line.number, [])
        for o in here:
            if title := HONORIFIC_GENDER.search(text, max(0, o.start - 12), o.start):
                told.append((line.number, o.start, o.slug, "m" if title.group("m") else "f"))
        names = [(o.start, o.end) for o in here]
        for pronoun in REFERRING_WORD.finditer(text):
            if not story.narrated(line.number, pronoun.start()) or _inside(names, pronoun.start()):
                continue  # ("Ella Fitzgerald")
            gender = REFERRING[pronoun.group().lower()]
            if slug := _referent(story, i, pronoun.start(), gender, rules):
                told.append((line.number, pronoun.start(), slug, gender))
    return sorted(told)


def _referent(story: _Story, i: int, at: int, gender: str, rules: Rules) -> str | None:
    """Who the narrator's pronoun at ``at`` of the ``i``-th line is, when it can be one person
    only: its sentence names no one before it (in "Smith said she would go", "she" may be anyone),
    the last sentence before it that names someone names that one person alone, and no one else
    who could be "he" or "she" comes between ("a woman", "the mayor"; not "A woman ... interrupted
    him")."""
    begins = story.sentence_around(story.lines[i].number, at)[0]
    for j in range(i, max(-1, i - LOOKBACK - 1), -1):
        named = story.named(j, at if j == i else None)
        if not named:
            continue
        last = named[-1]
        if j == i and last.start >= begins:
            return None
        sentence = story.sentence_around(story.lines[j].number, last.start)
        in_sentence = takewhile(lambda o: o.start >= sentence[0], reversed(named))
        if any(o.slug != last.slug for o in in_sentence) or _unnamed_between(story, (j, last.end), (i, at), gender, rules):
            return None
        return last.slug
    return None


@cache
def _the_person(title_words: frozenset[str]) -> re.Pattern[str]:
    """A person named by a title or a noun after "the" ("the mayor", "the woman"): who a pronoun
    may be, for _referent, though not someone brought in."""
    nouns = sorted(NOUN_GENDER.keys() | {word for word in title_words if word.isalpha()}, key=len, reverse=True)
    return re.compile(r"(?<![\w’'-])(?i:the|this|that)[ \u00a0]+(?:[a-zà-ÿ’'-]+[ \u00a0]+){0,2}?"
                      rf"(?P<noun>(?i:{'|'.join(nouns)}))(?![\w’'-])")


def _unnamed_between(story: _Story, since: tuple[int, int], until: tuple[int, int], gender: str | None,
                     rules: Rules | None = None, speaker: str | None = None) -> str | None:
    """The words for a person the text does not name ("A woman in the public gallery", "her
    mother", "one resident") between ``since`` and ``until`` (a line's index and a place in it),
    in the narrator's words, who could be "he" or "she" as ``gender`` says (None: anyone); with
    ``rules``, also one after "the" ("the mayor"). Not the words that say who a person named is
    ("Rosa Kessling, a farmer", "her mother, Ilse Venn", "Lee is a mother of three"); with
    ``speaker``, not the words that are only part of what a sentence says of them, the words not
    its subject in a sentence that names them or opens with "he" or "she" before them ("Parent
    Marcus Finn said he kept his son home", "For Kayla Bright, the plan is to move in with her
    sister"; but "Later, a woman in the gallery interrupted him.", "A book about my mother.")."""
    patterns = (UNNAMED_PERSON, _the_person(rules.title_words)) if rules else (UNNAMED_PERSON,)
    for j in range(since[0], until[0] + 1):
        number = story.lines[j].number
        text, here = story.masked[number], story.by_line.get(number, [])
        low, high = since[1] if j == since[0] else 0, until[1] if j == until[0] else len(text)
        for match in sorted((m for pattern in patterns for m in pattern.finditer(text, low, high)), key=lambda m: m.start()):
            noun = NOUN_GENDER.get(match.group("noun").lower())
            if gender and noun and noun != gender or not story.narrated(number, match.start()):
                continue
            k = bisect_right([o.start for o in here], match.start())  # (the names before it and after it)
            if BEING.search(text, max(0, match.start() - 12), match.start()) \
                    or k and APPOSITIVE_AFTER.fullmatch(text, here[k - 1].end, match.start()) \
                    or k < len(here) and APPOSITIVE_BEFORE.fullmatch(text, match.end(), here[k].start):
                continue
            if speaker and _told_of(story, j, match.start(), speaker, gender):
                continue
            return match.group()
    return None


# What may come before a sentence's subject: a few words set off by a comma ("Later,", "In the
# public gallery,", "Minutes later,"), or a word that joins it to the sentence before ("But", "Then").
OPENER = re.compile(r"[ \u00a0\"“”‘’(]*(?:(?:[^\s,.;:!?“”\"]+[ \u00a0]+){0,4}[^\s,.;:!?“”\"]+,[ \u00a0]*)?"
                    r"(?:(?:And|But|Then|So|Yet|Now|Soon|Suddenly)[ \u00a0]+)?")
# The pronouns that may be a sentence's subject, by the gender they say.
SUBJECT_PRONOUN = {"m": re.compile(r"(?i:he|él)(?![\w’'-])"), "f": re.compile(r"(?i:she|ella)(?![\w’'-])")}


def _told_of(story: _Story, j: int, at: int, speaker: str, gender: str | None) -> bool:
    """Whether the words for a person at ``at`` of the ``j``-th line are not their sentence's
    subject, in a sentence that is the speaker's: it names them before those words, or opens
    with a pronoun that may be theirs (see _unnamed_between)."""
    number = story.lines[j].number
    text = story.masked[number]
    begins = story.sentence_around(number, at)[0]
    if OPENER.fullmatch(text, begins, at):
        return False  # (its subject)
    if any(o.slug == speaker and begins <= o.start < at for o in story.by_line.get(number, [])):
        return True
    subject = OPENER.match(text, begins, at).end()
    return bool(gender) and bool(SUBJECT_PRONOUN[gender].match(text, subject, at))


def _whom_it_can_be(story: _Story, i: int, quote: tuple[int, tuple[int, int]], pronoun: str, by: str | None,
                    known: dict[str, str], quotes: list[Quote], names: dict[str, str],
                    rules: Rules) -> tuple[str | None, str | None]:
    """The speaker of a quote that only a pronoun attributes, from ``by``, whom the rules above
    give it to: not a person the text has called by a pronoun of the other gender ("Mayor John
    Smith opened the meeting. He said ... “…,” she said."), but the nearest one before the quote
    that it has called so when the text makes them the speaker still (see _may_go_back_to), else
    no one; and no one when a person it does not name comes in after them as a sentence's subject
    ("... A woman in the public gallery interrupted him. “…,” she said."). With it, why it was
    given no one (for the editor: see analyse)."""
    if by is None:
        return None, None
    start, who = quote
    gender = PRONOUN_GENDER.get(pronoun)
    if gender and known.get(by, gender) != gender:
        before = ((j, o) for j in range(i, max(-1, i - LOOKBACK - 1), -1) for o in reversed(story.named(j, start if j == i else None)))
        other = by
        agrees = next(((j, o) for j, o in before if known.get(o.slug) == gender), None)
        by = agrees[1].slug if agrees and _may_go_back_to(story, i, start, agrees, other, quotes, rules) else None
        if by is None:
            called = "a man" if known[other] == "m" else "a woman"
            return None, f"“{pronoun}” is not {names.get(other, other)}, whom the text calls {called}"
    since = _last_mention(story, by, i, start, quotes)
    until = (i, min(start, who[0]))
    if since and (someone := _unnamed_between(story, since, until, gender, speaker=by)):
        return None, f"“{pronoun}” may be {names.get(by, by)} or “{someone}”"
    return by, None


def _may_go_back_to(story: _Story, i: int, start: int, agrees: tuple[int, Occurrence], other: str,
                    quotes: list[Quote], rules: Rules) -> bool:
    """Whether "she said" at ``start`` of the ``i``-th line, which is not ``other``'s, may be the
    person named at ``agrees`` (a line's index and the name there), the nearest before it whom the
    text calls "she": when that person is the subject of the quote's sentence or of the one right
    before it ("Danach sprach Frau Helga Brandt. „Zu spät“, sagte sie."), or when the quote opens
    its paragraph, a turn of a dialogue, and no one but ``other`` has been named or spoken since
    ("Clara Venn ... “…,” she said. / Pieter Hals ... “…,” he said. / “…,” she said."). Not over
    a sentence of the quote's paragraph that brings someone else in, whose name may be one the
    importer does not know ("Mayor of Pellham Junction Oksana Ward opened the shelter. “…,” she
    said." is not the sheriff's two paragraphs above)."""
    j, name = agrees
    number, text = story.lines[i].number, story.masked[story.lines[i].number]
    own = story.sentence_around(number, start)[0]
    if j == i and _opens_its_sentence(text, name.start, rules) and (
            name.start >= own or text[:own].strip() and name.start >= story.sentence_around(number, own - 1)[0]):
        return True
    if j == i - 1 and not text[:start].strip() and _opens_its_sentence(story.masked[story.lines[j].number], name.start, rules):
        last = story.masked[story.lines[j].number].rstrip()
        if name.start >= story.sentence_around(story.lines[j].number, len(last) - 1)[0]:
            return True
    if text[:start].strip(" \u00a0"):
        return False
    for k in range(j, i):
        names = story.named(k)
        if any(o.slug not in (other, name.slug) for o in names if k > j or o.start >= name.start):
            return False
    first, here = story.lines[j].number, story.lines[i].number
    return all(q.by in (None, other, name.slug) for q in quotes if first <= q.line <= here)


def _last_mention(story: _Story, slug: str, i: int, start: int, quotes: list[Quote]) -> tuple[int, int] | None:
    """Where the person was last named, or last spoke, before ``start`` in the ``i``-th line and
    the lines above it (a line's index and a place in it)."""
    first = max(0, i - LOOKBACK)
    spoken = {}  # line index -> where their last quote there ends (``quotes`` are in text order)
    for q in reversed(quotes):
        if q.line < story.lines[first].number:
            break
        if q.by == slug and q.line <= story.lines[i].number:
            spoken.setdefault(q.line, q.end)
    for j in range(i, first - 1, -1):
        number = story.lines[j].number
        ends = [o.end for o in story.named(j, start if j == i else None) if o.slug == slug]
        ends += [spoken[number]] if number in spoken else []
        if ends:
            return j, max(ends)
    return None


def _opens_its_sentence(text: str, at: int, rules: Rules) -> bool:
    """Whether the name at ``at`` is its sentence's subject: only capitalised words and titles
    before it in the sentence ("Former fisherman Ewan Tresidder has opened ...")."""
    begins = max((m.end() for m in SENTENCE_END.finditer(text, 0, at)), default=0)
    return all(word[:1].isupper() or word.lower().strip(",") in rules.title_words for word in text[begins:at].split())


def _sentence_before(text: str, start: int) -> str:
    """The sentence that ends right before ``start``."""
    stops = [match.end() for match in SENTENCE_END.finditer(text, 0, start)]
    return text[stops[-2] if len(stops) > 1 else 0:start]


# Stands in, for the patterns above, for the full stop of an abbreviation before a name: "said
# Sen. Harriet Moss" names her, where the stop would end the words naming the speaker at "Sen".
# (One character for one: the spans found are the text's own.)
ABBREVIATION_STOP = "\u2024"


@cache
def _abbreviation_stops(title_words: frozenset[str]) -> re.Pattern[str]:
    """The full stop of a title's abbreviation ("Sen.", "Gov.", "Dr.") or of an initial ("John
    F. Kennedy"), or of initials run together ("U.S. Attorney Dana Roe", "R.T. Sewell") when a
    capitalised word follows."""
    abbreviations = sorted({word[:-1] for word in title_words if word.endswith(".")} | {"mr", "mrs", "ms", "dr", "st"},
                           key=lambda word: (-len(word), word))
    alternatives = "|".join(re.escape(word) for word in abbreviations)
    return re.compile(rf"(?<![\w.])(?:(?i:{alternatives})|(?:[A-Z]\.){{0,3}}[A-Z])(?=\.{SPACE}+[A-Z])")


# A party, a state or a ward in brackets after a name: "Sen. Elizabeth Crane (D-Ore.) said",
# "Cllr Janet Hughes (Lib Dem, Ashby North) said:". Its stops and commas end nothing either.
BRACKETED_AFFILIATION = re.compile(r"(?<=[\w.’'])[ \u00a0]*\((?=[A-Z])[^()“”\"\n]{1,60}\)")
BRACKETED_PUNCTUATION = re.compile(r"[.,;:!?]")


# Words that open a sentence and are no name or title: after initials run together and their
# stop ("... a lawyer in the U.S. She said"), the stop ends the sentence.
SENTENCE_OPENERS = re.compile(rf"\.{SPACE}+(?:{'|'.join(sorted((ROLE_PRONOUNS - {'i'}) | set(ARTICLES) - {'a'}))})(?![\w’'-])",
                              re.IGNORECASE)


def _without_abbreviation_stops(text: str, rules: Rules) -> str:
    """The line with the stops of its abbreviations, and the punctuation of a bracketed
    affiliation after a name, masked (ABBREVIATION_STOP). Not the last stop of initials run
    together before a pronoun or an article ("in the U.S. She said", "the U.K. The plan"): it
    ends a sentence too."""
    ends = [match.end() for match in _abbreviation_stops(rules.title_words).finditer(text)
            if not (INITIALS_RUN.fullmatch(match.group(0) + ".") and SENTENCE_OPENERS.match(text, match.end()))]
    # (and the stops inside initials run together: "U.S.", "R.T.")
    ends += [match.start() + index for match in _abbreviation_stops(rules.title_words).finditer(text)
             for index, char in enumerate(match.group(0)) if char == "."]
    ends += [mark.start() for bracket in BRACKETED_AFFILIATION.finditer(text)
             for mark in BRACKETED_PUNCTUATION.finditer(text, bracket.start(), bracket.end())]
    if not ends:
        return text
    chars = list(text)
    for end in ends:
        chars[end] = ABBREVIATION_STOP
    return "".join(chars)


def attribution(text: str, start: int, end: int, rules: Rules) -> tuple[int, int] | None:
    """The span of the words naming who spoke the quote text[start:end], if the text says.
    (``text``: the line with its abbreviations' stops masked, see _without_abbreviation_stops.)"""
    verbs = rules.speech_verbs
    if text[:start].rstrip(" \u00a0").endswith(":") and (match := _before(verbs).search(text[:start])):
        # "Ana Ruiz told reporters: “…” Her neighbour, Eva Diaz, said the same." The colon
        # hands the quote to who spoke before it, not to the next sentence's speaker.
        return _nearest_speaker(text, _before_who(match), start, rules)
    # A partial quote that ends its sentence (“... the state's discretion.”) is the sentence's
    # before it: the words after it are the next sentence's ("Chief Justice John Roberts wrote
    # that the map “falls within the state's discretion.” Justice Sonia Sotomayor wrote ...").
    after = not (text[start + 1:start + 2].islower() and text[end - 2:end - 1] in ".!?")
    if (narrator := NARRATOR_DASH.match(text, end)) and (match := _after_verb_first(verbs).match(text, narrator.end())):
        return match.start("who"), match.end("who")  # —Es un desastre —dijo el alcalde—.
    if after and (match := _verb_alone(verbs).match(text, end)):
        return match.start("who"), match.end("who")
    if after and (match := INVERTED_PRONOUN.match(text, end)):
        return match.start("who"), match.end("who")  # « … », poursuit-il.
    if after and not rules.english and (match := SO_NAME.match(text, end) or VERB_THEN_NAME.match(text, end)):
        return match.start("who"), match.end("who")  # „…“, so X. « … », s'agace X.
    if after and (match := ACCORDING_TO_AFTER.match(text, end)):
        return _according_to(match, rules)
    for pattern in (_after_verb_first(verbs), _after_subject_first(verbs)) if after else ():
        match = pattern.match(text, end)
        if match and pattern is _after_verb_first(verbs) and (name_ends := _before_when_or_where(text, match, rules)):
            return match.start("who"), name_ends
        if match and len(match.group("who").split()) <= MAX_SPEAKER_WORDS:
            return match.start("who"), match.end("who")
        if match and pattern is _after_verb_first(verbs):
            # A long aside after the name: "said Linda Marsh-Potter, 58, a patient's daughter
            # who waited six hours in the emergency room on Tuesday." The name is before it,
            # or after a role, set off by commas: "said the mayor of Ashby, Ann Lee, who ...".
            parts = match.group("who").split(",")
            name = parts[0]
            if len(parts) > 2 and parts[1].strip()[:1].isupper():
                name = ",".join(parts[:2])
            if len(name.split()) <= MAX_SPEAKER_WORDS:
                return match.start("who"), match.start("who") + len(name)
    for pattern in (_before(verbs), _before_that(verbs), ACCORDING_TO, SPEAKING_ON):
        match = pattern.search(text[:start])
        if match and pattern in (ACCORDING_TO, SPEAKING_ON):
            return match.start("who"), match.end("who")
        if match:
            who = _before_who(match) if pattern is _before(verbs) else match.span("who")
            return _nearest_speaker(text, who, start, rules)
    if text[start + 1:start + 2].islower():
        if match := _before_reported(verbs, rules.naming_verbs).search(text[:start]):
            return _nearest_speaker(text, _before_who(match), start, rules)
    if text[:start].rstrip(" \u00a0").endswith(":"):
        return _subject_before_colon(text, start, rules)
    return None


# What joins reported speech to its verb ("said that ...", "a dit que ...", "sagte, dass ..."),
# and the auxiliaries between a speaker inside it and the verb ("Jane Roe had said").
COMPLEMENTISER = r"(?:that|que|qu['’]|dass|che)"
AUXILIARY = rf"(?:{SPACE}+(?:had|has|have|would(?:{SPACE}+have)?))?"


@cache
def _reported_speaker(verbs: frozenset[str]) -> re.Pattern[str]:
    """Someone speaking inside what another reports, right before the quote: "(Hale told
    reporters that) Jane Roe had said “…”", "(Hale said that) Jane Roe, a lawyer, told him:
    “…”". The words naming them hold no complementiser, so that the nearest such clause is found."""
    return re.compile(rf"{SPACE}+(?:{COMPLEMENTISER}{SPACE}+)?"
                      rf"(?P<who>(?!(?:had|has|have|would)\b)(?:(?!\b{COMPLEMENTISER}\b)[^.;!?“”\",]){{1,100}}?)"
                      rf"(?P<aside>,[^.;!?“”\"]{{1,120}}?,)?{AUXILIARY}{SPACE}+(?:{verbs_pattern(verbs)})\b"
                      rf"[^.;!?“”\",]{{0,60}}$")


@cache
def _verb_after_speaker(verbs: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"{AUXILIARY}{SPACE}+(?:{verbs_pattern(verbs)})\b")


def _nearest_speaker(text: str, who: tuple[int, int], start: int, rules: Rules) -> tuple[int, int]:
    """The words naming who speaks a quote that the verb after ``who`` brings in, or, when what
    that verb reports has a speaker of its own nearer the quote, that one's: in "Mayor Tom Hale,
    who told reporters that Jane Roe had said “we will sue”" the words are Roe's, not Hale's
    (and in "... that residents had told him “…”", no one's the story names). Not a thing's
    ("Hale said the plan adds “real value”" is Hale's)."""
    verb, inner = _verb_after_speaker(rules.speech_verbs), _reported_speaker(rules.speech_verbs)
    after = verb.match(text, who[1])
    while after is not None and (match := inner.search(text, after.end(), start)):
        words = match.group("who").split()
        if words[-1].lower() in PRONOUNS:  # ("said Tuesday he thinks ...": "he")
            who = (match.end("who") - len(words[-1]), match.end("who"))
        elif _names_a_person(words, rules):
            who = _before_who(match)
        else:
            break
        after = verb.match(text, who[1])
    return who


def _names_a_person(words: list[str], rules: Rules) -> bool:
    """The words name someone, as the subject of a verb of speech: a name ("Jane Roe", one the
    story has not shown to be a person's yet), or a noun for a person ("residents", "her lawyer")."""
    noun = words[-1].lower()
    return any(word[:1].isupper() and word.lower() not in rules.not_name_words for word in words) or (
        noun in NOUN_GENDER or noun.removesuffix("s") in NOUN_GENDER or rules.is_title_word(noun)
        or rules.singular_title(noun) is not None)


# A name set off by a comma ("..., Ann Lee"): see _before_when_or_where.
NAME_SET_OFF = re.compile(r",[ \u00a0]*[A-ZÀ-Þ]")


def _before_when_or_where(text: str, match: re.Match, rules: Rules) -> int | None:
    """Where the words naming who spoke after the verb end, when a word saying when or where
    they spoke comes after them (the rules' when_and_where_words): "said Jane Roe on Tuesday" is
    Jane Roe's, and "said a spokesman after meeting John Smith" no one's, not John Smith's, whom
    the words are about. None (the words as found) when a comma comes first ("said Roe, 54,
    after the hearing": read as before) or a name set off by one after ("said the head of
    security at Ashby Hospital, Ann Lee")."""
    start, end = match.span("who")
    cut = when_or_where(rules.when_and_where_words).search(text, start, end)
    if cut is None or "," in text[start:cut.start()] or NAME_SET_OFF.search(text, cut.end(), end):
        return None
    return cut.start()


def _subject_before_colon(text: str, start: int, rules: Rules) -> SubjectBeforeColon | None:
    """The subject of the sentence the colon before the quote ends, when its verb says the
    subject spoke (see _subject_before_colon_patterns). A person the story names after the verb
    makes the quote no one's (see find_quotes)."""
    for pattern in _subject_before_colon_patterns(rules.colon_verbs):
        if match := pattern.search(text[:start]):
            return SubjectBeforeColon(_before_who(match))
    return None


class SubjectBeforeColon(tuple):
    """(start, end) of the words naming who speaks, found by _subject_before_colon: the quote is
    no one's if a person the story names stands between them and the colon."""


# A colon hands a quote to the sentence before it when that sentence's verb says its subject
# spoke, though it is no verb of speech (the rules' colon_verbs): to whoever the sentence opens
# with ("Mayor Dana Whitfield defended the plan: “…”"; "La alcaldesa, María José Fernández,
# defendió la medida: «…»", a name set off after a role), after a few words and a comma that set
# the scene if there are some ("Mardi soir, la maire Claire Dubois a défendu le projet : « … »").
# Only such verbs: any verb would give the subject words aimed at it or read out by it ("was
# heckled by residents:", "received a letter from Cllr Berg:", "read aloud the defendant's
# message:", "Gegen Friedrich Merz protestierten Tausende:"), which no list of prepositions keeps
# apart from "spoke from the steps of City Hall:". A name there owning something is not who
# speaks ("Whitfield's lawyer defended her:"; see _speaker), nor is anything but a person the
# story names ("The council was split:").
_SENTENCE_START = r"(?:^|(?<=[.!?…”\"])[ \u00a0]+)"
_SCENE_SET = rf"(?:[^.;:!?“”\",]{{1,60}},{SPACE}+)?"


@cache
def _subject_before_colon_patterns(colon_verbs: frozenset[str]) -> tuple[re.Pattern[str], ...]:
    """The subject and an aside after it, then one of the verbs and the colon; and the subject
    alone, maybe after words that set the scene. (No patterns without verbs: an empty
    alternative would match any sentence.)"""
    if not colon_verbs:
        return ()
    verb_to_colon = rf"{SPACE}+(?:{verbs_pattern(colon_verbs)})\b[^.;!?“”\"]{{0,80}}?:{SPACE}*$"
    return (re.compile(rf"{_SENTENCE_START}(?P<who>[^.;!?“”\",]{{1,100}}?)(?P<aside>,[^.;!?“”\"]{{1,120}}?,){verb_to_colon}"),
            re.compile(rf"{_SENTENCE_START}{_SCENE_SET}(?P<who>[^.;!?“”\",]{{1,100}}?)(?P<aside>){verb_to_colon}"))


def _according_to(match: re.Match, rules: Rules) -> tuple[int, int]:
    """The words after "according to" that name the speaker: a name, after a role if one stands
    before it ("town manager Paul Whitcombe", "la alcaldesa Ana Ruiz"), or a name set off after
    the words ("the mayor, Ann Lee"); an empty span when a name there is what the words are
    about, not who spoke ("a lawsuit against Ann Lee", "a report by the Ashby Trust")."""
    start, end = match.span("who")
    words = match.group("who").split(",")[0].split()
    before_name = list(takewhile(lambda word: not word[:1].isupper(), words))
    if before_name and len(before_name) < len(words) and not rules.is_title_word(before_name[-1].lower()):
        return start, start
    return start, end


def _before_who(match: re.Match) -> tuple[int, int]:
    """The words naming who speaks before the verb, with the aside between them if there is one:
    in "The mayor, Ann Lee, said:" the aside names her. (Not after "she": "She, a farmer, said"
    is whoever "she" is.)"""
    start, end = match.span("who")
    if match.group("aside") and match.group("who").strip().lower() not in PRONOUNS | CONJUNCTIONS:
        end = match.end("aside")
    return start, end


# "According to Ann Cole, the firm's lawyer, “the ruling ignores the evidence.”" (and as the
# other languages the importer knows say it: "según", "selon", "secondo", "segundo", "laut")
ACCORDING = rf"(?i:according{SPACE}+to|seg[úu]n|selon|secondo|segundo|laut)"
ACCORDING_TO = re.compile(rf"{ACCORDING}{SPACE}+(?P<who>[^.;!?“”\",]{{1,100}}?)"
                          rf"(?:,[^.;!?“”\"]{{1,120}}?)?,{SPACE}*$")
# ... and after the quote: "“…,” according to Ana Ruiz, a teacher who lives near the depot.",
# "according to the mayor, Ann Lee." (the words up to a comma, and a name set off after them;
# not the rest of the sentence: "according to critics, but Mayor Ann Lee said ..." is no one's)
ACCORDING_TO_AFTER = re.compile(rf"[ \u00a0,]*{ACCORDING}{SPACE}+(?P<who>[^.;!?“”\",]{{1,100}}?"
                                rf"(?:,{SPACE}*[A-Z][^.;!?“”\",]{{0,60}}?(?={SPACE}*(?:[.;!?“”\"]|$)))?){SPACE}*(?:[,.;!?“”\"]|$)")
SPEAKING_ON = re.compile(rf",{SPACE}+(?P<who>{'|'.join(PARTICIPLES)})(?:{SPACE}+that)?{SPACE}*[,:]?{SPACE}*$")


def _named_before(masked: str, start: int, here: list[Occurrence], sentence_before: bool = True) -> set[str]:
    """The people named before ``start`` in the paragraph's sentence before the one the quote
    there opens, or with ``sentence_before=False``, in the quote's own sentence (``masked``: the
    line as attribution takes it, so that "Sen. Harriet Moss" ends no sentence)."""
    stops = [match.end() for match in SENTENCE_END.finditer(masked)]
    begins = max((stop for stop in stops if stop < start or stop == start and not sentence_before), default=0)
    return {o.slug for o in here if begins <= o.start and o.end <= start}


POSSESSIVE = re.compile(r"['’](?:s\b|(?!\w))")


def _holder_of(words: str, cast: Cast, rules: Rules) -> str | None:
    """The one person of the story whose role the words name after a definite article ("said
    the mayor", "sagte der Bürgermeister", "a déclaré le maire"): the speaker the story named
    with that title before."""
    match = TITLE_REFERENCE.fullmatch(words.strip(" \u00a0—–"))  # (—dijo el alcalde—.)
    if match is None:
        return None
    title = next(group for group in match.groups() if group).lower()
    holders = {person.slug for person in cast.people if person.role and _holds(person.role, title, rules)}
    return holders.pop() if len(holders) == 1 else None


def _holds(role: str, title: str, rules: Rules) -> bool:
    """Whether the role is the title: in the other languages, which put the noun first, the title
    alone or with what it is of ("maire", "maire de Niort"; not "maire adjoint"); in English the word
    its phrase is about ("Ashby Mayor",
    "town's mayor", "mayor of Ashby"), with no word before it that makes it another's ("Deputy
    Mayor", "former mayor", "spokesman for the mayor", "police officer" for "the police")."""
    words = [word.lower() for word in role.split()]
    if not rules.english:  # (the noun first, and nothing but what it is of after it: not "maire adjoint")
        return words[0] == title and (len(words) == 1 or words[1] in PREPOSITIONS or ELIDED_OF.match(words[1]) is not None)
    ahead = next((i for i, word in enumerate(words) if word in PREPOSITIONS), len(words))
    head = ahead - 1
    return head >= 0 and words[head] == title and not any(word in rules.role_modifiers for word in words[:head])


ELIDED_OF = re.compile(r"(?:d|dell|dall)['’]")


# A title after a definite article, standing for the person who holds it: after "the" ("said the
# mayor", "said the Mayor"); in lower case after the other languages' articles (not a paper's
# name, "écrit Le Parisien"), but for a German noun ("sagte der Bürgermeister").
TITLE_REFERENCE = re.compile(r"(?i:the)[ \u00a0]+(?P<english>[^\W\d_][\w’'-]+)"
                             r"|(?:(?i:le|la|el|il|lo|o)[ \u00a0]+|(?i:l)['’])(?P<title>[^\W\d_A-ZÀ-Þ][\w’'-]+)"
                             r"|(?i:der|die|das)[ \u00a0]+(?P<noun>[A-ZÄÖÜ][\w’'-]+)")


def _speaker(text: str, who: tuple[int, int], here: list[Occurrence],
             history: list[set[str]], named_above: set[str]) -> str | None:
    # (a name that starts among the words may end after them: "said Marcus Delacroix Jr."; one
    # owning something is not who speaks: "Mr Hale's widow, Margaret, said")
    named = [o for o in here if who[0] <= o.start < who[1] and not POSSESSIVE.match(text, o.end)]
    if named:
        return named[0].slug
    if text[who[0]:who[1]].strip().lower() not in PRONOUNS:
        return None      # "said one woman": a speaker the text does not name
    if len(named_above) == 1:
        return next(iter(named_above))
    for speakers in reversed(history[-LOOKBACK - 1:]):
        if speakers:
            return next(iter(speakers)) if len(speakers) == 1 else None
    return None
