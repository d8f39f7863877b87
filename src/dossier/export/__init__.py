"""export: the records in the formats other tools read (the facts JSONL contract first)."""
