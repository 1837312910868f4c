"""The index as a library: storing, replacing, retrieving, migrating, failing safely."""

from __future__ import annotations

import sqlite3
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.corpus import add_sources, build_corpus, source_key, stale_sources
from factcheck.errors import StoreError
from factcheck.passages import passages_of
from factcheck.records import Document, Passage
from factcheck.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Index,
    Lookup,
    quote_score,
    sql_statements,
)

pytestmark = pytest.mark.usefixtures("fake_attribution")

GAS = Document(
    source="gas.txt",
    text='The Kremlin denied it.\n\n"Nobody is talking about gas," Peskov said on December 8.',
    date="2022-12-09",
)
WEATHER = Document(source="weather.txt", text="Rain is expected in Moscow on Friday.")


def stored(index: Index, document: Document) -> None:
    index.add(document, passages_of(document, []))


@pytest.fixture
def index(tmp_path):
    with Index(tmp_path / "index.db") as index:
        yield index


def test_candidates_are_ranked_by_bm25(index):
    stored(index, GAS)
    stored(index, WEATHER)
    found = index.candidates("Kremlin denied gas talks")
    assert found[0].text == "The Kremlin denied it."
    assert all(p.source == "gas.txt" for p in found)


@pytest.mark.parametrize(
    "stored_text, query",
    [
        ("President Tokayév spoke.", "Tokayev"),  # diacritics removed
        ("Tokayev spoke.", "Tokayév"),
        ("Russia demands concessions.", "demanded"),  # porter stems
        ("The minister's remarks.", "minister's"),
        ("ЦЕНЫ НА ГАЗ выросли.", "цены"),  # unicode case folding
    ],
)
def test_words_match_across_diacritics_case_and_inflection(index, stored_text, query):
    stored(index, Document("a.txt", stored_text))
    assert [p.text for p in index.candidates(query)] == [stored_text]


def test_quotes_only(index):
    quote = Passage("Nobody is talking about gas,", "gas.txt", 3, 25, 53, kind="direct")
    index.add(GAS, [quote, *passages_of(GAS, [])])
    assert index.candidates("talking about gas", quotes=True) == [quote]


def test_search_reranks_candidates_by_how_well_they_contain_the_text(index):
    stored(index, GAS)
    (best, score), *_ = index.search("nobody is talking about gas")
    assert best.source == "gas.txt" and best.line == 3
    assert score == 100


@pytest.mark.parametrize(
    "query, passage, score",
    [
        ("nobody is talking about gas", "“Nobody is talking about gas,” Peskov said.", 100),
        ("no", "No.", 100),
        ("no, we will never agree", "No.", 15),  # a short passage is compared whole
    ],
)
def test_quote_score(query, passage, score):
    assert round(quote_score(query, passage)) == score


def test_any_rare_word_may_match_ranked_by_bm25(index, monkeypatch):
    monkeypatch.setattr("factcheck.store.ROW_BUDGET", 3)
    for n in range(4):
        stored(index, Document(f"{n}.txt", f"The minister presented budget number {n}."))
    stored(index, Document("cut.txt", "The minister denied the budget cut yesterday."))
    [rare, *_] = index.match_queries("minister denied budget cut yesterday")
    assert rare == Lookup('("denied") OR ("cut") OR ("yesterday")', ranked=True)
    assert [p.source for p in index.candidates("minister denied the cut")] == ["cut.txt"]


def test_common_words_must_match_all_but_one(index, monkeypatch):
    monkeypatch.setattr("factcheck.store.ROW_BUDGET", 3)
    for n in range(4):
        stored(index, Document(f"{n}.txt", f"The minister presented budget number {n}."))
        stored(index, Document(f"tax{n}.txt", f"The minister raised taxes {n} times."))
    lookups = index.match_queries("minister presented budget taxes")
    assert lookups[0].query.count(" OR ") == 3  # four ways of leaving one word out
    assert lookups[-1] == Lookup('"minister"', ranked=False)  # words too common to count
    assert not any(lookup.ranked for lookup in lookups)  # exactly keep their order in the text
    found = index.candidates("minister presented budget taxes")
    assert sorted(p.source for p in found) == ["0.txt", "1.txt", "2.txt", "3.txt"]


def test_every_rare_word_must_match_in_the_narrow_lookup(index, monkeypatch):
    monkeypatch.setattr("factcheck.store.RARE_TERMS", 3)
    for n in range(4):
        stored(index, Document(f"{n}.txt", f"The minister presented budget number {n}."))
    stored(index, Document("cut.txt", "The minister presented the budget cut."))
    [narrow] = index.match_queries("minister presented budget cut", every=True)
    assert narrow == Lookup('"cut" AND "minister" AND "presented"', ranked=False)
    found = index.candidates("minister presented budget cut", every=True)
    assert [p.source for p in found] == ["cut.txt"]
    # No looser lookup follows: a word in no passage finds nothing at all.
    assert index.candidates("minister presented budget taxes", every=True) == []
    assert index.candidates("minister presented budget cuts later", every=True) == []


def test_word_counts_are_kept_until_the_index_changes(index, monkeypatch):
    stored(index, GAS)
    counts = []
    original = Index._rows_with
    monkeypatch.setattr(Index, "_rows_with", lambda self, t: counts.append(t) or original(self, t))
    index.candidates("Kremlin gas", every=True)
    index.candidates("Kremlin gas")
    assert sorted(counts) == ["gas", "kremlin"]
    stored(index, WEATHER)
    index.candidates("Kremlin gas")
    assert len(counts) == 4


@pytest.mark.parametrize(
    "text",
    ['"unbalanced', "AND OR NOT", "NEAR(gas kremlin)", "gas*", "text:gas", "^gas", "-", "   "],
)
def test_user_text_is_never_fts_syntax(index, text):
    stored(index, GAS)
    assert isinstance(index.candidates(text), list)


@given(st.text())
def test_any_text_is_a_valid_query(text):
    with Index(None) as index:
        stored(index, GAS)
        index.candidates(text)


def test_re_adding_a_source_replaces_it(index):
    stored(index, GAS)
    stored(index, Document(source="gas.txt", text="Gas prices rose."))
    assert index.document_count() == 1
    assert [p.text for p in index.candidates("gas")] == ["Gas prices rose."]
    assert index.candidates("Kremlin") == []


def test_remove(index):
    stored(index, GAS)
    stored(index, WEATHER)
    assert index.remove(["gas.txt", "missing.txt"]) == 1
    assert index.sources() == ["weather.txt"]
    assert index.candidates("Kremlin") == []
    assert index.integrity_check() == "ok"


def test_stats_and_documents(index):
    quote = Passage("Nobody is talking about gas,", "gas.txt", 3, 25, 53, "direct", "Peskov")
    index.add(GAS, [quote])
    stats = index.stats()
    assert (stats.documents, stats.passages, stats.quotes, stats.speakers) == (1, 1, 1, 1)
    assert stats.size_on_disk > 0 and stats.schema_version == SCHEMA_VERSION
    [document] = index.documents()
    assert (document.source, document.date, document.quotes) == ("gas.txt", "2022-12-09", 1)


def test_text_bytes_count_bytes_not_characters(index):
    stored(index, Document(source="cafe.txt", text="Café „Zürich“"))  # 13 characters
    assert index.stats().text_bytes == len("Café „Zürich“".encode()) == 19
    assert [document.size for document in index.documents()] == [19]


def test_readers_never_wait_for_a_writer(tmp_path):
    path = tmp_path / "index.db"
    with Index(path) as writer, Index(path) as reader:
        stored(writer, GAS)
        writer.db.execute("BEGIN IMMEDIATE")  # a writer mid-batch
        writer.db.execute("DELETE FROM documents")
        start = time.monotonic()
        assert reader.document_count() == 1  # the last commit, at once
        assert time.monotonic() - start < 1
        writer.db.execute("ROLLBACK")


def test_an_index_this_process_may_not_write_is_read_without_writing(tmp_path, monkeypatch):
    path = tmp_path / "index.db"
    with Index(path) as writer:
        stored(writer, GAS)
    monkeypatch.setattr("factcheck.store.is_writable", lambda path: False)
    with Index(path, read_only=True) as reader:
        assert reader.document_count() == 1
        assert [p.source for p in reader.candidates("gas")] == ["gas.txt"]
        with pytest.raises(StoreError, match="the index is read-only"):
            stored(reader, WEATHER)


def test_an_old_index_is_migrated_forward(tmp_path):
    path = tmp_path / "v1.db"
    db = sqlite3.connect(path)
    for statement in sql_statements(MIGRATIONS[0]):
        db.execute(statement)
    db.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    db.execute("INSERT INTO documents VALUES (1, 'old.txt', 'h', NULL, NULL, NULL, NULL, NULL, 9)")
    db.execute(
        "INSERT INTO passages (id, document_id, text, source, kind) "
        "VALUES (1, 1, 'An old passage about gas.', 'old.txt', 'narrative')"
    )
    db.execute("INSERT INTO passages_fts (rowid, text) VALUES (1, 'An old passage about gas.')")
    db.commit()
    db.close()
    with Index(path) as index:
        assert index.schema_version() == SCHEMA_VERSION
        assert [p.text for p in index.candidates("gas")] == ["An old passage about gas."]
        assert next(index.documents()).passages == 1


def test_a_newer_index_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Index(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer factcheck"):
        Index(path)


def test_a_file_that_is_not_a_database_is_refused_and_kept(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my precious notes\n" * 100)
    with pytest.raises(StoreError, match=r"notes\.db: not an index"):
        Index(path)
    assert path.read_text() == "my precious notes\n" * 100


def test_another_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a factcheck index"):
        Index(path)


def test_a_location_that_cannot_be_created(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot create its folder"):
        Index(tmp_path / "file" / "index.db")


def test_a_full_disk_fails_the_batch_and_keeps_earlier_ones(tmp_path, monkeypatch):
    path = tmp_path / "index.db"
    with Index(path) as index:
        stored(index, GAS)
        pages = index.db.execute("PRAGMA page_count").fetchone()[0]
        index.db.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up
        big = Document(source="big.txt", text="Gas prices rose again today. " * 20_000)
        with pytest.raises(StoreError, match="disk is full"):
            stored(index, big)
    with Index(path) as index:
        assert index.sources() == ["gas.txt"]
        assert index.integrity_check() == "ok"


def test_add_sources_is_incremental(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.txt").write_text("Peskov denied the gas union.")
    (folder / "b.txt").write_text("Tokayev spoke about gas.")
    with Index(tmp_path / "index.db") as index:
        first = add_sources(index, [str(folder)])
        assert (first.added, first.unchanged) == (2, 0)
        (folder / "b.txt").write_text("Tokayev spoke about oil.")
        (folder / "a.txt").unlink()
        (folder / "c.txt").write_text("A new article.")
        second = add_sources(index, [str(folder)], prune=True)
        assert (second.added, second.updated, second.unchanged, second.removed) == (1, 1, 0, 1)
        assert sorted(index.sources()) == [str(folder / "b.txt"), str(folder / "c.txt")]
        third = add_sources(index, [str(folder)])
        assert (third.added, third.updated, third.unchanged) == (0, 0, 2)


def test_unchanged_documents_are_not_analysed_again(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Peskov denied the gas union.")
    with Index(tmp_path / "index.db") as index:
        add_sources(index, [str(tmp_path / "a.txt")])
        monkeypatch.setattr("factcheck.corpus.analyse", pytest.fail)
        assert add_sources(index, [str(tmp_path / "a.txt")]).unchanged == 1


@pytest.mark.parametrize(
    "given, stale",
    [
        (["archive"], ["archive/gone.txt"]),
        (["archive/"], ["archive/gone.txt"]),
        (["./archive/gone.txt"], ["archive/gone.txt"]),
        (["arch"], []),
        (["https://example.com/news"], ["https://example.com/news"]),
        (["records.jsonl"], ["records.jsonl#9"]),
    ],
)
def test_stale_sources(given, stale):
    indexed = ["archive/kept.txt", "archive/gone.txt", "archive2/x.txt", "https://example.com/news"]
    indexed += ["records.jsonl#1", "records.jsonl#9"]
    assert stale_sources(indexed, given, seen={"archive/kept.txt", "records.jsonl#1"}) == stale


@pytest.mark.parametrize(
    "source, key",
    [
        ("real/a.txt", "real/a.txt"),
        ("./real/../real/a.txt", "real/a.txt"),
        ("link/a.txt", "real/a.txt"),  # a symlinked folder is followed
        ("link", "real"),
        ("link/", "real"),
        ("real/..", ""),
        ("https://example.com/news?id=1", "https://example.com/news?id=1"),
    ],
)
def test_source_key_is_the_resolved_path(tmp_path, monkeypatch, source, key):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("A.")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    monkeypatch.chdir(tmp_path)
    expected = key if "://" in key else str((tmp_path / key).resolve())
    assert source_key(source) == expected


def test_one_bad_file_does_not_hide_the_rest_of_its_folder(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "b.txt").write_text("Peskov denied the gas union.")
    errors = []
    with Index(None) as index:
        summary = add_sources(index, [str(tmp_path)], on_error=errors.append)
        assert (summary.added, summary.skipped, summary.failed, len(errors)) == (1, 1, 0, 1)


def test_in_memory_and_persistent_indexes_answer_alike(tmp_path):
    (tmp_path / "gas.txt").write_text(GAS.text)
    (tmp_path / "weather.txt").write_text(WEATHER.text)
    memory = build_corpus([str(tmp_path)])
    with Index(tmp_path / "index.db") as disk:
        add_sources(disk, [str(tmp_path)])
        for text in ("Kremlin gas", "nobody is talking about gas", "rain in Moscow"):
            assert memory.search(text) == disk.search(text)


def test_the_document_count_is_kept_until_a_write(tmp_path):
    with Index(tmp_path / "count.db") as index:
        index.add(GAS, [])
        statements: list[str] = []
        index.db.set_trace_callback(statements.append)
        assert index.document_count() == index.document_count() == 1
        assert sum("count(*) FROM documents" in s for s in statements) == 1
        index.add(WEATHER, [])
        assert index.document_count() == 2
        with Index(tmp_path / "count.db") as other:  # another connection's write is seen too
            other.remove([WEATHER.source])
        assert index.document_count() == 1
