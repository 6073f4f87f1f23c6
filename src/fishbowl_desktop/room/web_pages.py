"""The phones' page and its two assets, served from the package, with the strict headers every answer carries.

Kept apart from the server's life cycle: what a browser receives (the page for a link's kind, a script, a style
sheet, the bare 403 for everything else) is one job; when and on which thread it is served is another.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib.resources import files

from aiohttp import web

from fishbowl_desktop.room.page_language import fill_page, texts_script

CONTENT_TYPES = {
    "texts.js": "application/javascript",
    "room.js": "application/javascript",
    "room.css": "text/css",
    "lower.js": "application/javascript",
    "lower.css": "text/css",
}
PHONE_ASSETS = ("texts.js", "room.js", "room.css")
LOWER_ASSETS = ("lower.js", "lower.css")
"""The lower third's page (a vision mixer's browser source) has its own script and style sheet."""
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}


def web_file(name: str) -> bytes:
    """The phones' page ships inside the package, beside the fonts and icons (assets/room/)."""
    return (files("fishbowl_desktop") / "assets" / "room" / name).read_bytes()


def load_pages() -> dict[str, bytes]:
    pages = {name: web_file(name) for name in ("room.html", "lower.html", "room.js", "room.css", *LOWER_ASSETS)}
    pages["texts.js"] = texts_script()  # the hall's words, from assets/room/i18n/ (room/page_language.py)
    return pages


def forbidden() -> web.Response:
    """The one answer a stranger gets, whatever was wrong."""
    return web.Response(status=403, text="Forbidden")


def page(pages: dict[str, bytes], kind: str, token: str, accept_language: str = "") -> web.Response:
    """The page for a link's kind, in the language the browser asks for (room/page_language.py); `token` is one
    of ours (URL-safe base64), never what a stranger typed."""
    html = fill_page(pages["room.html"], kind, f"/{token}", accept_language)
    return web.Response(body=html, content_type="text/html", charset="utf-8")


def lower_page(pages: dict[str, bytes], base: str) -> web.Response:
    """The lower third; `base` is /lower/<one of our tokens>."""
    html = pages["lower.html"].replace(b"{{base}}", base.encode())
    return web.Response(body=html, content_type="text/html", charset="utf-8")


def asset(pages: dict[str, bytes], name: str, allowed: tuple[str, ...] = PHONE_ASSETS) -> web.Response:
    if name not in allowed:
        return forbidden()
    return web.Response(body=pages[name], content_type=CONTENT_TYPES[name], charset="utf-8")


@web.middleware
async def security_headers(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Every answer carries the strict headers; an aiohttp error (404, 405…) becomes the bare 403."""
    try:
        response = await handler(request)
    except web.HTTPException:
        response = forbidden()
    if not getattr(response, "prepared", False):
        response.headers.update(SECURITY_HEADERS)
    return response
