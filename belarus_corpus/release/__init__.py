"""Releasing the dataset: facts for the card and datasheet, versioning, diff, release, verify and publish."""
