"""Evaluation gate: PolNeAR span scores and the seed article's checklist."""
