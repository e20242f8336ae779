"""Temporal expressions: where they are (grammar) and what they mean (anchor)."""
