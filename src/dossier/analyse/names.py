"""Finding a group by any of its names: the names the store has read, then every name and alias
the registry knows, so that `profile ISKP` finds the group on a store whose articles happened
never to spell it that way."""

from __future__ import annotations

from dossier.errors import NotFound
from dossier.model import ARMED_GROUP, ActorSummary
from dossier.store import Store
from dossier.vocab.fold import name_key
from dossier.vocab.registry import load_registry


def find_actor(store: Store, name: str) -> str:
    """The canonical name, in the store, of the actor `name` names; NotFound says what to try."""
    cleaned = " ".join(name.split())
    found = store.actor_named(cleaned)
    if found is not None:
        return found
    entry = load_registry().lookup(cleaned, caseless=True)
    if entry is not None:
        for alias in (entry.name, *entry.aliases):
            found = store.actor_named(alias)
            if found is not None:
                return found
        raise NotFound(
            f"{entry.name} (which {cleaned!r} names) is in the registry but in none of the "
            "stored documents; ingest articles about it first"
        )
    raise NotFound(
        f"no actor named {cleaned!r} in the store or the registry; "
        "`dossier actors --all` lists the stored ones"
    )


def search_actors(store: Store, query: str = "", every_kind: bool = False) -> list[ActorSummary]:
    """Stored actors (armed groups unless `every_kind`) whose name or any alias contains
    `query`, case and accents folded, most mentioned first; every one when `query` is empty."""
    found = store.actors(None if every_kind else [ARMED_GROUP])
    wanted = name_key(" ".join(query.split()))
    if not wanted:
        return found
    return [a for a in found if any(wanted in name_key(n) for n in (a.name, *a.aliases))]
