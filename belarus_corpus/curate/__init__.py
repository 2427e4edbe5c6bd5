"""Curation: merging independent annotators' spans into gold records that list their sources and strategy."""
