"""Every address of this laptop that a phone might reach, from the standard library alone.

Qt's network module is left out of the bundle (packaging/fishbowl_bundle.py), so the addresses come from the
kernel's own tables on Linux (`/proc/net/fib_trie`, `/proc/net/if_inet6`) and from the host name elsewhere
(which on Windows and macOS resolves to every interface's address). Nothing is sent anywhere.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from pathlib import Path


def _linux_ipv4(fib_trie: str) -> list[str]:
    """Addresses marked "/32 host LOCAL" in the kernel's routing trie are the machine's own."""
    found: list[str] = []
    last = ""
    for line in fib_trie.splitlines():
        text = line.strip()
        if text.startswith(("|--", "+--")):
            last = text[3:].strip().split()[0]
        elif text.startswith("/32 host LOCAL") and last and last not in found:
            found.append(last)
    return found


def _linux_ipv6(if_inet6: str) -> list[str]:
    """Global-scope addresses only: a link-local one needs a zone id no phone can type."""
    found: list[str] = []
    for line in if_inet6.splitlines():
        fields = line.split()
        if len(fields) < 4 or fields[3] != "00":
            continue
        text = str(ipaddress.IPv6Address(bytes.fromhex(fields[0])))
        if text not in found:
            found.append(text)
    return found


def _by_host_name() -> list[str]:
    found: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, proto=socket.IPPROTO_TCP)
    except OSError:
        infos = []
    for info in infos:
        text = str(info[4][0]).split("%", 1)[0]
        if text not in found:
            found.append(text)
    return found


def rank(text: str) -> tuple[int, int]:
    ip = ipaddress.ip_address(text)
    return (1 if ip.is_loopback else 0, ip.version)


def laptop_addresses(proc: Path = Path("/proc/net")) -> list[str]:
    """Reachable ones first (IPv4 before IPv6), loopback last; never empty."""
    found: list[str] = []
    try:
        found += _linux_ipv4((proc / "fib_trie").read_text())
    except OSError:
        found += _by_host_name()  # not Linux: the host name resolves to the interfaces' addresses
    with contextlib.suppress(OSError):
        found += _linux_ipv6((proc / "if_inet6").read_text())
    usable = []
    for text in found:
        try:
            ip = ipaddress.ip_address(text)
        except ValueError:
            continue
        if ip.is_link_local or ip.is_unspecified or ip.is_multicast:
            continue
        usable.append(text)
    if "127.0.0.1" not in usable:
        usable.append("127.0.0.1")
    return sorted(dict.fromkeys(usable), key=rank)
