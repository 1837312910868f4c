"""`factcheck index add/list/remove/stats`, as a user runs them."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import cli
from factcheck.corpus import add_sources, user_data_dir
from factcheck.store import Index

pytestmark = pytest.mark.usefixtures("fake_attribution")


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def archive(tmp_path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "gas.txt").write_text(
        'The Kremlin denied it.\n\n"Nobody is talking about gas," Peskov said on December 8.\n'
    )
    (folder / "weather.txt").write_text("Rain is expected in Moscow on Friday.\n")
    return folder


def test_add_then_list_then_stats(archive, tmp_path):
    db = str(tmp_path / "index.db")
    added = run("index", "add", str(archive), "--db", db)
    assert added.exit_code == 0
    assert "2 added, 0 updated, 0 unchanged" in added.stderr
    assert "Indexing" not in added.stderr  # no progress bar unless stderr is a terminal
    listed = json.loads(run("index", "list", "--db", db, "--format", "json").stdout)
    assert [(d["source"], d["quotes"]) for d in listed] == [
        (str(archive / "gas.txt"), 1),
        (str(archive / "weather.txt"), 0),
    ]
    stats = json.loads(run("index", "stats", "--db", db, "--format", "json").stdout)
    assert (stats["documents"], stats["quotes"], stats["passages"]) == (2, 1, 4)
    assert "size on disk" in run("index", "stats", "--db", db).stdout


def test_the_index_lives_in_the_user_data_directory_by_default(archive, tmp_path):
    assert run("index", "add", str(archive)).exit_code == 0
    assert (tmp_path / "data" / "factcheck" / "index.db").exists()


@pytest.mark.parametrize(
    "platform, environ, folder",
    [
        ("linux", {}, "/home/ada/.local/share"),
        ("linux", {"XDG_DATA_HOME": "/data"}, "/data"),
        ("darwin", {}, "/home/ada/Library/Application Support"),
        ("win32", {"LOCALAPPDATA": "C:/Users/ada/AppData/Local"}, "C:/Users/ada/AppData/Local"),
    ],
)
def test_user_data_dir(platform, environ, folder):
    assert user_data_dir(platform, environ, Path("/home/ada")) == Path(folder)


def test_add_a_url(httpserver, tmp_path):
    page = "<html><head><title>Gas</title></head><body><article><p>{}</p></article></body></html>"
    text = '"Nobody is talking about gas," Peskov said. ' * 5
    httpserver.expect_request("/story").respond_with_data(
        page.format(text), content_type="text/html"
    )
    url = httpserver.url_for("/story")
    db = str(tmp_path / "index.db")
    assert run("index", "add", url, "--db", db).exit_code == 0
    [listed] = json.loads(run("index", "list", "--db", db, "--format", "json").stdout)
    assert (listed["source"], listed["title"]) == (url, "Gas")
    assert "1 removed" in run("index", "remove", url, "--db", db).stderr


def test_factcheck_db_names_the_index(archive, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(tmp_path / "env.db"))
    run("index", "add", str(archive))
    assert (tmp_path / "env.db").exists()


def test_re_adding_changes_only_what_changed(archive, tmp_path):
    db = str(tmp_path / "index.db")
    run("index", "add", str(archive), "--db", db)
    (archive / "weather.txt").write_text("Snow is expected in Moscow on Friday.\n")
    (archive / "gas.txt").unlink()
    again = run("index", "add", str(archive), "--db", db, "--prune")
    assert "0 added, 1 updated, 0 unchanged, 1 removed" in again.stderr


def test_remove_a_document_or_a_folder(archive, tmp_path):
    db = str(tmp_path / "index.db")
    run("index", "add", str(archive), "--db", db)
    assert "1 removed" in run("index", "remove", str(archive / "gas.txt"), "--db", db).stderr
    assert "1 removed" in run("index", "remove", str(archive), "--db", db).stderr
    missing = run("index", "remove", "nowhere.txt", "--db", db)
    assert missing.exit_code == 2
    assert missing.stderr.endswith("Error: not in the index: nowhere.txt\n")


def test_a_text_too_large_in_a_folder_is_skipped(archive, tmp_path, monkeypatch):
    monkeypatch.setattr("factcheck.sources.MAX_TEXT_CHARS", 60)
    db = str(tmp_path / "index.db")
    result = run("index", "add", str(archive), "--db", db)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"warning: {archive / 'gas.txt'}: text is too large to analyse (82 characters;"
        " the limit is 60) (skipped)",
        f"1 added, 0 updated, 0 unchanged, 0 removed, 1 skipped, 0 failed; 1 documents in {db}",
    ]


def test_a_source_that_fails_is_reported_and_the_rest_indexed(archive, tmp_path, httpserver):
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    gone = httpserver.url_for("/gone")
    result = run("index", "add", str(archive), gone, "--db", str(tmp_path / "i.db"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"warning: {gone}: HTTP 404 NOT FOUND\n2 added")


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("missing.txt", None, "no such file or folder"),
        ("empty.txt", "", "no text (empty)"),
        ("picture.html", b"%PDF-1.4 binary", "looks like a binary file, not text"),
    ],
)
def test_a_source_that_cannot_be_indexed_is_one_error_line(name, content, reason, tmp_path):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    result = run("index", "add", str(path), "--db", str(tmp_path / "i.db"))
    assert (result.exit_code, result.stderr) == (2, f"Error: {path}: {reason}\n")


def test_errors_name_a_source_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_text("")
    result = run("index", "add", "empty.txt", "--db", "i.db")
    assert (result.exit_code, result.stderr) == (2, "Error: empty.txt: no text (empty)\n")


def test_a_missing_source_among_good_ones_stops_before_indexing(archive, tmp_path):
    db = tmp_path / "i.db"
    result = run("index", "add", str(archive), "missing.txt", "--db", str(db))
    assert (result.exit_code, result.stderr) == (2, "Error: missing.txt: no such file or folder\n")
    assert not db.exists()


def test_an_index_on_a_read_only_share_can_be_read(archive, tmp_path, monkeypatch):
    db = str(tmp_path / "index.db")
    run("index", "add", str(archive), "--db", db)
    monkeypatch.setattr("factcheck.store.is_writable", lambda path: False)
    assert len(json.loads(run("index", "list", "--db", db, "--format", "json").stdout)) == 2
    assert json.loads(run("index", "stats", "--db", db, "--format", "json").stdout)["documents"]
    claim = run("claim", "Nobody is talking about gas", "--db", db, "--format", "json")
    assert claim.exit_code == 0
    assert "gas.txt" in claim.stdout


def test_a_picture_in_a_folder_is_skipped_and_does_not_fail_the_run(archive, tmp_path):
    (archive / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    db = str(tmp_path / "index.db")
    for summary in ("2 added, 0 updated, 0 unchanged", "0 added, 0 updated, 2 unchanged"):
        result = run("index", "add", str(archive), "--db", db)
        assert result.exit_code == 0
        assert result.stderr.splitlines() == [
            f"warning: {archive / 'photo.png'}: looks like a binary file, not text (skipped)",
            f"{summary}, 0 removed, 1 skipped, 0 failed; 2 documents in {db}",
        ]


def test_a_file_added_by_another_path_is_the_same_document(archive, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "index.db")
    assert "2 added" in run("index", "add", "archive", "--db", db).stderr
    again = run("index", "add", str(archive / "gas.txt"), "./archive/../archive", "--db", db)
    assert "0 added, 0 updated, 3 unchanged" in again.stderr
    listed = json.loads(run("index", "list", "--db", db, "--format", "json").stdout)
    assert [d["source"] for d in listed] == [str(archive / "gas.txt"), str(archive / "weather.txt")]
    assert "2 removed" in run("index", "remove", "archive", "--db", db).stderr


def test_an_index_labelled_by_relative_paths_keeps_working(archive, tmp_path, monkeypatch):
    """Indexes made before paths were resolved hold paths as given: still recognised."""
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "index.db"
    with Index(db) as index:
        add_sources(index, ["archive"], resolve_paths=False)
    assert "0 added, 0 updated, 2 unchanged" in run("index", "add", "archive", "--db", db).stderr
    (archive / "weather.txt").write_text("Snow is expected in Moscow on Friday.\n")
    changed = run("index", "add", "archive", "--db", str(db), "--prune")
    assert "0 added, 1 updated, 1 unchanged, 0 removed" in changed.stderr
    listed = json.loads(run("index", "list", "--db", str(db), "--format", "json").stdout)
    assert [d["source"] for d in listed] == [str(archive / "weather.txt"), "archive/gas.txt"]
    assert "2 removed" in run("index", "remove", "archive", "--db", str(db)).stderr


def test_no_index_yet(tmp_path):
    result = run("index", "stats", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2
    assert "no index yet" in result.stderr


def test_a_corrupt_db_is_one_line_and_exit_2(archive, tmp_path):
    db = tmp_path / "corrupt.db"
    db.write_bytes(b"garbage" * 1000)
    result = run("index", "add", str(archive), "--db", str(db))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {db}: not an index (not an SQLite database, or corrupt)\n"
    assert db.read_bytes() == b"garbage" * 1000


def test_a_full_disk_is_one_line_and_keeps_what_was_indexed(archive, tmp_path, monkeypatch):
    db = str(tmp_path / "index.db")
    run("index", "add", str(archive / "weather.txt"), "--db", db)
    (archive / "big.txt").write_text("Gas prices rose again today. " * 20_000)
    monkeypatch.setattr("factcheck.store.CONNECTION_PRAGMAS", ("max_page_count = 40",))
    result = run("index", "add", str(archive), "--db", db)
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: {db}: disk is full\n")
    monkeypatch.undo()
    listed = json.loads(run("index", "list", "--db", db, "--format", "json").stdout)
    assert [d["source"] for d in listed] == [str(archive / "weather.txt")]


HEAVY_MODULES = ("bs4", "lxml", "requests", "rapidfuzz")


@pytest.mark.parametrize("args", [["--help"], ["index", "stats", "--db", "none.db"]])
def test_help_and_index_stats_start_without_heavy_modules(args, tmp_path):
    code = (
        "import sys\n"
        "from factcheck.cli import cli\n"
        f"try: cli.main({args!r})\n"
        f"finally: print([m for m in {HEAVY_MODULES!r} if m in sys.modules])"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path
    )
    assert found.stdout.strip().splitlines()[-1] == "[]"


# Real processes: killed mid-run, and two writers at once ---------------------------------

# Indexes with narrative passages only, so these tests do not depend on attribution.
CHILD = """
import sys
import factcheck.corpus
from factcheck.passages import passages_of
factcheck.corpus.analyse = lambda document, **_: ([], passages_of(document, []))
from factcheck.cli import cli
from factcheck.corpus import add_sources, user_data_dir
from factcheck.store import Index
cli.main(sys.argv[1:], prog_name="factcheck")
"""


def spawn(*args: str) -> subprocess.Popen:
    """``factcheck ARGS`` in a process group of its own, as a shell runs a command."""
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
        start_new_session=True,
    )


def generated_archive(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:05}.txt").write_text(
            f"Story {n}. The minister said the budget for year {n} would rise. " * 5
        )
    return folder


def committed(db: Path) -> int:
    """Documents committed so far (0 while the index is still being created)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
            return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("stop, status", [(signal.SIGKILL, -9), (signal.SIGINT, 130)])
def test_a_killed_run_leaves_a_valid_index_and_a_re_run_completes(tmp_path, stop, status, jobs):
    archive = generated_archive(tmp_path / "archive", 600)
    db = tmp_path / "index.db"
    child = spawn("index", "add", str(archive), "--db", str(db), "--jobs", jobs)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and committed(db) < 200:
        time.sleep(0.02)
    if stop == signal.SIGINT:
        os.killpg(child.pid, stop)  # Ctrl-C: the main process and its workers get it
    else:
        child.send_signal(stop)  # the main process alone: its workers must not wait forever
    assert child.wait() == status
    # stderr ends when every process holding it (each worker) has exited.
    stderr = child.communicate(timeout=60)[1]
    assert stderr == ("\nInterrupted.\n" if stop == signal.SIGINT else "")  # no tracebacks
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.execute("INSERT INTO passages_fts (passages_fts) VALUES ('integrity-check')")
    kept = committed(db)
    assert 200 <= kept < 600 and kept % 100 == 0  # whole batches, nothing half-written
    rerun = spawn("index", "add", str(archive), "--db", str(db), "--jobs", jobs)
    assert rerun.wait(timeout=60) == 0, rerun.stderr.read()
    assert f"{600 - kept} added, 0 updated, {kept} unchanged" in rerun.stderr.read()


def test_jobs_must_not_be_negative(archive, tmp_path):
    result = run("index", "add", str(archive), "--jobs", "-1", "--db", str(tmp_path / "i.db"))
    assert result.exit_code == 2
    assert "Error: Invalid value for '-j' / '--jobs': -1 is not in the range x>=0" in result.stderr
    assert not (tmp_path / "i.db").exists()


def test_two_writers_at_once_both_succeed(tmp_path):
    first = generated_archive(tmp_path / "first", 400)
    second = generated_archive(tmp_path / "second", 400)
    db = tmp_path / "index.db"
    writers = [spawn("index", "add", str(folder), "--db", str(db)) for folder in (first, second)]
    for writer in writers:
        assert writer.wait(timeout=60) == 0, writer.stderr.read()
    assert committed(db) == 800
