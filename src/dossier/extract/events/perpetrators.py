"""Who did it, and who says so: each group mention of a sentence scored as the doer from the
parse, the perpetrator chosen from the scores, the stance of the text towards it, a state named
on the trigger ("a US drone strike"), a branch for the parent that claims for it, and the group
the passage is about for an event whose sentences name none."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from dossier.extract.events.merge import ACCUSED, CLAIMED, CONFIRMED, SUSPECTED, UNKNOWN, Candidate
from dossier.extract.events.spans import inside, verb_lemma
from dossier.extract.state import DocState, Found, doc_text, span_text
from dossier.model import ARMED_GROUP
from dossier.vocab.events import Lexicon

# The relations by which a group attacks in another's name.
BRANCH_RELATIONS = ("branch_of", "affiliated_with")


def _trigger(token: Token, lex: Lexicon) -> bool:
    """Whether the word is an event trigger of the lexicon ("ambush", "bombed")."""
    return any(pattern.search(token.text) for _, pattern in lex.types)


def _attack_word(token: Token, lex: Lexicon) -> bool:
    """A trigger, or a verb that carries out attacks ("staged", "carried out")."""
    return verb_lemma(token) in lex.attack_verbs or _trigger(token, lex)


def _role_score(token: Token, lex: Lexicon) -> int:
    """How strongly a group token reads as the doer: the subject (or the attackers' modifier:
    "ISWAP fighters ambushed") of an attack verb scores 3, an agent ("claimed by X", "by X") 3,
    the subject of a speech verb (a claimant: "ISIS said ...") 1, anything else 1."""
    chain = [token, *list(token.ancestors)[:3]]
    for i, t in enumerate(chain):
        if t.dep_ == "agent" or (t.dep_ == "pobj" and t.head.lower_ == "by"):
            # "claimed by X", "attacked by X"; not "held by X"
            verb = t.head.head if t.dep_ == "pobj" else t.head
            return 3 if _attack_word(verb, lex) or verb_lemma(verb) in lex.claiming else 1
        if t.dep_ in ("dobj", "nsubjpass") and _attack_word(t.head, lex):
            return 0  # "killed members of an IS-K cell", "ISWAP fighters were killed": the harmed
        if t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "pobj" and t.head.lower_ == "from"):
            verb = t.head
            lemma = verb_lemma(verb)
            claims_event = lemma in lex.claiming and any(
                c.dep_ == "dobj" and _trigger(c, lex) for c in verb.children
            )
            if claims_event:
                return 3  # "IS claimed an ambush": it claims its own attack
            if lemma in lex.speech:
                return 1
            if _attack_word(verb, lex):
                return 3
            return 2 if i == 0 else 1
        if t.dep_ == "dobj" and verb_lemma(t.head) in lex.accusing:
            return 3
        if t.dep_ == "pobj" and t.head.lower_ in ("on", "against", "targeting"):
            return 0  # the target, not the doer
    return 1


def mention_roles(sentence: Span, mentions: list[Found], lex: Lexicon) -> list[tuple[Found, int]]:
    """Each group mention in the sentence with how strongly it reads as the doer (the best of
    its words); 0 means the sentence names it as what was attacked."""
    scored = []
    losses = _own_losses(sentence, lex)
    for m in mentions:
        if not inside(sentence, m.start):
            continue
        span = sentence.doc.char_span(m.start, m.end, alignment_mode="expand")
        role = max((_role_score(t, lex) for t in span), default=1) if span is not None else 1
        if losses and role == 1 and span is not None and any(_speaks(t, lex) for t in span):
            role = 0  # "Hezbollah said five of its fighters were killed": it lost them
        scored.append((m, role))
    return scored


def _speaks(token: Token, lex: Lexicon) -> bool:
    return token.dep_ == "nsubj" and verb_lemma(token.head) in lex.speech


def _own_losses(sentence: Span, lex: Lexicon) -> bool:
    """Whether the sentence tells the speaker's own people killed, wounded or taken ("five of
    its fighters have been killed", "their men were wounded"), not what it did."""
    harm = lex.killed | lex.wounded | lex.abducted
    for token in sentence:
        if token.dep_ != "poss" or token.lower_ not in ("its", "their"):
            continue
        noun = token.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            noun = noun.head.head  # "five of its fighters"
        if noun.dep_ in ("nsubjpass", "dobj") and verb_lemma(noun.head) in harm:
            return True
    return False


def _claims(token: Token, lex: Lexicon) -> bool:
    """Whether a group's word is the one that claims: the subject of a claiming verb ("X
    claimed responsibility", "X and Y both claimed it", "X took responsibility"), or its agent
    ("the attack was claimed by X")."""
    while token.dep_ in ("conj", "appos", "compound") and token.head is not token:
        token = token.head  # "X and Y claimed": Y hangs on X
    token = _naming_noun(token)
    if token.dep_ == "nsubj":
        verb = token.head
        if any(c.dep_ == "neg" for c in verb.children):
            return False  # "X has not claimed it"
        if verb_lemma(verb) in lex.claiming:
            return True
        return verb_lemma(verb) in lex.owning and any(
            c.dep_ == "dobj" and c.lemma_.lower() in lex.responsibility for c in verb.children
        )
    if token.dep_ == "pobj" and token.head.lower_ == "by" and token.head.dep_ == "agent":
        return verb_lemma(token.head.head) in lex.claiming
    return False


# Verbs that give a noun its name: "a group calling itself X", "an outfit known as X".
_NAMING = frozenset(("call", "name", "know", "style", "dub"))


def _naming_noun(token: Token) -> Token:
    """The noun a name is given to ("a group calling itself the X Front", "a group called X",
    "an outfit known as X"): that noun's place in the clause is the name's."""
    word = token.head if token.dep_ == "pobj" and token.head.lower_ == "as" else token
    verb = word.head
    given = word.dep_ in ("oprd", "attr", "prep", "dobj", "pobj") or word is not token
    naming = verb.dep_ == "acl" and verb.lemma_.lower() in _NAMING and verb.head.pos_ == "NOUN"
    return verb.head if given and naming else token


def claiming(sentence: Span, mentions: list[Found], lex: Lexicon) -> list[Found]:
    """The group mentions of the sentence that claim an attack, one per group, in text order;
    an anaphor ("the group claimed") stands for the group it refers to."""
    doc = sentence.doc
    found: dict[str, Found] = {}
    for m in mentions:
        if not inside(sentence, m.start) or m.actor in found:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and any(_claims(t, lex) for t in span):
            found[m.actor] = m
    return list(found.values())


def perpetrator(
    sentence: Span,
    scored: list[tuple[Found, int]],
    mentions: list[Found],
    trigger: int,
    found: DocState,
    lex: Lexicon,
) -> tuple[str, str] | None:
    """The group the sentence says did it (`scored` by `mention_roles`): the doer of the
    trigger, else the nearest group."""
    candidates = scored
    speaker = found.speaker_spans.get(sentence.start_char)
    if speaker is not None:
        # "local Taliban officials said": the officials speak; they did not carry it out.
        head = sentence.doc.char_span(*speaker, alignment_mode="expand")
        if head is not None and head.root.lemma_.lower() in lex.official_heads:
            candidates = [(m, r) for m, r in candidates if not speaker[0] <= m.start < speaker[1]]
    doc = sentence.doc
    best: tuple[float, Found] | None = None
    for m, role in candidates:
        if role == 0:
            continue  # the group is what was attacked
        score = role - abs(m.start - trigger) / 1000
        if best is None or score > best[0]:
            best = (score, m)
    if best is None:
        return None
    chosen = as_named(best[1], mentions)
    return chosen.actor, doc_text(doc)[chosen.start : chosen.end]


def as_named(mention: Found, mentions: list[Found]) -> Found:
    """The mention itself, or for an anaphor ("the group claimed it") the group as the text
    last named it before, else as it first names it."""
    if mention.how != "anaphor":
        return mention
    named = [m for m in mentions if m.actor == mention.actor and m.how != "anaphor"]
    earlier = [m for m in named if m.start < mention.start]
    return (earlier or named or [mention])[-1 if earlier else 0]


def stance(
    sentence: Span, lex: Lexicon, source: str | None, found: DocState, perpetrator: str | None
) -> tuple[str, str | None]:
    """How the text attributes the attack to `perpetrator`, and who attributes it."""
    speaker = found.actors.get(source) if source else None
    spoken = found.speaker_spans.get(sentence.start_char)
    if (
        spoken is not None
        and perpetrator is not None
        and (speaker is None or speaker.kind != ARMED_GROUP)
    ):
        # A spokesman of the group (or of its parent) speaking: the group's own word.
        voices = {m.actor for m in found.group_mentions() if spoken[0] <= m.start < spoken[1]}
        if perpetrator in voices or found.actors[perpetrator].parent in voices:
            return CLAIMED, perpetrator
    if speaker is not None and speaker.kind == ARMED_GROUP and perpetrator is not None:
        own = perpetrator == source or found.actors[perpetrator].parent == source
        # "ISIS said ISWAP fighters ambushed": its own word; a rival's word is an accusation.
        return (CLAIMED, source) if own else (ACCUSED, source)
    accuser = _accuser(sentence, found, perpetrator, lex)
    if accuser is not None:
        return ACCUSED, accuser
    # "No group has claimed the attack": blank the denial so its claim cue does not count.
    text = lex.unclaimed.sub(lambda m: " " * len(m.group()), span_text(sentence))
    for attribution, pattern in lex.attribution:
        if pattern.search(text):
            return attribution, source if attribution in (ACCUSED, SUSPECTED) else None
    return CONFIRMED, None


def _accuser(sentence: Span, found: DocState, perpetrator: str | None, lex: Lexicon) -> str | None:
    """Who the sentence says blames the group: the subject of the verb of accusing whose object
    it is ("the government blamed al-Shabaab" -> "government")."""
    if perpetrator is None:
        return None
    doc = sentence.doc
    for m in found.group_mentions():
        if m.actor != perpetrator or not inside(sentence, m.start):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for token in span if span is not None else ():
            verb = token.head
            if token.dep_ != "dobj" or verb_lemma(verb) not in lex.accusing:
                continue
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                words = [t for t in subject.subtree if t.dep_ != "det"]
                if words:
                    return doc[words[0].i : words[-1].i + 1].text
    return None


def parents(found: DocState) -> dict[str, str]:
    """Each group's parent: the registry's, or the one the text names it a branch of."""
    parent_of = {name: info.parent for name, info in found.actors.items() if info.parent}
    parent_of |= {r.subject: r.object for r in found.relations if r.type in BRANCH_RELATIONS}
    return parent_of


def branch_for_parent(
    incident: Candidate,
    groups: list[Found],
    found: DocState,
    lex: Lexicon,
    doc: Doc,
    sentence: Span | None = None,
) -> None:
    """The Islamic State claims for its provinces: when the perpetrator is the parent of a group
    the article names (registry parent, or a branch/affiliate relation in the text), the attack is
    the branch's, claimed by the parent. The branch named in the same sentence decides; else the
    one branch the article names, or the one it names where the parent claims."""
    parent = incident.perpetrator
    if parent is None:
        return
    children = {
        r.subject for r in found.relations if r.object == parent and r.type in BRANCH_RELATIONS
    }
    children |= {name for name, info in found.actors.items() if info.parent == parent}
    named = [m for m in groups if m.actor in children and m.how != "anaphor"]
    if sentence is not None:
        near = [m for m in named if inside(sentence, m.start)]
        named = near if len({m.actor for m in near}) == 1 else named
    if len({m.actor for m in named}) > 1:
        # "IS claimed fighters from its West Africa Province carried out two attacks": of the
        # branches the article names, the one the parent claims for.
        claimed_for = [m for m in named if _claimed_for(m, parent, groups, lex, doc)]
        named = claimed_for if len({m.actor for m in claimed_for}) == 1 else named
    if len({m.actor for m in named}) != 1:
        return
    child = named[0]
    incident.perpetrator = child.actor
    incident.perpetrator_text = child.actor
    if incident.attribution == CLAIMED:
        incident.attributed_by = parent


def _claimed_for(branch: Found, parent: str, groups: list[Found], lex: Lexicon, doc: Doc) -> bool:
    """Whether the branch is named in a sentence where its parent claims an attack."""
    span = doc.char_span(branch.start, branch.end, alignment_mode="expand")
    if span is None:
        return False
    return any(m.actor == parent for m in claiming(span.sent, groups, lex))


def state_doer(doc: Doc, trigger: int, found: DocState) -> str | None:
    """The state named on the trigger itself ("a US drone strike", "Israeli airstrikes")."""
    span = doc.char_span(trigger, trigger + 1, alignment_mode="expand")
    if span is None:
        return None
    token = span[0]
    for child in token.lefts:
        modifier = child.dep_ in ("compound", "amod", "nmod", "poss")
        state_name = child.ent_type_ in ("GPE", "NORP")
        if modifier and state_name and not found.overlaps(child.idx, child.idx + len(child)):
            return child.text
    return None


def passage_group(incident: Candidate, groups: list[Found], doc: Doc) -> None:
    """An event whose sentences name no group belongs to the group the passage is about:
    the last group named before it, within two sentences, else the most named one."""
    groups = [m for m in groups if m.actor not in incident.harmed]
    if not groups:
        return
    window = max(0, incident.start - 400)
    before = [m for m in groups if window <= m.start < incident.start]
    if before:
        chosen = before[-1]
    else:
        counts = Counter(m.actor for m in groups if m.how != "anaphor")
        if not counts:
            return
        name = counts.most_common(1)[0][0]
        chosen = next(m for m in groups if m.actor == name)
    incident.perpetrator = chosen.actor
    incident.perpetrator_text = doc_text(doc)[chosen.start : chosen.end]
    incident.attribution = UNKNOWN
