"""In-process cost of rendering each public page uncached: CPU ms, SQL statements, a profile.

Runs on the benchmark's database (seeded by `make bench`, or `BENCH_SEED_ONLY=1 make bench`),
starting its PostgreSQL and Redis when they are not running. Like `make bench`'s "uncached" figures,
every request carries a unique `nocache=` query parameter, so the whole-page cache misses (and
stores the page) while the menu and footer fragments are served from Redis:

    .venv/bin/python -m bench.page_profile                       # every page, 100 renders each
    .venv/bin/python -m bench.page_profile --profile cumulative "news index"

Prints, per page, Python CPU per render (`time.process_time`, best of three rounds), wall time
and SQL statements of one render; `--sql` lists those statements with their times (`--full-sql`
whole, to paste into EXPLAIN), `--profile KEY` prints a cProfile of one round sorted by KEY.
"""

import argparse
import cProfile
import itertools
import os
import pstats
import sys
import time
import uuid

from bench import infra
from bench.run import public_pages


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="page names (default: all)")
    parser.add_argument("--repeat", type=int, default=100, help="renders per round (default 100)")
    parser.add_argument("--profile", metavar="KEY", help="print a cProfile sorted by KEY (cumulative, tottime)")
    parser.add_argument("--lines", type=int, default=50, help="profile lines to print (default 50)")
    parser.add_argument("--sql", action="store_true", help="print each SQL statement of one render with its time")
    parser.add_argument("--full-sql", action="store_true", help="with --sql: whole statements, not 300 characters")
    args = parser.parse_args(argv)

    pg, redis = infra.Postgres(), infra.Redis()
    pg.start()
    redis.start()
    if not pg.db_exists():
        parser.error("the benchmark database does not exist: run `BENCH_SEED_ONLY=1 make bench` first")
    pages = public_pages(pg)
    unknown = set(args.pages) - set(pages)
    if unknown:
        parser.error(f"unknown page(s) {', '.join(sorted(unknown))}; known: {', '.join(pages)}")
    os.environ.update(infra.portal_env(pg, redis))

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counter, run = itertools.count(), uuid.uuid4().hex[:8]

    def get(path):
        response = client.get(f"{path}{'&' if '?' in path else '?'}nocache=profile-{run}-{next(counter)}")
        assert response.status_code == 200 and response.headers["X-Wagtail-Cache"] == "miss", (path, response)

    print(f"{'page':20} {'CPU ms':>8} {'wall ms':>8} {'SQL':>5}")
    for name in args.pages or pages:
        path = pages[name]
        for _ in range(5):  # warm-up: imports, template loading, prepared statements
            get(path)
        with CaptureQueriesContext(connection) as queries:
            wall = time.perf_counter()
            get(path)
            wall = (time.perf_counter() - wall) * 1000
        captured = list(queries.captured_queries)  # now: the next request empties the log the context reads
        statements = len(captured)
        best = None
        for _ in range(3):
            start = time.process_time()
            for _ in range(args.repeat):
                get(path)
            took = (time.process_time() - start) * 1000 / args.repeat
            best = took if best is None else min(best, took)
        print(f"{name:20} {best:8.2f} {wall:8.2f} {statements:5}")
        if args.sql:
            for query in captured:
                sql = query["sql"] if args.full_sql else query["sql"][:300]
                print(f"    {float(query['time']) * 1000:7.2f} ms  {sql}")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.repeat):
                get(path)
            profiler.disable()
            pstats.Stats(profiler, stream=sys.stdout).sort_stats(args.profile).print_stats(args.lines)


if __name__ == "__main__":
    main()
