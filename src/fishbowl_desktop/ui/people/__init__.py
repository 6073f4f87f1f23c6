"""The people: the participant list and its dialogs, the CSV import, the statistics, how views hand a
person to each other."""
