"""Learned coreference: mention-ranking resolver, its data readers, training and prediction."""
