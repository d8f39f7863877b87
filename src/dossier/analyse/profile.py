"""The profile of a group: the questions a reader of the news asks, answered with cited quotes.

Each line of a profile is either a sentence of a stored document, or a list of names each with
the span it was read from; every line carries at least one citation, and a citation's quote is
always `document.text[start:end]`.
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.errors import NotFound
from dossier.extract.fold import name_key
from dossier.extract.statements import IDENTITY, OTHER, topics
from dossier.store import Cited, Store

SECTION_LIMIT = 8
DISPLAY_CHARS = 420


@dataclass(frozen=True)
class Citation:
    document_id: str
    start: int
    end: int

    def __str__(self) -> str:
        return f"[{self.document_id}:{self.start}-{self.end}]"


@dataclass(frozen=True)
class Line:
    text: str
    citations: tuple[Citation, ...]

    def render(self) -> str:
        return f"{self.text} {' '.join(map(str, self.citations))}"


@dataclass(frozen=True)
class Section:
    topic: str
    title: str
    lines: tuple[Line, ...]
    omitted: int = 0


@dataclass(frozen=True)
class SourceDocument:
    id: str
    title: str | None
    published: str | None
    source: str | None
    path: str


@dataclass(frozen=True)
class Profile:
    name: str
    kind: str
    registered: bool
    sections: tuple[Section, ...]
    documents: tuple[SourceDocument, ...]


def _display(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= DISPLAY_CHARS else flat[: DISPLAY_CHARS - 1].rstrip() + "…"


def _lines(statements: list[Cited]) -> list[Line]:
    """One line per distinct sentence: the same sentence in two articles is cited twice."""
    merged: dict[str, tuple[str, list[Citation]]] = {}
    for s in statements:
        key = name_key(s.text)
        _, cites = merged.setdefault(key, (_display(s.text), []))
        cites.append(Citation(s.document_id, s.start, s.end))
    return [Line(text, tuple(cites)) for text, cites in merged.values()]


def _section(topic: str, title: str, lines: list[Line], limit: int | None) -> Section:
    shown = lines if limit is None else lines[:limit]
    return Section(topic, title, tuple(shown), omitted=len(lines) - len(shown))


def build_profile(store: Store, name: str, limit: int | None = SECTION_LIMIT) -> Profile:
    canonical = store.actor_named(name)
    if canonical is None:
        raise NotFound(f"no actor named {name!r} in the store (try `dossier actors`)")
    kind, registered, _parent = store.actor_kind(canonical)
    aliases = store.aliases_of(canonical)
    statements = store.statements_about(canonical)
    by_topic: dict[str, list[Cited]] = {}
    for s in statements:
        by_topic.setdefault(s.topic, []).append(s)

    names = ", ".join(a.text for a in aliases)
    who = (
        [
            Line(
                f"Known in these reports as {names}.",
                tuple(Citation(a.document_id, a.start, a.end) for a in aliases),
            )
        ]
        if aliases
        else []
    )
    sections = [_section(IDENTITY, "Who it is", who + _lines(by_topic.get(IDENTITY, [])), None)]
    for topic in topics():
        lines = _lines(by_topic.get(topic.topic, []))
        sections.append(_section(topic.topic, topic.title, lines, limit))
    sections.append(_section(OTHER, "Also reported", _lines(by_topic.get(OTHER, [])), limit))

    cited = {c.document_id for s in sections for line in s.lines for c in line.citations}
    rows = store.documents(cited)
    documents = tuple(
        SourceDocument(
            id=row.id,
            title=row.title,
            published=row.published.isoformat() if row.published else None,
            source=row.source,
            path=row.path,
        )
        for row in sorted(rows.values(), key=lambda r: (r.published is None, r.published, r.id))
    )
    return Profile(canonical, kind, registered, tuple(sections), documents)
