"""Fishbowl Desktop: an offline moderation console for fishbowl discussions."""

__version__ = "0.1.0"
