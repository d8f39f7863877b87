"""The profile of a group: the questions a reader of the news asks, answered with cited quotes.

Each line of a profile is either a sentence of a stored document (quoted), or a fact stated from
what was extracted: names with where each was read, a relation, an incident with its reports,
the danger index with its parts (composed). Every line carries at least one citation, and a
citation's quote is always `document.text[start:end]`.
"""

from __future__ import annotations

from dossier.analyse.attributes import (
    area_lines,
    founding_lines,
    leader_lines,
    name_lines,
    relation_lines,
    source_lines,
    stated_area_lines,
    strength_lines,
    tactics_lines,
)
from dossier.analyse.danger_lines import danger_lines, plural
from dossier.analyse.incidents import incidents_of
from dossier.analyse.lead import lead_lines
from dossier.analyse.names import find_actor
from dossier.model import (
    AliasUse,
    Attribution,
    Evidence,
    Incident,
    Line,
    Profile,
    Quote,
    Section,
)
from dossier.store import Store
from dossier.vocab.designations import designations_of
from dossier.vocab.fold import name_key
from dossier.vocab.topics import IDENTITY, OTHER, topics

SECTION_LIMIT = 8
DISPLAY_CHARS = 420


def _display(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= DISPLAY_CHARS else flat[: DISPLAY_CHARS - 1].rstrip() + "…"


def _lines(statements: list[Quote]) -> list[Line]:
    """One line per distinct sentence: the same sentence in two articles is cited twice."""
    merged: dict[str, tuple[str, list[Evidence]]] = {}
    for s in statements:
        key = name_key(s.text)
        _, cites = merged.setdefault(key, (_display(s.text), []))
        cites.append(s.evidence)
    return [Line(text, tuple(cites)) for text, cites in merged.values()]


STANCE_WORDS = {
    "claimed": "claimed by {group}",
    "accused": "blamed on {group}",
    "suspected": "{group} suspected",
    "confirmed": "",
    "unknown": "",
}


def _said(attribution: Attribution) -> str:
    """ "claimed by IS-K", "blamed on IS-K by US officials"."""
    words = STANCE_WORDS[attribution.stance].format(group=attribution.group)
    by = attribution.by
    if words and by and by != attribution.group and attribution.stance != "claimed":
        words += f" by {by}"
    return words


def _incident_line(incident: Incident) -> Line:
    """One attack: when, where, what, every figure with its source, and who says who did it."""
    where = ", ".join(p for p in (incident.place, incident.country) if p) or "place not stated"
    what = incident.type.replace("_", " ") + (" (suicide)" if incident.suicide else "")
    counted = [f for f in incident.figures if f.kind == "count"]
    if counted:
        what += f" of {counted[0].count.text}"
    figures = "; ".join(
        f"{f.count.text} {f.kind}" + (f" ({f.source})" if f.source else "")
        for f in incident.figures
        if f.kind != "count"
    )
    stances: list[str] = []
    for claimant in incident.claimants:
        stance = _said(claimant)
        if stance and stance not in stances:
            stances.append(stance)
    if incident.contested:
        stances = ["contested: " + ", ".join(stances or incident.groups)]
    elif not incident.claimants:
        stances = ["perpetrator not stated"]
    n = len(incident.reports)
    told = f"reported by {n} documents" if n > 1 else ""
    parts = [f"{incident.date or 'date not stated'}, {where}: {what}", figures, *stances, told]
    return Line("; ".join(p for p in parts if p) + ".", incident.citations, quoted=False)


def _claim_lines(store: Store, name: str) -> list[Line]:
    """Who says what about the group, one line per source and sentence."""
    lines, seen = [], set()
    for claim in store.claims_about(name):
        key = (claim.label, name_key(claim.text))
        if key in seen:
            continue
        seen.add(key)
        text = f"{claim.label}: {_display(claim.text)}"
        lines.append(Line(text, (claim.evidence,), False))
    return lines


def _contradiction_lines(incidents: list[Incident]) -> list[Line]:
    """Incidents whose reports give different figures: all of them, side by side, lowest first
    (then by source and text, so that the order never depends on chance)."""
    lines = []
    for incident in incidents:
        for kind in ("killed", "wounded"):
            figures = [f for f in incident.figures if f.kind == kind]
            if len({(f.count.low, f.count.high) for f in figures}) < 2:
                continue
            figures.sort(key=lambda f: (f.count.low or 0, f.source or "", f.count.text))
            where = incident.place or incident.country or "place not stated"
            said = "; ".join(f.count.text + (f" ({f.source})" if f.source else "") for f in figures)
            lines.append(
                Line(
                    f"Reports disagree on the number {kind} in the {incident.date or 'undated'} "
                    f"{incident.type.replace('_', ' ')} in {where}: {said}.",
                    incident.citations,
                    quoted=False,
                )
            )
    return lines


def _anomaly_lines(store: Store, name: str) -> list[Line]:
    return [
        Line(f'"{a.text}": {a.label}.', (a.evidence,), quoted=False)
        for a in store.anomalies_in_documents_about(name)
    ]


def _dated(alias: AliasUse) -> str:
    """ "IS-K (2021-08-27 to 2022-02-28, 4 documents)"."""
    span = alias.first if alias.first == alias.last else f"{alias.first} to {alias.last}"
    dates = f"{span}, " if alias.first else ""
    return f"{alias.alias} ({dates}{plural(len(alias.documents), 'document')})"


def _section(topic: str, title: str, lines: list[Line], limit: int | None) -> Section:
    shown = lines if limit is None else lines[:limit]
    return Section(topic, title, tuple(shown), omitted=len(lines) - len(shown))


def build_profile(
    store: Store,
    name: str,
    limit: int | None = SECTION_LIMIT,
    as_of: int | None = None,
    incidents: list[Incident] | None = None,
) -> Profile:
    """The profile of the group any of whose names is `name`; its danger index is computed as
    of `as_of` (default: the year of the group's latest incident). `incidents` are the group's
    (`incidents_of(store.events_of(canonical))`) when the caller has read them already, as the
    web page does for its map, so that a page reads them once."""
    canonical = find_actor(store, name)
    actor = store.actor(canonical)
    statements = store.statements_about(canonical)
    by_topic: dict[str, list[Quote]] = {}
    for s in statements:
        by_topic.setdefault(s.label, []).append(s)

    history = store.alias_history(canonical)
    who = (
        [
            Line(
                "Known in these reports as " + ", ".join(_dated(a) for a in history) + ".",
                tuple(a.first_use for a in history),
                quoted=False,
            )
        ]
        if history
        else []
    )
    attributes = store.attributes_of(canonical)
    relations = store.relations_dated(canonical)
    if incidents is None:
        incidents = incidents_of(store.events_of(canonical))
    lead = lead_lines(canonical, history, attributes, relations, incidents)
    sections = [
        Section("summary", "In short", tuple(lead), paragraph=True),
        _section(
            IDENTITY,
            "Who it is",
            who + name_lines(attributes) + _lines(by_topic.get(IDENTITY, [])),
            None,
        ),
        _section("leaders", "Leaders", leader_lines(attributes), None),
    ]
    facts = {
        "formation": founding_lines(attributes),
        "fighters": strength_lines(attributes),
        "relations": relation_lines(canonical, relations),
        "attacks": [_incident_line(incident) for incident in incidents],
        "danger": danger_lines(store, canonical, incidents, as_of),
    }
    for topic in topics():
        lines = facts.get(topic.topic, []) + _lines(by_topic.get(topic.topic, []))
        sections.append(_section(topic.topic, topic.title, lines, limit))
    area = stated_area_lines(attributes) + area_lines(incidents)
    sections.append(_section("area", "Where it operates", area, None))
    sections.append(_section("tactics", "Targets and tactics", tactics_lines(incidents), None))
    said = source_lines(attributes) + _claim_lines(store, canonical)
    sections.append(_section("sources", "What sources say", said, limit))
    sections.append(
        _section(
            "contradictions",
            "Contradictions and anomalies",
            _contradiction_lines(incidents) + _anomaly_lines(store, canonical),
            None,
        )
    )
    sections.append(_section(OTHER, "Also reported", _lines(by_topic.get(OTHER, [])), limit))

    cited = {c for s in sections for line in s.lines for c in line.citations}
    documents = store.documents({c.document_id for c in cited})
    quotes = store.quotes(cited)
    return Profile(
        canonical,
        actor.kind,
        actor.registered,
        tuple(sections),
        tuple(sorted(documents.values(), key=lambda d: (d.published is None, d.published, d.id))),
        tuple(Quote(evidence, text) for evidence, text in quotes.items()),
        tuple(attributes),
        tuple(relations),
        designations_of(canonical),
    )
