"""render: the records analyse and the store return, turned into what a surface shows."""
