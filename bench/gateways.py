"""A fake SMS gateway for the fault suite, and the HTTP SMS backend that talks to it.

`HttpSmsBackend` is what a real gateway client looks like (one HTTP POST with a timeout); the
fault suite points it at `FakeGateway`, which can answer, refuse connections or hang.
"""

import json
import os
import socket
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class HttpSmsBackend:
    """An SMS backend (portal.notifications.sms interface: `send(message)`, raise on failure)."""

    def send(self, message):
        phone, text = message.phone, message.text
        url = os.environ.get("SMS_GATEWAY_URL", "http://127.0.0.1:58025/send")
        timeout = float(os.environ.get("SMS_GATEWAY_TIMEOUT", "2"))
        body = json.dumps({"phone": phone, "text": text}).encode()
        headers = {"Content-Type": "application/json"}
        request = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310 - configured gateway
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - configured gateway
            if response.status != 200:
                raise RuntimeError(f"gateway answered {response.status}")


class FakeGateway:
    """mode: "ok" answers 200, "hang" accepts and never answers, "refuse" closes the port."""

    def __init__(self, port=58025):
        self.port = port
        self.mode = "ok"
        self.received = 0
        self.server = None
        self._hang = threading.Event()

    def start(self):
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server API
                length = int(self.headers.get("Content-Length", 0))
                self.rfile.read(length)
                if gateway.mode == "hang":
                    gateway._hang.wait(120)
                    return
                gateway.received += 1
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def set_mode(self, mode):
        if mode == "refuse":
            self.stop()
        elif self.server is None:
            self.start()
        if mode != "hang":
            self._hang.set()
            self._hang = threading.Event()
        self.mode = mode

    def stop(self):
        if self.server is not None:
            self._hang.set()
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def refuses(self):
        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", self.port)) != 0
