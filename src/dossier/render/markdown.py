"""The profile as Markdown, for a report or a wiki page: the same lines and citations as the
text, every piece of article text escaped so that it cannot become markup or a link."""

from __future__ import annotations

import re

from dossier.model import Profile
from dossier.render.text import CITED, designations

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~])")


def escape(text: str) -> str:
    """Markdown's special characters backslashed, the text on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def profile(result: Profile, quotes: bool = False) -> str:
    texts = {q.evidence: q.text for q in result.quotes}
    out = [f"# {escape(result.name)}", "", f"*{escape(result.kind)}*"]
    for section in result.sections:
        if not section.lines:
            continue
        out += ["", f"## {escape(section.title)}", ""]
        if section.paragraph:
            out.append(
                " ".join(
                    f"{escape(line.text)} "
                    + " ".join(f"`{c.citation}`" for c in line.citations[:CITED])
                    for line in section.lines
                )
            )
            continue
        for line in section.lines:
            shown = line.citations[:CITED]
            cited = " ".join(f"`{c.citation}`" for c in shown)
            more = len(line.citations) - len(shown)
            out.append(f"- {escape(line.text)} {cited}" + (f" and {more} more" if more else ""))
            if quotes:
                out += [f"  > {escape(texts[c])} `{c.citation}`" for c in shown if c in texts]
        if section.omitted:
            out.append(f"- … {section.omitted} more")
    if result.designations:
        out += ["", "## Designations", ""]
        out += [f"- {escape(listed)}" for listed in designations(result)]
    out += ["", "## Sources", ""]
    for d in result.documents:
        parts = [d.title or "(untitled)", d.published or "undated", d.source or "", d.path]
        out.append(f"- `{d.id}` " + " · ".join(escape(p) for p in parts if p))
    return "\n".join(out) + "\n"
