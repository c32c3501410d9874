"""`make run` shows the product as residents see it; `make dev` keeps the debug server; the printed
and the absolute links use the address the portal is really served at (issue 15, items 5 and 9)."""

import json
import subprocess
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import ROOT, run_python

SERVE_LOCAL = """
import json, pathlib
import django
django.setup()
from django.conf import settings
from django.test import Client
(pathlib.Path(settings.MEDIA_ROOT) / "images").mkdir(parents=True, exist_ok=True)
(pathlib.Path(settings.MEDIA_ROOT) / "images" / "photo.txt").write_text("uploaded")
client = Client(HTTP_HOST="localhost")
static = client.get("/static/theme/css/1-tokens.css")
media = client.get("/media/images/photo.txt")
print(json.dumps({
    "debug": settings.DEBUG,
    "static": static.status_code,
    "media": media.status_code,
    "media_body": b"".join(media.streaming_content).decode() if media.status_code == 200 else "",
    "escape": client.get("/media/../manage.py").status_code,
}))
"""


def test_local_settings_have_no_debug_and_still_serve_static_files_and_uploads(tmp_path):
    result = run_python(SERVE_LOCAL, env={"MEDIA_ROOT": str(tmp_path)}, settings="portal.settings.local")
    assert result.returncode == 0, result.stderr
    served = json.loads(result.stdout.strip().splitlines()[-1])
    assert served["debug"] is False  # Django's debug 404 (every URL pattern listed) is never shown
    assert served["static"] == 200 and served["media"] == 200 and served["media_body"] == "uploaded"
    assert served["escape"] in (400, 404)  # never a file outside MEDIA_ROOT


def make_dry_run(*args):
    result = subprocess.run(["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_make_run_uses_the_local_settings_and_make_dev_the_debug_server():
    run = make_dry_run("run", "HOST=0.0.0.0", "PORT=8101")
    assert "DJANGO_SETTINGS_MODULE=portal.settings.local" in run
    assert "runserver --noreload 0.0.0.0:8101" in run
    assert "load_demo --base-url http://127.0.0.1:8101" in run
    dev = make_dry_run("dev", "PORT=8102")
    assert "DJANGO_SETTINGS_MODULE=portal.settings.dev" in dev and "runserver 127.0.0.1:8102" in dev


@pytest.mark.django_db
def test_the_demo_site_gets_the_served_address_and_absolute_links_follow_it(client, home_page):
    """The printed admin URL said port 8000 whatever PORT was; API, .ics and QR links said localhost."""
    from tests.cms.factories import EventPageFactory, make_tree

    event = EventPageFactory(parent=make_tree(home_page)["events"], slug="lecture")
    command = __import__("portal.demo.management.commands.load_demo", fromlist=["Command"]).Command()
    assert command.place_site("http", "portal.example.cn", 8101) == "http://portal.example.cn:8101"
    ics = client.get(f"{event.url}calendar/").content.decode()
    assert "http://portal.example.cn:8101/events/lecture/" in ics.replace("\r\n ", "")
    api = client.get(f"/api/v2/pages/{event.pk}/").json()
    assert api["meta"]["html_url"] == "http://portal.example.cn:8101/events/lecture/"
    poster = client.get(f"{event.url}poster/").content.decode()
    assert "http://portal.example.cn:8101/events/lecture/" in poster


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["127.0.0.1:8101", "ftp://example.cn", "http://", "http://host:99999"])
def test_a_bad_base_url_is_refused_before_anything_is_loaded(url):
    from django.contrib.auth import get_user_model

    with pytest.raises(CommandError, match="--base-url"):
        call_command("load_demo", "--no-progress", "--base-url", url, stdout=StringIO())
    assert not get_user_model().objects.exists()
