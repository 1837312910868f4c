"""Reading http(s) URLs, against a local server only: pages, charsets and everything bad."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from factcheck.errors import SourceError
from factcheck.fetch import FetchPolicy, fetch
from factcheck.sources import read_source, read_sources

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"
ARTICLE = (FIXTURES / "article.html").read_bytes()
FAST = FetchPolicy(
    connect_timeout=1, read_timeout=0.5, total_timeout=2, max_bytes=2**20, backoff=0.01
)
Route = tuple[int, dict[str, str], bytes | Callable[[], Iterator[bytes]]]


def endless() -> Iterator[bytes]:
    """400 MB of page, produced as it is sent (a client that stops reading ends it)."""
    yield b"<html><body>"
    chunk = b"<p>" + b"word " * 13_000 + b"</p>"
    for _ in range(400 * 2**20 // len(chunk)):
        yield chunk


def trickle() -> Iterator[bytes]:
    """A page that never ends, one byte at a time, each well within the read timeout."""
    yield b"<html><body><p>"
    while True:
        time.sleep(0.05)
        yield b"w"


def latin1_page(charset_meta: str = "") -> bytes:
    return (
        f"<html><head>{charset_meta}<title>Café</title></head><body><article>"
        "<p>“Déjà vu,” said the café owner in Zürich, who had seen it all before "
        "and was not impressed by any of it, not even slightly.</p></article></body></html>"
    ).encode("cp1252")


ROUTES: dict[str, Route] = {
    "/2020/06/07/article": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE),
    "/notes.txt": (200, {"Content-Type": "text/plain"}, "Plain “text”.\n".encode()),
    "/header-charset": (200, {"Content-Type": "text/html; charset=windows-1252"}, latin1_page()),
    "/meta-charset": (
        200,
        {"Content-Type": "text/html"},
        latin1_page('<meta charset="windows-1252">'),
    ),
    "/undeclared-charset": (200, {"Content-Type": "text/html"}, latin1_page()),
    "/missing": (404, {}, b"not here"),
    "/broken": (500, {}, b"oops"),
    "/bad-request": (400, {}, b"no"),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/huge": (200, {"Content-Type": "text/html"}, endless),
    "/trickle": (200, {"Content-Type": "text/html"}, trickle),
    "/rate-limited": (429, {"Retry-After": "0"}, b"slow down"),
    "/come-back-later": (503, {"Retry-After": "3600"}, b"maintenance"),
    "/huge-declared": (200, {"Content-Type": "text/html", "Content-Length": "419430400"}, b""),
    "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
    "/octets": (200, {"Content-Type": "application/octet-stream"}, b"\x00\x01"),
    "/binary-as-text": (200, {"Content-Type": "text/plain"}, b"\x00\x01\x02\x03" * 10),
    "/empty": (200, {"Content-Type": "text/html"}, b""),
    "/pdf-as-html": (200, {"Content-Type": "text/html"}, b"%PDF-1.4 %\xe2\xe3\xcf\xd3 1 0 obj"),
    "/picture.html": (200, {}, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    "/malformed": (
        200,
        {"Content-Type": "text/html"},
        b"<html><body><div><p>Unclosed paragraphs still hold enough words to be read"
        b"<p>and <b>bold <i>nesting</div></span> that never closes at all <table><td>",
    ),
}


class Handler(BaseHTTPRequestHandler):
    hits: ClassVar[Counter[str]] = Counter()
    flaky_failures = 2

    def do_GET(self) -> None:
        Handler.hits[self.path] += 1
        if self.path == "/flaky":  # fails twice, then works
            ok = Handler.hits[self.path] > self.flaky_failures
            status, headers, body = 200 if ok else 503, {"Content-Type": "text/plain"}, b"ok\n"
        else:
            status, headers, body = ROUTES.get(self.path, (404, {}, b""))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if not callable(body) and "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for chunk in body() if callable(body) else [body]:
                self.wfile.write(chunk)
                self.wfile.flush()
        except OSError:  # the client gave up: expected for endless bodies
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/"


@pytest.fixture
def closed_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def read_url(url: str):
    (document,) = read_source(url, policy=FAST)
    return document


def test_article_page_from_a_url(server):
    url = f"{server}/2020/06/07/article"
    document = read_url(url)
    assert (document.source, document.url) == (url, url)
    assert document.title == "Kremlin denies gas-for-concessions deal"
    assert document.date == "2020-06-07"  # the URL path says when it was published
    assert "Nobody is talking about gas" in document.text


def test_plain_text_url(server):
    assert read_url(f"{server}/notes.txt").text == "Plain “text”.\n"


@pytest.mark.parametrize("path", ["/header-charset", "/meta-charset", "/undeclared-charset"])
def test_charset_from_header_meta_or_detection(server, path):
    document = read_url(server + path)
    assert "“Déjà vu,” said the café owner in Zürich" in document.text


def test_retries_after_503_then_succeeds(server):
    Handler.hits.clear()
    assert read_url(f"{server}/flaky").text == "ok\n"
    assert Handler.hits["/flaky"] == 3


@pytest.mark.parametrize(
    "path, reason, attempts",
    [
        ("/missing", "HTTP 404 Not Found", 1),
        ("/bad-request", "HTTP 400 Bad Request", 1),
        ("/broken", "HTTP 500 Internal Server Error", 3),  # retried: 5xx may pass
        ("/rate-limited", "HTTP 429 Too Many Requests", 3),
        ("/come-back-later", "HTTP 503 Service Unavailable", 1),  # not past the deadline
        ("/trickle", "download took longer than 2 s", 1),
        ("/loop", "more than 5 redirects", 6),
        ("/to-file", "redirected to a URL that is not http(s)", 1),
        ("/huge", "response is larger than 1 MB", 1),
        ("/huge-declared", "response is larger than 1 MB", 1),
        ("/image", "not a text page (image/png)", 1),
        ("/octets", "not a text page (application/octet-stream)", 1),
        ("/binary-as-text", "looks like a binary file", 1),
        ("/pdf-as-html", "looks like a binary file", 1),
        ("/picture.html", "looks like a binary file", 1),
        ("/empty", "empty response", 1),
    ],
)
def test_bad_answers_give_one_line(server, path, reason, attempts):
    Handler.hits.clear()
    with pytest.raises(SourceError, match=re.escape(reason)) as caught:
        read_url(server + path)
    assert str(caught.value).startswith(server + path + ": ")
    assert "\n" not in str(caught.value)
    assert Handler.hits[path] == attempts


def test_huge_body_is_not_held_in_memory(server):
    import tracemalloc

    tracemalloc.start()
    try:
        with pytest.raises(SourceError):
            fetch(f"{server}/huge", policy=FAST)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * FAST.max_bytes


def test_malformed_html_from_a_url(server):
    assert "Unclosed paragraphs" in read_url(f"{server}/malformed").text


def test_server_that_never_answers_gives_up_at_the_read_timeout(silent_server):
    with pytest.raises(SourceError, match="no answer"):
        read_url(silent_server)


def test_connection_refused(closed_port):
    with pytest.raises(SourceError, match="connection refused"):
        read_url(closed_port)


def test_bad_url_among_good_sources_is_a_warning(server):
    problems: list[SourceError] = []
    sources = [f"{server}/missing", f"{server}/notes.txt"]
    documents = list(read_sources(sources, on_error=problems.append, policy=FAST))
    assert [d.source for d in documents] == [f"{server}/notes.txt"]
    assert [str(p) for p in problems] == [f"{server}/missing: HTTP 404 Not Found"]
