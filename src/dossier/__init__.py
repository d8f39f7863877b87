"""dossier: cited profiles of armed groups, built from the news they appear in."""

__version__ = "0.1.0"
