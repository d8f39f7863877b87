"""gzip-compressed inputs (`dump.jsonl.gz`, `crawl.warc.gz`, or gzip bytes under any name).

The file is decompressed to a temporary file, never into memory, and refused as soon as it
passes `Settings.max_container_bytes`: a gzip bomb (a few kilobytes that expand to gigabytes)
costs that bound's worth of disk writes and no more. The inner file keeps the outer name less
its last suffix, so the usual dispatch (by name, then by content) reads it; what comes out names the
compressed file, as the user knows it.
"""

from __future__ import annotations

import gzip
import tempfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from dossier.model import Document, Refusal, Skipped
from dossier.settings import Settings

GZIP_MAGIC = b"\x1f\x8b"
GZIP_SUFFIXES = (".gz", ".gzip")
_CHUNK = 1 << 20

Item = Document | Refusal | Skipped


def gunzip_bounded(source: Path, target: Path, limit: int) -> str | None:
    """Decompress `source` into `target`; the reason it cannot be, or None when it was."""
    total = 0
    try:
        with gzip.open(source, "rb") as compressed, target.open("wb") as out:
            while chunk := compressed.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    return f"gzip that decompresses to more than {limit:,} bytes (a gzip bomb?)"
                out.write(chunk)
    except EOFError:
        return f"truncated gzip (ends after {total:,} decompressed bytes)"
    except (gzip.BadGzipFile, zlib.error) as exc:
        return f"corrupt gzip ({' '.join(str(exc).split())})"
    return None


def inner_name(path: Path) -> str:
    """`x.jsonl.gz` -> `x.jsonl`. A gzip named `x.txt` loses the suffix that lied about it, so
    its content decides."""
    return path.stem


def read_compressed(
    path: Path, settings: Settings, read_inner: Callable[[Path], Iterator[Item]]
) -> Iterator[Item]:
    """What `read_inner` makes of the decompressed file, each item renamed to `path`."""
    with tempfile.TemporaryDirectory(prefix="dossier-gz-") as folder:
        inner = Path(folder) / inner_name(path)
        reason = gunzip_bounded(path, inner, settings.max_container_bytes)
        if reason is not None:
            yield Refusal(str(path), reason, size=path.stat().st_size)
            return
        for item in read_inner(inner):
            yield replace(item, path=str(path))
