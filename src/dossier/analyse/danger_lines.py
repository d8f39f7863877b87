"""The "How dangerous" lines of a profile: the danger index with its parts, its trend, the
target mix and the reach, each line citing the reports of the incidents it counts."""

from __future__ import annotations

from dossier.analyse.danger import count_incident, danger_index
from dossier.model import Incident, Line
from dossier.store import Store


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def danger_lines(
    store: Store, name: str, incidents: list[Incident], as_of: int | None
) -> list[Line]:
    """The index as of `as_of` (default: the latest publication in the store) and its parts."""
    counted = [c for c in map(count_incident, incidents) if c is not None]
    if not counted:
        return []
    index = danger_index(counted, as_of or store.latest_year() or max(c.year for c in counted))
    every = tuple(e for c in index.counted for e in c.citations)
    disputed = sum(c.disputed for c in index.counted)
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
        named = ", ".join(f"{t.category} ({plural(t.documents, 'document')})" for t in mix)
        lines.append(
            Line(
                f"Target mix in the reports of its attacks: {named}.",
                tuple(t.first_use for t in mix),
                quoted=False,
            )
        )
    by_id = {i.id: i for i in incidents}
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
