"""Posts of social networks embedded in a saved page (a tweet, an Instagram, Bluesky, Mastodon,
Threads or TikTok post), and the page's other block quotes: trafilatura writes their words as
paragraphs of the story, which the body then ran on with the story's own. They are set apart as
a block quote each, its lines together, the post's author line as the network writes it ("— Jane
Roe (@janeroe) May 1, 2025"), which names it, in the quote, as a quotation's <cite> is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EmbeddedPost:
    opening: str          # its first paragraph, spaces left out (embeds run words and marks together)
    words: str            # all its text, spaces left out


def embedded_posts(tree, outside=frozenset()) -> list[EmbeddedPost]:
    """The posts the page embeds, and the passages it quotes (any other <blockquote>: a letter,
    a statement, a pull quote with its <cite>, which trafilatura wrote as the story's
    paragraphs too), in the page's order; not those inside one of the elements ``outside``
    (the comments), nor a quotation inside another."""
    if tree is None:
        return []
    posts = []
    for quote in tree.iter("blockquote"):
        if any(a.tag == "blockquote" or a in outside for a in quote.iterancestors()):
            continue
        words = _unspaced(quote.text_content())
        opening = next((text for p in quote.iter("p") if (text := _unspaced(p.text_content()))), words)
        if words:
            posts.append(EmbeddedPost(opening, words))
    return posts


def set_apart(lines: tuple[str, ...], posts: list[EmbeddedPost]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The lines (paragraphs a blank line apart) with each post's paragraphs together, and the
    numbers of those lines, counted from 1: a block quote each. A post whose words the lines do not hold in a row is left as it is."""
    lines = list(lines)
    quoted: list[int] = []
    for post in posts:
        found = _lines_of(lines, post)
        if found is None:
            continue
        start, end = found
        block = [line for line in lines[start:end] if line.strip()]
        lines[start:end] = block
        shift = len(block) - (end - start)
        quoted = [n + shift if n - 1 >= end else n for n in quoted] + list(range(start + 1, start + len(block) + 1))
    return tuple(lines), tuple(sorted(quoted))


def _lines_of(lines: list[str], post: EmbeddedPost) -> tuple[int, int] | None:
    """(first, past the last) index of the lines that are the post's: from its first paragraph
    on, while each line is words of the post (trafilatura leaves out some, "View this post on
    Instagram"); None when no line is its first paragraph, or more than one is."""
    starts = [index for index, line in enumerate(lines) if _unspaced(line) == post.opening]
    if len(starts) != 1:
        return None  # (a pull quote repeating a paragraph: which line is the quote's is not known)
    start = starts[0]
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or _unspaced(lines[end]) in post.words):
        end += 1
    while not lines[end - 1].strip():
        end -= 1  # (the blank lines after it are the story's)
    return start, end


def _unspaced(text: str) -> str:
    return "".join(text.split())
