"""From a processed spaCy Doc to the Facts record: the one place the Doc's state becomes data."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from spacy.tokens import Doc

from dossier.extract.state import Found, state
from dossier.model import (
    Actor,
    Anomaly,
    Document,
    Event,
    Evidence,
    Facts,
    Mention,
    Statement,
    VictimCategory,
)
from dossier.vocab.fold import name_key


def _aliases(name: str, mentions: list[Found], text: str) -> tuple[str, ...]:
    """Distinct names the document uses for the actor, first use first; anaphors are not names."""
    seen: dict[str, str] = {}
    for m in mentions:
        if m.how == "anaphor":
            continue
        surface = text[m.start : m.end]
        seen.setdefault(name_key(surface), surface)
    if name_key(name) in seen:
        seen[name_key(name)] = name
    return tuple(seen.values())


def _with_coded(actors: list[Actor], coded: tuple[Actor, ...]) -> list[Actor]:
    """The text's actors and an export row's: one actor per name, the coded cell's mention
    first."""
    by_name = {a.name: a for a in actors}
    for actor in coded:
        found = by_name.get(actor.name)
        if found is None:
            by_name[actor.name] = actor
            continue
        aliases = tuple(dict.fromkeys(actor.aliases + found.aliases))
        by_name[actor.name] = replace(
            found, aliases=aliases, mentions=actor.mentions + found.mentions
        )
    return list(by_name.values())


def to_facts(document: Document, doc: Doc) -> Facts:
    found = state(doc)
    text = document.text
    by_actor: dict[str, list[Found]] = defaultdict(list)
    for m in found.mentions:
        by_actor[m.actor].append(m)
    actors = []
    for name, mentions in by_actor.items():
        info = found.actors[name]
        actors.append(
            Actor(
                name=name,
                kind=info.kind,
                aliases=_aliases(name, mentions, text),
                mentions=tuple(
                    Mention(text[m.start : m.end], Evidence(document.id, m.start, m.end), m.how)
                    for m in mentions
                ),
                registered=info.registered,
                parent=info.parent,
            )
        )
    statements = tuple(
        Statement(actor, topic, Evidence(document.id, start, end))
        for actor, topic, start, end in found.statements
    )

    def cited(evidence: Evidence) -> Evidence:
        return replace(evidence, document_id=document.id)

    def cited_event(event: Event) -> Event:
        reports = tuple(
            f if f.evidence is None else replace(f, evidence=cited(f.evidence))
            for f in event.reports
        )
        claimants = tuple(replace(c, evidence=cited(c.evidence)) for c in event.claimants)
        return replace(event, evidence=cited(event.evidence), reports=reports, claimants=claimants)

    events = tuple(cited_event(e) for e in found.events)
    if document.coded is not None:
        # What the export's coders recorded comes first, beside what the free text says.
        actors = _with_coded(actors, document.coded.actors)
        events = document.coded.events + events
    return Facts(
        document=document,
        actors=tuple(actors),
        statements=statements,
        events=events,
        relations=tuple(replace(r, evidence=cited(r.evidence)) for r in found.relations),
        claims=tuple(replace(c, evidence=cited(c.evidence)) for c in found.claims),
        victim_categories=tuple(
            VictimCategory(category, Evidence(document.id, start, end))
            for category, start, end in found.victim_categories
        ),
        anomalies=tuple(
            Anomaly(text[start:end], why, Evidence(document.id, start, end))
            for start, end, why in found.anomalies
        ),
        attributes=tuple(replace(a, evidence=cited(a.evidence)) for a in found.attributes),
    )
