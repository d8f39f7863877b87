"""The first line of defence against hostile input: size, binary content, encoding."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

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
    """UTF-8 (or UTF-16 with a byte-order mark) text, or a refusal saying why not.

    Guessing a legacy code page would silently corrupt names, so undecodable input is refused
    and kept; the user can convert it and ingest it again.
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
            return refuse(f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start})")
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        return refuse("binary content (control characters)")
    if not text.strip():
        return refuse("empty")
    return text


def content_hash(text: str) -> str:
    """Identity of a text for exact-duplicate detection: whitespace and case do not matter."""
    canonical = " ".join(text.split()).casefold()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
