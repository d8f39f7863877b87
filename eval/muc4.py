"""python -m eval muc4 FILE.jsonl [--predictions OUT.json]: MUC-4 role fillers, published metric.

dossier's facts map onto the five roles (eval/README.md says when): PerpOrg is each event's
perpetrator, PerpInd its individual perpetrators, Target its physical targets, Victim its victims,
Weapon its weapons. Each predicted entity is one mention string. Scoring follows the benchmark's
README: per document and role, predicted and gold entities are matched one-to-one to maximise
matches; a predicted entity matches a gold entity when every string it lists is one of the gold
entity's mentions after normalising (lower case, punctuation and the articles a/an/the removed,
spaces collapsed). Precision, recall and F1 are summed over documents, per role and
micro-averaged.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from dossier.extract import extract_many
from dossier.extract.names import fullest
from dossier.ingest.guard import content_hash
from dossier.model import Document, Facts
from dossier.vocab.roles import role_lexicon
from eval.fields import Score

# Combat between armed forces is not a terrorist incident in the benchmark's sense.
_NOT_TERRORISM = {"surrender", "clash", "airstrike"}
# Attributions by which the text says a group did it.
_SAID = {"claimed", "accused", "suspected"}
# The benchmark's terrorist acts are against civilian targets: a military or police post, patrol
# or vehicle under fire is combat, not a target it lists.
_MILITARY = re.compile(
    r"\b(?:military|army|brigade|battalion|garrisons?|barracks|patrols?|convoys?|guard|"
    r"armored|helicopters?|outposts?|posts?|troops|bases?|air force|navy|naval|high command)\b",
    re.I,
)
ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
# Words that hedge who did it ("alleged urban guerrillas"): the benchmark lists the doers
# without them.
_HEDGE = re.compile(
    r"^(?:(?:alleged|presumed|suspected|supposed|possible|self-styled|so-called)\s+)+", re.I
)
# A number before a group of doers is part of how the benchmark names them ("two individuals").
_NUMBER = (
    r"(?:(?:at least|approximately|about|some|more than)\s+)?"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
)


def _counted(mention: str, text: str) -> str:
    """The doers as the text counts them: "individuals" is "two individuals" where the text says
    so."""
    # Not the end of a longer number: "1,000 rebels" is not "000 rebels".
    found = re.search(rf"(?<![\w,.])({_NUMBER})\s+{re.escape(mention)}\b", text, re.I)
    return f"{found[1]} {mention}" if found else mention


_PUNCT = re.compile(r"[^\w\s]")
_ARTICLES = re.compile(r"\b(?:a|an|the)\b")


def normalise(text: str) -> str:
    text = _PUNCT.sub(" ", text.lower())
    return " ".join(_ARTICLES.sub(" ", text).split())


def _one_generic(doers: list[str]) -> list[str]:
    """ "guerrillas", "rebels" and "terrorists" in one report are mostly the same doers told
    three ways: keep the first bare noun of the kind the text uses for doers whatever the verb
    (data/roles.yaml `perpetrator_nouns_strong`), and drop the others."""
    strong = role_lexicon().strong_perpetrators
    bare = [d for d in doers if d in strong]
    return [d for d in doers if d not in strong or d == bare[0]]


_COUNT = re.compile(rf"(?:\d|{_NUMBER}\b)", re.I)


def _named(victim: str) -> bool:
    """A victim named, not counted: "13 us service members" and "two officers" are counts."""
    return not _COUNT.match(victim)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") else word


def predict(facts: Facts) -> dict[str, list[list[str]]]:
    """The five roles of one document, from the events dossier found in it."""
    roles: dict[str, list[str]] = {role: [] for role in ROLES}
    for event in facts.events:
        if event.type in _NOT_TERRORISM:
            continue
        if (
            event.targets
            and all(_MILITARY.search(t) for t in event.targets)
            and not any(_named(v) for v in event.victims)
        ):
            continue  # combat: an attack on the military only
        harmed = event.targets or any(_named(v) for v in event.victims)
        # A group named near an event is its perpetrator when the text says the group did it
        # (claimed, accused, suspected; confirmed where someone or something was harmed), or
        # when the event shows the group's doers, or what it harmed and with what. A group
        # only named beside a harm, or beside a weapon, is context more often than not. The
        # state's own forces are named as doers only where the text says they did it, so a
        # toll is harm enough for them ("armed forces elements killed six priests").
        state = event.perpetrator is None and event.attribution != "unknown"
        hurt = harmed or (state and (event.killed is not None or event.wounded is not None))
        said = event.attribution in _SAID or (event.attribution == "confirmed" and hurt)
        shown = event.perpetrator_individuals or (harmed and event.weapon)
        # State forces told only by their members ("five soldiers") are individuals, not an
        # organisation.
        listed = {normalise(p) for p in event.perpetrator_individuals}
        own = event.perpetrator_text and normalise(event.perpetrator_text) not in listed
        if own and (said or shown):
            roles["PerpOrg"].append(event.perpetrator_text)
        roles["PerpInd"] += [
            _counted(_HEDGE.sub("", p), facts.document.text) for p in event.perpetrator_individuals
        ]
        roles["Target"] += [t for t in event.targets if not _MILITARY.search(t)]
        roles["Victim"] += [v for v in event.victims if _named(v)]
        if harmed:
            # Weapons of an event that harmed no one named and nothing are arms talked of
            # (fighting, seizures, arsenals), not the instrument of an incident.
            roles["Weapon"] += event.weapon
    # "the group", "the units": a collective noun alone is the organisation told again, not
    # who did it.
    collective = role_lexicon().collective_nouns
    roles["PerpInd"] = [
        p for p in _one_generic(roles["PerpInd"]) if _singular(normalise(p)) not in collective
    ]
    result: dict[str, list[list[str]]] = {}
    for role, mentions in roles.items():
        seen: dict[str, str] = {}
        for mention in mentions:
            seen.setdefault(normalise(mention), mention)
        # "ortiz" or "ana lucia" beside "ana lucia vega ortiz" is the same person, and
        # "bomb" beside "bombs" the same weapon: keep one mention per entity, the fuller one.
        keys = [k for k in seen if k]
        present = set(keys)
        kept = [k for k in fullest(keys) if k + "s" not in present and k + "es" not in present]
        kept = [k for k in kept if not any(_within(k, other) for other in kept)]
        result[role] = [[seen[k]] for k in kept]
    return result


def _within(mention: str, other: str) -> bool:
    """ "cano limon covenas pipeline" is "cano limon covenas oil pipeline" told shorter: every
    word of it in the other, in order, ending on the same head."""
    words, longer = mention.split(), other.split()
    if mention == other or words[-1] != longer[-1] or len(words) >= len(longer):
        return False
    rest = iter(longer)
    return all(word in rest for word in words)


def _max_matching(predicted: list[list[str]], gold: list[list[Any]]) -> int:
    """Size of a maximum one-to-one matching (augmenting paths; the graphs are tiny)."""
    gold_sets = [{normalise(m[0] if isinstance(m, list) else m) for m in entity} for entity in gold]
    edges = [
        [j for j, mentions in enumerate(gold_sets) if all(normalise(p) in mentions for p in entity)]
        for entity in predicted
    ]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(predicted)))


def score(predictions: dict[str, dict], documents: list[dict]) -> dict[str, Score]:
    scores = {role: Score() for role in ROLES}
    for document in documents:
        predicted = predictions.get(document["docid"], {}).get("pred_extracts", {})
        for role in ROLES:
            p, g = predicted.get(role, []), document["extracts"].get(role, [])
            matched = _max_matching(p, g)
            scores[role].add(Score(matched, len(p) - matched, len(g) - matched))
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval muc4", description=__doc__)
    parser.add_argument("file", type=Path, help="a MUC-4 split in the benchmark's JSONL format")
    parser.add_argument("--predictions", type=Path, help="write dossier's predictions here")
    args = parser.parse_args(argv)
    documents = [json.loads(line) for line in args.file.open(encoding="utf-8") if line.strip()]
    inputs = [
        Document(d["docid"], d["doctext"], content_hash(d["doctext"]), str(args.file))
        for d in documents
    ]
    predictions = {
        facts.document.id: {"pred_extracts": predict(facts)} for facts in extract_many(inputs)
    }
    if args.predictions:
        args.predictions.write_text(json.dumps(predictions, indent=1), encoding="utf-8")
    scores = score(predictions, documents)
    total = Score()
    print(f"MUC-4 {args.file.name}: {len(documents)} documents (published metric)")
    print(f"  {'role':10} {'tp':>5} {'fp':>5} {'fn':>5}   {'P':>6} {'R':>6} {'F1':>6}")
    for role in ROLES:
        s = scores[role]
        total.add(s)
        print(
            f"  {role:10} {s.tp:>5} {s.fp:>5} {s.fn:>5}   "
            f"{100 * s.precision:6.2f} {100 * s.recall:6.2f} {100 * s.f1:6.2f}"
        )
    print(
        f"  {'micro':10} {total.tp:>5} {total.fp:>5} {total.fn:>5}   "
        f"{100 * total.precision:6.2f} {100 * total.recall:6.2f} {100 * total.f1:6.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
