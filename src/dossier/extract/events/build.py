"""A merged incident written out as the `Event` record that flows on."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from dossier.extract.events.merge import UNKNOWN, Candidate
from dossier.extract.events.parts import ATTACKERS_KILLED, COUNT, KILLED, WOUNDED, added
from dossier.extract.names import full_name, fullest
from dossier.model import Count, Event, Evidence, Figure, Place
from dossier.tolls import lowest_credible
from dossier.vocab.events import lexicon


def _first(reports: list[Figure], kind: str) -> Count | None:
    return next((r.count for r in reports if r.kind == kind), None)


def _killed(incident: Candidate) -> Count | None:
    """Everyone the incident killed, as the danger index counts deaths (and GTD and ACLED code
    them): the lowest toll a credible source gives (`tolls.lowest_credible`, the rule the index
    counts by), plus the attackers' own dead where the text tells them apart ("the bomber was
    also killed"). Both stay in `reports` as they were told."""
    lowest = lowest_credible(
        (r for r in incident.reports if r.kind == KILLED), incident.perpetrator
    )
    victims = lowest.count if lowest is not None else None
    attackers = _first(incident.reports, ATTACKERS_KILLED)
    if attackers is None or victims is None:
        return victims or attackers
    return added([victims, attackers], victims.text)


def event(incident: Candidate, doc: Doc) -> Event:
    """The event; its place falls back on the country of the text, its killed is `_killed`, its
    other figures the first report of each kind (every report stays in `reports`)."""
    lex = lexicon()
    place = incident.place
    if place is not None and place.country is None and incident.country:
        place = replace(place, country=incident.country)
    if place is None and incident.country:
        place = Place(incident.country, incident.country, "", kind="country")
    kind = incident.type
    if incident.suicide:
        # A suicide attack of unstated method is a suicide bombing.
        kind = lex.suicide_as.get(kind, kind)
    if kind in lex.non_attacks:
        count, killed, wounded = _first(incident.reports, COUNT), None, None
    else:
        count = None
        killed, wounded = _killed(incident), _first(incident.reports, WOUNDED)
    named_victims = dict.fromkeys(
        full_name(doc, v) for v in incident.roles.victims if v not in incident.victims
    )
    return Event(
        type=kind,
        evidence=Evidence("", incident.start, incident.end),
        date=incident.date,
        place=place,
        site=incident.site,
        perpetrator=incident.perpetrator,
        perpetrator_text=incident.perpetrator_text,
        # Claimed by rival groups: no perpetrator, but the attack is claimed all the same; by
        # state forces: no armed group, but the text says (or alleges) who did it.
        attribution=incident.attribution
        if incident.perpetrator or incident.state_doer or len(incident.claimants) > 1
        else UNKNOWN,
        attributed_by=incident.attributed_by,
        suicide=incident.suicide,
        perpetrator_individuals=tuple(incident.roles.perpetrators),
        targets=tuple(incident.roles.targets),
        weapon=tuple(incident.roles.weapons),
        killed=killed,
        wounded=wounded,
        count=count,
        victims=tuple(incident.victims + fullest(list(named_victims))),
        reports=tuple(incident.reports),
        claimants=tuple(incident.claimants),
    )
