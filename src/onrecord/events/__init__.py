"""PLOVER event records coded from statements and the outlet's own sentences."""
