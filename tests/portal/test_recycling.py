"""Worker recycling (portal/recycling.py, gunicorn.conf.py): workers recycle one at a time, after
their own limit or memory growth; the master warms what workers would load lazily. No timing here:
times are given to the policy, not measured."""

import random
import runpy
from pathlib import Path
from types import SimpleNamespace

from portal.recycling import Policy, Slot
from tests.conftest import run_python

ROOT = Path(__file__).resolve().parent.parent.parent


def serve(policy, state, n, now, rss=None):
    reasons = [policy.after_request(state, now=now, rss=rss) for _ in range(n)]
    return [r for r in reasons if r]


def test_each_worker_gets_its_own_limit_between_the_base_and_half_again():
    policy = Policy(max_requests=2000, max_growth_mb=0, window=5, rng=random.Random(7))
    limits = {policy.new_worker()["limit"] for _ in range(200)}
    assert min(limits) >= 2000 and max(limits) <= 3000
    assert len(limits) > 100  # spread over the range, not one value


def test_two_workers_at_their_limit_in_the_same_window_recycle_one_after_the_other():
    policy = Policy(max_requests=10, max_growth_mb=0, window=5)
    a, b = policy.new_worker(), policy.new_worker()
    a["limit"] = b["limit"] = 10
    assert serve(policy, a, 9, now=100.0) == [] and serve(policy, b, 9, now=100.0) == []
    assert policy.after_request(a, now=100.5)  # a reaches its limit and recycles
    assert policy.after_request(b, now=101.0) is None  # b too, but within a's window: keeps serving
    assert policy.after_request(b, now=104.9) is None
    assert "limit 10" in policy.after_request(b, now=105.6)  # the window has passed


def test_memory_growth_since_warm_up_recycles():
    policy = Policy(max_requests=0, max_growth_mb=100, window=5, warm_requests=50)
    state = policy.new_worker()
    mb = 1024 * 1024
    assert serve(policy, state, 50, now=1.0, rss=80 * mb) == []  # baseline at the 50th request
    assert state["baseline"] == 80 * mb
    assert serve(policy, state, 25, now=2.0, rss=170 * mb) == []  # grew 90 MB: fine
    reasons = serve(policy, state, 25, now=3.0, rss=190 * mb)  # grew 110 MB
    assert reasons and "memory grew 110 MB" in reasons[0]


def test_no_recycling_when_both_limits_are_off():
    policy = Policy(max_requests=0, max_growth_mb=0, window=5)
    state = policy.new_worker()
    assert serve(policy, state, 10_000, now=1.0, rss=10**12) == []


def test_the_slot_is_shared_with_forked_workers():
    """The slot lives in shared memory: a claim made in a child is seen by the parent."""
    import multiprocessing

    slot = Slot()
    ctx = multiprocessing.get_context("fork")
    child = ctx.Process(target=slot.claim, args=(50.0, 5))
    child.start()
    child.join(10)
    assert slot.claim(52.0, 5) is False  # the child took the slot at 50
    assert slot.claim(55.5, 5) is True


def test_the_shipped_conf_leaves_recycling_to_the_policy_and_records_the_first_request():
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert conf["max_requests"] == 0 and conf["preload_app"] is True
    policy = conf["recycle"]
    assert policy.max_requests == 2000 and policy.max_growth > 0 and policy.window >= 1
    logged = []
    worker = SimpleNamespace(pid=1, alive=True, log=SimpleNamespace(info=lambda *a: logged.append(a[0] % a[1:])))
    conf["post_fork"](None, worker)
    worker.recycle_state["limit"] = 2
    conf["post_request"](worker, None, {}, None)
    assert worker.alive and "first request answered" in logged[0] and "ms of its CPU" in logged[0]
    conf["post_request"](worker, None, {}, None)
    assert worker.alive is False and "recycling after this request" in logged[-1]


def test_the_master_warms_urls_templates_and_translations_without_a_database_connection():
    code = """
import django
django.setup()
from django.db import connections
from django.template import engines
from django.utils import translation
from portal import warmup
warmup.warm_up()
loader = engines["django"].engine.template_loaders[0]
print("templates", len(loader.get_template_cache) if hasattr(loader, "get_template_cache") else -1)
print("languages", sorted(translation.trans_real._translations))
print("connection", connections["default"].connection)
"""
    result = run_python(code, settings="portal.settings.test")
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.strip().splitlines())
    assert int(lines["templates"]) >= 5
    assert "en" in lines["languages"] and "zh-hans" in lines["languages"]
    assert lines["connection"] == "None"
