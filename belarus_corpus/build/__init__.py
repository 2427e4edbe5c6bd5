"""Build: Parquet configs in a Hugging Face dataset folder, with card, Croissant and checksums."""
