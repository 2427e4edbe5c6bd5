"""Annotation operations (add, update, remove, relate, review, re-anchor) over the store."""
