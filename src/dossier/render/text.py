"""The records as the command line shows them: rich markup, every piece of text escaped.

Nothing here computes a fact: each function lays out a record it is given, so that the web can
render the same records as HTML and say the same thing.
"""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from dossier.model import ActorSummary, Incident, Line, Profile, Ranking, Refusal, Skipped


def error(message: str) -> str:
    return f"error: {escape(message)}"


def refusal(refused: Refusal) -> str:
    return escape(refused.message())


def skipped(passed: Skipped) -> str:
    """A container's records that are not articles, counted by kind."""
    return escape(passed.message())


def quarantined(refused: Refusal) -> str:
    """A line of `dossier refusals`."""
    return escape(f"{refused.where}: {refused.reason}")


def quote(text: str) -> str:
    return escape(text)


def ingested(
    documents: int, duplicates: int, refused: int, counts: dict[str, int], url: str
) -> str:
    return escape(
        f"ingested {documents} documents, skipped {duplicates} duplicates, "
        f"refused {refused}; the store holds {counts['documents']} documents and "
        f"{counts['actors']} actors ({url})"
    )


def redone(batches: int) -> str:
    return escape(f"{batches} batches redone by another worker after theirs died")


def stats(counts: dict[str, int], url: str) -> Table:
    table = Table(title=escape(f"The store at {url}"))
    table.add_column("holds")
    table.add_column("count", justify="right")
    for name, n in counts.items():
        table.add_row(name.replace("_", " "), f"{n:,}")
    return table


def upgraded(before: str | None, after: str, url: str) -> str:
    if before == after:
        return escape(f"the database at {url} is at schema revision {after}, as this dossier needs")
    start = "a new database" if before is None else f"schema revision {before}"
    return escape(f"upgraded {url} from {start} to schema revision {after}")


def actors(rows: list[ActorSummary]) -> Table:
    table = Table()
    table.add_column("actor", no_wrap=True)
    for column in ("kind", "registry", "documents", "mentions"):
        table.add_column(column, no_wrap=True)
    table.add_column("aliases")
    for row in rows:
        table.add_row(
            escape(row.name),
            row.kind,
            "yes" if row.registered else "new",
            str(row.documents),
            str(row.mentions),
            escape(", ".join(row.aliases)),
        )
    return table


def ranking(result: Ranking) -> Table:
    """The ranking; a column for each row's year only when the rows are not all of the year asked
    for, and for contested attacks only when some row has one (a terminal is narrow)."""
    when = (
        f"as of {result.as_of}"
        if result.as_of is not None
        else "each as of the year of its latest incident"
    )
    table = Table(title=f"Danger index, {when} (GTI method)")
    table.add_column(result.by)
    years = result.as_of is None
    rivals = any(row.index.contested for row in result.rows)
    columns = ["index", "incidents", "deaths", "injured", "hostages"]
    if years:
        columns.insert(1, "as of")
    if rivals:
        columns.append("contested")
    for column in columns:
        table.add_column(column, no_wrap=True, justify="right")
    for row in result.rows:
        cells = [row.incidents, row.deaths, row.injured, row.hostages]
        shown = [f"{row.index.score:.3f}", *([str(row.index.as_of)] if years else [])]
        shown += [str(c) for c in cells] + ([str(len(row.index.contested))] if rivals else [])
        table.add_row(escape(row.name), *shown)
    return table


def incidents(found: list[Incident]) -> Table:
    """One row per incident: when, where, what, by whom (or who contests it), its tolls at the
    lowest credible total ("*" where sources disagree; `--format json` gives every figure), and
    how many documents report it."""
    table = Table(title=f"{len(found)} incidents")
    for column in ("id", "date", "where", "type", "by", "killed", "wounded", "docs"):
        # A place is what a reader scans for: its column keeps a town's name whole.
        table.add_column(
            column,
            no_wrap=column in ("id", "date", "killed", "wounded", "docs"),
            min_width=14 if column == "where" else None,
        )
    for i in found:
        where = ", ".join(p for p in (i.place, i.country) if p) or "not stated"
        by = i.perpetrator or (f"{i.doer} (no armed group)" if i.doer else "")
        if i.contested:
            by = "contested: " + ", ".join(i.groups)
        shown = [
            "" if t is None or t.figure is None else f"{t.count}{'*' if t.disputed else ''}"
            for t in (i.killed, i.wounded)
        ]
        docs = str(len({r.document_id for r in i.reports}))
        cells = [escape(where), i.type.replace("_", " "), escape(by), *shown, docs]
        table.add_row(str(i.id), i.date or "", *cells)
    return table


CITED = 4  # citations shown after a line; the rest are counted ("and 212 more")


def citations(cited: Line, most: int | None = CITED) -> str:
    """ "[doc:1-2] [doc:5-9]", the first `most` of them (the order analyse gives: the reports
    of the incidents first told), then how many more there are."""
    shown = cited.citations if most is None else cited.citations[:most]
    more = len(cited.citations) - len(shown)
    return " ".join(map(str, shown)) + (f" and {more} more" if more else "")


def line(cited: Line, most: int | None = CITED) -> str:
    """A line with its citations, unescaped: "text [doc:1-2] [doc:5-9]"."""
    return f"{cited.text} {citations(cited, most)}"


def designations(result: Profile) -> list[str]:
    """ "US Foreign Terrorist Organization list (US Department of State), since 2016-01-14, as
    ISIL-Khorasan <https://...>": one line per listing, unescaped, its page as its source."""
    shown = []
    for d in result.designations:
        when = f"from {d.listed} to {d.delisted}" if d.delisted else f"since {d.listed}"
        named = f", as {d.listed_as}" if d.listed_as else ""
        note = f"; {d.note}" if d.note else ""
        shown.append(f"{d.list} ({d.by}), {when}{named}{note} <{d.url}>")
    return shown


def profile(result: Profile, quotes: bool = False) -> list[str]:
    """The profile, one printed line each; with `quotes`, the quoted span under each line."""
    texts = {q.evidence: q.text for q in result.quotes}
    printed = [f"[bold]{escape(result.name)}[/bold]  ({result.kind})"]
    for section in result.sections:
        if not section.lines:
            continue
        printed.append(f"\n[bold underline]{escape(section.title)}[/bold underline]")
        if section.paragraph:
            printed.append(" ".join(escape(line(cited)) for cited in section.lines))
            continue
        for cited in section.lines:
            printed.append(f"- {escape(line(cited))}")
            if quotes:
                for c in cited.citations[:CITED]:
                    said = " ".join(texts[c].split())
                    printed.append(f'    [dim]> "{escape(said)}" {escape(str(c))}[/dim]')
        if section.omitted:
            printed.append(f"  [dim]… {section.omitted} more (--all)[/dim]")
    if result.designations:
        printed.append("\n[bold underline]Designations[/bold underline]")
        printed += [f"- {escape(listed)}" for listed in designations(result)]
    printed.append("\n[bold underline]Sources[/bold underline]")
    for d in result.documents:
        parts = [d.title or "(untitled)", d.published or "undated", d.source or "", d.path]
        printed.append(escape(f"[{d.id}] " + " · ".join(p for p in parts if p)))
    return printed
