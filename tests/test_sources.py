"""Reading files and folders: text, Markdown front matter, HTML, JSON records, encodings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.errors import NotADocumentError, SourceError
from factcheck.htmltext import mark_inline_quotes
from factcheck.sources import is_document_name, iter_folder, read_source, read_sources

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"


def read_one(path: Path | str):
    (document,) = read_source(str(path))
    return document


@pytest.mark.parametrize(
    "data, text",
    [
        ("Peskov said “no” to it.\n".encode(), "Peskov said “no” to it.\n"),
        ("\ufeffBOM first\n".encode(), "BOM first\n"),
        ("UTF-16 “quotes”\n".encode("utf-16"), "UTF-16 “quotes”\n"),
        ("UTF-16, no BOM\n".encode("utf-16-le"), "UTF-16, no BOM\n"),
        ("Café “Zürich”\n".encode("cp1252"), "Café “Zürich”\n"),
        ("Größe à Paris\n".encode("latin-1"), "Größe à Paris\n"),
        ("a\u00a0b\u2009c\n".encode(), "a\u00a0b\u2009c\n"),  # spaces kept as written
        (b"one\r\ntwo\r\n", "one\ntwo\n"),
        # UTF-8 with one stray cp1252 byte: one character lost, not every umlaut
        ("Grüße „aus“ Köln ".encode() + b"\x96 ok\n", "Grüße „aus“ Köln \ufffd ok\n"),
        # cp1252 with a byte pair that happens to be valid UTF-8 ("Ã©") is still cp1252
        ("Ã© déjà à Zürich\n".encode("cp1252"), "Ã© déjà à Zürich\n"),
    ],
)
def test_text_files_decode_in_any_common_encoding(tmp_path, data, text):
    path = tmp_path / "note.txt"
    path.write_bytes(data)
    document = read_one(path)
    assert document.text == text
    assert document.source == str(path)


def test_front_matter_becomes_metadata_and_lines_still_count_from_the_file():
    document = read_one(FIXTURES / "front-matter.md")
    assert document.metadata() == {
        "source": str(FIXTURES / "front-matter.md"),
        "url": "https://news.example.com/putin-gas-union",
        "title": "Putin proposes gas union",
        "author": "Jane Doe",
        "outlet": "Example News",
        "date": "2022-11-28",
    }
    assert document.text.startswith("President Vladimir Putin")
    assert document.line_of(document.text.index("“We can")) == 10


def test_html_page_gives_the_article_without_boilerplate_and_its_metadata():
    document = read_one(FIXTURES / "article.html")
    assert document.title == "Kremlin denies gas-for-concessions deal"
    assert document.author == "Jane Doe, John Roe"
    assert document.outlet == "Example News"
    assert document.date == "2022-12-08"
    assert document.url == "https://news.example.com/world/kremlin-gas-deal"
    assert "“Nobody is talking about gas in exchange for political concessions,”" in document.text
    for boilerplate in ("Home", "Subscribe", "Related stories", "First!", "All rights reserved"):
        assert boilerplate not in document.text
    paragraphs = document.text.split("\n\n")
    assert paragraphs[-1].startswith("The proposal follows a cap")


def test_utf8_page_with_one_stray_byte_is_read_as_utf8():
    document = read_one(FIXTURES / "utf8-stray-byte.html")
    assert (
        document.title
        == "Bahn kündigt neue Verbindung nach Prag an | Nachrichten Ost \ufffd Politik"
    )
    assert "„Wir haben lange auf diese Verbindung gewartet“, sagte Novák." in document.text


def test_html_is_recognised_by_content_whatever_the_name(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_bytes((FIXTURES / "article.html").read_bytes())
    assert read_one(path).date == "2022-12-08"


def test_real_page_in_another_language():
    document = read_one(FIXTURES / "ebene11-autocad.html")
    assert document.date == "2017-01-12"
    assert "Dateien" in document.text


def test_json_lines_records_are_documents_cited_by_line():
    problems: list[SourceError] = []
    documents = list(read_source(str(FIXTURES / "records.jsonl"), on_error=problems.append))
    label = str(FIXTURES / "records.jsonl")
    assert [(d.source, d.text, d.title, d.author, d.date) for d in documents] == [
        (f"{label}#1", "The first record.", "First", None, "2020-06-07"),
        (f"{label}#5", "The second record.", None, "Ann Lee", None),
    ]
    assert documents[0].outlet == "Wire"
    assert documents[1].url == "https://example.com/2"
    assert [str(p).split("#")[1][:1] for p in problems] == ["3", "4"]


def test_json_array_records():
    documents = list(read_source(str(FIXTURES / "records.json")))
    assert [(d.text, d.outlet, d.author) for d in documents] == [
        ("One.", "Daily", None),
        ("Two.", None, "A B, C D"),
    ]


def test_json_object_wrapping_a_list_of_records(tmp_path):
    path = tmp_path / "export.json"
    path.write_text('{"status": "ok", "articles": [{"content": "Wrapped.", "title": "T"}]}')
    assert [(d.source, d.text, d.title) for d in read_source(str(path))] == [
        (f"{path}#1", "Wrapped.", "T")
    ]


def test_folder_is_read_recursively_skipping_hidden_files_and_noting_binary_ones():
    problems: list[SourceError] = []
    documents = list(read_source(str(FIXTURES / "folder"), on_error=problems.append))
    assert [d.text for d in documents] == ["Top text.\n", "Nested text.\n"]
    assert [str(p) for p in problems] == [
        f"{FIXTURES / 'folder' / 'picture.png'}: looks like a binary file, not text (skipped)"
    ]


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "no text (empty)"),
        ("blank.md", b"  \n\n", "no text (empty)"),
        ("binary.bin", b"\x00\x01\x02\x03", "looks like a binary file"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "looks like a binary file"),
        ("empty.html", b"<html><body></body></html>", "no text found in the page"),
        ("broken.json", b"{not json", "invalid JSON"),
    ],
)
def test_unreadable_files_raise_one_line(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SourceError, match=re.escape(reason)) as caught:
        read_one(path)
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


def test_malformed_html_is_still_read(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><body><div><p>An unclosed paragraph with enough words to count as text"
        "<p>Another <b>bold <i>claim</div></span> that the page never closes properly <table><td>"
    )
    assert "An unclosed paragraph" in read_one(path).text


def test_folder_without_readable_files(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (tmp_path / ".hidden.txt").write_text("hidden")
    with pytest.raises(SourceError, match=r"folder has no readable files \(1 skipped: binary"):
        list(read_source(str(tmp_path)))


@pytest.mark.parametrize(
    "source, reason",
    [
        ("does/not/exist.txt", "no such file or folder"),
        ("file:///etc/passwd", "unsupported URL scheme file:"),
        ("ftp://example.com/a.txt", "unsupported URL scheme ftp:"),
        ("http://[::1/page", "invalid URL"),
        ("", "an empty source name"),
    ],
)
def test_sources_that_cannot_be_read(source, reason):
    with pytest.raises(SourceError, match=reason):
        list(read_source(source))


def test_read_sources_reports_bad_sources_and_goes_on():
    problems: list[SourceError] = []
    sources = ["missing.txt", str(FIXTURES / "front-matter.md"), "ftp://x/y"]
    documents = list(read_sources(sources, on_error=problems.append))
    assert len(documents) == 1
    assert [str(p).split(":")[0] for p in problems] == ["missing.txt", "ftp"]


def test_read_sources_raises_when_nothing_could_be_read():
    problems: list[SourceError] = []
    with pytest.raises(SourceError, match=r"^b\.txt: no such file"):
        list(read_sources(["a.txt", "b.txt"], on_error=problems.append))
    assert [str(p) for p in problems] == ["a.txt: no such file or folder"]


def test_read_sources_without_handler_raises_the_first_problem():
    with pytest.raises(SourceError, match=r"^a\.txt"):
        list(read_sources(["a.txt", str(FIXTURES / "front-matter.md")]))


def test_large_text_file_is_read_with_bounded_memory(tmp_path):
    import tracemalloc

    path = tmp_path / "big.txt"
    line = "A long line of plain text repeated to make a fifteen megabyte file.\n"
    size = 15 * 2**20  # under MAX_TEXT_CHARS
    with path.open("w") as file:
        for _ in range(size // len(line)):
            file.write(line)
    tracemalloc.start()
    try:
        document = read_one(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(document.text) > size * 0.99
    assert peak < 2.5 * size  # the bytes and the text, never more copies


def test_a_text_too_large_to_analyse_is_refused_and_a_huge_record_skipped(tmp_path, monkeypatch):
    monkeypatch.setattr("factcheck.sources.MAX_TEXT_CHARS", 1000)
    path = tmp_path / "huge.txt"
    path.write_text("Word. " * 200)
    with pytest.raises(NotADocumentError, match="text is too large to analyse"):
        read_one(path)
    records = tmp_path / "records.jsonl"
    records.write_text('{"text": "%s"}\n{"text": "Small."}\n' % ("Word. " * 200))
    problems: list[SourceError] = []
    assert [d.text for d in read_source(str(records), on_error=problems.append)] == ["Small."]
    assert [str(p) for p in problems] == [
        f"{records}#1: text is too large to analyse (1,200 characters; the limit is 1,000)"
    ]


def test_a_page_cut_at_the_html_limit_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr("factcheck.htmltext.MAX_HTML_CHARS", 2000)
    path = tmp_path / "long.html"
    path.write_text("<html><body>" + "<p>Rain is expected on Friday, forecasters said.</p>" * 100)
    problems: list[SourceError] = []
    (document,) = read_source(str(path), on_error=problems.append)
    assert document.text.startswith("Rain is expected")
    size = path.stat().st_size
    assert [str(p) for p in problems] == [
        f"{path}: page cut at 2,000 characters of {size:,}; the rest is not read"
    ]


@pytest.mark.parametrize(
    "name, html",
    [
        ("a tag with 100,000 attributes", "<p " + 'a="x" ' * 100_000 + ">Some words here.</p>"),
        ("JSON-LD nested 100,000 deep", '<script type="application/ld+json">' + "[" * 100_000),
        ("tags nested 50,000 deep", "<div>" * 50_000 + "<p>Some words here.</p>"),
        ("60,000 unclosed tags", "<p><b><i><td>Some words here. " * 15_000),
    ],
)
def test_hostile_html_is_read_or_refused_in_one_line(tmp_path, name, html):
    path = tmp_path / "hostile.html"
    path.write_text(f"<html><body>{html}<p>The last paragraph of the page.</p></body></html>")
    try:
        document = read_one(path)
    except SourceError as error:
        assert "\n" not in str(error)
    else:
        assert document.text


def test_html_keeps_no_break_spaces_and_smart_quotes_as_the_page_has_them(tmp_path):
    sentence = (
        "Il a dit&nbsp;: «\u00a0Non&#160;», le 8&#x202F;décembre, et l’affaire était close "
        "pour le porte-parole du gouvernement, qui n’a rien ajouté de plus ce jour-là."
    )
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><body><article><p>{sentence}</p><p>{sentence}</p></article></body></html>"
    )
    assert read_one(path).text.startswith(
        "Il a dit\u00a0: «\u00a0Non\u00a0», le 8\u202fdécembre, et l’affaire était close"
    )


@pytest.mark.parametrize(
    "name, is_document",
    [
        ("story.txt", True),
        ("story.html", True),
        ("records.jsonl", True),
        ("NOTES", True),
        ("__init__.py", False),
        ("index.db", False),
        ("index.db-wal", False),
        ("pyproject.toml", False),
        (".hidden.txt", False),
    ],
)
def test_folders_hold_documents_not_code_or_databases(name, is_document):
    assert is_document_name(name) is is_document


def test_indexing_the_bundled_seeds_folder_reads_only_the_article():
    from factcheck.sources import bundled_sources

    seeds = Path(bundled_sources()[0]).parent
    assert [p.name for p in iter_folder(seeds)] == ["russia-gas-union.txt"]


def test_q_quotes_keep_their_marks_and_blockquotes_their_paragraphs():
    paragraphs = read_one(FIXTURES / "blockquote-q.html").text.split("\n\n")
    wrote = paragraphs.index("In a statement posted to his website, Whitaker wrote:")
    assert paragraphs[wrote + 1].startswith("I support clean energy. I do not support a bill")
    assert paragraphs[wrote + 2] == (
        "The bill's sponsor, Senator Maria Castillo, said Whitaker's figures were wrong. She"
        " called them “numbers pulled out of thin air” and said the bill included $3 billion"
        " for retraining."
    )
    assert paragraphs[wrote + 3].startswith(
        "Environmental groups were harsher. “Senator Whitaker chose coal over his own"
        " constituents' future”, said Daniel Osei"
    )


@pytest.mark.parametrize(
    "html, text",
    [
        ("<q>yes</q>", "“yes”"),
        ('<Q cite="x">yes</Q>', "“yes”"),
        ("<q>he said <q>no</q> twice</q>", "“he said ‘no’ twice”"),
        ("stray</q> end", "stray end"),
        ("<quote>not q</quote> <qux>", "<quote>not q</quote> <qux>"),
    ],
)
def test_mark_inline_quotes(html, text):
    assert mark_inline_quotes(html) == text
