# ruff: noqa: S310, S608 - benchmark code: fixed local URLs, SQL built from values this script generated
"""`make bench`: seed a large dataset, serve it with gunicorn under production settings and the
shipped gunicorn.conf.py, load it with wrk and print every figure as a ratio to a bare Django
project's constant view (bench/bare) served by the same gunicorn settings in the same run.

Options (environment): BENCH_DURATION (seconds per measurement, default 15), BENCH_CONNECTIONS (16),
BENCH_MIX_SECONDS (working-day mix, 60), BENCH_SOAK_SECONDS (300), BENCH_ONLY (some of pages,
submit, mix, soak), BENCH_RECYCLE_COMPARE_SECONDS (also soak recycling by count only, by memory
only and none, this long each), BENCH_RESEED=1 (drop and seed again), BENCH_KEEP=1 (leave services
up). Every figure is printed with the machine's load average.
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
from pathlib import Path

from . import infra
from .infra import BASE, WORK, log

DURATION = int(os.environ.get("BENCH_DURATION", 15))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 16))
SOAK = int(os.environ.get("BENCH_SOAK_SECONDS", 300))
MIX = int(os.environ.get("BENCH_MIX_SECONDS", 60))
BARE_PORT = int(os.environ.get("BENCH_BARE_PORT", infra.HTTP_PORT + 3))
CACHE_HEADER = "X-Wagtail-Cache"
ONLY = {part.strip() for part in os.environ.get("BENCH_ONLY", "").split(",") if part.strip()}


def want(part):
    """BENCH_ONLY=mix,soak runs some parts (pages, submit, mix, soak); all by default."""
    return not ONLY or part in ONLY


def load_average():
    return float(Path("/proc/loadavg").read_text().split()[0])


LUA_COMMON = r"""
local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  codes = {}
  cache = {}
  counter = 0
  acked = {}
end
function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
  local state = headers["X-Wagtail-Cache"] or "none"
  cache[state] = (cache[state] or 0) + 1
  if record_numbers and (status == 201 or status == 200) then
    local number = body:match('"number":%s*"([^"]+)"')
    if number then table.insert(acked, number) end
  end
end
function done(summary, latency, requests)
  local all = {}
  local states = {}
  local numbers = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("codes")) do all[tostring(k)] = (all[tostring(k)] or 0) + v end
    for k, v in pairs(t:get("cache")) do states[k] = (states[k] or 0) + v end
    for _, n in ipairs(t:get("acked")) do table.insert(numbers, n) end
  end
  local parts = {}
  for k, v in pairs(all) do table.insert(parts, string.format('"%s": %d', k, v)) end
  local cparts = {}
  for k, v in pairs(states) do table.insert(cparts, string.format('"%s": %d', k, v)) end
  local f = io.open(result_file, "w")
  f:write(string.format('{"requests": %d, "seconds": %f, "p50_ms": %f, "p95_ms": %f, "p99_ms": %f, ' ..
    '"errors": %d, "codes": {%s}, "cache": {%s}, "numbers": ["%s"]}',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    table.concat(parts, ", "), table.concat(cparts, ", "), table.concat(numbers, '", "')))
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

LUA_PICK = r"""
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[math.random(#paths)])
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


def wrk(
    path,
    *,
    name,
    mode="plain",
    duration=DURATION,
    connections=CONNECTIONS,
    headers=(),
    extra_lua="",
    base=None,
    wait=True,
):
    result_file = WORK / f"wrk-{name}.json"
    script = WORK / f"wrk-{name}.lua"
    lua = f'result_file = "{result_file}"\ntarget = "{path}"\n{extra_lua}\n' + LUA_COMMON
    if mode == "buster":
        # Unique to this measurement: a page cached by an earlier run (Redis left up by BENCH_KEEP=1,
        # same content generation) would otherwise be served as a hit.
        lua += f'buster = "{uuid.uuid4().hex[:12]}"\n' + LUA_BUSTER
    elif mode == "submit":
        lua += LUA_SUBMIT
    elif mode == "pick":  # `extra_lua` sets `paths`; each request takes one at random
        lua += LUA_PICK
    script.write_text(lua)
    args = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
    ]
    for header in headers:
        args += ["-H", header]
    proc = subprocess.Popen([*args, (base or BASE) + path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if not wait:
        return proc, result_file
    return wrk_result(proc, result_file)


def wrk_result(proc, result_file):
    proc.wait()
    if proc.returncode != 0 or not result_file.exists():
        raise RuntimeError(f"wrk failed ({proc.returncode}): {proc.stderr.read().decode()[-500:]}")
    data = json.loads(result_file.read_text())
    data["load"] = load_average()
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


def paths_like(pg, pattern, limit):
    root = first_path(pg, "SELECT url_path FROM wagtailcore_page WHERE depth = 2 ORDER BY id LIMIT 1")
    rows = pg.psql(
        f"SELECT url_path FROM wagtailcore_page WHERE slug LIKE '{pattern}' AND live ORDER BY id LIMIT {limit}"
    )
    return [row[len(root) - 1 :] for row in rows.splitlines() if row] if root else []


def gunicorn_overrides(server):
    """What the benchmark sets for gunicorn besides the shipped gunicorn.conf.py, and why."""
    return [
        ("GUNICORN_BIND", server.env["GUNICORN_BIND"], "the benchmark's own port"),
        ("GUNICORN_ERRORLOG", server.env["GUNICORN_ERRORLOG"], "a file, to count recycling and first requests"),
    ]


def bare_server(env):
    """A bare Django project (bench/bare) under the same gunicorn.conf.py, on its own port."""
    bare_env = dict(env)
    bare_env["GUNICORN_BIND"] = f"127.0.0.1:{BARE_PORT}"
    bare_env["GUNICORN_ERRORLOG"] = str(WORK / "gunicorn-bare.log")
    bare_env["DJANGO_SETTINGS_MODULE"] = "bench.bare.settings"
    proc = subprocess.Popen(
        [str(infra.ROOT / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py", "bench.bare.wsgi"],
        cwd=infra.ROOT,
        env=bare_env,
        start_new_session=True,
    )
    bare_base = f"http://127.0.0.1:{BARE_PORT}"
    for _ in range(200):
        try:
            with urllib.request.urlopen(bare_base + "/bench/constant/", timeout=2) as response:
                if response.status == 200:
                    return proc, bare_base
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    infra.terminate(proc, 10)
    raise RuntimeError("the bare Django project did not answer")


def main():
    ensure_wrk()
    pg, redis = infra.Postgres(), infra.Redis()
    env, token = prepare(pg, redis, reseed=os.environ.get("BENCH_RESEED") == "1")
    data = counts(pg)
    if os.environ.get("BENCH_SEED_ONLY") == "1":
        log("seeded: " + ", ".join(f"{v:,} {k}" for k, v in data.items()))
        return
    log("dataset: " + ", ".join(f"{v:,} {k}" for k, v in data.items()))
    server = infra.Gunicorn(env)
    overrides = gunicorn_overrides(server)
    log("gunicorn.conf.py as shipped; overrides: " + "; ".join(f"{k}={v} ({why})" for k, v, why in overrides))
    server.start()
    bare, bare_base = bare_server(env)
    rows = []
    extra = {}
    try:
        pages = public_pages(pg)
        for name, path in pages.items():
            status, headers, _ = fetch(path)
            log(f"warm {name} {path}: {status} {headers.get(CACHE_HEADER)}")
        log(f"measuring: {DURATION}s per figure, {CONNECTIONS} connections, {len(server.worker_pids())} workers")

        # The yardstick (the bare project) is measured before, between and after the two groups of
        # page figures; each group's ratios use the mean of the two measurements around it, so a
        # burst of load from elsewhere on the machine during one measurement does not skew them all.
        def constant_run(label):
            result = wrk("/bench/constant/", name="constant-bare", base=bare_base)
            portal = wrk("/bench/constant/", name="constant-portal")
            log(
                f"constant view ({label}): bare Django {result['rps']:.0f} req/s, portal {portal['rps']:.0f} req/s"
                f" (load {result['load']:.1f})"
            )
            return result, portal

        if want("pages"):
            before, portal_before = constant_run("start")
            uncached = []
            for name, path in pages.items():
                result = wrk(path, name=f"uncached-{name}", mode="buster")
                uncached.append((f"uncached: {name}", result, ">= 0.035x"))
                log(f"uncached {name}: {result['rps']:.1f} req/s (load {result['load']:.1f})")
            between, portal_between = constant_run("after uncached")
            yardstick = (before["rps"] + between["rps"]) / 2
            rows.append(("constant view, bare Django (start)", before, 1.0, ""))
            rows.append(("constant view, portal (start)", portal_before, portal_before["rps"] / yardstick, ""))
            rows.extend((label, result, result["rps"] / yardstick, target) for label, result, target in uncached)
            cached = []
            for name, path in pages.items():
                status, headers, _ = fetch(path)
                state = headers.get(CACHE_HEADER)
                result = wrk(path, name=f"cached-{name}")
                target = ">= 0.7x" if state in ("hit", "miss") else "not cacheable (" + str(state) + ")"
                cached.append((f"cached: {name}", result, target))
                log(f"cached {name}: {result['rps']:.1f} req/s ({state}, load {result['load']:.1f})")
            after, portal_after = constant_run("after cached")
            yardstick = (between["rps"] + after["rps"]) / 2
            rows.append(("constant view, bare Django (middle)", between, 1.0, ""))
            rows.append(("constant view, portal (middle)", portal_between, portal_between["rps"] / yardstick, ""))
            rows.extend((label, result, result["rps"] / yardstick, target) for label, result, target in cached)
            rows.append(("constant view, bare Django (end)", after, 1.0, ""))
            rows.append(("constant view, portal (end)", portal_after, portal_after["rps"] / yardstick, ""))
        if want("submit"):
            status, _, _ = fetch("/api/portal/workorders/categories")
            if status == 200:
                rows.append(submit_run(pg))
                rows.append(worklist_run(token))
            else:
                log(f"request API not available ({status}): submission and worklist figures skipped")
        if want("mix"):
            extra["mix"] = mix_run(pg, env, pages)
        if want("soak"):
            extra["soak"] = soak_run(server, pg, pages)
        compare = int(os.environ.get("BENCH_RECYCLE_COMPARE_SECONDS", 0))
        if compare:  # which bounds memory better: recycling by request count or by memory growth?
            extra["compare"] = []
            for label, change in (
                ("by request count only", {"GUNICORN_MAX_MEMORY_GROWTH_MB": "0"}),
                ("by memory growth only", {"GUNICORN_MAX_REQUESTS": "0"}),
                ("no recycling", {"GUNICORN_MAX_MEMORY_GROWTH_MB": "0", "GUNICORN_MAX_REQUESTS": "0"}),
            ):
                server.stop()
                server = infra.Gunicorn({**env, **change})
                server.start()
                extra["compare"].append(soak_run(server, pg, pages, seconds=compare, label=label))
    finally:
        infra.terminate(bare, 20)
        if os.environ.get("BENCH_KEEP") != "1":
            server.stop()
            redis.stop()
            pg.stop()
    print_table(data, rows, overrides, extra)
    if extra.get("compare"):
        print_compare(extra["compare"])


def mix_run(pg, env, pages):
    """A working day: anonymous readers on every page type while requests are submitted, stewards
    move requests along and log visits (bench/workday.py). Per page type: p95; overall: the share
    of anonymous page views answered from the cache."""
    articles = paths_like(pg, "news-%", 200)
    events = paths_like(pg, "event-%", 50)
    searches = [f"/search/?q={q}" for q in ("%E5%81%9C%E6%B0%B4", "%E9%A3%9F%E5%A0%82", "%E7%BB%B4%E4%BF%AE")]
    readers = {
        "home": ([pages["home"]], 3),
        "news index": ([pages["news index"], pages["news index"] + "?page=2"], 2),
        "news article": (articles or [pages["news article"]], 4),
        "event": (events or [pages["event"]], 2),
        "service directory": ([pages["service directory"]], 2),
        "search": (searches, 1),
    }
    # A server that has been up all day has its pages cached: one pass over every path first.
    for paths, _connections in readers.values():
        for path in paths:
            fetch(path)
    log(f"working-day mix: {MIX}s, readers on {len(readers)} page types + submissions, transitions, visits")
    running = {}
    for name, (paths, connections) in readers.items():
        lua = "paths = {" + ", ".join(f'"{p}"' for p in paths) + "}"
        running[name] = wrk(
            "/",
            name=f"mix-{name.replace(' ', '-')}",
            mode="pick",
            duration=MIX,
            connections=connections,
            extra_lua=lua,
            wait=False,
        )
    writer = subprocess.run(
        [sys.executable, "-m", "bench.workday"],
        cwd=infra.ROOT,
        env={**env, "BENCH_BASE": BASE, "BENCH_MIX_SECONDS": str(MIX - 2)},
        capture_output=True,
        text=True,
    )
    results = {name: wrk_result(*handle) for name, handle in running.items()}
    try:
        writes = json.loads(writer.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        writes = {"error": writer.stderr[-500:]}
    hits = sum(r["cache"].get("hit", 0) for r in results.values())
    views = sum(sum(r["cache"].values()) for r in results.values())
    share = hits / views * 100 if views else 0.0
    cacheable = sum(r["cache"].get("hit", 0) + r["cache"].get("miss", 0) for r in results.values())
    cacheable_share = hits / cacheable * 100 if cacheable else 0.0
    for name, r in results.items():
        log(f"mix {name}: {r['rps']:.1f} req/s p95 {r['p95_ms']:.1f} ms cache {r['cache']}")
    log(f"mix writes: {writes}; anonymous views from cache {share:.1f}% (load {load_average():.1f})")
    return {
        "readers": results,
        "writes": writes,
        "hit_share": share,
        "cacheable_share": cacheable_share,
        "load": load_average(),
    }


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


def gunicorn_log_figures(path, since=0):
    """Recycling and first-request lines gunicorn.conf.py logged (from byte `since` of the log)."""
    import re

    text = Path(path).read_bytes()[since:].decode(errors="replace")
    firsts = [float(m) for m in re.findall(r"first request answered (\d+) ms after fork", text)]
    cpu = [float(m) for m in re.findall(r"after fork \((\d+) ms of its CPU\)", text)]
    recycles = re.findall(r"recycling after this request: (.*)", text)
    return firsts, cpu, recycles


def soak_run(server, pg, pages, seconds=SOAK, label="recycling as shipped"):
    """`seconds` at CONNECTIONS connections with recycling on: latency percentiles, the longest
    time with no response completed, recycling, and worker memory sampled every 5 s."""
    log(f"soak: {seconds}s at {CONNECTIONS} connections, {label}")
    errorlog = server.env["GUNICORN_ERRORLOG"]
    since = Path(errorlog).stat().st_size if Path(errorlog).exists() else 0
    start_rss = [infra.rss_kb(pid) for pid in server.worker_pids()]
    paths = [*pages.values(), *paths_like(pg, "news-%", 50), "/bench/constant/"]
    client = subprocess.Popen(
        [sys.executable, "-m", "bench.soak", "127.0.0.1", str(infra.HTTP_PORT), str(seconds), str(CONNECTIONS), *paths],
        cwd=infra.ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    samples = []
    while client.poll() is None:
        samples.extend(infra.rss_kb(pid) for pid in server.worker_pids())
        time.sleep(5)
    soak = json.loads(client.stdout.read().strip().splitlines()[-1])
    end_rss = [infra.rss_kb(pid) for pid in server.worker_pids()]
    samples = [kb for kb in samples if kb]
    soak["label"] = label
    soak["rss_peak_mb"] = max(samples, default=0) / 1024
    soak["rss_mean_mb"] = sum(samples) / max(1, len(samples)) / 1024
    firsts, cpu, recycles = gunicorn_log_figures(errorlog, since)
    soak.update(
        load=load_average(),
        recycles=len(recycles),
        recycle_reasons=sorted({r.split(" (")[0].split(" ")[0] for r in recycles}),
        first_request_ms=sorted(firsts),
        first_request_cpu_ms=sorted(cpu),
        rss_start_mb=sum(start_rss) / max(1, len(start_rss)) / 1024,
        rss_end_mb=sum(end_rss) / max(1, len(end_rss)) / 1024,
    )
    log(
        f"soak: {soak['requests']} responses, p50 {soak['p50_ms']:.1f} ms, p99 {soak['p99_ms']:.1f} ms,"
        f" max {soak['max_ms']:.0f} ms, longest gap {soak['longest_gap_ms']:.0f} ms, {len(recycles)} recycles,"
        f" load {soak['load']:.1f}"
    )
    return soak


def print_compare(runs):
    print()
    print("Recycling compared (same load, each run on a fresh gunicorn):")
    for r in runs:
        print(
            f"  {r['label']:24} {r['seconds']:.0f} s: {r['recycles']:3} recycles,"
            f" worker RSS mean {r['rss_mean_mb']:.0f} MB,"
            f" peak {r['rss_peak_mb']:.0f} MB; p99 {r['p99_ms']:.0f} ms, longest gap {r['longest_gap_ms']:.0f} ms,"
            f" load {r['load']:.1f}"
        )


def print_table(data, rows, overrides, extra):
    print()
    print(f"Dataset: {', '.join(f'{v:,} {k}' for k, v in data.items())}")
    print("gunicorn.conf.py as shipped; overrides (reason): " + "; ".join(f"{k} ({why})" for k, _v, why in overrides))
    print("Ratios are to the bare Django project's constant view (bench/bare) in the same run.")
    print(
        f"{'figure':40} {'req/s':>9} {'ratio':>8} {'p50 ms':>8} {'p95 ms':>8} {'5xx':>5} {'load':>5}  target / result"
    )
    print("-" * 118)
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
        load = f"{result.get('load', 0):.1f}"
        print(
            f"{name:40} {result['rps']:9.1f} {ratio_text:>8} {p50:>8} {p95:>8} {result.get('5xx', 0):5} {load:>5}"
            f"  {verdict}"
        )
    mix = extra.get("mix")
    if mix:
        print()
        print(f"Working-day mix ({MIX} s, load {mix['load']:.1f}): writes {mix['writes']}")
        for name, r in mix["readers"].items():
            served = sum(r["cache"].values())
            share = r["cache"].get("hit", 0) / served * 100 if served else 0
            print(f"  {name:20} {r['rps']:8.1f} req/s  p95 {r['p95_ms']:7.1f} ms  from cache {share:5.1f}%")
        verdict = "MET" if mix["hit_share"] >= 90 else "NOT MET"
        print(f"  anonymous views served from the cache: {mix['hit_share']:.1f}% (goal >= 90%) {verdict}")
        print(
            f"  of the views of cacheable pages (not counting event pages with an open sign-up form):"
            f" {mix['cacheable_share']:.1f}%"
        )
    soak = extra.get("soak")
    if soak:
        ok_gap = soak["longest_gap_ms"] <= 200
        ok_tail = soak["p99_ms"] <= 3 * soak["p50_ms"]
        firsts = soak["first_request_ms"]
        print()
        print(
            f"Soak ({soak['seconds']:.0f} s, {CONNECTIONS} connections, recycling as shipped, load {soak['load']:.1f}):"
        )
        print(
            f"  {soak['requests']} responses ({soak['rps']:.0f}/s), codes {soak['codes']}; p50 {soak['p50_ms']:.1f} ms,"
            f" p99 {soak['p99_ms']:.1f} ms, max {soak['max_ms']:.0f} ms"
            f" (p99 <= 3x p50: {'MET' if ok_tail else 'NOT MET'})"
        )
        print(
            f"  longest time with no response completed: {soak['longest_gap_ms']:.0f} ms"
            f" at {soak['longest_gap_at_s']:.0f} s"
            f" ({soak['gaps_over_200ms']} gaps over 200 ms; goal none: {'MET' if ok_gap else 'NOT MET'})"
        )
        if firsts:
            median = firsts[len(firsts) // 2]
            print(
                f"  {soak['recycles']} workers recycled ({', '.join(soak['recycle_reasons']) or '-'});"
                f" new workers' first"
                f" response after fork: median {median:.0f} ms, max {max(firsts):.0f} ms (goal <= 100 ms,"
                f" includes the request itself)"
            )
        cpu = soak.get("first_request_cpu_ms")
        if cpu:
            print(
                f"  the same in the new workers' own CPU time (independent of the machine's load):"
                f" median {cpu[len(cpu) // 2]:.0f} ms, max {max(cpu):.0f} ms"
            )
        print(
            f"  worker memory: {soak['rss_mean_mb']:.0f} MB mean, {soak['rss_peak_mb']:.0f} MB peak (sampled every 5 s)"
        )
        print(
            f"  worker memory (mean RSS): {soak['rss_start_mb']:.0f} MB at the start,"
            f" {soak['rss_end_mb']:.0f} MB at the end"
        )


if __name__ == "__main__":
    main()
