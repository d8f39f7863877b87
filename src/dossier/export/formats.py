"""`dossier export FORMAT`: which module writes each format. Each is imported only when asked
for, so that `import dossier.export` costs neither pyarrow, stix2 nor followthemoney."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from dossier.export.snapshot import Snapshot, snapshot
from dossier.store import Store

# Format: (module, function, what OUT is).
FORMATS = {
    "csv": ("dossier.export.csv_files", "write_csv", "a folder of CSV tables"),
    "parquet": ("dossier.export.parquet_files", "write_parquet", "a folder of Parquet tables"),
    "stix": ("dossier.export.stix", "write_stix", "a STIX 2.1 bundle (JSON)"),
    "ftm": ("dossier.export.ftm", "write_ftm", "FollowTheMoney entities (JSON Lines)"),
    "graphml": ("dossier.export.graphml", "write_graphml", "the actor graph (GraphML)"),
}


def writer(format: str) -> Callable[[Snapshot, Path], list[Path]]:
    module, function, _ = FORMATS[format]
    return getattr(import_module(module), function)  # type: ignore[no-any-return]


def export(store: Store, format: str, out: Path) -> list[Path]:
    """Write the whole store in `format` to `out`; the paths written."""
    return writer(format)(snapshot(store), out)
