"""The room on the console: the Room menu, its window with links, QR codes and requests, the QR card on the
projector. The server itself is `fishbowl_desktop.room`."""
