"""The free-chair queue: its Qt model and the panel with quick entry, reordering, Next and the rule."""
