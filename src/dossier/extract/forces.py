"""The state's own forces among the doers of an attack ("the air force bombed", "members of the
army", "army troops", "five soldiers"): an event they carry out is the state's, credited to no
armed group (data/roles.yaml `state_forces`, `state_members`, `force_parts`,
`irregular_words`)."""

from __future__ import annotations

from spacy.tokens import Token

from dossier.extract.kinds import kind_of
from dossier.extract.phrases import phrase
from dossier.model import SECURITY_FORCE
from dossier.vocab.roles import RoleLexicon


def force_name(head: Token, lex: RoleLexicon) -> str | None:
    """The state force a noun names, as its phrase ("the salvadoran army", "the air force"); None
    for an armed group's name ("the popular liberation army", "the revolutionary people's
    army": data/actor_kinds.yaml and `irregular_words`)."""
    named = phrase(head)
    whole = head.doc[head.left_edge.i : head.i + 1].text.lower()
    if not lex.state_forces.search(named) or kind_of(whole) != SECURITY_FORCE:
        return None
    if any(w.strip("'") in lex.irregular_words for w in whole.replace("'s", "").split()):
        return None
    return named


def force_of(doer: Token, lex: RoleLexicon) -> str | None:
    """The state force a doer is or belongs to, as the text names it: "the air force", "army" of
    "army troops" or "members of the army", else its members as told ("five soldiers")."""
    named = force_name(doer, lex)
    if named is not None:
        return named
    members = doer.lower_ in lex.state_members
    part = members or doer.lower_ in lex.force_parts
    if part or doer.lemma_.lower() in lex.collective_nouns:
        of = next((c for c in doer.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        body = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if body is not None and (force := force_name(body, lex)) is not None:
            return force  # "members of the armed forces"
    if not part:
        return None
    for modifier in doer.lefts:
        if modifier.dep_ in ("compound", "nmod") and (force := force_name(modifier, lex)):
            return force  # "army troops", "armed forces elements"
    return phrase(doer) if members else None
