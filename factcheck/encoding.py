"""Bytes to text: byte-order marks, declared charsets, then detection.

Plain files are UTF-8 (with or without BOM), UTF-16 or cp1252 in practice; web pages declare
their charset in the HTTP header or a ``<meta>`` tag, and the declaration is only trusted when
the bytes agree with it.
"""

from __future__ import annotations

import codecs
import re

from factcheck.errors import NotADocumentError

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SNIFF_BYTES = 8192
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# UTF-8 with at most this many stray bytes (or this share of the bytes) is still UTF-8: a
# pasted title or an ad snippet in another encoding should cost one character, not the page.
STRAY_BYTES = 4
STRAY_SHARE = 0.001
STRAY_BYTE_RE = re.compile("[\udc80-\udcff]")  # how surrogateescape keeps an invalid byte
# Magic numbers of common binary formats that contain no NUL in their first bytes.
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"BZh")


def bom_encoding(data: bytes) -> str | None:
    return next((encoding for bom, encoding in BOMS if data.startswith(bom)), None)


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte of mostly-ASCII text is NUL."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and not even.count(0):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and not odd.count(0):
        return "utf-16-be"
    return None


def is_binary(head: bytes) -> bool:
    """Whether the first bytes of a file look like a binary format rather than text."""
    if bom_encoding(head) or utf16_without_bom(head):
        return False
    return b"\x00" in head or head.startswith(BINARY_MAGIC)


def refuse_binary(head: bytes, *, source: str) -> None:
    """Raise :class:`NotADocumentError` when the first bytes of ``source`` are a binary format."""
    if is_binary(head):
        raise NotADocumentError(f"{source}: looks like a binary file, not text")


def decode_text(data: bytes, *, source: str) -> str:
    """Decode a plain text file: BOM, UTF-16 without BOM, UTF-8 (:func:`mostly_utf8` too),
    then cp1252.

    cp1252 is a superset of the printable Latin-1 range, so Latin-1 files read correctly too.
    """
    head = data[:SNIFF_BYTES]
    encoding = bom_encoding(head) or utf16_without_bom(head)
    if encoding:
        return data.decode(encoding, errors="replace")
    refuse_binary(head, source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return mostly_utf8(data) or data.decode("cp1252", errors="replace")


def mostly_utf8(data: bytes) -> str | None:
    """``data`` as UTF-8, each invalid byte replaced, when all but a few bytes are UTF-8.

    A few means at most :data:`STRAY_BYTES` or :data:`STRAY_SHARE` of the bytes, and no more
    than the valid multi-byte characters: a legacy-encoded text (``Café`` in cp1252) has no
    valid multi-byte sequences to speak of, so it is left to the legacy decoders.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    stray = sum(1 for _ in STRAY_BYTE_RE.finditer(text))
    multibyte_extra = len(data) - len(text)  # at least one per valid multi-byte character
    if stray > max(STRAY_BYTES, len(data) * STRAY_SHARE) or stray > multibyte_extra:
        return None
    return STRAY_BYTE_RE.sub("\ufffd", text)


def normalize_encoding(name: str | None) -> str | None:
    """Python's name for a declared charset, or None when Python does not know it.

    Browsers read ``iso-8859-1`` and ``ascii`` as windows-1252 (WHATWG encoding standard).
    """
    if not name:
        return None
    try:
        encoding = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if encoding in {"latin-1", "iso8859-1", "ascii"} else encoding


def declared_html_charset(data: bytes) -> str | None:
    match = META_CHARSET_RE.search(data[:SNIFF_BYTES])
    return normalize_encoding(match.group(1).decode("ascii", "replace")) if match else None


def decode_html(data: bytes, *, declared: str | None = None) -> str:
    """Decode a web page: BOM, UTF-8, the header's charset, ``<meta charset>``, then detection.

    Bytes that are valid UTF-8, or all but a few (:func:`mostly_utf8`), are read as UTF-8
    whatever the page declares (pages often declare Latin-1 and serve UTF-8; the reverse
    cannot decode cleanly). A declared charset is used only if the bytes decode cleanly
    with it.
    """
    encoding = bom_encoding(data[:4]) or utf16_without_bom(data[:SNIFF_BYTES])
    if encoding:
        return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if text := mostly_utf8(data):
        return text
    for candidate in (normalize_encoding(declared), declared_html_charset(data)):
        if candidate:
            try:
                return data.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
    return data.decode(detect_encoding(data), errors="replace")


def detect_encoding(data: bytes) -> str:
    """The most likely encoding of undeclared bytes, by charset-normalizer.

    On short samples several single-byte encodings look equally plausible; windows-1252, the
    web's most common legacy encoding and the browsers' default, wins such near-ties.
    """
    from charset_normalizer import from_bytes

    matches = from_bytes(data[: 256 * 1024])
    best = matches.best()
    if best is None:
        return "cp1252"
    cp1252 = next((match for match in matches if match.encoding == "cp1252"), None)
    if cp1252 is not None and cp1252.chaos <= best.chaos + 0.05:
        return "cp1252"
    return normalize_encoding(best.encoding) or "cp1252"
