# ruff: noqa: S310, S608 - benchmark code: fixed local URLs, SQL built from values this script generated
"""The benchmark's own services on 127.0.0.1: a PostgreSQL cluster, a Redis and gunicorn.

Nothing here touches the machine's PostgreSQL (5432) or Redis (6379): the suite starts its own on
other ports under a work directory, so a fault it injects (stopping PostgreSQL, filling a disk)
hits only the portal under test.
"""

import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_BIN = Path(os.environ.get("BENCH_PG_BIN", "/usr/lib/postgresql/15/bin"))
WORK = Path(os.environ.get("BENCH_WORK_DIR", "/tmp/portal-bench"))
PG_PORT = int(os.environ.get("BENCH_PG_PORT", "55432"))
REDIS_PORT = int(os.environ.get("BENCH_REDIS_PORT", "56379"))
HTTP_PORT = int(os.environ.get("BENCH_HTTP_PORT", "58000"))
DB_NAME = "portal_bench"
BASE = f"http://127.0.0.1:{HTTP_PORT}"


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def _as_postgres(args, **kwargs):
    if os.geteuid() == 0:
        args = ["runuser", "-u", "postgres", "--", *args]
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs)


def port_open(port):
    with socket.socket() as sock:
        sock.settimeout(0.3)
        return sock.connect_ex(("127.0.0.1", port)) == 0


class Postgres:
    def __init__(self):
        self.data = WORK / "pg"
        self.logfile = WORK / "pg.log"

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{PG_PORT}/{DB_NAME}"

    def init(self):
        WORK.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(WORK, "postgres")
        if not (self.data / "PG_VERSION").exists():
            log(f"initdb {self.data}")
            _as_postgres([str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8"])
            with open(self.data / "postgresql.conf", "a") as conf:
                conf.write(
                    f"\nport = {PG_PORT}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{WORK}'\n"
                    "shared_buffers = 512MB\nmax_connections = 200\nsynchronous_commit = on\n"
                    "checkpoint_timeout = 15min\nmax_wal_size = 4GB\n"
                )

    def start(self):
        if port_open(PG_PORT):
            return
        _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.logfile), "-w", "start"])

    def stop(self, mode="fast"):
        if port_open(PG_PORT):
            _as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"])

    def restart(self):
        _as_postgres(
            [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.logfile), "-m", "fast", "-w", "restart"]
        )

    def psql(self, sql, db=DB_NAME):
        return _as_postgres(
            [str(PG_BIN / "psql"), "-h", "127.0.0.1", "-p", str(PG_PORT), "-U", "postgres", "-d", db, "-Atc", sql]
        ).stdout.strip()

    def recreate_db(self):
        self.psql(f"DROP DATABASE IF EXISTS {DB_NAME}", db="postgres")
        self.psql(f"CREATE DATABASE {DB_NAME}", db="postgres")

    def db_exists(self):
        return self.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}'", db="postgres") == "1"


class Redis:
    def __init__(self):
        self.proc = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{REDIS_PORT}/0"

    def start(self):
        if port_open(REDIS_PORT):
            return
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            if port_open(REDIS_PORT):
                return
            time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None
        elif port_open(REDIS_PORT):  # ours (the bench port), left by an earlier run
            subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "shutdown", "nosave"], capture_output=True)
        for _ in range(50):
            if not port_open(REDIS_PORT):
                return
            time.sleep(0.1)
        raise RuntimeError("redis-server did not stop")


def portal_env(pg, redis, **extra):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        SECRET_KEY=env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        DATABASE_URL=pg.url,
        REDIS_URL=redis.url,
        CONN_MAX_AGE=os.environ.get("CONN_MAX_AGE", "60"),
        STATIC_ROOT=str(WORK / "static"),
        MEDIA_ROOT=str(WORK / "media"),
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


class Gunicorn:
    def __init__(self, env, workers=None):
        self.env = dict(env)
        self.env["GUNICORN_BIND"] = f"127.0.0.1:{HTTP_PORT}"
        if workers:
            self.env["GUNICORN_WORKERS"] = str(workers)
        self.env.setdefault("GUNICORN_ERRORLOG", str(WORK / "gunicorn.log"))
        self.proc = None
        self.sender = None

    def start_sender(self):
        """The outbox sender beside gunicorn, as `make serve` runs it (NOTIFICATIONS_SENDER=worker)."""
        with open(WORK / "sender.log", "a") as out:
            self.sender = subprocess.Popen(
                [sys.executable, "manage.py", "send_notifications", "--follow"],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def start(self):
        if port_open(HTTP_PORT):
            # Another server (say, one left running by BENCH_KEEP=1) would be measured instead.
            raise RuntimeError(f"port {HTTP_PORT} is already in use: stop that server first")
        self.proc = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py", "portal.wsgi"],
            cwd=ROOT,
            env=self.env,
            start_new_session=True,
        )
        if self.env.get("NOTIFICATIONS_SENDER", "worker") == "worker":  # bench.settings: serve's default
            self.start_sender()
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(BASE + "/bench/constant/", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer; see " + self.env["GUNICORN_ERRORLOG"])

    def worker_pids(self):
        out = subprocess.run(["pgrep", "-P", str(self.proc.pid)], capture_output=True, text=True).stdout
        return [int(p) for p in out.split()]

    def stop(self):
        terminate(self.sender, 20)
        terminate(self.proc, 40)
        self.sender = self.proc = None


def terminate(proc, timeout):
    """SIGTERM `proc` (a Popen, or None) and wait for it; kill it after `timeout` seconds."""
    if proc is not None and proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()


def rss_kb(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except FileNotFoundError:
        return 0
    return 0
