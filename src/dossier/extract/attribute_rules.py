"""The model's attribute rules (tag to part of speech and morphology, a few lemmas), applied as
spaCy's `attribute_ruler` applies them, at a fraction of its cost.

spaCy's ruler runs a `Matcher` of all its rules (179 in en_core_web_sm) over every token of every
document: a tenth of stock spaCy's time on short news reports. Nearly all of those rules look at
one token only, and only at its tag, its dependency label, whether it is a space and its lower
case form, which moreover they compare with a handful of words. What such rules set on a token is
then a function of those four values, the word reduced to "one of the rules' words, or none", and
this component remembers it: the first document a combination occurs in is matched by spaCy's
own `Matcher` of those rules, and later tokens with the same combination reuse what it found.
The other rules (those over two tokens, or with a regular expression) are matched by a `Matcher`
of their own on every document. Each token then gets the attributes of its rules in the ruler's
order, later rules winning, as spaCy's `set_annotations` gives them: the same tags, parts of
speech, morphology and lemmas, the lemmatizer downstream reading the same input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

# What a remembered rule may look at, and what any rule may set: attributes of the token alone
# (not of its lexeme, shared by every document), so that tokens never affect one another.
_KEYS = {"TAG", "DEP", "IS_SPACE", "LOWER"}
_SETS = {POS, TAG, DEP, MORPH, LEMMA}
# A tag, dependency or word none of the remembered rules names (no hash is negative).
_OTHER = -1

Key = tuple[int, int, int, int]


class CachedAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler with the same rules and the same output, its one-token rules
    remembered by the values they read (see the module's docstring)."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler") -> None:
        super().__init__(vocab, name)
        self._index: _Index | None = None

    def adopt(self, model: AttributeRuler) -> None:
        """Take the rules of the model's own ruler, in their order (which decides who wins)."""
        self.clear()
        self.add_patterns(model.patterns)

    def clear(self) -> None:
        super().clear()
        self._index = None

    def add(self, patterns: Iterable, attrs: dict, index: int = 0) -> None:  # type: ignore[override]
        super().add(patterns, attrs, index)
        self._index = None

    def __call__(self, doc: Doc) -> Doc:
        if self._index is None:
            self._index = _Index(self)
        if not self._index.usable:
            return super().__call__(doc)
        try:
            self._index.apply(doc)
            return doc
        except Exception as e:
            return self.get_error_handler()(self.name, self, [doc], e)


class _Index:
    """The rules of one ruler split into those remembered by the values a token shows them and
    the others, with what each combination of values met so far gets."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs: list[dict] = ruler.attrs
        self.indices: list[int] = ruler.indices
        self.usable = all("_" not in a and set(a) <= _SETS for a in ruler.attrs)
        self.strings = ruler.vocab.strings
        # The values of each attribute the remembered rules name; any other value of it is one
        # they all treat alike (unequal to theirs, in none of their lists, outside every
        # NOT_IN's), so the key holds it as _OTHER.
        self.named: dict[str, set[int]] = {"TAG": set(), "DEP": set(), "LOWER": set()}
        self.single = Matcher(ruler.vocab, validate=False)
        self.rest = Matcher(ruler.vocab, validate=False)
        # What a document must hold for one of the other rules to match in it: a word, a word
        # of a regular expression or a dependency label one of each rule's tokens must have
        # ("gon" of "gon na", "nothin'", the "expl" of "there is"); most documents hold none,
        # and their Matcher is not run. Whether a word meets the expressions is remembered.
        self.rest_words: set[int] = set()
        self.rest_deps: set[int] = set()
        self.rest_patterns: list[re.Pattern[str]] = []
        self.rest_met: dict[int, bool] = {}
        self.rest_always = False
        for i, spec in enumerate(ruler.patterns):
            key = self.strings.add(str(i))
            patterns = spec["patterns"]
            if spec["index"] in (0, -1) and all(_rememberable(p) for p in patterns):
                self.single.add(key, patterns)
                for pattern in patterns:
                    for attr, value in pattern[0].items():
                        if attr in self.named:
                            self.named[attr] |= {self.strings.add(v) for v in _values(value)}
            else:
                self.rest.add(key, patterns)
                for pattern in patterns:
                    self._require(pattern)
        self.met: dict[Key, tuple[tuple[int, ...], dict]] = {}

    def _require(self, pattern: list[dict]) -> None:
        """Note what a document must hold for `pattern` to match: the words or dependency
        labels of its first token that must have one (an optional token need not be there)."""
        for spec in pattern:
            if "OP" in spec:
                continue
            for attr, into in (("LOWER", self.rest_words), ("DEP", self.rest_deps)):
                value = spec.get(attr)
                if isinstance(value, str) or (isinstance(value, dict) and set(value) == {"IN"}):
                    into |= {self.strings.add(v) for v in _values(value)}
                    return
            lower = spec.get("LOWER")
            if isinstance(lower, dict) and set(lower) == {"REGEX"}:
                # As the Matcher tests one: a search in the token's lower-case form.
                self.rest_patterns.append(re.compile(lower["REGEX"]))
                return
        self.rest_always = True

    def _may_match_rest(self, values: list[list[int]]) -> bool:
        """Whether a document of these tokens holds what one of the other rules needs."""
        if self.rest_always:
            return True
        words, deps, met = self.rest_words, self.rest_deps, self.rest_met
        for _, dep, _, lower in values:
            if lower in words or dep in deps:
                return True
            if self.rest_patterns:
                known = met.get(lower)
                if known is None:
                    text = self.strings[lower]
                    known = met[lower] = any(p.search(text) for p in self.rest_patterns)
                if known:
                    return True
        return False

    def apply(self, doc: Doc) -> None:
        tags, deps, words = self.named["TAG"], self.named["DEP"], self.named["LOWER"]
        values = doc.to_array([TAG, DEP, IS_SPACE, LOWER]).tolist()
        keys: list[Key] = [
            (
                tag if tag in tags else _OTHER,
                dep if dep in deps else _OTHER,
                space,
                lower if lower in words else _OTHER,
            )
            for tag, dep, space, lower in values
        ]
        met = self.met
        if any(key not in met for key in keys):
            self._learn(doc, keys)
        extra: dict[int, set[int]] = {}
        may = self._may_match_rest(values)
        for match_id, start, end in (
            self.rest(doc, allow_missing=True, as_spans=False) if may else ()
        ):
            rule = int(self.strings[match_id])
            index = self.indices[rule]
            token = start + index if index >= 0 else end + index
            if not start <= token < end:
                raise IndexError(f"attribute rule {rule}: index {index} outside its match")
            extra.setdefault(token, set()).add(rule)
        for i, key in enumerate(keys):
            rules, attrs = met[key]
            if i in extra:
                rules, attrs = self._merged(extra[i] | set(rules))
            if attrs:
                set_token_attrs(doc[i], attrs)

    def _learn(self, doc: Doc, keys: list[Key]) -> None:
        """What each token's combination of values gets, as spaCy's Matcher finds it."""
        rules: list[set[int]] = [set() for _ in keys]
        for match_id, start, _end in self.single(doc, allow_missing=True, as_spans=False):
            rules[start].add(int(self.strings[match_id]))
        for key, found in zip(keys, rules, strict=True):
            if key not in self.met:
                self.met[key] = self._merged(found)

    def _merged(self, rules: set[int]) -> tuple[tuple[int, ...], dict]:
        """The rules in the ruler's order, and what they set, later rules winning attribute by
        attribute as when each is set in turn."""
        ordered = tuple(sorted(rules))
        merged: dict = {}
        for rule in ordered:
            merged.update(self.attrs[rule])
        return ordered, merged


def _rememberable(pattern: list[dict]) -> bool:
    """Whether a rule looks at one token and only at values a combination key holds: whether it
    is a space, and its tag, dependency and word each equal to a value, in a list or not in one."""
    if len(pattern) != 1 or not set(pattern[0]) <= _KEYS:
        return False
    for attr, value in pattern[0].items():
        if attr == "IS_SPACE":
            if not isinstance(value, bool):
                return False
        elif not isinstance(value, str) and not (
            isinstance(value, dict) and value and set(value) <= {"IN", "NOT_IN"}
        ):
            return False
    return True


def _values(value: str | dict[str, list[str]]) -> list[str]:
    """The values a rule names for an attribute."""
    if isinstance(value, str):
        return [value]
    return [v for listed in value.values() for v in listed]


@Language.factory("dossier_attribute_ruler")
def make_attribute_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    return CachedAttributeRuler(nlp.vocab, name)
