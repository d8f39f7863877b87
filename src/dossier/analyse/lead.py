"""The profile's opening paragraph: the answer first, composed from the attributes.

Name and aliases, founding, parent and origin, strength, area and danger index, one clause
each, every clause cited by the spans it is composed from, so a reader can check the paragraph
clause by clause. A clause the store has nothing for is left out rather than guessed; values
that disagree are given side by side ("in 2015 or 2014").
"""

from __future__ import annotations

from dossier.analyse.attributes import of_kind, when
from dossier.analyse.danger import count_incident, danger_index
from dossier.model import AliasUse, DatedRelation, Evidence, Incident, Line, StoredAttribute
from dossier.vocab.fold import name_key

ALIASES_SHOWN = 5


def _distinct(found: list[StoredAttribute]) -> dict[str, list[StoredAttribute]]:
    values: dict[str, list[StoredAttribute]] = {}
    for a in found:
        values.setdefault(name_key(a.attribute.value), []).append(a)
    return values


def _cites(found: list[StoredAttribute]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(a.attribute.evidence for a in found))


def _either(values: dict[str, list[StoredAttribute]]) -> str:
    return " or ".join(same[0].attribute.value for same in values.values())


def lead_lines(
    name: str,
    history: list[AliasUse],
    attributes: list[StoredAttribute],
    relations: list[DatedRelation],
    incidents: list[Incident],
) -> list[Line]:
    clauses: list[Line] = []
    founded = _distinct(of_kind(attributes, "founded"))
    founders = _distinct(of_kind(attributes, "founder"))
    place = _distinct(of_kind(attributes, "founding_place"))
    foundation = bool(founded or founders or place)
    others = [a for a in history if name_key(a.alias) != name_key(name)]
    if history:
        shown = others[:ALIASES_SHOWN]
        named = ", ".join(a.alias for a in shown)
        cites = tuple(a.first_use for a in (shown or history[:1]))
        # "X, also called A and B, was founded ...", else a sentence of its own.
        if foundation:
            text = f"{name}, also called {named}," if shown else name
        else:
            text = f"{name} is also called {named}." if shown else f"{name}."
        clauses.append(Line(text, cites, quoted=False))
    if foundation:
        text = "was founded" if history else f"{name} was founded"
        cites: tuple[Evidence, ...] = ()
        for words, values in (("in", founded), ("in", place), ("by", founders)):
            if values:
                text += f" {words} {_either(values)}"
                cites += tuple(c for same in values.values() for c in _cites(same))
        clauses.append(Line(text + ".", cites, quoted=False))
    parents = [
        d for d in relations if d.relation.type == "branch_of" and d.relation.subject == name
    ]
    if parents:
        named = list(dict.fromkeys(d.relation.object for d in parents))
        clauses.append(
            Line(
                f"It is a branch of {' and '.join(named)}.",
                tuple(d.relation.evidence for d in parents),
                quoted=False,
            )
        )
    origins = _distinct(of_kind(attributes, "origin"))
    if origins:
        cites = tuple(c for same in origins.values() for c in _cites(same))
        clauses.append(Line(f"It came out of {_either(origins)}.", cites, quoted=False))
    clauses += _strength(attributes)
    clauses += _area_and_danger(incidents)
    return clauses


def _strength(attributes: list[StoredAttribute]) -> list[Line]:
    """The first and the latest strength the texts give, each with its date and source."""
    series = sorted(
        of_kind(attributes, "strength"),
        key=lambda a: (a.attribute.role != "at founding", when(a) or ""),
    )
    if not series:
        return []
    chosen = [series[0]] if len(series) == 1 else [series[0], series[-1]]
    parts = []
    for a in chosen:
        role = a.attribute.role
        if role == "at founding":
            parts.append(f"{a.attribute.value} at its founding")
        elif role in ("surrendered", "defected"):
            parts.append(f"{a.attribute.value} {role} ({when(a) or 'undated'})")
        else:
            parts.append(f"{a.attribute.value} ({when(a) or 'undated'})")
        source = a.attribute.evidence.source
        if source:
            parts[-1] += f" according to {source}"
    return [
        Line(
            "Its strength: " + "; ".join(parts) + ".",
            tuple(a.attribute.evidence for a in chosen),
            quoted=False,
        )
    ]


def _area_and_danger(incidents: list[Incident]) -> list[Line]:
    clauses = []
    dated = sorted((i for i in incidents if i.date), key=lambda i: i.date or "")
    countries = list(dict.fromkeys(i.country for i in dated if i.country))
    if countries:
        first, last = dated[0], dated[-1]
        span = first.date if first.date == last.date else f"{first.date} to {last.date}"
        clauses.append(
            Line(
                f"Its reported attacks are in {', '.join(countries)} ({span}).",
                first.citations[:1] + (last.citations[:1] if last is not first else ()),
                quoted=False,
            )
        )
    counted = [c for i in incidents if not i.contested and (c := count_incident(i)) is not None]
    rivals = [c for i in incidents if i.contested and (c := count_incident(i)) is not None]
    if counted:
        # As the index section computes it: as of the year of the latest incident.
        index = danger_index(counted, max(c.year for c in counted + rivals), rivals)
        every = tuple(e for c in index.counted for e in c.citations)
        clauses.append(
            Line(
                f"Its danger index is {index.score:.3f} of 10 as of {index.as_of}.",
                every,
                quoted=False,
            )
        )
    return clauses
