"""The desk API's OpenAPI description, made from the command table, so the document cannot drift from what the
server accepts. Served at /api/openapi.json and kept in docs/api/openapi.json (a test compares the two)."""

from __future__ import annotations

from typing import Any

from fishbowl_desktop import __version__
from fishbowl_desktop.commands import api_commands

_ERROR = {
    "type": "object",
    "properties": {"error": {"type": "string"}, "detail": {"type": "string"}},
    "required": ["error"],
}


def _errors(*codes: int) -> dict[str, Any]:
    words = {
        400: "A value was refused (bad JSON, a message too long)",
        401: "No or wrong bearer token",
        404: "No such command for the desk",
        409: "The session refused the command (for example: nobody has the floor)",
        429: "More than 20 commands a second",
        503: "The console did not answer within 2 seconds",
    }
    return {
        str(code): {"description": words[code], "content": {"application/json": {"schema": _ERROR}}} for code in codes
    }


def openapi() -> dict[str, Any]:
    paths: dict[str, Any] = {
        "/api/state": {
            "get": {
                "summary": "What the projector shows, as the phones get it",
                "description": "Time, phase, speaker, who is next, message, blank, queue length. People who did "
                "not agree to be named appear as the projector shows them (Gast/Guest).",
                "responses": {"200": {"description": "The state", "content": {"application/json": {}}}, **_errors(401)},
            }
        }
    }
    for command in api_commands():
        properties = {p.name: {"type": "string"} for p in command.parameters}
        operation: dict[str, Any] = {
            "summary": command.description,
            "operationId": command.name,
            "responses": {
                "200": {"description": "Done, as the key does it; the new state is in the answer"},
                **_errors(400, 401, 404, 409, 429, 503),
            },
        }
        if properties:
            operation["requestBody"] = {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"type": "object", "properties": properties, "required": list(properties)}
                    }
                },
            }
        paths[f"/api/commands/{command.name}"] = {"post": operation}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Fishbowl Desktop — the AV desk's API",
            "version": __version__,
            "description": "On the room's server (Room → On), on the laptop's local network only. Every request "
            "needs the bearer token the room window shows.",
        },
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "security": [{"bearer": []}],
        "paths": paths,
    }
