"""analyse: reads the store and answers questions about groups as records (`model.py`):
incidents, the danger index and its ranking, the cited profile."""
