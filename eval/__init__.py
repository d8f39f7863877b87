"""Extraction quality against the gold files in ../shared (see eval/README.md)."""
