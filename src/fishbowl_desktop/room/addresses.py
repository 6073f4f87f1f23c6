"""Every address of this laptop that a phone might reach, the Wi-Fi's first: the room's links and QR codes use them.

`ifaddr` asks the operating system for its interfaces the same way on Linux, Windows and macOS (getifaddrs,
GetAdaptersAddresses). The standard library alone could not: resolving the host name gave only 127.0.0.1 on
Windows and macOS machines, so the printed QR codes pointed phones at themselves. Nothing is sent anywhere.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from typing import Any

VIRTUAL_ADAPTERS = (
    "docker",
    "veth",
    "br-",
    "virbr",
    "vbox",
    "vmnet",
    "vethernet",
    "wsl",
    "hyper-v",
    "tun",
    "tap",
    "utun",
    "wg",
    "tailscale",
    "zt",
    "awdl",
    "llw",
)
"""Interfaces of containers, virtual machines and VPNs: a phone in the hall cannot reach them, so they come after
the laptop's own Wi-Fi or cable (they stay listed: the moderator may know better)."""


def _is_virtual(adapter_name: str) -> bool:
    name = adapter_name.lower()
    return any(name.startswith(prefix) or f"({prefix}" in name for prefix in VIRTUAL_ADAPTERS)


def _system_adapters() -> list[Any]:
    import ifaddr

    return list(ifaddr.get_adapters())


def rank(text: str, virtual: bool = False) -> tuple[int, int, int]:
    """Loopback last; a virtual adapter's after the real ones; IPv4 before IPv6 (easier to type, always routed)."""
    ip = ipaddress.ip_address(text)
    return (1 if ip.is_loopback else 0, 1 if virtual else 0, ip.version)


def _candidates(adapters: Iterable[Any]) -> list[tuple[str, bool]]:
    found: list[tuple[str, bool]] = []
    for adapter in adapters:
        virtual = _is_virtual(f"{adapter.name} {adapter.nice_name}")
        for entry in adapter.ips:
            # IPv4 comes as a string; IPv6 as (address, flow info, scope id)
            text = entry.ip if isinstance(entry.ip, str) else str(entry.ip[0])
            found.append((text.split("%", 1)[0], virtual))
    return found


def laptop_addresses(adapters: Callable[[], list[Any]] = _system_adapters) -> list[str]:
    """Reachable ones first (real interfaces before virtual ones, IPv4 before IPv6), loopback last; never empty.

    A link-local address (169.254.x.x, fe80::) needs a zone id no phone can type, so it is left out.
    """
    try:
        found = _candidates(adapters())
    except (OSError, ValueError, AttributeError):
        found = []  # an interface table the OS would not give: the laptop itself still works
    usable: dict[str, bool] = {}
    for text, virtual in found:
        try:
            ip = ipaddress.ip_address(text)
        except ValueError:
            continue
        if ip.is_link_local or ip.is_unspecified or ip.is_multicast:
            continue
        usable.setdefault(text, virtual)
    usable.setdefault("127.0.0.1", False)
    return sorted(usable, key=lambda text: rank(text, usable[text]))
