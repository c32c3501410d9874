# ruff: noqa: S310, S608 - fault-suite code: fixed local URLs, SQL built from values this script generated
"""`make faults`: break things under load and count what residents lost.

Runs against the benchmark's own PostgreSQL, Redis and gunicorn on 127.0.0.1 (bench/infra.py),
never the machine's. Simulated residents submit requests through the API and retry with the same
`Idempotency-Key` until they get a receipt, as the app does; readers fetch pages. After each
scenario the acknowledged receipts are checked against the rows in the database:
0 lost, 0 duplicated, and no response may be a 500.

Scenarios: PostgreSQL restarted mid-load; PostgreSQL down (FAULT_PG_DOWN_SECONDS, default 60);
Redis down (FAULT_REDIS_DOWN_SECONDS, default 120); media disk full (a 4 MB tmpfs as MEDIA_ROOT);
a gunicorn worker killed; the SMS gateway refusing, then hanging.
"""

import http.client
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from collections import Counter
from http.cookiejar import CookieJar

from . import infra
from .gateways import FakeGateway
from .infra import HTTP_PORT, WORK, log

PG_DOWN = int(os.environ.get("FAULT_PG_DOWN_SECONDS", 60))
REDIS_DOWN = int(os.environ.get("FAULT_REDIS_DOWN_SECONDS", 120))
SUBMITTERS = int(os.environ.get("FAULT_SUBMITTERS", 6))
MEDIA = WORK / "media-small"


def call(method, path, body=None, headers=None, timeout=15):
    conn = http.client.HTTPConnection("127.0.0.1", HTTP_PORT, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


def tiny_jpeg():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 30, 30)).save(out, "JPEG")
    return out.getvalue()


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content) in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: image/jpeg\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Load:
    """Residents submitting (retrying until acknowledged) and visitors reading pages."""

    def __init__(self, tag, submitters=SUBMITTERS, photos=False):
        self.tag = tag
        self.submitters = submitters
        self.photos = photos
        self.stop = threading.Event()
        self.acked = {}
        self.statuses = Counter()
        self.read_statuses = Counter()
        self.photo_outcomes = Counter()
        self.unacknowledged = 0
        self.lock = threading.Lock()
        self.threads = []
        self.jpeg = tiny_jpeg()

    def _submit_once(self, key, n, with_photo):
        fields = {
            "category": "water-leak",
            "name": "李奶奶",
            "phone": f"137{(hash(key) % 100_000_000):08d}",
            "description": "厨房水管漏水，请尽快处理",
            "consent": "true",
            "room": "301",
        }
        headers = {"Idempotency-Key": key}
        if with_photo:
            body, ctype = multipart(fields, [("photos", ("leak.jpg", self.jpeg))])
        else:
            body, ctype = urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded"
        headers["Content-Type"] = ctype
        return call("POST", "/api/portal/workorders/requests", body, headers, timeout=15)

    def _submitter(self, index):
        n = 0
        while not self.stop.is_set():
            n += 1
            key = f"{self.tag}-{index}-{n}"
            with_photo = self.photos and n % 3 == 0
            deadline = None
            while True:
                try:
                    status, _headers, body = self._submit_once(key, n, with_photo)
                except (OSError, http.client.HTTPException):
                    status, body = "conn", b""
                with self.lock:
                    self.statuses[status] += 1
                if status in (200, 201):
                    with self.lock:
                        self.acked[key] = json.loads(body)["number"]
                        if with_photo:
                            self.photo_outcomes["stored"] += 1
                    break
                if with_photo and status == 503 and b"storage_unavailable" in body:
                    # The app tells the resident the photo could not be kept; they send text only.
                    with self.lock:
                        self.photo_outcomes["refused (disk full)"] += 1
                    with_photo = False
                    continue
                if status in (400, 404):
                    break  # a client error is not retried (and is reported in the counts)
                if self.stop.is_set():
                    deadline = deadline or time.time() + 90
                    if time.time() > deadline:
                        with self.lock:
                            self.unacknowledged += 1
                        break
                time.sleep(0.5)
            time.sleep(0.05)

    def _reader(self, index):
        paths = ["/", "/news/", "/services/", "/events/", f"/news/?r={index}"]
        i = 0
        while not self.stop.is_set():
            path = paths[i % len(paths)]
            if path.endswith("?r=0") or path.endswith("?r=1"):
                path += f"-{i}"  # never cached: exercises the database
            i += 1
            try:
                status, _h, _b = call("GET", path, timeout=15)
            except (OSError, http.client.HTTPException):
                status = "conn"
            with self.lock:
                self.read_statuses[status] += 1
            time.sleep(0.1)

    def start(self):
        for i in range(self.submitters):
            self.threads.append(threading.Thread(target=self._submitter, args=(i,), daemon=True))
        for i in range(2):
            self.threads.append(threading.Thread(target=self._reader, args=(i,), daemon=True))
        for thread in self.threads:
            thread.start()
        return self

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(120)


def unsent_receipts(pg, tag, wait=15):
    """(receipts, unsent) of this load's requests, once the sender has emptied the outbox or after `wait` s."""
    sql = (
        "SELECT count(*), count(*) FILTER (WHERE n.status <> 'sent') FROM workorders_notification n"
        f" JOIN workorders_workorder w ON w.id = n.work_order_id WHERE w.idempotency_key LIKE '{tag}-%'"
    )
    deadline = time.time() + wait
    while True:
        total, unsent = (int(x) for x in pg.psql(sql).split("|"))
        if not unsent or time.time() >= deadline:
            return total, unsent
        time.sleep(1)


def verify(pg, load):
    keys = {}
    out = pg.psql(f"SELECT idempotency_key, number FROM workorders_workorder WHERE idempotency_key LIKE '{load.tag}-%'")
    for line in out.splitlines():
        key, number = line.split("|")
        keys.setdefault(key, []).append(number)
    lost = [k for k, number in load.acked.items() if number not in keys.get(k, [])]
    duplicated = sum(len(v) - 1 for v in keys.values())
    return {
        "acked": len(load.acked),
        "rows": sum(len(v) for v in keys.values()),
        "lost": len(lost),
        "duplicated": duplicated,
        "500s": load.statuses.get(500, 0) + load.read_statuses.get(500, 0),
        "submit statuses": dict(load.statuses),
        "read statuses": dict(load.read_statuses),
        "unacknowledged at stop": load.unacknowledged,
    }


def healthz():
    try:
        status, _h, body = call("GET", "/healthz", timeout=10)
        return status, json.loads(body).get("status")
    except (OSError, ValueError, http.client.HTTPException) as exc:
        return "conn", type(exc).__name__


def scenario_pg_restart(ctx):
    load = Load(ctx["tag"]("pgrestart")).start()
    time.sleep(8)
    log("restarting PostgreSQL mid-load")
    started = time.time()
    ctx["pg"].restart()
    log(f"PostgreSQL back after {time.time() - started:.1f}s")
    time.sleep(12)
    load.finish()
    return load, {"note": f"restart took {time.time() - started - 12:.1f}s"}


def scenario_pg_down(ctx):
    load = Load(ctx["tag"]("pgdown")).start()
    time.sleep(5)
    master = ctx["server"].proc.pid
    log(f"stopping PostgreSQL for {PG_DOWN}s")
    ctx["pg"].stop()
    time.sleep(3)
    health = healthz()
    page_status, page_headers, page_body = call("GET", f"/news/?down={uuid.uuid4().hex}")
    static_page = page_status == 503 and b"<html" in page_body.lower()
    time.sleep(max(0, PG_DOWN - 3))
    log("starting PostgreSQL again")
    ctx["pg"].start()
    started = time.time()
    recovered = None
    while time.time() - started < 60:
        if healthz()[0] == 200:
            recovered = time.time() - started
            break
        time.sleep(0.5)
    time.sleep(8)
    load.finish()
    same_master = ctx["server"].proc.pid == master and ctx["server"].proc.poll() is None
    return load, {
        "healthz while down": f"{health[0]} {health[1]}",
        "uncached page while down": f"{page_status} {'static 503 page' if static_page else 'NOT a static 503'}"
        f" Retry-After={page_headers.get('Retry-After')}",
        "recovered after start": f"{recovered:.1f}s" if recovered is not None else "NOT within 60s",
        "gunicorn restarted": "no" if same_master else "YES",
    }


def login(username, password):
    jar = CookieJar()
    opener = __import__("urllib.request").request.build_opener(
        __import__("urllib.request").request.HTTPCookieProcessor(jar)
    )
    base = f"http://127.0.0.1:{HTTP_PORT}"
    page = opener.open(base + "/admin/login/", timeout=15).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username, "password": password}).encode()
    request = __import__("urllib.request").request.Request(
        base + "/admin/login/", data=data, headers={"Referer": base + "/admin/login/"}
    )
    opener.open(request, timeout=15).read()
    return opener


def still_logged_in(opener):
    try:
        response = opener.open(f"http://127.0.0.1:{HTTP_PORT}/admin/", timeout=15)
        return response.status == 200 and "/admin/login" not in response.geturl()
    except OSError:
        return False


def scenario_redis_down(ctx):
    opener = login("fault-staff", ctx["password"])
    before = still_logged_in(opener)
    load = Load(ctx["tag"]("redis")).start()
    time.sleep(5)
    log(f"stopping Redis for {REDIS_DOWN}s")
    ctx["redis"].stop()
    time.sleep(5)
    health = healthz()
    during = still_logged_in(opener)
    page = call("GET", "/news/")[0]
    time.sleep(max(0, REDIS_DOWN - 10))
    ctx["redis"].start()
    log("Redis started again")
    time.sleep(8)
    load.finish()
    after = still_logged_in(opener)
    return load, {
        "healthz while down": f"{health[0]} {health[1]}",
        "page while down": page,
        "staff session before/during/after": f"{before}/{during}/{after}",
        "rate limits": "fail open while Redis is down (documented)",
    }


def scenario_disk_full(ctx):
    if not ctx["tmpfs"]:
        return None, {"skipped": "could not mount a small tmpfs for MEDIA_ROOT (needs root/CAP_SYS_ADMIN)"}
    load = Load(ctx["tag"]("disk"), photos=True).start()
    time.sleep(5)
    filler = MEDIA / "filler.bin"
    log("filling the media disk")
    subprocess.run(["dd", "if=/dev/zero", f"of={filler}", "bs=64k"], capture_output=True)
    time.sleep(15)
    filler.unlink()
    log("media disk has room again")
    time.sleep(6)
    load.finish()
    photo_rows = ctx["pg"].psql(
        "SELECT p.image, p.thumbnail FROM workorders_workorderphoto p JOIN workorders_workorder w"
        f" ON w.id = p.work_order_id WHERE w.idempotency_key LIKE '{load.tag}-%'"
    )
    referenced = set()
    missing = 0
    for line in photo_rows.splitlines():
        for name in line.split("|"):
            referenced.add(name)
            if not (MEDIA / name).exists():
                missing += 1
    on_disk = {str(p.relative_to(MEDIA)) for p in MEDIA.rglob("*") if p.is_file()}
    orphans = len(on_disk - referenced - {"filler.bin"})
    return load, {
        "photo submissions": dict(load.photo_outcomes),
        "rows pointing at missing files": missing,
        "files without a row (partial/orphan)": orphans,
    }


def scenario_worker_killed(ctx):
    load = Load(ctx["tag"]("kill")).start()
    time.sleep(6)
    killed = []
    for _ in range(2):
        pids = ctx["server"].worker_pids()
        if pids:
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])
        time.sleep(5)
    time.sleep(6)
    load.finish()
    return load, {"workers killed": len(killed), "workers now": len(ctx["server"].worker_pids())}


def scenario_gateway(ctx):
    gateway = ctx["gateway"]
    load = Load(ctx["tag"]("gateway")).start()
    unsent_sql = (
        "SELECT count(*) FROM workorders_notification n JOIN workorders_workorder w ON w.id = n.work_order_id"
        f" WHERE w.idempotency_key LIKE '{load.tag}-%' AND n.status <> 'sent'"
    )
    time.sleep(4)
    log("SMS gateway refusing connections")
    gateway.set_mode("refuse")
    time.sleep(10)
    log("SMS gateway hanging")
    gateway.set_mode("hang")
    time.sleep(10)
    log("SMS gateway answering again")
    gateway.set_mode("ok")
    time.sleep(4)
    load.finish()
    unsent = int(ctx["pg"].psql(unsent_sql))
    log("waiting 65 s for the outbox's first retry to fall due")
    time.sleep(65)
    retry = subprocess.run(
        [sys.executable, "manage.py", "send_notifications"],
        cwd=infra.ROOT,
        env=ctx["env"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    after = int(ctx["pg"].psql(unsent_sql))
    return load, {
        "this run's notifications unsent after the outage": unsent,
        "unsent once the first retry fell due (sender + send_notifications)": f"{after} (exit {retry.returncode})",
    }


SCENARIOS = [
    ("PostgreSQL restarted mid-load", scenario_pg_restart),
    (f"PostgreSQL down {PG_DOWN}s", scenario_pg_down),
    (f"Redis down {REDIS_DOWN}s", scenario_redis_down),
    ("media disk full", scenario_disk_full),
    ("gunicorn worker killed (x2)", scenario_worker_killed),
    ("SMS gateway refusing, then hanging", scenario_gateway),
]


def mount_tmpfs():
    MEDIA.mkdir(parents=True, exist_ok=True)
    if os.path.ismount(MEDIA):
        return True
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(MEDIA)], capture_output=True)
    return result.returncode == 0


def main():
    from .run import ensure_wrk, prepare

    ensure_wrk()
    only = set(filter(None, os.environ.get("FAULTS_ONLY", "").split(",")))
    pg, redis = infra.Postgres(), infra.Redis()
    env, _token = prepare(pg, redis)
    password = uuid.uuid4().hex
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, django; django.setup(); from django.contrib.auth import get_user_model;"
            "u, _ = get_user_model().objects.get_or_create(username='fault-staff');"
            "u.is_staff = u.is_superuser = True; u.set_password(sys.argv[1]); u.save()",
            password,
        ],
        cwd=infra.ROOT,
        env=env,
        check=True,
    )
    tmpfs = mount_tmpfs()
    gateway = FakeGateway()
    gateway.start()
    env = {
        **env,
        "MEDIA_ROOT": str(MEDIA) if tmpfs else env["MEDIA_ROOT"],
        "BENCH_SMS_BACKEND": "bench.gateways.HttpSmsBackend",
        "SMS_GATEWAY_URL": f"http://127.0.0.1:{gateway.port}/send",
        "SMS_GATEWAY_TIMEOUT": "2",
    }
    server = infra.Gunicorn(env)
    server.start()
    run = uuid.uuid4().hex[:8]
    ctx = {
        "pg": pg,
        "redis": redis,
        "server": server,
        "env": env,
        "gateway": gateway,
        "tmpfs": tmpfs,
        "password": password,
        "tag": lambda name: f"fault-{run}-{name}",
    }
    results = []
    try:
        for name, scenario in SCENARIOS:
            if only and not any(o in scenario.__name__ for o in only):
                continue
            log(f"=== {name}")
            load, notes = scenario(ctx)
            figures = verify(pg, load) if load else {}
            if load and scenario is not scenario_gateway:  # that one reports its own outbox figures
                receipts, unsent = unsent_receipts(pg, load.tag)
                notes["SMS receipts (outbox sender)"] = f"{receipts}, unsent (waited up to 15 s): {unsent}"
                if server.sender is not None:
                    notes["SMS receipts (outbox sender)"] += ", sender " + (
                        "running" if server.sender.poll() is None else "DEAD"
                    )
            results.append((name, figures, notes))
            log(f"{name}: {figures} {notes}")
    finally:
        server.stop()
        gateway.stop()
        redis.stop()
        pg.stop()
        if tmpfs:
            subprocess.run(["umount", str(MEDIA)], capture_output=True)
    print_table(results)


def print_table(results):
    print()
    print(f"{'scenario':38} {'acked':>6} {'rows':>6} {'lost':>5} {'dup':>4} {'500s':>5}  verdict / notes")
    print("-" * 110)
    for name, f, notes in results:
        if f:
            ok = f["lost"] == 0 and f["duplicated"] == 0 and f["500s"] == 0
            head = f"{name:38} {f['acked']:6} {f['rows']:6} {f['lost']:5} {f['duplicated']:4} {f['500s']:5}  "
            print(head + ("OK" if ok else "FAILED"))
            print(f"{'':40}submit statuses {f['submit statuses']}, reads {f['read statuses']}")
            if f["unacknowledged at stop"]:
                print(f"{'':40}unacknowledged when the load stopped: {f['unacknowledged at stop']}")
        else:
            print(f"{name:38} {'':6} {'':6} {'':5} {'':4} {'':5}  (no load)")
        for key, value in notes.items():
            print(f"{'':40}{key}: {value}")


if __name__ == "__main__":
    main()
