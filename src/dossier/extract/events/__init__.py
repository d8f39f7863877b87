"""Events: attacks (and surrenders) with type, date, place, perpetrator and stance, and counts.

Each sentence with a trigger is a candidate (`candidates`); its figures (`figures`) and its
perpetrator and stance (`perpetrators`) come from the sentence's own parse and mentions.
Candidates merge into incidents within the document (`merge`). An incident needs a date, a place
below country level, or a doer together with what it did to whom; without them it is a
generality ("IS-K has carried out many attacks"), not an event, and is dropped. The survivors
become `Event` records (`build`). Each module is one job that a learned component could replace.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from dossier.attribution import contested
from dossier.extract.events.build import event
from dossier.extract.events.candidates import (
    candidate,
    clauses,
    follow_up,
    refers_back,
    sets_scene,
    trigger,
)
from dossier.extract.events.merge import CLAIMED, CONFIRMED, Candidate
from dossier.extract.events.perpetrators import (
    branch_for_parent,
    parents,
    passage_group,
)
from dossier.extract.state import span_text, state
from dossier.model import DateValue
from dossier.vocab.events import Lexicon, lexicon


class Events:
    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        lex = lexicon()
        groups = found.group_mentions()
        context = found.country_context.most_common(1)
        main_country = context[0][0] if context else None
        incidents: list[Candidate] = []
        parent_of = parents(found)
        scene: Span | None = None
        # Incidents told in passing ("... came two days after gunmen killed two soldiers in
        # X"): the story goes back to the attack it told, so what follows is not theirs.
        asides: list[Candidate] = []

        def current() -> Candidate:
            return next((i for i in reversed(incidents) if i not in asides), incidents[-1])

        for sentence, aside in _clauses(doc, lex):
            if span_text(sentence).rstrip().endswith("?"):
                continue
            triggered = trigger(sentence, lex)
            if triggered is None:
                if incidents:
                    follow = follow_up(sentence, current(), found, lex, groups)
                    if follow is not None:
                        current().absorb(follow, parent_of)
                elif sets_scene(sentence, found, lex):
                    scene = sentence
                continue
            kind, start = triggered
            anaphoric = bool(incidents) and refers_back(sentence, start, lex)
            told = candidate(sentence, kind, start, groups, found, lex, main_country, anaphoric)
            if told is None:
                if incidents:
                    follow = follow_up(sentence, current(), found, lex, groups)
                    if follow is not None:
                        current().absorb(follow, parent_of)
                continue
            if scene is not None and not incidents and not told.anchored():
                # "On 3 May, soldiers carried out an operation in X. One civilian was killed.":
                # the opening sentence tells when and where the death it does not name was.
                setting = candidate(
                    scene, kind, scene.root.idx, groups, found, lex, main_country, False
                )
                if setting is not None:
                    setting.absorb(told, parent_of)
                    setting.end = told.end
                    told = setting
            branch_for_parent(told, groups, found, lex, doc, sentence)
            if anaphoric:
                # "the attack inside Raqqa city": the attack told at that town, else the last.
                _told_at(incidents, told, current()).absorb(told, parent_of)  # date if none yet
                continue
            if told.date is None and incidents and lex.same_time.search(span_text(sentence)):
                told.date = current().date  # "around the same time, IS also claimed ..."
            if aside:
                # Told as another attack than the one referred to: never that one.
                incidents.append(told)
                asides.append(told)
                continue
            for incident in incidents:
                if incident.joins(told, parent_of):
                    incident.absorb(told, parent_of)
                    break
            else:
                incidents.append(told)
        for incident in incidents:
            if incident.date is None:
                incident.date = _reported_date(incident)
            if incident.perpetrator is None and not incident.state_doer:
                if (force := incident.forces_only()) is not None:
                    # State forces did it, by a sentence that told no attack of its own.
                    incident.perpetrator_text = force
                    incident.attribution, incident.state_doer = CONFIRMED, True
                else:
                    passage_group(incident, groups, doc)
            branch_for_parent(incident, groups, found, lex, doc)
            if not incident.concrete():
                continue
            if contested([c.name for c in incident.claimants], parent_of):
                # Rival groups claim it: each is a claimant, none is known to have done it.
                incident.perpetrator = incident.perpetrator_text = None
                incident.attribution, incident.attributed_by = CLAIMED, None
            found.events.append(event(incident, doc))
        return doc


def _reported_date(incident: Candidate) -> DateValue | None:
    """The date of an attack the text dates only by the day it was reported: that day, or its
    month where the harm is told in the present perfect ("On Tuesday, the group said five of
    its fighters have been killed": killed before Tuesday, on a day not given)."""
    said = incident.reported
    if said is None or not incident.indefinite or said.precision != "day" or not said.value:
        return said
    return DateValue(said.value[:7], "month", said.text)


def _told_at(incidents: list[Candidate], told: Candidate, last: Candidate) -> Candidate:
    """The incident a sentence referring back to "the attack" means: the one at the town it
    names, else the `last` one the story told."""
    place = told.place
    if place is not None and place.kind in ("city", "unknown"):
        for incident in reversed(incidents):
            if incident.place is not None and incident.place.name == place.name:
                return incident
    return last


def _clauses(doc: Doc, lex: Lexicon) -> Iterator[tuple[Span, bool]]:
    """Each sentence, or its halves (`clauses`), with whether it tells an attack in passing."""
    for sentence in doc.sents:
        for i, part in enumerate(clauses(sentence, lex)):
            yield part, i > 0


@Language.factory("dossier_events")
def make_events(nlp: Language, name: str) -> Events:
    lexicon()  # loaded with the pipeline, not with its first document
    return Events()
