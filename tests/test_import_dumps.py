"""Captures written by page-to-text tools (sitegen/importer/dumps.py): what the tool added is
taken off before the text is read, and the report still names the capture's own lines.

The captures here are written by hand in the shapes the tools give (lynx's margin, link
numbers and list of addresses; pandoc's wrapped Markdown; a printed PDF's text)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.importer import import_command
from sitegen.importer.analyse import analyse_text
from sitegen.importer.dumps import undo_tool_marks
from sitegen.importer.markdown import plain_text
from sitegen.importer.registry import load_registries
from sitegen.importer.rules import generic_rules, line_matches
from sitegen.importer.segment import CHROME, is_menu_row

FIXTURES = Path(__file__).parent / "import_fixtures"
REGISTRIES = load_registries(FIXTURES / "site")[0]

LYNX = """\
   [1]Skip to content

   [2]Subscribe from £1 a week | [3]Sign in

     * [4]News
     * [5]Sport
     * [6]Opinion

   Advertisement

            Skellan ferry to lose three winter sailings as operator blames crew

   By [7]Fiona Gatherwood | Tuesday 12 March 2024

   Islanders on Skellan will lose three of their weekly winter ferry
   sailings from October, after the operator said it could no longer
   find enough qualified crew.

   "We have advertised for deckhands four times," said Callum
   Rennie, managing director of Skellan Link Ferries. "I will not sail
   the ferry short-handed, and I would rather tell people now."

   The timetable change must still be approved by Westmarsh Council,
   which subsidises the route, at its meeting on 21 March.

   [8]Share on Facebook

References

   1. file:///tmp/page.html#content
   2. https://herald.example/subscribe
   3. https://herald.example/login
   4. https://herald.example/news
   5. https://herald.example/sport
   6. https://herald.example/opinion
   7. https://herald.example/author/fiona-gatherwood
   8. https://facebook.example/share
"""

PANDOC_MARKDOWN = """\
::: {.site-header}
[The Tallowvale Today](/) [News](/news) [Sport](/sport)
:::

<a href="#main" class="skip-nav">Skip to main content</a>

# Level 3 water restrictions for Tallowvale as Lake Corrigan falls {#headline .css-1r5gb7q}

[By Jess Kuranda]{.byline} \\| Posted Fri 19 Jan 2024

Tallowvale residents will face Level 3 water restrictions from Monday
after the shire\\'s main water supply, Lake Corrigan, dropped to 31 per
cent of capacity following the driest spring in two decades.

\\"Nobody wants to be the council that tells people they can\\'t water
the roses,\\" said [Bronwyn Achterberg](/people/bronwyn-achterberg), the
shire\\'s mayor. \\"But the numbers **don\\'t lie**.\\"

Fines of up to \\$550 apply from Monday, the shire said in a statement
released on Thursday afternoon to the [local
paper](https://paper.example/story).
"""

PDF = """\
12/4/26, 1:32 AM                   Allotment society wins a lease – Ashgrove Lanes News

Allotment society wins a 25-year lease
Posted on 2 May 2024 by Gwen Arkwright
After three years of uncertainty, the 74 plot holders at the Mill Brook
Road allotments can finally plan beyond next summer, the society said.
Harold Petrakis, secretary of the allotment society, said the news had
come as an enormous relief to everyone who works a plot on the site.
file:///home/archivist/saves/allotments.html                       1/2
\f12/4/26, 1:32 AM                   Allotment society wins a lease – Ashgrove Lanes News
The society’s open day takes place on Saturday 8 June from 11am to
3pm, with plant sales, tours and a cake stall for the whole family, and
everyone who has ever wanted a plot of their own is welcome to come.
"""


W3M_THREAD = """\
Bramwell council sends transit levy to November ballot

BRAMWELL — Voters will decide in November whether to pay for the biggest expansion of public
transit in the city's history, after the City Council voted 9-4 on Wednesday night to put the
levy on the ballot. "This is the vote that decides what kind of city we are," said Denise
Okafor, the council president, before the roll call on the measure late on Wednesday night.

37 Comments Login Recommend Share Sort by Best

  • TransitNerd_BRM 17 hours ago

    Finally. I have been waiting at the Carver Heights stop since 2019.

    42 Reply Share ›
      □ Eastside Homeowner → TransitNerd_BRM 16 hours ago

        And I have been paying more tax every year since 2019.

        18 Reply Share ›
  • rkowalczyk 14 hours ago

    $212 a year is less than I spend on parking downtown in a month.

  * Dana Whitlow | November 18, 2024 at 11:02 am
    70 jobs instead of 220 is exactly the point.
"""


def analysed(text: str):
    return analyse_text(text.encode("utf-8"), None, REGISTRIES)


def test_a_lynx_dump_reads_as_the_page_did():
    found = analysed(LYNX)
    assert found.title == "Skellan ferry to lose three winter sailings as operator blames crew"
    assert [r.name for r in found.reporters] == ["Fiona Gatherwood"]
    # a name and a role that the tool's wrapping had split over two lines
    assert {p.name: p.role for p in found.people} == {"Callum Rennie": "managing director of Skellan Link Ferries"}
    body = found.body.replace("\\", "")
    assert ("Islanders on Skellan will lose three of their weekly winter ferry sailings from October, after the"
            " operator said it could no longer find enough qualified crew.") in body
    assert "short-handed" in body and "file:///" not in body and "[8]" not in body and "References" not in body
    assert found.undone == ("paragraphs wrapped at 70 characters joined", "lynx's link numbers and list of addresses")


def test_markdown_from_a_converter_reads_as_the_page_did():
    found = analysed(PANDOC_MARKDOWN)
    assert found.title == "Level 3 water restrictions for Tallowvale as Lake Corrigan falls"
    assert [r.name for r in found.reporters] == ["Jess Kuranda"]
    assert "Bronwyn Achterberg" in {p.name for p in found.people}
    body = re.sub(r"\]\{[^}]*\}", "", found.body).replace("[", "").replace("\\", "")
    assert "after the shire's main water supply, Lake Corrigan, dropped to 31 per cent" in body
    assert "But the numbers don't lie." in body
    assert "Fines of up to $550 apply" in body and "to the local paper." in body
    assert "paper.example" not in body and ":::" not in body and "#headline" not in body and "<a" not in body


def test_a_printed_pages_text_loses_its_header_and_footer_and_keeps_its_paragraphs():
    found = analysed(PDF)
    assert (found.title, found.date) == ("Allotment society wins a 25-year lease", "2024-05-02")
    body = re.sub(r"\]\{[^}]*\}", "", found.body).replace("[", "").replace("\\", "")
    assert ("Harold Petrakis, secretary of the allotment society, said the news had come as an enormous relief"
            " to everyone who works a plot on the site.") in body
    assert "1:32 AM" not in body and "file:///" not in body and "1/2" not in body
    for line in ("12/4/26, 1:32 AM     Allotment society wins a lease – Ashgrove Lanes News",
                 "file:///home/archivist/saves/allotments.html           1/2", "https://paper.example/a 2/5", "3/4"):
        assert line_matches(generic_rules().chrome, line), line


def test_a_browsers_copy_is_left_as_it_is():
    lines = ("Headline of the story", "", "BOSTON — A paragraph of the story that runs on for a while, as a"
             " browser's copy keeps each paragraph on one line however long it is.", "", "[1] A footnote.",
             "Price: *only* $5 [today](soon)")
    unmarked = undo_tool_marks(lines)
    assert (unmarked.lines, unmarked.undone) == (lines, ())


def test_the_report_names_the_captures_own_lines(tmp_path):
    shutil.copytree(FIXTURES / "site" / "content", tmp_path / "content")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ferry.txt").write_text(LYNX, encoding="utf-8")
    result = CliRunner().invoke(import_command, [str(tmp_path / "in" / "ferry.txt"), "--source", str(tmp_path),
                                                 "--url", "https://herald.example/news/ferry-sailings-cut"])
    assert result.exit_code == 0, result.output
    # "Share on Facebook" is on line 26 of the capture (the 22nd once paragraphs are joined)
    assert "    26: Share on Facebook" in result.stdout.splitlines()
    assert "  undone:    paragraphs wrapped at 70 characters joined; lynx's link numbers and list of addresses" \
        in result.stdout.splitlines()
    bundle = tmp_path / "content" / "articles" / "ferry-sailings-cut"
    assert (bundle / "original.txt").read_text(encoding="utf-8") == LYNX  # the capture itself, as it was


def test_a_text_browsers_comment_thread():
    """A comment widget as a text browser shows it: its bar on one line with the count, and
    each comment under a bullet, the name, whom it answers and how long ago on one line."""
    found = analysed(W3M_THREAD)
    assert found.reported_count == 37
    thread = [(c.author, [r.author for r in c.replies], c.text[:12]) for c in found.comments]
    assert thread == [("TransitNerd_BRM", ["Eastside Homeowner"], "Finally. I h"), ("rkowalczyk", [], "$212 a year "),
                      ("Dana Whitlow", [], "70 jobs inst")]  # (its author without lynx's bullet)


def test_a_dumps_rows_of_links_text_ads_and_cookie_notice_are_chrome():
    """lynx's row of links ("[3]LBN [4]News ...") reads as a menu ("LBN | News | ..."), as does a
    Markdown line of links; a text ad right under its label and a site's cookie notice by its
    name are chrome; so the headline is found under them."""
    menu = " ".join(f"[{n}]{word}" for n, word in enumerate(
        ["Skip to Main Content", "LBN", "News", "Sports", "Radio", "Music", "Listen", "Watch", "Sign In", "Search",
         "Top Stories", "Local", "Climate", "World", "Canada", "Politics"], 1))
    capture = ("   LBN uses cookies and similar technologies to improve your experience and to measure\n"
               "   audiences.\n\n   " + menu + "\n\n   [News](/news) [Sport](/sport) [Weather](/weather)\n\n"
               "   Kestrel Falls paper mill to restart with 240 jobs, new owner says\n\n   Advertisement\n"
               "   Northern Shield Credit Union: RRSP deadline is February 29\n\n"
               "   KESTREL FALLS, Ont. — The paper mill that once kept this northern Ontario town running will\n"
               "   reopen this fall with about 240 workers, its new owner said on Tuesday at a packed meeting in\n"
               "   the town's legion hall, where the mayor spoke first and the union's president spoke after\n"
               "   him, and both of them said that the town had waited a long time for the news.\n")
    found = analysed(capture)
    assert found.title == "Kestrel Falls paper mill to restart with 240 jobs, new owner says"
    chrome = [found.segments.lines[n - 1].strip() for n in found.segments.numbers(CHROME)]
    assert "Skip to Main Content | LBN | News | Sports | Radio | Music | Listen | Watch | Sign In | Search | Top " \
           "Stories | Local | Climate | World | Canada | Politics" in chrome
    assert "News | Sport | Weather" in chrome
    assert "Northern Shield Credit Union: RRSP deadline is February 29" in chrome
    assert found.body.startswith("KESTREL FALLS, Ont. — The paper mill")


TRAFILATURA = """\
---
title: Frostline opens automated cold store at Port Calloway
author: Anita Brenner
url: https://www.coldchainreview.example/warehousing/frostline-cold-store
hostname: coldchainreview.example
sitename: Cold Chain Review
date: "2024-11-18"
categories: ['Warehousing']
tags:
  - cold chain
---
Frostline opens automated cold store at Port Calloway
PORT CALLOWAY — Frostline has opened a fully automated cold store at the port, the company said on Monday.
Lisa Nakamura, director of real estate at the Port Calloway Harbour Authority, said the lease included local hiring.
R. Castellano | November 18, 2024 at 9:41 am
Impressive build. How do they fix the cranes at minus 25?
FrostTech Engineer | November 18, 2024 at 10:15 am
In reply to R. Castellano.
Technicians go in wearing heated suits.
"""


def test_a_clippers_front_matter_and_comments_with_no_heading():
    """A Markdown clipper's or trafilatura's front matter gives the title, writer, date, site and
    address; comments appended with no heading over them ("Name | date" over the text) are read."""
    found = analysed(TRAFILATURA)
    assert (found.title, found.date, found.date_origin) == (
        "Frostline opens automated cold store at Port Calloway", "2024-11-18", "metadata")
    assert [r.name for r in found.reporters] == ["Anita Brenner"]
    assert found.source.url == "https://www.coldchainreview.example/warehousing/frostline-cold-store"
    assert found.body.startswith("PORT CALLOWAY — Frostline") and "sitename" not in found.body
    assert [(c.author, [r.author for r in c.replies]) for c in found.comments] == [
        ("R. Castellano", ["FrostTech Engineer"])]
    assert "Impressive build" not in found.body


def test_bulleted_buttons_and_an_indented_dateline():
    """A text browser's bullets before menu items and sharing buttons ("•\u00a0Share on
    Facebook", "* News") do not hide them from the chrome rules, and the lede's dateline is read
    under its margin (which the dump does not give every line)."""
    capture = ("   * News\n   * Sport\n\nKilbrannoch villagers win bid to buy the ferry slipway\n\n"
               "   •\u00a0Share on Facebook\n   •\u00a0Email this article\n\n"
               "   KILBRANNOCH — Villagers in Kilbrannoch have won their three-year fight to take the slipway"
               " into community ownership, the trust said on Tuesday.\n")
    found = analysed(capture)
    assert (found.title, found.dateline) == ("Kilbrannoch villagers win bid to buy the ferry slipway", "Kilbrannoch")
    assert found.body.startswith("KILBRANNOCH — Villagers in Kilbrannoch")
    chrome = [found.segments.lines[n - 1].strip() for n in found.segments.numbers(CHROME)]
    assert {"•\u00a0Share on Facebook", "•\u00a0Email this article", "* News"} <= set(chrome)


TOLLAN_HEADLINE = "Harbour wall at Tollan Quay to be rebuilt after winter storms"
TOLLAN_LEDE = ("TOLLAN QUAY — The council will rebuild the harbour wall damaged in January's storms, at a cost of"
               " 4.2 million pounds, its harbours committee decided on Thursday after a long debate.\n\n")


def test_a_text_browsers_form_fields_sign_up_box_and_cookie_buttons_are_chrome():
    """A text browser draws a form's field ("[          ] Sign up", "________ Sign up") and puts
    a blank line between the parts of a sign-up box: the field, the line asking for the
    subscription, the pitch between them and the newsletter's name above are all chrome. A
    cookie banner's buttons run together ("AcceptCookie settings") are too. The story's own
    short last paragraph above the box stays."""
    capture = ("We use cookies to personalise content and ads, and to analyse our traffic.\n\n"
               "AcceptCookie settings\n\nPrivacy Policy Accept Reject non-essential\n\n"
               + TOLLAN_HEADLINE + "\n\n" + TOLLAN_LEDE +
               "Work starts in May.\n\n"
               "The Quay Daily\n\nGet the best of local news delivered to your inbox every morning.\n\n"
               "[                    ] Sign up\n\n\n"
               "Sign up for the Tollan Today newsletter\n\nThe town's top stories, every evening.\n\n"
               "_____________________ Sign up\n")
    found = analysed(capture)
    assert found.title == TOLLAN_HEADLINE
    chrome = {found.segments.lines[n - 1].strip() for n in found.segments.numbers(CHROME)}
    assert {"AcceptCookie settings", "Privacy Policy Accept Reject non-essential", "The Quay Daily",
            "Get the best of local news delivered to your inbox every morning.", "[                    ] Sign up",
            "Sign up for the Tollan Today newsletter", "The town's top stories, every evening.",
            "_____________________ Sign up"} <= chrome
    assert found.body.rstrip().endswith("Work starts in May.")
    assert "Work starts in May." not in chrome


def test_replies_to_handles_find_the_comment_of_the_handle():
    """Commenters known by a handle ("@sam.rivera"), each reply saying whom it answers on the
    line under its head ("replying to @sam.rivera"): the reply rules take the "@" off, and the
    comment is still placed under the handle's."""
    capture = ("Library to close its doors at midnight from January\n\n"
               "MARROWGATE — The university library will no longer open around the clock from January, the"
               " registrar said on Tuesday, after a review of the building's running costs.\n\n"
               "3 comments\n\n"
               "@sam.rivera Oct 10, 2024\nThe swipe-card data shows hundreds of us there after midnight.\n"
               "Respect 12 Reply Share Report\n"
               "@quietfloor Oct 11, 2024\nreplying to @sam.rivera\nAgreed, as long as it is a quiet floor.\n"
               "Respect 9 Reply Share Report\n"
               "@mgu_alum_98 Oct 11, 2024\nKeep one floor open all night.\nRespect 3 Reply Share Report\n")
    found = analysed(capture)
    thread = [(c.author, [r.author for r in c.replies]) for c in found.comments]
    assert thread == [("@sam.rivera", ["@quietfloor"]), ("@mgu_alum_98", [])]
    assert found.comments[0].replies[0].text.startswith("Agreed, as long as")


def test_a_converters_width_is_read_from_lines_without_links():
    """html2text wraps at 78 characters but never inside a link, so lines with links run past
    the width; read from them, the width came out too wide, and a headline wrapped onto a
    second line lost its last word."""
    link_rows = "".join(f"[Section {n} news and more news]({'/section-' * 3}{n}) [More]({'/more' * 4})\n\n"
                        for n in range(12))
    paragraph = ("Ratepayers threaten legal action as the Lwandle municipality blames a failed\n"
                 "contractor and the province says it was never asked for help with the pumps,\n"
                 "while residents queue at tankers twice a day and schools send pupils home at\n"
                 "noon because the toilets cannot be flushed and the kitchens cannot cook meals.\n\n")
    capture = (link_rows + "# Umthombo Bay residents enter 11th day without water as pump station repairs\n"
               "stall\n\n" + paragraph * 4)
    found = analysed(capture)
    assert found.title == "Umthombo Bay residents enter 11th day without water as pump station repairs stall"
    assert "paragraphs wrapped at 78 characters joined" in found.undone


def test_the_pages_title_above_the_story_is_chrome():
    """A converter or a printed page gives the page's title, the headline and the site's name,
    above the page: it is not part of the story. A sentence that opens with the headline's
    words and goes on is."""
    capture = (TOLLAN_HEADLINE + " - The Quay Courier\n\n"
               "[Home](/) [News](/news) [Sport](/sport) [Weather](/weather)\n\n"
               "# " + TOLLAN_HEADLINE + "\n\n" + TOLLAN_LEDE
               + TOLLAN_HEADLINE + ": that was the headline in 1953 too,"
               " the committee's chair said.\n")
    found = analysed(capture)
    assert found.title == TOLLAN_HEADLINE
    chrome = {found.segments.lines[n - 1].strip() for n in found.segments.numbers(CHROME)}
    assert TOLLAN_HEADLINE + " - The Quay Courier" in chrome
    assert "The Quay Courier" not in found.body and "that was the headline in 1953 too" in found.body


def test_an_elinks_list_of_links_after_the_comments_is_not_read_as_comments():
    """elinks ends its dump with "References", "Visible links" and the numbered addresses, some
    of them with spaces in ("#share-copy link"): all of it is the tool's, none of it a comment."""
    capture = ("   [1]Brackenfield Echo\n\n"
               "      Brackenfield weir to get a fish pass before the autumn run\n\n"
               "   By [2]Orla Quennell-Park\n\n"
               "   Share: [3]Facebook [4]Copy link\n\n"
               "   BRACKENFIELD — The river trust will build a fish pass beside the old weir\n"
               "   at Brackenfield this summer so that salmon can reach the upper river\n"
               "   before the autumn run, the trust said on Monday.\n\n"
               "   The work will close the towpath for three weeks in July and will cost\n"
               "   about £85,000, most of it from a national rivers grant.\n\n"
               "  Comments (1)\n\n"
               "     • Tam from Upperford wrote:\n\n"
               "       About time. The weir has blocked the fish for a century.\n\n"
               "References\n\n"
               "   Visible links\n"
               "   1. https://echo.example/\n"
               "   2. https://echo.example/profile/oquennell\n"
               "   3. https://echo.example/story/fish-pass/#share-facebook\n"
               "   4. https://echo.example/story/fish-pass/#share-copy link\n\n"
               "   Hidden links:\n"
               "   5. https://echo.example/story/fish-pass/#comments\n")
    found = analysed(capture)
    assert [(c.author, c.text) for c in found.comments] == [
        ("Tam from Upperford", "About time. The weir has blocked the fish for a century.")]
    assert "References" not in found.segments.lines and "lynx's link numbers and list of addresses" in found.undone


PANDOC_PLAIN_HEAD = ("Larchmere council shelves plan for paid parking at the lakefront\n\n"
                     "By Wendy Achterop\n\n"
                     "LARCHMERE, Ont. — Town council voted 6-1 on Tuesday to shelve a plan for paid\n"
                     "parking at the lakefront lots, after more than 200 residents signed a\n"
                     "petition against it.\n\n"
                     "The plan would have charged $3 an hour from May to September and raised\n"
                     "about $90,000 a year for shoreline repairs, staff said.\n\n")


def _threads(found) -> list:
    """Each comment as (author, text, its replies as (author, text))."""
    return [(c.author, c.text, [(r.author, r.text) for r in c.replies]) for c in found.comments]


def test_a_plain_converters_comment_list_reads_one_comment_an_item():
    """pandoc's plain text of a comment plugin's list: each item opens with the commenter's name,
    a blank line, then the text indented under it; a deeper item is a reply."""
    capture = (PANDOC_PLAIN_HEAD + "3 Comments\n\n"
               "-   Ilse Brandvold\n\n"
               "    Good. The lots are half empty most of the summer anyway.\n\n"
               "    Like · Reply · 4 · 2d\n\n"
               "    -   Marco Fenech\n\n"
               "        Not on a Saturday in July they aren't.\n\n"
               "        Like · Reply · 1 · 2d\n\n"
               "-   Dot Haverty\n\n"
               "    Fix the shoreline some other way then.\n\n"
               "    Like · Reply · 2 · 1d\n")
    assert _threads(analysed(capture)) == [
        ("Ilse Brandvold", "Good. The lots are half empty most of the summer anyway.",
         [("Marco Fenech", "Not on a Saturday in July they aren't.")]),
        ("Dot Haverty", "Fix the shoreline some other way then.", [])]


def test_pandocs_fences_around_a_comment_list_are_not_comments():
    """pandoc's Markdown keeps a WordPress comment list's divs as fences (":::"), one opening
    each numbered item: they go, on their lines and never joined to a wrapped paragraph, and
    the comments under them nest as the list does."""
    capture = ("# Larchmere council shelves plan for paid parking at the lakefront\n\n"
               "Posted on 4 June 2024 by [Wendy Achterop](https://lakeshore.example/author/wa/)\n\n"
               "LARCHMERE --- Town council voted 6-1 on Tuesday to shelve a plan for paid\n"
               "parking at the lakefront lots, after more than 200 residents signed a\n"
               "petition against it.\n\n"
               "The plan would have charged \\$3 an hour from May to September and raised\n"
               "about \\$90,000 a year for shoreline repairs, staff said.\n\n"
               "::: {#comments}\n"
               "## 2 thoughts on \"Larchmere council shelves plan\"\n\n"
               "1.  ::: {#comment-41}\n"
               "    ::: {.comment-author .vcard}\n"
               "    **Ilse Brandvold** [says:]{.says}\n"
               "    :::\n\n"
               "    ::: comment-content\n"
               "    Good. The lots are half empty most of the summer anyway, whatever the\n"
               "    council was told.\n"
               "    :::\n\n"
               "    1.  ::: {#comment-42}\n"
               "        ::: {.comment-author .vcard}\n"
               "        **Marco Fenech** [says:]{.says}\n"
               "        :::\n\n"
               "        ::: comment-content\n"
               "        Not on a Saturday in July they aren't.\n"
               "        :::\n"
               "        :::\n"
               "    :::\n"
               ":::\n")
    assert _threads(analysed(capture)) == [
        ("Ilse Brandvold", "Good. The lots are half empty most of the summer anyway, whatever the council was told.",
         [("Marco Fenech", "Not on a Saturday in July they aren't.")])]


def test_trafilaturas_comments_with_no_date_are_read():
    """trafilatura writes a comment's header as "Name | date"; with no date on the page, the name
    and the bar are left ("Bo Lindqvist |"). Such headers over text, after the story, are
    comments too, not more of the story."""
    capture = TRAFILATURA.split("R. Castellano")[0] + (
        "Bo Lindqvist |\nGood to see jobs coming back to the port.\n"
        "M. Achebe |\nHow many of the jobs are local, though?\n")
    found = analysed(capture)
    assert [(c.author, c.text) for c in found.comments] == [
        ("Bo Lindqvist", "Good to see jobs coming back to the port."),
        ("M. Achebe", "How many of the jobs are local, though?")]
    assert found.body.rstrip().endswith("the lease included local hiring.")


def test_above_a_markdown_captures_headline_is_the_pages_furniture():
    """A Markdown capture's one "# " heading is taken out as the headline; what stood above it
    is still the page's furniture (its motto, menus, "Subscribe Sign In"), not the story or a
    byline. A heading below the story's first paragraph marks nothing above it."""
    furniture = ("[Brackenfield Echo](https://echo.example/)\n\n"
                 "Your paper for the upper valley\n\n"
                 "  * [Local](/local/)\n  * [Farming](/farming/)\n  * [Notices](/notices/)\n\n"
                 "[Subscribe](/subscribe/) [Sign In](/login/)\n\n")
    story = ("Orla Quennell-Park, Staff Writer\n\n"
             "BRACKENFIELD — The river trust will build a fish pass beside the old weir at Brackenfield"
             " this summer so that salmon can reach the upper river, the trust said on Monday.\n\n"
             "The work will close the towpath for three weeks in July, the trust's engineer said.\n")
    found = analysed(furniture + "# Brackenfield weir to get a fish pass before the autumn run\n\n" + story)
    assert found.title == "Brackenfield weir to get a fish pass before the autumn run"
    assert [r.name for r in found.reporters] == ["Orla Quennell-Park"]
    assert found.body.startswith("BRACKENFIELD — The river trust")
    lede_first = analysed(furniture + story.split("\n\n", 1)[1] + "\n# Brackenfield weir in pictures\n\nMore to come.\n")
    assert "Your paper for the upper valley" in lede_first.body


def test_a_printed_pages_headline_over_two_lines_and_a_name_broken_at_its_hyphen():
    """A printed page's text wraps a long headline: the line under it that goes on in lower case
    is part of it (a subheadline under it starts with a capital). A double-barrelled name broken
    at its hyphen is joined without a space; a dash with a space before it keeps its space."""
    capture = ("Allotment society wins a 25-year lease after three\nyears of uncertainty\n"
               "Plot holders can plan beyond next summer\n"
               "Posted on 2 May 2024 by Gwen Arkwright\n"
               "After three years of uncertainty, the 74 plot holders at the Mill Brook\n"
               "Road allotments can finally plan beyond next summer, the society said.\n"
               "The society's treasurers, Harold Okonjo-Petrakis and Ines Mbeki-\n"
               "Lund, said the rent would stay at £38 a year for every plot holder -\n"
               "the same as it has been since the society was founded in 1961 - and\n"
               "that the waiting list, which had grown to forty names, would reopen\n"
               "in the autumn once the council had cleared the two derelict plots by\n"
               "the brook, which have been fenced off since the floods of last winter.\n"
               "The society’s open day takes place on Saturday 8 June from 11am to\n"
               "3pm, with plant sales, tours and a cake stall for the whole family, and\n"
               "everyone who has ever wanted a plot of their own is welcome to come.\n")
    found = analysed(capture)
    assert found.title == "Allotment society wins a 25-year lease after three years of uncertainty"
    body = re.sub(r"\]\{[^}]*\}", "", found.body).replace("[", "").replace("\\", "")
    assert "Plot holders can plan beyond next summer" in body
    assert "Ines Mbeki-Lund, said" in body and "every plot holder - the same" in body


def test_a_clippers_markdown_and_links_wrapped_over_lines():
    """Under a front matter one Markdown mark (a picture, a bold line) makes the capture
    Markdown, as clippers write it. A link or picture a converter wrapped over lines is one,
    its address joined without a space where it broke at a hyphen: the picture, its caption
    and the row of sharing links leave the body."""
    capture = ('---\ntitle: "Brackenfield weir to get a fish pass"\nauthor: Orla Quennell-Park\n---\n'
               "![](https://echo.example/media/weir.jpg)\n\n"
               "[Share on\nFacebook](https://www.facebook.com/sharer.php?u=https://echo.example/2024/fish-\n"
               "pass/) [Share on\nX](https://x.example/intent?url=https://echo.example/2024/fish-\npass/) "
               "[Email](mailto:?subject=Weir)\n\n"
               "BRACKENFIELD — The river trust will build a fish pass beside the old weir at Brackenfield"
               " this summer, the trust said on Monday.\n\n"
               "![The weir at Brackenfield in spring,\nwhen the salmon gather below it. Photo: Orla\n"
               "Quennell-Park](https://echo.example/media/weir-spring.jpg)\n\n"
               "**Get the Echo in your inbox**\n\n"
               "The work will close the towpath for three weeks in July, the trust's engineer said.\n")
    found = analysed(capture)
    assert found.body.startswith("BRACKENFIELD — The river trust")
    assert "weir.jpg" not in found.body and "salmon gather" not in found.body and "Share on" not in found.body
    assert "Get the Echo" not in found.body and "**" not in found.body


LYNX_WIDGET = """\
   [1]Brackenfield Echo

       Brackenfield weir to get a fish pass before the autumn salmon run

   By [2]ORLA QUENNELL-PARK | Staff Writer

   BRACKENFIELD — The river trust will build a fish pass beside the old
   weir at Brackenfield this summer so that salmon can reach the upper
   river before the autumn run, the trust said on Monday night after a
   vote of its board that left two of the anglers' clubs unhappy.

   The work will close the towpath for three weeks in July and will cost
   about £85,000, most of it from a national rivers grant that the trust
   won in the spring after two attempts that were turned down.

   [3]3 Comments [4]Brackenfield Echo [5]Login

     * [6]weir_watcher [7]5 hours ago
       Three weeks of no towpath in the middle of the summer holidays is
       a long time.
       [8]11 [9]△ [10]▽ • [11]Reply • [12]Share ›
          + [13]Dot Haverty-Pryce [14]weir_watcher [15]4 hours ago
            The salmon have waited a hundred years for this, they can wait
            three weeks longer.
            [16]6 [17]△ [18]▽ • [19]Reply • [20]Share ›
               o [21]weir_watcher [22]Dot Haverty-Pryce [23]4 hours ago
                 Fair, but why July and not in the autumn or the winter then?
                 [24]2 [25]△ [26]▽ • [27]Reply • [28]Share ›

References

   1. https://echo.example/
   2. https://echo.example/staff/oqp
"""


def test_a_lynx_dumps_comment_widget_nests_by_its_bullets_and_names_whom_each_answers():
    """lynx draws a comment widget's nesting with its bullets ("*", "+", "o"), and each header
    as name, whom it answers and when ("Dot Haverty-Pryce weir_watcher 4 hours ago"): the name
    of the earlier commenter at its end is whom the comment answers, not part of the author's
    name; the text under a header is never joined to it, and the rows of votes are chrome."""
    found = analysed(LYNX_WIDGET)
    [first] = found.comments
    [second] = first.replies
    [third] = second.replies
    assert [(c.author, c.text) for c in (first, second, third)] == [
        ("weir_watcher", "Three weeks of no towpath in the middle of the summer holidays is a long time."),
        ("Dot Haverty-Pryce", "The salmon have waited a hundred years for this, they can wait three weeks longer."),
        ("weir_watcher", "Fair, but why July and not in the autumn or the winter then?")]


def test_a_caption_printed_right_under_a_paragraph_is_not_joined_to_it():
    """A dump may print a picture's caption right under a paragraph, no blank line between: the
    new sentence that runs from the start of a line to the blank line, chrome as a whole (a
    caption ending in its credit), is not joined to the paragraph above."""
    capture = LYNX.replace("   find enough qualified crew.\n",
                           "   find enough qualified crew.\n"
                           "   The Skellan ferry at the pier in Westmarsh on a winter morning, in\n"
                           "   January 2024. (Ann Pell/Herald)\n")
    found = analysed(capture)
    body = found.body.replace("\\", "")
    assert "find enough qualified crew.\n" in body and "Skellan ferry at the pier" not in body


def test_a_pull_quote_repeating_the_story_leaves_the_body_a_quoted_letter_stays():
    """Markdown keeps a page's blockquotes as "> " lines. A pull quote repeats words the story
    says elsewhere, its speaker under it: it leaves the body. A quoted passage the story does
    not repeat stays."""
    story = ("# Brackenfield weir to get a fish pass before the autumn run\n\n"
             "BRACKENFIELD --- The river trust will build a [fish pass](https://echo.example/fish) beside the"
             " old weir this summer, the trust said on Monday.\n\n"
             '"The salmon have waited a hundred years for this," said trust engineer [Ines Mbeki](/ines).\n\n'
             '> "The salmon have waited a hundred years for this."\n>\n> --- Ines Mbeki, trust engineer\n\n'
             "The anglers' club wrote to the trust in May:\n\n"
             "> We ask that the towpath stay open on weekends while the work goes on.\n\n"
             "The work will close the towpath for three weeks in July.\n")
    body = analysed(story).body.replace("\\", "")
    assert "Ines Mbeki, trust engineer" not in body and body.count("waited a hundred years") == 1
    assert "> We ask that the towpath stay open on weekends" in body


def test_a_pull_quote_without_quote_marks_leaves_the_body_by_the_name_under_it():
    """A printed page or a text browser shows a pull quote without "> ": lines repeating the
    story's words with "— Name" under them leave the body; an epigraph the story does not
    repeat stays, with its name."""
    capture = ("Brackenfield weir to get a fish pass before the autumn run\n"
               "BRACKENFIELD — The river trust will build a fish pass beside the old weir this summer, the"
               " trust said on Monday. “The salmon have waited a hundred years for this,” said trust engineer"
               " Ines Mbeki.\n\n“The salmon have waited a hundred\nyears for this.”\n— Ines Mbeki\n"
               "The work will close the towpath for three weeks in July, the trust said.\n"
               "“A river is a road for fish.”\n— Ada Toller\n"
               "The anglers' club said it welcomed the plan.\n")
    body = analysed(capture).body.replace("\\", "")
    assert "— Ines Mbeki" not in body and body.count("waited a hundred") == 1
    assert "“A river is a road for fish.”" in body and "— Ada Toller" in body


def test_a_row_of_links_is_not_joined_to_the_line_of_text_under_it():
    row = "   [1]Marlow Gazette [2]News [3]Sport [4]Opinion [5]Events [6]Sign In"
    dump = "\n".join([
        row,
        "   You have 2 free articles left this month. [7]Subscribe",
        "",
        "        Quarry owners fined after dust blankets Marlow village gardens",
        "",
        "   By [8]Tamsin Oyelaran",
        "",
        "   MARLOW — The owners of the Hatch End quarry were fined £40,000 on",
        "   Friday after dust from its crushers settled on gardens across the",
        "   village for most of last summer, the county court heard.",
        "",
        "   Residents told the court that washing hung out in the morning was",
        "   grey by the afternoon, and that some had stopped opening windows",
        "   altogether in the warmest weeks of the year, the court was told.",
        "",
        "   The company said it had since fitted new sprays to its crushers",
        "   and would pay for the cleaning of any house in the village that",
        "   asked for it before the end of the year, its lawyer told the court.",
    ]) + "\n"
    unmarked = undo_tool_marks(tuple(dump.splitlines()))
    assert "paragraphs wrapped at 67 characters joined" in unmarked.undone
    assert len(row) + 1 + len("You") > 67 - 2  # (as if "You" had not fitted after the row)
    assert unmarked.lines[0].strip() == "Marlow Gazette | News | Sport | Opinion | Events | Sign In"
    assert unmarked.lines[1].strip().startswith("You have 2 free articles")
    assert analysed(dump).title == "Quarry owners fined after dust blankets Marlow village gardens"


def test_a_clippers_page_title_over_the_pages_own_headline_and_its_clip_date():
    """A clipper's "# " heading may be the page's title (the headline, a bar, the site's name),
    with the page's own headline further down: that one is the headline, and the excerpt and
    menus between them are furniture. The front matter's "created" is when the page was
    clipped, not the article's date."""
    capture = ("---\ncreated: 2025-11-21T09:14:52 (UTC +01:00)\nsource: https://example.org/news/weir\n---\n\n"
               "# Brackenfield weir to get a fish pass | Brackenfield Echo\n\n> ## Excerpt\n> Salmon will reach the"
               " upper river at last\n\n---\n\n- [News](/news)\n- [Farming](/farming)\n- [Notices](/notices)\n\n"
               "## Brackenfield weir to get a fish pass\n\nBy [Orla Quennell](/staff/oq) • Nov. 20, 2025\n\n"
               "BRACKENFIELD — The river trust will build a fish pass beside the old weir this summer so that"
               " salmon can reach the upper river, the trust said on Monday.\n")
    found = analysed(capture)
    assert (found.title, found.date) == ("Brackenfield weir to get a fish pass", "2025-11-20")
    assert found.body.startswith("BRACKENFIELD — The river trust")
    same = analysed(capture.replace(" | Brackenfield Echo", ""))  # (the same headline twice: nothing to take off)
    assert same.title == "Brackenfield weir to get a fish pass"


def test_lynxs_button_marks_go_without_its_link_numbers():
    """`lynx -dump -nolist` writes no link numbers or addresses, but still marks the buttons."""
    found = analysed("   (BUTTON) Accept (BUTTON) Manage preferences\n\n   Crews battle brush fire near Orrin Ridge\n\n"
                     "   By Maren Holt\n\n   (BUTTON) Unmute\n\n   ORRIN VALLEY, Calif. (KVRN) — Firefighters spent"
                     " Tuesday afternoon containing a brush fire near the trailhead.\n")
    assert "BUTTON" not in found.body and "Unmute" not in found.body


def test_a_converters_one_heading_is_the_headline_though_no_link_marks_markdown():
    """html2text of a page whose links have no addresses: the "# " heading is the only mark."""
    found = analysed("The Merrow Ledger Local Opinion Business Obituaries e-Edition Subscribe\n\n"
                     "# Our town needs a library that opens on Sundays\n\nBy Odalys Fenwright | Guest columnist\n\n"
                     "Every Sunday afternoon, a small group of teenagers sits on the low wall outside the\n"
                     "library, angling their phones toward the building.\n")
    assert found.title == "Our town needs a library that opens on Sundays"
    plain = analysed("Library to open on Sundays\n\nThe board voted on Tuesday to open the library on Sundays,"
                     " its chair said.\n\n# 1 priority for the board, she said, is the roof.\n")
    assert plain.title == "Library to open on Sundays" and not plain.undone


def test_a_one_heading_capture_whose_headline_opens_with_a_quotation_mark_is_markdown():
    # (It was read as plain text: the title kept its "#", the byline's emphasis hid the reporter,
    # and the bold speaker labels were escaped, shown with their asterisks.)
    found = analysed("# \"I never wanted to be a chef\": a conversation with Imelda Vask\n\n"
                     "*By Casimir Oduya · Granary Quarterly · 2 May 2024*\n\n"
                     "Imelda Vask runs a 24-seat restaurant in the old granary of Hobbsford, and talked about fennel.\n\n"
                     "**Granary Quarterly:** You trained as an architect. How did you end up in a kitchen?\n\n"
                     "**Vask:** By accident, honestly.\n")
    assert found.title == "\"I never wanted to be a chef\": a conversation with Imelda Vask"
    assert [r.name for r in found.reporters] == ["Casimir Oduya"]
    assert "Granary Quarterly: You trained as an architect." in found.body and "*" not in found.body


def test_a_markdown_captures_greater_than_signs_inside_lines_are_its_text():
    """Only a line's first ">" opens a block quote: one inside the line is text ("temperatures
    > 35C" lost its sign and the space after it, and an inline tag lost its end, so that the tag
    was no longer taken off and the speaker's name inside it was lost)."""
    found = analysed("# Heatwave warning issued for the whole county\n\n"
                     "DALBY — Forecasters warned that temperatures > 35C were likely, rising from amber -> red.\n\n"
                     "The index was 3 > 2 > 1, said forecaster Orla <b onmouseover=alert(5)>Fenwick-Dade</b>.\n\n"
                     "> \"It will be hot,\" the warning said.\n")
    body = found.body.replace("\\", "")
    assert "temperatures > 35C were likely, rising from amber -> red." in body
    assert "The index was 3 > 2 > 1, said forecaster" in body and "onmouseover" not in body
    assert [p.name for p in found.people] == ["Orla Fenwick-Dade"]
    assert "> [" in found.body or '> "It will be hot,"' in body  # (the block quote is one still)


def test_a_wrapped_caption_under_a_gallerys_counter_is_chrome_as_a_whole():
    """lynx wraps a caption under "1 of 5": its half without the credit is no line of the story."""
    found = analysed("   Photos: Lantern parade lights up the Old Quay\n\n   By Tamsin Arkwright\n\n"
                     "   More than 2,000 people carried handmade lanterns along the Old Quay on\n"
                     "   Friday night as the town's winter lantern parade returned for its\n"
                     "   twelfth year, with schools, choirs and a samba band leading the way.\n\n"
                     "   1 of 2\n   Children from Quayside Primary carry paper fish lanterns past the\n"
                     "   harbour wall. (Ines Volkov/The Quayside Herald)\n\n"
                     "   2 of 2\n   The Millbrook Samba Band leads the procession along Dock Street. (Ines\n"
                     "   Volkov/The Quayside Herald)\n\n"
                     "   The parade is organised by volunteers and funded by donations and a\n"
                     "   grant from the town council, which has backed it for a decade now.\n")
    assert "Children from Quayside" not in found.body and "Samba Band" not in found.body
    assert "grant from the town council" in found.body


def test_a_wrapped_caption_standing_on_its_own_is_chrome_as_a_whole():
    """lynx wraps a caption that stands between blank lines (the picture's alt text run onto it):
    its first line is no line of the story, though only the joined caption ends in the credit. A
    story's paragraph of more lines that ends so keeps its words."""
    story = ("   By Tamsin Oduya, University Communications October 14, 2025\n\n"
             "   Students plant plugs Graduate students plant prairie dropseed on the\n"
             "   east lawn. (Photo by Lionel Brassard/Hollin Ridge University)\n\n"
             "   For decades the east lawn of Hollin Ridge University has been mown\n"
             "   every Tuesday from April to October. This fall, a team of soil\n"
             "   scientists has asked the grounds crew to stop, and to let the lawn\n"
             "   become a field experiment that could run until 2030, the team said.\n\n"
             "   Graduate students have planted 31 kinds of native grass and flowers\n"
             "   in 48 plots, and undergraduates will take soil cores twice a year\n"
             "   from each of them, starting in the spring, with sensors buried under\n"
             "   the turf in every plot. The work was photographed for the archive.\n")
    found = analysed("   Soil lab turns campus lawns into a carbon experiment\n\n" + story)
    assert "plant prairie dropseed" not in found.body and "Photo by" not in found.body
    assert "For decades" in found.body and "photographed for the archive." in found.body


def test_a_sign_up_forms_field_under_its_pitch_is_not_joined_to_it():
    """lynx writes a sign-up box's field and its one button right under the pitch ("...
    billionaires." / "____________________ (BUTTON) Subscribe"): the field is never the pitch's
    next words, and the box leaves the body whole."""
    found = analysed("   The harbour dredging contract nobody read\n\n   By Corin Ashby-Nwachukwu\n\n"
                     "   When the harbour committee met on 3 July, the item on the dredging contract took\n"
                     "   eleven minutes, and no councillor asked a single question about its terms.\n\n"
                     "   I'll be at the next meeting, and my inbox is open to anyone who knows more.\n\n"
                     "  Sign up for Saltmarsh Notes\n\n"
                     "   Independent reporting on the Wrackham coast. No ads, no billionaires.\n"
                     "   ____________________ (BUTTON) Subscribe\n")
    assert found.body.rstrip().endswith("knows more.")


def test_a_menu_run_together_is_not_joined_to_the_label_under_it():
    """links -dump runs a menu's items together with the site's name on one line, its last word a
    call to donate; the series label under it, though its first word would not have fitted after
    the menu, is the page's next line, and the headline under that is found."""
    menu = "   Northgate Investigations UnitInvestigations Data About Donate"
    dump = "\n".join([
        menu,
        "   Neglected: an investigation",
        "",
        "                    The care homes that never got a full inspection",
        "",
        "   By Ottilie Vanterpool",
        "",
        "   Fifty-eight care homes in the Northgate region went more than four",
        "   years without a full inspection, an analysis by the unit has found,",
        "   despite a legal expectation that homes are inspected more often.",
        "",
        "   At one home in Sallowby, the last full inspection before a death in",
        "   2024 had taken place in March 2019, five years before, records show.",
        "",
        "   The regulator says it will inspect every home that has gone without",
        "   a visit for more than three years by the end of the coming year.",
    ]) + "\n"
    unmarked = undo_tool_marks(tuple(dump.splitlines()), ends_alone=is_menu_row)
    assert [line.strip() for line in unmarked.lines[:2]] == [menu.strip(), "Neglected: an investigation"]
    found = analysed(dump)
    assert found.title == "The care homes that never got a full inspection"


NEWSPAPER_COLUMN = """\
THE WESTBROOK HERALD                                   Tuesday, March 4, 2025

Council backs flood wall after
two-year fight

By Harriet Okonjo
Staff Writer

WESTBROOK — The town coun-
cil voted 6-1 on Monday night to
build a flood wall along the Mill
River, ending a two-year fight
over how to protect the low-lying
Eastgate neighbourhood.

“We have waited long enough,”
said Councillor Devi Ramasamy,
who represents Eastgate. “Every
spring we pile sandbags and hope.”

The wall, estimated to cost $4.2
million, will be paid for by a
state resilience grant, according
to town manager Paul Whitcombe,
who was re-elected in January.
Ramasamy, who had also been re-
elected then, called it a start.

Councillor Brian Tate, the lone
no vote, said the town should
have bought out the houses in-
stead. “A wall only moves the
water somewhere else,” Tate said.

Page A3
"""


def test_a_newspaper_columns_text_reads_as_the_printed_story():
    """A column of a printed page, as a PDF's text gives it: lines of some 30 characters (it had
    been left as it was, the width being below what was looked for), words broken at hyphens
    the page added, the paper's masthead with the issue's date over the headline, its page
    number under the story."""
    found = analysed(NEWSPAPER_COLUMN)
    assert found.title == "Council backs flood wall after two-year fight"
    assert found.undone == ("paragraphs wrapped at 33 characters joined",)
    assert [r.name for r in found.reporters] == ["Harriet Okonjo"]
    assert {p.name: p.role for p in found.people} == {
        "Devi Ramasamy": "Councillor", "Paul Whitcombe": "town manager", "Brian Tate": "Councillor"}
    assert [q.by for q in found.quotes] == ["devi-ramasamy", "devi-ramasamy", "brian-tate"]
    assert found.summary == ("The town council voted 6-1 on Monday night to build a flood wall along the Mill River,"
                             " ending a two-year fight over how to protect the low-lying Eastgate neighbourhood.")
    body = re.sub(r"\]\{[^}]*\}", "", found.body).replace("[", "").replace("\\", "").split("\n")
    # The hyphen of a broken word goes where the capture has the word whole elsewhere ("Council"
    # in the headline), stays in a compound written so elsewhere ("re-elected"), and stays where
    # the word is nowhere else whole: text is never made up.
    assert body[0] == ("WESTBROOK — The town council voted 6-1 on Monday night to build a flood wall along the"
                       " Mill River, ending a two-year fight over how to protect the low-lying Eastgate"
                       " neighbourhood.")
    assert body[4] == ("The wall, estimated to cost $4.2 million, will be paid for by a state resilience grant,"
                       " according to town manager Paul Whitcombe, who was re-elected in January. Ramasamy,"
                       " who had also been re-elected then, called it a start.")
    assert body[-2].endswith("houses in-stead. “A wall only moves the water somewhere else,” Tate said.")
    chrome = {found.segments.lines[n - 1].strip() for n in found.segments.numbers(CHROME)}
    assert "Page A3" in chrome and any(line.startswith("THE WESTBROOK HERALD") for line in chrome)
    for line in ("Continued on Page A6", "See FLOOD, Page A4", "Cont. from page 1"):
        assert line_matches(generic_rules().chrome, line), line


@pytest.mark.parametrize("line", ["Pasa a la página 4", "(Sigue en la página 12)", "Viene de la portada",
                                  "Viene de la página 1", "Suite page 6", "Lire la suite en page 3",
                                  "Fortsetzung auf Seite 3", "Fortsetzung von Seite 1", "Segue a pagina 7",
                                  "Segue dalla prima", "Continua na página 2"])
def test_a_newspapers_jump_lines_in_other_languages_are_chrome(line):
    # (They were kept in the body: "Pasa a la página 4" between two paragraphs of the story.)
    assert line_matches(generic_rules().chrome, line)


@pytest.mark.parametrize("line", ["Continue reading the main story", "Der neue Anleger in Seedorf. Foto: Kurier/Max Vollrath",
                                  "Foto: Max Vollrath", "La plaza mayor. Foto: Archivo"])
def test_more_page_furniture_is_chrome(line):
    # (It was kept in the body: a mobile page's prompt run into the next paragraph; German,
    # Spanish and Italian captions' credits.)
    assert line_matches(generic_rules().chrome, line)


@pytest.mark.parametrize("line", ["La página 4 del informe recoge las cifras.", "Suite à la réunion, le maire a parlé.",
                                  "Die Fortsetzung folgt im Herbst."])
def test_sentences_about_pages_are_no_jump_lines(line):
    assert not line_matches(generic_rules().chrome, line)


NEWSLETTER_EMAIL = """\
---------- Forwarded message ---------
From: Ridgeway Post <newsletter@ridgewaypost.example>
Date: Thu, Oct 9, 2025 at 6:02 AM
Subject: Morning Briefing: School board delays vote on closures
To: <archivist@example.org>


View this email in your browser

MORNING BRIEFING

School board delays vote on closures

By Tomasz Wierzbicki

RIDGEWAY — The Ridgeway school board on Wednesday delayed a vote on closing two elementary schools, saying it needed more time to study enrollment figures.

"We owe families a decision based on the best numbers we can get," said board president Alma Ferreira.

Parents packed the meeting, and more than 30 spoke against the plan.

"My daughter walks to Lincoln Elementary. Where will she go?" asked parent Derek Osei.

The board will meet again on Oct. 22.

___

Associated Press writer Lena Marsh in Columbus contributed to this report.

You are receiving this email because you subscribed to the Ridgeway Post newsletter.
Unsubscribe | Update your preferences
Ridgeway Post, 12 Main St, Ridgeway, OH 43000
"""


@pytest.mark.parametrize("headers, date", [
    (NEWSLETTER_EMAIL.split("\n\n\n")[0], "2025-10-09T06:02"),
    # Outlook's forward, and Apple Mail's (whose zone is a name: British Summer Time)
    ("From: Ridgeway Post <newsletter@ridgewaypost.example>\nSent: Thursday, October 9, 2025 6:02 AM\n"
     "To: Archive Desk\nSubject: Morning Briefing", "2025-10-09T06:02"),
    ("Begin forwarded message:\n\nFrom: Ridgeway Post <newsletter@ridgewaypost.example>\n"
     "Subject: Morning Briefing\nDate: 9 October 2025 at 06:02:00 BST\nTo: archivist@example.org", "2025-10-09T06:02+01:00"),
])
def test_a_newsletters_story_saved_from_the_inbox_is_dated_by_its_email(headers, date):
    """The e-mail's headers say when the newsletter, and the story in it, went out; the mail
    program's lines and the newsletter's own around the story are chrome."""
    capture = headers + "\n\n\n" + NEWSLETTER_EMAIL.split("\n\n\n", 1)[1]
    found = analysed(capture)
    assert (found.title, found.date, found.date_origin) == ("School board delays vote on closures", date, "metadata")
    assert [r.name for r in found.reporters] == ["Tomasz Wierzbicki", "Lena Marsh"]
    assert {p.name: p.role for p in found.people} == {"Alma Ferreira": "board president", "Derek Osei": "parent"}
    body = re.sub(r"\]\{[^}]*\}", "", found.body).replace("[", "").replace("\\", "").split("\n")
    assert body[0].startswith("RIDGEWAY — The Ridgeway school board on Wednesday delayed a vote")
    assert body[-2] == "The board will meet again on Oct. 22."  # (the credit is the reporter's, not the story's)
    chrome = {found.segments.lines[n - 1].strip() for n in found.segments.numbers(CHROME)}
    assert "Associated Press writer Lena Marsh in Columbus contributed to this report." in chrome
    assert {"View this email in your browser", "Unsubscribe | Update your preferences"} <= chrome
    assert any(line.startswith("You are receiving this email because") for line in chrome)
    for line in ("Forward to a friend", "Manage your preferences", "Was this email forwarded to you? Sign up here.",
                 "View this newsletter in your browser"):
        assert line_matches(generic_rules().chrome, line), line


def test_a_story_that_quotes_an_email_is_not_dated_by_it():
    found = analysed("Council clerk resigns\n\nASHBY — The council clerk resigned on Monday.\n\n"
                     "From: Dana Roe\nDate: Thu, Oct 9, 2025 at 6:02 AM\nSubject: My resignation\n\n"
                     "The letter did not say why.\n")
    assert found.date is None


def test_a_prefixs_hyphen_stays_and_verse_stays_verse():
    # (Found in review: "re-" / "sign" became "resign", another word, where "resign" stood
    # elsewhere; a poem's lines of some 30 characters were joined as a column's.)
    found = analysed(NEWSPAPER_COLUMN.replace("Page A3\n", "Tate said he would not resign. The council\n"
                                                          "has decided that it will not re-\n"
                                                          "sign the harbour lease this year.\n\nPage A3\n"))
    body = found.body.replace("\\", "")
    assert "will not re-sign the harbour lease" in body and "would not resign" in body
    poem = ("A poem for the harbour\n\nBy Ann Lee\n\n"
            "The boats come in at evening\nand the gulls go out to sea,\nthe nets are hung on every post\n"
            "and the tide comes back to me.\n\nThe fishers mend their lanterns\nwhile the children run the quay,\n"
            "the bell rings out for supper\nand the tide comes back to me.\n\nThe harbour lights are burning\n"
            "where the old stone pier will be,\nthe wind is cold at midnight\nand the tide comes back to me.\n")
    found = analysed(poem)
    assert found.undone == () and "The boats come in at evening\nand the gulls go out to sea," in found.body


def test_a_newsletters_headers_are_chrome_without_its_browser_line_and_a_story_line_is_not():
    found = analysed(NEWSLETTER_EMAIL.replace("View this email in your browser\n", ""))
    assert (found.title, found.date) == ("School board delays vote on closures", "2025-10-09T06:02")
    assert found.body.startswith("RIDGEWAY — The Ridgeway school board")
    assert not line_matches(generic_rules().chrome, "You got this message too? Police say do not click the link.")


def test_a_converters_tables_are_tables_with_or_without_their_outer_pipes_and_escaped_pipes_in_cells():
    # (Found end to end: html2text's table, without outer pipes, lost its header row and rule as
    # chrome; a cell's escaped pipe, unescaped with the other Markdown escapes, split the cell.)
    found = analysed("# Council election results are in\n\nASHBY — The count ended at 2am, the [returning officer]"
                     "(https://x.example) said on Friday.\n\nWard | Yes | No\n---|---|---\nNorth | 1,204 | 388\n\n"
                     "| Candidate | Party |\n|---|---|\n| Hamish Trevelyan | Independent \\| local |\n\n"
                     "Turnout was 41 per cent, the **council** said.\n")
    assert found.body.split("\n")[2:10] == ["Ward | Yes | No", "---|---|---", "North | 1,204 | 388", "",
                                            "| Candidate | Party |", "|---|---|", "| Hamish Trevelyan | Independent \\| local |",
                                            ""]


def test_a_markdown_captures_block_quote_is_a_block_quote_in_the_body():
    # (Found end to end: its "> " was escaped, and every line of the quote showed a ">".)
    found = analysed("# A letter left at the harbour wall\n\nASHBY — A note was found at the [harbour](https://x.example)"
                     " wall on Friday, the **harbourmaster** said.\n\n"
                     "> To whoever finds this: the choir\n> cannot sing without you.\n>\n> Come back in May.\n\n"
                     "Nobody has claimed it, the harbourmaster said.\n")
    assert found.body.split("\n")[2:8] == ["> To whoever finds this: the choir", "> cannot sing without you.", "",
                                           "> Come back in May.", "", "Nobody has claimed it, the harbourmaster said."]


def test_an_interviews_questions_in_bold_stay_bold_over_their_answers():
    """A Markdown capture's interview sets each question in bold over its answer: the questions
    stay bold paragraphs, the answers plain, as the page told them apart. (Its marks taken off
    with the rest of Markdown's emphasis, questions and answers read alike.) A bold paragraph that
    asks nothing, and a bold label run into its answer ("**Q:** ..."), lose their marks as before."""
    found = analysed("# An interview with the harbourmaster\n\nASHBY — Ewan Tulloch has run the [harbour]"
                     "(https://x.example) for thirty years.\n\n**Q: What happened next?**\n\nWe closed the pier for"
                     " a week.\n\n**Why did you close it?**\n\nThe storm broke the *rails*.\n\n**The crane**\n\n"
                     "**Q:** Will it reopen?\n\nYes, in May.\n")
    assert [line for line in found.body.split("\n") if line][1:] == [
        "**Q: What happened next?**", "We closed the pier for a week.", "**Why did you close it?**",
        "The storm broke the rails.", "The crane", "Q: Will it reopen?", "Yes, in May."]
    assert [plain_text(line) for line in found.body.split("\n") if line][1:3] == [
        "Q: What happened next?", "We closed the pier for a week."]


def test_a_markdown_captures_rules_between_sections_are_no_text():
    # (Found end to end: html2text's "* * *" became a list of one item, "* *", and "___" an "_".)
    found = analysed("# A letter left at the harbour wall\n\nASHBY — A note was found at the [harbour](https://x.example)"
                     " wall on Friday, the **harbourmaster** said.\n\n* * *\n\n"
                     "Nobody has claimed it, the harbourmaster said.\n\n___\n\nThe council meets on Monday.\n")
    assert [line for line in found.body.split("\n") if line][1:] == [
        "Nobody has claimed it, the harbourmaster said.", "The council meets on Monday."]
    assert line_matches(generic_rules().chrome, "* * *") and line_matches(generic_rules().chrome, "_____")


def test_a_newsletter_forwarded_as_a_quoted_message_loses_its_quotation_marks():
    # (Found end to end: forwarded with "> " before every line, the title was "> RIDGEWAY ...",
    # every line of the story kept its ">", and a role read "> parent".)
    quoted = "\n".join("> " + line if line.strip() else ">" for line in NEWSLETTER_EMAIL.split("\n"))
    found = analysed("Hi all, see below.\n\n" + quoted)
    assert (found.title, found.date) == ("School board delays vote on closures", "2025-10-09T06:02")
    assert found.undone == ('the e-mail\'s quotation marks (">")',)
    assert {p.name: p.role for p in found.people} == {"Alma Ferreira": "board president", "Derek Osei": "parent"}
    assert found.body.startswith("RIDGEWAY — The Ridgeway school board") and "\n>" not in found.body


def test_a_newsletter_without_a_headline_is_titled_by_its_subject():
    # (It was: a title derived from its first story's first sentence, the Subject there unread.)
    found = analysed("From: The Quay Daily <briefing@quaydaily.example>\nDate: Thu, Oct 9, 2025 at 6:02 AM\n"
                     "Subject: Fwd: Ferry fares, a new bakery and the harbour regatta\nTo: archivist@example.org\n\n"
                     "Good morning. Here is what is happening on the Quay today, in three short stories for you.\n\n"
                     "Island ferry fares will rise by 12 per cent from January, the operator said on Wednesday.\n")
    # (not the capture's headline: marked as a title the archive gave, as one derived from the lede is)
    assert (found.title, found.title_derived) == ("Ferry fares, a new bakery and the harbour regatta", True)
    for generic in ("Your daily briefing", "Newsletter #45", "The Quay Daily: Thursday, October 9",
                    "Fwd: thought you'd want this for the archive"):
        other = analysed(f"From: The Quay Daily <briefing@quaydaily.example>\nDate: Thu, Oct 9, 2025 at 6:02 AM\n"
                         f"Subject: {generic}\nTo: archivist@example.org\n\nGood morning. Here is what is happening"
                         f" on the Quay today, in three short stories for you.\n")
        assert other.title == "Good morning", generic
