"""The first line of defence against hostile input: size, binary content, encoding."""

from __future__ import annotations

import hashlib
import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from charset_normalizer import from_bytes

from dossier.model import Refusal
from dossier.settings import Settings

# Control characters that never occur in text (tab, newline, carriage return, form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def read_bounded(path: Path, settings: Settings, limit: int | None = None) -> bytes | Refusal:
    """The file's bytes, or a refusal when it is larger than the limit (checked before reading;
    `limit` defaults to one document's)."""
    limit = settings.max_document_bytes if limit is None else limit
    size = path.stat().st_size
    if size > limit:
        return Refusal(str(path), f"too large: {size:,} bytes, limit {limit:,}", size=size)
    return path.read_bytes()


Decoder = Callable[[bytes, str, Settings], "str | Refusal"]


def read_file(
    path: Path, settings: Settings, decoder: Decoder | None = None, limit: int | None = None
) -> tuple[bytes, str] | Refusal:
    """A file's bytes and its text, or the refusal of either step."""
    raw = read_bounded(path, settings, limit)
    if isinstance(raw, Refusal):
        return raw
    text = (decoder or decode)(raw, str(path), settings)
    return text if isinstance(text, Refusal) else (raw, text)


def decode(raw: bytes, path: str, settings: Settings, line: int | None = None) -> str | Refusal:
    """UTF-8 (or UTF-16 with a byte-order mark) text, else a credible legacy decoding, else a
    refusal saying why not.

    Most news that is not UTF-8 is Windows-1252 or Latin-1, and one accented name must not cost
    the whole article; `detect` says when another code page is credible. NUL and control bytes
    are binary whatever decoding would make of them.
    """

    def refuse(reason: str) -> Refusal:
        keep = raw if len(raw) <= settings.max_quarantine_bytes else None
        return Refusal(path, reason, line=line, raw=keep, size=len(raw))

    if not raw.strip():
        return refuse("empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            return refuse(f"undecodable UTF-16 at byte {exc.start}")
    else:
        if b"\x00" in raw[:8192]:
            return refuse("binary content (NUL bytes)")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if _binary(raw[:8192].decode("latin-1")):
                return refuse("binary content (control characters)")
            detected = detect(raw)
            if detected is None:
                byte = f"byte 0x{raw[exc.start]:02x} at offset {exc.start}"
                return refuse(f"not UTF-8 and no credible text encoding ({byte})")
            text = detected
    if _binary(text[:8192]):
        return refuse("binary content (control characters)")
    if not text.strip():
        return refuse("empty")
    return text


def _binary(sample: str) -> bool:
    return bool(sample) and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100)


# Code pages read as Windows-1252 when the detector finds them as likely as its best guess: it
# is a superset of Latin-1's printable characters and what English-language news was written in.
_WESTERN = {"cp1252", "latin_1", "iso8859_15"}
# Bytes the detector looks at: enough for a verdict, bounded whatever the document's size.
DETECT_BYTES = 64 * 1024
_TIE = 0.05


def detect(raw: bytes) -> str | None:
    """The text of `raw` in the most credible legacy encoding, or None when none is credible.

    charset-normalizer ranks code pages by how chaotic and how language-like each decoding reads;
    on short texts it cannot tell Windows-1252 from its neighbours (or from cp1006), so a Western
    code page that ranks as well as the best wins; another code page must at least look like a
    language (coherence above zero).
    """
    matches = list(from_bytes(raw[:DETECT_BYTES]))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        western = _WESTERN & set(match.could_be_from_charset)
        if (
            western
            and match.chaos <= best.chaos + _TIE
            and match.coherence >= best.coherence - _TIE
        ):
            try:
                return raw.decode("cp1252")
            except UnicodeDecodeError:
                return raw.decode("latin-1") if "latin_1" in western else None
    if best.coherence <= 0:
        return None
    try:
        return raw.decode(best.encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def content_hash(text: str) -> str:
    """Identity of a text for exact-duplicate detection: whitespace and case do not matter."""
    canonical = " ".join(text.split()).casefold()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class TookTooLong(Exception):
    """Parsing one document ran past its time bound."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TookTooLong in the block once `seconds` have passed. A real-time timer signals the
    main thread, where readers run; elsewhere (a worker thread) the block runs unbounded, as
    signals reach only the main thread."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise TookTooLong(f"took longer than {seconds:g} s to parse")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
