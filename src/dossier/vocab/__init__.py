"""vocab: the typed loading of dossier's data files (the group registry, the lexicons of each
extract stage, the gazetteer, topics) and the folding of text for matching names.

Each loader reads its file under data/ once (`functools.cache`) into a frozen record. Nothing
here imports spaCy, so the store, resolve, analyse and the surfaces can use the registry, the
lexicons and name keys without loading a language pipeline; what needs a parse (a Matcher, a
Doc) stays in extract, which imports its words from here.
"""
