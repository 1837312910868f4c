"""Metadata rules one by one: JSON-LD, OpenGraph and meta tags, <time>, URL paths, front matter."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.htmltext import parse_html
from factcheck.metadata import (
    Metadata,
    date_of,
    front_matter,
    html_metadata,
    text_date,
    url_date,
)
from factcheck.sources import read_source


def page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    "head, body, expected",
    [
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
            ' "datePublished": "2020-06-07T23:30:00-05:00", "author": {"name": "Ann Lee"},'
            ' "publisher": {"@type": "Organization", "name": "Daily"}}</script>',
            "",
            Metadata(title="H", author="Ann Lee", outlet="Daily", date="2020-06-07"),
        ),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Site"},'
            ' {"@type": ["Article"], "headline": "In a graph", "datePublished": "2019-01-02"}]}'
            "</script>",
            "",
            Metadata(title="In a graph", date="2019-01-02"),
        ),
        (
            '<meta property="og:title" content="OG title"><meta property="og:site_name" '
            'content="Le Monde"><meta property="article:published_time" content="2021-03-04">'
            '<meta name="author" content="https://example.com/authors/x">',
            "",
            Metadata(title="OG title", outlet="Le Monde", date="2021-03-04"),
        ),
        ('<meta name="DC.date.issued" content="2008-03-23">', "", Metadata(date="2008-03-23")),
        ('<meta name="date" content="20170112">', "", Metadata(date="2017-01-12")),
        (
            "<title>Only a title</title>",
            '<time datetime="2018-03-12">comment</time>'
            '<time itemprop="datePublished" datetime="2019-01-29T08:00">29.1.2019</time>',
            Metadata(title="Only a title", date="2019-01-29"),
        ),
        ("", '<time datetime="2018-03-12">a comment\'s date</time>', Metadata()),
        (
            "",
            '<time pubdate datetime="2019-09-24">other story</time>'
            '<time pubdate datetime="2019-09-23">another story</time>',
            Metadata(),  # a list of other stories' dates, not this page's
        ),
        ('<script type="application/ld+json">{broken json</script>', "", Metadata()),
        (
            '<link rel="canonical" href="https://example.com/2015/02/03/story">',
            "",
            Metadata(date="2015-02-03", url="https://example.com/2015/02/03/story"),
        ),
        (
            '<meta property="og:title" content="Tom &amp;amp; Jerry">',
            "",
            Metadata(title="Tom & Jerry"),
        ),
    ],
)
def test_html_metadata(head, body, expected):
    assert html_metadata(parse_html(page(head, body))) == expected


def test_date_in_the_url_beats_a_utc_timestamp():
    head = '<meta property="article:published_time" content="2020-02-18T02:18:11Z">'
    url = "https://example.com/2020/02/17/late-evening-story/"
    assert html_metadata(parse_html(page(head)), url=url).date == "2020-02-17"


@pytest.mark.parametrize(
    "url, date",
    [
        ("https://www.example.com/2020/06/07/some-story", "2020-06-07"),
        ("https://example.com/news/2019-1-5-title", "2019-01-05"),
        ("https://example.com/20200607/story.html", "2020-06-07"),
        ("https://example.com/2020/13/07/no", None),
        ("https://example.com/2020/06/story", None),
        ("https://example.com/article/1628285861", None),
        (None, None),
    ],
)
def test_url_date(url, date):
    assert url_date(url) == date


@pytest.mark.parametrize(
    "value, date",
    [
        ("2020-06-07T10:00:00+02:00", "2020-06-07"),
        ("2020-06-07", "2020-06-07"),
        ("June 7, 2020", "2020-06-07"),
        ("7 June 2020", "2020-06-07"),
        ("June 7", None),  # a year is never guessed
        ("2020-02-30", None),
        ("soon", None),
        ("", None),
    ],
)
def test_date_of(value, date):
    assert date_of(value) == date


def test_front_matter_is_split_off():
    parts = front_matter("---\ntitle: 'A: B &amp; C'\ndate: 2022-11-28\n# comment\n---\nBody\n")
    assert parts.metadata == Metadata(title="A: B &amp; C", date="2022-11-28")
    assert (parts.body, parts.lines) == ("Body\n", 5)


@pytest.mark.parametrize(
    "text",
    [
        "---\nNot a key value line\n---\nBody\n",  # a horizontal rule, not front matter
        "---\ntitle: never closed\nBody\n",
        "Body first\n---\ntitle: x\n---\n",
    ],
)
def test_text_that_is_not_front_matter_stays_text(text):
    assert front_matter(text).body == text


@given(st.text())
def test_front_matter_never_loses_text(text):
    parts = front_matter(text)
    assert text.endswith(parts.body)
    assert text[: len(text) - len(parts.body)].count("\n") == parts.lines or not parts.lines


@given(
    st.dictionaries(
        st.sampled_from(["title", "author", "outlet", "url"]),
        st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1)
        .map(str.strip)
        .filter(lambda v: v and v[0] not in "\"'#" and v[-1] not in "\"'"),
    )
)
def test_front_matter_round_trip(values):
    text = "---\n" + "".join(f"{k}: {v}\n" for k, v in values.items()) + "---\nBody\n"
    parts = front_matter(text)
    assert parts.body == "Body\n"
    for key, value in values.items():
        assert getattr(parts.metadata, key) == " ".join(value.split())


@pytest.mark.parametrize(
    "top, date",
    [
        ("Updated 4:15 PM EST, December 13, 2023\n\nCity crews", "2023-12-13"),
        ("Published Nov. 17, 2023\nUpdated Nov. 18, 2023\n\nText", "2023-11-17"),
        ("Updated Nov. 18, 2023\nPublished Nov. 17, 2023\n\nText", "2023-11-17"),
        ("BRUSSELS, March 3, 2025 (Reuters) - The European Union is preparing", "2025-03-03"),
        ("NEW YORK, NY, March 3, 2025 — Stocks fell", "2025-03-03"),
        ("Tariffs loom\nBy Jane Smith | 3 March 2025\n\nText", "2025-03-03"),
        ("Monday, March 3, 2025 at 4:15 p.m. ET\n\nText", "2025-03-03"),
        ("Mon 3 Mar 2025 10.15 GMT\n\nText", "2025-03-03"),
        # No year, or a date that is an event's, not the article's.
        ("BRUSSELS, March 3 (Reuters) - The EU", None),
        ("The council will vote on March 3, 2025\n\nText", None),
        ("Election Day: March 3, 2025\n\nText", None),
        (
            "Stocks fell sharply as the central bank raised rates on March 3, 2025, the biggest "
            "rise in a decade, analysts said.",
            None,
        ),
    ],
)
def test_a_plain_text_article_is_dated_by_its_header_lines(top, date):
    assert text_date(top) == date


def test_front_matter_dates_before_the_text_does(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\ndate: 2024-01-02\n---\nPublished March 3, 2025\n\nText.\n")
    assert next(read_source(str(path))).date == "2024-01-02"
    path.write_text("Published March 3, 2025\n\nText.\n")
    assert next(read_source(str(path))).date == "2025-03-03"
