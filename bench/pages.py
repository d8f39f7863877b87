"""python -m bench pages: how long `dossier serve` takes to render its pages, and what a page
weighs with everything it loads, on the demo store (examples/corpus) and on a store of 10,000
generated documents (bench/resolution.py's facts).

Each page is rendered in-process through the ASGI app (no network), best of three after one
warm-up; the weight is the page's bytes plus the stylesheet it links (pages load no script).
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"demo": 0.100, "10k": 0.300}


def _store(kind: str, folder: Path) -> tuple[str, str]:
    """(store URL, a group to open) of a demo store or a generated 10,000-document one."""
    from dossier.store import Store

    url = f"sqlite:///{folder / (kind + '.sqlite')}"
    store = Store(url)
    if kind == "demo":
        from dossier.flow import ingest_into
        from dossier.settings import Settings

        ingest_into(store, [ROOT / "examples" / "corpus"], Settings())
        group = "IS-K"
    else:
        from bench.resolution import synthetic
        from dossier.resolve.actors import canonical_names, remember
        from dossier.resolve.grouping import group_incidents

        known = store.known_names()
        for facts in synthetic(10_000):
            canonical = canonical_names(facts, known)
            store.add(facts, canonical)
            remember(facts, canonical, known)
            group_incidents(store, facts.document.id)
        group = store.actors(["armed_group"])[0].name
    store.close()
    return url, group


def main() -> int:
    from fastapi.testclient import TestClient

    from dossier.web import create_app

    with tempfile.TemporaryDirectory() as tmp:
        for kind, target in TARGETS.items():
            url, group = _store(kind, Path(tmp))
            client = TestClient(create_app(url))
            css = len(client.get("/static/dossier.css").content)
            print(f"{kind} store, group {group!r}:")
            for path in ("/", f"/groups/{group}", "/incidents", "/map", "/graph", "/documents"):
                client.get(path)  # warm-up
                times = []
                for _ in range(3):
                    began = time.perf_counter()
                    response = client.get(path)
                    times.append(time.perf_counter() - began)
                weight = (len(response.content) + css) / 1024
                mark = "" if min(times) < target or path != f"/groups/{group}" else "  over"
                print(
                    f"  {path[:48]:<48} {response.status_code}  {min(times) * 1000:7.1f} ms  "
                    f"{weight:7.1f} KiB with its stylesheet{mark}"
                )
    return 0
