"""The main text of a web page: the article, without navigation, ads, footers or comments.

trafilatura does the extraction (see ``benchmarks/bench_sources.py``: tuned for precision it
scores higher than anything simple we could write); when it finds nothing, a small fallback
keeps the page's paragraphs outside obvious boilerplate. Paragraphs come out separated by
blank lines.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# Larger documents are not web pages; extractors get slow on them.
MAX_HTML_CHARS = 20_000_000
XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
BOILERPLATE_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form")
BOILERPLATE_RE = re.compile(
    r"comment|related|share|sharing|social|footer|header|nav|menu|sidebar|promo|newsletter"
    r"|subscribe|advert|\bads?\b|cookie|banner|breadcrumb|recommend|popular|trending",
    re.IGNORECASE,
)
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "td")


def parse_html(html: str) -> HtmlElement:
    """A forgiving lxml tree of a page, however malformed; an empty ``<html>`` for no markup."""
    import lxml.html
    from lxml.etree import ParserError

    html = XML_DECLARATION_RE.sub("", html[:MAX_HTML_CHARS], count=1)
    try:
        return lxml.html.document_fromstring(html)
    except (ParserError, ValueError):
        return lxml.html.Element("html")


def extract_text(html: str, *, url: str | None = None) -> str:
    """The article text of a page, paragraphs separated by blank lines ("" if there is none)."""
    return main_text(html[:MAX_HTML_CHARS], url=url) or fallback_text(parse_html(html))


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
    for element in list(tree.iter()):
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
