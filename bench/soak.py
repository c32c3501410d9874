"""The soak's client: CONNECTIONS loops, each sending one GET after the other for SECONDS, recording
when every response completed. Reports p50/p99/max latency and the longest stretch of time in
which no response completed at all (a stall of the whole server, say every worker restarting).

wrk reports percentiles but not when responses completed; this does both, in one asyncio process.
Its own scheduling adds to the latencies it sees (on a loaded machine, noticeably): the figures
are an upper bound.

    python -m bench.soak HOST PORT SECONDS CONNECTIONS PATH [PATH...]
"""

import asyncio
import itertools
import json
import sys
import time


async def one(host, port, path):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        head = await reader.readline()
        await reader.read()  # the server closes after the response (sync workers)
        return int(head.split()[1])
    finally:
        writer.close()


async def loop(host, port, paths, end, done):
    while time.monotonic() < end:
        path = next(paths)
        start = time.monotonic()
        try:
            status = await one(host, port, path)
        except OSError:
            status = 0
        finished = time.monotonic()
        done.append((finished, finished - start, status))


async def main(host, port, seconds, connections, paths):
    done = []
    start = time.monotonic()
    end = start + seconds
    cycle = itertools.cycle(paths)
    await asyncio.gather(*(loop(host, port, cycle, end, done) for _ in range(connections)))
    done.sort()
    latencies = sorted(d for _, d, _ in done)
    stamps = [start] + [t for t, _, _ in done]
    gaps = [(b - a, a - start) for a, b in itertools.pairwise(stamps)]
    longest, at = max(gaps) if gaps else (0.0, 0.0)

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000 if latencies else 0.0

    codes = {}
    for _, _, status in done:
        codes[str(status)] = codes.get(str(status), 0) + 1
    return {
        "requests": len(done),
        "seconds": seconds,
        "rps": len(done) / seconds,
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "max_ms": latencies[-1] * 1000 if latencies else 0.0,
        "longest_gap_ms": longest * 1000,
        "longest_gap_at_s": at,
        "gaps_over_200ms": sum(1 for g, _ in gaps if g > 0.2),
        "codes": codes,
    }


if __name__ == "__main__":
    host, port, seconds, connections, *paths = sys.argv[1:]
    print(json.dumps(asyncio.run(main(host, int(port), float(seconds), int(connections), paths))))
