"""Reading the proxy's access log (the grpc_auth format of nginx.conf.template): which calls carried the API key,
and which the proxy itself failed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

LINE = re.compile(r'port=(?P<port>\d+) status=(?P<status>\d+) uri=(?P<uri>\S*) authorization="(?P<auth>[^"]*)"'
                  r'.* seconds=(?P<seconds>[\d.]+)')


@dataclass(frozen=True)
class Request:
    port: int
    status: int
    uri: str
    authorization: str
    seconds: float


def read(path: Path) -> list[Request]:
    if not path.exists():
        return []
    requests = []
    for line in path.read_text(errors="replace").splitlines():
        match = LINE.search(line)
        if match:
            requests.append(Request(int(match["port"]), int(match["status"]), match["uri"], match["auth"],
                                    float(match["seconds"])))
    return requests


def summary(requests: list[Request], port: int, api_key: str) -> dict:
    """Figures of one port: requests, how many carried "Bearer <key>", and the statuses the proxy answered."""
    on_port = [r for r in requests if r.port == port]
    statuses: dict[str, int] = {}
    for r in on_port:
        statuses[str(r.status)] = statuses.get(str(r.status), 0) + 1
    return {
        "requests": len(on_port),
        "with_api_key": sum(1 for r in on_port if r.authorization == f"Bearer {api_key}"),
        "statuses": statuses,
        # 5xx: the proxy itself failed a call (504: it gave up on a long poll, the timeouts are too short)
        "proxy_errors": sum(1 for r in on_port if r.status >= 500),
        # The longest call the proxy held (an idle worker's long poll: about 60 s, until the server answers)
        "longest_call_s": max((r.seconds for r in on_port), default=0.0),
    }
