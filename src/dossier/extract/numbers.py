"""Numbers and counts as news writes them: "13", "1,400", "eight", "more than 170", "at least five",
"between 10 and 12", "7-15", "dozens". A count keeps its uncertainty as a low and a high bound."""

from __future__ import annotations

import re

from dossier.model import Count

UNITS = {
    "zero": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "both": 2,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# Vague quantities: a lower bound only.
VAGUE = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "several": 3,
    "many": 2,
    "few": 2,
}

NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    r"|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|a hundred|both)"
    r"(?: (?:hundred|thousand|million))?)"
)
_MORE = r"more than|over|upwards of|in excess of|above"
_LEAST = r"at least|a minimum of|no fewer than|not less than|as many as|up to"
_ABOUT = r"about|around|nearly|almost|approximately|roughly|some|close to|an estimated"
# Not inside a word: "one" of "drone" or "someone" counts no one.
COUNT = re.compile(
    rf"(?<![\w])(?:(?P<between>between|from) (?P<low>{NUMBER}) (?:and|to) (?P<high>{NUMBER})"
    rf"|(?P<dash>(?:(?:{_LEAST}) )?(?P<dlow>\d{{1,4}}) ?[-\u2013] ?(?P<dhigh>\d{{1,4}}))(?![\d/-])"
    rf"|(?:(?P<mod>{_MORE}|{_LEAST}|{_ABOUT}) )?(?P<n>{NUMBER})"
    rf"|(?P<vague>dozens|scores|hundreds|thousands|several))\b",
    re.I,
)


def parse_number(text: str) -> int | None:
    text = text.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+\.\d+", text):
        return int(float(text))
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text):
        if word in SCALES and word != "hundred":
            total += max(current, 1) * SCALES[word]
            current = 0
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in UNITS:
            current += UNITS[word]
        else:
            return None
    return total + current


def count_from(match: re.Match[str]) -> Count | None:
    text = match.group().strip()
    if match["vague"]:
        return Count(VAGUE[match["vague"].lower()], None, text)
    if match["between"]:
        low, high = parse_number(match["low"]), parse_number(match["high"])
        return Count(low, high, text) if low is not None and high is not None else None
    if match["dash"]:  # "7-15 policemen"
        low, high = int(match["dlow"]), int(match["dhigh"])
        return Count(low, high, text) if low < high else None
    n = parse_number(match["n"])
    if n is None:
        return None
    mod = (match["mod"] or "").lower()
    if re.fullmatch(_MORE, mod):
        return Count(n + 1, None, text)
    if re.fullmatch(_LEAST, mod):
        return Count(n, None, text)
    return Count(n, n, text)


def parse_count(text: str) -> Count | None:
    match = COUNT.search(text)
    return count_from(match) if match else None
