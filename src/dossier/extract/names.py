"""People named in a sentence, and the fullest form a document gives each.

Cased text has the tagger's PERSON entities. A lower-cased archive (the FBIS wire) has no
capitals to go by: there a name is a given name from data/given_names.txt followed by name
words, a place that begins like a name ("san lucas", "ramon ortega jurisdiction") is none,
and a surname alone counts where the text gives the name in full elsewhere.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dossier.extract.state import doc_text
from dossier.vocab.registry import is_lower_cased
from dossier.vocab.roles import RoleLexicon, common_nouns, given_names, role_lexicon

_NOT_NAME_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "NUM", "PART", "PUNCT"}


def person_names(sentence: Span) -> list[Span]:
    """People named in a sentence. Cased text has the tagger's PERSON entities; a lower-cased
    archive has no capitals to go by, so there a name is a given name from data/given_names.txt
    followed by up to four name words ("tomas herrera lago", "pablo ruiz y mora")."""
    doc = sentence.doc
    if "dossier_persons" not in doc.user_data:
        # doc.ents builds every span on each call; keep offsets, since spans kept on the doc
        # would tie it in a reference cycle and hold its memory until a garbage collection.
        doc.user_data["dossier_persons"] = [
            (e.start, e.end) for e in doc.ents if e.label_ == "PERSON"
        ]
    persons = [
        doc[start:end]
        for start, end in doc.user_data["dossier_persons"]
        if sentence.start <= start < sentence.end
    ]
    if not is_lower_cased(doc_text(doc)):
        return persons
    lex = role_lexicon()
    common = common_nouns() | lex.place_words
    particles = lex.name_particles
    found: list[Span] = []
    names = given_names()
    i = sentence.start
    while i < sentence.end:
        token = doc[i]
        before = doc[i - 1].lower_ if i > sentence.start else ""
        if token.lower_ not in names or before in names or before in lex.saints:
            i += 1  # "san lucas", "santa ana": a place
            continue
        end = i + 1
        while end < sentence.end and end - i < 5:
            word = doc[end]
            if word.lower_ in particles and end + 1 < sentence.end and doc[end + 1].is_alpha:
                end += 1
                continue
            if (
                not word.is_alpha
                or (word.is_stop and word.lower_ not in names)
                or word.lower_ in common
                or word.pos_ in _NOT_NAME_POS
                or word.ent_type_ in ("GPE", "NORP", "DATE", "TIME")
            ):
                break
            end += 1
        while end - 1 > i and doc[end - 1].lower_ in particles:
            end -= 1
        place = any(t.lower_ in lex.place_words for t in doc[i : end + 1] if t.i < sentence.end)
        if end - i >= 2 and not place:  # "ramon ortega jurisdiction" is a place
            found.append(doc[i:end])
        i = end
    # The tagger's PERSON guesses hold only as name-like words, and a single word only where the
    # text gives it in full elsewhere ("vega" is "ana lucia vega"; not "words indistinct").
    for ent in persons:
        if any(e.start < ent.end and ent.start < e.end for e in found):
            continue
        if not all(t.is_alpha and not t.is_stop and t.lower_ not in common for t in ent):
            continue
        if any(t.tag_ in ("NNS", "NNPS") for t in ent):
            continue
        if len(ent) >= 2 or len(full_name(doc, ent.text).split()) >= 2:
            found.append(ent)
    return found


def from_given(name: str) -> str:
    """A name without the title or description before it: "col andres felipe rojas" is
    "andres felipe rojas"; in lower-cased text, where nothing else marks where a name
    begins, "rector javier soto lima" is "javier soto lima" (from the first given name)."""
    words = name.split()
    titles = role_lexicon().titles
    while len(words) > 1 and words[0].lower().rstrip(".") in titles:
        words = words[1:]
    known = given_names()
    first = next((i for i, w in enumerate(words) if w.lower() in known), 0)
    return " ".join(words[first:]) if first < len(words) - 1 else " ".join(words)


def harmed(name: Span, lex: RoleLexicon) -> bool:
    """Whether a name is what a harm word in its sentence was done to: a descendant of the harm
    word ("the murder of ... rector javier soto lima", "seized students marco gil") reached
    by any path but the doer's (its subject or "by" phrase). The parse of a lower-cased name is
    often split, so any of its words may carry the path."""
    return any(
        _harmed_from(token, lex)
        for token in name
        if token.head.i not in range(name.start, name.end)
    )


def _harmed_from(child: Token, lex: RoleLexicon) -> bool:
    node = child.head
    hops = 0
    while node is not child and hops < 6:
        lemma = node.lemma_.lower()
        if node.pos_ in ("VERB", "NOUN") and (lemma in lex.harm_verbs or lemma in lex.harm_nouns):
            by = child.dep_ == "prep" and child.lower_ == "by"
            return not (by or child.dep_ in ("nsubj", "agent", "csubj"))
        if node.lemma_.lower() in lex.speech_verbs:
            return False
        child, node = node, node.head
        hops += 1
    return False


def fullest(names: list[str]) -> list[str]:
    """One form per person: "jorge luis" and "mendez" give way to "jorge luis mendez"."""

    def shorter(name: str, other: str) -> bool:
        a, b = name.lower(), other.lower()
        return a != b and (b.startswith(a + " ") or b.endswith(" " + a))

    return [n for n in names if not any(shorter(n, o) for o in names)]


def name_start(doc: Doc, i: int, most: int, kinds: tuple[str, ...]) -> int:
    """Where a name that goes on at token `i` begins: leftwards over up to `most` name words,
    stopping at punctuation, a stop word, a noun of the lexicons ("senator"), a word of another
    part of speech than `kinds`, or a place, nationality or organisation."""
    common = common_nouns()
    start = i
    while start > max(0, i - most):
        left = doc[start - 1]
        if not left.is_alpha or left.is_stop or left.lower_ in common:
            break
        if left.pos_ not in kinds or left.ent_type_ in ("GPE", "NORP", "ORG"):
            break
        start -= 1
    return start


def full_name(doc: Doc, name: str) -> str:
    """The fullest form the document gives a name: "herrera lago" is "tomas herrera lago" where
    the text says so elsewhere. Each occurrence is extended leftwards over name words, as
    `_name_part` reads them, and the longest wins."""
    words = name.lower().split()
    if not words:
        return name
    lowered = is_lower_cased(doc_text(doc))
    best = name
    size = len(words)
    for token in doc:
        if token.lower_ != words[0] or doc[token.i : token.i + size].text.lower().split() != words:
            continue
        start = name_start(doc, token.i, 3, ("PROPN", "NOUN"))
        candidate = doc[start : token.i + size].text
        if lowered:
            candidate = from_given(candidate)
        if len(candidate) > len(best):
            best = candidate
    return best
