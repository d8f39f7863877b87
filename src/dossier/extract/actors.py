"""Actors named in the registry: one regex pass over the folded text (see registry.py)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.state import ActorInfo, doc_text, state
from dossier.vocab.registry import Entry, Registry, load_registry


def registered(entry: Entry) -> ActorInfo:
    return ActorInfo(entry.name, entry.kind, registered=True, parent=entry.parent)


class RegistryActors:
    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def __call__(self, doc: Doc) -> Doc:
        found = state(doc)
        for start, end, entry in self.registry.find(doc_text(doc)):
            found.add_mention(start, end, registered(entry), "registry")
        return doc


@Language.factory("dossier_actors")
def make_registry_actors(nlp: Language, name: str) -> RegistryActors:
    return RegistryActors(load_registry())
