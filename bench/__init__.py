"""Speed and memory of extract, as a ratio against stock spaCy on the same texts."""
