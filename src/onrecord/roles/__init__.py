"""Learned event roles: which noun phrase of a sentence is an event's actor, which its recipient.

A gradient-boosted ranker over parse candidates (``candidates``, ``features``), trained on PLV
train (``train``), shipped as plain JSON trees and scored with numpy (``predict``).
"""
