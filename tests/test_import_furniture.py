"""The importer on page furniture around a story: consent banners and their buttons, share rows,
bylines of two writers, comments answering a name with an initial, comments dated relatively
(synthetic captures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.importer.analyse import analyse_text
from sitegen.importer.registry import load_registries

FIXTURES = Path(__file__).parent / "import_fixtures"
REGISTRIES = load_registries(FIXTURES / "site")[0]


def analyse(text: str):
    return analyse_text(text.encode("utf-8"), None, REGISTRIES)


# (the notice, the buttons' row as a text tool writes it, the headline, a byline and a date, the lede)
BANNERS = {
    "fr": ("Ce site utilise des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous"
           " acceptez leur utilisation.", "Accepter   Refuser   En savoir plus",
           "Le marché couvert de Vasselin rouvrira ses portes en mai", "Par Odile Ferrand-Lucas", "Publié le 03/02/2025",
           "VASSELIN — La mairie a annoncé lundi la réouverture du marché couvert après deux ans de travaux."),
    "fr2": ("Nous utilisons des cookies pour mesurer l'audience et personnaliser les contenus.",
            "Tout accepter   Tout refuser   Personnaliser", "Le marché couvert de Vasselin rouvrira ses portes en mai",
            "Par Odile Ferrand-Lucas", "Publié le 03/02/2025",
            "VASSELIN — La mairie a annoncé lundi la réouverture du marché couvert après deux ans de travaux."),
    "de": ("Wir verwenden Cookies, um Inhalte zu personalisieren und Zugriffe zu analysieren.",
           "Alle akzeptieren   Nur notwendige   Mehr erfahren", "Neue Stadthalle in Ebersmoor soll im Herbst öffnen",
           "Von Jana Wiltberg", "03.02.2025, 09:12 Uhr",
           "Ebersmoor. Die neue Stadthalle soll im Herbst eröffnet werden, teilte die Stadt am Montag mit."),
    "es": ("Utilizamos cookies propias y de terceros para mejorar su experiencia de navegación.",
           "Aceptar todas   Rechazar todas   Más información", "El ayuntamiento de Valdecorzo aprueba el nuevo mercado",
           "Por Lucía Garmendia", "3 de febrero de 2025",
           "VALDECORZO — El pleno aprobó el lunes el proyecto del nuevo mercado municipal, que abrirá en mayo."),
    "it": ("Questo sito utilizza cookie tecnici e di profilazione per migliorare la navigazione.",
           "Accetta tutti   Rifiuta   Scopri di più", "Il comune di Valbrenta approva il nuovo mercato coperto",
           "di Federica Ognibene", "3 febbraio 2025",
           "VALBRENTA — Il consiglio comunale ha approvato lunedì il progetto del nuovo mercato coperto."),
    "pt": ("Este site utiliza cookies para melhorar a sua experiência de navegação.",
           "Aceitar todos   Recusar   Saiba mais", "Câmara de Vale Formoso aprova novo mercado municipal",
           "Por Leonor Abreu-Vasconcelos", "3 de fevereiro de 2025",
           "VALE FORMOSO — A Câmara Municipal aprovou na segunda-feira o projeto do novo mercado municipal."),
    "en": ("We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.",
           "Accept all   Reject all   More options", "Harbor market will reopen in May after two years of repairs",
           "By Dana Whitfield", "February 3, 2025",
           "PORT DALTON — The city said Monday that the harbor market would reopen in May after two years of repairs."),
    # (buttons the rules do not know, set apart as a row under the notice)
    "row": ("We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.",
            "Sounds good   Tell me more", "Harbor market will reopen in May after two years of repairs",
            "By Dana Whitfield", "February 3, 2025",
            "PORT DALTON — The city said Monday that the harbor market would reopen in May after two years of repairs."),
}


@pytest.mark.parametrize("language", BANNERS)
def test_a_consent_banners_buttons_are_chrome_never_the_headline(language):
    notice, buttons, headline, byline, date, lede = BANNERS[language]
    found = analyse(f"Accueil | Actualités | Région | Sports | Culture\n{notice}\n{buttons}\n\n{headline}\n\n"
                    f"{byline}\n{date}\n\n{lede}\n\nThe end of the story, which goes on a little.\n")
    assert found.title == headline and not found.title_derived
    assert found.body.startswith(lede[:10])
    assert buttons not in found.body and headline not in found.body and "cookie" not in found.body.lower()


@pytest.mark.parametrize("line", ["Accepter le compromis, refuser la fermeture : le maire hésite.",
                                  "Refuser de payer", "Details", "Configuración", "Accept the ruling, lawyers say"])
def test_story_lines_with_a_buttons_words_stay(line):
    found = analyse(BANNERS["en"][2] + "\n\nBy Dana Whitfield\nFebruary 3, 2025\n\n" + BANNERS["en"][5] + "\n\n"
                    + line + "\n\nThe council will meet again in May.\n")
    assert line in found.body


def test_a_headline_right_under_a_consent_notice_is_the_headline():
    notice, _, headline, byline, date, lede = BANNERS["en"]
    found = analyse(f"{notice}\n{headline}\n\n{byline}\n{date}\n\n{lede}\n")
    assert found.title == headline


@pytest.mark.parametrize("headline", ["Budget delayed   Politics", "Budget reporté   Politique", "Tax refused   Politics",
                                      "Offer accepted   Business", "Talks continued   World", "Antrag abgelehnt   Politik"])
def test_a_short_headline_with_its_section_beside_it_under_a_consent_notice_is_no_row_of_buttons(headline):
    """Set apart as buttons are, but neither part says yes or no: it was dropped as the banner's
    (and so were "Tax refused" and "Offer accepted", whose words held a button's, "refus" and
    "accept", until only whole words counted)."""
    notice, _, _, byline, date, lede = BANNERS["en"]
    found = analyse(f"{notice}\n{headline}\n\n{byline}\n{date}\n\n{lede}\n")
    assert (found.title, found.title_derived) == (headline, False)


STORY = ("Harbor market will reopen in May after two years of repairs\n\nBy Dana Whitfield\nFebruary 3, 2025\n\n{row}\n\n"
         "PORT DALTON — The city said Monday that the harbor market would reopen in May after two years of repairs.\n\n"
         "The council will meet again in May.\n")


@pytest.mark.parametrize("row", ["Share  Tweet  Email  Print", "Share Tweet WhatsApp", "Share\tFacebook\tX\tEmail",
                                 "Partager : Facebook X WhatsApp E-mail", "Partager\u202f: Facebook X WhatsApp E-mail",
                                 "Partager  Facebook  X  WhatsApp", "Compartir:  Facebook  X  WhatsApp",
                                 "Teilen :  Facebook  WhatsApp  X  E-Mail"])
def test_share_rows_are_chrome_with_wide_gaps_and_a_space_before_the_colon(row):
    found = analyse(STORY.format(row=row))
    assert row.split()[0] not in found.body and found.body.startswith("PORT DALTON")
    assert "The council will meet again in May." in found.body


@pytest.mark.parametrize("byline", ["Priya Natarajan and Owen Castillo\nSentinel Staff Writers",
                                    "Priya Natarajan and Owen Castillo / Sentinel Staff Writers",
                                    "Priya Natarajan and Owen Castillo, Sentinel Staff Writers",
                                    "Priya Natarajan and Owen Castillo | Sentinel Staff Writers",
                                    "By Priya Natarajan and Owen Castillo / Sentinel Staff Writers",
                                    "Priya Natarajan, Owen Castillo and Li Wei\nSentinel Staff Writers",
                                    "Priya Natarajan / Sentinel Staff Writer"])
def test_a_byline_of_joined_names_over_or_before_the_writers_job_leaves_the_body(byline):
    found = analyse(f"Council rejects stadium subsidy after four-hour debate\n\n{byline}\nJune 11, 2025\n\n"
                    "MILLBROOK — The Millbrook City Council voted 6-3 late Wednesday to reject a $42 million subsidy"
                    " for a new stadium.\n\nThe team said it would consider moving to Carverton.\n")
    names = [name for name in ("Priya Natarajan", "Owen Castillo", "Li Wei") if name in byline]
    assert [r.name for r in found.reporters] == names
    assert found.body.startswith("MILLBROOK") and "Staff Writer" not in found.body
    assert not any(p.name in names for p in found.people)


def test_a_sentence_naming_writers_with_their_job_stays_in_the_story():
    line = "Priya Natarajan and Owen Castillo, Sentinel staff writers, won the award in May."
    found = analyse("Council rejects stadium subsidy after four-hour debate\n\nBy Dana Whitfield\nJune 11, 2025\n\n"
                    "MILLBROOK — The council voted 6-3 late Wednesday to reject a $42 million subsidy.\n\n"
                    + line + "\n\nThe team said it would consider moving.\n")
    assert [r.name for r in found.reporters] == ["Dana Whitfield"]
    assert "won the award in May." in found.body


def _threads(comments, to=None):
    """(author, the author of the comment it answers, its text) of every comment, in order."""
    return [row for c in comments for row in [(c.author, to, c.text)] + _threads(c.replies, c.author)]


STADIUM = ("Council rejects stadium subsidy after four-hour debate\n\nBy Dana Whitfield\nJune 11, 2025\n\n"
           "MILLBROOK — The council voted 6-3 late Wednesday to reject a $42 million subsidy for a new stadium.\n\n"
           "The team said it would consider moving to Carverton.\n\n")


@pytest.mark.parametrize("first", ["Sheila M.", "J. R. Okafor", "Ed K."])
def test_a_comment_opening_with_at_and_a_name_ending_in_an_initial_answers_that_commenter(first):
    found = analyse(STADIUM + f"37 Comments\n\nRon Bishop\n3 hours ago\nGood. Let the billionaires pay.\n\n"
                              f"{first}\n2 hours ago\nJobs are jobs.\n\n"
                              f"Ron Bishop\n1 hour ago\n@{first} Seasonal jobs selling hot dogs.\n\n"
                              f"Tom Reyes\n30 minutes ago\n@{first}\n\nLoad more comments\n")
    assert _threads(found.comments) == [("Ron Bishop", None, "Good. Let the billionaires pay."),
                                        (first, None, "Jobs are jobs."),
                                        ("Ron Bishop", first, f"@{first} Seasonal jobs selling hot dogs."),
                                        ("Tom Reyes", None, f"@{first}")]


def test_a_reply_to_a_reply_by_at_name_goes_under_that_reply():
    found = analyse(STADIUM + "37 Comments\n\nRon Bishop\n3 hours ago\nGood. Let the billionaires pay.\n\n"
                              "Sheila M.\n2 hours ago\n400 jobs is a lot of jobs, Ron.\n\n"
                              "Ron Bishop\n1 hour ago\n@Sheila M. Seasonal jobs selling hot dogs, Sheila.\n")
    assert [(author, to) for author, to, _ in _threads(found.comments)] == [
        ("Ron Bishop", None), ("Sheila M.", "Ron Bishop"), ("Ron Bishop", "Sheila M.")]
    assert found.comments[0].replies[0].replies[0].text.startswith("@Sheila M. Seasonal")


@pytest.mark.parametrize("header, author, date", [
    ("Rainer_K vor 3 Stunden", "Rainer_K", "vor 3 Stunden"),
    ("Gisela M. vor 1 Stunde", "Gisela M.", "vor 1 Stunde"),
    ("Margot_31 il y a 2 heures", "Margot_31", "il y a 2 heures"),
    ("Lucía R. hace 5 horas", "Lucía R.", "hace 5 horas"),
    ("Giulia 2 ore fa", "Giulia", "2 ore fa"),
    ("Jean de la Fontaine il y a 2 heures", "Jean de la Fontaine", "il y a 2 heures"),
])
def test_a_comments_name_and_how_long_ago_in_another_language_on_one_line(header, author, date):
    found = analyse("Neue Stadthalle in Ebersmoor\n\nVon Jana Wiltberg\n\nEbersmoor. Die neue Stadthalle soll im Herbst"
                    " eröffnet werden, teilte die Stadt am Montag mit.\n\nKommentare (2)\n\n"
                    f"{header}\nViel zu teuer für eine Stadt dieser Größe.\n\n"
                    "Moni62 vor 5 Stunden\nEndlich passiert etwas.\n")
    assert [(c.author, c.date, c.text) for c in found.comments] == [
        (author, date, "Viel zu teuer für eine Stadt dieser Größe."), ("Moni62", "vor 5 Stunden", "Endlich passiert etwas.")]


OWN_LINES_ENDING_IN_HOW_LONG_AGO = ["Genau das war vor 2 Jahren", "On en parlait déjà il y a 3 ans", "Schon vor 2 Jahren",
                                    "Déjà il y a 3 ans", "Already 2 years ago", "Ya hace 2 años"]


@pytest.mark.parametrize("line", OWN_LINES_ENDING_IN_HOW_LONG_AGO)
@pytest.mark.parametrize("above", ["Viel zu teuer.\n", ""])
def test_a_comments_own_line_ending_in_how_long_ago_is_no_new_comment(line, above):
    """A word and how long ago ("Schon vor 2 Jahren") as the last line of a comment, under its
    text or its header with no blank line between, had started a comment by "Schon", leaving
    the comment's text behind; the times stay as written: the capture does not say when it
    was made."""
    found = analyse("Neue Stadthalle in Ebersmoor\n\nVon Jana Wiltberg\n\nEbersmoor. Die neue Stadthalle soll im Herbst"
                    " eröffnet werden, teilte die Stadt am Montag mit.\n\nKommentare (2)\n\n"
                    f"Rainer_K vor 3 Stunden\n{above}{line}\n\n"
                    "Moni62 vor 5 Stunden\nEndlich passiert etwas.\n")
    assert [(c.author, c.date, c.text) for c in found.comments] == [
        ("Rainer_K", "vor 3 Stunden", f"{above}{line}"), ("Moni62", "vor 5 Stunden", "Endlich passiert etwas.")]


@pytest.mark.parametrize("header, author, date", [
    ("Bob Stone 13 Mar 2024", "Bob Stone", "13 Mar 2024"), ("Bob Stone · 3 hours ago", "Bob Stone", "3 hours ago"),
    ("Jean Roux le 9 avril 2025 à 10h00", "Jean Roux", "9 avril 2025 à 10h00"), ("bob_s 5h", "bob_s", "5h")])
def test_a_comments_header_under_the_text_above_with_its_own_text_after_a_blank_starts_a_comment(header, author, date):
    """A comment's header right under the text of the comment above, its own text after a blank
    line, was read as that comment's last line ("Schon vor 2 Jahren" is one), and the comment it
    starts was lost in the one above: a line is the comment's own only with no text under it
    that is not the next comment's."""
    found = analyse("Library to open on Sundays\n\nBy Grace Lin\n\nASHBY — The Ashby library will open on Sundays"
                    " from March, the trustees said on Monday.\n\nComments (2)\n\n"
                    f"Ann Lee 12 Mar 2024\nGreat piece.\n{header}\n\nI disagree.\n")
    assert [(c.author, c.date, c.text) for c in found.comments] == [
        ("Ann Lee", "12 Mar 2024", "Great piece."), (author, date, "I disagree.")]


@pytest.mark.parametrize("row", ["Partager sur Facebook Partager sur X", "Artikel teilen", "Diesen Artikel teilen",
                                 "Auf Facebook teilen  Per E-Mail teilen", "Compartir en Facebook Compartir en X",
                                 "Partager l'article", "Condividi"])
def test_share_buttons_with_their_verb_in_other_languages_are_chrome(row):
    found = analyse(STORY.format(row=row))
    assert row not in found.body and found.body.startswith("PORT DALTON")
    assert "The council will meet again in May." in found.body


@pytest.mark.parametrize("line", ["Partager sur les réseaux sociaux est devenu un réflexe.",
                                  "Compartir en familia es importante, dijo."])
def test_a_sentence_opening_with_the_verb_to_share_stays(line):
    found = analyse(STORY.format(row="Share Tweet WhatsApp").replace("The council will meet again in May.", line))
    assert line in found.body


@pytest.mark.parametrize("badge", ["LIVE", "● Live", "● LIVE", "Live updates", "En direct", "Liveticker"])
def test_a_live_blogs_badge_under_its_headline_is_chrome_and_the_headline_the_title(badge):
    found = analyse(f"Live updates: Storm Harriet hits the coast\n{badge}\n\nBy Dana Whitfield\n\n10:32\nWinds of 80 mph"
                    " were recorded at the pier. \"It's the worst I've seen,\" said harbor master Tom Ruiz.\n\n"
                    "10:15\nThe coastguard closed the beach.\n")
    assert (found.title, found.title_derived) == ("Live updates: Storm Harriet hits the coast", False)
    assert found.body.startswith("10:32") and badge not in found.body


LIVE_BLOG = ("\n\nBy Dana Whitfield\n\n10:32\nWinds of 80 mph were recorded at the pier. \"It's the worst I've seen,\" said"
             " harbor master Tom Ruiz.\n\n10:15\nThe coastguard closed the beach.\n")


@pytest.mark.parametrize("header", [
    "LIVE: Storm Harriet hits the coast", "LIVE UPDATES: Storm Harriet hits the coast", "● Live | Storm Harriet hits the coast",
    "LIVE – Storm Harriet hits the coast", "EN DIRECT : Storm Harriet hits the coast",
    "Storm Harriet hits the coast\nLive", "Storm Harriet hits the coast\n\nLive",
])
def test_a_live_blogs_badge_glued_to_its_headline_or_in_ordinary_case_under_it_is_taken_off(header):
    """"LIVE: Storm Harriet ..." was no headline (a label in capitals, as a score's "FINAL:"), and
    "Live" under the headline broke the headline from the story: the title was made from the
    story's first sentence and the headline and badge stayed in the body."""
    found = analyse(header + LIVE_BLOG)
    assert (found.title, found.title_derived) == ("Storm Harriet hits the coast", False)
    assert found.body.startswith("10:32") and "Storm Harriet" not in found.body


@pytest.mark.parametrize("headline", ["Live updates: Storm Harriet hits the coast", "Live: the best gigs of the summer"])
def test_a_headline_opening_with_live_in_ordinary_case_keeps_it(headline):
    found = analyse(headline + LIVE_BLOG)
    assert (found.title, found.title_derived) == (headline, False)


def test_a_crosshead_live_in_the_story_stays():
    found = analyse("The band's new album is two records in one\n\nBy Dana Whitfield\n\nPORT DALTON — The band's"
                    " new album comes as two records, one made in a studio and one on stage.\n\nStudio\n\nThe first"
                    " record is quiet.\n\nLive\n\nThe second is loud.\n")
    assert "\nLive\n" in found.body and "\nStudio\n" in found.body


def test_a_crosshead_live_under_a_short_first_paragraph_stays():
    """A story opening with a paragraph too short to be read as its lede (no dateline, a dozen
    words or fewer) lost its crosshead "Live" below it, taken for a live blog's badge above the
    lede: the badge is only above the story's first paragraph, whatever its length."""
    found = analyse("Review: The Lanterns at the Roundhouse\n\nBy Dana Whitfield\n\nThe Lanterns played two sets"
                    " on Saturday night.\n\nStudio\n\nThe first set drew on their new album.\n\nLive\n\nThe second"
                    " set was older songs. \"We love playing these,\" said singer Rob Fenn.\n")
    assert found.title == "Review: The Lanterns at the Roundhouse"
    paragraphs = found.body.split("\n\n")
    assert paragraphs.index("Live") == paragraphs.index("Studio") + 2


def test_a_blogs_posted_by_line_over_the_post_is_its_byline():
    found = analyse("Library to stay open Sundays after all\n\nPosted by Margaret Lowe"
                    "\n\nThe Hollow Creek library will stay open on Sundays, the board decided on Tuesday. \"We listened,\""
                    " said board chair Ellen Park.\n")
    assert (found.title, found.title_derived) == ("Library to stay open Sundays after all", False)
    assert [r.name for r in found.reporters] == ["Margaret Lowe"]
    assert found.body.startswith("The Hollow Creek library") and "Margaret Lowe" not in {p.name for p in found.people}


@pytest.mark.parametrize("kicker, headline", [("Hollow Creek", "Hollow Creek library to close after 80 years"),
                                              ("Opinion", "News from the front lines of the housing crisis")])
def test_a_headline_under_a_short_kicker_is_never_lost(kicker, headline):
    """A blog's motto under its name was skipped as no headline; a real headline under its
    kicker was then skipped too, and, above the title, dropped from the story altogether."""
    found = analyse(f"{kicker}\n{headline}\n\nCosts are to blame, the board says\n\nThe Hollow Creek library has "
                    "served the valley since 1945. \"It is a sad day,\" said board chair Ellen Park.\n")
    assert found.title == headline


def test_a_headline_under_a_section_name_with_a_standfirst_below_stays_the_headline():
    found = analyse("Local News\nCouncil approves the harbour budget\n\nThe vote was five to two after a long debate\n\n"
                    "By Dana Whitfield\n\nPORT DALTON — The council approved the budget on Monday.\n")
    assert found.title == "Council approves the harbour budget"


def test_a_live_blogs_entries_keep_the_line_saying_who_posted_each():
    """"Posted by ..." under every entry says who wrote which: those writers are the story's,
    and the lines stay (as one writer's box at the end of a story is taken out)."""
    entries = [("14:52", "Ferries cancelled", "Northwind Ferries has cancelled all sailings for the day.", "Fergus Drummond"),
               ("14:30", "Power cut", "About 3,000 homes are without power after a line came down.", "Shona McAlpine"),
               ("13:58", "Roof blown off", "Part of the roof of the primary school is in the playground.", "Fergus Drummond")]
    for shown in (entries, entries[:2]):
        text = "Storm Imelda live: ferries cancelled on the coast\n\n" + "".join(
            f"{time}\n{head}\n{body}\nPosted by {name}\n\n" for time, head, body, name in shown)
        found = analyse(text)
        assert sum("Posted by" in line for line in found.body.splitlines()) == len(shown)
    assert {reporter.name for reporter in found.reporters} == {"Fergus Drummond", "Shona McAlpine"}


def test_an_indian_papers_read_also_list_and_app_line_and_a_phones_scroll_prompt_are_chrome():
    """"READ ALSO" over its links (capitals, no colon), "Get latest news updates on ... App" and
    "Scroll to continue with content" between paragraphs are the page's, not the story's. (They
    stayed in the body.)"""
    found = analyse("Civic body sets aside ₹3,200 crore for coastal road repairs\n\n"
                    "Meera Deshpande | TNN | Updated: Mar 3, 2025, 10:27 IST\n\n"
                    "MUMBAI: The civic body has set aside ₹3,200 crore in its budget for repairs to the coastal road,"
                    " officials said.\n\nScroll to continue with content\n\n"
                    "The budget will be tabled before the standing committee on Wednesday.\n\n"
                    "READ ALSO\nCivic body to hire 500 more teachers\nMonsoon prep: nullah cleaning begins\n\n"
                    "Get latest news updates on The Western Chronicle App\n")
    body = [found.segments.lines[n - 1] for n in found.segments.numbers("body")]
    assert body == ["MUMBAI: The civic body has set aside ₹3,200 crore in its budget for repairs to the coastal"
                    " road, officials said.",
                    "The budget will be tabled before the standing committee on Wednesday."]
