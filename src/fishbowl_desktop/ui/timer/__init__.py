"""The speaker timer on the console and its optional chime."""
