"""The profile of a group: the questions a reader of the news asks, answered with cited quotes.

Each line of a profile is either a sentence of a stored document (quoted), or a fact stated from
what was extracted: names with where each was read, a relation, an incident with its reports,
the danger index with its parts (composed). Every line carries at least one citation, and a
citation's quote is always `document.text[start:end]`.
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.analyse.danger import best_report, count_incident, danger_index, incidents_of
from dossier.errors import NotFound
from dossier.store import Cited, DatedAlias, Store, StoredEvent
from dossier.vocab.fold import name_key
from dossier.vocab.topics import IDENTITY, OTHER, topics

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
    """A line of a profile. A quoted line is the cited sentence itself; a composed line states a
    fact extracted from the cited sentences ("X is a branch of Y")."""

    text: str
    citations: tuple[Citation, ...]
    quoted: bool = True

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


RELATION_WORDS = {
    "branch_of": "is a branch of",
    "founded_from": "was founded by former members of",
    "split_from": "split from",
    "rival_of": "is a rival of",
    "allied_with": "is allied with",
    "linked_to": "is linked to",
    "recruits_from": "recruits from",
    "affiliated_with": "is affiliated with",
}
SYMMETRIC = {"rival_of", "allied_with", "linked_to"}
STANCE_WORDS = {
    "claimed": "claimed by {by}",
    "accused": "blamed on it by {by}",
    "suspected": "suspected",
    "confirmed": "",
    "unknown": "perpetrator not stated",
}


def _relation_lines(store: Store, name: str) -> list[Line]:
    """One line per relation, cited by every sentence that states it."""
    merged: dict[tuple[str, str, str, str | None], list[Citation]] = {}
    for r in store.relations_of(name):
        subject, obj = r.subject, r.object
        if r.type in SYMMETRIC and obj == name:  # "A is a rival of B" and "B ... of A" are one
            subject, obj = obj, subject
        key = (subject, r.type, obj, r.source)
        merged.setdefault(key, []).append(Citation(r.document_id, r.start, r.end))
    lines = []
    for (subject, kind, obj, source), cites in merged.items():
        said = f", according to {source}" if source else ""
        text = f"{subject} {RELATION_WORDS[kind]} {obj}{said}."
        lines.append(Line(text, tuple(cites), quoted=False))
    return lines


def _figures(figures) -> str:  # type: ignore[no-untyped-def]
    parts = []
    for kind, source, _low, _high, text in figures:
        if kind == "count":
            continue
        parts.append(f"{text} {kind}" + (f" ({source})" if source else ""))
    return "; ".join(parts)


def _cite(reports: list[StoredEvent]) -> tuple[Citation, ...]:
    """Every report of an incident, as citations."""
    return tuple(Citation(r.document_id, r.start, r.end) for r in reports)


def _incident_line(reports: list[StoredEvent], name: str) -> Line:
    """One attack: when, where, what, every figure with its source, and who says who did it."""
    best = best_report(reports)
    where = ", ".join(p for p in (best.place, best.country) if p) or "place not stated"
    what = best.type.replace("_", " ") + (" (suicide)" if any(r.suicide for r in reports) else "")
    figures: list[tuple[str, str | None, int | None, int | None, str]] = []
    for report in reports:
        figures += [f for f in report.figures if f not in figures]
    counted = [f for f in figures if f[0] == "count"]
    if counted:
        what += f" of {counted[0][4]}"
    stances = []
    for report in reports:
        stance = STANCE_WORDS[report.attribution].format(by=report.attributed_by or name)
        if stance and stance not in stances:
            stances.append(stance)
    told = f"reported by {len(reports)} documents" if len(reports) > 1 else ""
    parts = [
        f"{best.date or 'date not stated'}, {where}: {what}",
        _figures(figures),
        *stances,
        told,
    ]
    cites = _cite(reports)
    return Line("; ".join(p for p in parts if p) + ".", cites, quoted=False)


def _claim_lines(store: Store, name: str) -> list[Line]:
    """Who says what about the group, one line per source and sentence."""
    lines, seen = [], set()
    for claim in store.claims_about(name):
        key = (claim.topic, name_key(claim.text))
        if key in seen:
            continue
        seen.add(key)
        text = f"{claim.topic}: {_display(claim.text)}"
        lines.append(Line(text, (Citation(claim.document_id, claim.start, claim.end),), False))
    return lines


def _contradiction_lines(incidents: list[list[StoredEvent]]) -> list[Line]:
    """Incidents whose reports give different figures: all of them, side by side."""
    lines = []
    for reports in incidents:
        for kind in ("killed", "wounded"):
            figures = {(f[1], f[2], f[3], f[4]) for r in reports for f in r.figures if f[0] == kind}
            if len({(low, high) for _, low, high, _ in figures}) < 2:
                continue
            best = best_report(reports)
            where = best.place or best.country or "place not stated"
            said = "; ".join(
                f"{text}" + (f" ({source})" if source else "")
                for source, _low, _high, text in sorted(figures, key=lambda f: f[1] or 0)
            )
            cites = _cite(reports)
            lines.append(
                Line(
                    f"Reports disagree on the number {kind} in the {best.date or 'undated'} "
                    f"{best.type.replace('_', ' ')} in {where}: {said}.",
                    cites,
                    quoted=False,
                )
            )
    return lines


def _anomaly_lines(store: Store, name: str) -> list[Line]:
    return [
        Line(f'"{a.text}": {a.topic}.', (Citation(a.document_id, a.start, a.end),), quoted=False)
        for a in store.anomalies_in_documents_about(name)
    ]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _danger_lines(
    store: Store, name: str, incidents: list[list[StoredEvent]], as_of: int | None
) -> list[Line]:
    """The index and its parts; each line cites the reports of the incidents it counts."""
    counted, cites = [], {}
    for key, reports in enumerate(incidents):
        incident = count_incident(key, reports)
        if incident is not None:
            counted.append(incident)
            cites[key] = _cite(reports)
    if not counted:
        return []
    index = danger_index(counted, as_of or store.latest_year() or max(c.year for c in counted))
    every = tuple(c for i in index.counted for c in cites[i.key])
    disputed = sum(i.disputed for i in index.counted)
    lines = [
        Line(
            f"Danger index {index.score:.3f} of 10 as of {index.as_of} (Global Terrorism Index "
            f"method: {index.formula}); weighted total {index.weighted_total:g}, from "
            f"{len(index.counted)} dated incidents in these reports"
            + (
                f"; {disputed} with disputed tolls, counted at the lowest credible figure"
                if disputed
                else ""
            )
            + ".",
            every,
            quoted=False,
        )
    ]
    before = danger_index(counted, index.as_of - 1)
    trend = (
        "rising"
        if index.score > before.score
        else "falling"
        if index.score < before.score
        else "unchanged"
    )
    lines.append(
        Line(
            f"Trend: {trend}, from {before.score:.3f} as of {before.as_of} to {index.score:.3f}.",
            every,
            quoted=False,
        )
    )
    mix = store.target_mix(name)
    if mix:
        named = ", ".join(f"{c} ({_plural(n, 'document')})" for c, n, _ in mix)
        lines.append(
            Line(
                f"Target mix in the reports of its attacks: {named}.",
                tuple(Citation(f.document_id, f.start, f.end) for _, _, f in mix),
                quoted=False,
            )
        )
    dated = [(best_report(incidents[c.key]), c.key) for c in counted]
    dated.sort(key=lambda pair: pair[0].date or "")
    countries = sorted({best.country for best, _ in dated if best.country})
    (first, first_key), (last, last_key) = dated[0], dated[-1]
    lines.append(
        Line(
            f"Reach: {len(countries)} {'country' if len(countries) == 1 else 'countries'} "
            f"({', '.join(countries)}); first attack in these reports {first.date}, "
            f"last {last.date}.",
            cites[first_key] + (cites[last_key] if last_key != first_key else ()),
            quoted=False,
        )
    )
    for year in index.years:
        if not year.incidents:
            continue
        these = tuple(c for i in index.counted if i.year == year.year for c in cites[i.key])
        lines.append(
            Line(
                f"{year.year} (weight {year.weight}): {_plural(year.incidents, 'incident')}, "
                f"{_plural(year.deaths, 'death')}, {year.injured} injured, "
                f"{_plural(year.hostages, 'hostage')}; score {year.total:g}.",
                these,
                quoted=False,
            )
        )
    return lines


def _dated(alias: DatedAlias) -> str:
    """ "IS-K (2021-08-27 to 2022-02-28, 4 documents)"."""
    span = alias.first if alias.first == alias.last else f"{alias.first} to {alias.last}"
    dates = f"{span}, " if alias.first else ""
    return f"{alias.alias} ({dates}{_plural(len(alias.documents), 'document')})"


def _section(topic: str, title: str, lines: list[Line], limit: int | None) -> Section:
    shown = lines if limit is None else lines[:limit]
    return Section(topic, title, tuple(shown), omitted=len(lines) - len(shown))


def build_profile(
    store: Store, name: str, limit: int | None = SECTION_LIMIT, as_of: int | None = None
) -> Profile:
    """The profile of the group any of whose names is `name`; its danger index is computed as
    of `as_of` (default: the year of the latest publication in the store)."""
    canonical = store.actor_named(name)
    if canonical is None:
        raise NotFound(f"no actor named {name!r} in the store (try `dossier actors`)")
    kind, registered, _parent = store.actor_kind(canonical)
    statements = store.statements_about(canonical)
    by_topic: dict[str, list[Cited]] = {}
    for s in statements:
        by_topic.setdefault(s.topic, []).append(s)

    history = store.alias_history(canonical)
    who = (
        [
            Line(
                "Known in these reports as " + ", ".join(_dated(a) for a in history) + ".",
                tuple(
                    Citation(a.first_use.document_id, a.first_use.start, a.first_use.end)
                    for a in history
                ),
                quoted=False,
            )
        ]
        if history
        else []
    )
    sections = [_section(IDENTITY, "Who it is", who + _lines(by_topic.get(IDENTITY, [])), None)]
    incidents = incidents_of(store.events_of(canonical))
    facts = {
        "relations": _relation_lines(store, canonical),
        "attacks": [_incident_line(reports, canonical) for reports in incidents],
        "danger": _danger_lines(store, canonical, incidents, as_of),
    }
    for topic in topics():
        lines = facts.get(topic.topic, []) + _lines(by_topic.get(topic.topic, []))
        sections.append(_section(topic.topic, topic.title, lines, limit))
    sections.append(_section("sources", "What sources say", _claim_lines(store, canonical), limit))
    sections.append(
        _section(
            "contradictions",
            "Contradictions and anomalies",
            _contradiction_lines(incidents) + _anomaly_lines(store, canonical),
            None,
        )
    )
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
