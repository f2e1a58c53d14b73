"""Tests for oauth_token: run with `python -m unittest` (standard library only).

Optional groups run when their package is importable, and are skipped otherwise:
property tests (hypothesis), authlib's reading of a stored token, a real authorization
server (oauthlib), a pydantic model, and the README's requests and httpx examples.
Beside `oauth_token.__all__`, the tests use two names: patching `oauth_token.time.time`
fixes "now", and `oauth_token._main(argv)` is the command line, returning its status.
"""

from __future__ import annotations

import ast
import base64
import codeop
import contextlib
import copy
import dataclasses
import doctest
import errno
import functools
import hashlib
import hmac
import importlib.util
import inspect
import io
import json
import logging
import operator
import os
import pickle
import random
import re
import reprlib
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import types
import typing
import unittest
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread
from typing import Any, NamedTuple
from unittest import mock
from urllib.parse import quote

import oauth_token
from oauth_token import (
    REGISTERED_ERROR_CODES,
    AccessTokenError,
    InvalidTokenResponse,
    IssueAccessTokenErrorParams,
    IssueAccessTokenSuccessParams,
    Secret,
    parse_token_response,
)

Token = IssueAccessTokenSuccessParams
ErrorParams = IssueAccessTokenErrorParams
HERE = Path(__file__).resolve().parent
UTC = timezone.utc
NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
NOW_SECONDS = N = int(NOW.timestamp())
FIRST = datetime.min.replace(tzinfo=UTC)
LAST = datetime.max.replace(microsecond=0, tzinfo=UTC)  # the last whole second
END = datetime.max.replace(tzinfo=UTC)
SECOND = timedelta(seconds=1)
PLANTED = "PLANTEDsecretQ9"  # a secret planted in bodies and arguments, never to be shown


# OAUTH_TOKEN_QUICK=1 skips the slow classes (subprocesses, a server, the fuzz):
# mutation testing runs the quick ones first, and everything only for survivors.
QUICK = os.environ.get("OAUTH_TOKEN_QUICK") == "1"
slow = unittest.skipIf(QUICK, "OAUTH_TOKEN_QUICK=1: slow tests left out")

# CPython built for WebAssembly (Pyodide) can start no process, thread or socket:
# the tests that need one are skipped there, and only those.
_EMSCRIPTEN = sys.platform == "emscripten"
needs_processes = unittest.skipIf(_EMSCRIPTEN, "emscripten: no processes")
needs_threads = unittest.skipIf(_EMSCRIPTEN, "emscripten: no threads")
needs_sockets = unittest.skipIf(_EMSCRIPTEN, "emscripten: no sockets")


def at(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def now_is(seconds: float) -> contextlib.AbstractContextManager[object]:
    """Fix the module's "now" at `seconds` after the epoch."""
    return mock.patch.object(oauth_token.time, "time", return_value=seconds)


def body(**members: object) -> bytes:
    return json.dumps(members).encode()


def valid(**members: object) -> bytes:
    """A valid token body, with members added or replaced."""
    return body(**{"access_token": "mF_9.B5f-4.1JqM", "token_type": "Bearer", **members})


def a_token(**members: object) -> dict[str, object]:
    """A token response's members."""
    return {"access_token": "a", **members}


def err(code: object, **members: object) -> dict[str, object]:
    """An error response's members."""
    return {"error": code, **members}


def constructed(kwargs: Mapping[str, object]) -> Token:
    """A token built by its constructor with `kwargs`."""
    return Token(**kwargs)  # type: ignore[arg-type]


def extra_of(extra: Mapping[str, object]) -> Token:
    """A token built with `extra`."""
    return Token("a", extra=extra)


def error_constructed(kwargs: Mapping[str, object]) -> ErrorParams:
    """Error params built by their constructor with `kwargs`."""
    return ErrorParams(**kwargs)  # type: ignore[arg-type]


def error_extra_of(extra: Mapping[str, object]) -> ErrorParams:
    """Error params built with `extra`."""
    return ErrorParams("e", extra=extra)


class Holds(dict):  # type: ignore[type-arg]
    """What a token or error params hold: attributes by name, "extra" as decoded."""


class Answer(Holds):
    """AccessTokenError: its params hold these, and it is `retryable` or not."""


class Refusal(NamedTuple):
    """InvalidTokenResponse naming `field`, retryable or not, its message holding `word`."""

    field: str | None
    retryable: bool
    word: str


def plain(value: object) -> object:
    """An extra member's value as JSON decodes it: tuples as lists, mappings as dicts."""
    if isinstance(value, Mapping):
        return {name: plain(item) for name, item in value.items()}
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    return value


def texts_of(exc: BaseException) -> Iterator[str]:
    """Every text an exception exposes: message, args, attributes, whole chain."""
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield str(current)
        yield repr(current)
        yield from (repr(arg) for arg in current.args)
        yield from (repr(value) for value in vars(current).values())
        for name in ("doc", "object", "msg", "field", "params"):
            if hasattr(current, name):
                yield repr(getattr(current, name))
        yield from (repr(note) for note in getattr(current, "__notes__", ()))
        stack.extend(e for e in (current.__cause__, current.__context__) if e is not None)


# What holds no data of a call: not searched by texts_within.
_CODE_AND_MODULES = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType)
_CODE_AND_MODULES += (types.MethodType, types.CodeType, functools.partial)


def texts_within(value: object) -> Iterator[str]:
    """The repr of `value` and of all it holds, at any depth, and each str or bytes in it:
    what an error reporter could record of a frame's local variable (items, attributes,
    an exception's args, chain, JSONDecodeError.doc, UnicodeError.object). A Secret is
    not opened: its repr is its mask."""
    seen: set[int] = set()
    stack = [value]
    while stack:
        current = stack.pop()
        if id(current) in seen or isinstance(current, _CODE_AND_MODULES):
            continue
        seen.add(id(current))
        if isinstance(current, str):
            yield current
            continue
        if isinstance(current, (bytes, bytearray, memoryview)):
            yield bytes(current).decode("latin-1")
            continue
        yield repr(current)
        if isinstance(current, Secret):
            continue
        if isinstance(current, (Mapping, dict)):
            stack.extend(current.keys())
            stack.extend(current.values())
        elif isinstance(current, (list, tuple, set, frozenset)):
            stack.extend(current)
        if isinstance(current, BaseException):
            stack.extend(current.args)
            stack.extend((current.__cause__, current.__context__))
            stack.extend(getattr(current, name, None) for name in ("doc", "object"))
        stack.extend(getattr(current, "__dict__", {}).values())
        for cls in type(current).__mro__:
            slots = cls.__dict__.get("__slots__", ())
            for slot in (slots,) if isinstance(slots, str) else slots:
                stack.append(getattr(current, slot, None))


def frames_after(traceback: types.TracebackType | None) -> Iterator[types.FrameType]:
    """The frames of `traceback`, past the first (the test's own)."""
    traceback = traceback.tb_next if traceback is not None else None
    while traceback is not None:
        yield traceback.tb_frame
        traceback = traceback.tb_next


# The `field` to pass to assertRejected where the contract does not say which
# member the error names.
ANY_FIELD = object()


class TokenTestCase(unittest.TestCase):
    def assertNoLeak(self, exc: BaseException, *secrets: str) -> None:
        """None of `secrets` in anything `exc` shows, and no exception chained to it."""
        for text in texts_of(exc):
            for secret in secrets:
                self.assertNotIn(secret, text)
        self.assertIsNone(exc.__cause__)
        self.assertIsNone(exc.__context__)

    def assertHolds(self, value: object, expected: Holds) -> None:
        """`value` (a token, error params, or AccessTokenError) holds `expected`."""
        for name, wanted in expected.items():
            if isinstance(value, AccessTokenError) and name != "retryable":
                found = getattr(value.params, name)
            else:
                found = getattr(value, name)
            self.assertEqual(plain(found) if name == "extra" else found, wanted, name)

    def assertRejected(self, data: object, field: object, **options: Any) -> InvalidTokenResponse:
        """Parse `data` with options["parser"] (else Token.from_dict for a mapping, or else
        Token.try_from_bytes) and the other `options`; check the InvalidTokenResponse it
        raises: it names `field` (None: the body as a whole), quoted in its message too,
        shows none of options["secrets"] (default "SECRET") and chains to nothing."""
        default = Token.from_dict if isinstance(data, Mapping) else Token.try_from_bytes
        parser, secrets = options.pop("parser", default), options.pop("secrets", ("SECRET",))
        with self.assertRaises(InvalidTokenResponse) as caught:
            parser(data, **options)
        if field is not ANY_FIELD:
            self.assertEqual(caught.exception.field, field)
        if isinstance(field, str):  # a member is named quoted, as only a name may be
            self.assertIn(f"'{field}': ", str(caught.exception))
        self.assertNoLeak(caught.exception, *secrets)
        return caught.exception


# --- Secret ---------------------------------------------------------------------------------------
class TestSecret(unittest.TestCase):
    def test_every_way_of_showing_it_shows_one_fixed_mask(self):
        shown = set()
        for value in ("hunter2", "", "x" * 1000):
            secret = Secret(value)
            self.assertEqual(repr(secret), "Secret('**********')")
            forms = [str(secret), format(secret), f"{secret}", f"{secret!s}", f"{secret!r}"]
            forms += [f"{secret:>30}", "%s %r" % (secret, secret), "{}".format(secret)]  # noqa: UP031, UP032
            shown.add(tuple(forms))
        self.assertEqual(len(shown), 1)  # neither the value, nor its length, nor its emptiness
        for text in shown.pop():
            self.assertIn("*", text)
            self.assertNotIn("hunter2", text)

    def test_logging_shows_the_mask(self):
        with self.assertLogs("test_oauth_token.secret") as logged:  # formatted as a handler does
            logging.getLogger("test_oauth_token.secret").warning(
                "%s %r", Secret("pw"), Secret("pw")
            )
        self.assertEqual(
            logged.output, ["WARNING:test_oauth_token.secret:********** Secret('**********')"]
        )

    def test_expose_secret_returns_the_value_as_a_plain_str(self):
        class Loud(str):
            def __repr__(self) -> str:
                return "LOUD"

        for given in ("hunter2", Loud("hunter2")):
            value = Secret(given).expose_secret()
            self.assertEqual(value, "hunter2")
            self.assertIs(type(value), str)

    def test_equal_exactly_when_the_values_are_and_hashed_alike_never_as_a_str(self):
        for first, second, equal in (
            ("abc", "abc", True),
            ("abc", "abd", False),
            ("abc", "abcd", False),
            ("pässwörd✓", "pässwörd✓", True),
            ("pässwörd✓", "passwörd✓", False),
            ("\ud800x", "\ud800x", True),  # a lone surrogate, legal in JSON as "\ud800"
            ("\ud800", "\udc00", False),
        ):
            with self.subTest(first=first, second=second):
                self.assertIs(Secret(first) == Secret(second), equal)
                self.assertIs(Secret(first) != Secret(second), not equal)
                self.assertIs(hash(Secret(first)) == hash(Secret(second)), equal)
        self.assertEqual(len({Secret("abc"), Secret("abc"), Secret("x")}), 2)
        self.assertFalse(Secret("abc") == "abc" or Secret("abc") == "abc")  # never a plain str
        self.assertNotEqual(hash(Secret("abc")), hash("abc"))

    def test_equality_is_hmac_compare_digest_of_the_utf8_bytes(self):
        with mock.patch("hmac.compare_digest", return_value=True) as compare:
            self.assertEqual(Secret("a"), Secret("b"))
        compare.assert_called_once_with(b"a", b"b")
        with mock.patch("hmac.compare_digest", wraps=hmac.compare_digest) as compare:
            self.assertNotEqual(Secret("pässwörd"), Secret("passwörd"))
        compare.assert_called_once_with("pässwörd".encode(), "passwörd".encode())

    def test_has_no_dict_no_len_no_iteration_no_indexing_and_is_truthy_even_when_empty(self):
        secret = Secret("abc")
        self.assertFalse(hasattr(secret, "__dict__"))
        for peek in (vars, len, iter, lambda value: value[0]):
            with self.assertRaises(TypeError):
                peek(secret)
        self.assertTrue(Secret(""))

    def test_json_dumps_refuses_it_without_the_value(self):
        with self.assertRaises(TypeError) as caught:
            json.dumps({"token": Secret("hunter2")})
        self.assertNotIn("hunter2", str(caught.exception))

    def test_cannot_be_changed_once_made(self):
        # A token checks its access token once: a Secret changed afterwards would put
        # CR LF into the Authorization header the token builds.
        secret = Secret("good")
        token = Token(secret, issued_at=NOW)
        forged = "good\r\nX-Injected: 1"
        for other in (forged, "good"):  # the same value too: a second __init__ is refused
            with self.subTest(other=other), self.assertRaises(dataclasses.FrozenInstanceError):
                secret.__init__(other)  # type: ignore[misc]
        for name in {*dir(secret), "value", "new_attribute"}:
            with self.subTest(name=name):
                with self.assertRaises(dataclasses.FrozenInstanceError):
                    setattr(secret, name, forged)
                with self.assertRaises(dataclasses.FrozenInstanceError):
                    delattr(secret, name)
        self.assertEqual(secret.expose_secret(), "good")
        self.assertEqual(token.authorization_header(), "Bearer good")


# --- Fixtures: the RFC's examples and real providers' documented responses ------------------------
# RFC 6749 sections 4.1.4 and 5.1 (the same response), 4.4.3 (client credentials: no refresh
# token) and 5.2
RFC_5_1 = b'{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,'
RFC_5_1 += b'"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA","example_parameter":"example_value"}'
RFC_4_4_3 = RFC_5_1.replace(b'"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA",', b"")
RFC_5_2 = b'{"error":"invalid_request"}'

SLACK_USER = {"id": "U1234", "scope": "chat:write", "token_type": "user"}
SLACK_USER["access_token"] = Secret("xoxp-1234")

# One entry a provider: its documentation's URL; its body; its content type, and what the
# token holds ("extra_keys": some of the extra members, "extra": some with their values).
# fmt: off
PROVIDERS: dict[str, tuple[str, bytes, str | None, dict[str, object]]] = {
    "google": ("https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code",
        b'{"access_token": "1/fFAGRNJru1FTz70BzhT3Zg", "expires_in": 3920, "token_type": "Bearer", "scope": "https://www.googleapis.com/auth/drive.metadata.readonly", "refresh_token": "1//xEoDL4iW3cxlI7yDbSRFYNG01kVKM2C-259HOF2aQbI"}',
        "application/json; charset=utf-8", {"expires_in": 3920, "scopes": ("https://www.googleapis.com/auth/drive.metadata.readonly",)}),
    "google_openid": ("https://developers.google.com/identity/openid-connect/openid-connect#exchangecode",
        b'{"access_token": "ya29.a0AfH6SMBx", "expires_in": 3599, "token_type": "Bearer", "scope": "openid https://www.googleapis.com/auth/userinfo.email", "id_token": "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJhY2NvdW50cy5nb29nbGUuY29tIn0.c2ln"}',
        "application/json", {"extra_keys": ("id_token",)}),
    "github_json": ("https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps",
        b'{"access_token":"gho_16C7e42F292c6912E7710c838347Ae178B4a", "scope":"repo,gist", "token_type":"bearer"}',
        "application/json", {"scopes": ("repo,gist",), "is_bearer": True, "auth_scheme": "Bearer"}),
    "github_form": ("https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps",
        b"access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a&scope=repo%2Cgist&token_type=bearer",
        "application/x-www-form-urlencoded; charset=utf-8", {"scope": "repo,gist", "token_type": "bearer"}),
    "github_app_user": ("https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens",
        b'{"access_token":"ghu_16C7e42F292c6912E7710c838347Ae178B4a","expires_in":28800,"refresh_token":"ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498","refresh_token_expires_in":15811200,"scope":"","token_type":"bearer"}',
        "application/json", {"scope": None, "expires_in": 28800, "extra_keys": ("refresh_token_expires_in",)}),
    "microsoft_v2": ("https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#successful-response-2",
        b'{"token_type": "Bearer", "scope": "user.read%20Fmail.read", "expires_in": 3599, "ext_expires_in": 3599, "access_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6Ik5HVEZ2ZEstZnl0aEV1Q", "refresh_token": "AwABAAAAvPM1KaPlrEqdFSBzjqfTGAMxZGUTdM0t4B4", "id_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhdWQiOiIyZDRkMTFhMi1mODE0LTQ2YTctOD"}',
        "application/json; charset=utf-8", {"expires_in": 3599, "extra_keys": ("ext_expires_in", "id_token")}),
    "azure_ad_v1": ("https://learn.microsoft.com/en-us/previous-versions/azure/active-directory/azuread-dev/v1-protocols-oauth-code",
        b'{"access_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6Ik5HVEZ2ZEstZnl0aEV1Q", "token_type": "Bearer", "expires_in": "3600", "expires_on": "1388444763", "resource": "https://service.contoso.com/", "refresh_token": "AwABAAAAvPM1KaPlrEqdFSBzjqfTGAMxZGUTdM0t4B4", "scope": "https%3A%2F%2Fgraph.microsoft.com%2Fmail.read", "id_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhdWQiOiIyZDRkMTFhMi1mODE0LTQ2YTctOD"}',
        "application/json", {"expires_in": 3600}),
    "facebook": ("https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#confirm",
        b'{"access_token": "EAABwzLixnjYBAFZCZA", "token_type": "bearer", "expires_in": 5183944}',
        "application/json", {"expires_in": 5183944}),
    "slack": ("https://api.slack.com/methods/oauth.v2.access",
        b'{"ok": true, "access_token": "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy", "token_type": "bot", "scope": "commands,incoming-webhook", "bot_user_id": "U0KRQLJ9H", "app_id": "A0KRD7HC3", "team": {"name": "Slack Softball Team", "id": "T9TK3CUKW"}, "enterprise": {"name": "slack-sports", "id": "E12345678"}, "authed_user": {"id": "U1234", "scope": "chat:write", "access_token": "xoxp-1234", "token_type": "user"}}',
        "application/json; charset=utf-8", {"token_type": "bot", "auth_scheme": "bot", "is_bearer": False, "extra": {"authed_user": SLACK_USER}}),
    "twitch_client_credentials": ("https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#client-credentials-grant-flow",
        b'{"access_token": "jostpf5q0uzmxmkba9iyug38kjtgh", "expires_in": 5011271, "token_type": "bearer"}',
        "application/json", {"expires_in": 5011271}),
    "twitch_authorization_code": ("https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#authorization-code-grant-flow",
        b'{"access_token": "rfx2uswqe8l4g1mkagrvg5tv0ks3", "expires_in": 14124, "refresh_token": "5b93chm6hdve3mycz05zfzatkfdenfspp1h1ar2xxdalen01", "scope": ["channel:moderate", "chat:edit", "chat:read"], "token_type": "bearer"}',
        "application/json", {"scope": "channel:moderate chat:edit chat:read"}),
    "linkedin": ("https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow#step-3-exchange-authorization-code-for-an-access-token",
        b'{"access_token":"AQUvlL_DYEzvT2wz1QJiEPeLioeA","expires_in":5184000,"refresh_token":"AQWAft_WjYZKwuWXLC5hQlghgTam","refresh_token_expires_in":525600000,"scope":"r_basicprofile"}',
        "application/json", {"token_type": "Bearer", "expires_in": 5184000}),
    "salesforce": ("https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm",
        b'{"access_token":"00Dxx0000001gPL!AR8AQJXg5oj8jXSgxJfA0lBog.39AsX.LVpxezPwuX5VAIrrbbHMuol7GQxnMeYMN7cj8EoWr78nt1u44zU31IbYNNJguseu","refresh_token":"5Aep861TSESvWeug_wHqvFVePrOMjj7CUZd_fA5fNXx1nWdN07MItGUo2z5XqhkNJw8GHB5tPvFpzAgyJ8anMdy","signature":"SSSbLO/gBhmmyNUvN18ODBDFYHzakxOMgqYtu+hDPsc=","scope":"refresh_token full","instance_url":"https://yourInstance.salesforce.com","id":"https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS","token_type":"Bearer","issued_at":"1278448101416"}',
        "application/json", {"scopes": ("refresh_token", "full"), "expires_in": None, "issued_at": at(1278448101)}),
    "dropbox": ("https://www.dropbox.com/developers/documentation/http/documentation#oauth2-token",
        b'{"access_token": "sl.AbX9y6Fe3AuH5o66-gmJpR032jwAwQPIVVzWXZNkdzcYT02akC2de219dZi6gxYPVnYPrpvISRSf9lxKWJzYLjtMPH-d9fo_0gXex7X37VIvpty4-G8f4-WX45AcEPfRnJJDwzv-", "expires_in": 14400, "token_type": "bearer", "scope": "account_info.read files.content.read files.content.write files.metadata.read", "account_id": "dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc", "uid": "12345"}',
        "application/json", {"scopes": ("account_info.read", "files.content.read", "files.content.write", "files.metadata.read")}),
    "spotify": ("https://developer.spotify.com/documentation/web-api/tutorials/code-flow",
        b'{"access_token": "NgCXRK...MzYjw", "token_type": "Bearer", "scope": "user-read-private user-read-email", "expires_in": 3600, "refresh_token": "NgAagA...Um_SHo"}',
        "application/json", {"scopes": ("user-read-private", "user-read-email")}),
    "discord": ("https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-access-token-response",
        b'{"access_token": "6qrZcUqja7812RVdnEKjpzOL4CvHBFG", "token_type": "Bearer", "expires_in": 604800, "refresh_token": "D43f5y0ahjqew82jZ4NViEr2YafMKhue", "scope": "identify"}',
        "application/json", {"expires_in": 604800}),
    "strava": ("https://developers.strava.com/docs/authentication/#tokenexchange",
        b'{"token_type": "Bearer", "expires_at": 1568775134, "expires_in": 21600, "refresh_token": "e5n567567", "access_token": "a4b945687g", "athlete": {"id": 1234567890987654321, "username": "MeowTheCat"}}',
        "application/json", {"extra_keys": ("athlete",), "expires_at": at(1568775134), "issued_at": at(1568775134 - 21600)}),
    "okta": ("https://developer.okta.com/docs/guides/implement-grant-type/authcode/main/#exchange-the-code-for-tokens",
        b'{"token_type": "Bearer", "expires_in": 3600, "access_token": "eyJraWQiOiJ", "scope": "openid offline_access", "refresh_token": "a9VpZDRCeFh3Nkk2VdYa", "id_token": "eyJraWQiOiJ"}',
        "application/json", {"scopes": ("openid", "offline_access")}),
    "auth0": ("https://auth0.com/docs/get-started/authentication-and-authorization-flow/authorization-code-flow/call-your-api-using-the-authorization-code-flow#response",
        b'{"access_token":"eyJz93a...k4laUWw","refresh_token":"GEbRxBN...edjnXbL","id_token":"eyJ0XAi...4faeEoQ","token_type":"Bearer","expires_in":86400}',
        "application/json", {"expires_in": 86400}),
    "keycloak": ("https://www.keycloak.org/docs/latest/securing_apps/#_token-exchange",
        b'{"access_token":"eyJhbGciOiJSUzI1NiJ9","expires_in":300,"refresh_expires_in":1800,"refresh_token":"eyJhbGciOiJIUzI1NiJ9","token_type":"Bearer","not-before-policy":0,"session_state":"3d6ec3bb-2da5-4c82-8b49-7b6ac5a3cc17","scope":"profile email"}',
        "application/json", {"expires_in": 300}),
    "amazon": ("https://developer.amazon.com/docs/login-with-amazon/authorization-code-grant.html#access-token-response",
        b'{"access_token":"Atza|IQEBLjAsAhRmHjNgHpi0U-Dme37rR6CuUpSR","token_type":"bearer","expires_in":3600,"refresh_token":"Atzr|IQEBLzAtAhRPpMJxdwVz2Nn6f2y-tpJX2DeX"}',
        "application/json;charset=UTF-8", {"expires_in": 3600}),
    "zoom": ("https://developers.zoom.us/docs/integrations/oauth/#step-2-request-access-token",
        b'{"access_token": "eyJhbGciOiJIUzUxMiIsInYiOiIyLjAiLCJraWQiOiI8S0lEPiJ9", "token_type": "bearer", "refresh_token": "eyJhbGciOiJIUzUxMiIsInYiOiIyLjAiLCJraWQiOiI8S0lEPiJ9", "expires_in": 3599, "scope": "user:read:admin"}',
        "application/json", {"scopes": ("user:read:admin",)}),
    "x_twitter": ("https://developer.x.com/en/docs/authentication/oauth-2-0/user-access-token",
        b'{"token_type":"bearer","expires_in":7200,"access_token":"VGNibzFWSWREZm01bjN1N3dicWlNUG1oa2xRRVNNdmVHelJGY2hPWGxNd2dxOjE2MjIxNjA4MjU4MjU6MToxOmF0OjE","scope":"tweet.read users.read"}',
        "application/json", {"expires_in": 7200}),
    "box": ("https://developer.box.com/reference/resources/access-token/",
        b'{"access_token": "c3FIOG9vSGV4VHz8QiNgKM3LqYJhHZr4", "expires_in": 3600, "restricted_to": [], "token_type": "bearer", "refresh_token": "c3FIOG9vSGV4VHz8QiNgKM3LqYJhHZr4"}',
        "application/json", {"extra_keys": ("restricted_to",)}),
    "yahoo": ("https://developer.yahoo.com/oauth2/guide/flows_authcode/#step-5-exchange-authorization-code-for-access-token",
        b'{"access_token":"Jzxbkqqcvjqik2IMxGFEE1cuaos--","token_type":"bearer","expires_in":3600,"refresh_token":"AOiRUlJn_qOmByVGTmUpwcMKW3XDcipToOoHx2wRoyLgJC_RFlA-","xoauth_yahoo_guid":"JT4FACLQZI2OCE"}',
        "application/json", {"expires_in": 3600}),
    "shopify": ("https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant",
        b'{"access_token": "f85632530bf277ec9ac6f649fc327f17", "scope": "write_orders,read_customers"}',
        "application/json", {"token_type": "Bearer", "expires_in": None}),
    "stripe_connect": ("https://docs.stripe.com/connect/oauth-reference#post-token-response",
        b'{"access_token": "sk_test_Dur3X2cOCwyjlf9Nr7OCf3qO", "livemode": false, "refresh_token": "rt_Ekmpfd9gkTcFYfNYIQnK0eb4RydMWlHSVn7BI9HjFqxM3E1v", "token_type": "bearer", "stripe_publishable_key": "pk_test_TYooMQauvdEDq54NiTphI7jx", "stripe_user_id": "acct_1032D82eZvKYlo2C", "scope": "read_write"}',
        "application/json", {"extra_keys": ("livemode", "stripe_publishable_key", "stripe_user_id")}),
    "apple": ("https://developer.apple.com/documentation/sign_in_with_apple/tokenresponse",
        b'{"access_token": "adg61.67Or9", "token_type": "Bearer", "expires_in": 3600, "refresh_token": "rca7.lABoQ", "id_token": "eyJra.96sZg"}',
        "application/json", {"expires_in": 3600}),
    "notion": ("https://developers.notion.com/docs/authorization#step-4-notion-responds-with-an-access_token-and-some-additional-information",
        b'{"access_token": "e202e8c9-0990-40af-855f-ff8f872b1ec6c", "token_type": "bearer", "bot_id": "b3414d659-1224-5ty7-6ffr-cc9d8773drt601288f", "duplicated_template_id": null, "owner": {"workspace": true}, "workspace_icon": "https://website.domain/images/image.png", "workspace_id": "j565j4d7x3-2882-61bs-564a-jj9d9ui-c36hxfr7x", "workspace_name": "Ada\'s Notion Workspace"}',
        "application/json", {"expires_in": None}),
    "mailchimp": ("https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/",
        b'{"access_token":"5c6ccc561059aa386da9d112215bae55","expires_in":0,"scope":null}',
        "application/json", {"expires_in": 0, "scope": None}),
    "fitbit": ("https://dev.fitbit.com/build/reference/web-api/authorization/oauth2-token/",
        b'{"access_token": "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiIyMkJIV1YiLCJzdWIiOiJHR05KTDkifQ.c2ln", "expires_in": 28800, "refresh_token": "c643a63c072f0f05478e9d18b991db80ef6061e4f8e6c822d83fed53e5fafdd7", "scope": "social nutrition profile settings sleep activity weight heartrate location", "token_type": "Bearer", "user_id": "GGNJL9"}',
        "application/json", {"expires_in": 28800}),
    "intuit_quickbooks": ("https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0#exchange-code-for-refresh-and-access-tokens",
        b'{"token_type": "bearer", "expires_in": 3600, "refresh_token":"Q311488394272qbajGfLBwGmVsbF6VoNpUKaIO5oL49aXLVJUB", "x_refresh_token_expires_in":15551893, "access_token":"eJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0"}',
        "application/json", {"expires_in": 3600}),
    "heroku": ("https://devcenter.heroku.com/articles/oauth#token-exchange",
        b'{"access_token":"01234567-89ab-cdef-0123-456789abcdef","expires_in":28799,"refresh_token":"01234567-89ab-cdef-0123-456789abcdef","token_type":"Bearer","user_id":"01234567-89ab-cdef-0123-456789abcdef","session_nonce":"2bf3ec81-01f9-4ea3-a1ac-ea2d2f6f3bba"}',
        "application/json", {"expires_in": 28799}),
    "gitlab": ("https://docs.gitlab.com/api/oauth2/#authorization-code-with-proof-key-for-code-exchange-pkce",
        b'{"access_token": "de6780bc506a0446309bd9362820ba8aed28aa506c71eedbe1c5c4f9dd350e54", "token_type": "bearer", "expires_in": 7200, "refresh_token": "8257e65c97202ed1726cf9571600918f3bffb2544b26e00a61df9897668c33a1", "created_at": 1607635748}',
        "application/json", {"extra": {"created_at": 1607635748}}),
    "bitbucket": ("https://developer.atlassian.com/cloud/bitbucket/oauth-2/",
        b'{"access_token": "ZbYJ4rp3Tz5gUZq2", "scopes": "repository", "expires_in": 7200, "refresh_token": "fmSB8QuKVbHkkk2hM3", "token_type": "bearer"}',
        "application/json", {"extra_keys": ("scopes",)}),
}
# fmt: on


class TestRfcExamples(unittest.TestCase):
    def test_section_5_1_example_is_a_token(self):
        fields = dataclasses.astuple(Token.try_from_bytes(RFC_5_1, issued_at=NOW))
        secrets = (Secret("2YotnFZFEjr1zCsicMWpAA"), Secret("tGzv3JOkF0XG5Qx2TlKWIA"))
        extra = {"example_parameter": "example_value"}
        self.assertEqual(fields, (secrets[0], "example", 3600, secrets[1], None, NOW, extra))

    def test_section_5_1_example_passes_strict_validation(self):
        self.assertEqual(Token.try_from_bytes(RFC_5_1, strict=True).token_type, "example")

    def test_section_4_4_3_client_credentials_has_no_refresh_token(self):
        token = Token.try_from_bytes(RFC_4_4_3, strict=True)
        self.assertIsNone(token.refresh_token)

    def test_section_5_2_example_is_an_error(self):
        params = IssueAccessTokenErrorParams.try_from_bytes(RFC_5_2, strict=True)
        self.assertEqual(params.error, "invalid_request")
        self.assertIsNone(params.error_description)
        with self.assertRaises(AccessTokenError) as caught:
            parse_token_response(RFC_5_2, status=400, content_type="application/json")
        self.assertEqual(caught.exception.params, params)


class TestProviderResponses(TokenTestCase):
    def test_at_least_25_providers_are_covered(self):
        self.assertGreaterEqual(len({name.split("_")[0] for name in PROVIDERS}), 25)

    def test_every_documented_response_is_read_as_its_documentation_says(self):
        for name, (_url, raw, content_type, expected) in PROVIDERS.items():
            with self.subTest(provider=name):
                token = parse_token_response(raw, content_type=content_type)
                for attribute, value in expected.items():
                    if attribute == "extra_keys":
                        self.assertLessEqual(set(value), set(token.extra))  # type: ignore[arg-type]
                    elif attribute == "extra":
                        held = plain(token.extra)
                        self.assertEqual({key: held[key] for key in value}, value)  # type: ignore[attr-defined]
                    else:
                        self.assertEqual(getattr(token, attribute), value)
                self.assertFalse({"issued_at", "expires_at"} & token.extra.keys())

    def test_every_documented_response_survives_a_storage_round_trip(self):
        for name, (_url, raw, content_type, _expected) in PROVIDERS.items():
            with self.subTest(provider=name):
                token = parse_token_response(raw, content_type=content_type, issued_at=NOW)
                self.assertEqual(Token.try_from_bytes(token.to_json()), token)

    def test_no_documented_secret_shows_in_a_repr(self):
        for name, (_url, raw, content_type, _expected) in PROVIDERS.items():
            with self.subTest(provider=name):
                token = parse_token_response(raw, content_type=content_type)
                for secret in (token.access_token, token.refresh_token, token.id_token):
                    if secret is not None:
                        self.assertNotIn(secret.expose_secret(), repr(token) + str(token))

    def test_strict_mode_rejects_what_only_lenient_accepts(self):
        for name, field in (
            ("azure_ad_v1", "expires_in"),  # a digit string
            ("twitch_authorization_code", "scope"),  # an array
            ("linkedin", "token_type"),  # missing
            ("shopify", "token_type"),
        ):
            with self.subTest(provider=name):
                _url, raw, content_type, _expected = PROVIDERS[name]
                parse = functools.partial(parse_token_response, content_type=content_type)
                self.assertRejected(raw, field, parser=parse, strict=True)

    def test_strict_mode_accepts_the_providers_that_follow_the_rfc(self):
        to_the_letter = ("google", "github_json", "github_form", "discord", "okta", "keycloak")
        for name in (*to_the_letter, "amazon"):
            with self.subTest(provider=name):
                _url, raw, content_type, _expected = PROVIDERS[name]
                token = parse_token_response(raw, content_type=content_type, strict=True)
                self.assertIsInstance(token, Token)

    def test_id_tokens_are_secrets(self):
        for name in ("google_openid", "microsoft_v2", "okta", "auth0", "apple"):
            with self.subTest(provider=name):
                token = Token.try_from_bytes(PROVIDERS[name][1])
                self.assertIs(type(token.extra["id_token"]), Secret)
                self.assertIs(token.id_token, token.extra["id_token"])


# --- Validation: the contract's table (RFC 6749 section 5.1, Appendix A), as data -----------------
LENIENT = (False,)
STRICT = (True,)
BOTH = (False, True)


# The outcomes of a row that are not the value the token holds (compared by identity)
REJECTED = object()  # InvalidTokenResponse naming the member
NOT_JSON = object()  # InvalidTokenResponse naming the member or the body
OMITTED = object()  # treated as omitted
IN_EXTRA = object()  # not used, kept in extra as decoded
MISSING = object()  # a value: the member is not sent at all


class Raw(NamedTuple):
    """The member's value as JSON text, sent as it is: raw bytes, NaN, 1e999."""

    text: bytes


class Twice(NamedTuple):
    """The member sent twice, with these values."""

    first: object
    second: object


class Form(NamedTuple):
    """The member's value in an application/x-www-form-urlencoded body."""

    text: str


class Decoded(NamedTuple):
    """The member's value handed to from_dict: values that JSON cannot carry."""

    value: object


VSCHARS = "".join(chr(c) for c in range(0x20, 0x7F))  # %x20-7E
NQCHARS = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '"\\')
CAFE = Raw('"caf\u00e9"'.encode())  # non-ASCII sent raw, as UTF-8: json.dumps would escape it
RAW_DEL = Raw(b'"a\x7fb"')

SECRET_FIELDS = ("access_token", "refresh_token")
OPTIONAL_FIELDS = ("expires_in", "refresh_token", "scope")

# (member, value, modes, outcome): an outcome that is none of the four above is the value
# the token holds (a secret's exposed value), in the contract's row order.
# fmt: off
VALIDATION: list[tuple[str, object, tuple[bool, ...], object]] = [
    # access_token: required, 1 or more VSCHAR (%x20-7E); same when strict
    ("access_token", VSCHARS, BOTH, VSCHARS),
    ("access_token", " ", BOTH, " "),  # %x20, the first VSCHAR
    ("access_token", "~", BOTH, "~"),  # %x7E, the last
    *(("access_token", value, BOTH, REJECTED) for value in (MISSING, None, "", "a\x00b", "a\x1fb")),
    *(("access_token", value, BOTH, REJECTED) for value in ("a\tb", "a\nb", "a\x7fb", "a\x85b")),
    *(("access_token", value, BOTH, REJECTED) for value in ("tök", "a\u2028b", CAFE, RAW_DEL)),
    *(("access_token", value, BOTH, REJECTED) for value in (123, 1.5, True, [], {})),
    # token_type: lenient, missing, null or "" is "Bearer", else no control
    # characters; strict, required, 1*( ALPHA / DIGIT / "-" / "." / "_" )
    *(("token_type", value, LENIENT, "Bearer") for value in (MISSING, None, "")),
    *(("token_type", value, STRICT, REJECTED) for value in (MISSING, None, "")),
    *(("token_type", value, BOTH, value) for value in ("Bearer", "bearer", "bEaReR", "DPoP")),
    *(("token_type", value, BOTH, value) for value in ("N_A", "mac-1.0")),  # kept as sent
    *(("token_type", value, LENIENT, value) for value in ("Bearer token", "MAC/1", "a/b", "é")),
    *(("token_type", value, LENIENT, value) for value in ("Jeton porteur é", "a:b")),
    ("token_type", "a\xa0", LENIENT, "a\xa0"),  # U+00A0, just past C1
    *(("token_type", value, STRICT, REJECTED) for value in ("Bearer token", "a/b", "é", "a:b")),
    ("token_type", "Bearer\r\nX", BOTH, REJECTED),
    *(("token_type", value, BOTH, REJECTED) for value in ("a\x00", "a\x1f")),  # C0
    *(("token_type", value, BOTH, REJECTED) for value in ("a\x7f", "a\x80", "a\x9f")),  # DEL, C1
    ("token_type", 1, BOTH, REJECTED),
    # expires_in: integer 0 to 2**63-1; lenient, also an ASCII digit string or a
    # float (floored); strict, a JSON integer only
    *(("expires_in", value, BOTH, value) for value in (0, 1, 3600, 2**63 - 1)),
    ("expires_in", -1, BOTH, REJECTED),
    ("expires_in", 2**63, BOTH, REJECTED),
    ("expires_in", "3600", LENIENT, 3600),
    ("expires_in", "0003600", LENIENT, 3600),
    ("expires_in", str(2**63 - 1), LENIENT, 2**63 - 1),
    *(("expires_in", value, LENIENT, REJECTED) for value in (str(2**63), "9" * 21, "1" + "0" * 4000)),
    ("expires_in", 3600.9, LENIENT, 3600),
    ("expires_in", 1e3, LENIENT, 1000),
    *(("expires_in", value, STRICT, REJECTED) for value in ("3600", 3600.5, 3600.0)),
    ("expires_in", Form("3600"), BOTH, 3600),  # in a form, a digit string is the integer
    ("expires_in", Decoded("3600"), LENIENT, 3600),  # from_dict reads JSON, not a form
    ("expires_in", Decoded("3600"), STRICT, REJECTED),
    *(
        ("expires_in", digits, BOTH, REJECTED)  # ASCII 0-9 only
        for digits in (" 3600", "3600 ", "+3600", "-1", "3_600", "３６００", "٣٦٠٠", "36.5", "1e3")
    ),  # ASCII 0-9 only
    *(("expires_in", value, BOTH, REJECTED) for value in ("soon", [], {})),
    # refresh_token: 1 or more VSCHAR, held as a Secret
    ("refresh_token", "r e~f!", BOTH, "r e~f!"),
    ("refresh_token", VSCHARS, BOTH, VSCHARS),
    *(("refresh_token", value, BOTH, REJECTED) for value in ("a\nb", "a\x7fb", CAFE, RAW_DEL)),
    *(("refresh_token", value, BOTH, REJECTED) for value in (5, ["x"])),
    # scope: scope-tokens of NQCHAR (%x21 / %x23-5B / %x5D-7E) delimited by one
    # space; lenient, also extra spaces and a JSON array of scope-tokens
    ("scope", "read write:all a,b", BOTH, "read write:all a,b"),
    ("scope", NQCHARS, BOTH, NQCHARS),
    *(("scope", value, BOTH, REJECTED) for value in ('a"b', "a\\b", "a\tb", "a\nb", "a\x7fb", "é")),
    *(("scope", value, BOTH, REJECTED) for value in (CAFE, RAW_DEL, "   ", 1, {"a": 1}, True)),
    ("scope", Raw(b'"a\\"b"'), BOTH, REJECTED),  # an escaped quote is still a quote
    ("scope", " read  write ", LENIENT, " read  write "),  # kept as sent
    *(("scope", value, STRICT, REJECTED) for value in (" read", "read ", "read  write", ["read"], [])),
    ("scope", ["user:read", "chat:edit"], LENIENT, "user:read chat:edit"),
    ("scope", [], LENIENT, OMITTED),
    *(("scope", value, LENIENT, REJECTED) for value in (["a b"], [1], ["ok", None], [""], ['a"'])),
    # issued_at and expires_at in the body: lenient, a wrong type is not used and
    # stays in extra; strict, it is rejected
    *(("issued_at", value, LENIENT, IN_EXTRA) for value in (True, "yesterday", [1], {"a": 1})),
    ("issued_at", "2026-01-02T03:04:05Z", LENIENT, IN_EXTRA),  # Square's and Docker's
    *(("issued_at", value, STRICT, REJECTED) for value in (True, "yesterday", [1])),
    ("issued_at", "2026-01-02T03:04:05Z", STRICT, REJECTED),
    ("issued_at", "1" + "0" * 64, LENIENT, REJECTED),  # more than 64 digits
    *(("expires_at", value, LENIENT, IN_EXTRA) for value in (False, "tomorrow")),
    *(("expires_at", value, STRICT, REJECTED) for value in (False, "tomorrow")),
    # null or "" for an optional member: omitted, in both modes
    *((name, value, BOTH, OMITTED) for name in OPTIONAL_FIELDS for value in (None, "")),
    *((name, value, BOTH, OMITTED) for name in ("issued_at", "expires_at") for value in (None, "")),
    # any member twice: rejected, in both modes
    ("expires_in", Twice(1, 2), BOTH, REJECTED),
    ("access_token", Twice("a", "a"), BOTH, REJECTED),  # even with equal values
    ("scope", Twice("a", "b"), BOTH, REJECTED),
    ("other", Twice(1, 2), BOTH, REJECTED),
    # booleans for numbers, NaN, Infinity: rejected, in both modes (1e999: infinity)
    *(("expires_in", value, BOTH, REJECTED) for value in (True, False)),
    *(("expires_in", Raw(text), BOTH, NOT_JSON) for text in (b"NaN", b"Infinity", b"-Infinity")),
    ("expires_in", Raw(b"1e999"), BOTH, NOT_JSON),
    *(("expires_in", Decoded(value), BOTH, REJECTED) for value in (float("nan"), float("inf"))),
    ("other", Raw(b"[1, NaN]"), BOTH, NOT_JSON),
]
# fmt: on

PLACEHOLDER = "\x00member value\x00"


def row_request(member: str, value: object) -> tuple[object, Callable[..., Token]]:
    """The body that sends `member` as `value` beside a valid token, and its parser."""
    members: dict[str, object] = {"access_token": "mF_9.B5f-4.1JqM", "token_type": "Bearer"}
    if isinstance(value, Form):
        members[member] = PLACEHOLDER
        form = "&".join(f"{name}={text}" for name, text in members.items())
        return form.replace(PLACEHOLDER, value.text), Token.try_from_form
    if isinstance(value, Decoded):
        return {**members, member: value.value}, Token.from_dict
    if value is MISSING:
        del members[member]
        return json.dumps(members).encode(), Token.try_from_bytes
    if not isinstance(value, (Raw, Twice)):
        members[member] = value
        return json.dumps(members).encode(), Token.try_from_bytes
    members[member] = PLACEHOLDER
    text = json.dumps(members).encode()
    if isinstance(value, Twice):
        first, second = (json.dumps(v).encode() for v in (value.first, value.second))
        raw = first + b", " + json.dumps(member).encode() + b": " + second
    else:
        raw = value.text
    return text.replace(json.dumps(PLACEHOLDER).encode(), raw), Token.try_from_bytes


class TestValidationTable(TokenTestCase):
    def test_every_row_of_the_table_holds(self):
        for member, value, modes, outcome in VALIDATION:
            for strict in modes:
                with self.subTest(member=member, value=reprlib.repr(value), strict=strict):
                    self.assertRowHolds(member, value, strict, outcome)

    def assertRowHolds(self, member: str, value: object, strict: bool, outcome: object) -> None:
        data, parser = row_request(member, value)
        if outcome is REJECTED:
            self.assertRejected(data, member, parser=parser, strict=strict)
            return
        if outcome is NOT_JSON:
            error = self.assertRejected(data, ANY_FIELD, parser=parser, strict=strict)
            self.assertIn(error.field, (None, member))
            return
        with now_is(NOW_SECONDS + 0.5):
            token = parser(data, strict=strict)
        if outcome is IN_EXTRA:
            self.assertEqual((token.issued_at, token.expires_in), (NOW, None))
            for kept in (token, parser(data, strict=strict, issued_at=NOW)):
                self.assertEqual(plain(kept.extra[member]), value)
                self.assertIs(type(plain(kept.extra[member])), type(value))
        elif outcome is OMITTED:
            self.assertNotIn(member, token.extra)
            if member in OPTIONAL_FIELDS:
                self.assertIsNone(getattr(token, member))
            else:  # a time of the token: now is used
                self.assertEqual((token.issued_at, token.expires_in), (NOW, None))
        else:
            held = getattr(token, member)
            if member in SECRET_FIELDS:
                self.assertIsInstance(held, Secret)
                held = held.expose_secret()
            self.assertEqual(held, outcome)
            self.assertIs(type(held), type(outcome))
            self.assertNotIn(member, token.extra)


# --- Expiry ---------------------------------------------------------------------------------------
def token_at(expires_in: int | None, start: datetime = NOW, **members: object) -> Token:
    return Token.try_from_bytes(valid(expires_in=expires_in, **members), issued_at=start)


DEFAULT = object()  # no leeway given: 60 s


class Clock(float):
    """No `now` given: the clock reads NOW plus this many seconds."""


def called(method: Callable[..., Any], now: object, **kwargs: object) -> Any:
    """`method(now=...)`, `now` being seconds after NOW, a datetime, or a Clock."""
    if isinstance(now, Clock):
        with now_is(NOW_SECONDS + now):
            return method(**kwargs)
    return method(now=now if isinstance(now, datetime) else NOW + now * SECOND, **kwargs)


# (issued_at, expires_in, expires_at): issued_at + expires_in, saturating at datetime.max.
EXPIRES_AT = [
    (NOW, 3600, NOW + timedelta(hours=1)),
    (NOW, None, None),
    (LAST - 60 * SECOND, 60, LAST),  # reaching the last whole second: not saturated
    (at(0), 253402300799, LAST),
    (at(0), 253402300800, END),  # one second further: saturated
    (NOW, 2**63 - 1, END),
]

# (expires_in, now, remaining): a token issued at NOW, asked at `now` (as for `called`).
REMAINING = [
    (60, 0, 60 * SECOND),
    (60, 59.5, 0.5 * SECOND),
    (60, 86400, timedelta(0)),  # never negative
    (60, Clock(10.25), 49.75 * SECOND),
    (None, 0, None),
    (60, FIRST, NOW + 60 * SECOND - FIRST),
    (60, END, timedelta(0)),
    (2**63 - 1, FIRST, END - FIRST),
    (2**63 - 1, LAST, timedelta(microseconds=999999)),
    (2**63 - 1, END, timedelta(0)),
]

# (lifetime, syncs, now, leeway, expired): a token of `lifetime` seconds issued at NOW,
# synced at each of `syncs` (seconds after NOW), asked at `now` (as for `called`) with
# `leeway`. The leeway used is at most half the lifetime the token was built with.
EXPIRED = [
    (3600, (), 3539, DEFAULT, False),  # the default leeway is 60 s
    (3600, (), 3540, DEFAULT, True),
    (3600, (), Clock(3539), 60, False),
    (3600, (), Clock(3540), 60, True),
    (3600, (), Clock(3599), 0, False),
    (3600, (), Clock(3600), 0, True),
    (3600, (), Clock(7200), 0, True),  # long past
    (None, (), END, DEFAULT, False),  # never without expires_in
    (None, (), Clock(10**9), 0, False),
    (59, (), 0, DEFAULT, False),  # a 59-second token is not born expired
    (30, (), 0, DEFAULT, False),
    (30, (), 14.9, DEFAULT, False),
    (30, (), 15, DEFAULT, True),
    (31, (), 15.4, DEFAULT, False),  # half of an odd lifetime keeps its half second
    (31, (), 15.6, DEFAULT, True),
    (10, (), 9.999, 0, False),
    (10, (), 10, 0, True),  # always expired once now reaches expires_at
    (0, (), 0, DEFAULT, True),  # 0 s: already expired
    (5, (), 3, 10**400, True),  # a leeway too large for a float, still capped at 2.5 s
    (5, (), Clock(3), 10**400, True),
    (5, (), 2, 10**400, False),
    (None, (), 3, 10**400, False),
    (None, (), Clock(3), 10**400, False),
    (120, (50,), 59, DEFAULT, False),  # synced: the cap is still half of 120 s
    (120, (50,), 60, DEFAULT, True),
    (60, (120, 240), 240, DEFAULT, True),  # passed, and synced again later
    (10, (1000, 500), 500, 0, True),  # a clock set back after expiry revives nothing
    (60, (), FIRST, DEFAULT, False),
    (60, (), END, DEFAULT, True),
    (2**63 - 1, (), 0, DEFAULT, False),  # saturated at datetime.max
    (2**63 - 1, (), Clock(0), 10**12, True),  # ... which now + 31,700 years passes
    (2**63 - 1, (), 0, 10**12, True),
    (2**63 - 1, (), FIRST, DEFAULT, False),
    (2**63 - 1, (), END, DEFAULT, True),
]

# (lifetime, syncs, expires_in, issued_at): a token of `lifetime` seconds issued at NOW,
# synced at each of `syncs` (as for `called`); issued_at in seconds after NOW or as a
# datetime. expires_at never moves.
SYNCED = [
    (3600, (600.7,), 3000, 600),  # the whole seconds left, from now truncated
    (3600, (Clock(600.7),), 3000, 600),
    (3600, (600, 600), 3000, 600),  # twice: counted once
    (3600, (10, 10, 500, 1800.5, 3599), 1, 3599),
    (3600, (-100,), 3700, -100),  # a clock that went back: expires_at stays
    (3600, (1000, 500), 3100, 500),  # an earlier clock later: recounted from it
    (120, (50,), 70, 50),
    (60, (120,), 0, 60),  # passed: 0 s left, from expires_at itself
    (60, (120, 240), 0, 60),
    (10, (1000, 500), 0, 10),  # a clock set back after expiry revives nothing
    (None, (86400,), None, 0),  # without expires_in: unchanged
    (60, (FIRST,), (NOW - FIRST) // SECOND + 60, FIRST),
    (60, (END,), 0, 60),
    (2**63 - 1, (0, 0), 253402300800 - NOW_SECONDS, 0),
    (2**63 - 1, (FIRST,), (END - FIRST) // SECOND + 1, FIRST),
    (2**63 - 1, (END,), 1, LAST),  # one second from the last whole one: it saturates again
]

# A `now` that no method taking one accepts, whether or not the token has expires_in.
BAD_NOWS = [(datetime(2026, 1, 1), ValueError)]  # naive
BAD_NOWS += [(datetime.min.replace(tzinfo=timezone(timedelta(hours=1))), ValueError)]  # outside,
BAD_NOWS += [(datetime.max.replace(tzinfo=timezone(timedelta(hours=-1))), ValueError)]  # in UTC
BAD_NOWS += [(value, TypeError) for value in (0, NOW_SECONDS, 1.5, "2026-01-01T00:00Z", NOW.date())]


class TestExpiry(unittest.TestCase):
    def test_expires_at_is_issued_at_plus_expires_in_saturating_at_datetime_max(self):
        for issued_at, expires_in, expires_at in EXPIRES_AT:
            with self.subTest(issued_at=issued_at, expires_in=expires_in):
                token = Token("a", expires_in=expires_in, issued_at=issued_at)
                self.assertEqual(token.expires_at, expires_at)
                if expires_at is not None:
                    self.assertEqual(token.to_dict()["expires_at"], (expires_at - at(0)) // SECOND)

    def test_remaining_is_the_time_left_never_negative(self):
        for expires_in, now, remaining in REMAINING:
            with self.subTest(expires_in=expires_in, now=now):
                self.assertEqual(called(token_at(expires_in).remaining, now), remaining)

    def test_is_expired_once_now_plus_the_capped_leeway_reaches_expires_at(self):
        for lifetime, syncs, now, leeway, expired in EXPIRED:
            with self.subTest(lifetime=lifetime, syncs=syncs, now=now, leeway=leeway):
                token = token_at(lifetime)
                for sync in syncs:
                    called(token.sync_expires_in, sync)
                given = {} if leeway is DEFAULT else {"leeway": leeway}
                self.assertIs(called(token.is_expired, now, **given), expired)

    def test_sync_expires_in_recounts_from_now_and_never_moves_expires_at(self):
        for lifetime, syncs, expires_in, issued_at in SYNCED:
            with self.subTest(lifetime=lifetime, syncs=syncs):
                token = token_at(lifetime)
                before = token.expires_at
                for sync in syncs:
                    called(token.sync_expires_in, sync)
                start = issued_at if isinstance(issued_at, datetime) else NOW + issued_at * SECOND
                self.assertEqual((token.expires_in, token.issued_at), (expires_in, start))
                self.assertIs(type(token.expires_in), type(expires_in))
                self.assertEqual(token.expires_at, before)

    def test_syncing_a_copy_leaves_the_original(self):
        token = token_at(3600)
        copies = (copy.copy(token), copy.deepcopy(token), pickle.loads(pickle.dumps(token)))
        for duplicate in copies:
            duplicate.sync_expires_in(now=NOW + 100 * SECOND)
            self.assertEqual((duplicate.expires_in, token.expires_in), (3500, 3600))
            self.assertEqual(token.issued_at, NOW)

    def test_is_monotonic_in_now(self):
        token = token_at(100)
        states = [token.is_expired(now=NOW + s * SECOND) for s in range(0, 200, 5)]
        self.assertEqual(states, sorted(states))

    def test_no_sync_and_no_copy_of_a_synced_token_changes_the_answer(self):
        # The cap is half the lifetime the token was built with: a client that syncs
        # before every check keeps its leeway.
        for lifetime in (1, 30, 61, 120, 3600):
            syncs = [NOW + s * SECOND for s in (0, 1, 50, lifetime // 2, lifetime - 1)]
            nows = [NOW + s * SECOND for s in range(-1, lifetime + 2)]
            for leeway in (0.0, 10.0, 60.0, 1e9):
                fresh = token_at(lifetime)
                expected = [fresh.is_expired(leeway=leeway, now=now) for now in nows]
                synced = token_at(lifetime)
                for sync in syncs:
                    synced.sync_expires_in(now=sync)
                    copies = (synced, copy.copy(synced), pickle.loads(pickle.dumps(synced)))
                    for token in copies:
                        with self.subTest(lifetime=lifetime, leeway=leeway, sync=sync):
                            answers = [token.is_expired(leeway=leeway, now=n) for n in nows]
                            self.assertEqual(answers, expected)

    def test_is_exact_to_the_microsecond_near_the_end_of_datetime(self):
        # Epoch seconds as a float keep microseconds only until about 2106: near the
        # year 9999 they are lost, and a token would expire early.
        late = Token("a", expires_in=100, issued_at=datetime(9999, 12, 31, 23, 0, tzinfo=UTC))
        saturated = Token("a", expires_in=2**63 - 1, issued_at=0)
        for token, left in ((late, 15), (late, 1), (saturated, 1)):
            expires_at = token.expires_at
            assert expires_at is not None
            now = expires_at - timedelta(microseconds=left)
            with self.subTest(expires_at=expires_at, left=left):
                self.assertEqual(token.remaining(now), timedelta(microseconds=left))
                self.assertFalse(token.is_expired(leeway=0, now=now))
                self.assertTrue(token.is_expired(leeway=0, now=expires_at))
                self.assertEqual(token.remaining(expires_at), timedelta(0))

    def test_a_bad_now_is_refused_by_every_method_whatever_the_token(self):
        for expires_in in (60, None, 2**63 - 1):
            token = token_at(expires_in)
            methods = {
                "is_expired": lambda now, t=token: t.is_expired(now=now),
                "remaining": token.remaining,
                "remaining(now=)": lambda now, t=token: t.remaining(now=now),
                "sync_expires_in": token.sync_expires_in,
            }
            for now, error in BAD_NOWS:
                for name, method in methods.items():
                    with self.subTest(expires_in=expires_in, now=now, method=name):
                        with self.assertRaisesRegex(error, "now"):
                            method(now)
                        self.assertEqual((token.expires_in, token.issued_at), (expires_in, NOW))

    def test_a_bad_leeway_is_refused_and_it_is_keyword_only(self):
        token = token_at(60)
        for leeway, error in ((-1, ValueError), (float("nan"), ValueError), ("60", TypeError)):
            with self.subTest(leeway=leeway), self.assertRaisesRegex(error, "leeway"):
                token.is_expired(leeway=leeway, now=NOW)  # type: ignore[arg-type]
        with self.assertRaisesRegex(TypeError, "leeway"):
            token.is_expired(leeway=True, now=NOW)
        with self.assertRaises(TypeError):
            token.is_expired(60)  # type: ignore[misc]

    @needs_threads
    def test_threads_syncing_and_reading_at_once_see_one_state_and_expires_at_never_moves(self):
        interval = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)  # threads switch as often as they can
        self.addCleanup(sys.setswitchinterval, interval)
        end = NOW + 3600 * SECOND
        starts = [NOW + s * SECOND for s in (-600, 0, 1, 1800, 3599)]
        states = {(start, (end - start) // SECOND) for start in starts}
        # What a reader would see of issued_at and expires_in from two different syncs
        pairs = [(start, left) for start, _ in states for _, left in states]
        torn = [token_at(left, start) for start, left in pairs if (start, left) not in states]
        wrong: list[object] = []  # what a reader saw that was never true

        def write(token: Token, seed: int, ready: threading.Barrier) -> None:
            rng = random.Random(seed)
            ready.wait()
            for _ in range(1000):  # every now before expires_at: the token lives throughout
                token.sync_expires_in(rng.choice(starts) + rng.randrange(10**6) * SECOND / 10**6)

        def read(token: Token, done: threading.Event) -> None:
            while not done.is_set():
                stored, shown = token.to_dict(), repr(token)
                duplicate = copy.copy(token)
                seen = {
                    "expires_at": token.expires_at == end,
                    "is_expired": not token.is_expired(leeway=0, now=end - SECOND / 2)
                    and token.is_expired(leeway=0, now=end + SECOND / 2),
                    "remaining": token.remaining(end - SECOND / 2) == SECOND / 2,
                    "to_dict": (at(stored["issued_at"]), stored["expires_in"]) in states,  # type: ignore[arg-type]
                    "repr": any(
                        f"expires_in={left}," in shown and start.isoformat() in shown
                        for start, left in states
                    ),
                    "copy": (duplicate.issued_at, duplicate.expires_in) in states,
                    "==": all(token != other for other in torn),
                }
                wrong.extend(name for name, held in seen.items() if not held)

        # Rounds with fresh threads: how threads take turns settles into a pattern
        # within a round, and a round may never interleave badly.
        for r in range(4):
            token, done, ready = token_at(3600), threading.Event(), threading.Barrier(3)
            writers = [Thread(target=write, args=(token, 3 * r + n, ready)) for n in range(3)]
            readers = [Thread(target=read, args=(token, done)) for _ in range(2)]
            for thread in readers + writers:
                thread.start()
            for thread in writers:
                thread.join()
            done.set()
            for thread in readers:
                thread.join()
            self.assertEqual(token.expires_at, end)
            self.assertIn((token.issued_at, token.expires_in), states)
        self.assertEqual(wrong, [])


# --- Using, building, comparing and storing a token -----------------------------------------------
# (token_type, is_bearer, auth_scheme): Bearer and DPoP in their canonical case
TOKEN_TYPES = [(token_type, True, "Bearer") for token_type in ("Bearer", "bearer", "BEARER")]
TOKEN_TYPES += [(token_type, False, "DPoP") for token_type in ("DPoP", "dpop", "DPOP")]
TOKEN_TYPES += [(token_type, False, token_type) for token_type in ("MAC", "mac", "N_A")]
TOKEN_TYPES += [(token_type, False, token_type) for token_type in ("Basic", "A")]  # before Bearer

# (scope, scopes): split on spaces only, in order, without duplicates
SCOPES = [
    ("b a b c,d", ("b", "a", "c,d")),
    (" read  write ", ("read", "write")),
    (["user:read", "chat:edit"], ("user:read", "chat:edit")),
    ([f"s_{n}" for n in range(300)], tuple(f"s_{n}" for n in range(300))),
    (None, None),
]

# (extra members, id_token): OpenID Connect's id_token, only when it is a string
JWT = "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"
ID_TOKENS = [({"id_token": JWT}, Secret(JWT))]
ID_TOKENS += [({"id_token": value}, None) for value in (None, 5, ["a.b.c"], {"value": "a.b.c"})]
ID_TOKENS += [({}, None), ({"nested": {"id_token": "a.b.c"}}, None), ({"ID_TOKEN": "a.b.c"}, None)]


# (constructor arguments, field): refused as lenient parsing refuses them, and what a
# parser would not read back the same from to_json()
# fmt: off
CONSTRUCTOR_REFUSES: list[tuple[dict[str, object], str]] = [
    ({"access_token": ""}, "access_token"),
    ({"access_token": "a\n"}, "access_token"),
    ({"access_token": Secret("bad\n")}, "access_token"),
    ({"access_token": "a", "expires_in": -1}, "expires_in"),
    ({"access_token": "a", "expires_in": True}, "expires_in"),
    ({"access_token": "a", "scope": 'a"b'}, "scope"),
    ({"access_token": "a", "token_type": "x\x00"}, "token_type"),
    ({"access_token": "a", "token_type": 5}, "token_type"),
    ({"access_token": "a", "refresh_token": "r\x00"}, "refresh_token"),
    ({"access_token": "a", "refresh_token": 5}, "refresh_token"),
    ({"access_token": "a", "extra": {"n": 10**64}}, "n"),
    # members a parser would read otherwise: then to_json() would not reload as the token
    *(({"access_token": "a", "extra": {name: value}}, name)
      for name, value in (("expires_in", 5), ("scope", "a"), ("issued_at", 5), ("expires_at", "5"), ("error", "x"))),
    # A Secret under a name that does not end in "token": to_json() would write it
    # as a plain string, which would read back as one.
    ({"access_token": "a", "extra": {"foo": Secret("SECRET")}}, "foo"),
    ({"access_token": "a", "extra": {"o": {"k": Secret("SECRET")}}}, "o"),
    ({"access_token": "a", "extra": {"a": [Secret("SECRET")]}}, "a"),
    ({"access_token": "a", "extra": {"tokens": Secret("SECRET")}}, "tokens"),
]
# fmt: on


class TestTokenApi(TokenTestCase):
    def test_is_bearer_auth_scheme_and_the_authorization_header_of_each_token_type(self):
        for token_type, is_bearer, scheme in TOKEN_TYPES:
            with self.subTest(token_type=token_type):
                token = token_at(None, token_type=token_type)
                self.assertIs(token.is_bearer, is_bearer)
                self.assertEqual(token.auth_scheme, scheme)
                self.assertEqual(token.authorization_header(), f"{scheme} mF_9.B5f-4.1JqM")

    def test_scopes_are_the_scope_tokens_in_order_without_duplicates(self):
        for scope, scopes in SCOPES:
            with self.subTest(scope=scope):
                self.assertEqual(token_at(None, scope=scope).scopes, scopes)

    def test_id_token_is_the_openid_connect_member_as_a_secret(self):
        for members, id_token in ID_TOKENS:
            with self.subTest(members=members):
                token = token_at(None, **members)
                self.assertEqual(token.id_token, id_token)
                if id_token is not None:
                    self.assertIs(token.id_token, token.extra["id_token"])

    def test_the_constructor_validates_as_lenient_parsing_does(self):
        for kwargs, field in CONSTRUCTOR_REFUSES:
            with self.subTest(kwargs=kwargs):
                self.assertRejected(kwargs, field, parser=constructed)

    def test_the_constructor_normalises_as_lenient_parsing_does(self):
        token = Token(Secret("abc"))
        self.assertEqual(dataclasses.astuple(token)[1:5], ("Bearer", None, None, None))
        self.assertEqual((dict(token.extra), token.issued_at.microsecond), ({}, 0))
        token = Token("a", "", "60", "r", ["a", "b"], NOW, {"issued_at": True})  # type: ignore[arg-type]
        expected = (Secret("a"), "Bearer", 60, Secret("r"), "a b", NOW)
        self.assertEqual(dataclasses.astuple(token)[:6], expected)
        self.assertIs(token.extra["issued_at"], True)

    def test_the_constructor_copies_extra_and_keeps_secrets_under_token_names(self):
        given: dict[str, object] = {"id_token": Secret("j"), "o": {"k_token": [Secret("x"), "y"]}}
        token = Token("a", extra=given, issued_at=NOW)
        given["later"] = 1
        self.assertNotIn("later", token.extra)
        self.assertEqual(token.extra["o"]["k_token"], (Secret("x"), Secret("y")))  # type: ignore[index]
        self.assertEqual(Token.try_from_bytes(token.to_json()), token)

    def test_fields_cannot_be_assigned_or_deleted_nor_initialized_again(self):
        token = token_at(60, refresh_token="r", scope="read", note="n")
        before = copy.deepcopy(token)
        for name in ("expires_in", "scope", "access_token", "issued_at", "extra"):
            with self.subTest(name=name), self.assertRaises(dataclasses.FrozenInstanceError):
                setattr(token, name, 5)
            with self.subTest(name=name), self.assertRaises(dataclasses.FrozenInstanceError):
                delattr(token, name)
        with self.assertRaises(AttributeError):
            token.new_attribute = 1  # type: ignore[attr-defined]
        # Were it allowed, __init__ would swap every field of a token trusted elsewhere.
        for args, kwargs in (
            (("forged",), {"expires_in": 999_999, "scope": "admin"}),
            (("mF_9.B5f-4.1JqM",), {"expires_in": 60, "issued_at": NOW}),
            ((token.access_token,), {"extra": {"other": 1}}),
        ):
            with self.subTest(args=args), self.assertRaises(dataclasses.FrozenInstanceError):
                token.__init__(*args, **kwargs)  # type: ignore[misc]
        self.assertEqual(token, before)
        self.assertEqual(token.expires_at, NOW + 60 * SECOND)
        self.assertEqual(token.authorization_header(), "Bearer mF_9.B5f-4.1JqM")

    def test_is_a_dataclass_of_seven_fields_that_asdict_astuple_and_replace_handle(self):
        names = ["access_token", "token_type", "expires_in", "refresh_token", "scope"]
        names += ["issued_at", "extra"]
        self.assertEqual([field.name for field in dataclasses.fields(Token)], names)
        token = token_at(3600, refresh_token="r", scope="a", id_token="j", o={"k_token": ["x"]})
        as_dict = dataclasses.asdict(token)
        values = (Secret("mF_9.B5f-4.1JqM"), "Bearer", 3600, Secret("r"), "a", NOW, token.extra)
        self.assertEqual(list(as_dict.items()), list(zip(names, values, strict=True)))
        self.assertEqual(as_dict["extra"]["o"]["k_token"], (Secret("x"),))  # secrets stay so
        self.assertEqual(dataclasses.astuple(token), tuple(as_dict.values()))
        self.assertEqual(dataclasses.replace(token, expires_in=5).expires_in, 5)
        replaced = functools.partial(dataclasses.replace, token)
        self.assertRejected({"expires_in": -5}, "expires_in", parser=lambda kw: replaced(**kw))

    def test_equal_when_every_field_is_and_never_hashable(self):
        base = token_at(60, refresh_token="r", scope="a")
        self.assertEqual(base, token_at(60, refresh_token="r", scope="a"))
        others = [token_at(61, refresh_token="r", scope="a"), base.to_dict()]
        others += [token_at(60, refresh_token="x", scope="a"), token_at(60, refresh_token="r")]
        others += [token_at(60, NOW + SECOND, refresh_token="r", scope="a")]
        others += [token_at(60, refresh_token="r", scope="a", token_type="bearer")]
        others += [token_at(60, refresh_token="r", scope="a", other=1)]
        others += [token_at(60, refresh_token="r", scope="a", access_token="x")]
        for other in others:
            with self.subTest(other=other):
                self.assertNotEqual(base, other)
        with self.assertRaises(TypeError):
            hash(base)

    def test_to_dict_has_every_field_as_sent_epoch_times_and_the_extra_members(self):
        members = {"refresh_token": "r", "id_token": "jwt", "other": {"x": [1]}}
        token = token_at(3600, scope=["a", "b"], **members)
        times = {"issued_at": N, "expires_at": N + 3600}
        expected = json.loads(valid(expires_in=3600, scope="a b", **members, **times))
        self.assertEqual(token.to_dict(), expected)
        for time_member in ("issued_at", "expires_at"):  # 1767322245.0 would equal too
            self.assertIs(type(token.to_dict()[time_member]), int)
        self.assertEqual(set(token_at(None).to_dict()), {"access_token", "token_type", "issued_at"})
        self.assertNotIn(", ", token.to_json())  # compact
        self.assertEqual(json.loads(token.to_json()), token.to_dict())

    def test_to_json_reloads_as_the_same_token(self):
        tokens = [token_at(3600, refresh_token="r", scope="a b", id_token="j", n={"t_": ["x"]})]
        tokens += [token_at(None), token_at(0), token_at(2**63 - 1), token_at(60, at(-1_000_000))]
        for token in [*tokens, Token.try_from_bytes(valid(expires_at="x"), issued_at=NOW)]:
            with self.subTest(token=token):
                self.assertEqual(Token.try_from_bytes(token.to_json()), token)

    def test_copies_are_equal_and_keep_every_secret_a_secret(self):
        token = token_at(3600, refresh_token="r", id_token="j", o={"x_token": ["a", {"b": "c"}]})
        params = ErrorParams("mfa_required", extra={"mfa_token": "m"})
        copies = [copy.copy, copy.deepcopy]
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            copies.append(lambda value, p=protocol: pickle.loads(pickle.dumps(value, p)))
        for number, duplicate in enumerate(copies):
            with self.subTest(copy=number):
                copied, nested = duplicate(token), duplicate(token).extra["o"]["x_token"]
                self.assertEqual(copied, token)
                secrets = [copied.access_token, copied.refresh_token, copied.extra["id_token"]]
                secrets += [nested[0], nested[1]["b"], duplicate(params).extra["mfa_token"]]
                self.assertEqual({type(secret) for secret in secrets}, {Secret})

    def test_authlib_reads_the_same_expiry(self):
        try:
            from authlib.oauth2.rfc6749 import OAuth2Token
        except ImportError:
            self.skipTest("authlib is not installed")
        token = token_at(3600, refresh_token="r")
        theirs = OAuth2Token.from_dict(token.to_dict())
        self.assertEqual(theirs["expires_at"], int(token.expires_at.timestamp()))  # type: ignore[union-attr]
        self.assertEqual(theirs["access_token"], "mF_9.B5f-4.1JqM")

    def test_repr_and_str_show_the_public_fields_and_the_extra_keys_only(self):
        members = {"refresh_token": "refresh-secret", "id_token": "id-secret", "plain": "value"}
        token = token_at(3600, scope="read", **members)
        shown = repr(token)
        for expected in ("token_type='Bearer'", "expires_in=3600", "refresh_token=present"):
            self.assertIn(expected, shown)
        for expected in ("scope='read'", "2026-01-02T03:04:05+00:00", "'id_token'", "'plain'"):
            self.assertIn(expected, shown)
        for hidden in ("mF_9.B5f-4.1JqM", "refresh-secret", "id-secret", "value"):
            self.assertNotIn(hidden, shown)
        self.assertEqual(str(token), shown)
        self.assertIn("refresh_token=absent", repr(token_at(60)))

    def test_repr_shows_only_extra_keys_that_look_like_names(self):
        names = ("j" * 64, "k" * 65, "x.y-z_1", "a b", "caf\u00e9", "", 'x":"v')
        shown = ("j" * 64, "(name not shown)", "x.y-z_1", *["(name not shown)"] * 4)
        members = dict.fromkeys(names, 1)
        token = Token.from_dict({"access_token": "a", **members}, issued_at=NOW)
        params = ErrorParams.from_dict({"error": "invalid_grant", **members})
        for value in (token, params):
            with self.subTest(type=type(value).__name__):
                self.assertTrue(repr(value).endswith(f"extra_keys={shown!r})"), repr(value))
                self.assertEqual(tuple(value.extra), names)  # kept, only not shown

    def test_a_json_body_read_as_a_form_shows_no_secret_in_a_repr(self):
        # Read as a form, a JSON body's "member names" are body text, secrets included.
        prefix = ')]}\'\n{"refresh_token":"SEKRET","x":"a=b&note=1&'
        as_form = functools.partial(parse_token_response, content_type="text/plain")
        with self.assertRaises(AccessTokenError) as caught:
            as_form(prefix + 'error=c"}')
        a_form = prefix + 'access_token=c"}'
        made = [as_form(a_form), Token.try_from_form(a_form)]
        made += [caught.exception.params, caught.exception]
        made += [ErrorParams.try_from_form(prefix + 'error=c"}')]
        for shown in map(repr, made):
            self.assertIn("extra_keys=('(name not shown)', 'note')", shown)
            self.assertNotIn("SEKRET", shown)
        self.assertNotIn("SEKRET", str(caught.exception))


# str subclasses whose own methods lie: the module must read each by its plain str
# value, what json.loads would have given, and never call the subclass's methods.
class Lying(str):
    """Says yes to every check: ASCII, digits, not empty, clean bytes, equal to nothing."""

    def isascii(self) -> bool:
        return True

    def isdigit(self) -> bool:
        return True

    def encode(self, encoding: str = "utf-8", errors: str = "strict") -> bytes:
        return b"clean"

    def __len__(self) -> int:
        return 1

    def __eq__(self, other: object) -> bool:
        return False

    def __ne__(self, other: object) -> bool:
        return True

    __hash__ = str.__hash__


class Denying(str):
    """Says no to every check: not ASCII, no digits, empty, equal to anything."""

    def isascii(self) -> bool:
        return False

    def isdigit(self) -> bool:
        return False

    def __len__(self) -> int:
        return 0

    def __eq__(self, other: object) -> bool:
        return True

    def __ne__(self, other: object) -> bool:
        return False

    __hash__ = str.__hash__


class RaisingEq(str):
    """Raises on == and !=."""

    def __eq__(self, other: object) -> bool:
        raise AssertionError("the module compared a str subclass with its own __eq__")

    __ne__ = __eq__
    __hash__ = str.__hash__


class HashedApart(str):
    """Equal to the plain str of its value, but hashed elsewhere: a dict holds both."""

    def __hash__(self) -> int:
        return hash(("hashed apart", str.__str__(self)))


def apart(first: type[str], second: type[str], name: str = "x") -> dict[str, object]:
    """`name` twice, as a `first` and as a `second`: HashedApart's values are never str's."""
    return {first(name): "SECRET", second(name): "SECRET"}


strict_dict = functools.partial(Token.from_dict, strict=True)
strict_error = functools.partial(ErrorParams.from_dict, strict=True)
NOT_DIGITS = ("-5", "+5", "1 2", "1_0", "\u0661\u0662", "abc")
BY_KEYWORDS = (Token.from_dict, constructed)  # from_dict's members, or the constructor's

# (parser, members, what the result holds, or the member refused): a str subclass is
# judged by its plain value, whatever its methods say, and held as a plain str.
# fmt: off
LIES: list[tuple[Callable[..., object], dict[Any, object], Holds | str]] = [
    *((parse, a_token(**{name: Lying(bad)}), name)
      for name in SECRET_FIELDS for bad in ("SECRET\n", "SECRET\u2028", "caf\u00e9 SECRET") for parse in BY_KEYWORDS),
    *((p, a_token(access_token=Denying("ok")), Holds(access_token=Secret("ok"))) for p in BY_KEYWORDS),
    *((p, a_token(refresh_token=Denying("ok")), Holds(refresh_token=Secret("ok"))) for p in BY_KEYWORDS),
    *((p, a_token(access_token=Lying("")), "access_token") for p in BY_KEYWORDS),
    *((p, a_token(refresh_token=Lying("")), Holds(refresh_token=None)) for p in BY_KEYWORDS),
    *((p, a_token(expires_in=Lying(text)), "expires_in") for text in NOT_DIGITS for p in BY_KEYWORDS),
    *(  # no time: it stays in extra
        (Token.from_dict, a_token(**{name: Lying(text)}), Holds(issued_at=NOW, extra={name: text}))
        for name in ("issued_at", "expires_at") for text in NOT_DIGITS
    ),  # no time: it stays in extra
    *((strict_dict, a_token(token_type="Bearer", **{name: Lying(text)}), name)
      for name in ("issued_at", "expires_at") for text in NOT_DIGITS),
    *((p, a_token(expires_in=Denying("60")), Holds(expires_in=60)) for p in BY_KEYWORDS),
    (Token.from_dict, a_token(issued_at=Denying(str(N - 5))), Holds(issued_at=NOW - 5 * SECOND)),
    (Token.from_dict, a_token(expires_at=Denying(str(N + 5))), Holds(expires_in=5, extra={})),
    *((parse, a_token(scope=bad), "scope")
      for bad in (Lying('a"b'), [Lying(""), "c"], [Lying("a b")], ["a", Lying("caf\u00e9")]) for parse in BY_KEYWORDS),
    *((parse, a_token(scope=good), Holds(scope="read write", scopes=("read", "write")))
      for good in (Denying("read write"), [Denying("read"), Denying("write")]) for parse in BY_KEYWORDS),
    *((strict_error, err("invalid_grant", **{name: bad}), name) for name, bad in (
        ("error_description", Lying('a"b')), ("error_description", Lying("caf\u00e9")),
        ("error_uri", Lying("a b")), ("error_uri", Lying("/\x00")))),
    (strict_error, err("x", error_uri=Lying("")), Holds(error_uri=None, extra={})),
    (strict_error, err("x", error_description=Lying("")), Holds(error_description=None)),
    (strict_error, err("x", error_description=Denying("Bad")), Holds(error_description="Bad")),
    (strict_error, err("x", error_uri=Denying("/e")), Holds(error_uri="/e")),
    (strict_error, err(Lying('a"b')), "error"),
    (error_constructed, err(Lying("")), "error"),
    (strict_error, err(RaisingEq("invalid_grant")), Holds(error="invalid_grant")),
    (strict_error, err(Denying("invalid_grant")), Holds(error="invalid_grant")),
    (ErrorParams.from_dict, err(Denying("invalid_grant")), Holds(error="invalid_grant")),
    (error_constructed, err(Denying("invalid_grant")), Holds(error="invalid_grant")),
    # Keys equal as a str but hashed apart: a dict holds both, a JSON object could not
    (Token.from_dict, {**apart(str, HashedApart, "access_token"), "x": 1}, "access_token"),
    (Token.from_dict, {**apart(HashedApart, str, "access_token"), "x": 1}, "access_token"),
    *((parse, members, name) for twice in (apart(HashedApart, str), apart(str, HashedApart))
      for parse, members, name in (
          (Token.from_dict, a_token(**twice), "x"), (extra_of, twice, "x"), (error_extra_of, twice, "x"),
          (ErrorParams.from_dict, err("e", **twice), "x"), (Token.from_dict, a_token(o={"p": [twice]}), "o"))),
]
# fmt: on


class TestLyingStrSubclasses(TokenTestCase):
    """A str subclass counts as the plain str of its value, whatever its methods say."""

    def test_every_row_of_the_lying_table_holds(self):
        for number, (parse, members, outcome) in enumerate(LIES):
            with self.subTest(row=number, members=reprlib.repr(members)), now_is(N):
                if isinstance(outcome, str):
                    self.assertRejected(members, outcome, parser=parse)
                    continue
                made = parse(members)
                self.assertHolds(made, outcome)
                for name, value in outcome.items():
                    found = getattr(made, name)
                    if isinstance(value, (str, Secret)):
                        plain_text = found.expose_secret() if isinstance(found, Secret) else found
                        self.assertIs(type(plain_text), str)

    def test_a_raising_eq_never_escapes(self):
        members: dict[str, object] = {
            **a_token(token_type="Bearer", expires_in="60", refresh_token="r", scope="read write"),
            **{"issued_at": str(N), "note": "n", "id_token": "j", "o": {"k": ["v", "w"]}},
        }

        def hostile(value: object) -> Any:
            if isinstance(value, str):
                return RaisingEq(value)
            if isinstance(value, dict):
                return {RaisingEq(name): hostile(item) for name, item in value.items()}
            if isinstance(value, list):
                return [hostile(item) for item in value]
            return value

        expected = Token.from_dict(members)
        for name in members:
            with self.subTest(name=name):
                one_hostile = {**members, name: hostile(members[name])}
                self.assertEqual(Token.from_dict(one_hostile), expected)
                renamed = {(RaisingEq(k) if k == name else k): v for k, v in members.items()}
                self.assertEqual(Token.from_dict(renamed), expected)
        self.assertEqual(Token.from_dict(hostile(members)), expected)
        scope = [RaisingEq("read"), RaisingEq("write")]
        self.assertEqual(Token("a", scope=scope).scope, "read write")  # type: ignore[arg-type]
        error = {"error_description": "d", "error_uri": "/e", "mfa_token": "m"}
        expected_params = ErrorParams.from_dict(err("invalid_grant", **error))
        hostile_error = hostile(err("invalid_grant", **error))
        self.assertEqual(ErrorParams.from_dict(hostile_error), expected_params)
        # Strict, all but the code, which LIES holds
        hostile_error = {"error": "invalid_grant", **hostile(error)}
        self.assertEqual(ErrorParams.from_dict(hostile_error, strict=True), expected_params)


# --- Bodies: what each parser reads, and what it refuses ------------------------------------------
from_json, from_form = Token.try_from_bytes, Token.try_from_form
strict_json = functools.partial(Token.try_from_bytes, strict=True)
strict_form = functools.partial(Token.try_from_form, strict=True)
as_text_plain = functools.partial(parse_token_response, content_type="text/plain")


def with_status(status: int) -> Callable[..., Token]:
    return functools.partial(parse_token_response, status=status)


PADDING = {f"p{n}": n for n in range(2000)}  # over 8 KB of members
CAFE_TEXT = json.dumps({"access_token": "a", "name": "ééé"}, ensure_ascii=False)
SIZED = valid(access_token="SECRET")


def within(max_bytes: int) -> Callable[..., Token]:
    return functools.partial(Token.try_from_bytes, max_bytes=max_bytes)


NOT_NAMES = ("a\nb", "a b", "a'b", "Zoë", "a/b", "a\ud800")  # shown by no message
LOOP: list[object] = []
LOOP.append(LOOP)
SHARED = functools.reduce(lambda inner, _: [inner, inner], range(24), ["s"])  # 2**24 lists


def twice(name: str) -> bytes:
    """A body holding the member `name` twice."""
    return b'{"access_token":"a",' + 2 * (json.dumps(name).encode() + b":1,") + b'"z":1}'


class Short(str):
    def __len__(self) -> int:
        return 1


class ShortBytes(bytes):
    def __len__(self) -> int:
        return 1


# JSON texts with brackets enough to nest too deep, every one of them inside a string.
BRACKETS_IN_STRINGS_ONLY = (
    b'"' + b"[" * 65 + b'"',
    b'null "' + b"[" * 65 + b'"',
    b'"' + b"{" * 1000 + b'"',
    b'"SECRET' + b"[{" * 100 + b'"',
)

# (parser, body, field, a word of the message): InvalidTokenResponse naming `field`
# (None: the body as a whole), its message holding that word and no secret.
# fmt: off
REFUSED: list[tuple[Callable[..., object], object, str | None, str]] = [
    # Not UTF-8, not JSON, not one JSON object
    (from_json, b'{"access_token":"SECRET\xff"}', None, "not UTF-8"),
    (from_json, b"\xff\xfe" + SIZED, None, "not UTF-8"),  # a UTF-16 byte order mark
    (from_json, SIZED.decode().encode("utf-16"), None, "not UTF-8"),  # not guessed
    *((from_json, raw, None, "the body: is empty") for raw in (b"", b" \r\n\t", b"\xef\xbb\xbf")),
    (from_json, b" " * 1000, None, "the body: is empty"),
    (from_json, b"access_token=SECRET", None, "not JSON"),
    (from_json, b"{'access_token': 'SECRET'}", None, "not JSON"),
    (from_json, b'{"access_token":"SECRET"', None, "not JSON"),
    (from_json, b'{"access_token":"SECRET"} {}', None, "not JSON"),
    (from_json, b'{"access_token":"SECRET\\x"}', None, "not JSON"),
    (from_json, b"<html>SECRET</html>", None, "not JSON"),
    (from_json, b'{"access_token":"SECRET","x":"a\nb"}', None, "not JSON"),  # a raw control
    *((from_json, raw, None, "JSON object") for raw in (b"[]", b'"SECRET"', b"1", b"null", b"true")),
    (from_json, b"[]", None, "the body: must be a JSON object, not an array"),
    # Whitespace that JSON does not know: RFC 8259 section 2 has space, tab, LF and CR
    *((from_json, data, None, "not JSON")
      for other in ("\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u3000", "x", "\x00")
      for text in (other + SIZED.decode(), SIZED.decode() + other) for data in (text, text.encode())),
    # Brackets enough to call for the depth check, none of them outside a string
    *((parse, data, None, "JSON") for raw in BRACKETS_IN_STRINGS_ONLY for data in (raw, raw.decode())
      for parse in (from_json, ErrorParams.try_from_bytes, parse_token_response, with_status(400))),
    # Numbers: integers of 64 digits at most, whatever their sign; floats that are finite
    (from_json, b'{"access_token":"SECRET","n":' + b"9" * 4000 + b"}", "n", "more than 64 digits"),
    (from_json, b'{"access_token":"SECRET","n":-' + b"9" * 100 + b"}", "n", "more than 64 digits"),
    (from_json, b'{"access_token":"SECRET","n":' + b"9" * 5000 + b"}", None, "than 64 digits"),
    *((from_json, valid(access_token="SECRET", n=number, **padding), "n", "more than 64 digits")
      for number in (10**64, -(10**64), 10**65 - 1) for padding in ({}, PADDING)),  # small bodies, large ones
    (from_json, valid(**PADDING)[:-1] + b', "z": ' + b"7" * 100_000 + b"}", None, "64 digits"),
    *((Token.from_dict, {"access_token": "a", member: number}, member, "has more than 64 digits")
      for member in ("expires_in", "issued_at", "expires_at") for number in (10**64, -(10**64), 10**65, -(10**65))),
    (from_json, b'{"access_token":"a","expires_in":1e400}', "expires_in", "out of range"),
    (from_json, b'{"access_token":"a","issued_at":1e999}', "issued_at", "out of range"),
    (from_json, b'{"access_token":"a","x":1e400}', "x", "out of range"),
    (from_json, b'{"access_token":"a","x":[1.5,-1e400]}', "x", "out of range"),
    (from_json, b'{"access_token":"a","o":{"x":1e400}}', "o", "out of range"),
    (from_json, b'{"access_token":"a","n":[{"m":-1e999}]}', "n", "out of range"),
    (from_json, valid(expires_at=0, expires_in=10**15), "expires_at", "before the year 1"),
    (from_json, valid(issued_at=-(10**12)), "issued_at", "before the year 1"),
    # Members twice (RFC 6749 section 3.1), whatever the mode or the depth
    (from_json, twice("expires_in"), "expires_in", "appears more than once"),
    (strict_json, twice("expires_in"), "expires_in", "appears more than once"),
    (from_json, b'{"access_token":"a","team":{"id":1,"id":2}}', "id", "more than once"),
    (from_json, b'{"access_token":"SECRET","access_token":"SECRET"}', "access_token", "once"),
    (from_form, "access_token=a&scope=x&scope=y", "scope", "more than once"),
    # A member is named only when its name looks like one: letters, digits, _ - ., 64 at most
    (from_json, twice("m" * 64), "m" * 64, f"'{'m' * 64}': appears more than once"),
    (from_json, twice("Az09_.-"), "Az09_.-", "'Az09_.-': appears more than once"),
    (from_json, twice("m" * 65), None, "a member whose name is not shown: appears more than once"),
    *((from_json, twice(name), None, "a member whose name is not shown: ") for name in NOT_NAMES),
    # What a message says of a member: its JSON type, or what the rule wants
    (from_json, valid(expires_in=-1), "expires_in", "'expires_in': must be from 0 to 2**63-1"),
    (strict_json, valid(expires_in=True), "expires_in", "must be a JSON integer, not a boolean"),
    (strict_json, valid(expires_in="x"), "expires_in", "must be a JSON integer, not a string"),
    (strict_json, valid(expires_in=[1]), "expires_in", "must be a JSON integer, not an array"),
    (strict_json, valid(expires_in={"a": 1}), "expires_in", "not an object"),
    (from_json, valid(expires_in=[60]), "expires_in", "a digit string or a number, not an array"),
    (from_json, valid(token_type=7), "token_type", "must be a string, not an integer"),
    (from_json, valid(token_type=1.5), "token_type", "not a number with a fraction or exponent"),
    (from_json, valid(access_token=123), "access_token", "must be a string, not an integer"),
    (from_json, valid(scope='a"b'), "scope", "must be space-delimited scope tokens"),
    (from_json, valid(scope=5), "scope", "must be a string, not an integer"),
    # What from_dict and the constructor are handed that JSON could not carry back
    *((Token.from_dict, a_token(other=bad), "other", "JSON cannot carry") for bad in ({1, 2}, b"bytes", object())),
    (Token.from_dict, {"access_token": "a", 1: "x"}, None, "member name that is not a string"),
    (Token.from_dict, {"access_token": "a", "o": {2: "x"}}, "o", "name that is not a string"),
    (Token.from_dict, {"access_token": "a", "loop": LOOP}, "loop", "nested deeper than 64"),
    (Token.from_dict, {"access_token": "a", "d": SHARED}, "d", "arrays and objects"),
    (extra_of, {"d": {"e": SHARED}}, "d", "arrays and objects"),
    (Token.from_dict, {"access_token": "a", "athlete": {"id": 10**64}}, "athlete", "64 digits"),
    (Token.from_dict, {"access_token": "a", "n": -(10**64)}, "n", "more than 64 digits"),
    (extra_of, {"athlete": {"id": 10**64}}, "athlete", "more than 64 digits"),
    (extra_of, {"n": -(10**64)}, "n", "more than 64 digits"),
    *((parse, members, name, "out of range" if float in map(type, numbers) else "64 digits")
      for numbers in ([1, 2, 10**64], [-(10**64), 1], [-(10**65), 1], [10**65 - 1] * 3, [1.5, float("inf")], [float("-inf"), 0.5], [0.5, float("nan")])
      for array in (numbers, numbers * 8)  # short arrays, and long ones checked in bulk
      for parse, members, name in (
          (Token.from_dict, a_token(n=array), "n"), (Token.from_dict, a_token(o={"n_token": array}), "o"), (extra_of, {"n": array}, "n"))),
    # An error response is no token, whatever its shape
    (from_json, body(error="invalid_grant", access_token="SECRET"), "error", "'invalid_grant'"),
    (from_json, body(error="SECRET"), "error", "error response"),
    (from_form, "error=bad_verification_code", "error", "error response"),
    *((parse, data, "error", "error response") for error in ({"type": "OAuthException", "code": 190}, ["x"], 401, True)
      for parse, data in ((from_json, body(error=error, access_token="SECRET")), (Token.from_dict, err(error, access_token="SECRET")))),
    # max_bytes: bytes of a bytes-like body, characters of a str, whatever __len__ says
    (within(len(SIZED) - 1), SIZED, None, "larger than max_bytes"),
    (from_json, b" " * (1 << 20) + b"{}", None, "larger than max_bytes"),  # 1 MiB by default
    (within(len(CAFE_TEXT)), CAFE_TEXT.encode(), None, "larger than max_bytes"),
    (within(0), b" ", None, "larger than max_bytes"),
    (within(10), Short(valid(access_token="SECRET", padding="x" * 100).decode()), None, "max_bytes"),
    (within(10), ShortBytes(valid(access_token="SECRET", padding="x" * 100)), None, "max_bytes"),
    # Forms: a JSON body is refused whole (cut at & and =, it would give names that are
    # pieces of its secrets), escapes must be well formed and decode to UTF-8
    *((parse, data, None, "the body: looks like JSON, not a form")
      for data in (b'{"access_token":"k9&Xq7Rt=%zz"}', b'{"access_token":"a&Xq7&Xq7&b"}', b' \n{"x":"&access_token=SECRET&"}',
                   b'\xef\xbb\xbf{"access_token":"a&Xq7=1"}', b'{"access_token":"tok_SECRET==","note":"100%"}',
                   b'{"access_token":"tok_SECRET==","q":"caf%E9"}', b'{"x":"SECRET%E9"}',
                   b'[{"a":"x&ZQXSEKRET=%zz"}]', b' [{"a":"&S&S&"}]')
      for parse in (from_form, ErrorParams.try_from_form, as_text_plain)),
    (from_form, "access_token=a&x=%4", "x", "has a malformed %-escape"),
    (from_form, "access_token=SECRET%zz", "access_token", "malformed %-escape"),
    (from_form, "access_token=SECRET%4", "access_token", "malformed %-escape"),
    (from_form, "access_token=SECRET%", "access_token", "malformed %-escape"),
    (from_form, "access_token=SECRET%+1", "access_token", "malformed %-escape"),
    (from_form, "na%g0me=1&access_token=SECRET", None, "malformed %-escape"),
    (from_form, "access_token=SECRET&x=%FF", "x", "%-escapes that are not UTF-8"),
    (from_form, b"access_token=SECRET\xff", None, "not UTF-8"),
    *((parse, data, None, "lone surrogate")
      for data in ("access_token=tok_SECRET\ud800%41", "access_token=tok_SECRET%41\udfff", "x\ud800=1&access_token=tok_SECRET")
      for parse in (from_form, ErrorParams.try_from_form, as_text_plain)),
    (strict_form, "access_token=a&token_type=Bearer&expires_in=-1", "expires_in", "not a string"),
    (strict_form, "access_token=a", "token_type", "is missing"),
]
# fmt: on

# (parser, body, what the token holds): "extra" as decoded, every other name an attribute.
# fmt: off
READ: list[tuple[Callable[..., Token], object, dict[str, object]]] = [
    (from_json, b" \n\t" + valid() + b"\r\n", {"token_type": "Bearer"}),
    (from_json, valid(name="Zoë ✓"), {"extra": {"name": "Zoë ✓"}}),
    (from_json, valid(name="PLACE").replace(b"PLACE", "café".encode()), {"extra": {"name": "café"}}),
    (from_json, valid(n=-(10**64 - 1), m=10**64 - 1), {"extra": {"n": -(10**64 - 1), "m": 10**64 - 1}}),
    (from_json, valid(n=10**64 - 1, **PADDING), {"extra": {**PADDING, "n": 10**64 - 1}}),
    (from_json, b'{"access_token":"a","n":0.' + b"1" * 1000 + b"}", {"extra": {"n": 0.1111111111111111}}),
    (from_json, valid(error=None), {"token_type": "Bearer"}),  # null or "": no error
    (from_json, valid(error=""), {"token_type": "Bearer"}),
    (strict_json, valid(expires_in=None, refresh_token="", scope=None), {"expires_in": None, "refresh_token": None, "scope": None, "extra": {}}),
    (from_json, valid(scope=" read  write "), {"scope": " read  write ", "scopes": ("read", "write")}),
    (from_json, valid(scope=["user:read", "chat:edit"]), {"scope": "user:read chat:edit"}),
    (from_json, valid(scope=[f"s_{n}" for n in range(300)]), {"scopes": tuple(f"s_{n}" for n in range(300))}),
    (strict_json, valid(scope=NQCHARS), {"scopes": (NQCHARS,)}),  # every NQCHAR, one scope token
    (within(len(SIZED)), SIZED, {"access_token": Secret("SECRET")}),  # max_bytes exactly
    (within(len(CAFE_TEXT)), CAFE_TEXT, {"extra": {"name": "ééé"}}),  # characters of a str
    (from_json, valid(padding="x" * 900_000), {"extra": {"padding": "x" * 900_000}}),
    (from_form, "access_token=a%2Bb+c&scope=r%20w&name=Zo%C3%AB", {"access_token": Secret("a+b c"), "scope": "r w", "extra": {"name": "Zoë"}}),
    (from_form, "access_token=a&&x=1", {"extra": {"x": "1"}}),  # an empty pair is skipped
    (from_form, "access_token=a&&refresh_token=&scope&", {"refresh_token": None, "scope": None}),
    (strict_form, "access_token=a&token_type=Bearer&issued_at=1700000000&expires_in=5", {"issued_at": at(1_700_000_000), "expires_in": 5}),
]
# fmt: on

# (parser, body, the same body as the parser reads alike)
ALIKE: list[tuple[Callable[..., Token], object, object]] = [
    *((from_json, kind(SIZED), SIZED) for kind in (bytearray, memoryview, bytes.decode)),
    (from_json, memoryview(SIZED)[0 : len(SIZED)], SIZED),
    *((from_json, SIZED + after, SIZED) for after in (b" ", b"\t", b"\n", b"\r", b"\r\n \t")),
    *((from_json, (SIZED + after).decode(), SIZED) for after in (b" ", b"\r\n \t")),
    (from_json, b"\xef\xbb\xbf" + SIZED, SIZED),  # RFC 8259 section 8.1: a BOM MAY be ignored
    (from_json, "\ufeff" + SIZED.decode(), SIZED),
    (from_form, b"access_token=a&expires_in=60", "access_token=a&expires_in=60"),
]


class TestBodies(TokenTestCase):
    def test_every_refused_body_names_its_member_and_says_why(self):
        for number, (parse, data, field, word) in enumerate(REFUSED):
            with self.subTest(row=number, data=reprlib.repr(data)):
                error = self.assertRejected(data, field, parser=parse, secrets=("SECRET", "Xq7"))
                self.assertIn(word, str(error))

    def test_a_member_whose_name_is_not_shown_leaves_a_message_of_printable_ascii(self):
        for name in ("m" * 65, *NOT_NAMES):
            with self.subTest(name=name):
                message = str(self.assertRejected(twice(name), None))
                self.assertTrue(message.isascii() and message.isprintable(), message)

    def test_every_read_body_gives_the_token_it_holds(self):
        for number, (parse, data, expected) in enumerate(READ):
            with self.subTest(row=number, data=reprlib.repr(data)):
                token = parse(data)
                for name, value in expected.items():
                    held = plain(token.extra) if name == "extra" else getattr(token, name)
                    self.assertEqual(held, value)

    def test_each_kind_of_body_is_read_alike(self):
        for number, (parse, data, same) in enumerate(ALIKE):
            with self.subTest(row=number, data=reprlib.repr(data)):
                self.assertEqual(parse(data, issued_at=NOW), parse(same, issued_at=NOW))


# JSON texts with brackets enough to nest too deep, every one of them inside a string.

# (body members, issued_at argument, clock, issued_at, expires_in): when a token starts
# to live, in this order: the argument (an aware datetime or epoch seconds), the body's
# issued_at (a future one counts as now), its expires_at, now; milliseconds above 10**11.
# fmt: off
TIMES: list[tuple[dict[str, object], object, float, datetime, int | None]] = [
    ({"issued_at": 1000, "expires_at": 5000}, NOW, N, NOW, 0),  # the argument first
    ({}, 1000, N, at(1000), None),
    ({}, 1000.9, N, at(1000), None),
    ({}, NOW.astimezone(timezone(timedelta(hours=1))) + timedelta(microseconds=999999), N, NOW, None),
    ({}, FIRST, N, FIRST, None),
    ({}, LAST, N, LAST, None),
    ({}, -62135596800, N, FIRST, None),  # epoch seconds of the first second of datetime
    ({}, -62135596800 + 0.5, N, FIRST, None),
    ({}, 253402300799, N, LAST, None),  # and of its last
    ({}, 253402300799.5, N, LAST, None),
    ({}, -1, N, datetime(1969, 12, 31, 23, 59, 59, tzinfo=UTC), None),
    ({}, 0, N, datetime(1970, 1, 1, tzinfo=UTC), None),
    ({}, 1, N, datetime(1970, 1, 1, 0, 0, 1, tzinfo=UTC), None),
    ({"issued_at": 1_700_000_000, "expires_in": 60}, None, N, at(1_700_000_000), 60),
    ({"issued_at": "1700000000"}, None, N, at(1_700_000_000), None),  # a digit string
    ({"issued_at": 1_700_000_000.9}, None, N, at(1_700_000_000), None),  # floored
    ({"issued_at": 1_700_000_000_123}, None, N, at(1_700_000_000), None),  # milliseconds
    ({"issued_at": 150_000_000_000}, None, N, at(150_000_000), None),
    ({"issued_at": 10**11 + 1}, None, N, at(10**8), None),
    ({"issued_at": 10**11}, None, 10**12, at(10**11), None),  # 10**11 itself: seconds
    ({"issued_at": N + 3600}, None, N + 0.5, NOW, None),  # in the future: now
    ({"issued_at": 10**20}, None, N, NOW, None),
    ({"issued_at": "9" * 64}, None, N, NOW, None),  # 64 digits: taken
    ({"issued_at": "0" * 70 + "1"}, None, N, at(1), None),  # leading zeros are no digits
    ({"issued_at": None}, NOW, N, NOW, None),  # null or "": omitted
    ({"issued_at": ""}, NOW, N, NOW, None),
    ({}, None, N + 0.75, NOW, None),  # nothing: now, in whole seconds
    ({"expires_at": 1_700_003_600, "expires_in": 3600}, None, N, at(1_700_000_000), 3600),
    ({"expires_at": "1700003600", "expires_in": 3600}, None, N, at(1_700_000_000), 3600),
    ({"expires_at": 1_600_000_000_000, "expires_in": 60}, None, N, at(1_599_999_940), 60),
    ({"expires_at": N + 7200, "expires_in": 3600}, None, N, NOW, 3600),  # a future start: now
    ({"expires_at": N + 90}, None, N + 0.5, NOW, 90),  # no expires_in: the seconds left
    ({"expires_at": N - 90}, None, N, NOW, 0),  # passed: 0 s left
    ({"expires_at": (N + 600) * 1000}, None, N, NOW, 600),  # milliseconds
    ({"expires_at": str((N + 60) * 1000)}, None, N, NOW, 60),
    ({"expires_at": 1_700_003_600, "expires_in": 3600}, NOW, N, NOW, 3600),  # unused, dropped
    ({"expires_at": -62135596800 + 10, "expires_in": 10}, None, N, FIRST, 10),  # to the year 1
]
# fmt: on

# (previous token's refresh_token and scope kept when the response omits them: RFC 6749
# section 6) parser, body, refresh_token, scope
PREVIOUS: list[tuple[Callable[..., Token], object, str, str]] = [
    (from_json, valid(access_token="new"), "old-refresh", "read write"),
    (from_json, valid(refresh_token="", scope=None), "old-refresh", "read write"),
    (from_json, valid(refresh_token="rotated", scope="read"), "rotated", "read"),
    (from_form, "access_token=new", "old-refresh", "read write"),
    (parse_token_response, valid(), "old-refresh", "read write"),
]


class TestTimes(unittest.TestCase):
    def test_a_token_lives_from_the_argument_the_body_s_times_or_now(self):
        for number, (members, argument, clock, issued_at, expires_in) in enumerate(TIMES):
            with self.subTest(row=number, members=members, argument=argument):
                with now_is(clock):
                    token = Token.try_from_bytes(valid(**members), issued_at=argument)
                self.assertEqual((token.issued_at, token.expires_in), (issued_at, expires_in))
                self.assertIs(token.issued_at.tzinfo, UTC)
                self.assertEqual(token.issued_at.microsecond, 0)
                self.assertFalse({"issued_at", "expires_at"} & token.extra.keys())
                if not members and argument is not None:
                    self.assertEqual(Token("a", issued_at=argument).issued_at, issued_at)  # type: ignore[arg-type]

    def test_a_refresh_response_keeps_the_previous_refresh_token_and_scope(self):
        previous = Token.try_from_bytes(valid(refresh_token="old-refresh", scope="read write"))
        for number, (parse, data, refresh_token, scope) in enumerate(PREVIOUS):
            with self.subTest(row=number):
                token = parse(data, previous=previous)
                self.assertEqual((token.refresh_token, token.scope), (Secret(refresh_token), scope))


def nested(opening: bytes, levels: int, closing: bytes, inner: bytes = b"") -> bytes:
    """A token whose member "deep" makes the body `levels` deep (the object is level 1)."""
    head, tail = b'{"access_token":"a","deep":', b"}"
    return head + opening * (levels - 1) + inner + closing * (levels - 1) + tail


TOO_DEEP = "nested deeper than 64 levels"

# (body, accepted): 64 levels of arrays or objects are read; 65 or more are refused,
# with TOO_DEEP, before the JSON decoder descends into them (CPython built for
# WebAssembly crashes on about 10,000 levels, and native builds stop at different
# depths with different errors). Brackets inside strings do not count.
NESTING: list[tuple[bytes, bool]] = [
    (nested(b"[", 64, b"]"), True),
    (nested(b"[", 65, b"]"), False),
    (nested(b'{"k":', 64, b"}", b"1"), True),
    (nested(b'{"k":', 65, b"}", b"1"), False),
    (nested(b"[", 101, b"]", b'"leaf"'), False),
    (nested(b"[", 66, b"]")[:-1] + b",}", False),  # a fault after the levels: depth first
    (nested(b"[[],", 63, b"]", b"1"), True),  # 64 levels, none 65 openings in a row
    (nested(b"[[],", 64, b"]", b"1"), False),
    (nested(b'[{"k":', 41, b"}]", b"1"), False),  # arrays and objects by turns, 81 deep
    (valid(note="[{" * 100 + '\\"' + "}]" * 3, other=["[[[", {"k": "{{{"}]), True),
    # a string holding an escaped quote, or ending in an escaped backslash
    (b'{"access_token":"a","s":"\\"[[[[","deep":' + b"[" * 63 + b"]" * 63 + b"}", True),
    (b'{"access_token":"a","s":"\\"","deep":' + b"[" * 64 + b"]" * 64 + b"}", False),
    (b'{"access_token":"a","s":"\\\\","deep":' + b"[" * 64 + b"]" * 64 + b"}", False),
    (b'{"deep":' + b"[" * 10_000 + b"]" * 10_000 + b"}", False),
    (b'{"deep":' + b'{"k":' * 10_000 + b"1" + b"}" * 10_001, False),
    (b'{"deep":' + b"[" * 10_000, False),  # never closed
    (b"{" * 10_000, False),
    (b" " * 20_000 + b'{"k":' * 2_000 + b"1" + b"}" * 2_000, False),  # after whitespace
    (b"[" * 100_000 + b"]" * 100_000, False),
    (b'{"a":' * 100_000 + b"1" + b"}" * 100_000, False),
]


class TestNesting(TokenTestCase):
    def test_64_levels_are_read_and_65_refused_before_decoding_on_every_python(self):
        parsers = {
            "try_from_bytes": Token.try_from_bytes,
            "parse_token_response": parse_token_response,
            "error try_from_bytes": ErrorParams.try_from_bytes,  # it reads no token
        }
        for number, (raw, accepted) in enumerate(NESTING):
            for name, parse in list(parsers.items())[: 2 if accepted else 3]:
                for data in (raw, raw.decode()):
                    with self.subTest(row=number, parser=name, type=type(data).__name__):
                        if accepted:
                            self.assertIsInstance(parse(data), Token)
                        else:
                            error = self.assertRejected(data, None, parser=parse)
                            self.assertIn(TOO_DEEP, str(error))

    def test_from_dict_and_the_constructor_hold_a_decoded_object_to_the_same_limit(self):
        for number, (raw, accepted) in enumerate(NESTING):
            if len(raw) > 1000 or raw.endswith(b",}"):
                continue  # decoded here only when short and well formed
            members = json.loads(raw)
            extra = {k: v for k, v in members.items() if k not in ("access_token", "token_type")}
            for build, given in ((Token.from_dict, members), (extra_of, extra)):
                with self.subTest(row=number, build=build):
                    if accepted:
                        self.assertIsInstance(build(given), Token)
                    else:
                        error = self.assertRejected(given, "deep", parser=build)
                        self.assertIn(TOO_DEEP, str(error))

    def test_a_field_given_to_the_constructor_counts_the_token_as_its_first_level(self):
        # As in a body: the object, then 63 lists are 64 levels; 64 lists are one too many.
        deep = functools.reduce(lambda inner, _: [inner], range(63), [])
        for build in (
            lambda scope: Token("a", scope=scope),
            lambda scope: Token.from_dict(a_token(scope=scope)),
        ):
            with self.subTest(build=build):
                self.assertIn(
                    "array of scope tokens",
                    str(self.assertRejected(deep[0], "scope", parser=build)),
                )
                self.assertIn(TOO_DEEP, str(self.assertRejected(deep, "scope", parser=build)))

    def test_a_decoded_member_holds_at_most_one_array_or_object_per_two_bytes_of_max_bytes(self):
        # Shared lists are counted at each place, as a body would spell them out. At the
        # default of 1 MiB the boundary takes seconds to walk: a smaller one shows the rule.
        with mock.patch.object(oauth_token, "_MAX_BODY", 64):
            for build, given in ((Token.from_dict, {"access_token": "a"}), (extra_of, {})):
                with self.subTest(build=build):
                    self.assertIsInstance(build({**given, "d": [[]] * 31}), Token)
                    error = self.assertRejected({**given, "d": [[]] * 32}, "d", parser=build)
                    self.assertIn("more than 32 arrays and objects", str(error))  # with d, 33


# --- Extra members --------------------------------------------------------------------------------
def held(value: object, *, secret: bool = False) -> object:
    """What `extra` holds of a JSON value: objects as mappings, arrays as tuples, and
    every string under a name ending in "token" (any case, any depth) as a Secret."""
    if isinstance(value, Mapping):
        return {k: held(v, secret=secret or k.lower().endswith("token")) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return tuple(held(item, secret=secret) for item in value)
    return Secret(value) if secret and isinstance(value, str) else value


def typed(value: object) -> object:
    """`value` with the type of every item beside it, and tuples told from lists."""
    if isinstance(value, Mapping):
        return {name: typed(item) for name, item in value.items()}
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [typed(item) for item in value])
    return (type(value), value)


MIXED = [1, None, "a", True, 1.5, {"k": "v"}, ["z"], False, 0, -2, 1.0, 0.0, "", "b", [], {}]  # 16
NUMBERS = [True, 1, 1.0, False, 0, 0.0, -(10**64 - 1), 10**64 - 1]
STRINGS = ["x", "x", "y", "", "x"]

# Members no field takes, each kept as decoded (see `held`).
EXTRA_MEMBERS: list[dict[str, object]] = [
    {f"member_{number}": number for number in range(300)},
    {"n": 1, "f": 1.5, "b": True, "z": None, "s": "x", "a": [1, "y"], "o": {"k": "v"}},
    {"fuzzz": "a", "zzzzz": "b", "tokens": "c", "token_type_hint": "d", "x_token_": "e"},
    {"id_token": "jwt", "mfa_token": "m", "accessToken": "camel", "ID_TOKEN": "upper"},
    {"nested": {"deep": {"session_token": "s", "tokens": "t"}}, "list_token": ["a", {"x": "b"}]},
    {"a_token": STRINGS, "b_token": ["x", True, None, "x", False, None, "z"]},
    {"o": {"c_token": STRINGS * 200}, "many": list(range(20)), "names": ["a", "b"] * 10},
    {"m": MIXED, "m_token": MIXED, "n": NUMBERS, "n_token": NUMBERS},
    {"refresh_token_expires_in": 100, "x_token": [1.5, 2, None, True] * 5},
    {"n": 10**64 - 1, "o": {"m": -(10**64 - 1)}, "e": {}, "a": []},
]


class TestExtraMembers(TokenTestCase):
    def test_every_other_member_is_held_as_decoded_with_token_strings_as_secrets(self):
        for number, members in enumerate(EXTRA_MEMBERS):
            made = (Token.try_from_bytes(valid(**members)), Token.from_dict(a_token(**members)))
            for how, token in enumerate((*made, extra_of(members))):
                with self.subTest(row=number, how=("bytes", "from_dict", "constructor")[how]):
                    self.assertEqual(typed(token.extra), typed(held(members)))
                    self.assertEqual(Token.try_from_bytes(token.to_json()), token)
                    written = json.loads(token.to_json())
                    self.assertEqual(typed({n: written[n] for n in members}), typed(members))

    def test_one_secret_per_distinct_string_whatever_else_the_array_holds(self):
        # The *token rule costs one Secret per distinct string of a body, even beside
        # numbers, arrays and objects, and in arrays nested in arrays.
        arrays = [["", "", 0, "", "a"], ["", "a", [""], {"k": ""}, "", 1.5, "a"], ["", "a"] * 10]
        for array in [*arrays, [["", "", 0, "a", ""]], [["", 0], ["", 0], ["a"]]]:
            members = {"x_token": array * 20, "y_token": ["a"]}
            tokens = (Token.try_from_bytes(valid(**members)), Token.from_dict(a_token(**members)))
            for token in tokens:
                with self.subTest(array=array, token=token):
                    found: list[Secret] = []
                    stack = [token.extra["x_token"], token.extra["y_token"]]
                    while stack:
                        item = stack.pop()
                        if isinstance(item, Secret):
                            found.append(item)
                        elif isinstance(item, (Mapping, tuple)):
                            stack.extend(item.values() if isinstance(item, Mapping) else item)
                    self.assertGreater(len(found), 20)
                    self.assertEqual(len({id(secret) for secret in found}), 2)  # "" and "a"

    def test_extra_is_read_only_at_every_depth_and_no_mapping_is_shared(self):
        token = Token.try_from_bytes(valid(o={"k": {}, "a": ["v"]}))
        error = ErrorParams.try_from_bytes(body(error="x"))
        empties = [token.extra["o"]["k"], error.extra, Token("a").extra, Token("b").extra]  # type: ignore[index]
        for mapping in [token.extra, token.extra["o"], *empties]:
            with self.subTest(mapping=mapping):
                self.assertIsInstance(mapping, Mapping)
                with contextlib.suppress(TypeError, AttributeError):
                    mapping.__init__({"id_token": "x"})  # type: ignore[misc]
                for name in ("_members", "id_token"):
                    with self.assertRaises(AttributeError):
                        setattr(mapping, name, {"id_token": "x"})
                    with self.assertRaises(AttributeError):
                        delattr(mapping, name)
                with self.assertRaises(TypeError):
                    mapping["id_token"] = "x"  # type: ignore[index]
        self.assertEqual(plain(token.extra), {"o": {"k": {}, "a": ["v"]}})
        self.assertEqual([dict(empty) for empty in empties], [{}, {}, {}, {}])
        self.assertEqual(len({id(empty) for empty in empties}), len(empties))

    def test_no_mapping_hands_its_members_to_what_it_is_compared_or_combined_with(self):
        seen: list[object] = []

        class Grab:  # what Python calls back with the other side of ==, | and <
            __hash__ = None  # type: ignore[assignment]

            def __eq__(self, other: object) -> bool:
                seen.append(other)
                return NotImplemented

            __ror__ = __gt__ = __eq__  # type: ignore[assignment]

        token = Token.try_from_bytes(valid(u={"id": "U1", "o": {}}, e={}))
        error = ErrorParams.try_from_bytes(body(error="x", m={}))
        for mapping in (token.extra, token.extra["u"], token.extra["e"], error.extra["m"]):
            for operation in (operator.eq, operator.or_, operator.lt):
                with contextlib.suppress(TypeError):
                    operation(mapping, Grab())
        self.assertEqual(len(seen), 12)
        self.assertFalse([other for other in seen if isinstance(other, (dict, MutableMapping))])
        self.assertEqual(plain(Token.try_from_bytes(valid(n={})).extra), {"n": {}})

    def test_from_dict_and_the_constructor_hold_str_subclasses_as_plain_str(self):
        class Text(str):
            def __repr__(self) -> str:
                return "Text()"

        t = Text
        kwargs = {"token_type": t("Bearer"), "expires_in": t("60"), "refresh_token": t("r")}
        kwargs["scope"] = t("a b")
        extra = {t("note"): t("n"), "id_token": t("j"), "o": {t("k"): [t("v")]}}
        members = {t("access_token"): t("a"), **kwargs, "issued_at": t("1700000000"), **extra}
        built = Token(t("a"), **kwargs, issued_at=1_700_000_000, extra=extra)  # type: ignore[arg-type]
        for token in (Token.from_dict(members), built):
            with self.subTest(token=token):
                fields = (token.token_type, token.expires_in, token.scope, token.issued_at)
                self.assertEqual(fields, ("Bearer", 60, "a b", at(1_700_000_000)))
                # Every text, the member names of extra included, a plain str
                texts = [token.access_token.expose_secret(), token.token_type, token.scope]
                texts += [token.refresh_token.expose_secret(), *token.extra, token.extra["note"]]  # type: ignore[union-attr]
                nested = token.extra["o"]
                texts += [token.id_token.expose_secret(), *nested, nested["k"][0]]  # type: ignore
                self.assertEqual([type(text) for text in texts], [str] * 11)
                self.assertEqual(Token.try_from_bytes(token.to_json()), token)

    def test_from_dict_holds_subclasses_of_numbers_arrays_and_objects_as_json_types(self):
        class Count(int):
            pass

        class Ratio(float):
            pass

        class Items(list):  # type: ignore[type-arg]
            pass

        given = {"n": Count(5), "r": Ratio(0.5), "t": (1, "x"), "l": Items([3]), "m": {"k": 1}}
        token = Token.from_dict({"access_token": "a", "o": given, "x_token": ("s",)})
        expected = {"n": 5, "r": 0.5, "t": (1, "x"), "l": (3,), "m": {"k": 1}}
        self.assertEqual(typed(token.extra["o"]), typed(expected))
        self.assertEqual(token.extra["x_token"], (Secret("s"),))

    def test_from_dict_does_not_change_its_argument(self):
        mapping = {"access_token": "a", "id_token": "x", "expires_in": 5, "o": {"k": [1]}}
        Token.from_dict(mapping)
        self.assertEqual(mapping, a_token(id_token="x", expires_in=5, o={"k": [1]}))


# --- Leaks: one walk over every entry point and every way it fails --------------------------------
class Named(NamedTuple):
    """A programming error: an exception of exactly this type, whose message names `word`."""

    type: type[Exception]
    word: str


class Interrupted(Mapping[str, object]):
    """A mapping whose iteration is interrupted, as by Ctrl-C, once its members are read."""

    def __init__(self, members: dict[str, object]) -> None:
        self.members, self.armed = members, True

    def __getitem__(self, name: str) -> object:
        return self.members[name]

    def __len__(self) -> int:
        return len(self.members)

    def __iter__(self) -> Iterator[str]:
        yield from self.members
        if self.armed:  # once: the walk reads it again afterwards
            self.armed = False
            raise KeyboardInterrupt


# fmt: off
def leak_cases() -> list[tuple[Any, ...]]:
    """(exception expected, callable, *arguments): every public entry point, given bad
    content and wrong arguments alike, each time with PLANTED among its arguments.
    The exception expected is a type, exactly, or a Named type, or a tuple of types of
    which the exception is one."""
    s, p, invalid, refused = PLANTED, functools.partial, InvalidTokenResponse, AccessTokenError
    tokens = {"access_token": s, "refresh_token": s, "id_token": s}
    good = json.dumps({**tokens, "token_type": "Bearer"}).encode()
    bad = json.dumps({**tokens, "expires_in": -1}).encode()
    form, mfa = f"access_token={s}&refresh_token={s}", {"mfa_token": s}
    naive, east = datetime(2026, 1, 1), timezone(timedelta(hours=1))
    token = Token(s, expires_in=60, refresh_token=s, extra={"id_token": s})
    params = ErrorParams("x", extra=mfa)
    either, plain_text = (invalid, refused), p(parse_token_response, content_type="text/plain")
    # Each way a body is refused, through every parser of bytes
    bodies = [bad, body(**tokens, expires_in="soon"), body(**tokens, scope='bad"scope'), json.dumps([tokens]).encode()]
    bodies += [body(**{**tokens, name: s + "\n"}) for name in ("access_token", "token_type")]
    bodies += [body(**{**tokens, "refresh_token": s + "\x00"}), good.replace(b'"refresh_token"', b'"access_token"')]
    bodies += [good + b"garbage", good[:-5], good + b"\xff", b"\xff" + good, good.replace(b'"Bearer"', b"NaN")]
    bodies += [good.replace(b'"Bearer"', b"1e999"), good[:-1] + b',"deep":' + b"[" * 5000 + b"]" * 5000 + b"}"]
    bodies += [good[:-1] + b',"n":' + b"9" * 100 + b"}", body(**tokens, error=[s], mfa_token=5, x_token=float("inf"))]
    parsers = (Token.try_from_bytes, p(Token.try_from_bytes, strict=True), p(parse_token_response, status=400))
    parsers += (ErrorParams.try_from_bytes,)
    # The parsers taking issued_at and previous, and wrong values of those
    timed = [(Token.try_from_bytes, good), (Token.try_from_form, form), (Token.from_dict, tokens), (parse_token_response, good)]
    wrong_times = [("issued_at", naive, ValueError), ("issued_at", "now", TypeError), ("issued_at", 1e20, ValueError)]
    wrong_times += [("previous", "x", TypeError), ("previous", tokens, TypeError)]
    # The parsers taking max_bytes: the argument is checked before the body
    limited = [(Token.try_from_bytes, good), (Token.try_from_bytes, b""), (Token.try_from_form, form)]
    limited += [(parse_token_response, good), (ErrorParams.try_from_bytes, good), (ErrorParams.try_from_form, form)]
    # issued_at: a bool, no number, or outside datetime (10**400: no OverflowError),
    # epoch seconds just before the first second of datetime, and just after its last
    wrong_starts = [(True, TypeError), ([1], TypeError), (float("nan"), ValueError), (float("inf"), ValueError)]
    wrong_starts += [(-1e20, ValueError), (-(10**12), ValueError), (10**400, ValueError)]
    wrong_starts += [(-62135596800 - 0.5, ValueError), (253402300799 + 1, ValueError)]
    return [
        *((either, parse, raw) for raw in bodies for parse in parsers),
        *((invalid, Token.try_from_bytes, data) for data in (bytearray(bad), memoryview(bad), bad.decode())),
        (invalid, p(Token.try_from_bytes, max_bytes=10), good),
        (invalid, p(Token.try_from_bytes, strict=True), json.dumps(tokens)),
        (invalid, Token.try_from_bytes, json.dumps({**tokens, "error": "invalid_grant"})),
        *((invalid, Token.try_from_form, form + tail) for tail in ("&expires_in=-1", "%zz", "&x=%FF", "\ud800%41")),
        *((invalid, Token.try_from_form, form + tail) for tail in ("&scope=" + form, "&error=invalid_grant")),
        *((invalid, Token.try_from_form, data) for data in (good.decode(), '{"access_token":"' + s + '==","n":"100%"}')),
        *((invalid, Token.from_dict, {**tokens, **members}) for members in ({"expires_in": -1}, {"x": {1, 2}}, {1: "x"})),
        *((invalid, Token.from_dict, {**tokens, **members}) for members in ({"o": {2: s}}, {"n": 10**64}, {"token_type": s + "\n"})),
        (invalid, p(parse_token_response, status=503), good),
        (invalid, p(parse_token_response, status=503, content_type="text/html"), s.encode()),
        (invalid, plain_text, form.encode() + b"%"),
        (invalid, plain_text, good.decode()),
        (invalid, p(parse_token_response, content_type="application/json"), bad),
        (refused, p(parse_token_response, status=403), body(error="mfa_required", **mfa)),
        (refused, parse_token_response, body(error={"type": "T", "session_token": s})),
        (refused, plain_text, f"error=x&mfa_token={s}"),
        (invalid, p(ErrorParams.try_from_bytes, strict=True), body(error=5, **mfa)),
        (invalid, ErrorParams.try_from_form, f"mfa_token={s}&error=%zz"),
        (invalid, ErrorParams.from_dict, {"error": "", **mfa}),
        (invalid, ErrorParams.from_dict, {"error": 10**5000, **mfa}),
        # Bad values, through the constructors
        (invalid, Token, s + "\n"),
        (invalid, p(Token, expires_in=-1, refresh_token=s), s),
        (invalid, p(Token, refresh_token=s + "\x00"), s),
        (invalid, p(Token, token_type=s + "\n"), s),
        *((invalid, p(Token, extra=extra), s) for extra in ({"foo": Secret(s)}, {"x": {1, 2}, "id_token": s})),
        *((invalid, p(Token, extra=extra), s) for extra in ({"expires_in": 5, "id_token": s}, {"error": s})),
        (invalid, ErrorParams, "", None, None, mfa),
        (invalid, ErrorParams, "x", 5, None, mfa),
        (invalid, ErrorParams, "x", None, None, {**mfa, "bad": object()}),
        (invalid, ErrorParams, "x", None, None, {"a_token": s, "bad": {1, 2}}),
        (invalid, p(dataclasses.replace, expires_in=-1), token),
        # Wrong arguments: programming errors, a TypeError or ValueError naming the argument
        *((Named(error, name), p(parse, **{name: value}), data) for parse, data in timed for name, value, error in wrong_times),
        *((Named(error, "max_bytes"), p(parse, max_bytes=limit), data)
          for parse, data in limited for limit, error in (("1", TypeError), (True, TypeError), (-1, ValueError))),
        *((Named(error, "issued_at"), p(parse, issued_at=value), data)
          for parse, data in ((Token.try_from_bytes, good), (Token, s)) for value, error in wrong_starts),
        (Named(TypeError, "status"), p(parse_token_response, status="200"), good),
        (Named(TypeError, "status"), p(parse_token_response, status=True), good),
        (Named(TypeError, "content_type"), p(parse_token_response, content_type=b"x"), good),
        *((Named(TypeError, "body"), parse, data) for parse, data in ((Token.try_from_bytes, [good]), (ErrorParams.try_from_bytes, [good]))),
        *((Named(TypeError, "body"), Token.try_from_bytes, data) for data in (123, None)),
        *((Named(TypeError, "from_dict"), parse, tokens) for parse in (Token.try_from_bytes, Token.try_from_form, parse_token_response)),
        *((Named(TypeError, "from_dict"), parse, tokens) for parse in (ErrorParams.try_from_bytes, ErrorParams.try_from_form)),
        *((Named(TypeError, "mapping"), parse, data) for parse, data in ((Token.from_dict, form), (ErrorParams.from_dict, form))),
        (Named(TypeError, "mapping"), Token.from_dict, [("access_token", s)]),
        *((Named(TypeError, "str"), Secret, value) for value in (s.encode(), [s], bytearray(s.encode()), 12345, None)),
        (Named(ValueError, "issued_at"), p(Token, refresh_token=s, issued_at=naive), s),
        (Named(TypeError, "issued_at"), p(Token, refresh_token=s, issued_at="now"), s),
        (Named(TypeError, "extra"), p(Token, refresh_token=s, extra=form), s),
        (Named(TypeError, "extra"), p(Token, refresh_token=s, extra=[("id_token", s)]), s),
        (Named(TypeError, "extra"), p(ErrorParams, extra=[("mfa_token", s)]), "x"),
        *((Named(TypeError, "params"), AccessTokenError, value) for value in ("x", None, {"error": "x"})),
        *((Named(TypeError, "status"), AccessTokenError, params, value) for value in ("500", True, 5.0)),
        # Options after the body are keyword-only
        *((TypeError, parse, data, None) for parse, data in ((Token.try_from_bytes, good), (Token.try_from_form, form))),
        (TypeError, Token.from_dict, tokens, None),
        (TypeError, parse_token_response, good, 200),
        (TypeError, ErrorParams.try_from_bytes, body(error="x", **mfa), None),
        (TypeError, ErrorParams.try_from_form, f"error=x&mfa_token={s}", None),
        (TypeError, ErrorParams.from_dict, {"error": "x", **mfa}, None),
        (TypeError, InvalidTokenResponse, "the body: is empty", None, 503),
        # Wrong arguments to a token's methods: the token is in their frames
        *((Named(ValueError, "now"), p(token.is_expired, now=now)) for now in (naive, datetime.min.replace(tzinfo=east))),
        (Named(TypeError, "leeway"), p(token.is_expired, leeway="60")),
        *((Named(ValueError, "leeway"), p(token.is_expired, leeway=leeway)) for leeway in (-1, float("nan"))),
        (Named(TypeError, "now"), token.remaining, "now"),
        (Named(ValueError, "now"), token.remaining, naive),
        (Named(ValueError, "now"), token.sync_expires_in, naive),
        (Named(TypeError, "now"), token.sync_expires_in, NOW.date()),
        # Ctrl-C during a parse: the traceback it leaves may be recorded like any other
        (KeyboardInterrupt, Token.from_dict, Interrupted(tokens)),
        (KeyboardInterrupt, Token.from_dict, {**tokens, "o": Interrupted({})}),
        (KeyboardInterrupt, p(Token, extra=Interrupted({"x_token": s})), s),
        (KeyboardInterrupt, ErrorParams.from_dict, Interrupted({"error": "x", **mfa})),
        (KeyboardInterrupt, p(ErrorParams, extra=Interrupted(tokens)), "x"),
    ]
# fmt: on


def raised(function: Callable[..., object], *args: object) -> BaseException | None:
    """What `function(*args)` raises: this frame, the first of its traceback, holds the
    arguments, as the caller's own frame would."""
    try:
        function(*args)
    except BaseException as error:  # Ctrl-C is one of the cases
        return error
    return None


class TestNoSecretLeaks(unittest.TestCase):
    def test_every_failure_raises_its_exception_and_shows_no_secret_anywhere(self):
        # Error reporters (Sentry) record an exception's message, args, chain and notes,
        # the objects it references, and the local variables of every traceback frame;
        # process pools and task queues pickle it.
        cases = leak_cases()
        self.assertGreater(len(cases), 150)
        for number, (expected, function, *args) in enumerate(cases):
            name = getattr(getattr(function, "func", function), "__qualname__", function)
            with self.subTest(case=number, function=name):
                error = raised(function, *args)
                if isinstance(expected, Named):
                    self.assertIs(type(error), expected.type)
                    self.assertIn(expected.word, str(error))
                elif isinstance(expected, tuple):
                    self.assertIsInstance(error, expected)
                else:
                    self.assertIs(type(error), expected)
                assert error is not None
                self.assertIsNone(error.__cause__)
                self.assertIsNone(error.__context__)
                texts = [*texts_of(error), *texts_within(error)]
                texts.append(pickle.dumps(error).decode("latin-1"))
                frames = list(frames_after(error.__traceback__))
                ours = [f.f_code.co_name for f in frames if f.f_globals is vars(oauth_token)]
                target = getattr(function, "func", function)
                bound = getattr(target, "__self__", None)  # a token's methods are not wrapped
                if target not in (Secret, InvalidTokenResponse) and not isinstance(bound, Token):
                    self.assertEqual(ours, ["entry_point"])  # one frame of the module, no deeper
                for frame in frames:
                    for local, value in frame.f_locals.items():
                        where = f"{frame.f_code.co_name}(): {local}"
                        texts += [f"{where}: {text}" for text in texts_within(value)]
                for text in texts:
                    self.assertNotIn(PLANTED, text)
                error.__traceback__ = None  # no cycle through this frame

    def test_invalid_token_response_is_a_value_error_that_pickles_with_its_field(self):
        self.assertTrue(issubclass(InvalidTokenResponse, ValueError))
        error = InvalidTokenResponse("'scope': bad", "scope", status=503)
        copied = pickle.loads(pickle.dumps(error))
        self.assertEqual((str(copied), copied.field, copied.status), ("'scope': bad", "scope", 503))


# --- Error responses (section 5.2), AccessTokenError, parse_token_response ------------------------
AZURE = "AADSTS70011: bad scope.\r\nTrace ID: 255d1aef\r\nTimestamp: 2016-01-09 02:02:12Z"
GRAPH = {"message": "Session has expired", "type": "OAuthException", "code": 190, "fbtrace_id": "H"}
URIS = (
    "https://e.com/e?x=1#f",
    "/errors/invalid_grant",
    "errors",
    "#f",
    "urn:ietf:rfc:6749",
    "s3://b/e",
)
URIS += ("https://e.com/%20x",)
NOT_URIS = ("has space", "https://e.com/<x>", "c:d ", "1a:b/c", "%zz", "1a:b", "a#b#c", "/##")
TRIO = err("invalid_grant", error_description="Bad code", error_uri="/e", trace_id="t")
TOO_LONG_CODES = (10**5000, -(10**5000), -(10**64), -(10**65), {"code": 10**5000}, float("inf"))

# (members, modes, what the error params hold, or the member refused): lenient, any
# non-empty error and what real servers send; strict, RFC 6749 Appendix A.7-A.9.
ERRORS: list[tuple[dict[str, object], tuple[bool, ...], Holds | str]] = [
    (TRIO, BOTH, Holds(error="invalid_grant", error_description="Bad code", error_uri="/e")),
    (TRIO, BOTH, Holds(extra={"trace_id": "t"})),  # every other member is kept
    (err("x"), BOTH, Holds(error_description=None, error_uri=None, extra={})),
    (err("bad_verification_code"), BOTH, Holds(error="bad_verification_code")),  # kept as sent
    ({"error_description": "x"}, BOTH, "error"),
    (err(None), BOTH, "error"),
    (err(""), BOTH, "error"),
    (err("x", error_description=AZURE, error_codes=[7]), LENIENT, Holds(error_description=AZURE)),
    (err("x", error_description=AZURE), STRICT, "error_description"),  # CR LF
    (err('a"b'), STRICT, "error"),
    (err("é"), STRICT, "error"),
    (err("x", error_description="a\\b"), STRICT, "error_description"),
    (err("x", error_description="tab\t"), STRICT, "error_description"),
    *((err("x", error_uri=uri), STRICT, Holds(error_uri=uri)) for uri in URIS),
    *((err("x", error_uri=uri), STRICT, "error_uri") for uri in NOT_URIS),
    (err("x", error_uri="/apps/oauth"), LENIENT, Holds(error_uri="/apps/oauth")),  # GitHub's
    (err(GRAPH), LENIENT, Holds(error="OAuthException", error_description="Session has expired")),
    (err(GRAPH), LENIENT, Holds(extra={"error": GRAPH})),  # the original stays in extra
    (err({"type": "T", "message": {"en": "m"}}), LENIENT, Holds(error="T", error_description=None)),
    (err({"code": 190}), LENIENT, Holds(error="190")),
    (err({"code": "E1"}), LENIENT, Holds(error="E1")),
    (err({"message": "m"}), LENIENT, Holds(error="unknown_error", error_description="m")),
    (err(401, message="Unauthorized"), LENIENT, Holds(error="401")),  # Reddit's
    (err(401, message="No"), LENIENT, Holds(extra={"error": 401, "message": "No"})),
    (err(1.5), LENIENT, Holds(error="1.5")),
    (err(10**64 - 1), LENIENT, Holds(error=str(10**64 - 1))),
    (err(True), LENIENT, Holds(error="unknown_error")),
    (err(["x"]), LENIENT, Holds(error="unknown_error")),
    *((err(value), STRICT, "error") for value in ({"type": "OAuthException"}, 401, True)),
    (err("x", error_description={"en": "t"}), LENIENT, Holds(error_description=None)),
    (err("x", error_description=[1]), LENIENT, Holds(extra={"error_description": [1]})),
    (err("x", error_description=5), STRICT, "error_description"),
    *((err(code, mfa_token="SECRET"), LENIENT, "error") for code in TOO_LONG_CODES),
    (err({"type": "T", "n": 10**64}, mfa_token="SECRET"), LENIENT, "error"),
    (err("mfa_required", mfa_token="Fe26"), BOTH, Holds(extra={"mfa_token": Secret("Fe26")})),
]

# (body, status, content_type, what the answer holds, or the Refusal): a token for a 2xx
# success, AccessTokenError for an error response whatever the status, and else
# InvalidTokenResponse, which names a status that is not 2xx.
FORM_BODY = b"access_token=a&token_type=bearer"
GITHUB_ERROR = b"error=bad_verification_code&error_description=Code+expired&error_uri=%2Fapps"
FORM_TYPES = ("application/x-www-form-urlencoded", "Application/X-WWW-Form-Urlencoded; a=b")
JSON_TYPES = ("application/json", "application/json; charset=utf-8", "text/html", "")
HTML = b"<html>Service Unavailable</html>"
RESPONSES: list[tuple[bytes, int, str | None, Holds | Refusal]] = [
    *((valid(), status, None, Holds(token_type="Bearer")) for status in (200, 201, 299)),
    *((valid(), status, None, Refusal(None, False, "is no token")) for status in (100, 199, 300)),
    *((valid(), status, None, Refusal(None, False, "is no token")) for status in (302, 400)),
    (valid(), 500, None, Refusal(None, True, "is no token")),
    (valid(), 503, "application/json", Refusal(None, True, "is no token")),
    *((body(error="invalid_client"), s, None, Answer(retryable=False)) for s in (200, 400, 401)),
    (body(error="invalid_client"), 500, None, Answer(error="invalid_client", retryable=True)),
    (body(error="authorization_pending"), 400, None, Answer(retryable=True)),  # the device flow
    *((b"<html>Bad Gateway</html>", s, None, Refusal(None, False, "not JSON")) for s in (200, 400)),
    (b"<html>Bad Gateway</html>", 502, None, Refusal(None, True, "not JSON")),
    (b"{}", 200, None, Refusal("access_token", False, "is missing")),
    (b"{}", 400, None, Refusal(None, False, "no error response")),
    (HTML, 503, "text/html", Refusal(None, True, "not JSON")),  # a proxy's page
    (HTML, 503, None, Refusal(None, True, "not JSON")),
    (HTML, 500, "text/html", Refusal(None, True, "not JSON")),
    (b'{"message": "Bad gateway"}', 502, "application/json", Refusal(None, True, "is no token")),
    (b"", 429, None, Refusal(None, True, "is empty")),
    (b"upstream=timeout", 599, "text/plain", Refusal(None, True, "is no token")),
    (b"a=b", 404, None, Refusal(None, False, "is no token")),
    *((HTML, status, "text/html", Refusal(None, False, "not JSON")) for status in (425, 428, 600)),
    *((HTML, status, None, Refusal(None, False, "not JSON")) for status in (200, 204, 299)),
    # content_type is read as HTTP does; without one, a body not starting like JSON that
    # holds a "=" is a form, as GitHub answers by default
    *((FORM_BODY, 200, ct, Holds(token_type="bearer")) for ct in FORM_TYPES),
    *((FORM_BODY, 200, ct, Holds(token_type="bearer")) for ct in ("text/plain", " text/plain;a")),
    *((valid(), 200, ct, Holds(token_type="Bearer")) for ct in JSON_TYPES),
    *((FORM_BODY, 200, ct, Refusal(None, False, "not JSON")) for ct in JSON_TYPES),
    (PROVIDERS["github_form"][1], 200, None, Holds(scope="repo,gist", token_type="bearer")),
    (GITHUB_ERROR, 200, None, Answer(error="bad_verification_code", error_uri="/apps")),
    (GITHUB_ERROR, 200, FORM_TYPES[0], Answer(error_description="Code expired", retryable=False)),
    (valid(state="a=b"), 200, None, Holds(extra={"state": "a=b"})),
    (b"\xef\xbb\xbf \r\n" + valid(state="a=b"), 200, None, Holds(extra={"state": "a=b"})),
    (b"access_token", 200, None, Refusal(None, False, "not JSON")),
    (b'[{"a":"="}]', 200, None, Refusal(None, False, "JSON object")),
]

# (body, status, content_type, member): strict=True holds every kind of answer to the
# letter, and a form's values after their %-escapes.
STRICT_RESPONSES = [
    (body(access_token="a"), 200, None, "token_type"),
    (body(error={"type": "x"}), 400, None, "error"),
    *((b"token_type=Bearer&access_token=a%0Ab", 200, ct, "access_token") for ct in FORM_TYPES),
    (b"token_type=Bearer&access_token=a&refresh_token=%7F", 200, "text/plain", "refresh_token"),
    (b"token_type=Bearer&access_token=a&scope=caf%C3%A9", 200, "text/plain", "scope"),
]


class TestErrorResponses(TokenTestCase):
    def test_every_row_of_the_error_table_holds_from_json_and_from_a_mapping(self):
        for number, (members, modes, outcome) in enumerate(ERRORS):
            given: list[tuple[Callable[..., Any], object]] = [(ErrorParams.from_dict, members)]
            with contextlib.suppress(ValueError):  # JSON has no 5,000 digits nor infinity
                given.append((ErrorParams.try_from_bytes, json.dumps(members, allow_nan=False)))
            for options in (
                {"strict": True} if strict else {} for strict in modes
            ):  # lenient: the default
                for parse, data in given:
                    with self.subTest(row=number, parser=parse.__qualname__, **options):
                        if isinstance(outcome, str):
                            self.assertRejected(data, outcome, parser=parse, **options)
                        else:
                            self.assertHolds(parse(data, **options), outcome)

    def test_the_registered_codes_are_those_of_rfc_6749_8628_and_8707(self):
        rfc_6749 = {  # sections 4.1.2.1, 4.2.2.1 and 5.2
            *("invalid_request", "invalid_client", "invalid_grant", "unauthorized_client"),
            *("unsupported_grant_type", "invalid_scope", "access_denied", "server_error"),
            *("unsupported_response_type", "temporarily_unavailable"),
        }
        rfc_8628 = {"authorization_pending", "slow_down", "expired_token"}  # section 3.5
        rfc_8707 = {"invalid_target"}  # section 2
        self.assertEqual(REGISTERED_ERROR_CODES, frozenset(rfc_6749 | rfc_8628 | rfc_8707))
        self.assertIsInstance(REGISTERED_ERROR_CODES, frozenset)

    def test_a_form_error_is_decoded_as_github_sends_it_leniently_by_default(self):
        params = ErrorParams.try_from_form("error=bad_code&error_description=A+b.%0D%0Ac")
        self.assertEqual((params.error, params.error_description), ("bad_code", "A b.\r\nc"))

    def test_the_constructor_validates_its_values(self):
        refused = [
            (("",), "error"),
            ((None,), "error"),
            ((5,), "error"),
            (("x", 5), "error_description"),
        ]
        refused += [(("x", None, 5), "error_uri"), (("x", None, None, {"n": 10**64}), "n")]
        for args, field in refused:
            with self.subTest(args=args):
                self.assertRejected(args, field, parser=lambda given: ErrorParams(*given))

    def test_str_subclasses_are_stored_as_plain_str(self):
        class Text(str):
            def __repr__(self) -> str:
                return "Text()"

        t = Text
        members = {t("error"): t("x"), "error_description": t("d"), "error_uri": t("/u")}
        members[t("k")] = t("v")
        built = ErrorParams(t("x"), t("d"), t("/u"), {t("k"): t("v")})
        for params in (built, ErrorParams.from_dict(members, strict=True)):
            with self.subTest(params=params):
                texts = [params.error, params.error_description, params.error_uri, *params.extra]
                texts.append(params.extra["k"])  # type: ignore[arg-type]
                self.assertEqual(texts, ["x", "d", "/u", "k", "v"])
                for text in texts:
                    self.assertIs(type(text), str)

    def test_is_a_read_only_slotted_dataclass_of_four_fields_that_copies_and_compares(self):
        names = ["error", "error_description", "error_uri", "extra"]
        self.assertEqual([field.name for field in dataclasses.fields(ErrorParams)], names)
        params = ErrorParams("x", "d", "u", {"mfa_token": "m", "o": {"a": [1]}})
        self.assertFalse(hasattr(params, "__dict__"))
        as_dict = dataclasses.asdict(params)
        self.assertEqual(as_dict, dict(zip(names, ("x", "d", "u", params.extra), strict=True)))
        self.assertEqual(as_dict["extra"]["mfa_token"], Secret("m"))  # secrets stay so
        self.assertEqual(dataclasses.astuple(params), tuple(as_dict.values()))
        with self.assertRaises(dataclasses.FrozenInstanceError):
            params.error = "y"  # type: ignore[misc]
        self.assertEqual(copy.deepcopy(params), params)
        self.assertEqual(pickle.loads(pickle.dumps(params)), params)
        extra = {"mfa_token": "m", "o": {"a": [1]}}
        others = [ErrorParams("y", "d", "u", extra), ErrorParams("x", "e", "u", extra), "x"]
        others += [ErrorParams("x", "d", "v", extra), ErrorParams("x", "d", "u", {**extra, "o": 2})]
        for other in others:
            with self.subTest(other=other):
                self.assertNotEqual(params, other)
                self.assertNotEqual(other, params)
        with self.assertRaises(TypeError):
            hash(params)

    def test_init_called_again_raises_and_changes_nothing(self):
        params = ErrorParams("invalid_grant", "d", "/e", {"n": 1})
        before = copy.deepcopy(params)
        for args in (("access_denied",), ("x", "forged", "https://evil.example/", {"m": 2})):
            with self.subTest(args=args):
                with self.assertRaises(dataclasses.FrozenInstanceError):
                    params.__init__(*args)  # type: ignore[misc]
                self.assertEqual(params, before)
                self.assertEqual(dict(params.extra), {"n": 1})

    def test_repr_shows_the_extra_keys_not_their_values(self):
        params = ErrorParams("x", extra={"trace": "value-123", "mfa_token": "Fe26.2**x"})
        self.assertIn("'trace'", repr(params))
        self.assertIn("'mfa_token'", repr(params))
        self.assertNotIn("value-123", repr(params))
        self.assertNotIn("Fe26", repr(params))


class TestAccessTokenError(unittest.TestCase):
    def error(self, code: str, status: int | None = 400, **members: object) -> AccessTokenError:
        return AccessTokenError(ErrorParams(code, **members), status)  # type: ignore[arg-type]

    def test_carries_params_and_status_as_its_args(self):
        params = ErrorParams("invalid_request")
        error = AccessTokenError(params, status=429)
        self.assertIsInstance(error, Exception)
        self.assertEqual((error.params, error.status, error.args), (params, 429, (params, 429)))
        self.assertEqual(AccessTokenError(params).args, (params, None))

    def test_is_retryable_for_a_pending_or_slowed_down_flow_a_server_error_429_and_5xx(self):
        codes = ("authorization_pending", "slow_down", "temporarily_unavailable", "server_error")
        for code, status, retryable in (
            *((code, 400, True) for code in codes),
            *(("invalid_request", status, True) for status in (429, 500, 503, 599)),
            *(("x", status, False) for status in (600, 499, 428, 430)),
            ("invalid_grant", 400, False),
            ("invalid_client", 401, False),
            ("access_denied", None, False),
        ):
            with self.subTest(code=code, status=status):
                self.assertIs(self.error(code, status).retryable, retryable)

    def test_str_reads_well_in_a_traceback(self):
        described = {"error_description": "Code expired", "error_uri": "https://e.com/x"}
        c, d = "c" * 100, "d" * 200
        layout = "invalid_grant: Code expired (HTTP 400; see https://e.com/x)"
        for error, shown in (
            (self.error("invalid_grant", 400, **described), layout),
            (self.error("invalid_grant", None), "invalid_grant"),
            (self.error("invalid_grant", 503), "invalid_grant (HTTP 503)"),
            (self.error(c + "c" * 50, None, error_description=d + "d" * 100), f"{c}...: {d}..."),
            (self.error(c, None, error_description=d), f"{c}: {d}"),
        ):
            with self.subTest(shown=shown[:40]):
                self.assertEqual(str(error), shown)
        self.assertLess(len(str(self.error("x", 400, error_description="y" * 10_000))), 400)

    def test_str_escapes_what_could_forge_or_reorder_a_log_line(self):
        bidi = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        controls = "\r\n\x1b\u2028" + bidi
        members = {"error_description": "a" + controls + "b", "error_uri": "/" + controls}
        shown = str(self.error("x\n" + controls, 400, **members))
        for control in controls:
            self.assertNotIn(control, shown)
        for escaped in ("\\r\\n", "\\x1b", "\\u2028", "\\u200e", "\\u202e", "\\u2069"):
            self.assertIn(escaped, shown)

    def test_a_pickled_error_leaves_out_every_secret_and_keeps_the_rest(self):
        secret = "s3cr3t-mfa-AAAA"
        members = {"error_description": "MFA required", "error_uri": "https://e.com/mfa"}
        nested = {"x_token": [secret, 1], "k": "v"}
        raw = body(error="mfa_required", **members, mfa_token=secret, o=nested, kept=[1, "a"])
        with self.assertRaises(AccessTokenError) as caught:
            parse_token_response(raw, status=429)
        if sys.version_info >= (3, 11):
            caught.exception.add_note("a note")  # kept: only params' secrets are left out
        data = pickle.dumps(caught.exception)
        self.assertNotIn(secret.encode(), data)
        copied = pickle.loads(data)
        params = copied.params
        described = (params.error, params.error_description, params.error_uri)
        self.assertEqual(described, ("mfa_required", *members.values()))
        self.assertEqual((copied.status, copied.retryable), (429, True))
        self.assertEqual(plain(params.extra), {"o": {"x_token": [1], "k": "v"}, "kept": [1, "a"]})
        notes = getattr(caught.exception, "__notes__", None)
        self.assertEqual(getattr(copied, "__notes__", None), notes)
        # the exception raised keeps its secrets: only the pickle leaves them out
        self.assertEqual(caught.exception.params.extra["mfa_token"], Secret(secret))


class TestParseTokenResponse(TokenTestCase):
    def test_every_row_of_the_response_table_holds(self):
        for number, (raw, status, ctype, outcome) in enumerate(RESPONSES):
            parse = functools.partial(parse_token_response, status=status, content_type=ctype)
            with self.subTest(row=number, status=status, content_type=ctype, raw=raw[:30]):
                if isinstance(outcome, Refusal):
                    error = self.assertRejected(raw, outcome.field, parser=parse)
                    self.assertEqual((error.status, error.retryable), (status, outcome.retryable))
                    self.assertIn(outcome.word, str(error))
                    named = "" if 200 <= status <= 299 else f" (HTTP {status})"
                    self.assertTrue(str(error).endswith(named), str(error))
                    self.assertEqual(str(error).count("HTTP"), len(named) and 1)
                elif isinstance(outcome, Answer):
                    with self.assertRaises(AccessTokenError) as caught:
                        parse(raw)
                    self.assertEqual(caught.exception.status, status)
                    self.assertHolds(caught.exception, outcome)
                else:
                    self.assertHolds(parse(raw), outcome)

    def test_strict_holds_tokens_error_responses_and_forms_after_their_escapes_to_the_letter(self):
        for raw, status, ctype, field in STRICT_RESPONSES:
            parse = functools.partial(parse_token_response, status=status, content_type=ctype)
            with self.subTest(raw=raw, content_type=ctype):
                self.assertRejected(raw, field, parser=parse, strict=True)

    def test_the_default_status_is_200(self):
        with self.assertRaises(AccessTokenError) as caught:
            parse_token_response(body(error="invalid_grant"))
        self.assertEqual(caught.exception.status, 200)
        error = self.assertRejected(b"not json", None, parser=parse_token_response)
        self.assertEqual(error.status, 200)

    def test_only_parse_token_response_gives_an_invalid_response_a_status(self):
        for parse in (Token.try_from_bytes, ErrorParams.try_from_bytes):
            error = self.assertRejected(b"<html>Bad Gateway</html>", None, parser=parse)
            self.assertEqual((error.status, error.retryable), (None, False))
        error = InvalidTokenResponse("the body: is empty")
        self.assertEqual((error.field, error.status, error.retryable), (None, None, False))

    def test_issued_at_previous_and_max_bytes_are_passed_on(self):
        previous = token_at(60, refresh_token="r")
        token = parse_token_response(valid(), issued_at=NOW, previous=previous)
        self.assertEqual((token.issued_at, token.refresh_token), (NOW, Secret("r")))
        self.assertRejected(valid(), None, parser=parse_token_response, max_bytes=10)


class MyToken(Token):
    """A subclass, at module level so that pickle finds it."""


class MyError(ErrorParams):
    """A subclass, at module level so that pickle finds it."""


def imported_modules() -> list[str]:
    """Every module oauth_token.py imports, at module level or inside a function (a
    relative import, of level 1 or more, names no module of its own)."""
    tree = ast.parse(Path(oauth_token.__file__).read_text(encoding="utf-8"))
    nodes = list(ast.walk(tree))
    names = [a.name for n in nodes if isinstance(n, ast.Import) for a in n.names]
    return names + ["." * n.level + (n.module or "") for n in nodes if type(n) is ast.ImportFrom]


class TestPublicNames(unittest.TestCase):
    def test_all_lists_the_contract_and_the_version_is_a_release_number(self):
        names = {"Secret", "IssueAccessTokenSuccessParams", "IssueAccessTokenErrorParams"}
        names |= {"InvalidTokenResponse", "AccessTokenError", "parse_token_response"}
        names |= {"REGISTERED_ERROR_CODES", "__version__"}
        self.assertEqual(set(oauth_token.__all__), names)
        for name in oauth_token.__all__:
            self.assertTrue(hasattr(oauth_token, name), name)
        self.assertRegex(oauth_token.__version__, r"^\d+\.\d+\.\d+$")

    def test_the_parsers_keep_their_names_docstrings_and_signatures(self):
        # help() and IDEs read these through the wrapper that strips tracebacks.
        names = ("try_from_bytes", "try_from_form", "from_dict")
        parsers = [(cls, name) for cls in (Token, ErrorParams) for name in names]
        for owner, name in [*parsers, (oauth_token, "parse_token_response")]:
            parser = getattr(owner, name)
            with self.subTest(parser=name, owner=owner):
                qualname = name if owner is oauth_token else f"{owner.__name__}.{name}"
                self.assertEqual(parser.__qualname__, qualname)
                self.assertIsNotNone(parser.__doc__)
                self.assertIn("strict", inspect.signature(parser).parameters)

    def test_every_public_annotation_resolves_at_run_time(self):
        objects: list[Any] = [Token, ErrorParams, Secret, InvalidTokenResponse, AccessTokenError]
        for cls in list(objects):
            kinds = (classmethod, property)
            members = [name for name, v in vars(cls).items() if callable(v) or isinstance(v, kinds)]
            objects += [getattr(cls, name) for name in members]
        for item in [*objects, parse_token_response]:
            annotated = item.fget if isinstance(item, property) else item
            with self.subTest(item=getattr(annotated, "__qualname__", annotated)):
                typing.get_type_hints(annotated)
        hints = typing.get_type_hints(Token)
        self.assertEqual(list(hints), [field.name for field in dataclasses.fields(Token)])

    def test_a_pydantic_model_holds_a_token_and_error_params(self):
        try:
            import pydantic
        except ImportError:
            self.skipTest("pydantic is not installed (CI's tool environment has it)")

        class Session(pydantic.BaseModel):
            model_config = pydantic.ConfigDict(arbitrary_types_allowed=True)
            token: Token
            refresh: Secret | None = None
            failure: ErrorParams | None = None

        token = Token.try_from_bytes(valid(refresh_token="r", id_token="i"))
        failure = ErrorParams.try_from_bytes(body(error="slow_down"))
        session = Session(token=token, refresh=token.refresh_token, failure=failure)
        self.assertIs(session.token, token)
        self.assertIs(session.failure, failure)
        self.assertNotIn("mF_9.B5f-4.1JqM", repr(session))

    def test_the_parsers_build_the_class_they_are_called_on(self):
        built = [MyToken.try_from_bytes(valid()), MyToken.try_from_form("access_token=a")]
        built += [MyToken.from_dict({"access_token": "a"}), MyError.try_from_bytes(body(error="x"))]
        built += [MyError.try_from_form("error=x"), MyError.from_dict({"error": "x"})]
        for made in built:
            with self.subTest(made=made):
                self.assertIs(type(made), MyToken if isinstance(made, Token) else MyError)
                self.assertIs(type(copy.deepcopy(made)), type(made))
                self.assertIs(type(pickle.loads(pickle.dumps(made))), type(made))

    def test_the_module_docstring_examples_run(self):
        failed, attempted = doctest.testmod(oauth_token, verbose=False)
        self.assertEqual((failed, attempted > 0), (0, True))

    def test_the_module_imports_only_the_standard_library_and_no_private_module(self):
        names = imported_modules()
        self.assertIn("json", names)  # the walk found the imports
        for name in names:
            self.assertIn(name.split(".")[0], sys.stdlib_module_names | {"__future__"}, name)
            if name != "__future__":
                self.assertFalse(name.startswith("_") or "._" in name, name)

    def test_times_are_the_standard_datetime_classes(self):
        token = Token("a", expires_in=60, issued_at=0)  # not subclasses of these
        self.assertIs(type(token.issued_at), datetime)
        self.assertIs(token.issued_at.tzinfo, UTC)
        self.assertIs(type(token.remaining(now=token.issued_at)), timedelta)
        aware = datetime(2026, 1, 1, tzinfo=UTC)
        self.assertEqual(Token("a", issued_at=aware).issued_at, aware)


# --- Command line ---------------------------------------------------------------------------------
class Out(str):
    """Text the command prints on standard output."""


class Err(str):
    """Text the command prints on standard error."""


class No(str):
    """Text the command prints nowhere."""


class Json(dict):  # type: ignore[type-arg]
    """Members of the JSON object the command prints on standard output."""


RAW_CONTROL = "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]"
EXAMPLE_SECRETS = ("2YotnFZFEjr1zCsicMWpAA", "tGzv3JOkF0XG5Qx2TlKWIA")  # the built-in example's
F = "response.json"
DEVNULL = object()  # run_main's standard input by default
INVALID = body(access_token=PLANTED, expires_in=-1)
ERROR = body(error="invalid_grant", error_description="Code expired", mfa_token=PLANTED)
BOM_NOTE = b'\xef\xbb\xbf{"access_token":"tok_' + PLANTED.encode() + b'==","note":"100%"'
AS_FORM = b')]}\'\n{"refresh_token":"' + PLANTED.encode() + b'","x":"a=b&'  # read as a form
BIDI = '{"error":"x\u202ey","error_description":"a\u2066b\u202e","error_uri":"/\u200f"}'.encode()
NAMES = {"access_token": "a", "k" * 65: 1, "j" * 64: 2, "a b": 3, "x.y-z_1": 4}
NAMES_SHOWN = ["(name not shown)", "j" * 64, "(name not shown)", "x.y-z_1"]
FILE_TOKEN = valid(access_token=PLANTED, expires_in=3600, scope="a b", id_token=PLANTED)
FORGED = body(error="invalid_grant", error_description="a\nforged", mfa_token=PLANTED)
DURATIONS = [(0, "0:00:00"), (59, "0:00:59"), (60, "0:01:00"), (3599, "0:59:59")]
DURATIONS += [(86399, "23:59:59"), (86400, "1 day, 0:00:00"), (90061, "1 day, 1:01:01")]
TOO_LONG = b'{"access_token":"a"}' + b" " * ((1 << 20) + 1 - 20)  # valid up to max_bytes

# (argv, body, exit status, what is shown): the body is the content of the file that
# argv names, or of standard input for "-"; without either, the built-in example.
# fmt: off
CLI: list[tuple[tuple[str, ...], bytes | None, int, tuple[str, ...]]] = [
    ((), None, 0, (Out("token type:"), Out("example"), Out("issued at:"), Out("expires at:"))),
    ((), None, 0, (Out("refresh token:"), Out("present"), Out("scopes:"), Out("extra keys:"))),
    ((), None, 0, (Out("extra keys:    example_parameter"),)),
    (("--json",), None, 0, (Out('\n  "token_type": "example"'), Json(refresh_token="present"))),
    (("--help",), None, 0, (Out("--json"), Out("--strict"), Out("Exit 0: token, 1: none, 2: unreadable"))),
    (("--bogus",), None, 2, (Err("usage:"),)),
    (("missing.json",), None, 2, (Err("oauth_token: unreadable: missing.json: No such file or directory\n"),)),
    (("missing.json", "--json"), None, 2, (Json(result="unreadable"),)),
    (("",), None, 2, (Err("oauth_token: unreadable: : No such file"),)),  # a name, not stdin
    ((F,), INVALID, 1, (Err("'expires_in'"),)),
    ((F, "--json"), INVALID, 1, (Json(result="invalid response", field="expires_in"),)),
    (("-",), INVALID, 1, (Err("expires_in"),)),
    ((F,), ERROR, 1, (Err("invalid_grant: Code expired"), No("HTTP"), No("200"))),
    ((F, "--json"), ERROR, 1, (Json(result="error response", error="invalid_grant"), No("HTTP"))),
    ((F,), body(access_token="a"), 0, (Out("Bearer"),)),
    ((F, "--strict"), body(access_token="a"), 1, (Err("'token_type'"),)),
    ((F,), body(access_token="a"), 0, (Out("expires at:    not given\n"), Out("expires in:    not given\n"))),
    ((F,), b"access_token=a&token_type=bearer\n", 0, (Out("token type:    bearer\n"),)),
    ((F,), b"access_token=a&token_type=bearer\r\n", 0, (Out("token type:    bearer\n"),)),
    (("-",), b"access_token=a&token_type=bearer&expires_in=0", 0, (Out("expires in:    expired\n"),)),
    ((F,), b'{"access_token":"a","note":"x=y"}', 0, (Out("note"),)),
    ((F, "--json"), FILE_TOKEN, 0, (Json(scopes="a b", extra_keys="id_token"),)),
    ((F, "--json"), FILE_TOKEN, 0, (Json(refresh_token="absent"), Out('"expires_in": "0:59:5'))),
    ((F,), b"", 1, (Err("the body: is empty"), No("JSON"))),
    ((F,), b" \r\n", 1, (Err("the body: is empty"), No("JSON"))),
    ((F, "--json"), b"", 1, (Json(message="the body: is empty"),)),
    ((F, "--json"), b" \r\n", 1, (Json(message="the body: is empty"),)),
    ((F,), TOO_LONG, 1, (Err("is larger than max_bytes"),)),
    ((F,), BOM_NOTE + b"}", 0, (Out("note"),)),  # JSON, not a form
    ((F, "--json"), BOM_NOTE + b"}", 0, (Json(extra_keys="note"),)),
    ((F,), BOM_NOTE + b',"expires_in":-1}', 1, (Err("'expires_in'"),)),
    ((F, "--json"), BOM_NOTE + b',"expires_in":-1}', 1, (Json(field="expires_in"),)),
    ((F,), AS_FORM + b'access_token=c"}', 0, (Out("extra keys:    (name not shown)\n"),)),
    ((F, "--json"), AS_FORM + b'access_token=c"}', 0, (Json(extra_keys="(name not shown)"),)),
    ((F,), AS_FORM + b'error=c"}', 1, ()),
    ((F, "--json"), AS_FORM + b'error=c"}', 1, (Json(result="error response", error="c\"}"),)),
    ((F, "--json"), json.dumps(NAMES).encode(), 0, (Json(extra_keys=", ".join(NAMES_SHOWN)),)),
    ((F,), b'{"access_token":"a","\\u001b[2Jevil\\nline":1}', 0, (Out("(name not shown)"), No("evil"))),
    ((F,), FORGED, 1, (Err("invalid_grant: a\\nforged"),)),
    (("+token.json",), valid(scope="from-the-file"), 0, (Out("from-the-file"),)),  # a file
    ((F,), BIDI, 1, (Err("x\\u202ey: a\\u2066b\\u202e (see /\\u200f)"),)),
    ((F, "--json"), BIDI, 1, (Json(result="error response"),)),
    *(((F,), raw, 1, (Err("invalid response"),)) for raw in BRACKETS_IN_STRINGS_ONLY),
    *(((F, "--json"), raw, 1, (Json(result="invalid response"),)) for raw in BRACKETS_IN_STRINGS_ONLY),
]
# fmt: on


def hostile_bodies() -> Iterator[tuple[str, bytes]]:
    """(label, body) for bodies with lone surrogates, C0 and C1 controls, bidirectional
    controls and line separators in every position, and secrets beside them, in JSON
    and in forms."""

    def form(members: dict[str, str]) -> bytes:
        escaped = [[quote(t.encode("utf-8", "surrogatepass")) for t in i] for i in members.items()]
        return "&".join("=".join(pair) for pair in escaped).encode()

    secrets = {"access_token": PLANTED, "refresh_token": PLANTED, "id_token": PLANTED}
    mfa = {"mfa_token": PLANTED}
    controls = "\x00\x1b[2J\r\n\x7f\x85\x9b\u2028\u2029\u202e\u2066"
    for kind, text in (("lone surrogates", "\ud800-\udcff"), ("controls", controls)):
        json_members: dict[str, dict[str, object]] = {
            "member names": {**secrets, f"x{text}": 1, "o": {f"k{text}": f"v{text}"}},
            "token_type": {**secrets, "token_type": f"mac{text}"},
            "scope": {**secrets, "scope": f"read{text}"},
            "expires_in": {**secrets, "expires_in": text},
            "access_token": {**secrets, "access_token": PLANTED + text},
            "refresh_token": {**secrets, "refresh_token": PLANTED + text},
            "extra values": {**secrets, "id_token": text + PLANTED, "x_token": [PLANTED + text]},
            "extra value": {**secrets, "note": PLANTED + text},
            "error": {"error": f"invalid{text}", **mfa},
            "error_description": {"error": "invalid_grant", "error_description": f"b{text}", **mfa},
            "error_uri": {"error": "x", "error_uri": f"/e{text}", "mfa_token": PLANTED + text},
            "error member names": {"error": "x", f"k{text}": 1, **mfa},
            "error object": {"error": {"type": f"T{text}", "message": f"m{text}", **mfa}},
        }
        form_members: dict[str, dict[str, str]] = {
            "member names": {**secrets, f"x{text}": "1"},
            "token_type": {**secrets, "token_type": f"mac{text}"},
            "access_token": {**secrets, "access_token": PLANTED + text},
            "error": {
                "error": f"e{text}",
                "error_description": f"b{text}",
                "error_uri": text,
                **mfa,
            },
        }
        for where, members in json_members.items():
            yield f"JSON {where}, {kind}", json.dumps(members).encode()
        for where, pairs in form_members.items():
            yield f"form {where}, {kind}", form(pairs)
        duplicate = json.dumps(f"d{text}").encode() + b":1,"
        yield f"JSON duplicate, {kind}", b'{"access_token":"a",' + 2 * duplicate + b'"z":1}'
        secret = (PLANTED + text).encode("utf-8", "surrogatepass")
        yield f"JSON read as a form, {kind}", b'x{"access_token":"' + secret + b'=","n":"%"}'


class TestMainFunction(unittest.TestCase):
    """The command line's main function, oauth_token._main(argv), in this process."""

    def run_main(
        self, *argv: str, data: bytes | None = None, stdin: object = DEVNULL, **options: Any
    ) -> tuple[int, str, str]:
        """The exit status, standard output and standard error of _main(argv), run in a
        folder of its own. `data` is the content of the file the first argument names,
        and of standard input, which is else `stdin` (None included), or /dev/null.
        `options`: the `encoding` of stdout and stderr, or a `stderr` of one's own."""
        out, err = (io.TextIOWrapper(io.BytesIO(), options.get("encoding", "utf-8")) for _ in "12")
        with contextlib.ExitStack() as stack:
            folder = stack.enter_context(tempfile.TemporaryDirectory())
            stack.callback(os.chdir, os.getcwd())  # back before the folder is removed
            os.chdir(folder)
            if data is not None:
                names = [arg for arg in argv if not arg.startswith("-")]
                if names:
                    Path(names[0]).write_bytes(data)
                stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
            elif stdin is DEVNULL:
                stdin = stack.enter_context(open(os.devnull, encoding="utf-8"))
            stack.enter_context(mock.patch("sys.stdin", new=stdin))
            stack.enter_context(contextlib.redirect_stdout(out))
            stack.enter_context(contextlib.redirect_stderr(options.get("stderr", err)))
            try:
                status = oauth_token._main(list(argv))
            except SystemExit as exit:  # argparse's --help and usage errors
                status = exit.code  # type: ignore[assignment]
        out.flush(), err.flush()
        return status, out.buffer.getvalue().decode(), err.buffer.getvalue().decode()  # type: ignore[attr-defined]

    def assertCleanRun(
        self, argv: tuple[str, ...], data: bytes | None, expected: int, shown: tuple[str, ...] = ()
    ) -> None:
        """The exit status, and what `shown` asks; never a secret, nor a raw control
        character; for an invalid or error response one line on stderr, and with
        --json one JSON object on stdout."""
        status, out, err = self.run_main(*argv, data=data)
        self.assertEqual(status, expected, err)
        for secret in (PLANTED, *EXAMPLE_SECRETS):
            self.assertNotIn(secret, out + err)
        self.assertIsNone(re.search(RAW_CONTROL, out + err), out + err)
        if expected == 0:
            self.assertEqual(err, "")
        if expected == 1:
            self.assertEqual(len(err.splitlines()), 1, err)
        if "--json" in argv:
            self.assertIsInstance(json.loads(out), dict)
        elif expected == 1:
            self.assertEqual(out, "")
        for item in shown:
            if isinstance(item, Json):
                self.assertEqual({key: json.loads(out)[key] for key in item}, item)
            elif isinstance(item, No):
                self.assertNotIn(item, out + err)
            else:
                self.assertIn(item, out if isinstance(item, Out) else err)

    def test_every_row_of_the_command_line_table_holds(self):
        for number, (argv, data, status, shown) in enumerate(CLI):
            with self.subTest(row=number, argv=argv, data=None if data is None else data[:40]):
                self.assertCleanRun(argv, data, status, shown)

    def test_hostile_bodies_never_break_the_output_nor_show_a_secret(self):
        cases = list(hostile_bodies())
        self.assertGreater(len(cases), 30)
        for label, raw in cases:
            try:
                parse_token_response(raw)
            except (InvalidTokenResponse, AccessTokenError):
                expected = 1
            else:
                expected = 0
            for argv in (("-",), ("-", "--json")):
                with self.subTest(label, argv=argv):
                    self.assertCleanRun(argv, raw, expected)

    def test_the_summary_counts_whole_seconds_left_in_days_hours_minutes_and_says_expired(self):
        # (expires_in, issued that many seconds ago, now `offset` into the second) -> shown
        for expires_in, age, offset, shown in (
            (100, 99, 0.5, {"expires_in": "0:00:00"}),  # half a second left
            (100, 100, 0, {"expires_in": "expired"}),
            *((s + 1, 0, 0.5, f"expires in:    {text}\n") for s, text in DURATIONS),  # s and a half
        ):
            with self.subTest(expires_in=expires_in, age=age):
                # Patching time.time fixes "now"; in case the command line reads the
                # clock another way too, a run counts only if the clock stayed in the second.
                for _ in range(10):
                    before = time.time()
                    second = int(before)
                    data = valid(issued_at=second - age, expires_in=expires_in)
                    with now_is(second + offset):
                        argv = ("r.json", "--json") if isinstance(shown, dict) else ("r.json",)
                        status, out, err = self.run_main(*argv, data=data)
                    if second < before and int(time.time()) == second:
                        break
                self.assertEqual(status, 0, err)
                if isinstance(shown, dict):
                    summary = json.loads(out)
                    self.assertEqual({key: summary[key] for key in shown}, shown)
                else:
                    self.assertIn(shown, out)

    def test_standard_input_without_a_usable_descriptor_gives_the_builtin_example(self):
        # As under a test runner or a notebook that replaces sys.stdin, or pythonw.
        class NotOpen(io.StringIO):
            def fileno(self) -> int:
                return 1 << 20  # no process here has that many files open: EBADF

        piped = '{"access_token":"piped","token_type":"x"}'
        for stdin in (io.StringIO(piped), NotOpen(piped), None):
            with self.subTest(stdin=type(stdin).__name__):
                status, out, err = self.run_main(stdin=stdin)
                self.assertEqual(status, 0, err)
                self.assertIn("token type:    example", out)
        status, _out, err = self.run_main("-", stdin=None)  # no standard input: no body
        self.assertEqual(status, 1)
        self.assertIn("the body: is empty", err)

    def test_it_reads_max_bytes_and_one_and_strips_a_final_newline_within_the_limit(self):
        # As from /dev/zero, an endless input is refused; echo's newline, even at the limit, not.
        limit, form = 1 << 20, b"x=%s&access_token=a&token_type=Bearer%s"
        endless = [b'{"access_token":"a"}'.ljust(limit + 1, fill) for fill in (b" ", b"\n")]
        at_limit = [
            form % (b"v" * (limit - len(form) + 4 - len(end)), end) for end in (b"\n", b"\r\n")
        ]
        for body, expected in [*((body, 1) for body in endless), *((body, 0) for body in at_limit)]:
            stdin = mock.Mock()
            stdin.buffer.read.side_effect = lambda size, body=body: body[:size]
            status, _out, err = self.run_main("-", stdin=stdin)
            self.assertEqual((status, "max_bytes" in err), (expected, expected == 1))
            stdin.buffer.read.assert_called_once_with(limit + 1)
        opened = mock.mock_open(read_data=endless[0])
        with mock.patch.object(oauth_token, "open", opened, create=True):
            self.assertEqual(self.run_main("endless.json")[0], 1)
        opened.return_value.read.assert_called_once_with(limit + 1)

    def test_ctrl_c_while_reading_exits_with_130_and_no_traceback(self):
        stdin = mock.Mock()
        stdin.buffer.read.side_effect = KeyboardInterrupt
        self.assertEqual(self.run_main("-", stdin=stdin), (130, "", ""))

    def test_a_terminal_that_cannot_show_a_character_gets_an_escape(self):
        # As with LANG=C: standard output in ASCII, a token type in Latin-1.
        data = b'{"access_token":"a","token_type":"Jeton porteur \xc3\xa9"}'
        status, out, err = self.run_main(F, data=data, encoding="ascii")
        self.assertEqual(status, 0, err)
        self.assertIn("Jeton porteur \\xe9", out)

    def test_a_full_standard_error_still_lets_the_json_answer_out(self):
        stderr = mock.Mock()  # no text stream: nothing to reconfigure either
        stderr.write.side_effect = OSError(errno.ENOSPC, "No space left on device")
        data = b'{"access_token":"\\u0001"}'
        status, out, _err = self.run_main(F, "--json", data=data, stderr=stderr)
        self.assertEqual(status, 1)
        self.assertEqual(json.loads(out)["result"], "invalid response")
        stderr.write.assert_called()


def child_env() -> dict[str, str]:
    """The environment of `python -m oauth_token` in a child: this module on its path,
    and standard streams buffered as users have them (some CI sets PYTHONUNBUFFERED)."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    return {**env, "PYTHONPATH": str(HERE)}


@slow
@needs_processes
@unittest.skipUnless(os.path.exists("/bin/sh"), "no POSIX shell for the redirections")
class TestCommandLineStreams(unittest.TestCase):
    """python -m oauth_token in a child process, with its standard streams as a shell
    leaves them: a pipe, a file, a socket, a terminal, closed, full or unreadable.
    Never a traceback, never a secret, and the contract's exit status."""

    def setUp(self) -> None:
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.folder = Path(folder.name)
        for name, content in (("valid", FILE_TOKEN), ("invalid", INVALID), ("error", ERROR)):
            (self.folder / f"{name}.json").write_bytes(content)

    def run_redirected(self, redirections: str, *args: str, **options: Any) -> Any:
        """The command with `args`, its streams redirected by the shell's `redirections`;
        `options` go to subprocess.run (input=, stdin=, stdout=)."""
        script = f'exec "$0" -m oauth_token "$@" {redirections}'
        options.setdefault("stdout", subprocess.PIPE)
        if "input" not in options:
            options.setdefault("stdin", subprocess.DEVNULL)
        command = ["/bin/sh", "-c", script, sys.executable, *args]
        options |= {"stderr": subprocess.PIPE, "cwd": self.folder, "timeout": 60}
        return subprocess.run(command, check=False, env=child_env(), **options)

    def assertExits(self, result: Any, status: int, lines: int, shown: bytes = b"") -> None:
        """Exit `status`, `lines` lines on stderr, `shown` on stdout or stderr, no
        traceback, no secret."""
        output = (result.stdout or b"") + result.stderr
        self.assertEqual(result.returncode, status, result.stderr)
        self.assertEqual(len(result.stderr.splitlines()), lines, result.stderr)
        self.assertNotIn(b"Traceback", result.stderr)
        self.assertNotIn(PLANTED.encode(), output)
        self.assertIn(shown, output)

    def test_without_file_stdin_is_read_when_a_pipe_file_or_socket_else_the_example(self):
        import pty
        import socket

        leader, terminal = pty.openpty()
        ours, theirs = socket.socketpair()
        ours.sendall(INVALID)
        ours.shutdown(socket.SHUT_WR)
        file = (self.folder / "valid.json").open("rb")
        with open(terminal, "rb") as tty, file, ours, theirs:
            self.addCleanup(os.close, leader)
            for kind, redirection, options, status, shown in (
                ("a pipe", "", {"input": INVALID}, 1, b"expires_in"),
                ("an empty pipe", "", {"input": b""}, 1, b"is empty"),
                ("a redirected file", "", {"stdin": file}, 0, b"scopes:        a b"),
                ("a socket", "", {"stdin": theirs}, 1, b"expires_in"),
                ("a terminal", "", {"stdin": tty}, 0, b"example_parameter"),
                ("/dev/null", "", {}, 0, b"example_parameter"),
                ("a closed input", "<&-", {}, 0, b"example_parameter"),
            ):
                with self.subTest(kind):
                    result = self.run_redirected(redirection, **options)
                    self.assertExits(result, status, status, shown)
                    self.assertEqual(result.stdout == b"", status == 1)

    def test_dash_with_a_closed_or_write_only_standard_input(self):
        # `<&-` reads an empty body; `0>file` leaves a file that cannot be read.
        result = self.run_redirected("<&-", "-")
        self.assertExits(result, 1, 1, b"is empty")
        self.assertEqual(result.stdout, b"")
        result = self.run_redirected("<&-", "-", "--json")
        self.assertEqual(json.loads(result.stdout)["message"], "the body: is empty")
        for args in ((), ("-",)):
            with self.subTest(args=args):
                result = self.run_redirected("0>write-only", *args)
                self.assertExits(result, 2, 1, b"unreadable: standard input: ")
                self.assertEqual(result.stdout, b"")

    def test_a_closed_or_full_standard_output_or_a_reader_gone_away(self):
        # `>&-`, `>/dev/full` (every write fails: no space left), and
        # `python -m oauth_token | head -c 0`: what could be written is, the status stays.
        read, write = os.pipe()
        os.close(read)
        self.addCleanup(os.close, write)
        outputs: dict[str, dict[str, object]] = {">&-": {}, "": {"stdout": write}}
        if os.path.exists("/dev/full"):
            outputs[">/dev/full"] = {}
        for redirection, options in outputs.items():
            answers = [((), 0), (("valid.json",), 0), (("invalid.json",), 1), (("error.json",), 1)]
            for args, status in answers:
                for flags in ((), ("--json",)):
                    with self.subTest(redirection or "gone", args=args, flags=flags):
                        result = self.run_redirected(redirection, *args, *flags, **options)
                        self.assertExits(result, status, status)

    def test_a_closed_standard_error_keeps_standard_output_clean(self):
        # print(file=sys.stderr) writes to standard output when sys.stderr is None.
        for name, status in (("invalid.json", 1), ("error.json", 1), ("missing.json", 2)):
            with self.subTest(name):
                result = self.run_redirected("2>&-", name, "--json")
                self.assertEqual(result.returncode, status)
                self.assertIsInstance(json.loads(result.stdout), dict)  # that object alone
                self.assertNotIn(PLANTED.encode(), result.stdout)
                result = self.run_redirected("2>&-", name)
                self.assertEqual((result.returncode, result.stdout), (status, b""))

    def test_ctrl_c_while_reading_exits_with_130_and_no_traceback(self):
        pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
        # SIGINT as from a terminal (background jobs inherit it ignored), once input waits.
        pipes["preexec_fn"] = functools.partial(signal.signal, signal.SIGINT, signal.SIG_DFL)
        env = child_env()
        child = subprocess.Popen([sys.executable, "-m", "oauth_token", "-"], env=env, **pipes)
        waiting = Path(f"/proc/{child.pid}/wchan")
        for _ in range(200):
            if waiting.exists() and "pipe" in waiting.read_text():
                break
            time.sleep(0.05)
        else:
            time.sleep(2)  # no /proc to tell: late enough on any machine
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
        self.assertEqual((child.returncode, out, err), (130, b"", b""))


# --- A seeded mutation fuzz: only the contract's exceptions, never a leak -------------------------
FUZZ_CASES = int(os.environ.get("OAUTH_TOKEN_FUZZ_CASES", "20000"))
INTERESTING = [
    *(b"", b"\x00", b"\xff", b"\xc3", b"\\", b'"', b"{", b"}", b"[", b"]", b":", b",", b"NaN"),
    *(b"-", b"1e999", b"true", b"null", b"9" * 30, b"\\ud800", b"\\u0000", b"%", b"%zz", b"&"),
    *(b"=", b"+", b'"error":"x",', b'"expires_in":"12",', b'"scope":["a"],', b"\r\n", b" "),
    b'"issued_at":1e300,',
]


def fuzz_seeds() -> list[bytes]:
    """The fuzzers' seeds: the RFC's examples, the providers' responses, and bodies
    with PLANTED in every place a secret goes."""
    return [
        RFC_5_1,
        RFC_4_4_3,
        RFC_5_2,
        *(raw for _url, raw, _content_type, _expected in PROVIDERS.values()),
        b'{"error": {"message": "m", "type": "OAuthException", "code": 190, "fbtrace_id": "H2il"}}',
        b'{"message": "Unauthorized", "error": 401}',
        body(error="mfa_required", error_description="MFA", mfa_token=PLANTED, error_uri="/e"),
        valid(access_token=PLANTED, refresh_token=PLANTED, id_token=PLANTED, expires_in=60),
        f"access_token={PLANTED}&refresh_token={PLANTED}&expires_in=60&scope=a+b".encode(),
    ]


def mutate(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        position = rng.randint(0, len(data))
        if choice < 0.3 and data:
            data[min(position, len(data) - 1)] = rng.randrange(256)
        elif choice < 0.55:
            data[position:position] = rng.choice(INTERESTING)
        elif choice < 0.75 and data:
            del data[position : position + rng.randint(1, 8)]
        elif choice < 0.9 and data:
            start = rng.randint(0, len(data) - 1)
            data[position:position] = data[start : start + rng.randint(1, 8)]
        else:
            data[position:position] = b'"refresh_token":"%s",' % PLANTED.encode()
    return bytes(data)


@slow
class TestMutationFuzz(TokenTestCase):
    def assertNothingShown(self, error: Exception, public: str) -> None:
        """No leak, unless a mutation moved PLANTED into what is shown on purpose:
        a member name, or a public field (token_type, scope, an error code)."""
        if PLANTED not in public:
            self.assertNoLeak(error, PLANTED)

    def test_mutated_bodies_raise_only_the_contract_exceptions_and_never_leak(self):
        rng = random.Random(6749)
        seeds = fuzz_seeds()
        outcomes = {"token": 0, "invalid": 0, "error": 0}
        for case in range(FUZZ_CASES):
            data = mutate(rng, rng.choice(seeds))
            ctype = "application/x-www-form-urlencoded" if case % 4 == 0 else None
            strict = case % 3 == 0
            try:
                status = 200 if case % 5 else 400
                token = parse_token_response(data, status=status, content_type=ctype, strict=strict)
            except InvalidTokenResponse as error:
                outcomes["invalid"] += 1
                self.assertNothingShown(error, error.field or "")
            except AccessTokenError as error:
                outcomes["error"] += 1
                params = error.params
                shown = [params.error, params.error_description or "", params.error_uri or ""]
                self.assertNothingShown(error, "".join([*shown, *params.extra]))
                if PLANTED not in "".join([*shown, *params.extra]):
                    self.assertNotIn(PLANTED, repr(params))
            else:
                outcomes["token"] += 1
                if PLANTED not in "".join([token.token_type, token.scope or "", *token.extra]):
                    self.assertNotIn(PLANTED, repr(token))
                reloads = not {"issued_at", "expires_at"} & token.extra.keys()
                if reloads and token.issued_at <= datetime.now(UTC):
                    self.assertEqual(Token.try_from_bytes(token.to_json()), token)
            # Every other parser of bytes, too, raises nothing but InvalidTokenResponse.
            for parse in (Token.try_from_bytes, Token.try_from_form, ErrorParams.try_from_bytes):
                try:
                    parse(data, strict=strict)
                except InvalidTokenResponse as error:
                    self.assertNothingShown(error, error.field or "")
        self.assertEqual(sum(outcomes.values()), FUZZ_CASES)
        self.assertGreater(outcomes["token"], FUZZ_CASES // 20)
        self.assertGreater(outcomes["error"], FUZZ_CASES // 500)
        self.assertGreater(outcomes["invalid"], FUZZ_CASES // 4)


# --- Property tests (hypothesis; skipped when it is not installed) --------------------------------
try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:
    st = None

if st is not None:
    VSCHAR = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=40)
    NQCHAR = st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters='"\\')
    SCOPE = st.lists(st.text(NQCHAR, min_size=1, max_size=10), min_size=1, max_size=5).map(" ".join)
    PAST = st.integers(-(10**10), NOW_SECONDS)
    JSON_LEAF = st.none() | st.booleans() | st.integers(-(10**18), 10**18) | st.text(max_size=20)
    JSON_LEAF |= st.floats(allow_nan=False, allow_infinity=False)
    JSON_VALUE = st.recursive(
        JSON_LEAF,
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
        ),
        max_leaves=8,
    )
    RESERVED = {*OPTIONAL_FIELDS, "access_token", "token_type", "issued_at", "expires_at", "error"}
    NAMES = st.text(min_size=1, max_size=12).filter(lambda name: name not in RESERVED)
    EXTRA = st.dictionaries(NAMES, JSON_VALUE, max_size=4)
    TYPE_NAME = st.text(st.sampled_from("abcXYZ019-._"), min_size=1, max_size=12)
    OPTIONS = {"expires_in": st.integers(0, 2**63 - 1) | st.integers(0, 10**6)}
    OPTIONS |= {"refresh_token": VSCHAR, "scope": SCOPE}

    @st.composite
    def token_members(draw: st.DrawFn) -> dict[str, object]:
        members: dict[str, object] = {"access_token": draw(VSCHAR)}
        members["token_type"] = draw(TYPE_NAME)
        members.update({k: draw(option) for k, option in OPTIONS.items() if draw(st.booleans())})
        return members

    @st.composite
    def tokens(draw: st.DrawFn) -> Token:
        return Token.from_dict({**draw(token_members()), **draw(EXTRA)}, issued_at=draw(PAST))

    @slow
    class TestProperties(unittest.TestCase):
        @settings(max_examples=300, deadline=None)
        @given(tokens())
        def test_to_json_reloads_as_an_equal_token(self, token: Token) -> None:
            self.assertEqual(Token.try_from_bytes(token.to_json()), token)

        @settings(max_examples=300, deadline=None)
        @given(token_members(), PAST)
        def test_form_and_json_agree_on_the_same_members(
            self, members: dict[str, object], start: int
        ) -> None:
            strings = {name: str(value) for name, value in members.items()}
            form = "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in strings.items())
            as_json = Token.try_from_bytes(json.dumps(strings), issued_at=start)
            self.assertEqual(Token.try_from_form(form, issued_at=start), as_json)

        @settings(max_examples=300, deadline=None)
        @given(tokens(), st.integers(-(10**6), 10**7))
        def test_sync_never_lengthens_and_is_idempotent(self, token: Token, offset: int) -> None:
            now = token.issued_at + timedelta(seconds=offset, microseconds=offset % 1000)
            before = token.expires_at
            token.sync_expires_in(now=now)
            once, after = (token.expires_in, token.issued_at), token.expires_at
            if before is not None and after is not None:
                if before > now.replace(microsecond=0):  # alive: expires_at stays (to the second)
                    self.assertLessEqual(after, before)
                    self.assertLess(before - after, SECOND)
                else:  # passed: it stays expired
                    self.assertEqual(token.expires_in, 0)
            token.sync_expires_in(now=now)
            self.assertEqual((token.expires_in, token.issued_at), once)

        @settings(max_examples=300, deadline=None)
        @given(
            tokens(),
            st.lists(st.integers(-(10**6), 10**8), min_size=2, max_size=6),
            st.floats(0, 10**6),
        )
        def test_is_expired_is_monotonic_in_now(
            self, token: Token, offsets: list[int], leeway: float
        ) -> None:
            nows = [token.issued_at + timedelta(seconds=offset) for offset in sorted(offsets)]
            states = [token.is_expired(leeway=leeway, now=now) for now in nows]
            self.assertEqual(states, sorted(states))

        @settings(max_examples=300, deadline=None)
        @given(token_members(), EXTRA, PAST)
        def test_strict_acceptance_implies_lenient_acceptance_with_the_same_fields(
            self, members: dict[str, object], extra: dict[str, object], start: int
        ) -> None:
            raw = json.dumps({**members, **extra})
            try:
                strict = Token.try_from_bytes(raw, strict=True, issued_at=start)
            except InvalidTokenResponse:
                return
            self.assertEqual(Token.try_from_bytes(raw, issued_at=start), strict)

else:

    class TestProperties(unittest.TestCase):  # type: ignore[no-redef]
        def test_properties(self) -> None:
            """Placeholder: the property tests need hypothesis."""
            self.skipTest("hypothesis is not installed (CI's tool environment has it)")


# --- End to end: a real RFC 6749 token endpoint (oauthlib's) on 127.0.0.1 -------------------------
try:
    from oauthlib import oauth2 as oauthlib_oauth2
except ImportError:
    oauthlib_oauth2 = None


def _oauthlib_server() -> tuple[object, dict[str, Any]]:
    """oauthlib's all-in-one Server with an in-memory validator, and its store."""
    from oauthlib.oauth2 import RequestValidator, Server

    store: dict[str, Any] = {"codes": {}, "refresh": {}}
    clients = {"confidential": "s3cret-client"}

    class Validator(RequestValidator):
        def authenticate_client(self, request, *args, **kwargs):
            client_id, secret = request.client_id, request.client_secret
            auth = request.headers.get("Authorization", "")
            if auth.startswith("Basic "):
                client_id, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
            request.client = types.SimpleNamespace(client_id=client_id)
            request.client_id = client_id
            return client_id in clients and clients[client_id] == secret

        def validate_code(self, client_id, code, client, request, *args, **kwargs):
            grant = store["codes"].get(code)
            if grant is None or grant["client_id"] != client_id:
                return False
            request.scopes, request.user = grant["scopes"], "alice"
            return True

        def save_bearer_token(self, token, request, *args, **kwargs):
            if "refresh_token" in token:
                store["refresh"][token["refresh_token"]] = request.scopes

    # The rest of what oauthlib asks, each in one line.
    answers: dict[str, Callable[..., object]] = {
        "client_authentication_required": lambda *a, **k: True,
        "validate_grant_type": lambda *a, **k: True,
        "confirm_redirect_uri": lambda _, c, code, uri, *a, **k: uri == "https://client.example/cb",
        "get_code_challenge": lambda _, code, r: store["codes"].get(code, {}).get("challenge"),
        "get_code_challenge_method": lambda *a, **k: "S256",
        "invalidate_authorization_code": lambda _, c, code, *a, **k: store["codes"].pop(code, None),
        "get_default_scopes": lambda *a, **k: ["read"],
        "validate_scopes": lambda _, c, scopes, *a, **k: set(scopes) <= {"read", "write"},
        "validate_refresh_token": lambda _, refresh, *a, **k: refresh in store["refresh"],
        "get_original_scopes": lambda _, refresh, *a, **k: store["refresh"][refresh],
    }

    def authorize(client_id: str, verifier: str, scopes: list[str]) -> str:
        digest = hashlib.sha256(verifier.encode()).digest()
        challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
        code = f"code-{len(store['codes'])}-{random.random()}"
        store["codes"][code] = {"client_id": client_id, "challenge": challenge, "scopes": scopes}
        return code

    store["authorize"] = authorize
    return Server(type("Validator", (Validator,), answers)()), store


CLIENT = ("confidential", "s3cret-client")  # a client id and its secret, for Basic auth


@needs_threads
@needs_sockets
class TestEndToEndWithOauthlib(unittest.TestCase):
    """Tokens obtained with urllib.request from oauthlib's token endpoint."""

    # Without oauthlib, skipped in setUp, not by a class decorator: Python 3.12.1's
    # "Ran N tests" leaves out tests skipped before they start, and CI derives its
    # counts from it. (The emscripten decorators skip nothing on CI's machines.)
    def setUp(self) -> None:
        if oauthlib_oauth2 is None:
            self.skipTest("oauthlib is not installed: no authorization server to test against")

    @classmethod
    def setUpClass(cls) -> None:
        if oauthlib_oauth2 is None:
            return
        oauth_server, cls.store = _oauthlib_server()
        cls.oauth_server = oauth_server

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers["Content-Length"])).decode()
                headers, answer, status = oauth_server.create_token_response(  # type: ignore[attr-defined]
                    f"http://127.0.0.1{self.path}", "POST", raw, dict(self.headers)
                )
                payload = answer.encode()
                self.send_response(status)
                for name, value in [*headers.items(), ("Content-Length", str(len(payload)))]:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                pass

        cls.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=cls.http.serve_forever, daemon=True).start()
        cls.url = f"http://127.0.0.1:{cls.http.server_port}/token"

    @classmethod
    def tearDownClass(cls) -> None:
        if oauthlib_oauth2 is not None:
            cls.http.shutdown()
            cls.http.server_close()

    def post(
        self, form: dict[str, str], auth: Any = CLIENT, previous: Token | None = None
    ) -> Token:
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if auth is not None:
            headers["Authorization"] = "Basic " + base64.b64encode(":".join(auth).encode()).decode()
        data = urllib.parse.urlencode(form).encode()
        request = urllib.request.Request(self.url, data=data, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status, headers, raw = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, raw = error.code, error.headers, error.read()
            error.close()
        options = {"content_type": headers["Content-Type"], "previous": previous, "strict": True}
        return parse_token_response(raw, status=status, **options)

    def code_grant(self, verifier: str = "v" * 50) -> dict[str, str]:
        code = self.store["authorize"](CLIENT[0], verifier, ["read", "write"])
        uri = "https://client.example/cb"
        grant = {"grant_type": "authorization_code", "code": code, "redirect_uri": uri}
        return {**grant, "code_verifier": verifier}

    def refresh(self, token: Token) -> dict[str, str]:
        return {"grant_type": "refresh_token", "refresh_token": token.refresh_token.expose_secret()}  # type: ignore[union-attr]

    def test_authorization_code_with_pkce(self):
        token = self.post(self.code_grant())
        self.assertTrue(token.is_bearer)
        self.assertEqual((token.expires_in, token.scopes), (3600, ("read", "write")))
        self.assertIsNotNone(token.refresh_token)

    def test_client_credentials(self):
        token = self.post({"grant_type": "client_credentials", "scope": "read"})
        self.assertEqual((token.scopes, token.refresh_token), (("read",), None))

    def test_every_refusal_is_an_access_token_error_with_its_code_and_status(self):
        for form, auth, error, status in (
            ({**self.code_grant(), "code_verifier": "w" * 50}, None, "invalid_grant", 400),
            ({**self.code_grant(), "code": "never-issued"}, None, "invalid_grant", 400),
            ({"grant_type": "client_credentials"}, (CLIENT[0], "wrong"), "invalid_client", 401),
            ({"grant_type": "urn:example:unknown"}, None, "unsupported_grant_type", 400),
            ({"grant_type": "client_credentials", "scope": "admin"}, None, "invalid_scope", 400),
        ):
            with self.subTest(error=error), self.assertRaises(AccessTokenError) as caught:
                self.post(form, **({} if auth is None else {"auth": auth}))
            found = (caught.exception.params.error, caught.exception.status)
            self.assertEqual(found, (error, status))
            self.assertFalse(caught.exception.retryable)

    def test_refresh_with_a_rotated_refresh_token(self):
        first = self.post(self.code_grant())
        second = self.post(self.refresh(first), previous=first)
        self.assertIsNotNone(second.refresh_token)
        self.assertNotEqual(second.refresh_token, first.refresh_token)
        self.assertNotEqual(second.access_token, first.access_token)

    def test_refresh_response_without_refresh_token_keeps_the_previous_one(self):
        first = self.post(self.code_grant())
        grant = self.oauth_server.refresh_grant  # type: ignore[attr-defined]
        grant.issue_new_refresh_tokens = False
        self.addCleanup(setattr, grant, "issue_new_refresh_tokens", True)
        bare = self.post(self.refresh(first))
        second = self.post(self.refresh(first), previous=first)
        self.assertIsNone(bare.refresh_token)  # the server did omit it
        self.assertEqual(second.refresh_token, first.refresh_token)
        self.assertNotEqual(second.access_token, first.access_token)


# --- The README's examples run --------------------------------------------------------------------
def readme_blocks() -> list[str]:
    text = (HERE / "README.md").read_text(encoding="utf-8")
    return [textwrap.dedent(block) for block in re.findall(r"```python\n(.*?)```", text, re.DOTALL)]


@slow
class TestReadme(unittest.TestCase):
    @needs_threads  # the README's demo token endpoint serves on 127.0.0.1
    @needs_sockets
    def test_every_python_block_runs_in_order(self):
        # The blocks read as one session: later ones use what earlier ones define.
        blocks = readme_blocks()
        self.assertGreaterEqual(len(blocks), 8)
        namespace: dict[str, object] = {"__name__": "readme"}
        try:
            for number, block in enumerate(blocks, 1):
                with self.subTest(block=number):
                    imported = [name for name in ("requests", "httpx") if f"import {name}" in block]
                    missing = [name for name in imported if importlib.util.find_spec(name) is None]
                    if missing:  # recorded as a skipped subtest; the loop goes on
                        self.skipTest(f"README block {number} needs {', '.join(missing)}")
                    with mock.patch("sys.stdout", new=io.StringIO()):
                        exec(compile(block, f"README.md block {number}", "exec"), namespace)
        finally:
            server = namespace.get("demo_server")
            if server is not None:
                server.shutdown()  # type: ignore[attr-defined]
                server.server_close()  # type: ignore[attr-defined]

    def test_every_python_block_pastes_into_the_interactive_prompt(self):
        # The prompt reads line by line: a blank line ends a class or a function there.
        for number, block in enumerate(readme_blocks(), 1):
            with self.subTest(block=number):
                lines: list[str] = []
                for line in [*block.splitlines(), ""]:  # as code.InteractiveConsole.push
                    lines.append(line)
                    if codeop.compile_command("\n".join(lines), "README.md", "single"):
                        lines = []  # complete: the prompt runs it and starts afresh
                self.assertEqual(lines, [])  # nothing left open

    def test_the_two_setup_commands_come_first(self):
        text = (HERE / "README.md").read_text(encoding="utf-8")
        first_block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", text, re.DOTALL)
        assert first_block is not None
        self.assertIn("python -m oauth_token", first_block.group(1))
        self.assertIn("python -m unittest", first_block.group(1))


if __name__ == "__main__":
    unittest.main()
