"""Baselines trained from the built dataset (not part of the belarus_corpus package)."""
