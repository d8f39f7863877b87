"""A role filler's phrase as written: the head with the modifiers that name it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dossier.vocab.roles import role_lexicon

# Dependents that name the head with it: "urban" of "urban guerrillas", "power" of "power
# substation"; never determiners or numbers.
_KEEP = ("compound", "amod", "nmod", "poss", "npadvmod", "nn")


def _loose(doc: Doc, i: int) -> bool:
    """A determiner or a number before a phrase, which is not part of its name; "9" of "9-mm
    gun" is."""
    measure = doc[i].dep_ == "nummod" and i + 1 < len(doc) and doc[i + 1].text == "-"
    return doc[i].dep_ in ("det", "nummod") and not measure


def _named(token: Token) -> bool:
    """A word of a proper name's modifiers: "central" of "central american university"."""
    return token.pos_ in ("PROPN", "ADJ") and token.dep_ in ("amod", "compound")


def phrase(head: Token, with_of: bool = False, graded: bool = False, owned: bool = False) -> str:
    """The head with the modifiers that name it: "urban guerrillas", "electric power substation",
    "members of the farabundo marti national liberation front" (with_of), "heavily armed men"
    (graded: a modifier keeps its adverb), "the councilman's home" (owned: a place keeps whose
    it is; "the colonel's troops" are troops)."""
    start = head.i
    doc = head.doc
    quantifiers = role_lexicon().quantifiers
    for child in reversed(list(head.lefts)):
        if child.dep_ == "poss" and (child.pos_ == "PRON" or child.tag_ == "WP$"):
            break  # "their houses" are the houses
        if child.ent_type_ in ("DATE", "TIME"):
            break  # "last year's dynamite" is dynamite
        # "the councilman's home": the owner ends with its "'s", just before the head.
        owner = child.dep_ == "poss" and child.right_edge.i == start - 1 and child.i < start - 1
        if owned and owner and child.right_edge.tag_ == "POS":
            start = child.left_edge.i
            while start < child.i and (
                doc[start].dep_ in ("det", "nummod") or doc[start].pos_ == "PRON"
            ):
                start += 1
        elif child.dep_ in _KEEP and child.i == start - 1 and child.lower_ not in quantifiers:
            joined = child.i > 0 and doc[child.i - 1].text == "-"  # "state-owned"
            whole = child.dep_ in ("compound", "poss") or joined
            whole = whole or (graded and any(c.dep_ == "advmod" for c in child.lefts))
            # "the central american university": a name's words modify one another.
            whole = whole or (child.pos_ == "PROPN" and all(_named(c) for c in child.lefts))
            start = child.left_edge.i if whole else child.i
            while start < child.i and (_loose(doc, start) or doc[start].is_space):
                start += 1
        elif child.i == start - 1 and child.dep_ == "punct" and child.text == "-":
            start = child.i
        else:
            break
    end = head.i + 1
    if with_of:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                # "members of the 3rd front", not "... of the self-styled armed forces of ..."
                objects = [c for c in child.children if c.dep_ == "pobj"]
                end = objects[0].i + 1 if objects else child.right_edge.i + 1
                break
    while end - 1 > start and head.doc[end - 1].is_punct:
        end -= 1
    return head.doc[start:end].text


def conjuncts(token: Token) -> list[Token]:
    """A phrase and what it lists: "a substation and a pylon", "three vehicles -- a truck, ..."."""
    listed = [c for c in token.conjuncts if c.i > token.i]
    listed += [a for c in (token, *listed) for a in c.children if a.dep_ == "appos"]
    listed += [c for a in list(listed) for c in a.conjuncts if c.i > a.i and c not in listed]
    return [token, *listed]
