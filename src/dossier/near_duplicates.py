"""Near-duplicates: syndicated copies of one wire story (the same text under another header or
footer, a paragraph more or less) are one document, read once.

Each text is reduced to a MinHash signature of its word 5-grams: `PERMUTATIONS` minimum hashes,
whose share of equal positions estimates the Jaccard similarity of two texts' 5-grams. The
signature is cut into `BANDS` bands; texts that share a whole band are candidates (locality
sensitive hashing, so a new text is compared with a handful of others, not with every stored
one). A copy with a paragraph more or less is mostly contained in the other text though their
Jaccard similarity is modest on a short story, so a candidate is a near-duplicate when the
estimated share of the shorter text's 5-grams found in the other reaches `CONTAINED` (and the
similarity is at least `SIMILAR`).
Short texts (a one-line export note) are never matched: templated reports of different events
share most of their words.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

SHINGLE = 5
PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
CONTAINED = 0.85
CANDIDATES = 20  # compared in full per text, those sharing most bands first
SIMILAR = 0.5
MIN_WORDS = 60
_PRIME = (1 << 31) - 1  # a Mersenne prime: a * x + b stays under 2**63 for x, a, b below it
_WORD = re.compile(r"\w+")
_rng = np.random.default_rng(20_151)  # fixed: signatures must be comparable across runs
_A = _rng.integers(1, _PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, PERMUTATIONS, dtype=np.uint64)


@dataclass(frozen=True)
class Signature:
    """A text's MinHash: the minimum hashes, and how many distinct 5-grams it has."""

    shingles: int
    values: tuple[int, ...]


def signature(text: str) -> Signature | None:
    """The MinHash signature of a text's word 5-grams, None for a text too short to match."""
    words = _WORD.findall(text.casefold())
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    hashes = np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little") % _PRIME
            for s in shingles
        ),
        dtype=np.uint64,
        count=len(shingles),
    )
    # (a * x + b) mod p per permutation: a random permutation of the shingles' hashes.
    permuted = (_A[:, None] * hashes[None, :] + _B[:, None]) % np.uint64(_PRIME)
    return Signature(len(shingles), tuple(int(v) for v in permuted.min(axis=1)))


def bands(sig: Signature) -> list[str]:
    """The band keys a signature is found by: band number and a digest of its rows."""
    keys = []
    for band in range(BANDS):
        rows = sig.values[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(repr(rows).encode(), digest_size=8).hexdigest()
        keys.append(f"{band}:{digest}")
    return keys


def similarity(a: Signature, b: Signature) -> float:
    """The estimated Jaccard similarity of the two texts' 5-grams."""
    return sum(x == y for x, y in zip(a.values, b.values, strict=True)) / PERMUTATIONS


def contained(a: Signature, b: Signature) -> float:
    """The estimated share of the shorter text's 5-grams that the other holds."""
    j = similarity(a, b)
    shared = j / (1 + j) * (a.shingles + b.shingles)
    return min(1.0, shared / min(a.shingles, b.shingles))


def repeats(a: Signature, b: Signature) -> bool:
    """Whether one text is a copy of the other, give or take a header, a footer, a paragraph."""
    return similarity(a, b) >= SIMILAR and contained(a, b) >= CONTAINED


class NearIndex:
    """The signatures of one run's documents, found by band."""

    def __init__(self) -> None:
        self.by_band: dict[str, list[str]] = {}
        # Compact: 128 small integers a document, not 128 Python ints, so a run of a million
        # documents keeps its index in memory.
        self.values: dict[str, np.ndarray] = {}
        self.shingles: dict[str, int] = {}

    def add(self, document_id: str, sig: Signature) -> None:
        self.values[document_id] = np.asarray(sig.values, dtype=np.uint32)
        self.shingles[document_id] = sig.shingles
        for key in bands(sig):
            self.by_band.setdefault(key, []).append(document_id)

    def remove(self, document_id: str) -> None:
        """Forget a document (stored now: the store's bands find it from here on)."""
        values = self.values.pop(document_id, None)
        shingles = self.shingles.pop(document_id, 0)
        if values is None:
            return
        for key in bands(Signature(shingles, tuple(int(v) for v in values))):
            holders = self.by_band.get(key)
            if holders is not None and document_id in holders:
                holders.remove(document_id)
                if not holders:
                    del self.by_band[key]

    def candidates(self, sig: Signature) -> list[str]:
        """The documents sharing most bands with the text, at most `CANDIDATES`: templated
        texts share bands with many others, and a copy shares most of its bands."""
        shared: Counter[str] = Counter()
        for key in bands(sig):
            shared.update(self.by_band.get(key, ()))
        return [d for d, _ in shared.most_common(CANDIDATES)]

    def match(self, sig: Signature) -> str | None:
        """The document of this run the text repeats, if any: the most similar of those it
        repeats."""
        found = {
            d: Signature(self.shingles[d], tuple(int(v) for v in self.values[d]))
            for d in self.candidates(sig)
        }
        return best_match(sig, found)


def best_match(sig: Signature, candidates: dict[str, Signature]) -> str | None:
    """The candidate the text repeats, the most similar first; None when it repeats none."""
    scored = sorted(((similarity(sig, s), d) for d, s in candidates.items()), reverse=True)
    return next((d for _, d in scored if repeats(sig, candidates[d])), None)
