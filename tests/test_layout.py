"""The shape of the package: arrows point forward, the lower stages load without spaCy, and no
module grows past what one reader can hold."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "dossier"
MAX_LINES = 400
# Stages that read records and must never reach back into extraction.
NO_EXTRACT = ("store", "resolve", "analyse", "render", "export", "vocab", "web")


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def test_no_module_is_over_the_line_limit() -> None:
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in _modules()
        if (n := len(p.read_text("utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines: {long}"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("stage", NO_EXTRACT)
def test_later_stages_never_import_extract(stage: str) -> None:
    folder = PACKAGE / stage
    if not folder.exists():
        pytest.skip(f"no {stage}/ yet")
    offenders = {
        str(p.relative_to(PACKAGE)): sorted(
            n for n in _imports(p) if n.startswith(("dossier.extract", "spacy"))
        )
        for p in folder.rglob("*.py")
    }
    offenders = {k: v for k, v in offenders.items() if v}
    assert not offenders, f"{stage}/ reaches back into extraction: {offenders}"


def test_store_analyse_and_export_load_without_spacy() -> None:
    """`import dossier.store` is what every read-only surface pays; spaCy and the components
    cost about a second and are not needed to read a store."""
    code = (
        "import sys, dossier.store, dossier.analyse.profile, dossier.analyse.danger, "
        "dossier.export, dossier.resolve.incidents, dossier.resolve.actors, "
        "dossier.render.text, dossier.vocab.registry; "
        "loaded = sorted(m for m in sys.modules if m == 'spacy' or m.startswith(('spacy.', "
        "'dossier.extract'))); print(','.join(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "", f"loaded: {result.stdout.strip()}"
