"""python -m eval: score extraction against the gold files in ../shared/seed and ../shared/eval.

Prints one table: per document and micro-averaged, precision / recall / F1 for armed-group actors,
all actors, and aliases; the count of must_not_alias violations; boilerplate lines dropped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import replace
from pathlib import Path

from dossier.extract import extract
from dossier.ingest import read_path
from dossier.model import ARMED_GROUP, ATTRIBUTE_KINDS, Document, Facts
from dossier.settings import Settings
from dossier.vocab.fold import name_key
from eval.attributes import gold_attributes, score_attributes
from eval.fields import (
    EVENT_FIELDS,
    Score,
    score_anomalies,
    score_attributions,
    score_events,
    score_relations,
    score_victims,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def gold_files() -> list[Path]:
    return sorted((SHARED / "seed").glob("*.gold.json")) + sorted(
        (SHARED / "eval").glob("*.gold.json")
    )


def _keys(actor: dict) -> set[str]:
    return {name_key(actor["canonical"])} | {name_key(a) for a in actor.get("aliases", [])}


def match_actors(facts: Facts, gold: list[dict], kinds: set[str] | None) -> tuple[Score, dict]:
    """Match predicted to gold actors: a predicted actor matches the gold actor whose canonical
    name or an alias equals its name or one of its aliases (folded, case-free). One-to-one."""
    wanted = [g for g in gold if kinds is None or g["kind"] in kinds]
    predicted = [a for a in facts.actors if kinds is None or a.kind in kinds]
    pairs: dict[int, object] = {}
    used: set[int] = set()
    for i, g in enumerate(wanted):
        keys = _keys(g)
        for j, p in enumerate(predicted):
            if j in used:
                continue
            if ({name_key(p.name)} | {name_key(a) for a in p.aliases}) & keys:
                pairs[i] = p
                used.add(j)
                break
    score = Score(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(wanted) - len(pairs))
    return score, {wanted[i]["canonical"]: p for i, p in pairs.items()}


def score_aliases(matched: dict, gold: list[dict]) -> tuple[Score, int]:
    """Aliases of matched armed groups: gold aliases vs the names the document used for them.
    A must_not_alias name among the predicted aliases counts as a violation."""
    score, violations = Score(), 0
    for g in gold:
        if g["kind"] != ARMED_GROUP or g["canonical"] not in matched:
            if g["kind"] == ARMED_GROUP:
                score.fn += len(g.get("aliases", []))
            continue
        predicted = {name_key(a) for a in matched[g["canonical"]].aliases}
        expected = {name_key(a) for a in g.get("aliases", [])}
        score.add(
            Score(len(predicted & expected), len(predicted - expected), len(expected - predicted))
        )
        violations += len(predicted & {name_key(a) for a in g.get("must_not_alias", [])})
    return score, violations


def boilerplate(document: Document, gold: dict) -> tuple[int, int]:
    lines = gold["boilerplate"]["must_drop"]
    dropped = sum(" ".join(line.split()) not in document.text for line in lines)
    duplicate = gold["boilerplate"].get("duplicate_paragraph")
    if duplicate:
        lines = [*lines, duplicate]
        dropped += document.text.count(" ".join(duplicate.split())) <= 1
    return dropped, len(lines)


def load(path: Path, gold: dict) -> Document:
    document = next(read_path(path, Settings()))
    if not isinstance(document, Document):
        raise SystemExit(f"{path}: refused by ingest: {document.reason}")
    return replace(document, published=dt.date.fromisoformat(gold["published"]))


FIELDS = (
    *(f"event.{f}" for f in EVENT_FIELDS),
    "relations",
    "victim_categories",
    "attributions",
    "anomalies",
    *(f"attribute.{k}" for k in ATTRIBUTE_KINDS),
)


def score_document(gold: dict, facts, name: str = "") -> dict[str, Score]:  # type: ignore[no-untyped-def]
    """Every field of one document; attributes where eval/attributes holds our annotation."""
    scores = {f"event.{k}": v for k, v in score_events(facts, gold).items()}
    attributes = gold_attributes(name)
    if attributes is not None:
        scores |= {f"attribute.{k}": v for k, v in score_attributes(facts, attributes).items()}
    scores["relations"] = score_relations(facts, gold)
    scores["victim_categories"] = score_victims(facts, gold)
    scores["attributions"] = score_attributions(facts, gold)
    scores["anomalies"] = score_anomalies(facts, gold)
    return scores


def _table(title: str, rows: list[tuple[str, Score]], total: Score) -> None:
    print(f"\n{title}")
    print(f"  {'document':36} {'tp':>4} {'fp':>4} {'fn':>4}   {'P':>4} {'R':>4} {'F1':>4}")
    for name, sc in [*rows, ("micro-average", total)]:
        print(f"  {name:36} {sc.tp:>4} {sc.fp:>4} {sc.fn:>4}   {sc.cell()}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["muc4"]:
        from eval import muc4

        return muc4.main(argv[1:])
    if argv[:1] == ["incidents"]:
        from eval import incidents

        return incidents.main(argv[1:])
    if argv[:1] in (["acled"], ["gtd"]):
        from eval import reports

        return reports.main(argv[0], argv[1:])
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__)
    parser.add_argument("--json", action="store_true", help="print the micro-averages as JSON")
    parser.add_argument("--brief", action="store_true", help="only the summary tables")
    args = parser.parse_args(argv)
    files = gold_files()
    if not files:
        print(f"no gold files under {SHARED}", file=sys.stderr)
        return 1
    rows, totals = [], {"groups": Score(), "actors": Score(), "aliases": Score()}
    field_rows: dict[str, list[tuple[str, Score]]] = {f: [] for f in FIELDS}
    field_totals = {f: Score() for f in FIELDS}
    seed_totals = {f: Score() for f in FIELDS}
    violations_total, dropped_total, lines_total = 0, 0, 0
    for gold_path in files:
        gold = json.loads(gold_path.read_text("utf-8"))
        name = gold_path.name.removesuffix(".gold.json")
        document = load(gold_path.parent / gold["document"], gold)
        facts = extract(document)
        groups, matched = match_actors(facts, gold["actors"], {ARMED_GROUP})
        actors, _ = match_actors(facts, gold["actors"], None)
        aliases, violations = score_aliases(matched, gold["actors"])
        dropped, lines = boilerplate(document, gold)
        for key, score in (("groups", groups), ("actors", actors), ("aliases", aliases)):
            totals[key].add(score)
        violations_total += violations
        dropped_total, lines_total = dropped_total + dropped, lines_total + lines
        rows.append((name, groups, actors, aliases, violations, f"{dropped}/{lines}"))
        for field, score in score_document(gold, facts, name).items():
            field_rows[field].append((name, score))
            (seed_totals if gold_path.parent.name == "seed" else field_totals)[field].add(score)
    if args.json:
        summary = {k: {"p": v.precision, "r": v.recall, "f1": v.f1} for k, v in totals.items()}
        summary |= {
            f"eval:{k}": {"p": v.precision, "r": v.recall, "f1": v.f1}
            for k, v in field_totals.items()
        }
        summary |= {
            f"seed:{k}": {"p": v.precision, "r": v.recall, "f1": v.f1}
            for k, v in seed_totals.items()
        }
        summary |= {
            "must_not_alias_violations": violations_total,
            "boilerplate_dropped": [dropped_total, lines_total],
        }
        print(json.dumps(summary, indent=1))
        return 0
    header = (
        f"{'document':38} {'armed groups P R F1':>20} {'all actors P R F1':>19} "
        f"{'aliases P R F1':>16} {'must_not':>8} {'boilerplate':>11}"
    )
    print(header)
    print("-" * len(header))
    for name, groups, actors, aliases, violations, dropped in rows:
        print(
            f"{name:38} {groups.cell():>20} {actors.cell():>19} {aliases.cell():>16} "
            f"{violations:>8} {dropped:>11}"
        )
    print("-" * len(header))
    print(
        f"{'micro-average':38} {totals['groups'].cell():>20} {totals['actors'].cell():>19} "
        f"{totals['aliases'].cell():>16} {violations_total:>8} "
        f"{f'{dropped_total}/{lines_total}':>11}"
    )
    if not args.brief:
        for field in FIELDS:
            total = Score()
            for _, sc in field_rows[field]:
                total.add(sc)
            _table(field, field_rows[field], total)
    print(f"\n{'field':24} {'seed P R F1':>16} {'eval set P R F1':>18}   (micro-averages)")
    for field in FIELDS:
        print(f"{field:24} {seed_totals[field].cell():>16} {field_totals[field].cell():>18}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
