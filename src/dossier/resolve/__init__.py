"""resolve: across documents, one canonical actor per group."""
