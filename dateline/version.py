"""Dateline's version. Raise it with every change that alters what a record holds: a store
re-extracts (`dateline reextract`) the records a different version made."""
__version__ = "0.2.0"
