"""The "How dangerous" lines of a profile: the danger index with its parts, its trend, the
target mix and the reach, each line citing the reports of the incidents it counts."""

from __future__ import annotations

from dossier.analyse.danger import count_incident, danger_index
from dossier.model import Counted, Incident, Line
from dossier.store import Store


def _named(incident: Incident) -> str:
    """ "2021-08-26 bombing in Kabul"."""
    where = incident.place or incident.country or "a place not stated"
    return f"{incident.date} {incident.type.replace('_', ' ')} in {where}"


def _latest(counted: list[Counted]) -> int:
    return max(c.year for c in counted)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def danger_lines(
    store: Store, name: str, incidents: list[Incident], as_of: int | None
) -> list[Line]:
    """The index as of `as_of` (default: the year of the group's latest incident) and its
    parts: which toll each disputed incident is counted at and why, and the attacks other
    groups also claim, which count for none of them."""
    mine = [i for i in incidents if not i.contested]
    counted = [c for c in map(count_incident, mine) if c is not None]
    rivals = [c for i in incidents if i.contested and (c := count_incident(i)) is not None]
    if not counted and not rivals:
        return []
    index = danger_index(counted, as_of if as_of is not None else _latest(counted + rivals), rivals)
    every = tuple(e for c in index.counted for e in c.citations)
    disputed = [c for c in index.counted if c.disputed]
    year = "the year asked for" if as_of is not None else "the year of its latest incident"
    lines = [
        Line(
            f"Danger index {index.score:.3f} of 10 as of {index.as_of}, {year} (Global "
            f"Terrorism Index method: {index.formula}); weighted total "
            f"{index.weighted_total:g}, from {len(index.counted)} dated incidents in these "
            "reports"
            + (
                f"; {len(disputed)} with disputed tolls, counted at the lowest credible figure"
                if disputed
                else ""
            )
            + ".",
            every,
            quoted=False,
        )
    ]
    by_id = {i.id: i for i in incidents}
    for c in disputed:
        text = f"Counted for the {_named(by_id[c.incident])}: {c.why}."
        lines.append(Line(text, c.citations, quoted=False))
    for c in index.contested:
        rival = by_id[c.incident]
        text = (
            f"Not counted: the {_named(rival)} is claimed by or blamed on rival groups "
            f"({', '.join(rival.groups)})."
        )
        lines.append(Line(text, c.citations, quoted=False))
    if not counted:
        return lines
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
        named = ", ".join(f"{t.category} ({plural(t.documents, 'document')})" for t in mix)
        lines.append(
            Line(
                f"Target mix in the reports of its attacks: {named}.",
                tuple(t.first_use for t in mix),
                quoted=False,
            )
        )
    dated = sorted((by_id[c.incident] for c in counted), key=lambda i: i.date or "")
    countries = sorted({i.country for i in dated if i.country})
    first, last = dated[0], dated[-1]
    lines.append(
        Line(
            f"Reach: {len(countries)} {'country' if len(countries) == 1 else 'countries'} "
            f"({', '.join(countries)}); first attack in these reports {first.date}, "
            f"last {last.date}.",
            first.citations + (last.citations if last.id != first.id else ()),
            quoted=False,
        )
    )
    for year in index.years:
        if not year.incidents:
            continue
        these = tuple(e for c in index.counted if c.year == year.year for e in c.citations)
        lines.append(
            Line(
                f"{year.year} (weight {year.weight}): {plural(year.incidents, 'incident')}, "
                f"{plural(year.deaths, 'death')}, {year.injured} injured, "
                f"{plural(year.hostages, 'hostage')}; score {year.total:g}.",
                these,
                quoted=False,
            )
        )
    return lines
