"""Aliases the text itself defines: "Lashkar-e-Taiba (LeT)", "IS-K (also known as ISISK or ISKP)",
"al-Shabaab, also known as Harakat al-Shabaab al-Mujahideen".

A mined alias binds to the actor named just before it, or, when the registry does not know that
name, to a new (unregistered) actor. The registry wins every conflict: an acronym the registry
gives to one group is never bound to another, which is what keeps "IS" out of IS-K's aliases.
Every later use of a mined alias in the document becomes a mention.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from dossier.extract.actors import registered
from dossier.extract.kinds import kind_of
from dossier.extract.state import ActorInfo, DocState, doc_text, state
from dossier.vocab.aliases import alias_cues
from dossier.vocab.fold import fold
from dossier.vocab.registry import Registry, is_acronym, is_lower_cased, load_registry

_PAREN = re.compile(r"\(([^()\n]{1,160})\)")
_LOWER_ACRONYM = re.compile(r"[a-z][a-z\-]{1,7}")
_ACRONYM = re.compile(r"[A-Za-z][A-Za-z0-9.\-&']{0,10}[A-Za-z0-9]")
_LIST_SPLIT = re.compile(r"\s*(?:,|;|/|\bor\b|\band\b)\s*")
_CLAUSE_END = re.compile(r"[.;:!?)\n]|,\s+(?:which|who|that|a|an|the|is|was|has)\b|\s[-–—]\s")
_NAME_WORD = re.compile(r"[\w'\-.&]+")


def best_long_form(short: str, candidate: str) -> str | None:
    """Schwartz & Hearst (2003): the shortest tail of `candidate` whose letters spell `short`.

    Characters of the acronym are found right to left in the candidate; the first one must open
    a word. Returns None when the acronym cannot be spelt from the candidate.
    """
    s, i = len(short) - 1, len(candidate) - 1
    while s >= 0:
        char = short[s].lower()
        if not char.isalnum():
            s -= 1
            continue
        while i >= 0 and (
            candidate[i].lower() != char or (s == 0 and i > 0 and candidate[i - 1].isalnum())
        ):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = candidate.rfind(" ", 0, i + 1) + 1
    return candidate[start:]


def looks_like_acronym(text: str) -> bool:
    return (
        _ACRONYM.fullmatch(text) is not None
        and sum(c.isupper() for c in text) >= 2
        and not text.isdigit()
    )


def _proper_name_before(text: str, end: int) -> tuple[int, str] | None:
    """The run of capitalised words (with name connectors) that ends at `end`."""
    words = list(_NAME_WORD.finditer(text[max(0, end - 200) : end]))
    offset = max(0, end - 200)
    connectors = alias_cues().connectors
    start = None
    for word in reversed(words):
        between = text[offset + word.end() : start if start is not None else end]
        if between.strip() or "\n" in between:
            break
        token = word.group()
        if token[0].isupper():
            start = offset + word.start()
        elif token.lower() in connectors and start is not None:
            continue
        else:
            break
    if start is None:
        return None
    name = text[start:end].strip()
    while name.split(" ", 1)[0].lower() in connectors and " " in name:
        start += len(name.split(" ", 1)[0]) + 1
        name = name.split(" ", 1)[1]
    return start, name


class AliasMiner:
    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found = state(doc)
        mined: dict[str, ActorInfo] = {}
        lowered = is_lower_cased(text)
        cues = alias_cues()
        for paren in _PAREN.finditer(text):
            inner = paren.group(1).strip()
            lead = cues.lead.match(inner)
            if lead:
                items = _split_list(inner[lead.end() :])
                self._bind(found, text, paren.start(), items, mined, "also_known_as")
            elif looks_like_acronym(inner) or (lowered and _LOWER_ACRONYM.fullmatch(inner)):
                self._bind_acronym(found, text, paren.start(), inner, mined, lowered)
        for inline in cues.inline.finditer(text):
            rest = text[inline.end() : inline.end() + 300]
            clause = _CLAUSE_END.search(rest)
            items = _split_list(rest[: clause.start()] if clause else rest)
            self._bind(found, text, inline.start(), items, mined, "also_known_as")
        for alias, actor in mined.items():
            self._mark_uses(found, text, alias, actor)
        return doc

    def _subject(
        self, found: DocState, text: str, position: int
    ) -> tuple[ActorInfo, int, int] | None:
        """The actor named right before `position` ("X (" or "X, also known as")."""
        gap = len(text[:position]) - len(text[:position].rstrip(" ,"))
        end = position - gap
        before = found.mention_before(end)
        if before is not None and before.end == end:
            return found.actors[before.actor], before.start, before.end
        proper = _proper_name_before(text, end)
        if proper is None:
            return None
        start, name = proper
        entry = self.registry.lookup(name)
        if entry is not None:
            return registered(entry), start, end
        return ActorInfo(name, kind_of(name), registered=False), start, end

    def _bind(
        self,
        found: DocState,
        text: str,
        position: int,
        items: list[str],
        mined: dict[str, ActorInfo],
        how: str,
    ) -> None:
        subject = self._subject(found, text, position)
        if subject is None or not items:
            return
        actor, start, end = subject
        found.add_mention(start, end, actor, how)
        bound = False
        for item in items:
            owner = self.registry.lookup(item)
            if owner is not None and owner.name != actor.name:
                continue  # the registry gives this name to another group
            mined.setdefault(item, actor)
            bound = True
        if bound:
            found.definitions.setdefault(actor.name, set()).add(position)

    def _bind_acronym(
        self,
        found: DocState,
        text: str,
        position: int,
        acronym: str,
        mined: dict[str, ActorInfo],
        lowered: bool = False,
    ) -> None:
        owner = self.registry.lookup(acronym, caseless=lowered)
        subject = self._subject(found, text, position)
        if subject is None and lowered and owner is None:
            # Lower-cased text has no capitals to find the name by: let the acronym spell it.
            window = " ".join(text[max(0, position - 160) : position].split()[-2 * len(acronym) :])
            long_form = best_long_form(acronym, window.rstrip(" ,"))
            if long_form and len(long_form.split()) >= 2 and len(long_form) > len(acronym) + 3:
                end = position - (len(text[:position]) - len(text[:position].rstrip(" ,")))
                subject = (
                    ActorInfo(long_form, kind_of(long_form), False),
                    end - len(long_form),
                    end,
                )
        if subject is not None and (owner is None or owner.name == subject[0].name):
            actor, start, end = subject
            if owner is None and not actor.registered:
                # An unknown long form must spell the acronym, or "Gaza (AP)" would bind.
                long_form = best_long_form(acronym, text[start:end])
                if long_form is None or len(long_form) <= len(acronym):
                    return
                start = end - len(long_form)
                actor = ActorInfo(long_form, kind_of(long_form), registered=False)
            found.add_mention(start, end, actor, "acronym")
            mined.setdefault(acronym, actor)
            found.definitions.setdefault(actor.name, set()).add(position)

    def _mark_uses(self, found: DocState, text: str, alias: str, actor: ActorInfo) -> None:
        words = re.split(r"[\s\-]+", fold(alias))
        body = r"[\s\-]+".join(re.escape(w) for w in words if w)
        flags = 0 if is_acronym(alias) else re.IGNORECASE
        for match in re.finditer(rf"(?<![\w'])(?:{body})(?![\w])", fold(text), flags):
            found.add_mention(match.start(), match.end(), actor, "alias")


def _split_list(text: str) -> list[str]:
    items = []
    for raw in _LIST_SPLIT.split(text):
        item = raw.strip().strip("\"'“”‘’ ")
        if item and len(item) <= 80 and item[0].isupper():
            items.append(item)
    return items


@Language.factory("dossier_aliases")
def make_alias_miner(nlp: Language, name: str) -> AliasMiner:
    return AliasMiner(load_registry())
