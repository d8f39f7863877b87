"""Which toll counts when sources disagree: the lowest figure a credible source gives, the
perpetrator's own claim counting only when no one else gives one (a group inflates its tolls).

One rule for the two places that need it and may not import each other: extract (an event's
`killed`) and analyse (the deaths the danger index counts).
"""

from __future__ import annotations

from collections.abc import Iterable

from dossier.model import Figure


def lowest_credible(figures: Iterable[Figure], perpetrator: str | None) -> Figure | None:
    """The figure with the lowest low bound, the first of equals, among those not sourced to
    the perpetrator (all of them when only the perpetrator gives one); None when no figure has
    a low bound."""
    given = [f for f in figures if f.count.low is not None]
    credible = [f for f in given if perpetrator is None or f.source != perpetrator] or given
    return min(credible, key=lambda f: f.count.low or 0, default=None)
