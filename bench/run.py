# ruff: noqa: S310, S608 - benchmark code: fixed local URLs, SQL built from values this script generated
"""`make bench`: seed a large dataset, serve it with gunicorn under production settings, load it with
wrk and print every figure as a ratio to a constant Django view measured by the same server in
the same run.

Options (environment): BENCH_DURATION (seconds per measurement, default 15), BENCH_CONNECTIONS (16),
BENCH_SOAK_SECONDS (600), BENCH_RESEED=1 (drop and seed again), BENCH_KEEP=1 (leave services up).
"""

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

from . import infra
from .infra import BASE, WORK, log

DURATION = int(os.environ.get("BENCH_DURATION", 15))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 16))
SOAK = int(os.environ.get("BENCH_SOAK_SECONDS", 600))

LUA_COMMON = r"""
local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  codes = {}
  counter = 0
  acked = {}
end
function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
  if record_numbers and (status == 201 or status == 200) then
    local number = body:match('"number":%s*"([^"]+)"')
    if number then table.insert(acked, number) end
  end
end
function done(summary, latency, requests)
  local all = {}
  local numbers = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("codes")) do all[tostring(k)] = (all[tostring(k)] or 0) + v end
    for _, n in ipairs(t:get("acked")) do table.insert(numbers, n) end
  end
  local parts = {}
  for k, v in pairs(all) do table.insert(parts, string.format('"%s": %d', k, v)) end
  local f = io.open(result_file, "w")
  f:write(string.format('{"requests": %d, "seconds": %f, "p50_ms": %f, "p95_ms": %f, "p99_ms": %f, ' ..
    '"errors": %d, "codes": {%s}, "numbers": ["%s"]}',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    table.concat(parts, ", "), table.concat(numbers, '", "')))
  f:close()
end
"""

LUA_BUSTER = r"""
request = function()
  counter = counter + 1
  local sep = string.find(target, "?", 1, true) and "&" or "?"
  return wrk.format("GET", target .. sep .. "nocache=" .. buster .. "-" .. id .. "-" .. counter)
end
"""

LUA_SUBMIT = r"""
record_numbers = true
request = function()
  counter = counter + 1
  local key = run_id .. "-" .. id .. "-" .. counter
  local phone = string.format("139%08d", (id * 1000003 + counter) % 100000000)
  local body = "category=" .. category .. "&name=%E6%9D%8E%E5%A5%B6%E5%A5%B6&phone=" .. phone ..
    "&description=%E5%8E%A8%E6%88%BF%E6%B0%B4%E7%AE%A1%E6%BC%8F%E6%B0%B4&consent=true&room=301"
  return wrk.format("POST", "/api/portal/workorders/requests",
    {["Content-Type"] = "application/x-www-form-urlencoded", ["Idempotency-Key"] = key}, body)
end
"""


def wrk(path, *, name, mode="plain", duration=DURATION, connections=CONNECTIONS, headers=(), extra_lua=""):
    result_file = WORK / f"wrk-{name}.json"
    script = WORK / f"wrk-{name}.lua"
    lua = f'result_file = "{result_file}"\ntarget = "{path}"\n{extra_lua}\n' + LUA_COMMON
    if mode == "buster":
        # Unique to this measurement: a page cached by an earlier run (Redis left up by BENCH_KEEP=1,
        # same content generation) would otherwise be served as a hit.
        lua += f'buster = "{uuid.uuid4().hex[:12]}"\n' + LUA_BUSTER
    elif mode == "submit":
        lua += LUA_SUBMIT
    script.write_text(lua)
    args = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s", "-s", str(script)]
    for header in headers:
        args += ["-H", header]
    subprocess.run([*args, BASE + path], check=True, capture_output=True, text=True)
    data = json.loads(result_file.read_text())
    data["rps"] = data["requests"] / data["seconds"] if data["seconds"] else 0
    data["non_2xx"] = sum(v for k, v in data["codes"].items() if not k.startswith("2"))
    data["5xx"] = sum(v for k, v in data["codes"].items() if k.startswith("5"))
    return data


def ensure_wrk():
    if shutil.which("wrk"):
        return
    log("installing wrk (apt-get install -y wrk)")
    subprocess.run(["apt-get", "install", "-y", "wrk"], check=True, capture_output=True)


def fetch(path, headers=None):
    request = urllib.request.Request(BASE + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def prepare(pg, redis, reseed=False):
    pg.init()
    pg.start()
    redis.start()
    env = infra.portal_env(pg, redis)
    token_file = WORK / "staff-token"
    if reseed or not pg.db_exists() or not token_file.exists():
        log("creating the benchmark database")
        pg.recreate_db()
        infra.manage(env, "migrate", "--noinput", "-v", "0")
        log("seeding (progress bars below)")
        subprocess.run(
            [sys.executable, "-m", "bench.seed"],
            cwd=infra.ROOT,
            env={**env, "BENCH_TOKEN_FILE": str(token_file)},
            check=True,
        )
    else:
        infra.manage(env, "migrate", "--noinput", "-v", "0")
    infra.manage(env, "collectstatic", "--noinput", "-v", "0")
    return env, token_file.read_text().strip()


def counts(pg):
    return {
        "requests": int(pg.psql("SELECT count(*) FROM workorders_workorder")),
        "pages": int(pg.psql("SELECT count(*) FROM wagtailcore_page WHERE depth > 1")),
        "services": int(pg.psql("SELECT count(*) FROM services_servicepage")),
        "search documents": int(pg.psql("SELECT count(*) FROM wagtailsearch_indexentry")),
    }


def first_path(pg, sql):
    value = pg.psql(sql)
    return value.splitlines()[0] if value else None


def public_pages(pg):
    """The public pages the benchmark measures: {name: path} on the seeded site."""
    event = first_path(pg, "SELECT url_path FROM wagtailcore_page WHERE slug LIKE 'event-%' ORDER BY id LIMIT 1")
    news = first_path(pg, "SELECT url_path FROM wagtailcore_page WHERE slug LIKE 'news-%' ORDER BY id LIMIT 1")
    root = first_path(pg, "SELECT url_path FROM wagtailcore_page WHERE depth = 2 ORDER BY id LIMIT 1")

    def public(url_path):
        return url_path[len(root) - 1 :] if url_path and root else "/"

    return {
        "home": "/",
        "news index": "/news/",
        "news article": public(news),
        "event": public(event),
        "service directory": "/services/",
        "search": "/search/?q=%E5%81%9C%E6%B0%B4",
    }


def main():
    ensure_wrk()
    pg, redis = infra.Postgres(), infra.Redis()
    env, token = prepare(pg, redis, reseed=os.environ.get("BENCH_RESEED") == "1")
    data = counts(pg)
    if os.environ.get("BENCH_SEED_ONLY") == "1":
        log("seeded: " + ", ".join(f"{v:,} {k}" for k, v in data.items()))
        return
    log("dataset: " + ", ".join(f"{v:,} {k}" for k, v in data.items()))
    env["GUNICORN_MAX_REQUESTS"] = "0"  # no recycling: the soak measures real growth
    server = infra.Gunicorn(env)
    server.start()
    rows = []
    try:
        pages = public_pages(pg)
        for name, path in pages.items():
            status, headers, _ = fetch(path)
            log(f"warm {name} {path}: {status} {headers.get('X-Page-Cache')}")
        log(f"measuring: {DURATION}s per figure, {CONNECTIONS} connections, {len(server.worker_pids())} workers")

        # The yardstick is measured before, between and after the two groups of page figures; each
        # group's ratios use the mean of the two measurements around it, so a burst of load from
        # elsewhere on the machine during one 15 s measurement does not skew every ratio.
        def constant_run(label):
            result = wrk("/bench/constant/", name="constant")
            log(f"constant view ({label}): {result['rps']:.0f} req/s")
            return (f"constant Django view ({label})", result, None, ""), result["rps"]

        first_row, before = constant_run("start")
        rows.append(first_row)
        uncached = []
        for name, path in pages.items():
            result = wrk(path, name=f"uncached-{name}", mode="buster")
            uncached.append((f"uncached: {name}", result, ">= 0.04x"))
            log(f"uncached {name}: {result['rps']:.1f} req/s")
        between_row, between = constant_run("after uncached")
        yardstick = (before + between) / 2
        rows.extend((label, result, result["rps"] / yardstick, target) for label, result, target in uncached)
        rows.append(between_row)
        cached = []
        for name, path in pages.items():
            status, headers, _ = fetch(path)
            state = headers.get("X-Page-Cache")
            result = wrk(path, name=f"cached-{name}")
            target = ">= 0.7x" if state in ("hit", "miss") else "not cacheable (" + str(state) + ")"
            cached.append((f"cached: {name}", result, target))
            log(f"cached {name}: {result['rps']:.1f} req/s ({state})")
        after_row, after = constant_run("after cached")
        yardstick = (between + after) / 2
        rows.extend((label, result, result["rps"] / yardstick, target) for label, result, target in cached)
        rows.append(after_row)
        status, _, _ = fetch("/api/portal/workorders/categories")
        if status == 200:
            rows.append(submit_run(pg))
            rows.append(worklist_run(token))
        else:
            log(f"request API not available ({status}): submission and worklist figures skipped")
        soak = soak_run(server, pages)
        rows.append(("soak: worker memory growth", soak, None, "< 10%"))
    finally:
        if os.environ.get("BENCH_KEEP") != "1":
            server.stop()
            redis.stop()
            pg.stop()
    print_table(data, rows)


def submit_run(pg):
    run_id = uuid.uuid4().hex[:10]
    before = int(pg.psql("SELECT count(*) FROM workorders_workorder"))
    submit = wrk(
        "/api/portal/workorders/requests",
        name="submit",
        mode="submit",
        extra_lua=f'run_id = "bench-{run_id}"\ncategory = "water-leak"',
    )
    numbers = [n for n in submit["numbers"] if n]
    time.sleep(3)  # let requests still in flight when wrk stopped finish, and their SMS go out
    stored, distinct = (
        int(x)
        for x in pg.psql(
            "SELECT count(*), count(DISTINCT idempotency_key) FROM workorders_workorder"
            f" WHERE idempotency_key LIKE 'bench-{run_id}-%'"
        ).split("|")
    )
    found = 0
    for start in range(0, len(numbers), 5000):
        chunk = "','".join(numbers[start : start + 5000])
        found += int(pg.psql(f"SELECT count(*) FROM workorders_workorder WHERE number IN ('{chunk}')"))
    messages, sent = (
        int(x)
        for x in pg.psql(
            "SELECT count(*), count(*) FILTER (WHERE n.status = 'sent') FROM workorders_notification n"
            " JOIN workorders_workorder w ON w.id = n.work_order_id"
            f" WHERE w.idempotency_key LIKE 'bench-{run_id}-%'"
        ).split("|")
    )
    submit["acked"] = len(numbers)
    submit["lost"] = len(numbers) - found
    submit["duplicated"] = stored - distinct
    submit["rows"] = stored
    submit["sms_unsent"] = messages - sent
    result = ("submit request (API)", submit, None, ">= 200/s, p95 <= 100 ms, 0 lost")
    log(
        f"submit: {submit['rps']:.1f}/s p95 {submit['p95_ms']:.1f} ms acked {len(numbers)} rows {stored}"
        f" lost {submit['lost']}; SMS receipts {messages}, sent {sent} within 3 s of the burst's end"
    )
    after = int(pg.psql("SELECT count(*) FROM workorders_workorder"))
    log(f"requests table: {before:,} -> {after:,}")
    return result


def worklist_run(token):
    auth = f"Authorization: Bearer {token}"
    status, _, body = fetch(
        "/api/portal/workorders/staff/requests?status=submitted&page=3", {"Authorization": f"Bearer {token}"}
    )
    log(f"worklist check: {status} count={json.loads(body).get('count')}")
    worklist = wrk(
        "/api/portal/workorders/staff/requests?status=submitted&page=3",
        name="worklist",
        headers=[auth],
        connections=4,
    )
    return ("staff worklist (filtered, page 3)", worklist, None, "p95 <= 300 ms")


def soak_run(server, pages):
    """Mixed load for SOAK seconds; worker RSS after warm-up vs at the end."""
    log(f"soak: {SOAK}s of mixed load")
    wrk(pages["news index"], name="soak-warm", mode="buster", duration=20)
    start = {pid: infra.rss_kb(pid) for pid in server.worker_pids()}
    end_at = time.time() + SOAK
    total = 0
    i = 0
    names = list(pages)
    while time.time() < end_at:
        path = pages[names[i % len(names)]]
        i += 1
        step = min(30, max(1, int(end_at - time.time())))
        result = wrk(path, name="soak", mode="buster" if i % 2 else "plain", duration=step)
        total += result["requests"]
    end = {pid: infra.rss_kb(pid) for pid in server.worker_pids()}
    same = [pid for pid in start if pid in end]
    before = sum(start[p] for p in same)
    after = sum(end[p] for p in same)
    growth = (after - before) / before * 100 if before else 0
    log(f"soak: {total} requests, RSS {before / 1024:.0f} MB -> {after / 1024:.0f} MB ({growth:+.1f}%)")
    return {
        "rps": total / SOAK,
        "growth_pct": growth,
        "rss_before_mb": before / 1024,
        "rss_after_mb": after / 1024,
        "workers": len(same),
        "p95_ms": None,
        "5xx": 0,
        "non_2xx": 0,
    }


def print_table(data, rows):
    print()
    print(f"Dataset: {', '.join(f'{v:,} {k}' for k, v in data.items())}")
    print(f"{'figure':40} {'req/s':>9} {'ratio':>8} {'p50 ms':>8} {'p95 ms':>8} {'5xx':>5}  target / result")
    print("-" * 110)
    for name, result, ratio, target in rows:
        ratio_text = f"{ratio:.3f}x" if ratio is not None else ""
        p50 = f"{result['p50_ms']:.1f}" if result.get("p50_ms") is not None else ""
        p95 = f"{result['p95_ms']:.1f}" if result.get("p95_ms") is not None else ""
        verdict = target
        if ratio is not None and target.startswith(">="):
            verdict += " MET" if ratio >= float(target.split()[1].rstrip("x")) else " NOT MET"
        if "lost" in result:
            ok = result["rps"] >= 200 and result["p95_ms"] <= 100 and result["lost"] == 0 and result["duplicated"] == 0
            verdict += (
                f" | acked {result['acked']}, rows {result['rows']}, lost {result['lost']}, dup {result['duplicated']},"
                f" SMS unsent 3 s after {result['sms_unsent']}"
            )
            verdict += " MET" if ok else " NOT MET"
        if target.startswith("p95 <= 300"):
            verdict += " MET" if result["p95_ms"] <= 300 else " NOT MET"
        if "growth_pct" in result:
            verdict += (
                f" | {result['rss_before_mb']:.0f} -> {result['rss_after_mb']:.0f} MB over {result['workers']} workers,"
            )
            verdict += f" {result['growth_pct']:+.1f}%" + (" MET" if result["growth_pct"] < 10 else " NOT MET")
        print(f"{name:40} {result['rps']:9.1f} {ratio_text:>8} {p50:>8} {p95:>8} {result.get('5xx', 0):5}  {verdict}")


if __name__ == "__main__":
    main()
