"""Which toll counts when sources disagree: the lowest figure a credible source gives, the
perpetrator's own claim counting only when no one else gives one (a group inflates its tolls).

One rule for the two places that need it and may not import each other: extract (an event's
`killed`) and analyse (an incident's toll, the deaths the danger index counts).
"""

from __future__ import annotations

from collections.abc import Iterable

from dossier.model import Figure, Report, Toll


def lowest_credible(figures: Iterable[Figure], perpetrator: str | None) -> Figure | None:
    """The figure with the lowest low bound among those not sourced to the perpetrator (all of
    them when only the perpetrator gives one); None when no figure has a low bound. Of equal low
    bounds a bounded figure wins ("only one soldier died" tells more than "at least one"), then
    the first."""
    given = [f for f in figures if f.count.low is not None]
    credible = [f for f in given if perpetrator is None or f.source != perpetrator] or given
    return min(credible, key=lambda f: (f.count.low or 0, f.count.high is None), default=None)


NO_FIGURE = Toll(0, None, False, "no figure given")


def toll(reports: Iterable[Report], kind: str, perpetrator: str | None) -> Toll:
    """The lowest credible total of one kind. Each source's total in each report is its
    largest figure there, so that a breakdown ("18 killed: 13 civilians and 5 soldiers") or an
    earlier count is not read as a rival total; totals that differ across reports or sources
    are a dispute, settled at the lowest figure a credible source gives."""
    totals: dict[tuple[str, str | None], Figure] = {}
    for report in reports:
        for f in report.figures:
            if f.kind != kind or f.count.low is None:
                continue
            key = (report.document_id, f.source)
            if key not in totals or f.count.low > (totals[key].count.low or 0):
                totals[key] = f
    if not totals:
        return NO_FIGURE
    figures = list(totals.values())
    chosen = lowest_credible(figures, perpetrator)
    if chosen is None:
        return NO_FIGURE
    lows = sorted({f.count.low for f in figures if f.count.low is not None})
    said = f"{chosen.count.text}" + (f" ({chosen.source})" if chosen.source else "")
    if len(lows) == 1:
        why = f"{said}, the only figure given" if len(figures) == 1 else f"{said}, as all agree"
    elif perpetrator and chosen.source == perpetrator:
        why = f"{said}, the group's own claim, as no one else gives a figure"
    else:
        why = f"{said}, the lowest of {len(lows)} figures sources give"
    return Toll(chosen.count.low or 0, chosen, len(lows) > 1, why)
