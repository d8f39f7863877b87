"""A group's attributes resolved across documents, as profile lines: its founding, names,
leaders, strength as a series, area, targets and tactics, and relations over time.

A value read in several documents is one line cited by each; values that disagree ("January
2015" and "2014") are separate lines side by side, never merged. A value's date is the one the
text gives, else the publication date of the document that states it; a relation is dated by
the first and last documents that state it. Every line cites the words that state it.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from dossier.analyse.danger_lines import plural
from dossier.model import DatedRelation, Evidence, Incident, Line, RelationEdge, StoredAttribute
from dossier.vocab.fold import name_key
from dossier.vocab.relations import relation_cues

RELATION_WORDS = {
    "branch_of": "is a branch of",
    "founded_from": "was founded by former members of",
    "split_from": "split from",
    "rival_of": "is a rival of",
    "allied_with": "is allied with",
    "linked_to": "is linked to",
    "recruits_from": "recruits from",
    "affiliated_with": "is affiliated with",
    "backed_by": "is backed by",
}
ROLES_OF_NAMES = {
    "alias": "Also known as",
    "acronym": "Short name",
    "former": "Formerly known as",
    "new": "Renamed",
}


def _said(a: StoredAttribute) -> str:
    source = a.attribute.evidence.source
    if not source or name_key(source) in name_key(a.attribute.value):
        return ""  # "Dr Abdullah Gaznavi, a spokesman for LeT, told ...": his own word
    return f", according to {source}"


def when(a: StoredAttribute) -> str | None:
    """The date a value holds for: the text's own, else its document's publication."""
    date = a.attribute.date
    if date is not None and date.value:
        return date.value if date.precision != "range" else f"{date.value}..{date.end}"
    return a.published


def _merged(found: list[StoredAttribute], key) -> dict[object, list[StoredAttribute]]:  # type: ignore[no-untyped-def]
    """Attributes grouped by `key`, in the order each value was first stated."""
    merged: dict[object, list[StoredAttribute]] = {}
    for a in found:
        merged.setdefault(key(a), []).append(a)
    return merged


def _cites(found: list[StoredAttribute]) -> tuple[Evidence, ...]:
    return tuple(dict.fromkeys(a.attribute.evidence for a in found))


def of_kind(found: list[StoredAttribute], *kinds: str) -> list[StoredAttribute]:
    return [a for a in found if a.attribute.kind in kinds]


def founding_lines(found: list[StoredAttribute]) -> list[Line]:
    """When, where, by whom and out of which group it was founded; one line per value."""
    lines = []
    for kind, words in (
        ("founded", "Founded in {}"),
        ("founding_place", "Founded in {}"),
        ("founder", "Founded by {}"),
        ("origin", "Came out of {}"),
    ):
        merged = _merged(of_kind(found, kind), lambda a: name_key(a.attribute.value))
        for same in merged.values():
            first = same[0]
            value = first.attribute.value
            date = first.attribute.date
            if kind == "founded" and date and date.value and date.value != value:
                value = f"{value} ({date.value})"
            text = words.format(value) + _said(first) + "."
            lines.append(Line(text, _cites(same), quoted=False))
    return lines


def name_lines(found: list[StoredAttribute]) -> list[Line]:
    """Each name the texts give the group, by how they give it, with the date of a renaming."""
    lines = []
    merged = _merged(
        of_kind(found, "name"), lambda a: (a.attribute.role, name_key(a.attribute.value))
    )
    for (role, _), same in merged.items():
        first = same[0]
        dated = f" ({when(first)})" if role in ("new", "former") and first.attribute.date else ""
        text = f"{ROLES_OF_NAMES.get(str(role), 'Also known as')} {first.attribute.value}{dated}."
        lines.append(Line(text, _cites(same), quoted=False))
    return lines


def leader_lines(found: list[StoredAttribute]) -> list[Line]:
    """Each person named in a role, with the dates the texts give and what became of them."""
    lines = []
    leaders = of_kind(found, "leader")
    merged = _merged(leaders, lambda a: (name_key(a.attribute.value), a.attribute.role))
    for same in merged.values():
        first = same[0]
        dates = sorted({d for a in same if (d := when(a))})
        span = "" if not dates else dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"
        fates = sorted({a.attribute.fate for a in same if a.attribute.fate})
        text = f"{first.attribute.value}, {first.attribute.role}"
        text += f" (stated {span})" if span else ""
        text += f"; {', '.join(fates)}" if fates else ""
        lines.append(Line(text + _said(first) + ".", _cites(same), quoted=False))
    return lines


def strength_lines(found: list[StoredAttribute]) -> list[Line]:
    """The strength estimates as a series, oldest first: each figure with its date and source;
    figures that disagree stay side by side."""
    lines = []
    series = sorted(
        of_kind(found, "strength"), key=lambda a: (a.attribute.role != "at founding", when(a) or "")
    )
    merged = _merged(series, lambda a: (name_key(a.attribute.value), a.attribute.role))
    for same in merged.values():
        first = same[0]
        role = first.attribute.role
        dated = "at its founding" if role == "at founding" else (when(first) or "undated")
        what = (
            f"{first.attribute.value} {role}"
            if role in ("surrendered", "defected")
            else first.attribute.value
        )
        lines.append(Line(f"{dated}: {what}{_said(first)}.", _cites(same), quoted=False))
    return lines


def source_lines(found: list[StoredAttribute]) -> list[Line]:
    """Whom the texts cite for what they say of the group: "according to the Center for
    Strategic and International Studies", "in a report for West Point's ... Center"."""
    merged = _merged(of_kind(found, "source"), lambda a: a.attribute.value)
    return [Line(f"Source: {value}.", _cites(same), quoted=False) for value, same in merged.items()]


def relation_lines(name: str, dated: list[DatedRelation]) -> list[Line]:
    """One line per relation: who states it, and the first and last publication dates of the
    documents that state it, cited by every sentence that states it; newest first stated last."""
    symmetric = relation_cues().symmetric
    merged: dict[tuple[str, str, str], list[DatedRelation]] = defaultdict(list)
    for d in dated:
        r = d.relation
        subject, obj = r.subject, r.object
        if r.type in symmetric and obj == name:  # "A is a rival of B" and "B ... of A" are one
            subject, obj = obj, subject
        merged[(subject, r.type, obj)].append(d)
    lines = []
    for (subject, kind, obj), same in merged.items():
        sources = list(
            dict.fromkeys(d.relation.evidence.source for d in same if d.relation.evidence.source)
        )
        said = f", according to {', '.join(sources)}" if sources else ""
        dates = sorted(d.published for d in same if d.published)
        span = ""
        if dates:
            span = (
                f" (stated {dates[0]})"
                if dates[0] == dates[-1]
                else f" (stated {dates[0]} to {dates[-1]})"
            )
        text = f"{subject} {RELATION_WORDS[kind]} {obj}{said}{span}."
        lines.append(Line(text, tuple(d.relation.evidence for d in same), quoted=False))
    return lines


def stated_area_lines(found: list[StoredAttribute]) -> list[Line]:
    """Where the texts say it operates ("operating in Afghanistan", "ruled large parts of
    Somalia until 2011"), one line per place with the dates the texts give or are published."""
    lines = []
    for same in _merged(of_kind(found, "area"), lambda a: name_key(a.attribute.value)).values():
        dates = sorted({d for a in same if (d := when(a))})
        span = "" if not dates else dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}"
        text = f"Said to operate in {same[0].attribute.value}" + (f" ({span})" if span else "")
        lines.append(Line(text + _said(same[0]) + ".", _cites(same), quoted=False))
    return lines


def area_lines(incidents: list[Incident]) -> list[Line]:
    """Where its incidents happened, country by country, with the first and last dates."""
    by_country: dict[str, list[Incident]] = defaultdict(list)
    for i in incidents:
        if i.country:
            by_country[i.country].append(i)
    lines = []
    for country, found in sorted(by_country.items(), key=lambda kv: -len(kv[1])):
        dates = sorted(i.date for i in found if i.date)
        places = list(dict.fromkeys(i.place for i in found if i.place))
        text = f"{country}: {plural(len(found), 'incident')}"
        text += (
            f", {dates[0]} to {dates[-1]}" if len(dates) > 1 else f", {dates[0]}" if dates else ""
        )
        text += f" ({', '.join(places[:6])})" if places else ""
        cites = tuple(c for i in found for c in i.citations[:1])
        lines.append(Line(text + ".", cites, quoted=False))
    return lines


def tactics_lines(incidents: list[Incident]) -> list[Line]:
    """The mix of its incidents by attack type and by what they hit, with counts."""
    lines = []
    types = Counter(i.type for i in incidents)
    if types:
        mix = ", ".join(f"{t.replace('_', ' ')} {n}" for t, n in types.most_common())
        suicide = sum(i.suicide for i in incidents)
        mix += f" (suicide attacks {suicide})" if suicide else ""
        cites = tuple(c for i in incidents for c in i.citations[:1])
        lines.append(Line(f"By attack type: {mix}.", cites, quoted=False))
    named = {t.lower() for i in incidents for r in i.reports for t in r.targets}

    def one(target: str) -> str:
        # "shia mosques" and "shia mosque" are one kind of target.
        return target[:-1] if target.endswith("s") and target[:-1] in named else target

    targets: dict[str, list[Incident]] = defaultdict(list)
    for i in incidents:
        for t in dict.fromkeys(one(t.lower()) for r in i.reports for t in r.targets):
            targets[t].append(i)
    if targets:
        ranked = sorted(targets.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        mix = ", ".join(f"{t} {len(found)}" for t, found in ranked[:12])
        cites = tuple(
            dict.fromkeys(c for _, found in ranked[:12] for i in found for c in i.citations[:1])
        )
        lines.append(Line(f"By target: {mix}.", cites, quoted=False))
    return lines


def relation_years(dated: list[DatedRelation]) -> list[int]:
    """The years in which some relation of the group is evidenced, oldest first."""
    return sorted({int(d.published[:4]) for d in dated if d.published})


def edges_in_year(dated: list[DatedRelation], year: int) -> list[RelationEdge]:
    """The relations that hold in `year` by the documents: first evidenced in or before it and
    last evidenced in or after it; each with how many spans state it and the first to cite."""
    spans: dict[tuple[str, str, str], list[DatedRelation]] = defaultdict(list)
    for d in dated:
        if d.published:
            spans[(d.relation.subject, d.relation.type, d.relation.object)].append(d)
    edges = []
    for (subject, kind, obj), found in spans.items():
        years = sorted(int(d.published[:4]) for d in found if d.published)
        if years[0] <= year <= years[-1]:
            first = found[0].relation.evidence
            cited = Evidence(first.document_id, first.start, first.end)
            edges.append(RelationEdge(subject, kind, obj, len(found), cited))
    return edges
