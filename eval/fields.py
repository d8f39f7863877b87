"""Per-field scoring of extracted facts against one gold file (rules in eval/README.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dossier.model import Count, Event, Facts
from dossier.vocab.fold import name_key
from dossier.vocab.places import bare_key, gazetteer

SYMMETRIC = {"rival_of", "allied_with", "linked_to"}
EVENT_FIELDS = (
    "type",
    "date",
    "place",
    "country",
    "perpetrator",
    "attribution",
    "killed",
    "wounded",
)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def cell(self) -> str:
        return f"{self.precision:.2f} {self.recall:.2f} {self.f1:.2f}"


def same_name(a: str | None, b: str | None) -> bool:
    return bool(a and b) and name_key(a) == name_key(b)  # type: ignore[arg-type]


def _loose(a: str) -> set[str]:
    return {w.rstrip("s") for w in name_key(a).split() if w not in ("the", "of", "a")}


def similar_name(a: str, b: str) -> bool:
    """Equal, or the words of one contained in the other's ("police" ~ "police officials")."""
    x, y = _loose(a), _loose(b)
    return bool(x and y) and (x <= y or y <= x)


def country_key(name: str | None) -> str | None:
    if not name:
        return None
    found = gazetteer().lookup(name)
    countries = [c.country for c in found if c.kind == "country"]
    return name_key(countries[0] if countries else name)


def place_keys(name: str | None) -> set[str]:
    if not name:
        return set()
    # "Khyber district" and "Khyber" name one place; so do a town and its other spellings.
    keys = {name_key(name), bare_key(name)} - {""}
    keys |= {name_key(c.name) for c in gazetteer().lookup(name)}
    return keys


def _bounds(gold: dict[str, Any]) -> tuple[int | None, int | None] | None:
    if "exact" in gold:
        return gold["exact"], gold["exact"]
    if "at_least" in gold:
        return gold["at_least"], None
    if "more_than" in gold:
        return gold["more_than"] + 1, None
    if "range" in gold:
        return gold["range"][0], gold["range"][1]
    if "approx" in gold:
        return gold["approx"], gold["approx"]
    return None


def count_matches(predicted: Count | None, gold: dict[str, Any] | None) -> bool:
    if predicted is None or gold is None:
        return False
    bounds = _bounds(gold)
    return bounds is not None and (predicted.low, predicted.high) == bounds


def gold_counts(event: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """Every figure the gold gives for killed or wounded: the single one or each report's."""
    figures = [event[kind]] if event.get(kind) else []
    figures += [r[kind] for r in event.get(f"{kind}_reports", []) if r.get(kind)]
    return figures


def gold_type(event: dict[str, Any]) -> set[str]:
    types = {event["type"], *event.get("also_acceptable_types", [])}
    return {"bombing" if t == "suicide_bombing" else t for t in types}


def _event_field(
    field: str, event: Event | None, gold: dict[str, Any] | None
) -> tuple[bool, bool, bool]:
    """(predicted has a value, gold has a value, they agree) for one field of a matched pair."""
    p_value: Any = None
    if event is not None:
        p_value = {
            "type": event.type,
            "date": event.date.value if event.date else None,
            "place": event.place.name if event.place and event.place.kind != "country" else None,
            "country": event.place.country if event.place else None,
            "perpetrator": event.perpetrator,
            "attribution": event.attribution if event.perpetrator else None,
            "killed": event.killed,
            "wounded": event.wounded,
        }[field]
    g_value: Any = None
    if gold is not None:
        g_value = {
            "type": gold_type(gold),
            "date": gold.get("date"),
            "place": gold.get("place"),
            "country": gold.get("country"),
            "perpetrator": gold.get("perpetrator"),
            "attribution": gold.get("attribution") if gold.get("perpetrator") else None,
            "killed": gold_counts(gold, "killed") or None,
            "wounded": gold_counts(gold, "wounded") or None,
        }[field]
        if field == "perpetrator" and g_value is None and p_value in gold.get("parties", []):
            return False, False, False  # a party to a clash is not a wrong perpetrator
    agree = False
    if p_value is not None and g_value is not None:
        if field == "type":
            agree = p_value in g_value
        elif field == "date":
            dates = {g_value, *gold.get("date_range", [])} if gold else {g_value}
            agree = p_value in dates
        elif field == "place":
            agree = bool(place_keys(p_value) & place_keys(g_value))
        elif field == "country":
            alternatives = [g_value, *(gold or {}).get("country_also_acceptable", [])]
            agree = country_key(p_value) in {country_key(c) for c in alternatives}
        elif field in ("killed", "wounded"):
            agree = any(count_matches(p_value, g) for g in g_value)
        else:
            agree = same_name(p_value, g_value) if field == "perpetrator" else p_value == g_value
    return p_value is not None, g_value is not None, agree


def _pair_score(event: Event, gold: dict[str, Any]) -> int:
    score = 0
    if event.date and gold.get("date") and event.date.value == gold["date"]:
        score += 2
    if event.place and place_keys(event.place.name) & place_keys(gold.get("place")):
        score += 2
    if event.place and country_key(event.place.country) == country_key(gold.get("country")):
        score += 1
    if same_name(event.perpetrator, gold.get("perpetrator")):
        score += 1
    if event.type in gold_type(gold):
        score += 1
    return score


def match_events(events: tuple[Event, ...], gold: list[dict[str, Any]]) -> list[tuple[Any, Any]]:
    """Pairs (predicted, gold), one-to-one, best first; a pair needs a score of 2 or more
    (same date, or same place, or same country and type, ...). Unmatched sides pair with None."""
    scored = sorted(
        ((_pair_score(e, g), i, j) for i, e in enumerate(events) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_p, used_g, pairs = set(), set(), []
    for score, i, j in scored:
        if score >= 2 and i not in used_p and j not in used_g:
            used_p.add(i), used_g.add(j)
            pairs.append((events[i], gold[j]))
    pairs += [(e, None) for i, e in enumerate(events) if i not in used_p]
    pairs += [(None, g) for j, g in enumerate(gold) if j not in used_g]
    return pairs


def score_events(facts: Facts, gold: dict[str, Any]) -> dict[str, Score]:
    gold_events = [g for g in gold["events"] if g.get("type") != "surrender"]
    events = tuple(e for e in facts.events if e.type != "surrender")
    scores = {f: Score() for f in EVENT_FIELDS}
    for event, gold_event in match_events(events, gold_events):
        for field in EVENT_FIELDS:
            has_p, has_g, agree = _event_field(field, event, gold_event)
            scores[field].tp += agree
            scores[field].fp += has_p and not agree
            scores[field].fn += has_g and not agree
    return scores


def score_relations(facts: Facts, gold: dict[str, Any]) -> Score:
    predicted = {(r.subject, r.type, r.object) for r in facts.relations}
    wanted = list(gold["relations"])
    score = Score()
    matched: set[int] = set()
    for subject, kind, obj in predicted:
        for i, g in enumerate(wanted):
            if i in matched:
                continue
            kinds = {g["type"], *g.get("also_acceptable", [])}
            forward = same_name(subject, g["subject"]) and same_name(obj, g["object"])
            backward = same_name(subject, g["object"]) and same_name(obj, g["subject"])
            if kind in kinds and (forward or (kind in SYMMETRIC and backward)):
                matched.add(i)
                score.tp += 1
                break
        else:
            score.fp += 1
    score.fn = len(wanted) - len(matched)
    return score


def _match_lists(predicted: list[str], wanted: list[str], same) -> Score:  # type: ignore[no-untyped-def]
    score, used = Score(), set()
    for p in predicted:
        hit = next((i for i, w in enumerate(wanted) if i not in used and same(p, w)), None)
        if hit is None:
            score.fp += 1
        else:
            used.add(hit)
            score.tp += 1
    score.fn = len(wanted) - len(used)
    return score


def score_victims(facts: Facts, gold: dict[str, Any]) -> Score:
    predicted = [v.category for v in facts.victim_categories]
    return _match_lists(predicted, gold["victim_categories"], similar_name)


def score_attributions(facts: Facts, gold: dict[str, Any]) -> Score:
    predicted = list(dict.fromkeys(f"{c.source}\x00{c.about}" for c in facts.claims))
    wanted = [f"{a['source']}\x00{a['says_about']}" for a in gold["attributions"]]

    def same(p: str, w: str) -> bool:
        (ps, pa), (ws, wa) = p.split("\x00"), w.split("\x00")
        return similar_name(ps, ws) and same_name(pa, wa)

    return _match_lists(predicted, wanted, same)


def score_anomalies(facts: Facts, gold: dict[str, Any]) -> Score:
    def same(p: str, w: str) -> bool:
        a, b = name_key(p), name_key(w)
        return bool(a and b) and (a in b or b in a)

    return _match_lists(
        [a.text for a in facts.anomalies], [a["text"] for a in gold["anomalies"]], same
    )
