"""Benchmarks: scripts that print figures and ratios (`make bench`), never timed assertions."""
