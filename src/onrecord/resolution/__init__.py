"""Resolution stage: mentions -> canonical entities; speakers -> entities."""

from onrecord.resolution.entities import EntityDraft, EntityIndex
from onrecord.resolution.speakers import speaker_entity

__all__ = ["EntityDraft", "EntityIndex", "speaker_entity"]
