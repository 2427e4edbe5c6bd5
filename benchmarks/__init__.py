"""Benchmarks at corpus scale: a seeded synthetic corpus generator and a runner (``python -m benchmarks``)."""
