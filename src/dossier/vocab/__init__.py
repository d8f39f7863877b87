"""vocab: the typed loading of dossier's data files (the group registry, lexicons, topics) and
the folding of text for matching names.

Nothing here imports spaCy, so the store, resolve, analyse and the surfaces can use the
registry and name keys without loading a language pipeline.
"""
