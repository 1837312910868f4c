"""Metadata of a page or a file: title, author, outlet, publication date, canonical URL.

For HTML the most explicit statements win: JSON-LD (``NewsArticle``/``Article``), then
OpenGraph and ``<meta>`` tags, then ``<time datetime>`` elements marked as the publication
date. A date in the URL path (``/2020/06/07/``) beats them all for the publication day: the
publisher wrote it in local time, where markup timestamps are often UTC and a day off. Only
when none of these exists do htmldate's heuristics search the whole page. Every rule reads markup or
numbers, not words, so it works in any language. Plain text and Markdown files may start with
a ``---`` front-matter block of ``key: value`` lines.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING

from factcheck.dates import find_dates, iso_date, parse_date

if TYPE_CHECKING:
    from lxml.html import HtmlElement

ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "scholarlyarticle",
    "report",
    "techarticle",
}
# <meta> names/properties/itemprops that state the publication date, most reliable first.
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publish-date",
    "publishdate",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "originalpublicationdate",
    "date",
    "og:pubdate",
    "datecreated",
)
TITLE_META = ("og:title", "twitter:title", "dc.title", "headline")
AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
OUTLET_META = ("og:site_name", "application-name", "publisher", "dc.publisher")
URL_META = ("og:url", "twitter:url")

ISO_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")
URL_DATE_RE = re.compile(
    r"/((?:19|20)\d\d)[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?:/|[_-]|$)"
    r"|/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/"
)
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.M | re.S)
FRONT_MATTER_LINE_RE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None

    def or_else(self, other: Metadata) -> Metadata:
        """These fields, with the gaps filled from ``other``."""
        gaps = {f.name: getattr(other, f.name) for f in fields(self) if not getattr(self, f.name)}
        return replace(self, **gaps)


@dataclass(frozen=True)
class FrontMatter:
    metadata: Metadata = field(default_factory=Metadata)
    body: str = ""
    lines: int = 0  # how many lines of the file the block takes, closing fence included


def clean(value: object) -> str | None:
    """A metadata value as one tidy line, or None when empty or not text."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def date_of(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` day a metadata value states: ISO timestamps as written, or words."""
    if not value:
        return None
    match = ISO_DATE_RE.search(value)
    if match:
        return iso_date(*(int(part) for part in match.groups()))
    parsed = parse_date(value)
    return parsed if parsed and not parsed.startswith("--") else None


# How a page printed as text gives its publication date near the top: a labelled line
# ("Published Nov. 17, 2023", "Updated 4:15 PM EST, December 13, 2023"), a wire dateline
# ("BRUSSELS, March 3, 2025 (Reuters) -"), or a byline or line with a date and little else.
DATE_LABEL_RE = re.compile(
    r"^\W*(?P<label>(?:first\s+|last\s+)?(?:published|updated|posted|modified|date[d]?))\b",
    re.IGNORECASE,
)
DATELINE_START_RE = re.compile(r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.]*)?,\s")
DATELINE_END_RE = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?[-–—]")
BYLINE_RE = re.compile(r"^\W*by\s+[A-Z]", re.IGNORECASE)
# What else a line that only dates the article may hold: a weekday, a time and its zone.
DATE_ONLY_REST_RE = re.compile(
    r"(?:[\W\d_]|\b(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|at|on|[ap]\.?m\.?)\b"
    r"|\b[A-Z]{2,4}\b)*"
)
HEADER_LINES = 8  # non-empty lines looked at from the top
SHORT_LINE = 120  # characters: a longer line is prose, and a date in it is an event's


def text_date(text: str) -> str | None:
    """The publication date a plain-text article prints near its top, with its year; a
    labelled "published" date before an "updated" one. None when there is none."""
    found: list[tuple[bool, str]] = []  # (labelled as an update, the date)
    lines = (line.strip() for line in text[:4000].splitlines())
    for line in [line for line in lines if line][:HEADER_LINES]:
        dates = [(start, end, iso) for start, end, _, iso in find_dates(line[:SHORT_LINE])]
        full = [(start, end, iso) for start, end, iso in dates if not iso.startswith("--")]
        if not full:
            continue
        start, end, iso = full[0]
        label = DATE_LABEL_RE.match(line)
        dateline = DATELINE_START_RE.match(line) and DATELINE_END_RE.match(line, end)
        short = len(line) <= SHORT_LINE and (
            label
            or BYLINE_RE.match(line)
            or DATE_ONLY_REST_RE.fullmatch(line[:start] + " " + line[end:])
        )
        if dateline or short:
            updated = bool(label) and label.group("label").lower().endswith(("updated", "modified"))
            found.append((updated, iso))
    return min(found, key=lambda pair: pair[0])[1] if found else None


def url_date(url: str | None) -> str | None:
    """A date in a URL path, as news sites write it: ``/2020/06/07/``, ``/2020-06-07-``."""
    match = URL_DATE_RE.search(url or "")
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups() if part)
    return iso_date(year, month, day)


# --- front matter ---------------------------------------------------------------------------


def front_matter(text: str) -> FrontMatter:
    """Split a leading ``---`` block of ``key: value`` lines off a text file.

    Anything that is not such a block (no closing fence, a line that is not ``key: value``)
    is left in the body: a text that happens to start with a horizontal rule stays intact.
    """
    match = FRONT_MATTER_RE.match(text)
    if not match:
        return FrontMatter(body=text)
    values: dict[str, str] = {}
    for line in match.group(1).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pair = FRONT_MATTER_LINE_RE.match(line)
        if not pair:
            return FrontMatter(body=text)
        values.setdefault(pair.group(1).lower(), unquote(pair.group(2)))
    metadata = Metadata(
        title=clean(values.get("title")),
        author=clean(values.get("author")),
        outlet=clean(values.get("outlet") or values.get("publisher")),
        date=date_of(values.get("date")),
        url=clean(values.get("url")),
    )
    block = match.group(0)
    return FrontMatter(metadata, text[len(block) :], block.count("\n") + (not block.endswith("\n")))


def unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


# --- HTML -----------------------------------------------------------------------------------


def html_metadata(tree: HtmlElement, *, url: str | None = None) -> Metadata:
    """Metadata of a parsed page; ``url`` is where it came from (used for a date in the path)."""
    meta = meta_tags(tree)
    found = Metadata(date=url_date(url)).or_else(json_ld_metadata(tree))
    found = found.or_else(
        Metadata(
            title=first(meta, TITLE_META),
            author=first(meta, AUTHOR_META, skip_urls=True),
            outlet=first(meta, OUTLET_META),
            date=next(filter(None, (date_of(meta.get(key)) for key in DATE_META)), None),
            url=first(meta, URL_META) or canonical_url(tree),
        )
    )
    return found.or_else(
        Metadata(
            title=clean(tree.findtext(".//title")),
            date=time_element_date(tree) or url_date(found.url),
            url=url,
        )
    )


def guess_date(page: str, *, url: str | None = None) -> str | None:
    """htmldate's best guess at a page's publication date, for pages without date markup.

    A guess of January 1st is dropped: htmldate falls back to it when it only found a year
    (often a copyright line), and a year alone is not a publication day.
    """
    import htmldate

    try:
        date = htmldate.find_date(page, url=url, original_date=True)
    except (ValueError, TypeError):  # htmldate's parsers reject some hostile markup
        return None
    return None if not date or date.endswith("-01-01") else date


def meta_tags(tree: HtmlElement) -> dict[str, str]:
    """``<meta>`` contents by lowercase name, property or itemprop; the first one wins."""
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = clean(html.unescape(element.get("content") or ""))  # often escaped twice
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (element.get(attribute) or "").strip().lower()
            if key:
                tags.setdefault(key, content)
    return tags


def first(tags: dict[str, str], keys: tuple[str, ...], *, skip_urls: bool = False) -> str | None:
    for key in keys:
        value = tags.get(key)
        if value and not (skip_urls and value.startswith(("http://", "https://"))):
            return value
    return None


def canonical_url(tree: HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return clean(link.get("href"))
    return None


def time_element_date(tree: HtmlElement) -> str | None:
    """The date of the ``<time datetime>`` elements marked as publication dates.

    Unmarked ``<time>`` elements are not used: on many pages the first one dates a comment, a
    related story or the page's clock. Marked ones that disagree are a list of other stories'
    dates, not this page's: no date then.
    """
    dates = {
        date_of(element.get("datetime"))
        for element in tree.iter("time")
        if element.get("pubdate") is not None
        or "datepublished" in (element.get("itemprop") or "").lower()
        or "publish" in (element.get("class") or "").lower()
    } - {None}
    return dates.pop() if len(dates) == 1 else None


# --- JSON-LD --------------------------------------------------------------------------------


def json_ld_metadata(tree: HtmlElement) -> Metadata:
    """Metadata of the first JSON-LD article object on the page (``@graph`` included)."""
    for article in json_ld_articles(tree):
        return Metadata(
            title=unescape(clean(article.get("headline")) or clean(article.get("name"))),
            author=unescape(names(article.get("author"))),
            outlet=unescape(names(article.get("publisher"))),
            date=date_of(clean(article.get("datePublished")) or clean(article.get("dateCreated"))),
            url=clean(article.get("url")) if isinstance(article.get("url"), str) else None,
        )
    return Metadata()


def unescape(value: str | None) -> str | None:
    """JSON-LD text with HTML entities decoded: publishers often escape it as markup."""
    return html.unescape(value) if value else value


def json_ld_articles(tree: HtmlElement) -> Iterator[dict]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):  # broken, or nested to crash parsers
            continue
        yield from (item for item in json_objects(data) if is_article(item))


def json_objects(data: object, depth: int = 0) -> Iterator[dict]:
    """Every JSON object in ``data``, outermost first (bounded depth: pages can be hostile)."""
    if depth > 8:
        return
    if isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, dict | list):
                yield from json_objects(value, depth + 1)
    elif isinstance(data, list):
        for item in data:
            yield from json_objects(item, depth + 1)


def is_article(item: dict) -> bool:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(kind, str) and kind.lower() in ARTICLE_TYPES for kind in kinds)


def names(value: object) -> str | None:
    """``"A"``, ``{"name": "A"}`` or a list of them, as ``"A, B"``."""
    if isinstance(value, list):
        found = [name for name in map(names, value) if name]
        return ", ".join(dict.fromkeys(found)) or None
    if isinstance(value, dict):
        return clean(value.get("name"))
    value = clean(value)
    return None if value and value.startswith(("http://", "https://")) else value
