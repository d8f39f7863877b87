"""Closed vocabularies, defined once: every stage, the store and every surface use these names."""

from __future__ import annotations

# Actor kinds. Armed groups are what dossier profiles; the others appear as sources or parties.
ARMED_GROUP = "armed_group"
ORGANIZATION = "organization"
SECURITY_FORCE = "security_force"
PERSON = "person"
STATE = "state"

# Closed vocabularies, defined once: every stage, the store and every surface use these names.
# Event types, most specific first (the order data/events.yaml lists their cues in).
EVENT_TYPES = (
    "surrender",
    "kidnapping",
    "assassination",
    "drone_strike",
    "airstrike",
    "missile_strike",
    "shelling",
    "bombing",
    "ambush",
    "armed_assault",
    "clash",
    "attack",
)
# Who says a group did it: its own claim, an accusation, a suspicion, the text's own statement.
STANCES = ("claimed", "accused", "suspected", "confirmed", "unknown")
ATTRIBUTIONS = STANCES
# What a figure counts; "count" is people of a non-attack event (fighters who surrendered),
# "casualties" the killed and wounded lumped together, "attackers_killed" the attackers' own dead
# (told apart from the victims' toll; the event's `killed` adds them, as GTD and ACLED count).
FIGURE_KINDS = ("killed", "wounded", "abducted", "casualties", "count", "attackers_killed")
RELATION_TYPES = (
    "branch_of",
    "founded_from",
    "split_from",
    "rival_of",
    "allied_with",
    "linked_to",
    "recruits_from",
    "affiliated_with",
    # A state or group arming, funding or sponsoring a group ("Iran-backed Hezbollah").
    "backed_by",
)
PLACE_KINDS = ("country", "region", "city", "unknown")
DATE_PRECISIONS = ("day", "month", "year", "range", "open_range")
# What a group's profile states of it beyond its attacks (model.Attribute): when, where, by whom
# and out of which group it was founded, its names, leaders, strength, where it operates, and
# who assesses it.
ATTRIBUTE_KINDS = (
    "founded",
    "founding_place",
    "founder",
    "origin",
    "name",
    "leader",
    "strength",
    "area",
    "source",
)
