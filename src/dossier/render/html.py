"""Records as HTML, through Jinja2 templates with autoescaping always on: every piece of article
text is data, never markup. The web pages and `dossier profile --format html` share the
templates here, so a profile reads the same in a browser tab and in a saved file.

No script is ever emitted, and links inside articles are never made clickable: a document's text
is shown as text, its facts' spans as `<mark>` elements a citation can point at (`#s-START-END`,
highlighted by the CSS `:target` rule without any script)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from urllib.parse import quote as url_quote

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader, StrictUndefined

from dossier.model import Evidence, Marked, Profile


@dataclass(frozen=True)
class Piece:
    """One token of a marked text: plain `text`, or the opening (`open`) or closing (`close`)
    of a mark. A span that crosses another is cut into pieces; its first piece holds its id."""

    kind: str
    text: str = ""
    id: str = ""
    classes: str = ""
    title: str = ""


def span_id(evidence: Evidence) -> str:
    """The fragment a citation links to: `s-START-END`, or `c-ROW-COLUMN` for a cell."""
    if evidence.is_cell:
        return f"c-{evidence.row}-{evidence.column}"
    return f"s-{evidence.start}-{evidence.end}"


def cite_url(evidence: Evidence) -> str:
    """Where a citation opens on the web: the document page at the cited span."""
    return f"/documents/{url_quote(evidence.document_id, safe='')}#{span_id(evidence)}"


def marked(text: str, spans: Iterable[Marked]) -> list[Piece]:
    """The text cut at every span boundary, with marks opened and closed so that they nest:
    spans with one range share a mark; a span crossing another is closed and reopened."""
    ranges: dict[tuple[int, int], list[Marked]] = {}
    for m in spans:
        start, end = max(0, m.evidence.start), min(len(text), m.evidence.end)
        if start < end and not m.evidence.is_cell:
            ranges.setdefault((start, end), []).append(m)
    starts: dict[int, list[tuple[int, int]]] = {}
    for r in sorted(ranges, key=lambda r: (r[0], -r[1])):
        starts.setdefault(r[0], []).append(r)
    points = sorted({0, len(text)} | {p for r in ranges for p in r})

    def opening(r: tuple[int, int], first: bool) -> Piece:
        these = ranges[r]
        kinds = sorted({f"m-{m.kind}" for m in these})
        title = "; ".join(dict.fromkeys(f"{m.kind}: {m.label}" for m in these))
        return Piece(
            "open", id=f"s-{r[0]}-{r[1]}" if first else "", classes=" ".join(kinds), title=title
        )

    pieces: list[Piece] = []
    stack: list[tuple[int, int]] = []
    for i, point in enumerate(points):
        if any(r[1] == point for r in stack):
            reopen = []
            while any(r[1] == point for r in stack):
                r = stack.pop()
                pieces.append(Piece("close"))
                if r[1] != point:
                    reopen.append(r)
            for r in reversed(reopen):
                pieces.append(opening(r, first=False))
                stack.append(r)
        for r in starts.get(point, []):
            pieces.append(opening(r, first=True))
            stack.append(r)
        if i + 1 < len(points):
            pieces.append(Piece("text", text[point : points[i + 1]]))
    pieces.extend(Piece("close") for _ in stack)
    return pieces


TEMPLATES: BaseLoader = PackageLoader("dossier.render", "templates")


@functools.cache
def environment(extra: BaseLoader | None = None) -> Environment:
    """The one Jinja environment: autoescape on for every template, undefined names an error."""
    loader = ChoiceLoader([extra, TEMPLATES]) if extra is not None else TEMPLATES
    env = Environment(loader=loader, autoescape=True, undefined=StrictUndefined)
    env.globals |= {"span_id": span_id, "cite_url": cite_url}
    return env


def stylesheet() -> str:
    """The stylesheet the pages link to, and the standalone file carries in its `<style>`."""
    return resources.files("dossier.render").joinpath("templates/dossier.css").read_text("utf-8")


def profile_html(found: Profile, link: Callable[[Evidence], str] | None = None) -> str:
    """The profile as one self-contained HTML file: the styles inline, no script, every line's
    citations quoted in place (so the file needs neither the store nor a server)."""
    quotes = {q.evidence: q.text for q in found.quotes}
    return (
        environment()
        .get_template("profile_file.html")
        .render(profile=found, quotes=quotes, css=stylesheet(), link=link)
    )
