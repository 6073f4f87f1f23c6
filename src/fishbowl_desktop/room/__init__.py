"""The room: a local web server for phones and tablets (timer, audience and control links).

It reads the same model as the projector and turns what a phone sends into controller intents, exactly like a
key press; it keeps no state of its own beyond connections, tokens and the audience's open requests.
Nothing here imports aiohttp at import time: the server module is loaded only when the moderator switches
the room on, so start-up stays as fast as before.
"""
