"""Benchmarks behind `kehoach bench …`: extraction throughput, web latency under load.

Kept apart from the code they measure, so that no production package carries
load generators or synthetic data builders; only the CLI imports this package.
"""
