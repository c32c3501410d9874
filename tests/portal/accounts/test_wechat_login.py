"""WeChat log-in through allauth's weixin provider. WeChat cannot be reached from here: the whole
OAuth dance runs against a loopback server that answers as WeChat's endpoints do (qrconnect redirect
with code and state, sns/oauth2/access_token, sns/userinfo)."""

import json
import threading
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from allauth.socialaccount.models import SocialAccount
from allauth.socialaccount.providers.weixin.views import WeixinOAuth2Adapter

from portal.notifications import outbox
from portal.notifications.sms import LocmemSmsBackend

APP_ID, SECRET, CODE = "wx8888888888888888", "wechat-test-secret", "081ABCdef2Xq3s0ghijk"


class FakeWeChat:
    def __init__(self):
        self.calls = []
        wechat = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server API
                self._answer(dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query)))

            def do_POST(self):  # noqa: N802 - http.server API
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
                self._answer({**query, **dict(urllib.parse.parse_qsl(body))})

            def _answer(self, params):
                path = urllib.parse.urlsplit(self.path).path
                wechat.calls.append((path, params))
                if path == "/connect/qrconnect":  # the resident scans the QR code and agrees
                    target = f"{params['redirect_uri']}?code={CODE}&state={params.get('state', '')}"
                    self.send_response(302)
                    self.send_header("Location", target)
                    self.end_headers()
                    return
                if path == "/sns/oauth2/access_token":
                    if (params.get("appid"), params.get("secret"), params.get("code")) != (APP_ID, SECRET, CODE):
                        return self._json({"errcode": 40029, "errmsg": "invalid code"})
                    return self._json(
                        {"access_token": "ACCESS_TOKEN_1", "expires_in": 7200, "refresh_token": "REFRESH_1",
                         "openid": "oWX1234openid", "scope": "snsapi_login", "unionid": "oUNION5678"}
                    )  # fmt: skip
                if path == "/sns/userinfo":
                    if params.get("access_token") != "ACCESS_TOKEN_1":
                        return self._json({"errcode": 40001, "errmsg": "invalid credential"})
                    return self._json(
                        {"openid": params["openid"], "nickname": "李阿姨", "sex": 2, "province": "山东",
                         "city": "潍坊", "country": "中国", "headimgurl": "", "privilege": [], "unionid": "oUNION5678"}
                    )  # fmt: skip
                self.send_response(404)
                self.end_headers()

            def _json(self, data):
                body = json.dumps(data, ensure_ascii=False).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")  # as WeChat labels its JSON
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def wechat(settings, monkeypatch):
    settings.SMS_BACKEND = "portal.notifications.sms.LocmemSmsBackend"
    settings.NOTIFICATIONS_SENDER = "worker"
    LocmemSmsBackend.messages.clear()
    server = FakeWeChat()
    settings.SOCIALACCOUNT_PROVIDERS = {
        "weixin": {
            "SCOPE": ["snsapi_login"],
            "AUTHORIZE_URL": f"{server.base}/connect/qrconnect",
            "APPS": [{"client_id": APP_ID, "secret": SECRET}],
        }
    }
    # The provider's fixed API addresses, pointed at the loopback server.
    monkeypatch.setattr(WeixinOAuth2Adapter, "access_token_url", f"{server.base}/sns/oauth2/access_token")
    monkeypatch.setattr(WeixinOAuth2Adapter, "profile_url", f"{server.base}/sns/userinfo")
    yield server
    server.close()


def test_wechat_is_off_when_unconfigured(client, db, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {"weixin": {"SCOPE": ["snsapi_login"]}}
    page = client.get("/accounts/login/").content.decode()
    assert "/accounts/weixin/login/" not in page
    assert client.post("/accounts/weixin/login/").status_code == 404


def test_the_whole_wechat_oauth_dance_signs_a_resident_in(client, db, wechat):
    page = client.get("/accounts/login/").content.decode()
    assert "/accounts/weixin/login/" in page  # configured: offered on the login page
    start = client.post("/accounts/weixin/login/")
    assert start.status_code == 302
    authorize = urllib.parse.urlsplit(start["Location"])
    assert f"{authorize.scheme}://{authorize.netloc}{authorize.path}" == f"{wechat.base}/connect/qrconnect"
    asked = dict(urllib.parse.parse_qsl(authorize.query))
    assert asked["appid"] == APP_ID and asked["response_type"] == "code" and asked["scope"] == "snsapi_login"
    assert asked["redirect_uri"].endswith("/accounts/weixin/login/callback/") and asked["state"]

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(start["Location"], timeout=5)
    callback = urllib.parse.urlsplit(redirect.value.headers["Location"])
    done = client.get(f"{callback.path}?{callback.query}")
    assert done.status_code == 302
    token_call = next(params for path, params in wechat.calls if path == "/sns/oauth2/access_token")
    assert token_call["code"] == CODE and token_call["secret"] == SECRET
    # WeChat gives no mobile number: the resident adds theirs once, confirmed by an SMS code.
    assert done["Location"] == "/accounts/3rdparty/signup/"
    assert 'name="phone"' in client.get(done["Location"]).content.decode()
    verify = client.post(done["Location"], {"phone": "13800007777"})
    assert verify.status_code == 302 and verify["Location"] == "/accounts/phone/verify/"
    outbox.send_pending()
    code = LocmemSmsBackend.messages[-1].params["code"]
    assert client.post("/accounts/phone/verify/", {"code": code}).status_code == 302
    assert client.get("/my/data/").status_code == 200  # signed in
    account = SocialAccount.objects.get(provider="weixin")
    assert account.user.phone_number.phone == "13800007777"
    assert account.uid in ("oWX1234openid", "oUNION5678")
    assert account.extra_data["nickname"] == "李阿姨"
