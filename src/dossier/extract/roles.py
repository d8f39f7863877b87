"""Who did it, to whom and what, with what: the role fillers of an attack sentence.

Read from the parse of the sentence around attack and harm verbs (data/roles.yaml):

- doers: the subject or agent of an attack verb whose head is a perpetrator noun ("urban
  guerrillas attacked"), the subject of placing or forcing in such a sentence, who is blamed,
  accused or held responsible for a harm (`blame.py`), and a person named as doing the harm;
- forces: those doers that are the state's own forces ("the air force", "members of the army",
  "five soldiers"), named as the force where the text names it;
- targets: the object of an attack verb, or the subject of its passive, when its head is a thing
  ("the substation was dynamited"), where bombs exploded or were placed, what is called the
  target or objective; a place that belongs to someone keeps its owner ("offices of el
  diario");
- victims: people named under a harm word (`names.py`), without their titles;
- weapons: phrases headed by a weapon word, unless seized or found, and only with their kind
  where the word is vague ("weapons").

Each filler is its phrase as written: the head with its compounds and modifiers, without
determiners or numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from dossier.extract.blame import accuser, blamed, holds_to_account
from dossier.extract.forces import force_of
from dossier.extract.names import from_given, full_name, harmed, name_start, person_names
from dossier.extract.phrases import conjuncts, phrase
from dossier.extract.state import doc_text, span_text
from dossier.vocab.registry import is_lower_cased
from dossier.vocab.roles import RoleLexicon, common_nouns, given_names, role_lexicon


@dataclass
class Roles:
    perpetrators: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    victims: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    # The doers that are state forces, by the force's name where the text gives it ("army" of
    # "members of the army"), else as its members are told ("five soldiers").
    forces: list[str] = field(default_factory=list)
    # A doer was read that is no state force ("guerrillas", "a man named ..."): the forces
    # named beside them may be fighting them rather than doing the act.
    others: bool = False

    def add(self, other: Roles) -> None:
        self.others = self.others or other.others
        for mine, theirs in (
            (self.perpetrators, other.perpetrators),
            (self.targets, other.targets),
            (self.victims, other.victims),
            (self.weapons, other.weapons),
            (self.forces, other.forces),
        ):
            mine.extend(t for t in theirs if t not in mine)

    def __bool__(self) -> bool:
        return bool(self.perpetrators or self.targets or self.victims or self.weapons)


# Words an owner's phrase never ends with.
_NEVER_LAST = ("DET", "ADP", "CCONJ", "PRON", "PUNCT")


def target_phrase(head: Token, lex: RoleLexicon) -> str:
    """A target as the text names it: a place that belongs to someone keeps its owner ("offices
    of el diario", "branch of banco central"), up to a comma or a clause."""
    text = phrase(head, owned=True)
    if head.lemma_.lower() not in lex.owned_places and head.lower_ not in lex.owned_places:
        return text
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return text
    doc = head.doc
    end = of.i + 1
    while end <= of.right_edge.i:
        token = doc[end]
        if token.is_punct and token.text not in ("-", "'", ".", '"'):
            break
        if token.pos_ in ("VERB", "AUX") or token.dep_ in ("relcl", "acl"):
            break
        if (token.dep_ == "prep" and token.lower_ != "of") or token.lower_ in ("such", "including"):
            break  # "homes of leaders of farm unions", not "... in various sectors"
        end += 1
    # "the offices of all the (words indistinct)": the owner is cut off, not named.
    while end > of.i + 1 and (doc[end - 1].pos_ in _NEVER_LAST or doc[end - 1].text == '"'):
        end -= 1
    if end == of.i + 1:
        return text
    return text + head.whitespace_ + doc[head.i + 1 : end].text


def _is_name(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or (
        token.pos_ == "PROPN" and token.ent_type_ in ("", "PERSON")
    )


def _named(token: Token, lex: RoleLexicon) -> bool:
    """A person's name, even in lower-cased text: a name entity or proper noun, or a head that is
    no common noun of the lexicons with a compound before it ("tomas herrera lago")."""
    if token.ent_type_ in ("GPE", "LOC", "ORG", "NORP", "DATE", "CARDINAL"):
        return False
    common = token.lower_ in lex.victims or token.lemma_.lower() in lex.victims
    common = common or token.lower_ in lex.targets or token.lower_ in lex.perpetrators
    if common or not token.is_alpha:
        return False
    if _is_name(token):
        return True
    if not is_lower_cased(doc_text(token.doc)):
        return False  # cased text marks names with capitals; a common noun is no name
    # Lower-cased text: a name is singular, not an abstract noun, and comes with a compound.
    if token.tag_ in ("NNS", "NNPS") or len(token.text) < 3 or _ABSTRACT.search(token.lower_):
        return False
    return any(c.dep_ == "compound" and c.is_alpha for c in token.lefts)


_ABSTRACT = re.compile(r"(?:tion|ment|ity|ness|ing|ery|ism|ance|ence|ship)$")


def _name_part(head: Token) -> str:
    """The name in "liberal senator andres rojas vidal": the words before the head back to
    the first title, determiner or other word that is no part of a name (four at most)."""
    titles = common_nouns()
    start = name_start(head.doc, head.i, 4, ("PROPN", "NOUN", "ADJ"))
    end = head.i + 1
    while end < min(len(head.doc), head.i + 3):  # "herrera lago" after "tomas"
        right = head.doc[end]
        if not right.is_alpha or right.is_stop or right.lower_ in titles:
            break
        if right.pos_ not in ("PROPN", "NOUN") or right.head.i not in range(start, end + 1):
            break
        end += 1
    return head.doc[start:end].text


def _keep(bucket: list[str], text: str) -> None:
    """Add a filler once, in the order the text gives them."""
    if text not in bucket:
        bucket.append(text)


def _target_noun(token: Token, lex: RoleLexicon) -> bool:
    return token.lower_ in lex.targets or token.lemma_.lower() in lex.targets


def _objects(preposition: Token) -> list[Token]:
    """The objects of a preposition and what they list: "against the mayor and his escort"."""
    return [g for c in preposition.children if c.dep_ == "pobj" for g in conjuncts(c)]


# Prepositions that put an attack on its target: "exploded outside a federal police building",
# "set fire to the offices".


def _governor(token: Token, lex: RoleLexicon) -> str | None:
    """The first verb or attack noun above a word, as a lemma: what the sentence does with it.
    A list ("seized 4 rifles, 200 pounds of explosives, 9 grenades ...") is climbed whole."""
    node, hops = token.head, 0
    listed = token.dep_ in ("conj", "appos")
    while node is not node.head and hops < 4:
        lemma = node.lemma_.lower()
        if node.pos_ == "VERB" or lemma in lex.attack_verbs or lemma in lex.weapon_not_used:
            return lemma
        if not listed:
            hops += 1
        listed = node.dep_ in ("conj", "appos")
        node = node.head
    lemma = node.lemma_.lower()
    return lemma if node.pos_ == "VERB" else None


def _vague_weapon(head: Token, lex: RoleLexicon) -> bool:
    """ "Weapons" with no kind named: bare, or told only by whose they are or what was done with
    them ("their weapons", "recovered weapons", "sophisticated weapons")."""
    if head.lower_ not in lex.vague_weapons:
        return False
    kinds = [
        c
        for c in head.lefts
        if c.dep_ in ("compound", "amod", "nmod")
        and c.tag_ not in ("VBN", "VBG", "PRP$")
        and c.lower_ not in lex.vague_modifiers
    ]
    return not kinds


def _aimed_at(sentence: Span, lex: RoleLexicon) -> list[Token]:
    """What a sentence names as the target: "the offices ... were the objective of the attack",
    "the targets of the attacks were the banco central branches"."""
    found: list[Token] = []
    for token in sentence:
        if token.lemma_.lower() not in ("target", "objective") or token.head.lemma_ != "be":
            continue
        other = "nsubj" if token.dep_ == "attr" else "attr" if token.dep_ == "nsubj" else None
        for child in token.head.children:
            if child.dep_ == other:
                found += [t for t in conjuncts(child) if _target_noun(t, lex)]
    return found


def _fought(token: Token, lex: RoleLexicon, group_tokens: set[int]) -> bool:
    """Whether what a verb harms is doers themselves: "terrorists", "kidnappers", a group."""
    strong = lex.strong_perpetrators
    return token.i in group_tokens or token.lower_ in strong or token.lemma_.lower() in strong


def _add_doer(
    roles: Roles,
    doer: Token,
    lex: RoleLexicon,
    names: dict[int, Span] | None = None,
    forces: bool = True,
) -> None:
    """Keep a doer whose head is a perpetrator noun, as its phrase ("members of the FMLN", "a
    group of six hired gunmen"), or who is a person named ("ordered by ramon ortega"); a state
    force among them is kept as a force too (`force_of`), where `forces` is set."""
    force = force_of(doer, lex)
    if force is not None and forces:
        _keep(roles.forces, force)
    if doer.lower_ in lex.perpetrators or doer.lemma_.lower() in lex.perpetrators:
        text = phrase(doer, with_of=doer.lemma_.lower() in lex.collective_nouns, graded=True)
    elif force is not None and doer.lower_ in lex.force_parts:
        # "armed forces elements", "officers of the armed forces": the force's people who did it.
        text = phrase(doer, with_of=True, graded=True)
    elif names and doer.i in names:
        text = names[doer.i].text
    else:
        return
    roles.others = roles.others or force is None
    _keep(roles.perpetrators, text)


def roles_of(sentence: Span, group_tokens: set[int]) -> Roles:
    """Role fillers of one sentence; tokens inside group names (`group_tokens`) are the
    perpetrator organisation, already read, and are not repeated as individuals."""
    lex = role_lexicon()
    roles = Roles()
    lowered = is_lower_cased(doc_text(sentence.doc))
    people = person_names(sentence)
    named_at = {t.i: name for name in people for t in name}
    for token in sentence:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in lex.doer_verbs:
            for child in token.children:
                if child.dep_ == "nsubj" and child.i not in group_tokens:
                    for doer in conjuncts(child):
                        _add_doer(roles, doer, lex)
                elif child.dep_ == "prep" and child.lower_ in lex.place_prepositions:
                    # "placed three bombs at bank branches"
                    for thing in _objects(child):
                        if _target_noun(thing, lex):
                            _keep(roles.targets, target_phrase(thing, lex))
            continue
        if token.pos_ not in ("VERB", "NOUN") or (
            lemma not in lex.attack_verbs and lemma not in lex.harm_verbs
        ):
            continue
        if lemma in lex.blame_verbs and holds_to_account(token, lex):
            continue  # "cristiani holds the fmln responsible for ...": he blames, not harms
        harm = lemma in lex.harm_verbs
        # "troops killed 14 terrorists", "the police killed six kidnappers": forces fighting
        # doers, not forces doing an attack.
        fighting = any(
            c.dep_ in ("dobj", "nsubjpass")
            and any(_fought(g, lex, group_tokens) for g in conjuncts(c))
            for c in token.children
        )
        for child in token.children:
            dep = child.dep_
            doers: list[Token] = []
            undergoers: list[Token] = []
            if dep == "nsubj" and token.pos_ == "VERB":
                doers = conjuncts(child)
            elif dep == "agent" or (
                dep == "prep" and child.lower_ == "by" and token.pos_ == "NOUN"
            ):
                # "murdered by security forces", "an attack by urban guerrillas"
                doers = _objects(child)
            elif dep in ("dobj", "nsubjpass"):
                undergoers = conjuncts(child)
            elif dep == "prep" and child.lower_ in lex.place_prepositions and not harm:
                undergoers = _objects(child)
            elif dep == "prep" and child.lower_ == "of" and token.pos_ == "NOUN" and harm:
                # "the murder of colonel andres rojas vidal"
                undergoers = _objects(child)
            elif dep == "poss" and token.pos_ == "NOUN" and harm:
                undergoers = [child]  # "tomas herrera lago's murder"
            for doer in doers:
                if doer.i in group_tokens:
                    continue
                _add_doer(roles, doer, lex, named_at if harm else None, forces=not fighting)
            for thing in undergoers:
                named = _named(thing, lex)
                if _target_noun(thing, lex) and not harm:
                    bucket, text = roles.targets, target_phrase(thing, lex)
                elif named and (harm or lemma in lex.attack_verbs):
                    # A victim is a person named: "senator andres rojas vidal" is the name.
                    bucket, text = roles.victims, from_given(_name_part(thing))
                    if lowered and text.split()[0] not in given_names():
                        text = full_name(thing.doc, text)  # "vega" told as "ana lucia vega"
                        if text.split()[0] not in given_names():
                            continue  # lower-cased text: no given name, no sure person
                else:
                    continue
                _keep(bucket, text)
    for token in sentence:
        # "perpetrated by urban guerrillas", "terrorists staged ...": doers whatever the verb.
        agent = token.dep_ == "pobj" and token.head.lower_ == "by"
        subject = token.dep_ == "nsubj" and token.lower_ in lex.strong_perpetrators
        subject = subject and not accuser(token, lex)
        if token.i in group_tokens or not (agent or subject):
            continue
        for doer in conjuncts(token):
            # Any "by" phrase: "a statement issued by the army" is no force doing the act.
            _add_doer(roles, doer, lex, forces=False)
    for thing in _aimed_at(sentence, lex):
        _keep(roles.targets, target_phrase(thing, lex))
    for doer in blamed(sentence, lex):
        if doer.i not in group_tokens:
            _add_doer(roles, doer, lex, named_at)
    for name in people:
        if name.text in roles.perpetrators or name.start in group_tokens or not harmed(name, lex):
            continue
        _keep(roles.victims, from_given(name.text))
    for match in lex.weapons.finditer(span_text(sentence)):
        span = sentence.doc.char_span(
            sentence.start_char + match.start(), sentence.start_char + match.end(), "expand"
        )
        if span is None or span.root.pos_ not in ("NOUN", "PROPN"):
            continue
        if span.root.ent_type_ in ("PERSON", "ORG", "GPE") or (
            span.root.pos_ == "PROPN" and not lowered
        ):
            continue  # "Andrew Mines" is a person
        if _governor(span.root, lex) in lex.weapon_not_used:
            continue  # "troops seized rifles and grenades": arms taken, not used
        if not _vague_weapon(span.root, lex):
            _keep(roles.weapons, phrase(span.root))
    return roles
