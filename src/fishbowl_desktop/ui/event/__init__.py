"""The event and fishbowl settings dialog (what is printed, the circle, the turn times)."""
