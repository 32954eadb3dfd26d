"""Raw bytes -> lines -> the role of each line: headline, body, comments, site chrome or blank.

Every input line gets exactly one role, so the body, the comments and the dropped chrome
together account for every line of the capture (blank lines only separate paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..fileio import encoding_by_bom
from .metadata import (READING_TIME, RELATIVE_STAMP, STAFF_CREDIT, WRITER_JOB_AT, byline_names, dates, find_dateline,
                       is_lifespan_under_name, without_live_badge, without_strong_opening, writers_above)
from .comments import dated_buttons, header_shape
from .markdown import SECTION_BREAK, table_lines
from .rules import HANDLE, LIST_BULLET, Rules, is_chrome, line_matches
from .textutil import FORM_FIELD, ROW_SEPARATOR, next_text

BOM = "\ufeff"
BLANK, TITLE, BODY, CHROME, HEADING, COMMENT = (
    "blank", "title", "body", "chrome", "comments-heading", "comment")

NUMBERED = re.compile(r"\s*\d{1,4}[.)]\s+\S")
MAX_HEADLINE_WORDS = 25
MAX_HEADLINE_CHARS = 200
# A summary box's label, which heads its list without a colon too ("Key points" over "• ...")
SUMMARY_LABEL = re.compile(r"summary|key (?:points|takeaways|facts)|at a glance|in brief", re.IGNORECASE)
LABELLED = re.compile(r"[A-Z]{3,}(?: [A-Z]{2,})?:")  # "FINAL:", "BREAKING NEWS:"
# A full stop that ends a name or an abbreviation, not a sentence: "Raymond P. Callahan Jr."
ABBREVIATION_END = re.compile(r"(?:\b(?:Jr|Sr|Inc|Ltd|Co|Corp|St|Dr|Mr|Mrs|Ms)\.|\b(?:[A-Z]\.)+)$")
BULLETS = "•·▪▸►‣◦*-–"
# (or the count after the word, in brackets: "Comments (3)", "Reply (3)", a hyperlocal site's link)
_COUNT_LINK = re.compile(r"\d+ (?:comments?|responses?|replies)|(?:comments?|responses?|repl(?:y|ies)) ?\(\d+\)",
                         re.IGNORECASE)
# "· 14 replies" in a forum thread's header
REPLY_COUNT = re.compile(r"\b(\d[\d,]*) (?:replies|posts)\b", re.IGNORECASE)
# Cells of a line set apart by a wide gap: a printed page's masthead ("THE WESTBROOK HERALD
# <spaces> Tuesday, March 4, 2025"), a table's row. No headline has one.
LAYOUT_GAP = re.compile(r"\S(?: {4,}|\t)\S")
MENU_WORDS = 4          # a menu item or section name has at most this many words
HEADER_WORDS = 12       # a line this short before the lede is header (byline, date), not story
MAX_LINKS = 12          # a list of related links or tags has at most this many items
TEASER_WORDS = 5        # another story's headline in a list has at least this many words
_SEPARATORS = {"/", "|", ">", "»", "›", "•", "·"}  # between the parts of a trail ("Home / News")
MIN_LINK_BLOCK = 4      # a footer's block of links has at least this many lines
AD_LABEL = re.compile(r"(?:advertisement|advertising|sponsored(?: content)?|promoted|paid content|ad)", re.IGNORECASE)
MAX_AD_WORDS = 15       # a text ad under its label has at most this many words
OFFER = re.compile(r"[$£€]\s?\d|\b\d{3}[-. ]\d{3,4}\b|\bwww\.|\b[\w-]+\.(?:com|net|org|co\.uk|ca|com\.au)\b"
                   r"|\d+% off\b|\d+(?:\.\d+)?% APR\b", re.IGNORECASE)
MAX_SIGNUP_BOX = 8      # a newsletter's sign-up box has at most this many lines
MAX_PITCH_WORDS = 25    # and what it says of the newsletter at most this many words a line
# A scorer and the minute of the goal ("Okwuosa 34'", "Faraday 90+2'"), and a match's attendance
GOAL_MINUTE = re.compile(r"\b[A-Z][\w'’.-]+[ \u00a0]\d{1,3}(?:\+\d{1,2})?['’′]")
ATTENDANCE = re.compile(r"att(?:endance)?[.:]?[ \u00a0]+\d[\d,.]*\b", re.IGNORECASE)
# A video player's label over the video's title, and its line naming the next video
PLAYER_LABEL = re.compile(r"now playing:?", re.IGNORECASE)
UP_NEXT = re.compile(r"up next:? .{1,100}", re.IGNORECASE)
# What only a player shows: its clock ("00:00 / 02:14") or a button's word alone on a line
PLAYER_CONTROL = re.compile(r"\d{1,2}:\d{2}(?::\d{2})? ?/ ?\d{1,2}:\d{2}(?::\d{2})?|(?:un)?mute|play|pause|replay|"
                            r"full ?screen|captions|cc|settings", re.IGNORECASE)
MAX_PLAYER_LINES = 6
COOKIE = re.compile(r"cookie", re.IGNORECASE)  # (a consent banner's notice names them in every language)
BUTTON_GAP = re.compile(r"[ \t\u00a0]{2,}|[ \u00a0]+[|·•][ \u00a0]+")  # between a row's buttons
MAX_CONSENT_BUTTONS = 5
# A word of a consent button that says yes or no, in the languages the rules know: a row of
# buttons has one ("Tout accepter", "Refuser"), a headline with a section's name beside it not.
# Whole words, as buttons word them: a headline's "Tax refused" or "Offer accepted" says neither.
CONSENT_WORD = re.compile(r"\b(?:accept(?:er|e)?|akzeptier(?:en|e)|acept(?:ar|o|a)|accett(?:a|o|are)|aceit(?:ar|o|e|a)|"
                          r"reject|refus(?:er|e)|ablehnen|rechaz(?:ar|o|a)|rifiut(?:a|o|are)|rejeit(?:ar|o|e|a)|"
                          r"(?:i )?agree|d['’]accord|einverstanden|continu(?:e|er|ar|a|are)|allow|autoris(?:er|e)|"
                          r"erlauben|consent|zustimmen|sounds good|got it|ok|okay|yes|no thanks|oui|non merci|ja|"
                          r"nein danke|sí|sim|não)\b", re.IGNORECASE)
# A press release's contact block: its heading, and what shows a line of it is a contact's
CONTACT_HEADING = re.compile(r"(?:media|press|news media|for media|for press)[ \u00a0]+(?:contacts?|inquiries|enquiries)"
                             r"[ \u00a0]*:?", re.IGNORECASE)
# A company's name that ends with its legal form, whose full stop ends no sentence ("Quillon Biotech Inc.").
COMPANY_SUFFIX = re.compile(r"\b(?:Inc|Ltd|Corp|Co|LLC|Plc|plc|Pty|GmbH|AG|S\.A|N\.V|B\.V|S\.L|S\.p\.A)\.$")
CONTACT_DETAIL = re.compile(r"@|\b\d{3}[-.\u00a0 ]\d{4}\b")
MAX_CONTACT_WORDS = 8
MAX_CONTACT_LINES = 6
PITCH = re.compile(r"\b(?:newsletter|inbox)\b", re.IGNORECASE)
TO_THE_READER = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
SIGN_UP = re.compile(r"\b(?:subscribe|sign[ -]?up|newsletter|e-?mail address|inbox)\b", re.IGNORECASE)
FOLLOW = re.compile(r"follow(?: us)?(?: on)?(?: [\w.&’'-]+){0,4}", re.IGNORECASE)
# A blogging platform's line naming the publication a post is in ("Published in Civic
# Tinkerers": a name, no sentence), and its writer's counts ("48 Followers · Writer for ...").
PUBLISHED_IN = re.compile(r"published in (?-i:(?:The )?[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){0,4})", re.IGNORECASE)
FOLLOWERS = re.compile(r"\d[\d,.]*k? followers?\b", re.IGNORECASE)
SOCIAL_NETWORK = re.compile(r"facebook|x|twitter|instagram|tiktok|youtube|linkedin|whatsapp|threads|bluesky|mastodon"
                            r"|pinterest|snapchat|telegram", re.IGNORECASE)
# A site's menu run together on one line ends with its call to subscribe, donate or sign in:
# "News Weather Sports Obituaries e-Edition Subscribe" (every word capitalised, no sentence).
# (or in the paper's language: "... Opinião Assinar Entrar", "... E-Paper Abo", "... Iniciar sesión";
# or a podcast's "Episodes About Newsletter Support the show")
MENU_ROW_END = re.compile(r"(?:subscribe|donate|sign in|log in|sign up|assinar|assine|entrar|suscríbete|iniciar sesión"
                          r"|abo|anmelden|abonnieren|abonnez-vous|se connecter|abbonati|accedi"
                          r"|(?-i:[Ss]upport the (?:show|podcast)))", re.IGNORECASE)
# ... or with a call to support the outlet after two sections' names, as public media's menus end
# ("News Programs Schedule Podcasts Events Support"; not "... Bipartisan Farm Support")
MENU_ROW_SUPPORT = re.compile(r"support(?: us)?|give", re.IGNORECASE)
# A player's button before the live stream's row ("▶ Listen Live Morning Edition Donate")
PLAY_MARK = re.compile(r"^\s*[▶►]\ufe0f?\s*")
# (a masthead's small words may sit in it: "La Voz de Ribalta", "Kurier am Sonntag")
MENU_ROW_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*|e-\w+|&|de|del|da|do|di|du|der|des|am")  # ("Últimas")
# ... or ending in three or more sections' names, every word capitalised ("Harlan Evening Post
# News Sport Business Opinion Announcements Puzzles": the masthead run together with the menu; a
# headline hardly ends so: "Business Leaders Push Sports News Deal")
SECTION_NAMES = frozenset("""news sport sports business opinion obituaries obits weather politics entertainment
    lifestyle announcements puzzles world local health education arts culture travel food video videos podcasts
    classifieds events jobs homes motors schools features environment science technology tech""".split())
MIN_SECTION_NAMES = 3
COUNT_LOOKAHEAD = 4     # lines below a heading without a count searched for one with a count
MIN_UNHEADED_COMMENTS = 2  # comments with no heading over them are read when there are this many


class DecodeError(ValueError):
    """The input's bytes are not text in the expected encoding; the message says where."""


@dataclass(frozen=True, slots=True)
class Segments:
    lines: tuple[str, ...]          # without line endings; line n is lines[n - 1]
    roles: tuple[str, ...]          # one role per line
    reported_count: int | None      # from the comments heading, when it gives one

    def numbers(self, *roles: str) -> tuple[int, ...]:
        """1-based numbers of the lines having one of these roles."""
        return tuple(n for n, role in enumerate(self.roles, 1) if role in roles)


def decode(raw: bytes, encoding: str = "utf-8") -> str:
    """The text of a capture; a byte-order mark is dropped. Raises DecodeError with a location.
    A UTF-16 or UTF-32 capture is read as its byte-order mark says, unless another encoding
    than UTF-8 is asked for."""
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        encoding = encoding_by_bom(raw) or encoding
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise DecodeError(
            f"not {encoding.upper()} (byte 0x{raw[error.start]:02x} at line {line}, column"
            f" {column}); re-save it as UTF-8, or name its encoding with --encoding"
            " (for example --encoding cp1252)") from None
    except LookupError:
        raise DecodeError(f"unknown encoding '{encoding}'") from None
    return text.removeprefix(BOM)


def split_lines(text: str) -> tuple[str, ...]:
    """Lines as an editor counts them: \\r\\n, \\r and \\n all end a line."""
    if not text:
        return ()
    lines = re.split(r"\r\n|\r|\n", text)
    if lines[-1] == "":
        lines.pop()
    return tuple(lines)


def segment(lines: tuple[str, ...], rules: Rules, find_title: bool = True, toolbar_end: int = 0,
            title_at: int | None = None) -> Segments:
    """The role of each line; find_title=False when the headline is known from elsewhere, and
    ``title_at`` is where it stood when it was taken out of the lines (a Markdown capture's "# "
    heading, above ``lines[title_at]``). ``lines[:toolbar_end]`` are a web archive's toolbar
    (see webarchive.py): chrome."""
    # (a byline is never chrome, even when it looks like a row of links: "Story by X | Photos by Y")
    # (a section break is no story text: "* * *", as a list's item "* *", is no chrome rule's)
    chrome = [bool(line.strip()) and (n < toolbar_end or (is_chrome(rules, LIST_BULLET.sub("", line))
                                                           or _row_of_chrome(line, rules)
                                                           or SECTION_BREAK.fullmatch(line) is not None)
                                      and not is_byline(line, rules)
                                      and not _byline_over_date(lines, n, rules) or is_menu_row(line))
              for n, line in enumerate(lines)]
    for n in table_lines(list(enumerate(lines))):
        chrome[n] = False  # (a table's rule, "|---|---|", is a row of separators)
    _keep_removed_authors(lines, chrome, rules)
    for n in repeated_copy(lines):
        chrome[n] = True
    _mark_publication_lines(lines, chrome, rules)
    _mark_link_lists(lines, chrome, rules)
    _mark_contact_blocks(lines, chrome, rules)
    _mark_ads(lines, chrome, rules)
    _mark_follow_prompts(lines, chrome)
    _mark_consent_buttons(lines, chrome)
    _mark_video_players(lines, chrome)
    heading, count = _comments_heading(lines, chrome, rules)
    if heading is None:
        heading, count = _forum_replies(lines, chrome, rules)
    end = len(lines) if heading is None else heading
    if heading is None:  # comments with no heading over them (trafilatura's text ends so)
        end = _unheaded_comments(lines, chrome, rules) or end
    if heading is not None:
        _keep_reply_counts(lines, chrome, heading, rules)
        _mark_footer(lines, chrome, heading, rules)
    _mark_live_badges(lines, chrome, rules, end)
    content = [n for n in range(end) if lines[n].strip() and not chrome[n]]
    # (a live blog's badge glued to its headline, "LIVE: Storm Dara ...", is no label over a score)
    headlines = tuple(map(without_live_badge, lines))
    title = _headline(headlines, content, chrome, rules) if find_title and len(content) > 1 else None
    title_end = _headline_end(headlines, chrome, title, rules) if title is not None else None
    # Above the headline there is only the page's furniture (section names, menus, teasers),
    # but for the byline and date, which some layouts put right above it; a date above the
    # menus is the masthead's (today's date), not the article's. (A headline taken out of the
    # lines counts only where no paragraph of the story stands above it.)
    if title_at is not None and any(is_lede(lines[n], rules) for n in content if n < title_at):
        title_at = None
    top = title if title is not None else title_at
    above = [n for n in content if top is not None and n < top]
    for n in reversed(above):
        if EDITORS_NOTE.match(lines[n].strip()):
            continue  # the story's own text, wherever the page puts it
        if not _is_header(lines[n], rules) or any(chrome[m] for m in range(n + 1, top)):
            chrome[n] = True
    below_title = 0 if top is None else top + 1 if title is not None else top
    _mark_blocks(lines, chrome, below_title, end, rules)
    _mark_spaced_signup_boxes(lines, chrome, below_title, end, rules)
    _mark_mastheads_again(lines, chrome, above, below_title, end)
    _keep_list_labels(lines, chrome, below_title, end, rules)
    roles = []
    for n, line in enumerate(lines):
        if n == heading:  # (a forum thread's replies start at a blank line: see _forum_replies)
            roles.append(HEADING)
        elif not line.strip():
            roles.append(BLANK)
        elif chrome[n]:
            roles.append(CHROME)
        elif title is not None and title <= n <= title_end:
            roles.append(TITLE)
        else:
            roles.append(BODY if n < end else COMMENT)
    return Segments(lines, tuple(roles), count)


# A capture copied twice by mistake (the page selected and pasted again under the first copy):
# the second copy repeats this many lines of text at least, from one of the first few lines of
# the capture, and most of the text before it.
MIN_REPEATED_LINES = 5
REPEAT_SHARE = 0.8
REPEAT_FROM = 10


def repeated_copy(lines: tuple[str, ...]) -> list[int]:
    """The indexes of the lines of a second copy of the capture's text pasted under the first
    (blank lines between them too): a run of lines, from one of the capture's first lines of
    text, that repeats, line for line, four fifths of the text above it and five lines at the
    least. A paragraph said twice (a pull quote, a refrain) is no copy. None when there is none."""
    texts = [(n, line.strip()) for n, line in enumerate(lines) if line.strip()]
    for i in range(min(REPEAT_FROM, len(texts))):
        for j in range(i + 1, len(texts)):
            if texts[j][1] != texts[i][1]:
                continue
            run = 0
            while j + run < len(texts) and i + run < j and texts[j + run][1] == texts[i + run][1]:
                run += 1
            if run >= MIN_REPEATED_LINES and run >= REPEAT_SHARE * (j - i):
                first, last = texts[j][0], texts[j + run - 1][0]
                return list(range(first, last + 1))
    return []


def _headline(lines: tuple[str, ...], content: list[int], chrome: list[bool], rules: Rules) -> int | None:
    """The headline's line, found from the first paragraph of the story (the lede) upwards.

    Layouts put the headline right above the byline and date lines, or right above the lede,
    with a subheadline or summary lines under it and the site's menus above it. So: the run of
    headline-shaped lines right above a byline or date line (the one nearest the lede first:
    a masthead may show today's date and a motto over the menus), else above the lede, up to a
    line of chrome, and in it the first line longer than a menu item (after the section's name,
    a menu item again over the headline, when there is one: a breaking-news banner may stand
    above it); else, below the menus, the first headline-shaped line longer than a menu item
    before the lede (a blog's "Follow", "7 min read" and counts, an obituary's dates and
    funeral home between headline and story); else the last line of a run."""
    lede = next((i for i, n in enumerate(content) if is_lede(lines[n], rules)), len(content))
    # (an obituary's headline is the name over the dates of the life, shorter than a menu item)
    named = next((content[i - 1] for i in range(1, lede)
                  if is_lifespan_under_name(lines[content[i - 1]], lines[content[i]], rules)), None)
    if named is not None:
        return named
    headers = [i for i in range(lede) if _is_header(lines[content[i]], rules)]
    # (a stamp relative to the day of the copy, "Updated 2 minutes ago", is chrome, but stands
    # under the headline as a date line does: a live blog's first entry's heading, nearer the
    # lede, is not the headline)
    stamps = [i for i, n in enumerate(content[:lede]) if i and any(
        chrome[m] and RELATIVE_STAMP.fullmatch(lines[m].strip()) for m in range(content[i - 1] + 1, n))]
    headers = sorted(set(headers) | set(stamps))
    runs = [_run_above(lines, content[:i], chrome, rules) for i in reversed(headers)]
    runs.append(_run_above(lines, content[:lede], chrome, rules))
    first_seen: dict[str, int] = {}
    for n, line in enumerate(lines[:content[lede] if lede < len(content) else len(lines)]):
        first_seen.setdefault(line.strip(), n)
    for run in runs:
        longer = [n for n in run if len(lines[n].split()) > MENU_WORDS]
        section = [n for n in run if len(lines[n].split()) <= MENU_WORDS
                   and first_seen[lines[n].strip()] < n]  # ("Local News", as in the menus)
        after_section = [n for n in longer if section and n > section[-1]]
        if longer:
            return (after_section or longer)[0]
    menus_end = _end_of_menus(lines, content[lede] if lede < len(content) else len(lines), rules)
    first_longer = next((n for n in content[:lede] if n > menus_end and is_headline(lines[n], rules)
                         and not _is_label(lines[n]) and not _is_header(lines[n], rules) and not LIST_BULLET.match(lines[n])
                         and len(lines[n].split()) > MENU_WORDS), None)
    run = next((run for run in runs if run), [])
    return first_longer if first_longer is not None or not run else run[-1]


def _headline_end(lines: tuple[str, ...], chrome: list[bool], title: int, rules: Rules) -> int:
    """The headline's last line: the line right under it too when it goes on with it, in lower
    case and shaped like the rest of a headline ("after two-year wait"), as a printed page's
    text wraps a long headline; a subheadline or a byline under it starts with a capital or
    "by"."""
    below = title + 1
    if below >= len(lines) or chrome[below] or not lines[below].strip() or lines[title].rstrip()[-1:] in ".:;,!?":
        return title
    text = lines[below].strip()
    joined = lines[title].strip() + " " + text
    if (text[0].islower() and text.split()[0] != "by" and text[-1] not in ".:;,!?" and not _is_header(text, rules)
            and len(joined.split()) <= MAX_HEADLINE_WORDS and len(joined) <= MAX_HEADLINE_CHARS):
        return below
    return title


def _end_of_menus(lines: tuple[str, ...], before: int, rules: Rules) -> int:
    """The last line of the longest run of short lines (menu items, blank lines ignored) before
    ``before``: the site's menus, below which a masthead's motto no longer is. A byline or a
    date is no menu item, nor is a label over a list ("Key points:", "Key points"): short as they
    are, they stand under the headline."""
    best_end, best_length, length = -1, 0, 0
    for n in range(before):
        words = len(lines[n].split())
        if not words:
            continue
        menu_item = words <= MENU_WORDS and not _labels_what_follows(lines, n) and not _is_header(lines[n], rules)
        length = length + 1 if menu_item else 0
        if length > best_length:
            best_end, best_length = n, length
    return best_end


def _run_above(lines: tuple[str, ...], before: list[int], chrome: list[bool], rules: Rules) -> list[int]:
    """The headline-shaped lines at the end of ``before`` (content line indexes), in order,
    with no chrome between them."""
    run: list[int] = []
    for n in reversed(before):
        if run and any(chrome[m] for m in range(n + 1, run[0])):
            break
        if not run and _is_label(lines[n]) and n != before[0]:
            continue  # a label under the headline, right above the byline ("MR-2025-117", "UPDATED")
        if _wrapped_headline_end(lines, n, rules):
            continue  # (its start, the line right above, is read next: see _headline_end)
        if (not is_headline(lines[n], rules) or _is_label(lines[n]) or _is_header(lines[n], rules)
                or _is_match_detail(lines[n]) or LIST_BULLET.match(lines[n])):
            break  # (a list's item is no headline: "Key points:" over "* The council voted 6-3")
        run.insert(0, n)
    return run


def _wrapped_headline_end(lines: tuple[str, ...], n: int, rules: Rules) -> bool:
    """Line ``n`` is the last word or two of a headline a text browser wrapped (and centred) over
    two lines: in lower case, right under a line that makes a headline with it ("... fire
    station and" / "library")."""
    text = lines[n].strip()
    above = lines[n - 1].strip() if n > 0 else ""
    return (bool(above) and text[:1].islower() and len(text.split()) <= 2 and text[-1] not in ".:;,!?"
            and is_headline(f"{above} {text}", rules) and not is_headline(text, rules))


def _is_header(line: str, rules: Rules) -> bool:
    """A byline, the writer's job under it, or a line saying when the article was published or
    how long it reads."""
    return (is_byline(line, rules) or bool(rules.published_line.search(line)) or dates(line, rules)
            or WRITER_JOB_AT.fullmatch(line.strip()) is not None or READING_TIME.fullmatch(line.strip()) is not None
            or STAFF_CREDIT.fullmatch(line.strip()) is not None)


def _is_match_detail(line: str) -> bool:
    """A line of a match's score box: the scorers with their minutes ("Okwuosa 34', Brandvold
    89' | Faraday 61'": two or more) or the attendance ("Att: 11,482 · Ridgefield Stadium")."""
    return len(GOAL_MINUTE.findall(line)) >= 2 or ATTENDANCE.match(line.strip()) is not None


def _keep_removed_authors(lines: tuple[str, ...], chrome: list[bool], rules: Rules) -> None:
    """A removed comment's placeholder ("[deleted]") is chrome alone, where the comment was, but
    right over a line (a date, the comment's text) it is a removed account's name over its
    comment, which stays (the author unnamed: anonymous_authors)."""
    for n, line in enumerate(lines[:-1]):
        if chrome[n] and line.strip().lower() in rules.anonymous_authors and lines[n + 1].strip():
            chrome[n] = False


def _keep_list_labels(lines: tuple[str, ...], chrome: list[bool], start: int, end: int, rules: Rules) -> None:
    """A summary box's label over the story's own list ("Key points:" over "• The plan costs
    £4m."), under the headline, is the story's, as the list is: the chrome rules know the label
    for when it stands alone (a box whose points the capture lost), but dropped over its list it
    left the points without their heading. A list that is furniture is chrome itself, and its
    label stays so."""
    for n in range(start, end):
        if not chrome[n] or not _is_list_label(lines, n, rules):
            continue
        item = next((m for m in range(n + 1, end) if lines[m].strip()), None)
        if item is not None and not chrome[item] and (LIST_BULLET.match(lines[item]) or NUMBERED.match(lines[item])):
            chrome[n] = False


def _is_list_label(lines: tuple[str, ...], n: int, rules: Rules) -> bool:
    """A short label the chrome rules know, pointing to what follows ("Key points:"): not a
    heading over a list of links ("Related:"), nor a rule ("---") or an ad's label
    ("Advertisement") that happens to stand over the story's list."""
    text = lines[n].strip()
    return (len(text.split()) <= MENU_WORDS and _labels_what_follows(lines, n) and any(c.isalpha() for c in text)
            and is_chrome(rules, text) and line_matches(rules.link_list_headings, text) is None)


def _labels_what_follows(lines: tuple[str, ...], n: int) -> bool:
    """Line ``n`` ends with a colon ("Key points:"), or is a summary box's label right over its
    list's first item ("Key points" / "• The plan costs £4m."): without the colon, only a
    summary's words say the line heads what is under it ("Trending", "Share" head no story's list)."""
    text = lines[n].strip()
    if text.endswith(":"):
        return True
    below = lines[n + 1] if n + 1 < len(lines) else ""
    return SUMMARY_LABEL.fullmatch(text) is not None and bool(LIST_BULLET.match(below) or NUMBERED.match(below))


def _is_label(line: str) -> bool:
    """A section label or masthead in capitals ("BREAKING", "FIELD NOTES / PEOPLE"), or a line
    under such a label ("FINAL: Harbor City Gulls 3, Ridgeway Ironmen 2")."""
    text = line.strip()
    return text.upper() == text and len(text.split()) <= MENU_WORDS + 1 or LABELLED.match(text) is not None


# A note the newsroom adds to a story: "Editor's note: This story has been updated ...",
# "Update (Oct. 8):", "Correction:", "Clarification:".
EDITORS_NOTE = re.compile(r"(?i:editor['’]?s['’]?[ \u00a0]+note|update|correction|clarification)\b[^:\n]{0,30}:[ \u00a0]+\S")


def is_lede(line: str, rules: Rules) -> bool:
    """The story's first paragraph: it opens with a dateline, or it is longer than a header
    line and not shaped like a headline (which may be long too, but ends without a full stop)."""
    text = line.strip()
    if find_dateline(text, rules) is not None:
        return True
    text = without_strong_opening(text)  # ("**Berlin.** Der ...": its "*" is no bullet)
    if text[:1] in BULLETS:
        return False  # a summary box's point ("• Three grocery chains say ...")
    if EDITORS_NOTE.match(text):
        return False  # a note on the story, which some pages put above its headline
    words = len(text.split())
    return words > MAX_HEADLINE_WORDS or words > HEADER_WORDS and text.rstrip("\"”’')")[-1:] in ".!?;:,"


def is_headline(line: str, rules: Rules) -> bool:
    """A short line without sentence punctuation at the end, which is not a dateline or byline."""
    text = line.strip()
    words = text.split()
    if not 2 <= len(words) <= MAX_HEADLINE_WORDS or len(text) > MAX_HEADLINE_CHARS or LAYOUT_GAP.search(text):
        return False
    if text[-1] in ",;:" or text[-1] == "." and not ABBREVIATION_END.search(text) or find_dateline(text, rules):
        return False
    return words[0].lower() != "by" and not is_byline(text, rules) and not is_trail(text)


def _row_of_chrome(line: str, rules: Rules) -> bool:
    """A row of the page's furniture between dots or bars, every part of it a piece the chrome
    rules know, of two words or more ("Listen to this article 5 min · Share on LinkedIn · Save
    article · Order reprints")."""
    parts = ROW_SEPARATOR.split(line.strip())
    return len(parts) >= 2 and all(len(part.split()) >= 2 and is_chrome(rules, part) for part in parts)


def is_menu_row(line: str) -> bool:
    """A site's menu on one line, as a text tool runs its items together: more words than a
    menu item, every one capitalised, the last ones a call to subscribe, donate or sign in
    ("News Programs Schedule Podcasts Donate"). (A headline in title case has its small words
    in lower case, "to", "of", "in", and hardly ends with "Subscribe".)"""
    words = PLAY_MARK.sub("", line).split()
    # (the call itself may be in sentence case: "... Fact Check Donate Sign in")
    return len(words) > MENU_WORDS and (any(
        MENU_ROW_END.fullmatch(" ".join(words[-size:])) and all(MENU_ROW_WORD.fullmatch(word) for word in words[:-size])
        or MENU_ROW_SUPPORT.fullmatch(" ".join(words[-size:])) and all(MENU_ROW_WORD.fullmatch(word) for word in words)
        and all(word.lower() in SECTION_NAMES for word in words[-size - 2:-size])
        for size in (1, 2, 3)) or all(MENU_ROW_WORD.fullmatch(word) for word in words)
        and all(word.lower() in SECTION_NAMES for word in words[-MIN_SECTION_NAMES:]))


def is_trail(text: str) -> bool:
    """A breadcrumb trail: a short first crumb, then the same separator between two or more
    crumbs ("Home / Local News / Eastmere", "Home › News › <the headline>"). (A headline may hold
    one "|" or "/" between its parts; hardly ever the same one twice after a word or two.)"""
    words = text.split()
    for separator in _SEPARATORS:
        if words.count(separator) >= 2 and 1 <= words.index(separator) <= MENU_WORDS // 2:
            return True
    return False


def is_byline(line: str, rules: Rules) -> bool:
    return bool(byline_names(line, rules))


def _byline_over_date(lines: tuple[str, ...], n: int, rules: Rules) -> bool:
    """A line of names over the date, though shaped like a row of links: "Danielle
    Tremblay-Okoro · LBN News" over "Posted: Feb 27, 2024"."""
    below = next_text(lines, n + 1)
    return below is not None and bool(writers_above(lines[n], lines[below], rules))


def _mark_link_lists(lines: tuple[str, ...], chrome: list[bool], rules: Rules) -> None:
    """A heading over a list of links, and the list: the lines right under it shaped like
    headlines or tags (no full stop at the end; a question may be a headline), up to a
    comments heading or a byline, or, under two or more short items, a line more than twice
    as long as a menu item (the story's headline under a list of trending topics, with no
    blank line between them). A section's name after "More" ("More Sports") with a paragraph of
    the story right under it or under its lines is the story's crosshead, and its lines the
    story's."""
    for n, line in enumerate(lines):
        heading = line_matches(rules.link_list_headings, line) if line.strip() else None
        if heading is None:
            continue
        marked = [] if chrome[n] else [n]
        chrome[n] = True
        longest = items = bulleted = 0
        first = next((m for m in range(n + 1, len(lines)) if lines[m].strip()), len(lines))
        below = first
        # (one blank line may stand between "Read more" and its link, not more)
        while first <= n + 2 and below < len(lines) and items < MAX_LINKS:
            text = lines[below].strip()
            if not text and items and below + 1 < len(lines) and (
                    chrome[below + 1] or _is_teaser(lines[below + 1], rules) and _is_teaser(lines[below - 1], rules)
                    and not (bulleted == items and not LIST_BULLET.match(lines[below + 1]))):
                # Headlines a blank line apart ("Most Read", its numbers and headlines). Not
                # after a list of topics: under "Trending:" and a blank is the story's headline;
                # nor a line without a bullet after a blank under bulleted items: the list is
                # over, and that line is the story's crosshead ("Library would share the site").
                below += 1
                continue
            words = _words(text)
            if (not text or words > MAX_HEADLINE_WORDS or text[-1] in ".!:"
                    or items >= 2 and longest <= MENU_WORDS < words // 2
                    or line_matches(rules.comments_heading, text) or is_byline(text, rules)):
                break
            marked += [] if chrome[below] else [below]
            chrome[below] = True
            bulleted += LIST_BULLET.match(lines[below]) is not None
            longest, items, below = max(longest, words), items + 1, below + 1
        after = next_text(lines, below)
        if heading.groupdict().get("section") and after is not None and not chrome[after] and is_lede(lines[after], rules):
            for m in marked:
                chrome[m] = False


def _mark_contact_blocks(lines: tuple[str, ...], chrome: list[bool], rules: Rules) -> None:
    """A press release's "Media contact" block under the story: the heading and the short lines
    under it (the name, the job, the office, the telephone and e-mail), a blank line between
    them or not, up to a sentence or two blank lines. (Above the story, the block's lines could
    not be told from the headline's.)"""
    lede = _first_lede(lines, chrome, rules, len(lines))
    for n in range(lede + 1, len(lines)):
        if not CONTACT_HEADING.fullmatch(lines[n].strip()):
            continue
        chrome[n] = True
        below, blanks, taken = n + 1, 0, 0
        while below < len(lines) and blanks < 2 and taken < MAX_CONTACT_LINES:
            text = lines[below].strip()
            blanks = 0 if text else blanks + 1
            if text and (_words(text) > MAX_CONTACT_WORDS or text[-1] in ".!?" and not CONTACT_DETAIL.search(text)
                         and not COMPANY_SUFFIX.search(text)):
                break
            chrome[below] = chrome[below] or bool(text)
            taken += bool(text)
            below += 1


def _mark_ads(lines: tuple[str, ...], chrome: list[bool], rules: Rules) -> None:
    """The line right under an "Advertisement" label, with no blank between, is the ad's
    ("Northern Shield Credit Union: RRSP deadline is February 29", as a text browser shows a
    text ad), unless it ends like a sentence or reads like the story's paragraph: a page copied
    with no blank lines has its labels between the story's paragraphs. One blank line below the
    label, where a crosshead of the story may stand too, only a line making an offer is the
    ad's (a price, a phone number, a web address: "Spring tune-up special: $49.99")."""
    for n in range(len(lines) - 1):
        if not AD_LABEL.fullmatch(lines[n].strip(" —–-·|*")):  # ("— Advertisement —")
            continue
        ad = n + 1 if lines[n + 1].strip() else n + 2
        below = lines[ad].strip() if ad < len(lines) else ""
        if below and not chrome[ad] and _words(below) <= MAX_AD_WORDS and below[-1] not in ".!?\"”’" \
                and not is_lede(below, rules) and (ad == n + 1 or OFFER.search(below)):
            chrome[ad] = True


def _mark_publication_lines(lines: tuple[str, ...], chrome: list[bool], rules: Rules) -> None:
    """ "Published in Civic Tinkerers" above the story's first paragraph, or over the writer's
    counts under it ("48 Followers · ..."), is the blogging platform's; after the first paragraph
    and elsewhere it is the story's crosshead ("Published in Nature")."""
    lede = _first_lede(lines, chrome, rules, len(lines))
    for n, line in enumerate(lines):
        if PUBLISHED_IN.fullmatch(LIST_BULLET.sub("", line).strip()):
            below = next_text(lines, n + 1)
            chrome[n] = chrome[n] or n < lede or below is not None and FOLLOWERS.match(lines[below].strip()) is not None


def _mark_follow_prompts(lines: tuple[str, ...], chrome: list[bool]) -> None:
    """ "Follow Nettlecombe Herald" right over the social networks' names (its links: "Facebook",
    "X") is the page's, not a line of the story."""
    for n, line in enumerate(lines):
        below = next_text(lines, n + 1) if FOLLOW.fullmatch(line.strip()) else None
        if below is not None and SOCIAL_NETWORK.fullmatch(LIST_BULLET.sub("", lines[below]).strip()):
            chrome[n] = True


def _mark_consent_buttons(lines: tuple[str, ...], chrome: list[bool]) -> None:
    """A cookie banner's buttons right under its notice (no blank line between), set apart by
    wide gaps or bars as a text tool writes a row of buttons ("Tout accepter   Continuer sans
    accepter   Personnaliser"), are the banner's though the rules do not know every button's
    words: each part is a word or three, none ends a sentence, and one says yes or no (a
    headline under the notice is one part, no row; one with its section beside it, "Budget
    reporté   Politique", says neither)."""
    for n in range(1, len(lines)):
        above, text = lines[n - 1].strip(), lines[n].strip()
        if chrome[n] or not text or not chrome[n - 1] or not COOKIE.search(above):
            continue
        parts = [part for part in BUTTON_GAP.split(text) if part]
        if (2 <= len(parts) <= MAX_CONSENT_BUTTONS and sum(len(part.split()) for part in parts) <= 2 * MAX_CONSENT_BUTTONS
                and all(len(part.split()) <= 3 and part[-1] not in ".,;:!?" for part in parts)
                and any(CONSENT_WORD.search(part) for part in parts)):
            chrome[n] = True


def _mark_live_badges(lines: tuple[str, ...], chrome: list[bool], rules: Rules, end: int) -> None:
    """A live blog's badge in ordinary case alone on a line ("Live"), above the story's first
    paragraph, under or over the headline, is chrome as "LIVE" is; in the story, "Live" alone is
    a crosshead (a concert review's "Studio" and "Live"). The story's first paragraph may be too
    short to be read as its lede ("The Lanterns played two sets on Saturday night."): a line
    ending with a full stop, as a headline, a byline or a date does not, is the story's too."""
    for n in range(_first_lede(lines, chrome, rules, end)):
        text = lines[n].strip()
        if text.lower() == "live":
            chrome[n] = True
        elif text and not chrome[n] and text.rstrip("\"”’')")[-1:] == "." and not ABBREVIATION_END.search(text):
            return


def _mark_video_players(lines: tuple[str, ...], chrome: list[bool]) -> None:
    """A video player as a text tool shows it: "Now Playing", the video's title, its time and
    buttons ("00:00 / 02:14", "Unmute"), and "Up Next: <the next video's title>". Under the
    label, one line that is no sentence (the title) is the player's, with the chrome lines and
    the "Up Next" line after it; a second such line is the page's again (its headline). Only
    with a player's clock, a button or "Up Next" below: an arts page's crosshead "Now playing"
    over a film's title is the story's."""
    for n, line in enumerate(lines):
        if not PLAYER_LABEL.fullmatch(line.strip()) or not any(
                PLAYER_CONTROL.fullmatch(below.strip()) or UP_NEXT.fullmatch(below.strip())
                for below in lines[n + 1:n + 1 + MAX_PLAYER_LINES * 2]):
            continue
        chrome[n] = True
        titles = 0
        for below in range(n + 1, min(n + 1 + MAX_PLAYER_LINES * 2, len(lines))):
            text = lines[below].strip()
            if not text or chrome[below]:
                continue
            if UP_NEXT.fullmatch(text):
                chrome[below] = True
                break
            if titles or _words(text) > HEADER_WORDS or text[-1] in ".!?":
                break
            chrome[below], titles = True, 1


def _words(text: str) -> int:
    return sum(any(c.isalnum() for c in word) for word in text.split())  # not "/" or "|"


def _is_teaser(line: str, rules: Rules) -> bool:
    """Another story's headline in a list of them, after a blank line: longer than a story's
    crosshead ("Funding row"), which a list in the middle of a story may stand above."""
    text = line.strip()
    return (TEASER_WORDS <= _words(text) <= MAX_HEADLINE_WORDS and text[-1] not in ".!:"
            and not set(text.split()) & _SEPARATORS  # "Home / News / Energy" is a trail, not a headline
            and not line_matches(rules.comments_heading, text) and not is_byline(text, rules))


def _mark_blocks(lines: tuple[str, ...], chrome: list[bool], first: int, end: int, rules: Rules) -> None:
    """Blocks of lines with no blank between them, from ``first`` (under the headline) to
    ``end`` (the comments, where a commenter's name stands among buttons):

    - below the story's first paragraph (above it, the writer's name and the date stand among
      the sharing buttons), mostly chrome, a footer's links: its other short lines without a
      full stop are links too ("Privacy Statement", "Complaints");
    - a sign-up box, half of it chrome, one line asking for a subscription or an e-mail, no
      byline or date in it: its pitch is chrome too ("The week's most important tech news,
      every Friday.")."""
    lede = _first_lede(lines, chrome, rules, end)
    start = first
    while start < end:
        if not lines[start].strip():
            start += 1
            continue
        stop = next((n for n in range(start, end) if not lines[n].strip()), end)
        block, marked = range(start, stop), sum(chrome[n] for n in range(start, stop))
        if start >= lede and len(block) >= MIN_LINK_BLOCK and 3 * marked >= 2 * len(block):
            for n in block:
                text = lines[n].strip()
                if _words(text) <= MENU_WORDS and text[-1] not in ".!?:\"”'’)":
                    chrome[n] = True
        if (2 <= len(block) <= MAX_SIGNUP_BOX and 2 * marked >= len(block)
                and any(chrome[n] and SIGN_UP.search(lines[n]) for n in block)
                and not any(_is_header(lines[n], rules) for n in block)):
            for n in block:
                chrome[n] = chrome[n] or _words(lines[n]) <= MAX_PITCH_WORDS
        start = stop


def _mark_mastheads_again(lines: tuple[str, ...], chrome: list[bool], above: list[int], first: int,
                          end: int) -> None:
    """A line of two or more words below the headline that is the same as a line of the page's
    furniture above it (the site's name, "Fenmoor Evening Press", again in the footer), with
    chrome right above and right below it."""
    furniture = {lines[n].strip() for n in above if chrome[n] and len(lines[n].split()) >= 2}
    for n in range(first, end):
        if chrome[n] or lines[n].strip() not in furniture:
            continue
        before = next((m for m in range(n - 1, first - 1, -1) if lines[m].strip()), None)
        after = next_text(lines, n + 1, end)
        if before is not None and after is not None and chrome[before] and chrome[after]:
            chrome[n] = True


def _mark_spaced_signup_boxes(lines: tuple[str, ...], chrome: list[bool], first: int, end: int,
                              rules: Rules) -> None:
    """A sign-up box as a text browser writes it, a blank line between its parts, ending in its
    form's field ("[          ] Sign up") or its button ("Sign up now"): the lines between the
    field and the line asking for a subscription above it are the box's pitch ("The city's top
    stories, every evening."), and a short title-like line right above that one is the
    newsletter's name ("The Advocate Daily")."""
    for field in range(first, end):
        if not (chrome[field] and (FORM_FIELD.search(lines[field])
                                   or _words(lines[field]) <= MENU_WORDS and SIGN_UP.search(lines[field]))):
            continue
        above = []  # the single-line paragraphs above the field, nearest first
        n = field - 1
        while n >= first and len(above) < MAX_SIGNUP_BOX:
            if not lines[n].strip():
                if n - 1 >= first and not lines[n - 1].strip():
                    break  # (two blank lines: the box is over)
                n -= 1
                continue
            if not chrome[n] and (_words(lines[n]) > MAX_PITCH_WORDS or _is_header(lines[n], rules)):
                break
            above.append(n)
            n -= 1
        asks = [k for k, m in enumerate(above) if chrome[m] and SIGN_UP.search(lines[m])]
        if not asks:
            _mark_named_pitch(lines, chrome, above)
            continue
        top = asks[-1]
        for m in above[:top]:
            chrome[m] = True
        if top + 1 < len(above):
            name = lines[above[top + 1]].strip()
            if _words(name) <= MENU_WORDS and name[-1] not in ".!?:,;\"”'’)":
                chrome[above[top + 1]] = True


def _mark_named_pitch(lines: tuple[str, ...], chrome: list[bool], above: list[int]) -> None:
    """A sign-up box with no line asking for the subscription: the newsletter's name over its
    pitch, which speaks to the reader of the newsletter or the inbox ("Europe, explained" / "Our
    weekly newsletter brings you ..."), right above the button. Both are the box's; a story's
    paragraph on a parish newsletter does not speak to "you"."""
    if len(above) < 2 or chrome[above[0]]:
        return
    pitch, name = lines[above[0]].strip(), lines[above[1]].strip()
    if (PITCH.search(pitch) and TO_THE_READER.search(pitch) and _words(pitch) <= MAX_PITCH_WORDS and _words(name) <= MENU_WORDS
            and name[-1] not in ".!?:;\"”'’)"):
        chrome[above[0]] = chrome[above[1]] = True


def _mark_footer(lines: tuple[str, ...], chrome: list[bool], heading: int, rules: Rules) -> None:
    """After the comments, the page's footer: from the line that closes the comment section
    ("Load more comments", "Comments are now closed.") on, once a comment has been read. A
    button with comments under it, headed as those above it are ("Show more comments" between
    "quarrylane" / "2 hours ago" and "millpond_ann" / "1 hour ago"), is only a button."""
    seen_comment = False
    for n in range(heading + 1, len(lines)):
        text = lines[n].strip()
        if seen_comment and text and line_matches(rules.comments_end, text):
            if _comments_go_on(lines, chrome, heading, n, rules):
                chrome[n] = True
                continue
            for rest in range(n, len(lines)):
                chrome[rest] = bool(lines[rest].strip())
            return
        seen_comment = seen_comment or (bool(text) and not chrome[n])


def _keep_reply_counts(lines: tuple[str, ...], chrome: list[bool], heading: int, rules: Rules) -> None:
    """A bare count under a comment ("2 replies", "1 reply"), as a widget prints it over the
    replies it shows, says the next comments answer that one (see comments.py), as "Hide 2
    replies" does, though the chrome rules drop such a count elsewhere on the page. Over the
    first comment it stays chrome, and in the footer _mark_footer makes it chrome again."""
    seen_comment = False
    for n in range(heading + 1, len(lines)):
        if chrome[n] and seen_comment and line_matches(rules.comment_replies_below, lines[n]):
            chrome[n] = False
        seen_comment = seen_comment or (bool(lines[n].strip()) and not chrome[n])


def _comments_go_on(lines, chrome, heading: int, end: int, rules: Rules) -> bool:
    """The first line under the closing line ``end`` that is not chrome opens a comment the way
    one of the comments between the heading and ``end`` is opened."""
    below = _next_lines(lines, chrome, end + 1, 1)
    shape = header_shape(lines, below[0], rules) if below else None
    return shape is not None and any(header_shape(lines, n, rules) == shape for n in range(heading + 1, end)
                                     if lines[n].strip() and not chrome[n])


def _comments_heading(lines, chrome, rules) -> tuple[int | None, int | None]:
    """The line that starts the reader comments, after the story's first paragraph, and the
    count it reports. A heading without a count ("Join the conversation") gives way to one with
    a count a few lines below ("4 Comments"); the lines between are then chrome or comments."""
    seen_story = False  # ("47 comments" by the byline links to the comments: furniture, not their heading)
    paragraphs = 0  # (a standfirst may stand above the byline: one paragraph)
    for n, line in enumerate(lines):
        if line.strip() and _COUNT_LINK.fullmatch(line.strip()) and (
                not seen_story or paragraphs == 1 and _under_date_line(lines, n, rules)):
            chrome[n] = True  # (under the byline's date, below a standfirst: "Posted Nov 3" / "Reply (3)")
            continue
        match = line_matches(rules.comments_heading, line) if seen_story else None
        if match and match.groupdict().get("count"):
            return n, int(match.group("count"))
        if match and (number := _count_under(lines, n)) is not None:
            return n, number  # "Comments" over "58"
        if match and match.groupdict().get("alone"):
            return n, None  # ("Discussion about this post", a platform's own heading)
        if match and _comment_follows(lines, chrome, n + 1, rules):
            for below in _next_lines(lines, [False] * len(lines), n + 1, COUNT_LOOKAHEAD):
                counted = line_matches(rules.comments_heading, lines[below])
                if counted and counted.groupdict().get("count"):
                    chrome[n] = True  # the heading above it is the page's, not the story's
                    return below, int(counted.group("count"))
            return n, None
        if not chrome[n] and is_lede(line, rules):
            seen_story, paragraphs = True, paragraphs + 1
    return None, None


def _under_date_line(lines, n: int, rules: Rules) -> bool:
    """Whether the line above this one, over any blank lines, is a date line ("Posted Mon, Nov 3,
    2025 at 2:14 pm CT")."""
    above = next((m for m in range(n - 1, -1, -1) if lines[m].strip()), None)
    return above is not None and dates(lines[above].strip(), rules)


def _forum_replies(lines, chrome, rules) -> tuple[int | None, int | None]:
    """A forum thread's replies, read as comments: from the line above the second post's
    author, when the page numbers its posts ("#1", "#2", each over the date it was posted), and
    the count of replies the thread gives ("Started by X, 12 February 2024 · 14 replies")."""
    posts = [n for n, line in enumerate(lines) if line.strip() and rules.forum_post_number.fullmatch(line.strip())
             and (below := next_text(lines, n + 1)) is not None and line_matches(rules.comment_date, lines[below])]
    if len(posts) < 2:
        return None, None
    author = posts[1] - 1
    while author > posts[0] and (chrome[author] or not lines[author].strip()):
        author -= 1  # up over the member's details ("Joined: 03 Jun 2011") to the name
    count = next((int(m.group(1).replace(",", "")) for line in lines[:posts[0]]
                  if (m := REPLY_COUNT.search(line))), None)
    return (author - 1, count) if author > posts[0] else (None, None)


def _first_lede(lines, chrome, rules, end: int) -> int:
    """The story's first paragraph among the lines that are not chrome, before ``end`` (else ``end``)."""
    return next((n for n in range(end) if lines[n].strip() and not chrome[n] and is_lede(lines[n], rules)), end)


def _unheaded_comments(lines, chrome, rules) -> int | None:
    """Where comments start that have no heading over them: the first of two or more lines that
    name a comment's writer and its date ("R. Castellano | November 18, 2024 at 9:41 am", or
    "Ann Pruitt |" with no date), each over its text, below the story's first paragraph. None
    without such lines."""
    lede = _first_lede(lines, chrome, rules, len(lines))
    if lede == len(lines):
        return None
    authors = [n for n in range(lede + 1, len(lines)) if lines[n].strip() and not chrome[n]
               and (_dated_author(lines, n, rules) or _handle_over_date(lines, n, rules))]
    return authors[0] if len(authors) >= MIN_UNHEADED_COMMENTS else None


def _dated_author(lines, n: int, rules: Rules) -> bool:
    """Line ``n`` names a comment's writer and its date, or ends with the bar the date would
    follow ("Ann Pruitt |"), over a line that does neither."""
    match = line_matches(rules.comment_author, lines[n])
    dated = bool(match and (match.groupdict().get("date") or lines[n].rstrip().endswith("|")))
    below = next_text(lines, n + 1)
    return dated and below is not None and not line_matches(rules.comment_author, lines[below])


# A commenter's handle alone on a line: one word, in lower case or shaped like a handle
# ("riverwatcher42", "millpond_ann", "quarrylane", "QuayLass82"); not "Update" over a live
# blog's "2 hours ago".
BARE_HANDLE = re.compile(r"@?[\w.-]{2,30}")


def _handle_over_date(lines, n: int, rules: Rules) -> bool:
    """Line ``n`` is a commenter's handle alone, over a line of only how long ago or when
    ("riverwatcher42" / "3 hours ago"), over the comment's text: a widget's comment copied
    block by block, the name and the date each on a line of its own."""
    handle = lines[n].strip()
    if not BARE_HANDLE.fullmatch(handle) or not (handle.lower() == handle or HANDLE.fullmatch(handle)):
        return False
    date = next_text(lines, n + 1)
    text = next_text(lines, date + 1) if date is not None else None
    return (text is not None and line_matches(rules.comment_date, lines[date]) is not None
            and line_matches(rules.comment_date, lines[text]) is None)


def _count_under(lines, n) -> int | None:
    """The number alone on the line under a heading ("Comments" / "58"), if there is one."""
    below = next_text(lines, n + 1, n + 3)
    text = lines[below].strip() if below is not None else ""
    return int(text.replace(",", "")) if re.fullmatch(r"\d{1,3}(?:,\d{3})*|\d+", text) else None


def _next_lines(lines, chrome, start, count) -> list[int]:
    """The next ``count`` lines that are neither blank nor chrome."""
    found = []
    for n in range(start, len(lines)):
        if len(found) == count:
            break
        if lines[n].strip() and not chrome[n]:
            found.append(n)
    return found


def _comment_follows(lines, chrome, start, rules) -> bool:
    """A heading without a count must be followed by something shaped like a comment: a
    numbered line, a "Name says:" line, a heading with a count ("4 Comments"), or a name
    right above a date."""
    upcoming = _next_lines(lines, chrome, start, 2)
    if not upcoming:
        return False
    first = lines[upcoming[0]]
    counted = line_matches(rules.comments_heading, first)
    return bool(NUMBERED.match(first) or line_matches(rules.comment_author, first)
                or counted and counted.groupdict().get("count")
                or len(upcoming) == 2 and line_matches(rules.comment_date, lines[upcoming[1]])
                or _text_over_dated_buttons(lines, next_text(lines, start), rules))


def _text_over_dated_buttons(lines, start, rules) -> bool:
    """A short line (the commenter's name), then a few lines over a row of buttons holding the
    comment's date, as a social widget shows a comment ("Karen Liu" / text / "Like · Reply ·
    2d")."""
    if start is None or len(lines[start].split()) > MENU_WORDS * 2 or lines[start].rstrip()[-1:] in ".!?":
        return False
    below = [n for n in range(start + 1, min(len(lines), start + 12)) if lines[n].strip()][:COMMENT_LINES]
    return any(dated_buttons(lines[n], rules) is not None for n in below)


# The most lines a comment's text may take above its row of buttons, for a heading to count.
COMMENT_LINES = 6
