"""Page furniture (data/boilerplate.txt): one regular expression per line, each matched against
a whole paragraph, case-free; the cleaner drops the paragraphs it matches and keeps them aside."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files


@cache
def boilerplate_patterns() -> re.Pattern[str]:
    text = files("dossier.data").joinpath("boilerplate.txt").read_text(encoding="utf-8")
    rules = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return re.compile("|".join(f"(?:{rule})" for rule in rules), re.IGNORECASE)
