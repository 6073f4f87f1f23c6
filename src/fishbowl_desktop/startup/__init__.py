"""What `app.run_app` does before the console's first frame, one job per module: which session opens (and
what the moderator is told about it: a crash, a running turn, a full disk, another window that has the
file), and where the console window goes. Qt is fine here (this is the start-up layer, above ui/)."""
