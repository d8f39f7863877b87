"""dossier's records in msgpack, so that a Doc carrying them round-trips.

spaCy writes a Doc's extension values with srsly's msgpack (`Doc.to_bytes`), and so does
`nlp.pipe(n_process=2)`, which sends docs to its workers and back as bytes. msgpack knows lists,
dicts, strings and numbers; this module teaches it dossier's frozen dataclasses, dates and sets
through srsly's `msgpack_encoders`/`msgpack_decoders` registries. msgpack hands every array back
as a list, so a record is rebuilt from its fields' type hints: a `tuple[str, ...]` field is a
tuple again. msgpack decodes inside out, so the records inside a record are rebuilt already.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import operator
import types
import typing
from collections import Counter
from collections.abc import Callable
from typing import Any

import srsly

from dossier import model

TAG = "__dossier__"
Convert = Callable[[Any], Any]


@dataclasses.dataclass
class _Record:
    name: str
    cls: type
    values: Callable[[Any], Any]
    # Per field, how to give the decoded value its type; resolved at first decode, as hints may
    # name classes defined after the record.
    converters: tuple[Convert | None, ...] | None = None


_BY_NAME: dict[str, _Record] = {}
_BY_CLASS: dict[type, _Record] = {}


def register(*classes: type) -> None:
    """Let msgpack carry these dataclasses, by class name (so the names must be unique)."""
    for cls in classes:
        names = tuple(f.name for f in dataclasses.fields(cls) if f.init)
        taken = _BY_NAME.get(cls.__name__)
        if len(names) != len(dataclasses.fields(cls)) or (
            taken is not None and taken.cls.__module__ != cls.__module__
        ):
            raise TypeError(f"{cls.__name__}: not a record msgpack can carry by name")
        record = _Record(cls.__name__, cls, _getter(names))
        _BY_NAME[record.name] = _BY_CLASS[cls] = record


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    if len(names) == 1:  # attrgetter of one name gives the value, not a tuple of one
        return lambda o: (getattr(o, names[0]),)
    return operator.attrgetter(*names)


def converter(hint: Any) -> Convert | None:
    """How to give a value msgpack decoded the type `hint` names; None where it has it already
    (strings, numbers, and records, dates and sets, which `decode` rebuilds)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        inner = [c for c in map(converter, args) if c is not None]
        if not inner:
            return None
        (convert,) = inner
        return lambda v: None if v is None else convert(v)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = converter(args[0])
            return tuple if item is None else lambda v: tuple(map(item, v))
        items = tuple(map(converter, args))
        if not any(items):
            return tuple
        return lambda v: tuple(x if c is None else c(x) for c, x in zip(items, v, strict=True))
    if origin is list:
        item = converter(args[0])
        return None if item is None else lambda v: [item(x) for x in v]
    if origin is Counter:
        return Counter
    if origin is dict:
        key, value = map(converter, args)
        if key is None and value is None:
            return None
        key, value = key or _same, value or _same
        return lambda v: {key(k): value(x) for k, x in v.items()}
    return None


def _same(value: Any) -> Any:
    return value


def decoded(value: Any, hint: Any) -> bool:
    """Whether `value` bears msgpack's marks (a list for a tuple, a dict for a Counter), judged
    by its first item: the items of a container went through msgpack together or not at all."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if value is None:
        return False
    if origin in (types.UnionType, typing.Union):
        return any(decoded(value, a) for a in args if a is not type(None))
    if origin is tuple:
        return type(value) is list
    if origin is Counter:
        return type(value) is not Counter
    if origin is list:
        return bool(value) and decoded(value[0], args[0])
    if origin is dict:
        return bool(value) and decoded(next(iter(value.values())), args[1])
    return False


def encode(obj: Any, chain: Convert | None = None) -> Any:
    record = _BY_CLASS.get(type(obj))
    if record is not None:
        return {TAG: record.name, "v": record.values(obj)}
    if type(obj) is dt.date:
        return {TAG: "date", "v": obj.isoformat()}
    if type(obj) in (set, frozenset):
        return {TAG: type(obj).__name__, "v": list(obj)}
    return obj if chain is None else chain(obj)


def decode(obj: dict[Any, Any], chain: Convert | None = None) -> Any:
    tag = obj.get(TAG)
    if tag is None:
        return obj if chain is None else chain(obj)
    payload = obj["v"]
    if tag == "date":
        return dt.date.fromisoformat(payload)
    if tag == "set":
        return set(payload)
    if tag == "frozenset":
        return frozenset(payload)
    record = _BY_NAME[tag]
    if record.converters is None:
        hints = typing.get_type_hints(record.cls)
        record.converters = tuple(converter(hints[f.name]) for f in dataclasses.fields(record.cls))
    return record.cls(
        *(v if c is None else c(v) for c, v in zip(record.converters, payload, strict=True))
    )


register(
    *(
        cls
        for cls in vars(model).values()
        if isinstance(cls, type)
        and dataclasses.is_dataclass(cls)
        and cls.__module__.startswith(f"{model.__name__}.")  # model/*.py, re-exported
    )
)
srsly.msgpack_encoders.register("dossier", func=encode)
srsly.msgpack_decoders.register("dossier", func=decode)
