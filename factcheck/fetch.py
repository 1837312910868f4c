"""Download a web page with requests, defensively.

What the web serves is hostile by accident or on purpose: servers that never answer, redirect
loops, endless bodies, images behind ``.html`` names. Every download has connect and read
timeouts, a cap on total time and on body size (the body is streamed, never held beyond the
cap), a redirect limit, and retries with backoff on 429 and 5xx only.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.message import Message
from typing import TYPE_CHECKING

from factcheck import __version__
from factcheck.errors import SourceError

if TYPE_CHECKING:
    import requests
    import urllib3

USER_AGENT = f"factcheck/{__version__} (fact-check and quote verifier; +python-requests)"
CHUNK_BYTES = 64 * 1024
# Content types worth reading; anything else (images, PDFs, octet-streams) is refused unread.
TEXT_TYPES = ("text/", "html", "xml", "json")


@dataclass(frozen=True)
class FetchPolicy:
    """Limits of one download; tests shrink them to stay fast."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0  # longest wait for the next bytes
    total_timeout: float = 30.0  # the whole download, retries and redirects included
    max_bytes: int = 20 * 2**20
    max_redirects: int = 5
    retries: int = 2  # extra attempts after a 429 or 5xx answer
    backoff: float = 0.5  # seconds before the first retry, doubled each time
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    content_type: str  # e.g. text/html, "" when the server does not say
    charset: str | None  # as declared in the Content-Type header
    body: bytes


def content_type_of(header: str | None) -> tuple[str, str | None]:
    """(type, charset) of a Content-Type header, lower case."""
    if not header:
        return "", None
    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset")
    return message.get_content_type(), charset if isinstance(charset, str) else None


def fetch(url: str, *, policy: FetchPolicy | None = None) -> Response:
    """The body of ``url`` after redirects, or :class:`SourceError` saying why not."""
    import requests

    policy = policy or FetchPolicy()
    deadline = time.monotonic() + policy.total_timeout
    with requests.Session() as session:
        session.max_redirects = policy.max_redirects
        session.headers["User-Agent"] = policy.user_agent
        try:
            return fetch_with_retries(session, url, policy=policy, deadline=deadline)
        except requests.TooManyRedirects:
            raise SourceError(f"{url}: more than {policy.max_redirects} redirects") from None
        except requests.ConnectTimeout:
            raise SourceError(f"{url}: cannot connect (timed out)") from None
        except requests.ConnectionError as error:
            raise SourceError(f"{url}: {connection_problem(error)}") from None
        except requests.Timeout:
            raise SourceError(f"{url}: no answer within {policy.read_timeout:g} s") from None
        except requests.exceptions.InvalidSchema:  # only reachable through a redirect
            raise SourceError(f"{url}: redirected to a URL that is not http(s)") from None
        except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema):
            raise SourceError(f"{url}: invalid URL") from None
        except requests.RequestException as error:
            raise SourceError(f"{url}: cannot download ({type(error).__name__})") from None


def fetch_with_retries(
    session: requests.Session, url: str, *, policy: FetchPolicy, deadline: float
) -> Response:
    for attempt in range(policy.retries + 1):
        response = session.get(
            url,
            stream=True,
            timeout=(policy.connect_timeout, policy.read_timeout),
            headers={"Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"},
        )
        with response:
            status = response.status_code
            retryable = status == 429 or status >= 500
            if retryable and attempt < policy.retries:
                pause = retry_pause(response, attempt, policy=policy)
                if time.monotonic() + pause < deadline:
                    time.sleep(pause)
                    continue
            if status >= 400:
                reason = f" {response.reason}" if response.reason else ""
                raise SourceError(f"{url}: HTTP {status}{reason}")
            return read_body(response, url=url, policy=policy, deadline=deadline)
    raise AssertionError("unreachable: the last attempt returns or raises")


def retry_pause(response: requests.Response, attempt: int, *, policy: FetchPolicy) -> float:
    """The server's ``Retry-After`` seconds if it gives them, else exponential backoff."""
    after = response.headers.get("Retry-After", "")
    return float(after) if after.isdigit() else policy.backoff * 2**attempt


def read_body(
    response: requests.Response, *, url: str, policy: FetchPolicy, deadline: float
) -> Response:
    """The streamed body, refused early when its type or size is wrong."""
    import urllib3

    content_type, charset = content_type_of(response.headers.get("Content-Type"))
    if content_type and not any(kind in content_type for kind in TEXT_TYPES):
        raise SourceError(f"{url}: not a text page ({content_type})")
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > policy.max_bytes:
        raise SourceError(f"{url}: response is larger than {size_label(policy.max_bytes)}")
    try:
        body = read_capped(response.raw, url=url, policy=policy, deadline=deadline)
    except (TimeoutError, urllib3.exceptions.ReadTimeoutError):  # raw reads are not wrapped
        raise SourceError(f"{url}: no answer within {policy.read_timeout:g} s") from None
    except (OSError, urllib3.exceptions.HTTPError):
        raise SourceError(f"{url}: connection broken while reading the page") from None
    if not body.strip():
        raise SourceError(f"{url}: empty response")
    return Response(response.url, content_type, charset, bytes(body))


def read_capped(
    raw: urllib3.HTTPResponse, *, url: str, policy: FetchPolicy, deadline: float
) -> bytearray:
    """At most ``policy.max_bytes`` of a body, decompressed, before the deadline."""
    # read1 returns what has arrived, so a server trickling bytes cannot outlast the deadline
    read = getattr(raw, "read1", raw.read)
    body = bytearray()
    while chunk := read(CHUNK_BYTES, decode_content=True):
        body += chunk
        if len(body) > policy.max_bytes:
            raise SourceError(f"{url}: response is larger than {size_label(policy.max_bytes)}")
        if time.monotonic() > deadline:
            raise SourceError(f"{url}: download took longer than {policy.total_timeout:g} s")
    return body


def size_label(size: int) -> str:
    return f"{size / 2**20:g} MB" if size >= 2**20 else f"{size} bytes"


def connection_problem(error: Exception) -> str:
    """A short reason for a connection error (requests nests the useful part deep inside)."""
    text = str(error).lower()
    for needle, reason in (
        ("refused", "cannot connect (connection refused)"),
        ("name or service not known", "cannot connect (unknown host)"),
        ("nodename nor servname", "cannot connect (unknown host)"),
        ("getaddrinfo failed", "cannot connect (unknown host)"),
        ("timed out", "no answer (timed out)"),
        ("reset", "connection reset by the server"),
    ):
        if needle in text:
            return reason
    return "cannot connect"
