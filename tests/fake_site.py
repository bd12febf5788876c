"""A small web site on 127.0.0.1 for the fetch tests: routes to fixed or computed responses, and
a log of every request it got. Served by http.server in a thread; nothing leaves the loopback."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds before answering
    chunked: bool = False  # no Content-Length: the body comes in chunks


@dataclass(frozen=True)
class Request:
    path: str
    host: str
    headers: dict[str, str]
    at: float


class FakeSite:
    """`site.routes[path] = Reply(...)` or a function of the Request giving a Reply."""

    def __init__(self):
        self.routes: dict[str, Reply | Callable[[Request], Reply]] = {}
        self.requests: list[Request] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802  (http.server's name)
                request = Request(self.path, self.headers.get("Host", ""),
                                  {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
                site.requests.append(request)
                route = site.routes.get(self.path.split("?")[0])
                reply = (route(request) if callable(route) else route) or Reply(b"not found", 404)
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if reply.chunked:
                        self.send_header("Transfer-Encoding", "chunked")
                        self.end_headers()
                        for start in range(0, len(reply.body), 4096):
                            chunk = reply.body[start:start + 4096]
                            self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                        self.wfile.write(b"0\r\n\r\n")
                    else:
                        self.send_header("Content-Length", str(len(reply.body)))
                        self.end_headers()
                        self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout or a size limit): what the test wants

            def log_message(self, *_):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeSite:
        self.thread.start()
        return self

    def __exit__(self, *_) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)

    def asked(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path.split("?")[0] == path]
