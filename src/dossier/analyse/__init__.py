"""analyse: reads the store and answers questions about groups (profile, later danger index)."""
