"""Loopback servers that answer as Aliyun's and Tencent Cloud's SMS APIs do, and check the signature
of every request the official SDKs send them (each vendor's published signing algorithm, written out
here independently of the SDKs)."""

import hashlib
import hmac
import json
import threading
import time
import urllib.parse
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ALIYUN_KEY_ID, ALIYUN_SECRET = "LTAI5tTestKeyId", "aliyun-test-secret"
TENCENT_ID, TENCENT_KEY = "AKIDtestsecretid", "tencent-test-secret-key"


def _percent(value):
    return urllib.parse.quote(str(value), safe="-_.~")


def aliyun_signature_ok(method, path, query, headers, body):
    """ACS3-HMAC-SHA256 (Alibaba Cloud API signature V3)."""
    auth = headers.get("Authorization", "")
    algorithm, _, rest = auth.partition(" ")
    fields = dict(part.split("=", 1) for part in rest.split(","))
    if algorithm != "ACS3-HMAC-SHA256" or fields.get("Credential") != ALIYUN_KEY_ID:
        return False
    if headers.get("x-acs-content-sha256") != hashlib.sha256(body).hexdigest():
        return False
    signed = fields["SignedHeaders"].split(";")
    lower = {k.lower(): v for k, v in headers.items()}
    canonical_query = "&".join(
        f"{_percent(k)}={_percent(v)}" for k, v in sorted(urllib.parse.parse_qsl(query, keep_blank_values=True))
    )
    canonical_headers = "".join(f"{name}:{lower[name].strip()}\n" for name in signed)
    canonical = "\n".join(
        [method, path, canonical_query, canonical_headers, ";".join(signed), lower["x-acs-content-sha256"]]
    )
    to_sign = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical.encode()).hexdigest()
    expected = hmac.new(ALIYUN_SECRET.encode(), to_sign.encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields.get("Signature", ""))


def tencent_signature_ok(method, path, query, headers, body):
    """TC3-HMAC-SHA256 (Tencent Cloud API 3.0 signature v3)."""
    auth = headers.get("Authorization", "")
    algorithm, _, rest = auth.partition(" ")
    fields = dict(part.strip().split("=", 1) for part in rest.split(","))
    key_id, date, service, terminator = fields["Credential"].split("/")
    if algorithm != "TC3-HMAC-SHA256" or key_id != TENCENT_ID or terminator != "tc3_request":
        return False
    timestamp = headers["X-TC-Timestamp"]
    if datetime.fromtimestamp(int(timestamp), UTC).strftime("%Y-%m-%d") != date:
        return False
    lower = {k.lower(): v for k, v in headers.items()}
    signed = fields["SignedHeaders"].split(";")
    canonical_headers = "".join(f"{name}:{lower[name].strip()}\n" for name in signed)
    canonical = "\n".join([method, path, query, canonical_headers, ";".join(signed), hashlib.sha256(body).hexdigest()])
    scope = f"{date}/{service}/tc3_request"
    to_sign = f"TC3-HMAC-SHA256\n{timestamp}\n{scope}\n{hashlib.sha256(canonical.encode()).hexdigest()}"

    def _hmac(key, msg):
        return hmac.new(key, msg.encode(), hashlib.sha256).digest()

    key = _hmac(_hmac(_hmac(("TC3" + TENCENT_KEY).encode(), date), service), "tc3_request")
    expected = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, fields.get("Signature", ""))


class VendorServer:
    """Answers like the vendor: `answer(request) -> (status, json)`; `delay` seconds before answering;
    `hold` (an Event) keeps a request waiting until set. Records every request with its signature check."""

    def __init__(self, vendor):
        self.vendor = vendor
        self.requests = []
        self.delay = 0
        self.hold = None
        self.hold_after = None  # with `hold`: only requests after this many wait
        self.answer = self.ok
        self.arrived = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):  # noqa: N802 - http.server API
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                path, _, query = self.path.partition("?")
                headers = dict(self.headers.items())
                check = aliyun_signature_ok if server.vendor == "aliyun" else tencent_signature_ok
                request = {
                    "path": path,
                    "query": dict(urllib.parse.parse_qsl(query)),
                    "headers": headers,
                    "body": body,
                    "json": json.loads(body) if body.startswith(b"{") else None,
                    "signed": check("POST", path, query, headers, body),
                }
                server.requests.append(request)
                server.arrived.set()
                if server.hold is not None and (server.hold_after is None or len(server.requests) > server.hold_after):
                    server.hold.wait(60)
                time.sleep(server.delay)
                status, payload = server.answer(request)
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    # As each vendor labels its answers (Tencent's SDK reads errors only from "application/json").
                    kind = "application/json;charset=utf-8" if server.vendor == "aliyun" else "application/json"
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the client gave up (timeout) or was killed

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.endpoint = f"127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def ok(self, request):
        if self.vendor == "aliyun":
            return 200, {"Code": "OK", "Message": "OK", "BizId": "900619746936498440^0", "RequestId": "R1"}
        phone = request["json"]["PhoneNumberSet"][0]
        return 200, {
            "Response": {
                "SendStatusSet": [
                    {
                        "SerialNo": "5000:1045710669157053657849499619",
                        "PhoneNumber": phone,
                        "Fee": 1,
                        "SessionContext": request["json"].get("SessionContext", ""),
                        "Code": "Ok",
                        "Message": "send success",
                        "IsoCode": "CN",
                    }
                ],
                "RequestId": "a0aabda6-cf91-4f3e-a81f-9198114a2279",
            }
        }

    def refuse(self, code, message="refused", status=200):
        def answer(request):
            if self.vendor == "aliyun":
                return status, {"Code": code, "Message": message, "RequestId": "R2"}
            if code.startswith(("LimitExceeded.Phone", "FailedOperation.Phone")):
                ok = self.ok(request)[1]
                ok["Response"]["SendStatusSet"][0].update(Code=code, Message=message)
                return 200, ok
            return 200, {"Response": {"Error": {"Code": code, "Message": message}, "RequestId": "R3"}}

        self.answer = answer

    def close(self):
        if self.hold is not None:
            self.hold.set()
        self.server.shutdown()
        self.server.server_close()
