"""The window shell: the console window, its menus, message bar and save status, the first-run welcome,
the keyboard (the shortcut table and the key guard), Help, Preferences and the file questions."""
