"""The main text of a web page: the article, without navigation, ads, footers or comments.

trafilatura does the extraction (see ``benchmarks/bench_sources.py``: tuned for precision it
scores higher than anything simple we could write); when it finds nothing, a small fallback
keeps the page's paragraphs outside obvious boilerplate. Paragraphs come out separated by
blank lines.
"""

from __future__ import annotations

import html as html_module
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Larger documents are not web pages: the rest is not read.
MAX_HTML_CHARS = 20_000_000
# Beyond these, trafilatura and htmldate take seconds to minutes (some of their costs grow
# faster than the page). Real article pages are under 1 MB, with a few thousand elements
# and a few dozen attributes per element.
MAX_LIBRARY_CHARS = 5_000_000
MAX_ELEMENTS = 10_000
MAX_ATTRIBUTES = 64
XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
# A start tag longer than this is hostile (libxml2 checks attributes pairwise: 100,000 of them
# take minutes to parse); it keeps its name and loses its attributes.
OVERLONG_TAG_RE = re.compile(r"<([A-Za-z][\w:-]*)[^<>]{16384,}>")
BOILERPLATE_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form")
BOILERPLATE_RE = re.compile(
    r"comment|related|share|sharing|social|footer|header|nav|menu|sidebar|promo|newsletter"
    r"|subscribe|advert|\bads?\b|cookie|banner|breadcrumb|recommend|popular|trending",
    re.IGNORECASE,
)
# Unicode spaces a writer chose on purpose (no-break, thin, narrow no-break...). Extractors
# collapse all whitespace and drop unprintable characters, so these travel through them
# disguised as printable symbols no web page uses (Ancient Greek Musical Notation).
KEPT_SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
DISGUISES = "".join(chr(0x1D200 + n) for n in range(len(KEPT_SPACES)))
TO_DISGUISE = str.maketrans(KEPT_SPACES, DISGUISES)
FROM_DISGUISE = str.maketrans(DISGUISES, KEPT_SPACES)
SPACE_ENTITY_RE = re.compile(
    r"&(?:(nbsp|NonBreakingSpace|ensp|emsp|emsp13|emsp14|numsp|puncsp|thinsp|ThinSpace"
    r"|hairsp|VeryThinSpace|MediumSpace)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));?"
)
# <q> start and end tags; browsers show their content between quote marks, alternating
# double and single ones when nested.
Q_TAG_RE = re.compile(r"<(/?)q(?:\s[^<>]*)?>", re.IGNORECASE)
QUOTE_MARKS = (("“", "”"), ("‘", "’"))
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "td")


def tame_html(html: str) -> str:
    """The page cut to :data:`MAX_HTML_CHARS`, overlong tags stripped of their attributes."""
    return OVERLONG_TAG_RE.sub(r"<\1>", html[:MAX_HTML_CHARS])


def parse_html(html: str) -> HtmlElement:
    """A forgiving lxml tree of a page, however malformed; an empty ``<html>`` for no markup."""
    import lxml.html
    from lxml.etree import ParserError

    html = XML_DECLARATION_RE.sub("", tame_html(html), count=1)
    try:
        return lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return lxml.html.Element("html")


def within_limits(html: str, tree: HtmlElement) -> bool:
    """Whether a page is small and plain enough for trafilatura and htmldate to finish soon."""
    if len(html) > MAX_LIBRARY_CHARS:
        return False
    for count, element in enumerate(tree.iter(), 1):
        if count > MAX_ELEMENTS or len(element.attrib) > MAX_ATTRIBUTES:
            return False
    return True


def extract_text(html: str, *, url: str | None = None) -> str:
    """The article text of a page, paragraphs separated by blank lines ("" if there is none).

    Pages beyond :func:`within_limits` (hostile or broken ones) get only the simple fallback.
    No-break and other deliberate Unicode spaces are kept as the page has them, and ``<q>``
    quotes keep their quote marks.
    """
    html = disguise_spaces(mark_inline_quotes(tame_html(html)))
    tree = parse_html(html)
    text = main_text(html, url=url) if within_limits(html, tree) else ""
    return restore_spaces(text or fallback_text(tree))


def mark_inline_quotes(html: str) -> str:
    """The page with ``<q>…</q>`` written as “…”, as a browser shows it.

    trafilatura turns a ``<q>`` into a line of its own without marks, which cuts the sentence
    and hides that the words are quoted.
    """
    depth = 0

    def mark(match: re.Match) -> str:
        nonlocal depth
        if not match.group(1):
            depth += 1
            return QUOTE_MARKS[(depth - 1) % 2][0]
        if not depth:  # an end tag without a start
            return ""
        depth -= 1
        return QUOTE_MARKS[depth % 2][1]

    return Q_TAG_RE.sub(mark, html)


def disguise_spaces(html: str) -> str:
    """The page with kept spaces, literal or as entities, turned into private-use characters."""

    def replace(match: re.Match) -> str:
        named, decimal, hexadecimal = match.groups()
        text = html_module.unescape(match.group(0)) if named else None
        if not named:
            code = int(decimal) if decimal else int(hexadecimal, 16)
            text = chr(code) if code < 0x110000 else None
        return text.translate(TO_DISGUISE) if text and text in KEPT_SPACES else match.group(0)

    return SPACE_ENTITY_RE.sub(replace, html.translate(TO_DISGUISE))


def restore_spaces(text: str) -> str:
    return text.translate(FROM_DISGUISE)


def main_text(html: str, *, url: str | None = None) -> str:
    """trafilatura's extraction, favouring precision and leaving out comments."""
    import trafilatura

    text = trafilatura.extract(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        deduplicate=False,
        output_format="txt",
    )
    return paragraphs(text.splitlines()) if text else ""


def fallback_text(tree: HtmlElement) -> str:
    """Text blocks of the page's ``<article>`` (or body) outside obvious boilerplate."""
    for element in list(tree.iter(*BOILERPLATE_TAGS)):
        element.drop_tree()
    for element in tree.xpath("//*[@class or @id]"):
        marks = f"{element.get('class', '')} {element.get('id', '')}"
        if element.getparent() is not None and BOILERPLATE_RE.search(marks):
            element.drop_tree()
    root = next(tree.iter("article"), tree)
    blocks = [block.text_content() for block in root.iter(*BLOCK_TAGS)]
    if not blocks:
        blocks = [root.text_content()]
    return paragraphs(blocks)


def paragraphs(blocks: list[str]) -> str:
    """Blocks as paragraphs: each on one line, whitespace collapsed, blank lines between."""
    lines = (" ".join(block.split()) for block in blocks)
    return "\n\n".join(line for line in lines if line)
