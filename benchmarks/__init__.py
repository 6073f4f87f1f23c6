"""Fishbowl Desktop's performance benchmarks: `python -m benchmarks.run` (see benchmarks/README.md)."""
