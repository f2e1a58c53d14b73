"""Tests for oauth_token: run with `python -m unittest` (standard library only).

Optional extras run when their package is importable and are skipped otherwise:
property tests (hypothesis), the authlib interoperability check, the end-to-end
tests against a real authorization server (oauthlib), and the README examples that
use requests or httpx.

Beside the public names of `oauth_token.__all__`, the tests use two only: patching
`oauth_token.time.time` fixes "now", and `oauth_token._main(argv)` is the command
line's main function, which returns the exit status.
"""

from __future__ import annotations

import ast
import contextlib
import copy
import dataclasses
import enum
import errno
import functools
import hmac
import inspect
import io
import json
import logging
import os
import pickle
import random
import re
import subprocess
import sys
import tempfile
import textwrap
import time
import types
import unittest
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from unittest import mock

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
NOW_SECONDS = int(NOW.timestamp())


# OAUTH_TOKEN_QUICK=1 skips the slow classes (subprocesses, a server, the fuzz):
# mutation testing runs the quick ones first, and everything only for survivors.
slow = unittest.skipIf(
    os.environ.get("OAUTH_TOKEN_QUICK") == "1", "OAUTH_TOKEN_QUICK=1: slow tests left out"
)

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
_CODE_AND_MODULES = (
    type,
    types.ModuleType,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
    types.CodeType,
    functools.partial,
)


def texts_within(value: object) -> Iterator[str]:
    """The repr of `value` and of everything it holds, and each str or bytes in it.

    What an error reporter could record of a frame's local variable: items of
    containers and mappings, attributes of objects and exceptions (args, chain,
    JSONDecodeError.doc, UnicodeError.object), at any depth. A Secret is not
    opened: its repr is its mask.
    """
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


def assert_holds_plain_strings(case: unittest.TestCase, token: Token) -> None:
    """Every text of a token built from str subclasses (with the members note, id_token
    and o: {k: [...]}) is a plain str, and the token survives its round trip."""
    texts = [
        token.access_token.expose_secret(),
        token.token_type,
        token.refresh_token.expose_secret(),  # type: ignore[union-attr]
        token.scope,
        *token.extra,
        token.extra["note"],
        token.extra["id_token"].expose_secret(),  # type: ignore[attr-defined]
        *token.extra["o"],  # type: ignore[misc]
        token.extra["o"]["k"][0],  # type: ignore[index]
    ]
    case.assertEqual(len(texts), 11)
    for text in texts:
        case.assertIs(type(text), str)
    case.assertEqual(Token.try_from_bytes(token.to_json()), token)


class TokenTestCase(unittest.TestCase):
    def assertNoLeak(self, exc: BaseException, *secrets: str) -> None:
        """None of `secrets` in anything `exc` shows, and no exception chained to it."""
        for text in texts_of(exc):
            for secret in secrets:
                self.assertNotIn(secret, text)
        self.assertIsNone(exc.__cause__)
        self.assertIsNone(exc.__context__)

    def assertRejected(
        self,
        data: object,
        field: str | object | None,
        *,
        form: bool = False,
        parser: Callable[..., object] | None = None,
        secrets: tuple[str, ...] = ("SECRET",),
        **options: object,
    ) -> InvalidTokenResponse:
        """Parse `data`, check the InvalidTokenResponse it raises, and return it.

        The entry point is `parser` when given, else Token.from_dict for a mapping,
        Token.try_from_form with form=True, else Token.try_from_bytes; `options`
        (strict=, max_bytes=, ...) are passed on. The error must name `field` (None:
        the document as a whole), show none of `secrets` and chain to nothing.
        """
        if parser is None:
            if isinstance(data, Mapping):
                parser = Token.from_dict
            else:
                parser = Token.try_from_form if form else Token.try_from_bytes
        elif form:
            raise TypeError("pass form=True or parser=, not both")
        with self.assertRaises(InvalidTokenResponse) as caught:
            parser(data, **options)
        if field is not ANY_FIELD:
            self.assertEqual(caught.exception.field, field)
        self.assertNoLeak(caught.exception, *secrets)
        return caught.exception


# ---------------------------------------------------------------------------
# Secret
# ---------------------------------------------------------------------------


class TestSecretMasking(unittest.TestCase):
    def test_repr_is_a_fixed_mask(self):
        self.assertEqual(repr(Secret("hunter2")), "Secret('**********')")

    def test_mask_hides_length_and_emptiness(self):
        masks = {repr(Secret(v)) for v in ("", "a", "x" * 1000)}
        self.assertEqual(len(masks), 1)
        self.assertEqual(len({str(Secret(v)) for v in ("", "a", "x" * 1000)}), 1)

    def test_str_format_fstring_and_percent_show_the_mask(self):
        secret = Secret("hunter2")
        for shown in (
            str(secret),
            format(secret),
            f"{secret}",
            f"{secret!s}",
            f"{secret!r}",
            "%s" % secret,  # noqa: UP031 - %-formatting is what this proves
            "%r" % secret,  # noqa: UP031
            "{}".format(secret),  # noqa: UP032
            f"{secret:>30}",
        ):
            self.assertNotIn("hunter2", shown)
            self.assertIn("*", shown)

    def test_logging_shows_the_mask(self):
        stream = io.StringIO()
        logger = logging.getLogger("test_oauth_token.secret")
        handler = logging.StreamHandler(stream)
        logger.addHandler(handler)
        try:
            logger.warning("token %s %r", Secret("hunter2"), Secret("hunter2"))
        finally:
            logger.removeHandler(handler)
        self.assertNotIn("hunter2", stream.getvalue())
        self.assertIn("**********", stream.getvalue())

    def test_expose_secret_returns_the_value(self):
        self.assertEqual(Secret("hunter2").expose_secret(), "hunter2")

    def test_a_str_subclass_is_stored_as_a_plain_str(self):
        class Loud(str):
            def __repr__(self):
                return "LOUD"

        value = Secret(Loud("hunter2")).expose_secret()
        self.assertIs(type(value), str)
        self.assertEqual(value, "hunter2")

    def test_non_str_raises_type_error_without_echoing_the_value(self):
        for value in (b"hunter2", 12345, None, ["hunter2"]):
            with self.assertRaises(TypeError) as caught:
                Secret(value)  # type: ignore[arg-type]
            self.assertNotIn("hunter2", str(caught.exception))
            self.assertNotIn("12345", str(caught.exception))


class TestSecretEquality(unittest.TestCase):
    def test_equal_values_are_equal(self):
        self.assertEqual(Secret("abc"), Secret("abc"))

    def test_different_values_are_not_equal(self):
        self.assertNotEqual(Secret("abc"), Secret("abd"))
        self.assertNotEqual(Secret("abc"), Secret("abcd"))

    def test_non_ascii_values_compare(self):
        self.assertEqual(Secret("pässwörd✓"), Secret("pässwörd✓"))
        self.assertNotEqual(Secret("pässwörd✓"), Secret("passwörd✓"))

    def test_lone_surrogates_compare_without_raising(self):
        self.assertEqual(Secret("\ud800x"), Secret("\ud800x"))
        self.assertNotEqual(Secret("\ud800"), Secret("\udc00"))

    def test_equality_is_hmac_compare_digest_of_the_utf8_bytes(self):
        with mock.patch("hmac.compare_digest", return_value=True) as compare:
            self.assertEqual(Secret("a"), Secret("b"))
        compare.assert_called_once_with(b"a", b"b")
        with mock.patch("hmac.compare_digest", wraps=hmac.compare_digest) as compare:
            self.assertNotEqual(Secret("pässwörd"), Secret("passwörd"))
        compare.assert_called_once_with("pässwörd".encode(), "passwörd".encode())

    def test_never_equal_to_a_plain_str(self):
        self.assertNotEqual(Secret("abc"), "abc")
        self.assertNotEqual("abc", Secret("abc"))
        self.assertFalse(Secret("abc") == "abc")

    def test_hash_is_consistent_with_equality(self):
        self.assertEqual(hash(Secret("abc")), hash(Secret("abc")))
        self.assertEqual(len({Secret("abc"), Secret("abc"), Secret("x")}), 2)

    def test_hash_is_unrelated_to_the_hash_of_the_value(self):
        self.assertNotEqual(hash(Secret("abc")), hash("abc"))

    @unittest.skipIf(sys.maxsize != 2**63 - 1, "the tuple hash undone here is the 64-bit one")
    def test_hash_cannot_be_undone_to_the_hash_of_the_value(self):
        # CPython's tuple hash (xxHash's round per item, 64-bit) can be run backwards
        # when every item's hash but one is known: from hash((Secret, x)) and
        # hash(Secret), undo_pair_hash gives hash(x). A Secret hashed as that pair
        # would hand out hash(x), which lets an attacker test guesses of x offline.
        mask = (1 << 64) - 1
        prime_1, prime_2, prime_5 = 11400714785074694791, 14029467366897019727, 2870177450012600261

        def rotate_left(value: int, bits: int) -> int:
            return ((value << bits) | (value >> (64 - bits))) & mask

        def undo_pair_hash(pair_hash: int, first_hash: int) -> int:
            # The state after the first item, then the last round and the length undone.
            after_first = rotate_left((prime_5 + (first_hash & mask) * prime_2) & mask, 31)
            after_first = after_first * prime_1 & mask
            state = ((pair_hash & mask) - (2 ^ prime_5 ^ 3527539)) * pow(prime_1, -1, 1 << 64)
            state = rotate_left(state & mask, 64 - 31)
            lane = (state - after_first) * pow(prime_2, -1, 1 << 64) & mask
            return lane - (1 << 64) if lane >> 63 else lane

        value = "2YotnFZFEjr1zCsicMWpAA"
        if undo_pair_hash(hash((Secret, value)), hash(Secret)) != hash(value):
            self.skipTest("this build's tuple hash is not the one undone here")
        self.assertNotEqual(undo_pair_hash(hash(Secret(value)), hash(Secret)), hash(value))


class TestSecretShape(unittest.TestCase):
    def test_has_no_dict(self):
        self.assertFalse(hasattr(Secret("abc"), "__dict__"))
        with self.assertRaises(TypeError):
            vars(Secret("abc"))

    def test_has_no_len_iteration_or_indexing(self):
        secret = Secret("abc")
        with self.assertRaises(TypeError):
            len(secret)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            iter(secret)  # type: ignore[call-overload]
        with self.assertRaises(TypeError):
            secret[0]  # type: ignore[index]

    def test_is_truthy_even_when_empty(self):
        self.assertTrue(Secret(""))

    def test_copy_deepcopy_and_pickle_round_trip(self):
        secret = Secret("hunter2")
        self.assertEqual(copy.copy(secret), secret)
        self.assertEqual(copy.deepcopy(secret), secret)
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            self.assertEqual(pickle.loads(pickle.dumps(secret, protocol)), secret)

    def test_cannot_be_changed_once_made(self):
        # A token checks its access token once: a Secret changed afterwards would
        # put CR LF into the Authorization header the token builds.
        secret = Secret("good")
        token = Token(secret, issued_at=NOW)
        forged = "good\r\nX-Injected: 1"
        # The same value too: a second __init__ is refused outright, and compares nothing.
        for other in (forged, "bad", "good ", "good"):
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

    def test_json_dumps_refuses_it_without_the_value(self):
        with self.assertRaises(TypeError) as caught:
            json.dumps({"token": Secret("hunter2")})
        self.assertNotIn("hunter2", str(caught.exception))


# ---------------------------------------------------------------------------
# Fixtures: the RFC's examples and real providers' documented responses
# ---------------------------------------------------------------------------

# RFC 6749 section 4.1.4 and 5.1 (they show the same response).
RFC_5_1 = (
    b'{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,'
    b'"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA","example_parameter":"example_value"}'
)
# RFC 6749 section 4.4.3 (client credentials: no refresh token).
RFC_4_4_3 = (
    b'{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,'
    b'"example_parameter":"example_value"}'
)
# RFC 6749 section 5.2.
RFC_5_2 = b'{"error":"invalid_request"}'

# name: (documentation URL, body, content type, checks on the parsed token)
PROVIDERS: dict[str, tuple[str, bytes, str | None, dict[str, object]]] = {
    "google": (
        "https://developers.google.com/identity/protocols/oauth2/web-server#exchange-authorization-code",
        b'{"access_token": "1/fFAGRNJru1FTz70BzhT3Zg", "expires_in": 3920, "token_type": "Bearer",'
        b' "scope": "https://www.googleapis.com/auth/drive.metadata.readonly",'
        b' "refresh_token": "1//xEoDL4iW3cxlI7yDbSRFYNG01kVKM2C-259HOF2aQbI"}',
        "application/json; charset=utf-8",
        {
            "expires_in": 3920,
            "scopes": ("https://www.googleapis.com/auth/drive.metadata.readonly",),
        },
    ),
    "google_openid": (
        "https://developers.google.com/identity/openid-connect/openid-connect#exchangecode",
        b'{"access_token": "ya29.a0AfH6SMBx", "expires_in": 3599, "token_type": "Bearer",'
        b' "scope": "openid https://www.googleapis.com/auth/userinfo.email",'
        b' "id_token": "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJhY2NvdW50cy5nb29nbGUuY29tIn0.c2ln"}',
        "application/json",
        {"extra_keys": ("id_token",)},
    ),
    "github_json": (
        "https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps",
        b'{"access_token":"gho_16C7e42F292c6912E7710c838347Ae178B4a", "scope":"repo,gist",'
        b' "token_type":"bearer"}',
        "application/json",
        {"scopes": ("repo,gist",), "is_bearer": True, "auth_scheme": "Bearer"},
    ),
    "github_form": (
        "https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps",
        b"access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a&scope=repo%2Cgist&token_type=bearer",
        "application/x-www-form-urlencoded; charset=utf-8",
        {"scope": "repo,gist", "token_type": "bearer"},
    ),
    "github_app_user": (
        "https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens",
        b'{"access_token":"ghu_16C7e42F292c6912E7710c838347Ae178B4a","expires_in":28800,'
        b'"refresh_token":"ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498",'
        b'"refresh_token_expires_in":15811200,"scope":"","token_type":"bearer"}',
        "application/json",
        {"scope": None, "expires_in": 28800, "extra_keys": ("refresh_token_expires_in",)},
    ),
    "microsoft_v2": (
        "https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow#successful-response-2",
        b'{"token_type": "Bearer", "scope": "user.read%20Fmail.read", "expires_in": 3599,'
        b' "ext_expires_in": 3599, "access_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6Ik5HVEZ2ZEstZnl0aEV1Q",'
        b' "refresh_token": "AwABAAAAvPM1KaPlrEqdFSBzjqfTGAMxZGUTdM0t4B4",'
        b' "id_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhdWQiOiIyZDRkMTFhMi1mODE0LTQ2YTctOD"}',
        "application/json; charset=utf-8",
        {"expires_in": 3599, "extra_keys": ("ext_expires_in", "id_token")},
    ),
    "azure_ad_v1": (
        "https://learn.microsoft.com/en-us/previous-versions/azure/active-directory/azuread-dev/v1-protocols-oauth-code",
        b'{"access_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6Ik5HVEZ2ZEstZnl0aEV1Q",'
        b' "token_type": "Bearer", "expires_in": "3600", "expires_on": "1388444763",'
        b' "resource": "https://service.contoso.com/",'
        b' "refresh_token": "AwABAAAAvPM1KaPlrEqdFSBzjqfTGAMxZGUTdM0t4B4",'
        b' "scope": "https%3A%2F%2Fgraph.microsoft.com%2Fmail.read",'
        b' "id_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJhdWQiOiIyZDRkMTFhMi1mODE0LTQ2YTctOD"}',
        "application/json",
        {"expires_in": 3600},
    ),
    "facebook": (
        "https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#confirm",
        b'{"access_token": "EAABwzLixnjYBAFZCZA", "token_type": "bearer", "expires_in": 5183944}',
        "application/json",
        {"expires_in": 5183944},
    ),
    "slack": (
        "https://api.slack.com/methods/oauth.v2.access",
        b'{"ok": true, "access_token": "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",'
        b' "token_type": "bot", "scope": "commands,incoming-webhook", "bot_user_id": "U0KRQLJ9H",'
        b' "app_id": "A0KRD7HC3", "team": {"name": "Slack Softball Team", "id": "T9TK3CUKW"},'
        b' "enterprise": {"name": "slack-sports", "id": "E12345678"},'
        b' "authed_user": {"id": "U1234", "scope": "chat:write", "access_token": "xoxp-1234",'
        b' "token_type": "user"}}',
        "application/json; charset=utf-8",
        {"token_type": "bot", "auth_scheme": "bot", "is_bearer": False},
    ),
    "twitch_client_credentials": (
        "https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#client-credentials-grant-flow",
        b'{"access_token": "jostpf5q0uzmxmkba9iyug38kjtgh", "expires_in": 5011271, "token_type": "bearer"}',
        "application/json",
        {"expires_in": 5011271},
    ),
    "twitch_authorization_code": (
        "https://dev.twitch.tv/docs/authentication/getting-tokens-oauth/#authorization-code-grant-flow",
        b'{"access_token": "rfx2uswqe8l4g1mkagrvg5tv0ks3", "expires_in": 14124,'
        b' "refresh_token": "5b93chm6hdve3mycz05zfzatkfdenfspp1h1ar2xxdalen01",'
        b' "scope": ["channel:moderate", "chat:edit", "chat:read"], "token_type": "bearer"}',
        "application/json",
        {"scope": "channel:moderate chat:edit chat:read"},
    ),
    "linkedin": (
        "https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow#step-3-exchange-authorization-code-for-an-access-token",
        b'{"access_token":"AQUvlL_DYEzvT2wz1QJiEPeLioeA","expires_in":5184000,'
        b'"refresh_token":"AQWAft_WjYZKwuWXLC5hQlghgTam","refresh_token_expires_in":525600000,'
        b'"scope":"r_basicprofile"}',
        "application/json",
        {"token_type": "Bearer", "expires_in": 5184000},
    ),
    "salesforce": (
        "https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm",
        b'{"access_token":"00Dxx0000001gPL!AR8AQJXg5oj8jXSgxJfA0lBog.39AsX.LVpxezPwuX5VAIrrbbHMuol7GQxnMeYMN7cj8EoWr78nt1u44zU31IbYNNJguseu",'
        b'"refresh_token":"5Aep861TSESvWeug_wHqvFVePrOMjj7CUZd_fA5fNXx1nWdN07MItGUo2z5XqhkNJw8GHB5tPvFpzAgyJ8anMdy",'
        b'"signature":"SSSbLO/gBhmmyNUvN18ODBDFYHzakxOMgqYtu+hDPsc=","scope":"refresh_token full",'
        b'"instance_url":"https://yourInstance.salesforce.com",'
        b'"id":"https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS",'
        b'"token_type":"Bearer","issued_at":"1278448101416"}',
        "application/json",
        {"scopes": ("refresh_token", "full"), "expires_in": None},
    ),
    "dropbox": (
        "https://www.dropbox.com/developers/documentation/http/documentation#oauth2-token",
        b'{"access_token": "sl.AbX9y6Fe3AuH5o66-gmJpR032jwAwQPIVVzWXZNkdzcYT02akC2de219dZi6gxYPVnYPrpvISRSf9lxKWJzYLjtMPH-d9fo_0gXex7X37VIvpty4-G8f4-WX45AcEPfRnJJDwzv-",'
        b' "expires_in": 14400, "token_type": "bearer",'
        b' "scope": "account_info.read files.content.read files.content.write files.metadata.read",'
        b' "account_id": "dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc", "uid": "12345"}',
        "application/json",
        {
            "scopes": (
                "account_info.read",
                "files.content.read",
                "files.content.write",
                "files.metadata.read",
            )
        },
    ),
    "spotify": (
        "https://developer.spotify.com/documentation/web-api/tutorials/code-flow",
        b'{"access_token": "NgCXRK...MzYjw", "token_type": "Bearer",'
        b' "scope": "user-read-private user-read-email", "expires_in": 3600,'
        b' "refresh_token": "NgAagA...Um_SHo"}',
        "application/json",
        {"scopes": ("user-read-private", "user-read-email")},
    ),
    "discord": (
        "https://discord.com/developers/docs/topics/oauth2#authorization-code-grant-access-token-response",
        b'{"access_token": "6qrZcUqja7812RVdnEKjpzOL4CvHBFG", "token_type": "Bearer",'
        b' "expires_in": 604800, "refresh_token": "D43f5y0ahjqew82jZ4NViEr2YafMKhue",'
        b' "scope": "identify"}',
        "application/json",
        {"expires_in": 604800},
    ),
    "strava": (
        "https://developers.strava.com/docs/authentication/#tokenexchange",
        b'{"token_type": "Bearer", "expires_at": 1568775134, "expires_in": 21600,'
        b' "refresh_token": "e5n567567", "access_token": "a4b945687g",'
        b' "athlete": {"id": 1234567890987654321, "username": "MeowTheCat"}}',
        "application/json",
        {"extra_keys": ("athlete",)},
    ),
    "okta": (
        "https://developer.okta.com/docs/guides/implement-grant-type/authcode/main/#exchange-the-code-for-tokens",
        b'{"token_type": "Bearer", "expires_in": 3600, "access_token": "eyJraWQiOiJ",'
        b' "scope": "openid offline_access", "refresh_token": "a9VpZDRCeFh3Nkk2VdYa",'
        b' "id_token": "eyJraWQiOiJ"}',
        "application/json",
        {"scopes": ("openid", "offline_access")},
    ),
    "auth0": (
        "https://auth0.com/docs/get-started/authentication-and-authorization-flow/authorization-code-flow/call-your-api-using-the-authorization-code-flow#response",
        b'{"access_token":"eyJz93a...k4laUWw","refresh_token":"GEbRxBN...edjnXbL",'
        b'"id_token":"eyJ0XAi...4faeEoQ","token_type":"Bearer","expires_in":86400}',
        "application/json",
        {"expires_in": 86400},
    ),
    "keycloak": (
        "https://www.keycloak.org/docs/latest/securing_apps/#_token-exchange",
        b'{"access_token":"eyJhbGciOiJSUzI1NiJ9","expires_in":300,"refresh_expires_in":1800,'
        b'"refresh_token":"eyJhbGciOiJIUzI1NiJ9","token_type":"Bearer","not-before-policy":0,'
        b'"session_state":"3d6ec3bb-2da5-4c82-8b49-7b6ac5a3cc17","scope":"profile email"}',
        "application/json",
        {"expires_in": 300},
    ),
    "amazon": (
        "https://developer.amazon.com/docs/login-with-amazon/authorization-code-grant.html#access-token-response",
        b'{"access_token":"Atza|IQEBLjAsAhRmHjNgHpi0U-Dme37rR6CuUpSR","token_type":"bearer",'
        b'"expires_in":3600,"refresh_token":"Atzr|IQEBLzAtAhRPpMJxdwVz2Nn6f2y-tpJX2DeX"}',
        "application/json;charset=UTF-8",
        {"expires_in": 3600},
    ),
    "zoom": (
        "https://developers.zoom.us/docs/integrations/oauth/#step-2-request-access-token",
        b'{"access_token": "eyJhbGciOiJIUzUxMiIsInYiOiIyLjAiLCJraWQiOiI8S0lEPiJ9",'
        b' "token_type": "bearer",'
        b' "refresh_token": "eyJhbGciOiJIUzUxMiIsInYiOiIyLjAiLCJraWQiOiI8S0lEPiJ9",'
        b' "expires_in": 3599, "scope": "user:read:admin"}',
        "application/json",
        {"scopes": ("user:read:admin",)},
    ),
    "x_twitter": (
        "https://developer.x.com/en/docs/authentication/oauth-2-0/user-access-token",
        b'{"token_type":"bearer","expires_in":7200,'
        b'"access_token":"VGNibzFWSWREZm01bjN1N3dicWlNUG1oa2xRRVNNdmVHelJGY2hPWGxNd2dxOjE2MjIxNjA4MjU4MjU6MToxOmF0OjE",'
        b'"scope":"tweet.read users.read"}',
        "application/json",
        {"expires_in": 7200},
    ),
    "box": (
        "https://developer.box.com/reference/resources/access-token/",
        b'{"access_token": "c3FIOG9vSGV4VHz8QiNgKM3LqYJhHZr4", "expires_in": 3600,'
        b' "restricted_to": [], "token_type": "bearer",'
        b' "refresh_token": "c3FIOG9vSGV4VHz8QiNgKM3LqYJhHZr4"}',
        "application/json",
        {"extra_keys": ("restricted_to",)},
    ),
    "yahoo": (
        "https://developer.yahoo.com/oauth2/guide/flows_authcode/#step-5-exchange-authorization-code-for-access-token",
        b'{"access_token":"Jzxbkqqcvjqik2IMxGFEE1cuaos--","token_type":"bearer","expires_in":3600,'
        b'"refresh_token":"AOiRUlJn_qOmByVGTmUpwcMKW3XDcipToOoHx2wRoyLgJC_RFlA-",'
        b'"xoauth_yahoo_guid":"JT4FACLQZI2OCE"}',
        "application/json",
        {"expires_in": 3600},
    ),
    "shopify": (
        "https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant",
        b'{"access_token": "f85632530bf277ec9ac6f649fc327f17", "scope": "write_orders,read_customers"}',
        "application/json",
        {"token_type": "Bearer", "expires_in": None},
    ),
    "stripe_connect": (
        "https://docs.stripe.com/connect/oauth-reference#post-token-response",
        b'{"access_token": "sk_test_Dur3X2cOCwyjlf9Nr7OCf3qO", "livemode": false,'
        b' "refresh_token": "rt_Ekmpfd9gkTcFYfNYIQnK0eb4RydMWlHSVn7BI9HjFqxM3E1v",'
        b' "token_type": "bearer", "stripe_publishable_key": "pk_test_TYooMQauvdEDq54NiTphI7jx",'
        b' "stripe_user_id": "acct_1032D82eZvKYlo2C", "scope": "read_write"}',
        "application/json",
        {"extra_keys": ("livemode", "stripe_publishable_key", "stripe_user_id")},
    ),
    "apple": (
        "https://developer.apple.com/documentation/sign_in_with_apple/tokenresponse",
        b'{"access_token": "adg61.67Or9", "token_type": "Bearer", "expires_in": 3600,'
        b' "refresh_token": "rca7.lABoQ", "id_token": "eyJra.96sZg"}',
        "application/json",
        {"expires_in": 3600},
    ),
    "notion": (
        "https://developers.notion.com/docs/authorization#step-4-notion-responds-with-an-access_token-and-some-additional-information",
        b'{"access_token": "e202e8c9-0990-40af-855f-ff8f872b1ec6c", "token_type": "bearer",'
        b' "bot_id": "b3414d659-1224-5ty7-6ffr-cc9d8773drt601288f", "duplicated_template_id": null,'
        b' "owner": {"workspace": true}, "workspace_icon": "https://website.domain/images/image.png",'
        b' "workspace_id": "j565j4d7x3-2882-61bs-564a-jj9d9ui-c36hxfr7x",'
        b' "workspace_name": "Ada\'s Notion Workspace"}',
        "application/json",
        {"expires_in": None},
    ),
    "mailchimp": (
        "https://mailchimp.com/developer/marketing/guides/access-user-data-oauth-2/",
        b'{"access_token":"5c6ccc561059aa386da9d112215bae55","expires_in":0,"scope":null}',
        "application/json",
        {"expires_in": 0, "scope": None},
    ),
    "fitbit": (
        "https://dev.fitbit.com/build/reference/web-api/authorization/oauth2-token/",
        b'{"access_token": "eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiIyMkJIV1YiLCJzdWIiOiJHR05KTDkifQ.c2ln",'
        b' "expires_in": 28800,'
        b' "refresh_token": "c643a63c072f0f05478e9d18b991db80ef6061e4f8e6c822d83fed53e5fafdd7",'
        b' "scope": "social nutrition profile settings sleep activity weight heartrate location",'
        b' "token_type": "Bearer", "user_id": "GGNJL9"}',
        "application/json",
        {"expires_in": 28800},
    ),
    "intuit_quickbooks": (
        "https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0#exchange-code-for-refresh-and-access-tokens",
        b'{"token_type": "bearer", "expires_in": 3600,'
        b' "refresh_token":"Q311488394272qbajGfLBwGmVsbF6VoNpUKaIO5oL49aXLVJUB",'
        b' "x_refresh_token_expires_in":15551893, "access_token":"eJlbmMiOiJBMTI4Q0JDLUhTMjU2IiwiYWxnIjoiZGlyIn0"}',
        "application/json",
        {"expires_in": 3600},
    ),
    "heroku": (
        "https://devcenter.heroku.com/articles/oauth#token-exchange",
        b'{"access_token":"01234567-89ab-cdef-0123-456789abcdef","expires_in":28799,'
        b'"refresh_token":"01234567-89ab-cdef-0123-456789abcdef","token_type":"Bearer",'
        b'"user_id":"01234567-89ab-cdef-0123-456789abcdef",'
        b'"session_nonce":"2bf3ec81-01f9-4ea3-a1ac-ea2d2f6f3bba"}',
        "application/json",
        {"expires_in": 28799},
    ),
    "gitlab": (
        "https://docs.gitlab.com/api/oauth2/#authorization-code-with-proof-key-for-code-exchange-pkce",
        b'{"access_token": "de6780bc506a0446309bd9362820ba8aed28aa506c71eedbe1c5c4f9dd350e54",'
        b' "token_type": "bearer", "expires_in": 7200,'
        b' "refresh_token": "8257e65c97202ed1726cf9571600918f3bffb2544b26e00a61df9897668c33a1",'
        b' "created_at": 1607635748}',
        "application/json",
        {"extra_keys": ("created_at",)},
    ),
    "bitbucket": (
        "https://developer.atlassian.com/cloud/bitbucket/oauth-2/",
        b'{"access_token": "ZbYJ4rp3Tz5gUZq2", "scopes": "repository", "expires_in": 7200,'
        b' "refresh_token": "fmSB8QuKVbHkkk2hM3", "token_type": "bearer"}',
        "application/json",
        {"extra_keys": ("scopes",)},
    ),
}


class TestRfcExamples(unittest.TestCase):
    def test_section_5_1_example_is_a_token(self):
        token = Token.try_from_bytes(RFC_5_1, issued_at=NOW)
        self.assertEqual(token.access_token, Secret("2YotnFZFEjr1zCsicMWpAA"))
        self.assertEqual(token.token_type, "example")
        self.assertEqual(token.expires_in, 3600)
        self.assertEqual(token.refresh_token, Secret("tGzv3JOkF0XG5Qx2TlKWIA"))
        self.assertIsNone(token.scope)
        self.assertEqual(token.issued_at, NOW)
        self.assertEqual(dict(token.extra), {"example_parameter": "example_value"})

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

    def test_every_documented_response_parses_leniently(self):
        for name, (_url, raw, content_type, expected) in PROVIDERS.items():
            with self.subTest(provider=name):
                token = parse_token_response(raw, content_type=content_type, issued_at=NOW)
                for attribute, value in expected.items():
                    shown = (
                        tuple(token.extra)
                        if attribute == "extra_keys"
                        else getattr(token, attribute)
                    )
                    if attribute == "extra_keys":
                        self.assertTrue(set(value).issubset(shown), (value, shown))  # type: ignore[arg-type]
                    else:
                        self.assertEqual(shown, value)

    def test_every_documented_response_survives_a_storage_round_trip(self):
        for name, (_url, raw, content_type, _expected) in PROVIDERS.items():
            with self.subTest(provider=name):
                token = parse_token_response(raw, content_type=content_type, issued_at=NOW)
                self.assertEqual(Token.try_from_bytes(token.to_json()), token)

    def test_no_documented_secret_shows_in_a_repr(self):
        for name, (_url, raw, content_type, _expected) in PROVIDERS.items():
            with self.subTest(provider=name):
                token = parse_token_response(raw, content_type=content_type)
                shown = repr(token) + str(token)
                self.assertNotIn(token.access_token.expose_secret(), shown)
                if token.refresh_token is not None:
                    self.assertNotIn(token.refresh_token.expose_secret(), shown)

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
        for name in (
            "google",
            "github_json",
            "github_form",
            "discord",
            "okta",
            "keycloak",
            "amazon",
        ):
            with self.subTest(provider=name):
                _url, raw, content_type, _expected = PROVIDERS[name]
                parse_token_response(raw, content_type=content_type, strict=True)

    def test_slack_nested_user_token_is_a_secret(self):
        token = Token.try_from_bytes(PROVIDERS["slack"][1])
        authed_user = token.extra["authed_user"]
        self.assertEqual(authed_user["access_token"], Secret("xoxp-1234"))  # type: ignore[index]
        self.assertEqual(authed_user["id"], "U1234")  # type: ignore[index]

    def test_id_tokens_are_secrets(self):
        for name in ("google_openid", "microsoft_v2", "okta", "auth0", "apple"):
            with self.subTest(provider=name):
                token = Token.try_from_bytes(PROVIDERS[name][1])
                self.assertIsInstance(token.extra["id_token"], Secret)

    def test_strava_expires_at_gives_the_start_of_life(self):
        token = Token.try_from_bytes(PROVIDERS["strava"][1])
        self.assertEqual(token.expires_at, at(1568775134))
        self.assertEqual(token.issued_at, at(1568775134 - 21600))
        self.assertNotIn("expires_at", token.extra)

    def test_salesforce_millisecond_issued_at_is_read_as_milliseconds(self):
        token = Token.try_from_bytes(PROVIDERS["salesforce"][1])
        self.assertEqual(token.issued_at, at(1278448101))
        self.assertNotIn("issued_at", token.extra)

    def test_gitlab_created_at_is_kept_as_an_extra_member(self):
        token = Token.try_from_bytes(PROVIDERS["gitlab"][1])
        self.assertEqual(token.extra["created_at"], 1607635748)


# ---------------------------------------------------------------------------
# Validation: the contract's table (RFC 6749 section 5.1, Appendix A), as data
# ---------------------------------------------------------------------------

LENIENT = (False,)
STRICT = (True,)
BOTH = (False, True)


class Outcome(enum.Enum):
    REJECTED = "InvalidTokenResponse naming the member"
    NOT_JSON = "InvalidTokenResponse naming the member or the body"
    OMITTED = "treated as omitted"
    IN_EXTRA = "not used, kept in extra as decoded"


REJECTED = Outcome.REJECTED
NOT_JSON = Outcome.NOT_JSON
OMITTED = Outcome.OMITTED
IN_EXTRA = Outcome.IN_EXTRA

MISSING = "<missing>"  # a value: the member is not sent at all


@dataclasses.dataclass(frozen=True)
class Raw:
    """The member's value as JSON text, sent as it is: raw bytes, NaN, 1e999."""

    text: bytes


@dataclasses.dataclass(frozen=True)
class Twice:
    """The member sent twice, with these values."""

    first: object
    second: object


@dataclasses.dataclass(frozen=True)
class Form:
    """The member's value in an application/x-www-form-urlencoded body."""

    text: str


@dataclasses.dataclass(frozen=True)
class Decoded:
    """The member's value handed to from_dict: values that JSON cannot carry."""

    value: object


VSCHARS = "".join(chr(c) for c in range(0x20, 0x7F))  # %x20-7E
NQCHARS = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in '"\\')
CAFE = Raw('"caf\u00e9"'.encode())  # non-ASCII sent raw, as UTF-8: json.dumps would escape it
RAW_DEL = Raw(b'"a\x7fb"')

# (member, value, strict?, outcome): an outcome that is not an Outcome is the
# value the token holds (a secret's exposed value), in the contract's row order.
VALIDATION: list[tuple[str, object, tuple[bool, ...], object]] = [
    # access_token: required, 1 or more VSCHAR (%x20-7E); same when strict
    ("access_token", VSCHARS, BOTH, VSCHARS),
    ("access_token", " ", BOTH, " "),  # %x20, the first VSCHAR
    ("access_token", "~", BOTH, "~"),  # %x7E, the last
    ("access_token", MISSING, BOTH, REJECTED),
    ("access_token", None, BOTH, REJECTED),
    ("access_token", "", BOTH, REJECTED),
    ("access_token", "a\x00b", BOTH, REJECTED),
    ("access_token", "a\x1fb", BOTH, REJECTED),
    ("access_token", "a\tb", BOTH, REJECTED),
    ("access_token", "a\nb", BOTH, REJECTED),
    ("access_token", "a\x7fb", BOTH, REJECTED),  # %x7F, DEL
    ("access_token", "a\x85b", BOTH, REJECTED),
    ("access_token", "tök", BOTH, REJECTED),
    ("access_token", "a\u2028b", BOTH, REJECTED),
    ("access_token", CAFE, BOTH, REJECTED),
    ("access_token", RAW_DEL, BOTH, REJECTED),
    ("access_token", 123, BOTH, REJECTED),
    ("access_token", 1.5, BOTH, REJECTED),
    ("access_token", True, BOTH, REJECTED),
    ("access_token", [], BOTH, REJECTED),
    ("access_token", {}, BOTH, REJECTED),
    # token_type: lenient, missing, null or "" is "Bearer", else no control
    # characters; strict, required, 1*( ALPHA / DIGIT / "-" / "." / "_" )
    ("token_type", MISSING, LENIENT, "Bearer"),
    ("token_type", None, LENIENT, "Bearer"),
    ("token_type", "", LENIENT, "Bearer"),
    ("token_type", MISSING, STRICT, REJECTED),
    ("token_type", None, STRICT, REJECTED),
    ("token_type", "", STRICT, REJECTED),
    ("token_type", "Bearer", BOTH, "Bearer"),
    ("token_type", "bearer", BOTH, "bearer"),
    ("token_type", "bEaReR", BOTH, "bEaReR"),  # kept as sent
    ("token_type", "DPoP", BOTH, "DPoP"),
    ("token_type", "N_A", BOTH, "N_A"),
    ("token_type", "mac-1.0", BOTH, "mac-1.0"),
    ("token_type", "Bearer token", LENIENT, "Bearer token"),
    ("token_type", "MAC/1", LENIENT, "MAC/1"),
    ("token_type", "Jeton porteur é", LENIENT, "Jeton porteur é"),
    ("token_type", "a/b", LENIENT, "a/b"),
    ("token_type", "é", LENIENT, "é"),
    ("token_type", "a:b", LENIENT, "a:b"),
    ("token_type", "a\xa0", LENIENT, "a\xa0"),  # U+00A0, just past C1
    ("token_type", "Bearer token", STRICT, REJECTED),
    ("token_type", "a/b", STRICT, REJECTED),
    ("token_type", "é", STRICT, REJECTED),
    ("token_type", "a:b", STRICT, REJECTED),
    ("token_type", "Bearer\r\nX", BOTH, REJECTED),
    ("token_type", "a\x00", BOTH, REJECTED),  # C0
    ("token_type", "a\x1f", BOTH, REJECTED),
    ("token_type", "a\x7f", BOTH, REJECTED),  # DEL
    ("token_type", "a\x80", BOTH, REJECTED),  # C1
    ("token_type", "a\x9f", BOTH, REJECTED),
    ("token_type", 1, BOTH, REJECTED),
    # expires_in: integer 0 to 2**63-1; lenient, also an ASCII digit string or a
    # float (floored); strict, a JSON integer only
    ("expires_in", 0, BOTH, 0),
    ("expires_in", 1, BOTH, 1),
    ("expires_in", 3600, BOTH, 3600),
    ("expires_in", 2**63 - 1, BOTH, 2**63 - 1),
    ("expires_in", -1, BOTH, REJECTED),
    ("expires_in", 2**63, BOTH, REJECTED),
    ("expires_in", "3600", LENIENT, 3600),
    ("expires_in", "0003600", LENIENT, 3600),
    ("expires_in", str(2**63 - 1), LENIENT, 2**63 - 1),
    ("expires_in", str(2**63), LENIENT, REJECTED),
    ("expires_in", "9" * 21, LENIENT, REJECTED),
    ("expires_in", "1" + "0" * 4000, LENIENT, REJECTED),
    ("expires_in", 3600.9, LENIENT, 3600),
    ("expires_in", 1e3, LENIENT, 1000),
    ("expires_in", "3600", STRICT, REJECTED),
    ("expires_in", 3600.5, STRICT, REJECTED),
    ("expires_in", 3600.0, STRICT, REJECTED),
    ("expires_in", Form("3600"), BOTH, 3600),  # in a form, a digit string is the integer
    ("expires_in", Decoded("3600"), LENIENT, 3600),  # from_dict reads JSON, not a form
    ("expires_in", Decoded("3600"), STRICT, REJECTED),
    *(
        ("expires_in", digits, BOTH, REJECTED)  # ASCII 0-9 only
        for digits in (" 3600", "3600 ", "+3600", "-1", "3_600", "３６００", "٣٦٠٠", "36.5", "1e3")
    ),
    ("expires_in", "soon", BOTH, REJECTED),
    ("expires_in", [], BOTH, REJECTED),
    ("expires_in", {}, BOTH, REJECTED),
    # refresh_token: 1 or more VSCHAR, held as a Secret
    ("refresh_token", "r e~f!", BOTH, "r e~f!"),
    ("refresh_token", VSCHARS, BOTH, VSCHARS),
    ("refresh_token", "a\nb", BOTH, REJECTED),
    ("refresh_token", "a\x7fb", BOTH, REJECTED),
    ("refresh_token", CAFE, BOTH, REJECTED),
    ("refresh_token", RAW_DEL, BOTH, REJECTED),
    ("refresh_token", 5, BOTH, REJECTED),
    ("refresh_token", ["x"], BOTH, REJECTED),
    # scope: scope-tokens of NQCHAR (%x21 / %x23-5B / %x5D-7E) delimited by one
    # space; lenient, also extra spaces and a JSON array of scope-tokens
    ("scope", "read write:all a,b", BOTH, "read write:all a,b"),
    ("scope", NQCHARS, BOTH, NQCHARS),
    ("scope", 'a"b', BOTH, REJECTED),
    ("scope", "a\\b", BOTH, REJECTED),
    ("scope", "a\tb", BOTH, REJECTED),
    ("scope", "a\nb", BOTH, REJECTED),
    ("scope", "a\x7fb", BOTH, REJECTED),
    ("scope", "é", BOTH, REJECTED),
    ("scope", CAFE, BOTH, REJECTED),
    ("scope", RAW_DEL, BOTH, REJECTED),
    ("scope", Raw(b'"a\\"b"'), BOTH, REJECTED),  # an escaped quote is still a quote
    ("scope", " read  write ", LENIENT, " read  write "),  # kept as sent
    ("scope", " read", STRICT, REJECTED),
    ("scope", "read ", STRICT, REJECTED),
    ("scope", "read  write", STRICT, REJECTED),
    ("scope", "   ", BOTH, REJECTED),
    ("scope", ["user:read", "chat:edit"], LENIENT, "user:read chat:edit"),
    ("scope", [], LENIENT, OMITTED),
    ("scope", ["read"], STRICT, REJECTED),
    ("scope", [], STRICT, REJECTED),
    ("scope", ["a b"], LENIENT, REJECTED),
    ("scope", [1], LENIENT, REJECTED),
    ("scope", ["ok", None], LENIENT, REJECTED),
    ("scope", [""], LENIENT, REJECTED),
    ("scope", ['a"'], LENIENT, REJECTED),
    ("scope", 1, BOTH, REJECTED),
    ("scope", {"a": 1}, BOTH, REJECTED),
    ("scope", True, BOTH, REJECTED),
    # issued_at and expires_at in the body: lenient, a wrong type is not used and
    # stays in extra; strict, it is rejected
    ("issued_at", True, LENIENT, IN_EXTRA),
    ("issued_at", "yesterday", LENIENT, IN_EXTRA),
    ("issued_at", "2026-01-02T03:04:05Z", LENIENT, IN_EXTRA),  # Square's and Docker's
    ("issued_at", [1], LENIENT, IN_EXTRA),
    ("issued_at", {"a": 1}, LENIENT, IN_EXTRA),
    ("issued_at", True, STRICT, REJECTED),
    ("issued_at", "yesterday", STRICT, REJECTED),
    ("issued_at", "2026-01-02T03:04:05Z", STRICT, REJECTED),
    ("issued_at", [1], STRICT, REJECTED),
    ("issued_at", "1" + "0" * 64, LENIENT, REJECTED),  # more than 64 digits
    ("expires_at", False, LENIENT, IN_EXTRA),
    ("expires_at", "tomorrow", LENIENT, IN_EXTRA),
    ("expires_at", False, STRICT, REJECTED),
    ("expires_at", "tomorrow", STRICT, REJECTED),
    # null or "" for an optional member: omitted, in both modes
    ("expires_in", None, BOTH, OMITTED),
    ("expires_in", "", BOTH, OMITTED),
    ("refresh_token", None, BOTH, OMITTED),
    ("refresh_token", "", BOTH, OMITTED),
    ("scope", None, BOTH, OMITTED),
    ("scope", "", BOTH, OMITTED),
    ("issued_at", None, BOTH, OMITTED),
    ("issued_at", "", BOTH, OMITTED),
    ("expires_at", None, BOTH, OMITTED),
    ("expires_at", "", BOTH, OMITTED),
    # any member twice: rejected, in both modes
    ("expires_in", Twice(1, 2), BOTH, REJECTED),
    ("access_token", Twice("a", "a"), BOTH, REJECTED),  # even with equal values
    ("scope", Twice("a", "b"), BOTH, REJECTED),
    ("other", Twice(1, 2), BOTH, REJECTED),
    # booleans for numbers, NaN, Infinity: rejected, in both modes
    ("expires_in", True, BOTH, REJECTED),
    ("expires_in", False, BOTH, REJECTED),
    ("expires_in", Raw(b"NaN"), BOTH, NOT_JSON),
    ("expires_in", Raw(b"Infinity"), BOTH, NOT_JSON),
    ("expires_in", Raw(b"-Infinity"), BOTH, NOT_JSON),
    ("expires_in", Raw(b"1e999"), BOTH, NOT_JSON),  # a float that overflows to infinity
    ("expires_in", Decoded(float("nan")), BOTH, REJECTED),
    ("expires_in", Decoded(float("inf")), BOTH, REJECTED),
    ("other", Raw(b"[1, NaN]"), BOTH, NOT_JSON),
]

SECRET_FIELDS = ("access_token", "refresh_token")
OPTIONAL_FIELDS = ("expires_in", "refresh_token", "scope")
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
    if value == MISSING:
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
                with self.subTest(member=member, value=repr(value)[:40], strict=strict):
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

    def test_several_omitted_members_leave_nothing_behind(self):
        raw = valid(expires_in=None, refresh_token="", scope=None)
        token = Token.try_from_bytes(raw, strict=True)
        self.assertEqual((token.expires_in, token.refresh_token, token.scope), (None, None, None))
        self.assertEqual(dict(token.extra), {})


class TestScopeRule(TokenTestCase):
    def test_lenient_extra_spaces_are_kept_in_scope_and_dropped_from_scopes(self):
        token = Token.try_from_bytes(valid(scope=" read  write "))
        self.assertEqual(token.scope, " read  write ")
        self.assertEqual(token.scopes, ("read", "write"))

    def test_lenient_array_is_joined_by_spaces(self):
        token = Token.try_from_bytes(valid(scope=["user:read", "chat:edit"]))
        self.assertEqual(token.scope, "user:read chat:edit")
        self.assertEqual(token.scopes, ("user:read", "chat:edit"))

    def test_lenient_array_of_hundreds_of_scopes_is_joined(self):
        scopes = [f"scope_{number}" for number in range(300)]
        self.assertEqual(Token.try_from_bytes(valid(scope=scopes)).scopes, tuple(scopes))

    def test_every_nqchar_makes_one_scope_token(self):
        self.assertEqual(Token.try_from_bytes(valid(scope=NQCHARS), strict=True).scopes, (NQCHARS,))


class TestDuplicateMembers(TokenTestCase):
    def test_a_compact_duplicate_json_member_is_rejected_and_named(self):
        raw = b'{"access_token":"a","token_type":"Bearer","expires_in":1,"expires_in":2}'
        for strict in (False, True):
            self.assertRejected(raw, "expires_in", strict=strict)

    def test_a_duplicate_nested_member_is_rejected_and_named(self):
        self.assertRejected(b'{"access_token":"a","team":{"id":1,"id":2}}', "id")

    def test_a_duplicate_form_member_is_rejected_and_named(self):
        self.assertRejected("access_token=a&scope=x&scope=y", "scope", form=True)

    def test_a_duplicate_secret_member_message_does_not_leak_its_values(self):
        raw = b'{"access_token":"first-secret","access_token":"second-secret"}'
        error = self.assertRejected(raw, "access_token", secrets=("first-secret", "second-secret"))
        for text in texts_of(error):
            self.assertNotIn("secret", text.replace("a secret", ""))


class TestMessages(TokenTestCase):
    def message(self, raw: bytes, field: str | None, **kwargs: object) -> str:
        return str(self.assertRejected(raw, field, **kwargs))

    def test_an_integer_of_65_digits_is_too_long_whatever_its_sign(self):
        for member in ("expires_in", "issued_at", "expires_at"):
            for number in (10**64, -(10**64), 10**65, -(10**65)):
                with self.subTest(member=member, number=number):
                    error = self.assertRejected({"access_token": "a", member: number}, member)
                    self.assertIn("has more than 64 digits", str(error))

    def test_a_wrong_type_is_named_by_its_json_kind(self):
        for value, kind in (
            (True, "a boolean"),
            ("x", "a string"),
            ([1], "an array"),
            ({"a": 1}, "an object"),
        ):
            with self.subTest(kind=kind):
                message = self.message(valid(expires_in=value), "expires_in", strict=True)
                self.assertIn(f"not {kind}", message)
        for value, kind in ((7, "an integer"), (1.5, "a number with a fraction or exponent")):
            with self.subTest(kind=kind):
                self.assertIn(f"not {kind}", self.message(valid(token_type=value), "token_type"))

    def test_the_message_starts_with_the_quoted_member_name(self):
        self.assertTrue(
            self.message(valid(expires_in=-1), "expires_in").startswith("'expires_in': ")
        )
        self.assertTrue(self.message(b"[]", None).startswith("the body: "))

    def test_a_member_name_of_65_characters_is_not_shown(self):
        name = "m" * 65
        message = self.message(f'{{"{name}":1,"{name}":2}}'.encode(), None)
        self.assertNotIn("m" * 64, message)
        self.assertIn("a member whose name is not shown: appears more than once", message)

    def test_a_member_name_of_64_characters_is_shown_whole(self):
        name = "m" * 64
        self.assertIn(f"'{name}':", self.message(f'{{"{name}":1,"{name}":2}}'.encode(), name))

    def test_a_name_of_letters_digits_and_dot_dash_underscore_is_shown(self):
        name = "Az09_.-"
        self.assertIn(f"'{name}':", self.message(f'{{"{name}":1,"{name}":2}}'.encode(), name))

    def test_a_name_with_any_other_character_is_not_shown(self):
        for name in ("a\nb", "a b", "a'b", "Zoë", "a/b", "a\ud800"):
            with self.subTest(name=name):
                body = json.dumps({"x": 0})[:-1] + f",{json.dumps(name)}:1,{json.dumps(name)}:2}}"
                message = self.message(body.encode(), None)
                self.assertTrue(message.startswith("a member whose name is not shown: "))
                self.assertTrue(message.isascii() and message.isprintable())

    def test_body_text_read_as_a_form_name_is_never_quoted(self):
        # A JSON body sent as a form: its "names" are the secret itself.
        parsers = {
            "try_from_form": Token.try_from_form,
            "error try_from_form": ErrorParams.try_from_form,
            "text/plain": functools.partial(parse_token_response, content_type="text/plain"),
        }
        for raw in (
            b'{"access_token":"tok_SECRET==","note":"100%"}',  # a malformed %-escape
            b'{"access_token":"tok_SECRET==","q":"caf%E9"}',  # an escape that is not UTF-8
            b'{"x":"SECRET%E9"}',
        ):
            for name, parser in parsers.items():
                with self.subTest(raw=raw, parser=name):
                    error = self.assertRejected(raw, None, parser=parser)
                    self.assertNotIn("access_token", str(error))

    def test_a_non_string_secret_is_said_to_be_no_string(self):
        message = self.message(valid(access_token=123), "access_token")
        self.assertIn("must be a string, not an integer", message)

    def test_strict_and_lenient_say_what_expires_in_may_be(self):
        message = self.message(valid(expires_in="60"), "expires_in", strict=True)
        self.assertIn("must be a JSON integer, not a string", message)
        message = self.message(valid(expires_in=[60]), "expires_in")
        self.assertIn("an integer, a digit string or a number, not an array", message)

    def test_a_bad_scope_string_is_said_to_be_malformed_not_mistyped(self):
        self.assertIn("space-delimited scope tokens", self.message(valid(scope='a"b'), "scope"))
        self.assertIn("must be a string, not an integer", self.message(valid(scope=5), "scope"))


# ---------------------------------------------------------------------------
# issued_at, expires_at, previous, extra
# ---------------------------------------------------------------------------


class TestIssuedAt(TokenTestCase):
    def test_the_argument_wins_as_an_aware_datetime(self):
        token = Token.try_from_bytes(valid(issued_at=1000, expires_at=5000), issued_at=NOW)
        self.assertEqual(token.issued_at, NOW)

    def test_the_argument_accepts_epoch_seconds(self):
        self.assertEqual(Token.try_from_bytes(valid(), issued_at=1000).issued_at, at(1000))
        self.assertEqual(Token.try_from_bytes(valid(), issued_at=1000.9).issued_at, at(1000))

    def test_the_argument_is_converted_to_utc_and_truncated(self):
        paris = timezone(timedelta(hours=1))
        moment = datetime(2026, 1, 2, 4, 4, 5, 999999, tzinfo=paris)
        token = Token.try_from_bytes(valid(), issued_at=moment)
        self.assertEqual(token.issued_at, NOW)
        self.assertEqual(token.issued_at.tzinfo, UTC)
        self.assertEqual(token.issued_at.microsecond, 0)

    def test_the_argument_may_be_the_first_and_last_whole_second_of_datetime(self):
        first = datetime.min.replace(tzinfo=UTC)
        last = datetime.max.replace(microsecond=0, tzinfo=UTC)
        self.assertEqual(Token("a", issued_at=first).issued_at, first)
        self.assertEqual(Token("a", issued_at=last).issued_at, last)

    def test_epoch_seconds_past_either_end_of_datetime_raise_value_error(self):
        first = datetime.min.replace(tzinfo=UTC)
        last = datetime.max.replace(microsecond=0, tzinfo=UTC)
        lowest, highest = ((moment - at(0)) // timedelta(seconds=1) for moment in (first, last))
        self.assertEqual((lowest, highest), (-62135596800, 253402300799))
        for seconds, expected in (
            (lowest, first),
            (lowest + 0.5, first),
            (highest, last),
            (highest + 0.5, last),
        ):
            with self.subTest(seconds=seconds):
                self.assertEqual(Token("a", issued_at=seconds).issued_at, expected)
                self.assertEqual(
                    Token.try_from_bytes(valid(), issued_at=seconds).issued_at, expected
                )
        for seconds in (lowest - 0.5, lowest - 1, highest + 1, highest + 1.5):
            with self.subTest(seconds=seconds):
                with self.assertRaisesRegex(ValueError, "issued_at"):
                    Token("a", issued_at=seconds)
                with self.assertRaisesRegex(ValueError, "issued_at"):
                    Token.try_from_bytes(valid(), issued_at=seconds)

    def test_epoch_seconds_around_the_epoch_are_read(self):
        self.assertEqual(Token("a", issued_at=0).issued_at, datetime(1970, 1, 1, tzinfo=UTC))
        self.assertEqual(
            Token("a", issued_at=-1).issued_at, datetime(1969, 12, 31, 23, 59, 59, tzinfo=UTC)
        )
        self.assertEqual(
            Token("a", issued_at=1).issued_at, datetime(1970, 1, 1, 0, 0, 1, tzinfo=UTC)
        )

    def test_a_naive_argument_raises_value_error_naming_it(self):
        with self.assertRaisesRegex(ValueError, "issued_at") as caught:
            Token.try_from_bytes(valid(), issued_at=datetime(2026, 1, 1))
        self.assertNotIsInstance(caught.exception, InvalidTokenResponse)

    def test_a_wrong_argument_type_raises_type_error(self):
        for bad in ("2026-01-01", True, [1]):
            with self.subTest(bad=bad), self.assertRaises(TypeError):
                Token.try_from_bytes(valid(), issued_at=bad)  # type: ignore[arg-type]

    def test_a_non_finite_or_out_of_range_argument_raises_value_error(self):
        for bad in (float("nan"), float("inf"), 1e20, -1e20):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                Token.try_from_bytes(valid(), issued_at=bad)

    def test_body_epoch_seconds_are_used(self):
        token = Token.try_from_bytes(valid(issued_at=1_700_000_000, expires_in=60))
        self.assertEqual(token.issued_at, at(1_700_000_000))
        self.assertNotIn("issued_at", token.extra)

    def test_body_milliseconds_above_10_to_the_11_are_converted(self):
        token = Token.try_from_bytes(valid(issued_at=1_700_000_000_123))
        self.assertEqual(token.issued_at, at(1_700_000_000))

    def test_milliseconds_just_above_10_to_the_11_are_converted(self):
        token = Token.try_from_bytes(valid(issued_at=150_000_000_000))
        self.assertEqual(token.issued_at, at(150_000_000))
        token = Token.try_from_bytes(valid(issued_at=10**11 + 1))
        self.assertEqual(token.issued_at, at(10**8))

    def test_body_expires_at_in_milliseconds_is_converted_with_or_without_expires_in(self):
        with now_is(NOW_SECONDS):
            alone = Token.try_from_bytes(valid(expires_at=(NOW_SECONDS + 600) * 1000))
            passed = Token.try_from_bytes(valid(expires_at=1_600_000_000_000, expires_in=3600))
            as_text = Token.try_from_bytes(valid(expires_at=str((NOW_SECONDS + 60) * 1000)))
        self.assertEqual((alone.expires_at, alone.expires_in), (NOW + timedelta(seconds=600), 600))
        self.assertEqual(passed.expires_at, at(1_600_000_000))
        self.assertTrue(passed.is_expired())
        self.assertEqual(as_text.expires_at, NOW + timedelta(seconds=60))

    def test_exactly_10_to_the_11_is_still_seconds(self):
        with now_is(10**12):
            token = Token.try_from_bytes(valid(issued_at=10**11))
        self.assertEqual(token.issued_at, at(10**11))

    def test_body_digit_string_of_64_digits_counts_as_now_and_65_is_rejected(self):
        # One bound for every integer, in JSON or as a digit string: 64 digits.
        with now_is(NOW_SECONDS):
            self.assertEqual(Token.try_from_bytes(valid(issued_at="9" * 64)).issued_at, NOW)
            self.assertEqual(Token.try_from_bytes(valid(issued_at=10**20)).issued_at, NOW)
        self.assertRejected(valid(issued_at="1" + "0" * 64), "issued_at")
        with now_is(NOW_SECONDS):  # leading zeros are not digits of the number
            self.assertEqual(Token.try_from_bytes(valid(issued_at="0" * 70 + "1")).issued_at, at(1))

    def test_body_digit_string_is_used(self):
        self.assertEqual(
            Token.try_from_bytes(valid(issued_at="1700000000")).issued_at, at(1_700_000_000)
        )

    def test_body_float_is_floored(self):
        self.assertEqual(
            Token.try_from_bytes(valid(issued_at=1_700_000_000.9)).issued_at, at(1_700_000_000)
        )

    def test_a_future_body_issued_at_counts_as_now(self):
        with now_is(NOW_SECONDS + 0.5):
            token = Token.try_from_bytes(valid(issued_at=NOW_SECONDS + 3600))
        self.assertEqual(token.issued_at, NOW)

    def test_without_anything_issued_at_is_now_in_whole_seconds(self):
        with now_is(NOW_SECONDS + 0.75):
            token = Token.try_from_bytes(valid())
        self.assertEqual(token.issued_at, NOW)

    def test_null_or_empty_body_issued_at_is_dropped_beside_the_argument(self):
        for value in (None, ""):
            token = Token.try_from_bytes(valid(issued_at=value), issued_at=NOW)
            self.assertNotIn("issued_at", token.extra)


class TestExpiresAtMember(TokenTestCase):
    def test_with_expires_in_the_start_is_expires_at_minus_expires_in(self):
        token = Token.try_from_bytes(valid(expires_at=1_700_003_600, expires_in=3600))
        self.assertEqual(token.issued_at, at(1_700_000_000))
        self.assertEqual(token.expires_at, at(1_700_003_600))

    def test_with_expires_in_a_future_start_counts_as_now(self):
        with now_is(NOW_SECONDS):
            token = Token.try_from_bytes(valid(expires_at=NOW_SECONDS + 7200, expires_in=3600))
        self.assertEqual(token.issued_at, NOW)
        self.assertEqual(token.expires_in, 3600)

    def test_without_expires_in_it_becomes_the_seconds_left(self):
        with now_is(NOW_SECONDS + 0.5):
            token = Token.try_from_bytes(valid(expires_at=NOW_SECONDS + 90))
        self.assertEqual(token.issued_at, NOW)
        self.assertEqual(token.expires_in, 90)

    def test_without_expires_in_a_passed_expires_at_gives_zero(self):
        with now_is(NOW_SECONDS):
            token = Token.try_from_bytes(valid(expires_at=NOW_SECONDS - 90))
        self.assertEqual(token.expires_in, 0)
        self.assertTrue(token.is_expired(now=NOW))

    def test_a_digit_string_expires_at_is_read(self):
        token = Token.try_from_bytes(valid(expires_at="1700003600", expires_in=3600))
        self.assertEqual(token.expires_at, at(1_700_003_600))

    def test_it_never_stays_in_extra_even_when_unused(self):
        token = Token.try_from_bytes(
            valid(expires_at=1_700_003_600, expires_in=3600), issued_at=NOW
        )
        self.assertNotIn("expires_at", token.extra)
        self.assertEqual(token.expires_at, NOW + timedelta(seconds=3600))

    def test_a_start_may_reach_back_to_the_year_1(self):
        first = int((datetime.min.replace(tzinfo=UTC) - at(0)).total_seconds())
        token = Token.try_from_bytes(valid(expires_at=first + 10, expires_in=10))
        self.assertEqual(token.issued_at, datetime.min.replace(tzinfo=UTC))

    def test_a_start_before_the_year_1_is_rejected(self):
        self.assertRejected(valid(expires_at=0, expires_in=10**15), "expires_at")


class TestPreviousToken(unittest.TestCase):
    def setUp(self):
        self.previous = Token.try_from_bytes(valid(refresh_token="old-refresh", scope="read write"))

    def test_omitted_refresh_token_and_scope_are_kept(self):
        token = Token.try_from_bytes(valid(access_token="new"), previous=self.previous)
        self.assertEqual(token.refresh_token, Secret("old-refresh"))
        self.assertEqual(token.scope, "read write")

    def test_null_or_empty_counts_as_omitted(self):
        token = Token.try_from_bytes(valid(refresh_token="", scope=None), previous=self.previous)
        self.assertEqual(token.refresh_token, Secret("old-refresh"))
        self.assertEqual(token.scope, "read write")

    def test_a_rotated_refresh_token_and_new_scope_replace_them(self):
        token = Token.try_from_bytes(
            valid(refresh_token="rotated", scope="read"), previous=self.previous
        )
        self.assertEqual(token.refresh_token, Secret("rotated"))
        self.assertEqual(token.scope, "read")

    def test_works_for_forms_and_parse_token_response(self):
        token = Token.try_from_form("access_token=new", previous=self.previous)
        self.assertEqual(token.refresh_token, Secret("old-refresh"))
        token = parse_token_response(valid(), previous=self.previous)
        self.assertEqual(token.scope, "read write")

    def test_previous_must_be_a_token(self):
        with self.assertRaises(TypeError):
            Token.try_from_bytes(valid(), previous={"refresh_token": "x"})  # type: ignore[arg-type]


class TestExtraMembers(TokenTestCase):
    def test_hundreds_of_distinct_members_are_all_kept(self):
        members = {f"member_{number}": number for number in range(300)}
        self.assertEqual(dict(Token.try_from_bytes(valid(**members)).extra), members)

    def test_unknown_members_are_kept_as_decoded(self):
        token = Token.try_from_bytes(
            valid(n=1, f=1.5, b=True, z=None, s="x", a=[1, "y"], o={"k": "v"})
        )
        self.assertEqual(token.extra["n"], 1)
        self.assertEqual(token.extra["f"], 1.5)
        self.assertIs(token.extra["b"], True)
        self.assertIsNone(token.extra["z"])
        self.assertEqual(token.extra["a"], (1, "y"))
        self.assertEqual(token.extra["o"], {"k": "v"})

    def test_raw_non_ascii_is_kept(self):
        raw = valid(name="PLACE").replace(b'"PLACE"', '"caf\u00e9"'.encode())
        self.assertEqual(Token.try_from_bytes(raw).extra["name"], "caf\u00e9")

    def test_an_integer_too_long_for_the_parsers_is_refused_by_from_dict_too(self):
        # Found by the fuzzer: from_dict took it, and to_json() did not reload.
        for members in ({"athlete": {"id": 10**64}}, {"n": -(10**64)}):
            with self.subTest(members=members):
                field = next(iter(members))
                self.assertRejected({"access_token": "a", **members}, field)
                self.assertRejected(members, field, parser=lambda extra: Token("a", extra=extra))

    def test_the_longest_integers_kept_reload_from_to_json(self):
        longest = 10**64 - 1
        token = Token.from_dict({"access_token": "a", "n": longest, "o": {"m": -longest}})
        self.assertEqual(Token.try_from_bytes(token.to_json()), token)

    def test_extra_is_a_read_only_mapping_at_every_depth(self):
        token = Token.try_from_bytes(valid(o={"k": ["v"]}))
        self.assertIsInstance(token.extra, Mapping)
        self.assertIsInstance(token.extra["o"], Mapping)
        with self.assertRaises(TypeError):
            token.extra["new"] = 1  # type: ignore[index]
        with self.assertRaises(TypeError):
            token.extra["o"]["k"] = 1  # type: ignore[index]
        self.assertIsInstance(token.extra["o"]["k"], tuple)  # type: ignore[index]

    def test_no_extra_mapping_can_be_rewritten_nor_is_shared(self):
        token = Token.try_from_bytes(valid(o={"k": {}}))
        error = ErrorParams.try_from_bytes(body(error="x"))
        empties = [token.extra["o"]["k"], error.extra, Token("a").extra, Token("b").extra]  # type: ignore[index]
        for mapping in [token.extra, token.extra["o"], *empties]:
            with self.subTest(mapping=mapping):
                with contextlib.suppress(TypeError, AttributeError):
                    mapping.__init__({"id_token": "x"})  # type: ignore[misc]
                for name in ("_members", "id_token"):
                    with self.assertRaises(AttributeError):
                        setattr(mapping, name, {"id_token": "x"})
                    with self.assertRaises(AttributeError):
                        delattr(mapping, name)
                with self.assertRaises(TypeError):
                    mapping["id_token"] = "x"  # type: ignore[index]
        self.assertEqual(plain(token.extra), {"o": {"k": {}}})
        self.assertEqual([dict(empty) for empty in empties], [{}, {}, {}, {}])
        self.assertEqual(len({id(empty) for empty in empties}), len(empties))

    def test_names_not_ending_in_token_hold_plain_strings(self):
        token = Token.try_from_bytes(valid(fuzzz="a", zzzzz="b", tokens="c", token_type_hint="d"))
        self.assertEqual(
            [token.extra[k] for k in ("fuzzz", "zzzzz", "tokens", "token_type_hint")],
            ["a", "b", "c", "d"],
        )

    def test_strings_under_names_ending_in_token_are_secrets_at_any_depth(self):
        token = Token.try_from_bytes(
            valid(
                id_token="jwt",
                mfa_token="m",
                accessToken="camel",
                nested={"deep": {"session_token": "s", "tokens": "not-a-secret"}},
                list_token=["a", {"x": "b"}],
            )
        )
        self.assertEqual(token.extra["id_token"], Secret("jwt"))
        self.assertEqual(token.extra["mfa_token"], Secret("m"))
        self.assertEqual(token.extra["accessToken"], Secret("camel"))
        self.assertEqual(token.extra["nested"]["deep"]["session_token"], Secret("s"))  # type: ignore[index]
        self.assertEqual(token.extra["nested"]["deep"]["tokens"], "not-a-secret")  # type: ignore[index]
        self.assertEqual(token.extra["list_token"], (Secret("a"), {"x": Secret("b")}))

    def test_arrays_under_token_names_hold_one_secret_per_string(self):
        strings = ["x", "x", "y", "", "x"]
        mixed = ["x", True, None, "x", False, None, "z"]
        members = {"a_token": strings, "b_token": mixed, "o": {"c_token": strings * 200}}
        for how, token in (
            ("try_from_bytes", Token.try_from_bytes(valid(**members), issued_at=NOW)),
            ("from_dict", Token.from_dict({"access_token": "a", **members}, issued_at=NOW)),
            ("constructor", Token("a", extra=members, issued_at=NOW)),
        ):
            for found, sent in (
                (token.extra["a_token"], strings),
                (token.extra["b_token"], mixed),
                (token.extra["o"]["c_token"], strings * 200),  # type: ignore[index]
            ):
                with self.subTest(how=how, sent=sent[:7]):
                    self.assertIs(type(found), tuple)
                    self.assertEqual(len(found), len(sent))  # type: ignore[arg-type]
                    for item, value in zip(found, sent, strict=True):  # type: ignore[call-overload]
                        if isinstance(value, str):
                            self.assertIs(type(item), Secret)
                            self.assertEqual(item, Secret(value))
                        else:
                            self.assertIs(item, value)
            secrets = token.extra["a_token"]
            self.assertEqual(secrets[0], secrets[1])  # type: ignore[index]
            self.assertNotEqual(secrets[0], secrets[2])  # type: ignore[index]
            self.assertEqual(Token.try_from_bytes(token.to_json()), token)
            written = json.loads(token.to_json())
            self.assertEqual({name: written[name] for name in members}, members)

    def test_one_secret_per_distinct_string_whatever_else_the_array_holds(self):
        # The *token rule's cost is one Secret per distinct string, even beside numbers,
        # arrays and objects, and in arrays nested in arrays.
        for array in (
            ["", "", 0, "", "a"],
            ["", "a", [""], {"k": ""}, "", 1.5, "a"],
            [["", "", 0, "a", ""]],
            [["", 0], ["", 0], ["a"]],
        ):
            members = {"x_token": array * 20}
            for how, token in (
                ("try_from_bytes", Token.try_from_bytes(valid(**members))),
                ("from_dict", Token.from_dict({"access_token": "a", **members})),
            ):
                with self.subTest(how=how, array=array):
                    found: list[Secret] = []
                    stack = [token.extra["x_token"]]
                    while stack:
                        item = stack.pop()
                        if isinstance(item, Secret):
                            found.append(item)
                        elif isinstance(item, Mapping):
                            stack.extend(item.values())
                        elif isinstance(item, tuple):
                            stack.extend(item)
                    self.assertGreater(len(found), 20)
                    self.assertEqual(len({id(secret) for secret in found}), 2)  # "" and "a"
                    self.assertEqual(Token.try_from_bytes(token.to_json()), token)

    def test_mixed_arrays_keep_each_value_and_its_type(self):
        mixed = [1, None, "a", True, 1.5, {"k": "v"}, ["z"], False, 0, -2, 1.0, 0.0, ""]
        numbers = [True, 1, 1.0, False, 0, 0.0, -(10**64 - 1), 10**64 - 1]
        members = {"m": mixed, "m_token": mixed, "n": numbers, "n_token": numbers}
        for how, token in (
            ("try_from_bytes", Token.try_from_bytes(valid(**members), issued_at=NOW)),
            ("from_dict", Token.from_dict({"access_token": "a", **members}, issued_at=NOW)),
        ):
            for name, sent in members.items():
                with self.subTest(how=how, name=name):
                    found = token.extra[name]
                    self.assertEqual(
                        self.typed(found), self.typed(sent, secret=name[-5:] == "token")
                    )
            self.assertEqual(Token.try_from_bytes(token.to_json()), token)
            reloaded = json.loads(token.to_json())
            for name, sent in members.items():
                self.assertEqual(self.typed(reloaded[name]), self.typed(sent))

    @classmethod
    def typed(cls, value: object, *, secret: bool = False) -> object:
        """`value` with the type of every item beside it; strings as Secrets if `secret`."""
        if isinstance(value, Mapping):
            return {name: cls.typed(item, secret=secret) for name, item in value.items()}
        if isinstance(value, (list, tuple)):
            return [cls.typed(item, secret=secret) for item in value]
        if secret and isinstance(value, str):
            value = Secret(value)
        return (type(value), value)

    def test_arrays_of_numbers_alone_are_bounded_as_any_number(self):
        for numbers in (
            [1, 2, 10**64],
            [-(10**64), 1],
            [-(10**65), 1],
            [10**65 - 1] * 3,
            [1.5, float("inf")],
            [float("-inf"), 0.5],
            [0.5, float("nan")],
        ):
            with self.subTest(numbers=numbers):
                self.assertRejected({"access_token": "a", "n": numbers}, "n")
                self.assertRejected({"access_token": "a", "o": {"n_token": numbers}}, "o")
                self.assertRejected(
                    {"n": numbers}, "n", parser=lambda extra: Token("a", extra=extra)
                )

    def test_non_strings_under_token_names_are_kept_as_decoded(self):
        token = Token.try_from_bytes(valid(refresh_token_expires_in=100))
        self.assertEqual(token.extra["refresh_token_expires_in"], 100)

    def test_nesting_of_64_levels_is_accepted_and_65_rejected(self):
        def nested(levels: int) -> bytes:  # the token object is the first level
            return b'{"access_token":"a","deep":' + b"[" * (levels - 1) + b"]" * (levels - 1) + b"}"

        Token.try_from_bytes(nested(64))
        # Refused before the decoder descends: the body as a whole is at fault.
        error = self.assertRejected(nested(65), None)
        self.assertIn("nested deeper than 64 levels", str(error))
        # from_dict has the decoded object: there the member is named.
        self.assertRejected(json.loads(nested(65)), "deep")
        Token.from_dict(json.loads(nested(64)))

    def test_nesting_of_objects_has_the_same_limit(self):
        def nested(levels: int) -> bytes:
            return (
                b'{"access_token":"a","deep":'
                + b'{"k":' * (levels - 1)
                + b"1"
                + b"}" * (levels - 1)
                + b"}"
            )

        Token.try_from_bytes(nested(64))
        self.assertRejected(nested(65), None)
        self.assertRejected(json.loads(nested(65)), "deep")

    def test_nesting_deeper_than_the_limit_is_rejected(self):
        deep: object = "leaf"
        for _ in range(100):
            deep = [deep]
        self.assertRejected(valid(deep=deep), None)
        self.assertRejected({"access_token": "a", "deep": deep}, "deep")

    def test_deep_nesting_is_refused_before_the_decoder_reads_into_it(self):
        # The decoder would reach the fault after the 65 levels only by reading
        # through them: the depth must be found first.
        raw = b'{"access_token":"a","deep":' + b"[" * 65 + b"]" * 65 + b",}"
        error = self.assertRejected(raw, None)
        self.assertEqual(str(error), "the body: is nested deeper than 64 levels")

    def test_a_body_nested_10000_deep_gets_the_same_answer_on_every_python(self):
        # CPython built for WebAssembly crashes in the decoder on about 10,000
        # levels; native builds stop at different depths with different errors.
        for raw in (
            b'{"deep":' + b"[" * 10_000 + b"]" * 10_000 + b"}",
            b'{"deep":' + b'{"k":' * 10_000 + b"1" + b"}" * 10_001,
            b'{"deep":' + b"[" * 10_000,  # never closed
            b"{" * 10_000,  # opening braces alone, side by side
            b" " * 20_000 + b'{"k":' * 2_000 + b"1" + b"}" * 2_000,  # after whitespace
            b'{"deep":' + b'[{"k":' * 40 + b"1" + b"}]" * 40 + b"}",  # 40 of each, 81 deep
        ):
            with self.subTest(raw=raw[:20]):
                error = self.assertRejected(raw, None)
                self.assertEqual(str(error), "the body: is nested deeper than 64 levels")

    def test_from_dict_takes_str_subclasses_as_plain_str_everywhere(self):
        class Text(str):
            def __repr__(self) -> str:
                return "Text()"

        token = Token.from_dict(
            {
                Text("access_token"): Text("a"),
                "token_type": Text("Bearer"),
                "expires_in": Text("60"),
                "refresh_token": Text("r"),
                "scope": Text("read write"),
                "issued_at": Text("1700000000"),
                Text("note"): Text("n"),
                "id_token": Text("j"),
                "o": {Text("k"): [Text("v")]},
            }
        )
        self.assertEqual(
            (token.token_type, token.expires_in, token.scope, token.issued_at),
            ("Bearer", 60, "read write", at(1_700_000_000)),
        )
        assert_holds_plain_strings(self, token)

    def test_brackets_inside_strings_do_not_nest(self):
        text = "[{" * 100 + '\\"' + "}]" * 3
        token = Token.try_from_bytes(valid(note=text, other=["[[[", {"k": "{{{"}]))
        self.assertEqual(token.extra["note"], text)

    def test_nesting_is_measured_across_siblings_and_escapes(self):
        # No 65 opening brackets in a row, yet 65 levels: each level has a sibling.
        body = b'{"access_token":"a","deep":' + b"[[]," * 64 + b"1" + b"]" * 64 + b"}"
        self.assertRejected(body, None)
        escaped = b'{"access_token":"a","s":"\\"[[[[","deep":' + b"[" * 63 + b"]" * 63 + b"}"
        Token.try_from_bytes(escaped)

    def test_from_dict_rejects_values_json_cannot_carry(self):
        for bad in ({1, 2}, b"bytes", object()):
            with self.subTest(bad=type(bad).__name__):
                self.assertRejected({"access_token": "a", "other": bad}, "other")

    def test_from_dict_rejects_non_string_member_names(self):
        self.assertRejected({"access_token": "a", 1: "x"}, ANY_FIELD)
        self.assertRejected({"access_token": "a", "o": {2: "x"}}, ANY_FIELD)

    def test_from_dict_rejects_a_self_containing_structure(self):
        loop: list[object] = []
        loop.append(loop)
        self.assertRejected({"access_token": "a", "loop": loop}, ANY_FIELD)

    def test_from_dict_does_not_change_its_argument(self):
        mapping = {"access_token": "a", "id_token": "x", "expires_in": 5}
        Token.from_dict(mapping)
        self.assertEqual(mapping, {"access_token": "a", "id_token": "x", "expires_in": 5})


# ---------------------------------------------------------------------------
# Expiry
# ---------------------------------------------------------------------------


def token_at(expires_in: int | None, start: datetime = NOW, **members: object) -> Token:
    return Token.try_from_bytes(valid(expires_in=expires_in, **members), issued_at=start)


class TestExpiresAtAndRemaining(unittest.TestCase):
    def test_expires_at_is_issued_at_plus_expires_in(self):
        self.assertEqual(token_at(3600).expires_at, NOW + timedelta(hours=1))

    def test_expires_at_is_none_without_expires_in(self):
        self.assertIsNone(token_at(None).expires_at)

    def test_expires_at_reaching_the_last_whole_second_is_not_saturated(self):
        last = datetime.max.replace(microsecond=0, tzinfo=UTC)
        token = Token("a", expires_in=60, issued_at=last - timedelta(seconds=60))
        self.assertEqual(token.expires_at, last)

    def test_expires_at_saturates_at_datetime_max(self):
        expires_at = token_at(2**63 - 1).expires_at
        self.assertEqual(expires_at, datetime.max.replace(tzinfo=UTC))

    def test_expires_at_saturates_from_the_first_second_past_datetime_max(self):
        # From the epoch, 253402300799 s is the last whole second of datetime.
        last = datetime.max.replace(microsecond=0, tzinfo=UTC)
        self.assertEqual(Token("a", expires_in=253402300799, issued_at=0).expires_at, last)
        token = Token("a", expires_in=253402300800, issued_at=0)
        self.assertEqual(token.expires_at, datetime.max.replace(tzinfo=UTC))
        self.assertEqual(token.to_dict()["expires_at"], 253402300799)
        self.assertEqual(token.remaining(last), timedelta(microseconds=999999))

    def test_remaining_counts_down_and_never_goes_negative(self):
        token = token_at(60)
        self.assertEqual(token.remaining(NOW), timedelta(seconds=60))
        self.assertEqual(token.remaining(NOW + timedelta(seconds=59.5)), timedelta(seconds=0.5))
        self.assertEqual(token.remaining(NOW + timedelta(days=1)), timedelta(0))

    def test_remaining_is_none_without_expires_in(self):
        self.assertIsNone(token_at(None).remaining(NOW))

    def test_remaining_defaults_to_the_current_time(self):
        token = Token.try_from_bytes(valid(expires_in=3600))
        left = token.remaining()
        assert left is not None
        self.assertLessEqual(left, timedelta(seconds=3600))
        self.assertGreater(left, timedelta(seconds=3500))


class TestIsExpired(unittest.TestCase):
    def test_without_now_it_reads_the_clock(self):
        token = token_at(3600)
        for seconds, leeway, expired in (
            (3539, 60, False),
            (3540, 60, True),
            (3599, 0, False),
            (3600, 0, True),
            (7200, 0, True),  # long past
        ):
            with self.subTest(seconds=seconds, leeway=leeway), now_is(NOW_SECONDS + seconds):
                self.assertIs(token.is_expired(leeway=leeway), expired)

    def test_never_expired_without_expires_in(self):
        self.assertFalse(token_at(None).is_expired(now=datetime.max.replace(tzinfo=UTC)))

    def test_default_leeway_is_60_seconds(self):
        token = token_at(3600)
        self.assertFalse(token.is_expired(now=NOW + timedelta(seconds=3539)))
        self.assertTrue(token.is_expired(now=NOW + timedelta(seconds=3540)))

    def test_the_leeway_cap_keeps_the_half_second_of_an_odd_lifetime(self):
        token = token_at(31)  # the cap is 15.5 s
        self.assertFalse(token.is_expired(now=NOW + timedelta(seconds=15.4)))
        self.assertTrue(token.is_expired(now=NOW + timedelta(seconds=15.6)))

    def test_a_leeway_too_large_for_a_float_is_still_a_leeway(self):
        # The leeway used is at most half of expires_in: 2.5 s here, and 2 s are left.
        for now in (None, NOW + timedelta(seconds=3)):
            with self.subTest(now=now):
                self.assertIs(token_at(5).is_expired(leeway=10**400, now=now), True)
                self.assertIs(token_at(None).is_expired(leeway=10**400, now=now), False)

    def test_a_boolean_leeway_is_rejected(self):
        with self.assertRaises(TypeError):
            token_at(60).is_expired(leeway=True, now=NOW)

    def test_leeway_is_capped_at_half_the_lifetime(self):
        token = token_at(30)
        self.assertFalse(token.is_expired(now=NOW))
        self.assertFalse(token.is_expired(now=NOW + timedelta(seconds=14.9)))
        self.assertTrue(token.is_expired(now=NOW + timedelta(seconds=15)))

    def test_a_59_second_token_is_not_born_expired(self):
        self.assertFalse(token_at(59).is_expired(now=NOW))

    def test_always_expired_once_now_reaches_expires_at(self):
        token = token_at(10)
        self.assertTrue(token.is_expired(leeway=0, now=NOW + timedelta(seconds=10)))
        self.assertFalse(token.is_expired(leeway=0, now=NOW + timedelta(seconds=9.999)))

    def test_zero_lifetime_is_already_expired(self):
        self.assertTrue(token_at(0).is_expired(now=NOW))

    def test_is_exact_to_the_microsecond_near_the_end_of_datetime(self):
        # Epoch seconds as a float keep microseconds only until about 2106: near
        # the year 9999 they are lost, and a token would expire early.
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

    def test_no_sync_and_no_copy_of_a_synced_token_changes_the_answer(self):
        # The cap is half the lifetime the token was built with: a client that syncs
        # before every check keeps its leeway.
        for lifetime in (1, 30, 61, 120, 3600):
            syncs = [NOW + timedelta(seconds=s) for s in (0, 1, 50, lifetime // 2, lifetime - 1)]
            nows = [NOW + timedelta(seconds=s) for s in range(-1, lifetime + 2)]
            for leeway in (0.0, 10.0, 60.0, 1e9):
                fresh = token_at(lifetime)
                expected = [fresh.is_expired(leeway=leeway, now=now) for now in nows]
                synced = token_at(lifetime)
                for sync in syncs:
                    synced.sync_expires_in(now=sync)
                    with self.subTest(lifetime=lifetime, leeway=leeway, sync=sync):
                        for token in (
                            synced,
                            copy.copy(synced),
                            pickle.loads(pickle.dumps(synced)),
                        ):
                            answers = [token.is_expired(leeway=leeway, now=now) for now in nows]
                            self.assertEqual(answers, expected)

    def test_a_120_second_token_synced_at_50_seconds_is_expired_at_60(self):
        token = token_at(120)
        token.sync_expires_in(now=NOW + timedelta(seconds=50))
        self.assertEqual(token.expires_in, 70)
        self.assertFalse(token.is_expired(now=NOW + timedelta(seconds=59)))
        self.assertTrue(token.is_expired(now=NOW + timedelta(seconds=60)))

    def test_saturated_expiry_does_not_overflow(self):
        token = token_at(2**63 - 1)
        self.assertFalse(token.is_expired(now=NOW))
        self.assertTrue(token.is_expired(now=datetime.max.replace(tzinfo=UTC)))

    def test_naive_now_raises_value_error_naming_it(self):
        token = token_at(60)
        for call in (
            lambda: token.is_expired(now=datetime(2026, 1, 1)),
            lambda: token.remaining(datetime(2026, 1, 1)),
            lambda: token.sync_expires_in(datetime(2026, 1, 1)),
        ):
            with self.assertRaisesRegex(ValueError, "now"):
                call()

    @staticmethod
    def calls_taking_now(token: Token) -> dict[str, Callable[[object], object]]:
        """Each method of `token` that takes a `now`, called with it."""
        return {
            "is_expired": lambda now: token.is_expired(now=now),  # type: ignore[arg-type]
            "remaining": token.remaining,  # type: ignore[dict-item]
            "remaining(now=)": lambda now: token.remaining(now=now),  # type: ignore[arg-type]
            "sync_expires_in": token.sync_expires_in,  # type: ignore[dict-item]
        }

    def test_now_is_checked_whether_or_not_the_token_has_expires_in(self):
        for expires_in in (60, None):
            token = token_at(expires_in)
            for name, call in self.calls_taking_now(token).items():
                with self.subTest(expires_in=expires_in, method=name):
                    with self.assertRaisesRegex(ValueError, "now"):
                        call(datetime(2026, 1, 1))
                    for wrong in (0, NOW_SECONDS, 1.5, "2026-01-01T00:00:00Z", NOW.date()):
                        with self.assertRaisesRegex(TypeError, "now"):
                            call(wrong)
                    self.assertEqual((token.expires_in, token.issued_at), (expires_in, NOW))

    def test_a_now_outside_datetime_once_in_utc_is_a_value_error_not_an_overflow(self):
        outside = (
            datetime.min.replace(tzinfo=timezone(timedelta(hours=1))),
            datetime.max.replace(tzinfo=timezone(timedelta(hours=-1))),
        )
        for expires_in in (60, None, 2**63 - 1):
            for now in outside:
                for name, call in self.calls_taking_now(token_at(expires_in)).items():
                    with (
                        self.subTest(expires_in=expires_in, now=now, method=name),
                        self.assertRaisesRegex(ValueError, "now"),
                    ):
                        call(now)

    def test_the_first_and_last_moments_of_datetime_are_valid_nows(self):
        first = datetime.min.replace(tzinfo=UTC)
        last = datetime.max.replace(tzinfo=UTC)
        for expires_in in (60, 2**63 - 1):
            token = token_at(expires_in)
            expires_at = token.expires_at
            assert expires_at is not None
            with self.subTest(expires_in=expires_in):
                self.assertFalse(token.is_expired(now=first))
                self.assertTrue(token.is_expired(now=last))
                self.assertEqual(token.remaining(first), expires_at - first)
                self.assertEqual(token.remaining(last), max(expires_at - last, timedelta(0)))
                token.sync_expires_in(now=first)
                self.assertEqual(token.expires_at, expires_at)  # even saturated, it stays
                self.assertEqual(token.issued_at, first)
                token.sync_expires_in(now=last)
                self.assertEqual(token.expires_at, expires_at)  # passed: it never moves
                # Counted from expires_at: datetime.max is no whole second, so one second
                # from the whole second before it, which saturates to it again.
                self.assertEqual(token.issued_at, expires_at.replace(microsecond=0))
                self.assertEqual(token.expires_in, 0 if expires_at.microsecond == 0 else 1)

    def test_leeway_and_now_are_keyword_only(self):
        with self.assertRaises(TypeError):
            token_at(60).is_expired(60)  # type: ignore[misc]

    def test_a_bad_leeway_is_rejected(self):
        token = token_at(60)
        with self.assertRaises(ValueError):
            token.is_expired(leeway=-1, now=NOW)
        with self.assertRaises(ValueError):
            token.is_expired(leeway=float("nan"), now=NOW)
        with self.assertRaises(TypeError):
            token.is_expired(leeway="60", now=NOW)  # type: ignore[arg-type]

    def test_is_monotonic_in_now(self):
        token = token_at(100)
        states = [token.is_expired(now=NOW + timedelta(seconds=s)) for s in range(0, 200, 5)]
        self.assertEqual(states, sorted(states))


class TestSyncExpiresIn(unittest.TestCase):
    def test_counts_the_whole_seconds_left_from_now(self):
        token = token_at(3600)
        token.sync_expires_in(now=NOW + timedelta(seconds=600.7))
        self.assertEqual(token.expires_in, 3000)
        self.assertIs(type(token.expires_in), int)
        self.assertEqual(token.issued_at, NOW + timedelta(seconds=600))

    def test_is_idempotent(self):
        token = token_at(3600)
        later = NOW + timedelta(seconds=600)
        token.sync_expires_in(now=later)
        token.sync_expires_in(now=later)
        self.assertEqual(token.expires_in, 3000)

    def test_never_moves_expires_at_while_the_token_lives(self):
        token = token_at(3600)
        before = token.expires_at
        for seconds in (10, 10, 500, 1800.5, 3599):
            token.sync_expires_in(now=NOW + timedelta(seconds=seconds))
            self.assertEqual(token.expires_at, before)

    def test_a_clock_that_went_back_does_not_extend_the_token(self):
        token = token_at(3600)
        before = token.expires_at
        token.sync_expires_in(now=NOW - timedelta(seconds=100))
        self.assertEqual(token.expires_at, before)
        self.assertEqual(token.expires_in, 3700)

    def test_a_passed_token_stays_expired(self):
        token = token_at(60)
        token.sync_expires_in(now=NOW + timedelta(seconds=120))
        self.assertEqual(token.expires_in, 0)
        token.sync_expires_in(now=NOW + timedelta(seconds=240))
        self.assertEqual(token.expires_in, 0)
        self.assertTrue(token.is_expired(now=NOW + timedelta(seconds=240)))

    def test_a_clock_set_back_after_expiry_does_not_revive_the_token(self):
        token = token_at(10)
        expires_at = token.expires_at
        token.sync_expires_in(now=NOW + timedelta(seconds=1000))
        self.assertEqual((token.expires_in, token.expires_at), (0, expires_at))
        token.sync_expires_in(now=NOW + timedelta(seconds=500))  # the clock went back
        self.assertEqual((token.expires_in, token.expires_at), (0, expires_at))
        self.assertTrue(token.is_expired(leeway=0, now=NOW + timedelta(seconds=500)))
        self.assertEqual(token.remaining(NOW + timedelta(seconds=500)), timedelta(0))

    def test_without_expires_in_it_changes_nothing(self):
        token = token_at(None)
        token.sync_expires_in(now=NOW + timedelta(days=1))
        self.assertEqual((token.expires_in, token.issued_at), (None, NOW))

    def test_syncing_a_copy_leaves_the_original(self):
        token = token_at(3600)
        for duplicate in (
            copy.copy(token),
            copy.deepcopy(token),
            pickle.loads(pickle.dumps(token)),
        ):
            duplicate.sync_expires_in(now=NOW + timedelta(seconds=100))
            self.assertEqual(token.expires_in, 3600)
            self.assertEqual(token.issued_at, NOW)

    def test_saturated_expiry_syncs_without_overflow(self):
        token = token_at(2**63 - 1)
        token.sync_expires_in(now=NOW)
        first = token.expires_in
        token.sync_expires_in(now=NOW)
        self.assertEqual(token.expires_in, first)
        self.assertLessEqual(token.expires_at, datetime.max.replace(tzinfo=UTC))  # type: ignore[operator]

    @needs_threads
    def test_threads_syncing_at_once_never_move_expires_at(self):
        import threading

        interval = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)  # threads switch as often as they can
        self.addCleanup(sys.setswitchinterval, interval)
        rng = random.Random(8)
        writers, syncs = 6, 10
        end = NOW + timedelta(seconds=3600)
        moved = []
        for _ in range(200):
            token = token_at(3600)
            # Every now is before expires_at: the token lives throughout.
            nows = [
                NOW
                + timedelta(seconds=rng.randrange(-600, 3600), microseconds=rng.randrange(10**6))
                for _ in range(writers * syncs)
            ]
            barrier = threading.Barrier(writers)

            def sync(
                part: list[datetime], token: Token = token, barrier: threading.Barrier = barrier
            ) -> None:
                barrier.wait()
                for now in part:
                    token.sync_expires_in(now)

            threads = [
                threading.Thread(target=sync, args=(nows[n::writers],)) for n in range(writers)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            if token.expires_at != end or token.issued_at not in {
                now.replace(microsecond=0) for now in nows
            }:
                moved.append((token.issued_at, token.expires_in))
        self.assertEqual(moved, [])

    @needs_threads
    def test_readers_never_see_a_token_half_synced(self):
        import threading

        interval = sys.getswitchinterval()
        sys.setswitchinterval(1e-6)
        self.addCleanup(sys.setswitchinterval, interval)
        rng = random.Random(9)
        end = NOW + timedelta(seconds=3600)
        before_end, after_end = end - timedelta(seconds=0.5), end + timedelta(seconds=0.5)
        wrong: list[object] = []  # what a reader saw that was never true

        def read(token: Token, starts: set[datetime], done: threading.Event) -> None:
            while not done.is_set():
                if token.expires_at != end:
                    wrong.append(("expires_at", token.expires_at))
                if token.is_expired(leeway=0, now=before_end):
                    wrong.append("expired before expires_at")
                if not token.is_expired(leeway=0, now=after_end):
                    wrong.append("not expired after expires_at")
                if token.remaining(before_end) != timedelta(seconds=0.5):
                    wrong.append(("remaining", token.remaining(before_end)))
                stored = token.to_dict()
                issued_at, expires_in = stored["issued_at"], stored["expires_in"]
                if (
                    at(issued_at) not in starts  # type: ignore[arg-type]
                    or issued_at + expires_in != NOW_SECONDS + 3600  # type: ignore[operator]
                    or stored["expires_at"] != NOW_SECONDS + 3600
                ):
                    wrong.append(("to_dict", issued_at, expires_in))

        # Rounds with fresh threads: how threads take turns settles into a
        # pattern within a round, and a round may never interleave badly.
        for _ in range(10):
            token = token_at(3600)
            nows = [NOW + timedelta(seconds=rng.randrange(-600, 3600)) for _ in range(2000)]
            done = threading.Event()
            readers = [
                threading.Thread(target=read, args=(token, {NOW, *nows}, done)) for _ in range(3)
            ]
            for thread in readers:
                thread.start()
            for now in nows:  # the writer is this thread
                token.sync_expires_in(now)
            done.set()
            for thread in readers:
                thread.join()
            self.assertEqual(token.expires_at, end)
        self.assertEqual(wrong, [])

    def test_defaults_to_the_current_time(self):
        token = Token.try_from_bytes(
            valid(expires_in=3600), issued_at=datetime.now(UTC) - timedelta(seconds=600)
        )
        token.sync_expires_in()
        self.assertIn(token.expires_in, (2999, 3000, 3001))


# ---------------------------------------------------------------------------
# Using and storing a token
# ---------------------------------------------------------------------------


class TestTokenApi(unittest.TestCase):
    def test_scopes_split_on_spaces_in_order_without_duplicates(self):
        self.assertEqual(token_at(None, scope="b a b c,d").scopes, ("b", "a", "c,d"))

    def test_scopes_is_none_without_scope(self):
        self.assertIsNone(token_at(None).scopes)

    def test_is_bearer_ignores_case(self):
        for value, expected in (
            ("Bearer", True),
            ("bearer", True),
            ("BEARER", True),
            ("DPoP", False),
            ("mac", False),
            ("abc", False),
            ("Basic", False),  # these two sort before "Bearer"
            ("A", False),
        ):
            self.assertIs(token_at(None, token_type=value).is_bearer, expected)

    def test_auth_scheme_canonicalises_bearer_and_dpop_only(self):
        for value, expected in (
            ("bearer", "Bearer"),
            ("BEARER", "Bearer"),
            ("dpop", "DPoP"),
            ("DPOP", "DPoP"),
            ("MAC", "MAC"),
        ):
            self.assertEqual(token_at(None, token_type=value).auth_scheme, expected)

    def test_id_token_is_the_openid_connect_member_as_a_secret(self):
        token = token_at(None, id_token="eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
        self.assertEqual(token.id_token, Secret("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"))
        self.assertIs(token.id_token, token.extra["id_token"])

    def test_id_token_is_none_without_a_string_id_token_member(self):
        for members in (
            {},
            {"id_token": None},
            {"id_token": 5},
            {"id_token": ["a.b.c"]},
            {"id_token": {"value": "a.b.c"}},
            {"nested": {"id_token": "a.b.c"}},
            {"ID_TOKEN": "a.b.c"},
        ):
            with self.subTest(members=members):
                self.assertIsNone(token_at(None, **members).id_token)

    def test_authorization_header_exposes_the_token_on_purpose(self):
        self.assertEqual(
            token_at(None, token_type="bearer").authorization_header(), "Bearer mF_9.B5f-4.1JqM"
        )

    def test_authorization_header_uses_the_auth_scheme_of_every_token_type(self):
        for token_type in ("Bearer", "bearer", "BEARER", "DPoP", "dpop", "MAC", "N_A"):
            with self.subTest(token_type=token_type):
                token = token_at(None, token_type=token_type)
                self.assertEqual(
                    token.authorization_header(), f"{token.auth_scheme} mF_9.B5f-4.1JqM"
                )


class TestReadOnly(TokenTestCase):
    def test_fields_cannot_be_assigned_or_deleted(self):
        token = token_at(60)
        with self.assertRaises(dataclasses.FrozenInstanceError):
            token.expires_in = 5  # type: ignore[misc]
        with self.assertRaises(dataclasses.FrozenInstanceError):
            del token.scope  # type: ignore[misc]
        with self.assertRaises(AttributeError):
            token.new_attribute = 1  # type: ignore[attr-defined]

    def test_init_called_again_raises_and_changes_nothing(self):
        # Were it allowed, it would swap every field, the access token and the
        # expiry included, of a token that code elsewhere holds and trusts.
        token = token_at(60, refresh_token="r", scope="read", note="n")
        before = copy.deepcopy(token)
        for args, kwargs in (
            (("forged",), {"expires_in": 999_999, "scope": "admin"}),
            (("mF_9.B5f-4.1JqM",), {"expires_in": 60, "issued_at": NOW}),
            ((token.access_token,), {"extra": {"other": 1}}),
        ):
            with self.subTest(args=args, kwargs=kwargs):
                with self.assertRaises(dataclasses.FrozenInstanceError):
                    token.__init__(*args, **kwargs)  # type: ignore[misc]
                self.assertEqual(token, before)
                self.assertEqual(token.expires_at, NOW + timedelta(seconds=60))
                self.assertEqual(token.authorization_header(), "Bearer mF_9.B5f-4.1JqM")

    def test_is_a_dataclass_with_the_seven_fields_in_order(self):
        self.assertTrue(dataclasses.is_dataclass(Token))
        self.assertEqual(
            [f.name for f in dataclasses.fields(Token)],
            [
                "access_token",
                "token_type",
                "expires_in",
                "refresh_token",
                "scope",
                "issued_at",
                "extra",
            ],
        )

    def test_asdict_and_astuple_work_and_keep_secrets_secret(self):
        token = token_at(
            3600, refresh_token="r", scope="a", id_token="j", o={"k_token": ["x"], "n": 1}
        )
        as_dict = dataclasses.asdict(token)
        self.assertEqual(list(as_dict), [field.name for field in dataclasses.fields(Token)])
        self.assertEqual(
            as_dict,
            {
                "access_token": Secret("mF_9.B5f-4.1JqM"),
                "token_type": "Bearer",
                "expires_in": 3600,
                "refresh_token": Secret("r"),
                "scope": "a",
                "issued_at": NOW,
                "extra": token.extra,
            },
        )
        self.assertEqual(as_dict["extra"]["id_token"], Secret("j"))
        self.assertEqual(as_dict["extra"]["o"]["k_token"], (Secret("x"),))
        self.assertEqual(dataclasses.astuple(token), tuple(as_dict.values()))

    def test_is_not_hashable(self):
        with self.assertRaises(TypeError):
            hash(token_at(60))

    def test_dataclasses_replace_validates(self):
        token = token_at(60)
        self.assertEqual(dataclasses.replace(token, expires_in=5).expires_in, 5)
        self.assertRejected(
            -5, "expires_in", parser=lambda value: dataclasses.replace(token, expires_in=value)
        )


class TestEquality(unittest.TestCase):
    def test_equal_tokens_are_equal(self):
        self.assertEqual(token_at(60), token_at(60))

    def test_every_field_counts(self):
        base = token_at(60, refresh_token="r", scope="a")
        for other in (
            token_at(61, refresh_token="r", scope="a"),
            token_at(60, refresh_token="x", scope="a"),
            token_at(60, refresh_token="r", scope="b"),
            token_at(60, NOW + timedelta(seconds=1), refresh_token="r", scope="a"),
            token_at(60, refresh_token="r", scope="a", token_type="bearer"),
            token_at(60, refresh_token="r", scope="a", other=1),
        ):
            self.assertNotEqual(base, other)

    def test_is_not_equal_to_other_types(self):
        self.assertNotEqual(token_at(60), token_at(60).to_dict())


class TestConstructor(TokenTestCase):
    def test_builds_a_token_with_defaults(self):
        token = Token(Secret("abc"))
        self.assertEqual(
            (token.token_type, token.expires_in, token.refresh_token, token.scope),
            ("Bearer", None, None, None),
        )
        self.assertEqual(dict(token.extra), {})
        self.assertEqual(token.issued_at.microsecond, 0)

    def test_accepts_plain_strings_for_secrets(self):
        token = Token("abc", refresh_token="def", issued_at=NOW)
        self.assertEqual(token.access_token, Secret("abc"))
        self.assertEqual(token.refresh_token, Secret("def"))

    def test_validates_like_lenient_parsing(self):
        for kwargs, field in (
            ({"access_token": ""}, "access_token"),
            ({"access_token": "a\n"}, "access_token"),
            ({"access_token": "a", "expires_in": -1}, "expires_in"),
            ({"access_token": "a", "scope": 'a"b'}, "scope"),
            ({"access_token": "a", "token_type": "x\x00"}, "token_type"),
            ({"access_token": Secret("bad\n")}, "access_token"),
            ({"access_token": "a", "expires_in": True}, "expires_in"),
            ({"access_token": "a", "refresh_token": "r\x00"}, "refresh_token"),
            ({"access_token": "a", "refresh_token": 5}, "refresh_token"),
            ({"access_token": "a", "token_type": 5}, "token_type"),
            ({"access_token": "a", "extra": {"n": 10**64}}, "n"),
        ):
            with self.subTest(kwargs=kwargs):
                error = self.assertRejected(kwargs, field, parser=lambda kw: Token(**kw))
                self.assertTrue(str(error).startswith(f"'{field}': "), str(error))

    def test_str_subclasses_are_strings_stored_as_plain_str(self):
        class Text(str):
            def __repr__(self) -> str:
                return "Text()"

        token = Token(
            Text("abc"),
            token_type=Text("Bearer"),
            expires_in=Text("60"),  # type: ignore[arg-type]
            refresh_token=Text("def"),
            scope=Text("a b"),
            extra={Text("note"): Text("n"), "id_token": Text("j"), "o": {Text("k"): [Text("v")]}},
            issued_at=NOW,
        )
        self.assertEqual(
            (token.access_token, token.token_type, token.expires_in, token.refresh_token),
            (Secret("abc"), "Bearer", 60, Secret("def")),
        )
        assert_holds_plain_strings(self, token)

    def test_normalises_like_lenient_parsing(self):
        token = Token("a", token_type="", expires_in="60", scope=["a", "b"], issued_at=NOW)  # type: ignore[arg-type]
        self.assertEqual((token.token_type, token.expires_in, token.scope), ("Bearer", 60, "a b"))

    def test_freezes_extra_and_wraps_token_strings(self):
        given = {"id_token": "x", "o": {"k": [1]}}
        token = Token("a", extra=given, issued_at=NOW)
        self.assertEqual(token.extra["id_token"], Secret("x"))
        self.assertIsInstance(token.extra, Mapping)
        with self.assertRaises(TypeError):
            token.extra["id_token"] = "y"  # type: ignore[index]
        self.assertEqual(token.extra["o"]["k"], (1,))  # type: ignore[index]
        given["later"] = 1
        self.assertNotIn("later", token.extra)

    def test_rejects_extra_members_a_parser_would_take(self):
        for extra in (
            {"expires_in": 5},
            {"scope": "a"},
            {"issued_at": 5},
            {"expires_at": "5"},
            {"error": "x"},
        ):
            with self.subTest(extra=extra):
                self.assertRejected(extra, next(iter(extra)), parser=lambda e: Token("a", extra=e))

    def test_rejects_a_secret_under_a_name_that_does_not_end_in_token(self):
        # to_json() would write it as a plain string, and reading it back would
        # give a plain string: the token would not reload as itself.
        for extra, field in (
            ({"foo": Secret("SECRET")}, "foo"),
            ({"o": {"k": Secret("SECRET")}}, "o"),
            ({"a": [Secret("SECRET")]}, "a"),
            ({"tokens": Secret("SECRET")}, "tokens"),
        ):
            with self.subTest(extra=extra):
                self.assertRejected(extra, field, parser=lambda e: Token("a", extra=e))

    def test_accepts_secrets_under_token_names_and_reloads_them(self):
        token = Token(
            "a",
            extra={"id_token": Secret("j"), "o": {"k_token": [Secret("x"), "y"]}},
            issued_at=NOW,
        )
        self.assertEqual(token.extra["o"]["k_token"], (Secret("x"), Secret("y")))  # type: ignore[index]
        self.assertEqual(Token.try_from_bytes(token.to_json()), token)

    def test_accepts_wrong_type_times_in_extra(self):
        self.assertIs(Token("a", extra={"issued_at": True}).extra["issued_at"], True)

    def test_rejects_epoch_seconds_outside_datetime(self):
        for seconds in (-1e20, 1e20, -(10**12)):
            with self.subTest(seconds=seconds), self.assertRaisesRegex(ValueError, "issued_at"):
                Token("a", issued_at=seconds)

    def test_rejects_an_integer_too_large_for_a_float_as_a_value_error(self):
        # math.isfinite() raised OverflowError on it.
        with self.assertRaisesRegex(ValueError, "issued_at is outside the range"):
            Token("a", issued_at=10**400)

    def test_rejects_a_naive_issued_at(self):
        with self.assertRaisesRegex(ValueError, "issued_at"):
            Token("a", issued_at=datetime(2026, 1, 1))


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


def with_keywords(function: Callable[..., object]) -> Callable[[Mapping[str, object]], Any]:
    """`function` called with a mapping as its keyword arguments, as from_dict takes members."""
    return lambda members: function(**members)


class TestLyingStrSubclasses(TokenTestCase):
    """A str subclass counts as the plain str of its value, whatever its methods say."""

    def test_access_and_refresh_tokens(self):
        for name in SECRET_FIELDS:
            for how, parser in (
                ("from_dict", Token.from_dict),
                ("constructor", with_keywords(Token)),
            ):
                with self.subTest(name=name, how=how):
                    for bad in ("SECRET\n", "SECRET\u2028", "caf\u00e9 SECRET"):
                        self.assertRejected(
                            {"access_token": "a", name: Lying(bad)}, name, parser=parser
                        )
                    token = parser({"access_token": "a", name: Denying("SECRET-ok")})
                    secret = getattr(token, name)
                    self.assertEqual(secret, Secret("SECRET-ok"))
                    self.assertIs(type(secret.expose_secret()), str)
                    empty = {"access_token": "a", name: Lying("")}
                    if name == "access_token":
                        self.assertRejected(empty, name, parser=parser)
                    else:
                        self.assertIsNone(parser(empty).refresh_token)

    def test_digit_strings_of_expires_in_issued_at_and_expires_at(self):
        not_digits = ("-5", "+5", "1 2", "1_0", "\u0661\u0662", "abc")
        with now_is(NOW_SECONDS):
            for text in not_digits:
                with self.subTest(text=text):
                    self.assertRejected(
                        {"access_token": "a", "expires_in": Lying(text)}, "expires_in"
                    )
                    self.assertRejected(
                        {"access_token": "a", "expires_in": Lying(text)},
                        "expires_in",
                        parser=with_keywords(Token),
                    )
                    for name in ("issued_at", "expires_at"):
                        token = Token.from_dict(
                            {"access_token": "a", "expires_in": 60, name: Lying(text)}
                        )
                        self.assertEqual(token.issued_at, NOW)  # not a time: it stays in extra
                        self.assertEqual(token.extra[name], text)
                        self.assertIs(type(token.extra[name]), str)
                        strict = {"access_token": "a", "token_type": "Bearer", name: Lying(text)}
                        self.assertRejected(strict, name, strict=True)
            token = Token.from_dict({"access_token": "a", "expires_in": Denying("60")})
            self.assertEqual(token.expires_in, 60)
            self.assertEqual(Token("a", expires_in=Denying("60")).expires_in, 60)  # type: ignore[arg-type]
            token = Token.from_dict(
                {"access_token": "a", "issued_at": Denying(str(NOW_SECONDS - 5))}
            )
            self.assertEqual(token.issued_at, NOW - timedelta(seconds=5))
            token = Token.from_dict(
                {"access_token": "a", "expires_at": Denying(str(NOW_SECONDS + 5))}
            )
            self.assertEqual(token.expires_in, 5)
            self.assertNotIn("expires_at", token.extra)

    def test_scope_as_a_string_and_as_array_items(self):
        for how, parser in (("from_dict", Token.from_dict), ("constructor", with_keywords(Token))):
            with self.subTest(how=how):
                for bad in (
                    Lying('a"b'),
                    [Lying(""), "c"],
                    [Lying("a b")],
                    ["a", Lying("caf\u00e9")],
                ):
                    self.assertRejected({"access_token": "a", "scope": bad}, "scope", parser=parser)
                for good in (Denying("read write"), [Denying("read"), Denying("write")]):
                    token = parser({"access_token": "a", "scope": good})
                    self.assertEqual(token.scope, "read write")
                    self.assertIs(type(token.scope), str)
                    self.assertEqual(token.scopes, ("read", "write"))

    def test_strict_error_description_and_error_uri(self):
        def strict(**members: object) -> ErrorParams:
            return ErrorParams.from_dict({"error": "invalid_grant", **members}, strict=True)

        for name, bad in (
            ("error_description", Lying('a"b')),
            ("error_description", Lying("caf\u00e9")),
            ("error_uri", Lying("a b")),
            ("error_uri", Lying("/\x00")),
        ):
            with self.subTest(name=name, bad=str.__str__(bad)):
                self.assertRejected(
                    {"error": "invalid_grant", name: bad},
                    name,
                    parser=ErrorParams.from_dict,
                    strict=True,
                )
        params = strict(error_description=Lying(""), error_uri=Lying(""))
        self.assertEqual((params.error_description, params.error_uri), (None, None))
        params = strict(error_description=Denying("Bad code"), error_uri=Denying("/e"))
        self.assertEqual((params.error_description, params.error_uri), ("Bad code", "/e"))
        for text in (params.error_description, params.error_uri):
            self.assertIs(type(text), str)

    def test_a_raising_eq_never_escapes(self):
        members: dict[str, object] = {
            "access_token": "a",
            "token_type": "Bearer",
            "expires_in": "60",
            "refresh_token": "r",
            "scope": "read write",
            "issued_at": str(NOW_SECONDS),
            "note": "n",
            "id_token": "j",
            "o": {"k": ["v", "w"]},
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
                renamed = {
                    (RaisingEq(key) if key == name else key): value
                    for key, value in members.items()
                }
                self.assertEqual(Token.from_dict(renamed), expected)
        self.assertEqual(Token.from_dict(hostile(members)), expected)
        scope = [RaisingEq("read"), RaisingEq("write")]
        self.assertEqual(Token("a", scope=scope).scope, "read write")  # type: ignore[arg-type]
        error = {"error_description": "d", "error_uri": "/e", "mfa_token": "m"}
        expected_params = ErrorParams.from_dict({"error": "invalid_grant", **error})
        hostile_error = hostile({"error": "invalid_grant", **error})
        self.assertEqual(ErrorParams.from_dict(hostile_error), expected_params)
        # Strict, all but the code (see test_error_code).
        hostile_error = {"error": "invalid_grant", **hostile(error)}
        self.assertEqual(ErrorParams.from_dict(hostile_error, strict=True), expected_params)

    def test_keys_equal_as_str_but_hashed_apart_are_a_duplicate(self):
        for first, second in ((HashedApart, str), (str, HashedApart)):
            with self.subTest(first=first.__name__):
                twice = {first("x"): "SECRET", second("x"): "SECRET"}
                self.assertEqual(len(twice), 2)
                for name in ("access_token", "x"):
                    members = {"access_token": "a", first(name): "SECRET", second(name): "SECRET"}
                    self.assertRejected(members, name)
                self.assertRejected(twice, "x", parser=lambda e: Token("a", extra=e))
                self.assertRejected({"error": "e", **twice}, "x", parser=ErrorParams.from_dict)
                self.assertRejected(twice, "x", parser=lambda e: ErrorParams("e", extra=e))
                self.assertRejected({"access_token": "a", "o": {"p": [twice]}}, "o")

    def test_error_code(self):
        self.assertRejected(
            {"error": Lying('a"b')}, "error", parser=ErrorParams.from_dict, strict=True
        )
        params = ErrorParams.from_dict({"error": RaisingEq("invalid_grant")}, strict=True)
        self.assertEqual(params.error, "invalid_grant")
        self.assertRejected({"error": Lying("")}, "error", parser=with_keywords(ErrorParams))
        for strict in (False, True):
            params = ErrorParams.from_dict({"error": Denying("invalid_grant")}, strict=strict)
            self.assertEqual(params.error, "invalid_grant")
        self.assertEqual(ErrorParams(Denying("invalid_grant")).error, "invalid_grant")


class TestStorage(unittest.TestCase):
    def test_to_dict_has_every_field_as_sent_and_epoch_times(self):
        token = token_at(
            3600, refresh_token="r", scope=["a", "b"], id_token="jwt", other={"x": [1]}
        )
        self.assertEqual(
            token.to_dict(),
            {
                "access_token": "mF_9.B5f-4.1JqM",
                "token_type": "Bearer",
                "expires_in": 3600,
                "refresh_token": "r",
                "scope": "a b",
                "issued_at": NOW_SECONDS,
                "expires_at": NOW_SECONDS + 3600,
                "id_token": "jwt",
                "other": {"x": [1]},
            },
        )
        for time_member in ("issued_at", "expires_at"):  # 1767322245.0 would equal too
            self.assertIs(type(token.to_dict()[time_member]), int)

    def test_to_dict_omits_absent_fields(self):
        self.assertEqual(set(token_at(None).to_dict()), {"access_token", "token_type", "issued_at"})

    def test_to_json_round_trips(self):
        for token in (
            token_at(3600, refresh_token="r", scope="a b", id_token="j", n={"t_token": ["x"]}),
            token_at(None),
            token_at(0),
            token_at(2**63 - 1),
            token_at(60, at(-1_000_000)),
            Token.try_from_bytes(valid(expires_at="x"), issued_at=NOW),
        ):
            with self.subTest(token=token):
                self.assertEqual(Token.try_from_bytes(token.to_json()), token)

    def test_to_json_is_compact_json(self):
        text = token_at(60).to_json()
        self.assertNotIn(", ", text)
        self.assertEqual(json.loads(text)["expires_in"], 60)

    def test_copy_deepcopy_and_pickle_round_trip(self):
        token = token_at(3600, refresh_token="r", nested={"id_token": "x"})
        self.assertEqual(copy.copy(token), token)
        self.assertEqual(copy.deepcopy(token), token)
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            self.assertEqual(pickle.loads(pickle.dumps(token, protocol)), token)

    def test_copies_keep_every_secret_a_secret(self):
        token = token_at(
            3600, refresh_token="r", id_token="j", nested={"x_token": ["a", {"b": "c"}]}
        )
        params = IssueAccessTokenErrorParams("mfa_required", extra={"mfa_token": "m"})
        copies = {"copy": copy.copy, "deepcopy": copy.deepcopy}
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            copies[f"pickle {protocol}"] = lambda value, p=protocol: pickle.loads(
                pickle.dumps(value, p)
            )
        for name, duplicate in copies.items():
            with self.subTest(copy=name):
                copied = duplicate(token)
                nested = copied.extra["nested"]["x_token"]
                for secret in (
                    copied.access_token,
                    copied.refresh_token,
                    copied.extra["id_token"],
                    nested[0],
                    nested[1]["b"],
                    duplicate(params).extra["mfa_token"],
                ):
                    self.assertIs(type(secret), Secret)
                self.assertEqual(copied, token)

    def test_authlib_reads_the_same_expiry(self):
        try:
            from authlib.oauth2.rfc6749 import OAuth2Token
        except ImportError:
            self.skipTest("authlib is not installed")
        token = token_at(3600, refresh_token="r")
        theirs = OAuth2Token.from_dict(token.to_dict())
        self.assertEqual(theirs["expires_at"], int(token.expires_at.timestamp()))  # type: ignore[union-attr]
        self.assertEqual(theirs["access_token"], "mF_9.B5f-4.1JqM")


class TestRepr(unittest.TestCase):
    def test_shows_the_public_fields_and_extra_keys_only(self):
        token = token_at(
            3600,
            refresh_token="refresh-secret",
            scope="read",
            id_token="id-secret",
            plain="plain-value",
        )
        shown = repr(token)
        for expected in (
            "token_type='Bearer'",
            "expires_in=3600",
            "scope='read'",
            "refresh_token=present",
            "2026-01-02T03:04:05+00:00",
            "'id_token'",
            "'plain'",
        ):
            self.assertIn(expected, shown)
        for hidden in ("mF_9.B5f-4.1JqM", "refresh-secret", "id-secret", "plain-value"):
            self.assertNotIn(hidden, shown)

    def test_shows_only_extra_keys_that_look_like_names(self):
        names = ("j" * 64, "k" * 65, "x.y-z_1", "a b", "caf\u00e9", "", 'x":"v')
        shown = ("j" * 64, "(name not shown)", "x.y-z_1", *["(name not shown)"] * 4)
        members = {name: 1 for name in names}
        token = Token.from_dict({"access_token": "a", **members}, issued_at=NOW)
        params = ErrorParams.from_dict({"error": "invalid_grant", **members})
        for value in (token, params):
            with self.subTest(type=type(value).__name__):
                self.assertTrue(repr(value).endswith(f"extra_keys={shown!r})"), repr(value))
                self.assertEqual(tuple(value.extra), names)  # kept, only not shown

    def test_a_json_body_read_as_a_form_shows_no_secret(self):
        # Read as a form, a JSON body's "member names" are body text, secrets included.
        prefix = ')]}\'\n{"refresh_token":"SEKRET","x":"a=b&note=1&'
        as_form = functools.partial(parse_token_response, content_type="text/plain")
        for token in (
            as_form(prefix + 'access_token=c"}'),
            Token.try_from_form(prefix + 'access_token=c"}'),
        ):
            self.assertIn("extra_keys=('(name not shown)', 'note')", repr(token))
            self.assertNotIn("SEKRET", repr(token))
        with self.assertRaises(AccessTokenError) as caught:
            as_form(prefix + 'error=c"}')
        params = ErrorParams.try_from_form(prefix + 'error=c"}')
        for shown in (repr(caught.exception.params), repr(caught.exception), repr(params)):
            self.assertIn("extra_keys=('(name not shown)', 'note')", shown)
            self.assertNotIn("SEKRET", shown)
        self.assertNotIn("SEKRET", str(caught.exception))

    def test_says_when_there_is_no_refresh_token(self):
        self.assertIn("refresh_token=absent", repr(token_at(60)))

    def test_str_is_the_repr(self):
        token = token_at(60)
        self.assertEqual(str(token), repr(token))


# ---------------------------------------------------------------------------
# Bodies: JSON and forms, hostile input
# ---------------------------------------------------------------------------


class TestBodyTypes(unittest.TestCase):
    def test_bytes_bytearray_memoryview_and_str_are_read(self):
        raw = valid()
        for data in (
            raw,
            bytearray(raw),
            memoryview(raw),
            raw.decode(),
            memoryview(raw)[0 : len(raw)],
        ):
            self.assertEqual(
                Token.try_from_bytes(data, issued_at=NOW), Token.try_from_bytes(raw, issued_at=NOW)
            )

    def test_other_argument_types_raise_type_error(self):
        for bad in (123, None, {"access_token": "a"}):
            with self.subTest(bad=bad), self.assertRaises(TypeError):
                Token.try_from_bytes(bad)  # type: ignore[arg-type]

    def test_whitespace_around_the_object_is_allowed(self):
        self.assertEqual(Token.try_from_bytes(b" \n\t" + valid() + b"\r\n").token_type, "Bearer")

    def test_json_whitespace_may_follow_the_object_directly(self):
        for after in (b" ", b"\t", b"\n", b"\r", b"\r\n \t"):
            with self.subTest(after=after):
                for data in (valid() + after, (valid() + after).decode()):
                    self.assertEqual(
                        Token.try_from_bytes(data, issued_at=NOW),
                        Token.try_from_bytes(valid(), issued_at=NOW),
                    )

    def test_utf8_in_extra_members_is_decoded(self):
        self.assertEqual(Token.try_from_bytes(valid(name="Zoë ✓")).extra["name"], "Zoë ✓")

    def test_a_utf8_byte_order_mark_before_the_json_is_ignored(self):
        # RFC 8259 section 8.1: a parser MAY ignore it (Windows tools write one).
        for data in (b"\xef\xbb\xbf" + valid(), "\ufeff" + valid().decode()):
            with self.subTest(data=type(data).__name__):
                self.assertEqual(
                    Token.try_from_bytes(data, issued_at=NOW),
                    Token.try_from_bytes(valid(), issued_at=NOW),
                )

    def test_a_body_of_whitespace_alone_is_empty(self):
        # 1,000 spaces too: where the value would begin is then no small int.
        for data in (b"", b" \r\n\t", b"\xef\xbb\xbf", b" " * 1000):
            with self.subTest(data=data[:8]), self.assertRaises(InvalidTokenResponse) as caught:
                Token.try_from_bytes(data)
            self.assertEqual(str(caught.exception), "the body: is empty")


# JSON texts with brackets enough to nest too deep, every one of them inside a string.
BRACKETS_IN_STRINGS_ONLY = (
    b'"' + b"[" * 65 + b'"',
    b'null "' + b"[" * 65 + b'"',
    b'"' + b"{" * 1000 + b'"',
    b'"SECRET' + b"[{" * 100 + b'"',
)


class TestHostileBodies(TokenTestCase):
    """Always InvalidTokenResponse for the document, never another exception, never a leak."""

    def test_bytes_that_are_not_utf8(self):
        self.assertRejected(b'{"access_token":"SECRET\xff"}', None)
        self.assertRejected(b"\xff\xfe" + valid(), None)  # a UTF-16 byte order mark

    def test_utf16_is_not_guessed(self):
        self.assertRejected(valid(access_token="SECRET").decode().encode("utf-16"), None)

    def test_text_that_is_not_json(self):
        for data in (
            b"",
            b"access_token=SECRET",
            b"{'access_token': 'SECRET'}",
            b'{"access_token":"SECRET"',
            b'{"access_token":"SECRET"} {}',
            b'{"access_token":"SECRET\\x"}',
            b"<html>SECRET</html>",
        ):
            with self.subTest(data=data):
                self.assertRejected(data, None)

    def test_json_that_is_not_an_object(self):
        for data in (b"[]", b'"SECRET"', b"1", b"null", b"true"):
            with self.subTest(data=data):
                self.assertIn("object", str(self.assertRejected(data, None)))

    def test_whitespace_that_json_does_not_know_is_not_whitespace(self):
        # RFC 8259 section 2: space, tab, line feed and carriage return, no other.
        for other in ("\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u3000", "x", "\x00"):
            with self.subTest(other=other):
                text = valid(access_token="SECRET").decode()
                for data in (text + other, other + text):
                    self.assertRejected(data, None)
                    self.assertRejected(data.encode(), None)

    def test_nesting_too_deep(self):
        self.assertRejected(b"[" * 100_000 + b"]" * 100_000, None)
        self.assertRejected(b'{"a":' * 100_000 + b"1" + b"}" * 100_000, None)

    def test_a_body_whose_brackets_are_all_inside_strings_is_no_object(self):
        # Brackets enough to call for the depth check, none of them outside a string.
        parsers = {
            "Token.try_from_bytes": Token.try_from_bytes,
            "ErrorParams.try_from_bytes": ErrorParams.try_from_bytes,
            "parse_token_response": parse_token_response,
            "parse_token_response, status 400": functools.partial(parse_token_response, status=400),
        }
        for data in BRACKETS_IN_STRINGS_ONLY:
            for name, parser in parsers.items():
                for given in (data, data.decode()):
                    with self.subTest(data=data[:12], parser=name, type=type(given).__name__):
                        self.assertRejected(given, None, parser=parser)

    def test_integers_too_long(self):
        self.assertRejected(b'{"access_token":"SECRET","n":' + b"9" * 4000 + b"}", "n")
        self.assertRejected(b'{"access_token":"SECRET","n":-' + b"9" * 100 + b"}", "n")
        self.assertRejected(b'{"access_token":"SECRET","n":' + b"9" * 5000 + b"}", None)

    def test_integers_up_to_64_digits_are_read_in_small_and_large_bodies(self):
        padding = {
            f"p{n}": n for n in range(2000)
        }  # over 8 KB: decoded without the per-integer guard
        for extra in ({}, padding):
            with self.subTest(large=bool(extra)):
                token = Token.try_from_bytes(valid(n=-(10**64 - 1), m=10**64 - 1, **extra))
                self.assertEqual((token.extra["n"], token.extra["m"]), (-(10**64 - 1), 10**64 - 1))

    def test_integers_of_65_digits_are_rejected_in_small_and_large_bodies(self):
        padding = {f"p{n}": n for n in range(2000)}
        for extra in ({}, padding):
            with self.subTest(large=bool(extra)):
                self.assertRejected(valid(access_token="SECRET", n=-(10**64), **extra), "n")
                self.assertRejected(valid(access_token="SECRET", n=10**64, **extra), "n")

    def test_an_integer_of_65_nines_is_found_in_a_large_body(self):
        padding = {f"p{n}": n for n in range(2000)}
        self.assertRejected(valid(access_token="SECRET", n=10**65 - 1, **padding), "n")

    def test_an_integer_too_long_is_found_at_the_end_of_a_large_body(self):
        padding = ",".join(f'"p{n}":"{n}"' for n in range(3000))
        raw = '{"access_token":"SECRET",' + padding + ',"z":' + "7" * 100_000 + "}"
        self.assertRejected(raw.encode(), None)

    def test_a_number_too_large_for_a_float_is_said_to_be_out_of_range(self):
        for raw, field in (
            (b'{"access_token":"a","expires_in":1e400}', "expires_in"),
            (b'{"access_token":"a","x":1e400}', "x"),
            (b'{"access_token":"a","x":[1.5,-1e400]}', "x"),
            (b'{"access_token":"a","o":{"x":1e400}}', "o"),
        ):
            with self.subTest(raw=raw):
                error = self.assertRejected(raw, field)
                self.assertIn("out of range", str(error))
                self.assertNotIn("NaN", str(error))

    def test_a_long_float_literal_is_read(self):
        token = Token.try_from_bytes(b'{"access_token":"a","n":0.' + b"1" * 1000 + b"}")
        self.assertAlmostEqual(token.extra["n"], 0.1111111111)  # type: ignore[arg-type]

    def test_a_float_overflowing_to_infinity_is_rejected_anywhere(self):
        for raw, member in (
            (b'{"access_token":"SECRET","n":1e999}', "n"),
            (b'{"access_token":"SECRET","n":[{"m":-1e999}]}', "n"),
            (b'{"access_token":"SECRET","issued_at":1e999}', "issued_at"),
        ):
            with self.subTest(raw=raw):
                self.assertIn(self.assertRejected(raw, ANY_FIELD).field, (None, member))

    def test_raw_control_characters_in_strings(self):
        self.assertRejected(b'{"access_token":"SECRET","x":"a\nb"}', None)

    def test_an_error_body_is_not_a_token(self):
        error = self.assertRejected(body(error="invalid_grant", access_token="SECRET"), "error")
        self.assertIn("invalid_grant", str(error))
        self.assertRejected(body(error="SECRET"), "error")

    def test_an_error_body_of_any_shape_is_not_a_token(self):
        # Regression: an unhashable `error` (Facebook Graph's object) raised TypeError here.
        for error in ({"type": "OAuthException", "code": 190}, ["x"], 401, True):
            with self.subTest(error=error):
                self.assertRejected(body(error=error, access_token="SECRET"), "error")
                self.assertRejected({"error": error, "access_token": "SECRET"}, "error")

    def test_an_error_member_of_null_or_empty_is_not_an_error(self):
        for value in (None, ""):
            self.assertEqual(
                Token.try_from_bytes(valid(error=value), issued_at=NOW).token_type, "Bearer"
            )


class TestMaxBytes(TokenTestCase):
    def test_a_body_of_max_bytes_is_read_and_one_byte_more_rejected(self):
        data = valid(access_token="SECRET")
        self.assertEqual(Token.try_from_bytes(data, max_bytes=len(data)).token_type, "Bearer")
        self.assertRejected(data, None, max_bytes=len(data) - 1)

    def test_the_default_is_one_mebibyte(self):
        self.assertRejected(b" " * (1 << 20) + b"{}", None)
        padding = "x" * 900_000
        token = Token.try_from_bytes(valid(padding=padding))
        self.assertEqual(len(token.extra["padding"]), 900_000)  # type: ignore[arg-type]

    def test_max_bytes_counts_characters_for_str(self):
        text = json.dumps({"access_token": "a", "name": "ééé"}, ensure_ascii=False)
        self.assertEqual(Token.try_from_bytes(text, max_bytes=len(text)).extra["name"], "ééé")
        self.assertRejected(text.encode(), None, max_bytes=len(text))

    def test_max_bytes_must_be_an_int(self):
        with self.assertRaises(TypeError):
            Token.try_from_bytes(valid(), max_bytes=True)
        with self.assertRaises(TypeError):
            Token.try_from_bytes(valid(), max_bytes="10")  # type: ignore[arg-type]

    def test_a_negative_max_bytes_is_a_programming_error_not_bad_content(self):
        for parser, data in (
            (Token.try_from_bytes, valid()),
            (Token.try_from_bytes, b""),
            (Token.try_from_form, "access_token=a"),
            (ErrorParams.try_from_bytes, body(error="invalid_grant")),
            (ErrorParams.try_from_form, "error=invalid_grant"),
            (parse_token_response, valid()),
        ):
            with self.subTest(parser=parser.__qualname__, data=data):
                with self.assertRaisesRegex(ValueError, "max_bytes") as caught:
                    parser(data, max_bytes=-1)
                self.assertNotIsInstance(caught.exception, InvalidTokenResponse)
        # 0 is a limit like any other: a body of one byte is over it.
        self.assertRejected(b" ", None, max_bytes=0)

    def test_max_bytes_measures_the_body_whatever_a_subclass_len_says(self):
        class Short(str):
            def __len__(self) -> int:
                return 1

        class ShortBytes(bytes):
            def __len__(self) -> int:
                return 1

        raw = valid(access_token="SECRET", padding="x" * 100)
        for data in (Short(raw.decode()), ShortBytes(raw)):
            with self.subTest(type=type(data).__name__):
                error = self.assertRejected(data, None, max_bytes=10)
                self.assertIn("max_bytes", str(error))


class TestForms(TokenTestCase):
    def test_a_json_body_read_as_a_form_is_refused_whole(self):
        # Cut at "&" and "=", its strings would give names: pieces of its secrets.
        for data in (
            b'{"access_token":"k9&Xq7Rt=%zz"}',
            b'{"access_token":"a&Xq7&Xq7&b"}',
            b' \n{"x":"&access_token=SECRET&"}',
            b'\xef\xbb\xbf{"access_token":"a&Xq7=1"}',
        ):
            for parse in (
                Token.try_from_form,
                ErrorParams.try_from_form,
                functools.partial(parse_token_response, content_type="text/plain"),
            ):
                with self.subTest(data=data, parse=parse):
                    error = self.assertRejected(data, None, parser=parse, secrets=("Xq7", "SECRET"))
                    self.assertEqual(str(error), "the body: looks like JSON, not a form")

    def test_percent_escapes_and_plus_are_decoded(self):
        token = Token.try_from_form("access_token=a%2Bb+c&scope=r%20w&name=Zo%C3%AB")
        self.assertEqual(token.access_token, Secret("a+b c"))
        self.assertEqual(token.scope, "r w")
        self.assertEqual(token.extra["name"], "Zoë")

    def test_bytes_and_str_are_read_alike(self):
        raw = "access_token=a&expires_in=60"
        self.assertEqual(
            Token.try_from_form(raw, issued_at=NOW),
            Token.try_from_form(raw.encode(), issued_at=NOW),
        )

    def test_members_after_an_empty_pair_are_read(self):
        self.assertEqual(Token.try_from_form("access_token=a&&x=1").extra["x"], "1")

    def test_a_short_escape_is_rejected_in_any_member(self):
        self.assertRejected("access_token=a&x=%4", "x", form=True)

    def test_empty_values_are_omitted_and_empty_pairs_skipped(self):
        token = Token.try_from_form("access_token=a&&refresh_token=&scope&")
        self.assertIsNone(token.refresh_token)
        self.assertIsNone(token.scope)

    def test_malformed_escapes_are_rejected(self):
        for data, field in (
            ("access_token=SECRET%zz", "access_token"),
            ("access_token=SECRET%4", "access_token"),
            ("access_token=SECRET%", "access_token"),
            ("na%g0me=1&access_token=SECRET", None),
            ("access_token=SECRET%+1", "access_token"),
        ):
            with self.subTest(data=data):
                self.assertRejected(data, field, form=True)

    def test_escapes_that_are_not_utf8_are_rejected(self):
        self.assertRejected("access_token=SECRET&x=%FF", "x", form=True)

    def test_raw_bytes_that_are_not_utf8_are_rejected(self):
        self.assertRejected(b"access_token=SECRET\xff", ANY_FIELD, form=True)

    def test_a_str_body_with_a_lone_surrogate_is_rejected(self):
        for data in (
            "access_token=tok_SECRET\ud800%41",
            "access_token=tok_SECRET%41\udfff",
            "x\ud800=1&access_token=tok_SECRET",
        ):
            for parser in (
                Token.try_from_form,
                ErrorParams.try_from_form,
                functools.partial(parse_token_response, content_type="text/plain"),
            ):
                with self.subTest(data=data, parser=parser):
                    self.assertRejected(data, ANY_FIELD, parser=parser)

    def test_strict_form_still_checks_the_rules(self):
        self.assertRejected(
            "access_token=a&token_type=Bearer&expires_in=-1", "expires_in", form=True, strict=True
        )
        self.assertRejected("access_token=a", "token_type", form=True, strict=True)

    def test_form_issued_at_digit_strings_are_times(self):
        token = Token.try_from_form(
            "access_token=a&token_type=Bearer&issued_at=1700000000&expires_in=5", strict=True
        )
        self.assertEqual(token.issued_at, at(1_700_000_000))

    def test_form_error_body_is_not_a_token(self):
        self.assertRejected("error=bad_verification_code", "error", form=True)


class TestNoSecretInExceptions(TokenTestCase):
    """Every exception raised on a body holding a known secret, chain included."""

    SECRETS = ("s3cr3t-access-AAAA", "s3cr3t-refresh-BBBB", "s3cr3t-id-CCCC")

    def bodies(self) -> Iterator[bytes]:
        access, refresh, id_token = self.SECRETS
        good = {
            "access_token": access,
            "refresh_token": refresh,
            "id_token": id_token,
            "token_type": "Bearer",
        }
        yield body(**good, expires_in=-1)
        yield body(**good, expires_in="soon")
        yield body(**good, scope='bad"scope')
        yield body(**{**good, "token_type": "a\nb"})
        yield body(**{**good, "access_token": access + "\n"})
        yield body(**{**good, "refresh_token": refresh + "\x00"})
        yield body(**good, error="invalid_grant")
        yield json.dumps(good).encode() + b"garbage"
        yield json.dumps(good).encode()[:-5]
        yield json.dumps(good).encode().replace(b'"token_type"', b'"access_token"')
        yield json.dumps(good).encode() + b"\xff"
        yield b"\xff" + json.dumps(good).encode()
        yield json.dumps([good]).encode()
        yield json.dumps(good).replace('"Bearer"', "NaN").encode()
        yield json.dumps(good).replace('"Bearer"', "1e999").encode()
        yield json.dumps({**good, "deep": [[[[[[]]]]]] * 1}).encode().replace(b"[[[", b"[" * 5000)

    def test_parsers_never_leak_a_secret(self):
        for raw in self.bodies():
            for parse in (
                Token.try_from_bytes,
                lambda b: parse_token_response(b, status=400),
                lambda b: Token.try_from_bytes(b, strict=True),
                IssueAccessTokenErrorParams.try_from_bytes,
            ):
                with self.subTest(raw=raw[:60]):
                    try:
                        parse(raw)
                    except (InvalidTokenResponse, AccessTokenError) as error:
                        self.assertNoLeak(error, *self.SECRETS)

    def test_an_error_response_never_leaks_its_token_members(self):
        raw = body(
            error="mfa_required", error_description="MFA required", mfa_token=self.SECRETS[0]
        )
        with self.assertRaises(AccessTokenError) as caught:
            parse_token_response(raw, status=403)
        self.assertNoLeak(caught.exception, self.SECRETS[0])
        self.assertEqual(caught.exception.params.extra["mfa_token"], Secret(self.SECRETS[0]))

    def test_tracebacks_hold_no_frame_that_holds_the_body(self):
        # Error reporters such as Sentry record every traceback frame's local variables.
        secret = self.SECRETS[0]
        cases = [
            (Token.try_from_bytes, body(access_token=secret, expires_in=-1)),
            (Token.try_from_form, f"access_token={secret}&expires_in=-1"),
            (Token.from_dict, {"access_token": secret, "expires_in": -1}),
            (parse_token_response, body(access_token=secret, refresh_token=secret, expires_in=-1)),
            (parse_token_response, body(error="invalid_grant", mfa_token=secret)),
            (parse_token_response, body(error=[secret], mfa_token=5, id_token=float("inf"))),
            (
                functools.partial(IssueAccessTokenErrorParams.try_from_bytes, strict=True),
                body(error=5, mfa_token=secret),
            ),
            (IssueAccessTokenErrorParams.from_dict, {"error": "", "mfa_token": secret}),
            (Token, secret + "\n"),
            (IssueAccessTokenErrorParams, "x", None, None, {"a_token": secret, "bad": {1, 2}}),
        ]
        for function, *args in cases:
            with self.subTest(function=getattr(function, "__qualname__", "partial")):
                try:
                    function(*args)
                except (InvalidTokenResponse, AccessTokenError) as error:
                    caught = error
                else:
                    self.fail("no exception")
                traceback = caught.__traceback__.tb_next  # past this test's own frame
                self.assertIsNotNone(traceback)
                while traceback is not None:
                    for name, value in traceback.tb_frame.f_locals.items():
                        self.assertNotIn(secret, repr(value), name)
                    traceback = traceback.tb_next
                self.assertNoLeak(caught, secret)

    def entry_point_failures(
        self,
    ) -> Iterator[
        tuple[str, type[Exception], Callable[..., object], tuple[object, ...], dict[str, object]]
    ]:
        """(what, exception expected, callable, args, kwargs): every public entry point
        that takes a body or a value, given bad content and wrong arguments alike."""
        secret = self.SECRETS[0]
        members = {"access_token": secret, "refresh_token": secret, "id_token": secret}
        good = json.dumps({**members, "token_type": "Bearer"}).encode()
        bad = json.dumps({**members, "expires_in": -1}).encode()
        form = f"access_token={secret}&refresh_token={secret}"
        naive = datetime(2026, 1, 1)
        token = Token(secret, expires_in=60, refresh_token=secret, extra={"id_token": secret})
        invalid, access_error = InvalidTokenResponse, AccessTokenError

        # Bad content, through each parser
        for data in (
            bad,
            bad.decode(),
            bytearray(bad),
            memoryview(bad),
            good + b"garbage",
            good[:-5],
            good + b"\xff",
            good.replace(b'"refresh_token"', b'"access_token"'),
            good.replace(b'"Bearer"', b"NaN"),
            good[:-1] + b',"deep":' + b"[" * 100 + b"]" * 100 + b"}",
            good[:-1] + b',"n":' + b"9" * 100 + b"}",
            json.dumps([members]).encode(),
            json.dumps({**members, "error": "invalid_grant"}).encode(),
        ):
            yield "try_from_bytes", invalid, Token.try_from_bytes, (data,), {}
        yield (
            "try_from_bytes over max_bytes",
            invalid,
            Token.try_from_bytes,
            (good,),
            {"max_bytes": 10},
        )
        yield (
            "try_from_bytes strict",
            invalid,
            Token.try_from_bytes,
            (json.dumps(members),),
            {"strict": True},
        )
        for data in (
            form + "&expires_in=-1",
            form + "%zz",
            form + "&x=%FF",
            form + "\ud800%41",
            form + "&scope=" + form,
            good.decode(),
            '{"access_token":"' + secret + '==","note":"100%"}',
            form + "&error=invalid_grant",
        ):
            yield "try_from_form", invalid, Token.try_from_form, (data,), {}
        for mapping in (
            {**members, "expires_in": -1},
            {**members, "x": {1, 2}},
            {**members, 1: "x"},
            {**members, "o": {2: secret}},
            {**members, "n": 10**64},
            {**members, "token_type": secret + "\n"},
        ):
            yield "from_dict", invalid, Token.from_dict, (mapping,), {}
        for data, status, content_type in (
            (good, 400, None),
            (good, 503, None),
            (b"<html>" + secret.encode() + b"</html>", 503, "text/html"),
            (form.encode() + b"%", 200, "text/plain"),
            ('{"access_token":"' + secret + '==","note":"100%"}', 200, "text/plain"),
            (bad, 200, "application/json"),
        ):
            kwargs = {"status": status, "content_type": content_type}
            yield "parse_token_response", invalid, parse_token_response, (data,), kwargs
        for data, content_type in (
            (json.dumps({"error": "mfa_required", "mfa_token": secret}).encode(), None),
            (json.dumps({"error": {"type": "T", "session_token": secret}}).encode(), None),
            (f"error=invalid_grant&mfa_token={secret}", "text/plain"),
        ):
            kwargs = {"status": 400, "content_type": content_type}
            yield "parse_token_response", access_error, parse_token_response, (data,), kwargs
        error_body = {"error": 5, "mfa_token": secret}
        yield "error try_from_bytes", invalid, ErrorParams.try_from_bytes, (good,), {}
        yield (
            "error try_from_bytes strict",
            invalid,
            ErrorParams.try_from_bytes,
            (json.dumps(error_body),),
            {"strict": True},
        )
        yield (
            "error try_from_form",
            invalid,
            ErrorParams.try_from_form,
            (f"mfa_token={secret}&error=%zz",),
            {},
        )
        yield (
            "error from_dict",
            invalid,
            ErrorParams.from_dict,
            ({"error": "", "mfa_token": secret},),
            {},
        )
        yield (
            "error from_dict",
            invalid,
            ErrorParams.from_dict,
            ({"error": 10**5000, "mfa_token": secret},),
            {},
        )

        # Bad values, through the constructors
        for args, kwargs in (
            ((secret + "\n",), {}),
            ((secret,), {"expires_in": -1, "refresh_token": secret}),
            ((secret,), {"refresh_token": secret + "\x00"}),
            ((secret,), {"extra": {"foo": Secret(secret)}}),
            ((secret,), {"extra": {"x": {1, 2}, "id_token": secret}}),
            ((secret,), {"extra": {"expires_in": 5, "id_token": secret}}),
            ((secret,), {"extra": {"error": secret}}),
            ((secret,), {"token_type": secret + "\n"}),
        ):
            yield "constructor", invalid, Token, args, kwargs
        for args in (
            ("", None, None, {"mfa_token": secret}),
            ("x", 5, None, {"mfa_token": secret}),
            ("x", None, None, {"mfa_token": secret, "bad": object()}),
        ):
            yield "error constructor", invalid, ErrorParams, args, {}
        yield "dataclasses.replace", invalid, dataclasses.replace, (token,), {"expires_in": -1}

        # Wrong arguments: programming errors, TypeError or ValueError
        for parser, data in (
            (Token.try_from_bytes, good),
            (Token.try_from_form, form),
            (Token.from_dict, members),
            (parse_token_response, good),
        ):
            name = parser.__qualname__
            yield f"{name} naive issued_at", ValueError, parser, (data,), {"issued_at": naive}
            yield f"{name} issued_at type", TypeError, parser, (data,), {"issued_at": "now"}
            yield f"{name} issued_at range", ValueError, parser, (data,), {"issued_at": 1e20}
            yield f"{name} previous", TypeError, parser, (data,), {"previous": "x"}
            yield f"{name} previous dict", TypeError, parser, (data,), {"previous": members}
        for parser, data in (
            (Token.try_from_bytes, good),
            (Token.try_from_form, form),
            (parse_token_response, good),
            (ErrorParams.try_from_bytes, good),
            (ErrorParams.try_from_form, form),
        ):
            name = parser.__qualname__
            yield f"{name} max_bytes", TypeError, parser, (data,), {"max_bytes": "1"}
            yield f"{name} max_bytes bool", TypeError, parser, (data,), {"max_bytes": True}
        for kwargs in ({"status": "200"}, {"status": True}, {"content_type": b"text/plain"}):
            yield "parse_token_response argument", TypeError, parse_token_response, (good,), kwargs
        for parser, data in (
            (Token.try_from_bytes, [good]),
            (Token.try_from_bytes, members),
            (Token.try_from_form, {"form": form}),
            (Token.from_dict, form),
            (Token.from_dict, [("access_token", secret)]),
            (parse_token_response, members),
            (ErrorParams.try_from_bytes, [good]),
            (ErrorParams.try_from_form, members),
            (ErrorParams.from_dict, form),
        ):
            yield f"{parser.__qualname__} body type", TypeError, parser, (data,), {}
        for value in (secret.encode(), [secret], bytearray(secret.encode())):
            yield "Secret", TypeError, Secret, (value,), {}
        for kwargs, expected in (
            ({"issued_at": naive}, ValueError),
            ({"issued_at": "now"}, TypeError),
            ({"issued_at": 1e20}, ValueError),
            ({"extra": form}, TypeError),
            ({"extra": [("id_token", secret)]}, TypeError),
        ):
            yield (
                "constructor argument",
                expected,
                Token,
                (secret,),
                {"refresh_token": secret, **kwargs},
            )
        yield (
            "error constructor extra",
            TypeError,
            ErrorParams,
            ("x",),
            {"extra": [("mfa_token", secret)]},
        )

        # Wrong arguments to a token's methods: the token is in their frames
        east = timezone(timedelta(hours=1))
        for method, kwargs, expected in (
            (token.is_expired, {"now": naive}, ValueError),
            (token.is_expired, {"now": datetime.min.replace(tzinfo=east)}, ValueError),
            (token.is_expired, {"leeway": "60"}, TypeError),
            (token.remaining, {"now": "now"}, TypeError),
            (token.sync_expires_in, {"now": naive}, ValueError),
        ):
            yield f"{method.__name__}", expected, method, (), kwargs

    def test_no_frame_of_any_exception_from_an_entry_point_holds_a_secret(self):
        # Error reporters such as Sentry record every traceback frame's local
        # variables: whatever an entry point raises, none may hold the body.
        secret = self.SECRETS[0]
        cases = list(self.entry_point_failures())
        self.assertGreater(len(cases), 100)
        for number, (what, expected, function, args, kwargs) in enumerate(cases):
            with self.subTest(case=number, what=what):
                try:
                    function(*args, **kwargs)
                except Exception as error:  # the type is checked just below
                    caught = error
                else:
                    self.fail("no exception")
                self.assertIsInstance(caught, expected)
                for text in texts_within(caught):
                    self.assertNotIn(secret, text)
                chain = [caught]
                while chain[-1].__cause__ or chain[-1].__context__:
                    chain.append(chain[-1].__cause__ or chain[-1].__context__)  # type: ignore[arg-type]
                for exception in chain:
                    for frame in frames_after(exception.__traceback__):
                        for name, value in frame.f_locals.items():
                            for text in texts_within(value):
                                self.assertNotIn(
                                    secret, text, f"{frame.f_code.co_name}(): local {name}"
                                )
                del caught

    def test_a_keyboard_interrupt_during_a_parse_leaves_no_frame_holding_a_secret(self):
        # Ctrl-C lands wherever the parser is; the traceback it leaves may be
        # recorded, frame locals and all, like any other.
        secret = self.SECRETS[0]

        class Interrupted(Mapping[str, object]):
            """A mapping interrupted, as by Ctrl-C, once its members are all read."""

            def __init__(self, members: dict[str, object]) -> None:
                self.members = members
                self.armed = True

            def __getitem__(self, name: str) -> object:
                return self.members[name]

            def __len__(self) -> int:
                return len(self.members)

            def __iter__(self) -> Iterator[str]:
                yield from self.members
                if self.armed:  # once: the frames are searched through it after
                    self.armed = False
                    raise KeyboardInterrupt

        members = {"access_token": secret, "refresh_token": secret, "id_token": secret}
        error_members = {"error": "x", "mfa_token": secret}
        # Called from this frame, the first of the traceback: it is not searched.
        cases = (
            ("from_dict", Token.from_dict, (Interrupted(members),), {}),
            ("from_dict, inner", Token.from_dict, ({**members, "o": Interrupted({})},), {}),
            ("constructor", Token, (secret,), {"extra": Interrupted({"x_token": secret})}),
            ("error from_dict", ErrorParams.from_dict, (Interrupted(error_members),), {}),
            ("error constructor", ErrorParams, ("x",), {"extra": Interrupted(members)}),
        )
        for what, function, args, kwargs in cases:
            with self.subTest(what):
                try:
                    function(*args, **kwargs)
                except KeyboardInterrupt as interrupt:
                    caught = interrupt
                else:
                    self.fail("not interrupted")
                for frame in frames_after(caught.__traceback__):
                    for name, value in frame.f_locals.items():
                        for text in texts_within(value):
                            self.assertNotIn(
                                secret, text, f"{frame.f_code.co_name}(): local {name}"
                            )
                del caught

    def test_invalid_token_response_pickles_with_its_field(self):
        error = InvalidTokenResponse("'scope': bad", "scope")
        copied = pickle.loads(pickle.dumps(error))
        self.assertEqual((str(copied), copied.field), (str(error), "scope"))

    def test_invalid_token_response_is_a_value_error(self):
        self.assertTrue(issubclass(InvalidTokenResponse, ValueError))


# ---------------------------------------------------------------------------
# Error responses (section 5.2)
# ---------------------------------------------------------------------------


class TestErrorParams(TokenTestCase):
    def test_reads_the_three_members_and_keeps_the_rest(self):
        params = IssueAccessTokenErrorParams.try_from_bytes(
            body(
                error="invalid_grant",
                error_description="Bad code",
                error_uri="https://example.com/e",
                trace_id="t",
            )
        )
        self.assertEqual(
            (params.error, params.error_description, params.error_uri),
            ("invalid_grant", "Bad code", "https://example.com/e"),
        )
        self.assertEqual(dict(params.extra), {"trace_id": "t"})

    def test_unknown_codes_are_kept_as_sent(self):
        self.assertEqual(
            IssueAccessTokenErrorParams.try_from_bytes(body(error="bad_verification_code")).error,
            "bad_verification_code",
        )

    def test_registered_codes_cover_rfc_6749_8628_and_8707(self):
        for code in (
            "invalid_request",
            "invalid_client",
            "invalid_grant",
            "unauthorized_client",
            "unsupported_grant_type",
            "invalid_scope",
            "authorization_pending",
            "slow_down",
            "access_denied",
            "expired_token",
            "invalid_target",
        ):
            self.assertIn(code, REGISTERED_ERROR_CODES)
        self.assertNotIn("bad_verification_code", REGISTERED_ERROR_CODES)

    def test_registered_codes_are_exactly_those_of_the_three_rfcs(self):
        rfc_6749 = {  # sections 4.1.2.1, 4.2.2.1 and 5.2
            "invalid_request",
            "invalid_client",
            "invalid_grant",
            "unauthorized_client",
            "unsupported_grant_type",
            "invalid_scope",
            "access_denied",
            "unsupported_response_type",
            "server_error",
            "temporarily_unavailable",
        }
        rfc_8628 = {"authorization_pending", "slow_down", "expired_token"}  # section 3.5
        rfc_8707 = {"invalid_target"}  # section 2
        self.assertEqual(set(REGISTERED_ERROR_CODES), rfc_6749 | rfc_8628 | rfc_8707)
        self.assertIsInstance(REGISTERED_ERROR_CODES, frozenset)

    def test_missing_or_empty_error_is_rejected(self):
        for raw in (body(error_description="x"), body(error=None), body(error="")):
            with self.subTest(raw=raw):
                self.assertRejected(raw, "error", parser=ErrorParams.try_from_bytes)

    def test_lenient_accepts_azure_multi_line_descriptions(self):
        description = "AADSTS70011: The provided value for scope is not valid.\r\nTrace ID: 255d1aef\r\nTimestamp: 2016-01-09 02:02:12Z"
        raw = body(error="invalid_scope", error_description=description, error_codes=[70011])
        params = IssueAccessTokenErrorParams.try_from_bytes(raw)
        self.assertEqual(params.error_description, description)
        self.assertRejected(
            raw, "error_description", parser=ErrorParams.try_from_bytes, strict=True
        )

    def test_strict_error_and_description_are_nqschar(self):
        for member, bad in (
            ("error", 'a"b'),
            ("error", "é"),
            ("error_description", "a\\b"),
            ("error_description", "tab\t"),
        ):
            raw = body(**{"error": "invalid_request", member: bad})
            with self.subTest(member=member, bad=bad):
                self.assertRejected(raw, member, parser=ErrorParams.try_from_bytes, strict=True)

    def test_strict_uri_must_be_a_uri_reference_relative_ones_included(self):
        for good in (
            "https://example.com/e?x=1#f",
            "/errors/invalid_grant",
            "errors",
            "#frag",
            "urn:ietf:rfc:6749",
            "https://example.com/%20x",
        ):
            IssueAccessTokenErrorParams.try_from_bytes(body(error="x", error_uri=good), strict=True)
        for bad in (
            "has space",
            "https://example.com/<x>",
            "c:d ",
            "1a:b/c",
            "%zz",
            "1a:b",
            "a#b#c",
            "https://example.com/##",
        ):
            with self.subTest(bad=bad):
                raw = body(error="x", error_uri=bad)
                self.assertRejected(
                    raw, "error_uri", parser=ErrorParams.try_from_bytes, strict=True
                )

    def test_lenient_accepts_github_relative_error_uri(self):
        params = IssueAccessTokenErrorParams.try_from_bytes(
            body(error="x", error_uri="/apps/building-oauth-apps")
        )
        self.assertEqual(params.error_uri, "/apps/building-oauth-apps")

    def test_lenient_facebook_error_object(self):
        raw = (
            b'{"error": {"message": "Error validating access token: Session has expired",'
            b' "type": "OAuthException", "code": 190, "error_subcode": 463, "fbtrace_id": "H2il2t5bn4e"}}'
        )
        params = IssueAccessTokenErrorParams.try_from_bytes(raw)
        self.assertEqual(params.error, "OAuthException")
        self.assertEqual(
            params.error_description, "Error validating access token: Session has expired"
        )
        self.assertEqual(params.extra["error"]["fbtrace_id"], "H2il2t5bn4e")  # type: ignore[index]

    def test_lenient_error_object_with_a_non_string_message_has_no_description(self):
        params = IssueAccessTokenErrorParams.from_dict(
            {"error": {"type": "T", "message": {"en": "m"}}}
        )
        self.assertEqual((params.error, params.error_description), ("T", None))

    def test_lenient_error_object_falls_back_to_code_then_unknown(self):
        self.assertEqual(
            IssueAccessTokenErrorParams.from_dict({"error": {"code": 190}}).error, "190"
        )
        self.assertEqual(
            IssueAccessTokenErrorParams.from_dict({"error": {"code": "E1"}}).error, "E1"
        )
        self.assertEqual(
            IssueAccessTokenErrorParams.from_dict({"error": {"message": "m"}}).error,
            "unknown_error",
        )

    def test_lenient_reddit_number_error(self):
        params = IssueAccessTokenErrorParams.try_from_bytes(
            b'{"message": "Unauthorized", "error": 401}'
        )
        self.assertEqual(params.error, "401")
        self.assertEqual(params.extra["message"], "Unauthorized")

    def test_lenient_other_error_types_are_unknown_error(self):
        for value in (True, ["x"]):
            self.assertEqual(
                IssueAccessTokenErrorParams.from_dict({"error": value}).error, "unknown_error"
            )

    def test_strict_rejects_a_non_string_error(self):
        for value in ({"type": "OAuthException"}, 401, True):
            with self.subTest(value=value):
                self.assertRejected(
                    {"error": value}, "error", parser=ErrorParams.from_dict, strict=True
                )

    def test_lenient_non_string_description_stays_in_extra(self):
        params = IssueAccessTokenErrorParams.from_dict(
            {"error": "x", "error_description": {"en": "t"}}
        )
        self.assertIsNone(params.error_description)
        self.assertEqual(params.extra["error_description"], {"en": "t"})
        self.assertRejected(
            {"error": "x", "error_description": 5},
            "error_description",
            parser=ErrorParams.from_dict,
            strict=True,
        )

    def test_an_error_too_long_to_write_back_is_invalid(self):
        # An integer of thousands of digits: json.dumps raised ValueError on it.
        for case, error in enumerate(
            (
                10**5000,
                -(10**5000),
                -(10**64),
                -(10**65),
                {"code": 10**5000},
                {"type": "T", "n": 10**64},
            )
        ):
            with self.subTest(case=case):
                self.assertRejected(
                    {"error": error, "mfa_token": "SECRET"}, "error", parser=ErrorParams.from_dict
                )
        longest = 10**64 - 1
        self.assertEqual(ErrorParams.from_dict({"error": longest}).error, str(longest))

    def test_asdict_and_astuple_work_and_keep_secrets_secret(self):
        params = IssueAccessTokenErrorParams("x", "d", "/u", {"mfa_token": "m", "o": {"n": [1]}})
        as_dict = dataclasses.asdict(params)
        self.assertEqual(
            as_dict,
            {"error": "x", "error_description": "d", "error_uri": "/u", "extra": params.extra},
        )
        self.assertEqual(as_dict["extra"]["mfa_token"], Secret("m"))
        self.assertEqual(dataclasses.astuple(params), tuple(as_dict.values()))

    def test_str_subclasses_are_strings_stored_as_plain_str(self):
        class Text(str):
            def __repr__(self) -> str:
                return "Text()"

        for params in (
            IssueAccessTokenErrorParams(Text("x"), Text("d"), Text("/u"), {Text("k"): Text("v")}),
            IssueAccessTokenErrorParams.from_dict(
                {
                    Text("error"): Text("x"),
                    "error_description": Text("d"),
                    "error_uri": Text("/u"),
                    Text("k"): Text("v"),
                },
                strict=True,
            ),
        ):
            with self.subTest(params=params):
                texts = [params.error, params.error_description, params.error_uri]
                texts += [*params.extra, params.extra["k"]]
                self.assertEqual(texts, ["x", "d", "/u", "k", "v"])
                for text in texts:
                    self.assertIs(type(text), str)

    def test_auth0_mfa_token_is_a_secret(self):
        params = IssueAccessTokenErrorParams.try_from_bytes(
            body(
                error="mfa_required",
                error_description="Multifactor authentication required",
                mfa_token="Fe26.2**x",
            )
        )
        self.assertEqual(params.extra["mfa_token"], Secret("Fe26.2**x"))
        self.assertNotIn("Fe26", repr(params))

    def test_github_form_error(self):
        params = IssueAccessTokenErrorParams.try_from_form(
            "error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired."
        )
        self.assertEqual(params.error_description, "The code passed is incorrect or expired.")

    def test_equality_compares_every_field(self):
        base = IssueAccessTokenErrorParams("x", "a", "u", {"k": 1})
        self.assertEqual(base, IssueAccessTokenErrorParams("x", "a", "u", {"k": 1}))
        for other in (
            IssueAccessTokenErrorParams("y", "a", "u", {"k": 1}),
            IssueAccessTokenErrorParams("x", "b", "u", {"k": 1}),
            IssueAccessTokenErrorParams("x", "a", "v", {"k": 1}),
            IssueAccessTokenErrorParams("x", "a", "u", {"k": 2}),
        ):
            self.assertNotEqual(base, other)
            self.assertNotEqual(other, base)
        self.assertNotEqual(base, "x")

    def test_repr_shows_extra_keys_not_values(self):
        params = IssueAccessTokenErrorParams("x", extra={"trace": "value-123"})
        self.assertIn("'trace'", repr(params))
        self.assertNotIn("value-123", repr(params))

    def test_constructor_validates(self):
        for args, field in (
            (("",), "error"),
            ((5,), "error"),
            (("x", 5), "error_description"),
            (("x", None, 5), "error_uri"),
            (("x", None, None, {"n": 10**64}), "n"),
        ):
            with self.subTest(args=args):
                error = self.assertRejected(args, field, parser=lambda a: ErrorParams(*a))
                self.assertTrue(str(error).startswith(f"'{field}': "), str(error))

    def test_is_a_slotted_dataclass_with_the_four_fields_in_order(self):
        self.assertTrue(dataclasses.is_dataclass(IssueAccessTokenErrorParams))
        names = [f.name for f in dataclasses.fields(IssueAccessTokenErrorParams)]
        self.assertEqual(names, ["error", "error_description", "error_uri", "extra"])
        self.assertFalse(hasattr(IssueAccessTokenErrorParams("x"), "__dict__"))

    def test_is_read_only_and_round_trips(self):
        params = IssueAccessTokenErrorParams("x", "d", "u", {"mfa_token": "m", "o": {"a": [1]}})
        with self.assertRaises(dataclasses.FrozenInstanceError):
            params.error = "y"  # type: ignore[misc]
        self.assertEqual(copy.deepcopy(params), params)
        self.assertEqual(pickle.loads(pickle.dumps(params)), params)
        self.assertNotEqual(
            params,
            IssueAccessTokenErrorParams("x", "d", "other", {"mfa_token": "m", "o": {"a": [1]}}),
        )

    def test_init_called_again_raises_and_changes_nothing(self):
        params = IssueAccessTokenErrorParams("invalid_grant", "d", "/e", {"n": 1})
        before = copy.deepcopy(params)
        for args in (("access_denied",), ("x", "forged", "https://evil.example/", {"m": 2})):
            with self.subTest(args=args):
                with self.assertRaises(dataclasses.FrozenInstanceError):
                    params.__init__(*args)  # type: ignore[misc]
                self.assertEqual(params, before)
                self.assertEqual(dict(params.extra), {"n": 1})


class TestAccessTokenError(unittest.TestCase):
    def error(self, code: str, status: int | None = 400, **members: object) -> AccessTokenError:
        return AccessTokenError(IssueAccessTokenErrorParams(code, **members), status)  # type: ignore[arg-type]

    def test_carries_params_and_status(self):
        error = self.error("invalid_grant", 400)
        self.assertEqual(error.params.error, "invalid_grant")
        self.assertEqual(error.status, 400)
        self.assertIsInstance(error, Exception)

    def test_retryable_codes_and_statuses(self):
        for code in (
            "authorization_pending",
            "slow_down",
            "temporarily_unavailable",
            "server_error",
        ):
            self.assertTrue(self.error(code, 400).retryable, code)
        for status in (429, 500, 503, 599):
            self.assertTrue(self.error("invalid_request", status).retryable, status)
        for code, status in (
            ("invalid_grant", 400),
            ("invalid_client", 401),
            ("access_denied", None),
            ("x", 600),
            ("x", 499),
            ("x", 428),
            ("x", 430),
        ):
            self.assertFalse(self.error(code, status).retryable, (code, status))

    def test_str_reads_well(self):
        error = self.error(
            "invalid_grant", 400, error_description="Code expired", error_uri="https://e.com/x"
        )
        self.assertEqual(str(error), "invalid_grant: Code expired (HTTP 400; see https://e.com/x)")
        self.assertEqual(str(self.error("invalid_grant", None)), "invalid_grant")

    def test_str_escapes_control_characters(self):
        error = self.error(
            "x\n", 400, error_description="bad\r\n2026-01-01 INFO forged\x1b[31m\u2028"
        )
        shown = str(error)
        for raw in ("\n", "\r", "\x1b", "\u2028"):
            self.assertNotIn(raw, shown)
        self.assertIn("\\r\\n", shown)

    def test_str_shows_200_characters_of_a_description_and_100_of_a_code(self):
        shown = str(self.error("c" * 150, None, error_description="d" * 300))
        self.assertEqual(shown, "c" * 100 + "...: " + "d" * 200 + "...")
        self.assertEqual(
            str(self.error("c" * 100, None, error_description="d" * 200)),
            "c" * 100 + ": " + "d" * 200,
        )

    def test_str_escapes_bidirectional_controls(self):
        controls = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        shown = str(self.error("x" + controls, 400, error_description="a" + controls + "b"))
        for control in controls:
            self.assertNotIn(control, shown)
        self.assertIn("\\u202e", shown)

    def test_str_caps_a_long_description(self):
        self.assertLess(len(str(self.error("x", 400, error_description="y" * 10_000))), 400)

    def test_args_are_the_params_and_the_status(self):
        params = IssueAccessTokenErrorParams("invalid_request")
        error = AccessTokenError(params, status=429)
        self.assertEqual(error.args, (params, 429))
        self.assertEqual(AccessTokenError(params).args, (params, None))
        copied = pickle.loads(pickle.dumps(error))
        self.assertEqual((copied.params, copied.status, copied.retryable), (params, 429, True))

    def test_pickles(self):
        error = pickle.loads(pickle.dumps(self.error("invalid_grant", 400)))
        self.assertEqual((error.params.error, error.status), ("invalid_grant", 400))

    def test_a_pickled_error_leaves_out_every_secret_and_keeps_the_rest(self):
        raw = body(
            error="mfa_required",
            error_description="Multifactor authentication required",
            error_uri="https://e.com/mfa",
            mfa_token="s3cr3t-mfa-AAAA",
            o={"x_token": ["s3cr3t-mfa-AAAA", 1], "k": "v"},
            kept=[1, "a"],
        )
        with self.assertRaises(AccessTokenError) as caught:
            parse_token_response(raw, status=403)
        if sys.version_info >= (3, 11):
            caught.exception.add_note("a note")  # kept: only params' secrets are left out
        data = pickle.dumps(caught.exception)
        self.assertNotIn(b"s3cr3t", data)
        copied = pickle.loads(data)
        params = copied.params
        self.assertEqual(
            (params.error, params.error_description, params.error_uri, copied.status),
            ("mfa_required", "Multifactor authentication required", "https://e.com/mfa", 403),
        )
        self.assertEqual(plain(params.extra), {"o": {"x_token": [1], "k": "v"}, "kept": [1, "a"]})
        self.assertEqual(
            getattr(copied, "__notes__", None), getattr(caught.exception, "__notes__", None)
        )
        # the exception raised keeps its secrets: only the pickle leaves them out
        self.assertEqual(caught.exception.params.extra["mfa_token"], Secret("s3cr3t-mfa-AAAA"))

    def test_wrong_params_or_status_are_a_type_error_at_once(self):
        params = IssueAccessTokenErrorParams("invalid_request")
        for args in (
            ("x",),
            (None,),
            ({"error": "x"},),
            (params, "500"),
            (params, True),
            (params, 5.0),
        ):
            with self.subTest(args=args), self.assertRaises(TypeError):
                AccessTokenError(*args)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# parse_token_response
# ---------------------------------------------------------------------------


class TestParseTokenResponse(TokenTestCase):
    def test_a_form_body_is_held_to_the_character_classes_after_its_escapes(self):
        # Its raw text is plain ASCII; what the %-escapes decode to may not be.
        for member, form in (
            ("access_token", "token_type=Bearer&access_token=a%0Ab"),
            ("refresh_token", "token_type=Bearer&access_token=a&refresh_token=%7F"),
            ("scope", "token_type=Bearer&access_token=a&scope=caf%C3%A9"),
        ):
            for content_type in ("application/x-www-form-urlencoded", "text/plain"):
                with self.subTest(member=member, content_type=content_type):
                    parse = functools.partial(parse_token_response, content_type=content_type)
                    self.assertRejected(form.encode(), member, parser=parse, strict=True)

    def test_returns_the_token_of_a_2xx_success(self):
        for status in (200, 201, 299):
            self.assertEqual(parse_token_response(valid(), status=status).token_type, "Bearer")

    def test_raises_access_token_error_whatever_the_status(self):
        for status in (200, 400, 401, 500):
            with self.assertRaises(AccessTokenError) as caught:
                parse_token_response(body(error="invalid_client"), status=status)
            self.assertEqual(caught.exception.status, status)

    def test_a_non_2xx_status_is_never_a_token(self):
        for status in (100, 199, 300, 302, 400, 500):
            with self.subTest(status=status):
                error = self.assertRejected(
                    valid(), None, parser=parse_token_response, status=status
                )
                self.assertIn(str(status), str(error))

    def test_a_body_without_error_or_token_is_invalid_whatever_the_status(self):
        for status in (200, 400, 502):
            with self.subTest(status=status):
                parse = functools.partial(parse_token_response, status=status)
                self.assertRejected(b"<html>Bad Gateway</html>", None, parser=parse)
                self.assertRejected(
                    b"{}", "access_token" if status == 200 else ANY_FIELD, parser=parse
                )

    def test_an_invalid_answer_carries_its_status_and_whether_to_retry(self):
        for raw, status, content_type, retryable in (
            (b"<html>Service Unavailable</html>", 503, "text/html", True),  # a proxy's page
            (b'{"message": "Bad gateway"}', 502, "application/json", True),
            (b"", 429, None, True),
            (b"<html>Internal Server Error</html>", 500, "text/html", True),
            (b"upstream=timeout", 599, "text/plain", True),
            (valid(), 503, None, True),  # a token-shaped body is no token with a 5xx
            (valid(), 400, None, False),
            (valid(), 302, None, False),
            (b"<html>Too Early</html>", 425, "text/html", False),
            (b"<html></html>", 428, "text/html", False),
            (b"<html></html>", 600, "text/html", False),
            (b"{}", 200, None, False),
            (b"not json", 200, None, False),
        ):
            with self.subTest(status=status, raw=raw):
                parse = functools.partial(
                    parse_token_response, status=status, content_type=content_type
                )
                error = self.assertRejected(raw, ANY_FIELD, parser=parse)
                self.assertEqual(error.status, status)
                self.assertIs(error.retryable, retryable)

    def test_parse_token_response_takes_200_as_the_status_by_default(self):
        with self.assertRaises(AccessTokenError) as caught:
            parse_token_response(body(error="invalid_grant"))
        self.assertEqual(caught.exception.status, 200)
        self.assertEqual(
            self.assertRejected(b"not json", None, parser=parse_token_response).status, 200
        )

    def test_invalid_token_response_has_no_status_unless_parse_token_response_gave_it(self):
        for parse in (Token.try_from_bytes, ErrorParams.try_from_bytes):
            error = self.assertRejected(b"<html>Bad Gateway</html>", None, parser=parse)
            self.assertEqual((error.status, error.retryable), (None, False))
        error = InvalidTokenResponse("the body: is empty")
        self.assertEqual((error.field, error.status, error.retryable), (None, None, False))

    def test_content_type_selects_the_decoder_ignoring_case_and_parameters(self):
        form = b"access_token=a&token_type=bearer"
        for content_type in (
            "application/x-www-form-urlencoded",
            "Application/X-WWW-Form-Urlencoded; charset=UTF-8",
            "text/plain",
            " text/plain ;charset=utf-8",
        ):
            self.assertEqual(
                parse_token_response(form, content_type=content_type).token_type, "bearer"
            )
        for content_type in (
            "application/json",
            "application/json; charset=utf-8",
            "text/html",
            "",
        ):
            self.assertEqual(
                parse_token_response(valid(), content_type=content_type).token_type, "Bearer"
            )
            parse = functools.partial(parse_token_response, content_type=content_type)
            self.assertRejected(form, None, parser=parse)

    def test_without_a_content_type_a_body_not_starting_like_json_with_an_equals_is_a_form(self):
        github = PROVIDERS["github_form"][1]
        self.assertEqual(parse_token_response(github).scope, "repo,gist")
        with self.assertRaises(AccessTokenError) as caught:
            parse_token_response(b"error=bad_verification_code&error_description=expired")
        self.assertEqual(caught.exception.params.error, "bad_verification_code")
        for json_body in (valid(state="a=b"), b"\xef\xbb\xbf \r\n" + valid(state="a=b")):
            self.assertEqual(parse_token_response(json_body).extra["state"], "a=b")
        self.assertIn(
            "not JSON", str(self.assertRejected(b"access_token", None, parser=parse_token_response))
        )
        error = self.assertRejected(b'[{"a":"="}]', None, parser=parse_token_response)
        self.assertIn("JSON object", str(error))

    def test_a_message_names_a_status_that_is_not_2xx(self):
        for data, status, content_type in (
            (b"<html>Service Unavailable</html>", 503, "text/html"),
            (b"<html>Service Unavailable</html>", 503, None),
            (valid(), 503, "application/json"),
            (b"a=b", 404, None),
        ):
            with self.subTest(data=data, status=status, content_type=content_type):
                parse = functools.partial(
                    parse_token_response, status=status, content_type=content_type
                )
                error = self.assertRejected(data, ANY_FIELD, parser=parse)
                self.assertTrue(str(error).endswith(f" (HTTP {status})"), str(error))
                self.assertEqual(str(error).count("HTTP"), 1)
        for status in (200, 204, 299):
            error = self.assertRejected(
                b"<html/>", None, parser=functools.partial(parse_token_response, status=status)
            )
            self.assertNotIn("HTTP", str(error))

    def test_a_decoded_object_handed_to_a_bytes_parser_points_to_from_dict(self):
        for parse in (
            parse_token_response,
            Token.try_from_bytes,
            Token.try_from_form,
            ErrorParams.try_from_bytes,
        ):
            with self.subTest(parse=parse.__qualname__), self.assertRaises(TypeError) as caught:
                parse({"access_token": "SECRET"})  # type: ignore[arg-type]
            self.assertIn("from_dict", str(caught.exception))
            self.assertNotIn("SECRET", str(caught.exception))

    def test_github_answers_200_with_a_form_error(self):
        with self.assertRaises(AccessTokenError) as caught:
            parse_token_response(
                b"error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired."
                b"&error_uri=%2Fapps%2Fbuilding-oauth-apps",
                status=200,
                content_type="application/x-www-form-urlencoded",
            )
        self.assertEqual(caught.exception.params.error, "bad_verification_code")
        self.assertEqual(caught.exception.params.error_uri, "/apps/building-oauth-apps")

    def test_device_flow_pending_is_retryable(self):
        with self.assertRaises(AccessTokenError) as caught:
            parse_token_response(body(error="authorization_pending"), status=400)
        self.assertTrue(caught.exception.retryable)

    def test_strict_applies_to_both_kinds(self):
        self.assertRejected(
            body(access_token="a"), "token_type", parser=parse_token_response, strict=True
        )
        self.assertRejected(
            body(error={"type": "x"}), "error", parser=parse_token_response, status=400, strict=True
        )

    def test_passes_issued_at_previous_and_max_bytes(self):
        previous = token_at(60, refresh_token="r")
        token = parse_token_response(valid(), issued_at=NOW, previous=previous)
        self.assertEqual((token.issued_at, token.refresh_token), (NOW, Secret("r")))
        self.assertRejected(valid(), None, parser=parse_token_response, max_bytes=10)

    def test_argument_types_are_checked(self):
        with self.assertRaises(TypeError):
            parse_token_response(valid(), status="200")  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            parse_token_response(valid(), status=True)
        with self.assertRaises(TypeError):
            parse_token_response(valid(), content_type=b"application/json")  # type: ignore[arg-type]


class TestKeywordOnlyParameters(unittest.TestCase):
    def test_an_invalid_token_response_takes_its_status_by_keyword(self):
        with self.assertRaises(TypeError):
            InvalidTokenResponse("the body: is empty", None, 503)  # type: ignore[misc]
        self.assertEqual(InvalidTokenResponse("the body: is empty", None, status=503).status, 503)

    def test_options_after_the_body_are_keyword_only(self):
        for function, first in (
            (Token.try_from_bytes, valid()),
            (Token.try_from_form, "access_token=a"),
            (Token.from_dict, {"access_token": "a"}),
            (parse_token_response, valid()),
            (IssueAccessTokenErrorParams.try_from_bytes, body(error="x")),
            (IssueAccessTokenErrorParams.try_from_form, "error=x"),
            (IssueAccessTokenErrorParams.from_dict, {"error": "x"}),
        ):
            with self.subTest(function=function.__qualname__), self.assertRaises(TypeError):
                function(first, 200 if function is parse_token_response else None)  # type: ignore[operator]


class MyToken(Token):
    """A subclass, at module level so that pickle finds it."""


class MyError(ErrorParams):
    """A subclass, at module level so that pickle finds it."""


class TestPublicNames(unittest.TestCase):
    def test_the_parsers_keep_their_names_docstrings_and_signatures(self):
        # help() and IDEs read these through the wrapper that strips tracebacks.
        for parser, name in (
            (Token.try_from_bytes, "IssueAccessTokenSuccessParams.try_from_bytes"),
            (Token.try_from_form, "IssueAccessTokenSuccessParams.try_from_form"),
            (Token.from_dict, "IssueAccessTokenSuccessParams.from_dict"),
            (ErrorParams.try_from_bytes, "IssueAccessTokenErrorParams.try_from_bytes"),
            (ErrorParams.try_from_form, "IssueAccessTokenErrorParams.try_from_form"),
            (ErrorParams.from_dict, "IssueAccessTokenErrorParams.from_dict"),
            (parse_token_response, "parse_token_response"),
        ):
            with self.subTest(name=name):
                self.assertEqual(parser.__qualname__, name)
                self.assertIsNotNone(parser.__doc__)
                self.assertIn("strict", inspect.signature(parser).parameters)

    def test_every_public_annotation_resolves_at_run_time(self):
        import typing

        objects: list[object] = [
            Token,
            ErrorParams,
            Secret,
            InvalidTokenResponse,
            AccessTokenError,
            parse_token_response,
        ]
        for cls in (Token, ErrorParams, Secret, AccessTokenError, InvalidTokenResponse):
            objects += [
                getattr(cls, name)
                for name, member in vars(cls).items()
                if callable(member) or isinstance(member, (classmethod, property))
            ]
        for item in objects:
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
        for made in (
            MyToken.try_from_bytes(valid()),
            MyToken.try_from_form("access_token=a"),
            MyToken.from_dict({"access_token": "a"}),
            MyError.try_from_bytes(body(error="x")),
            MyError.try_from_form("error=x"),
            MyError.from_dict({"error": "x"}),
        ):
            with self.subTest(made=made):
                self.assertIs(type(made), MyToken if isinstance(made, Token) else MyError)
                self.assertIs(type(copy.deepcopy(made)), type(made))
                self.assertIs(type(pickle.loads(pickle.dumps(made))), type(made))

    def test_the_module_docstring_examples_run(self):
        import doctest

        result = doctest.testmod(oauth_token, verbose=False)
        self.assertGreater(result.attempted, 0)
        self.assertEqual(result.failed, 0)

    def test_all_lists_the_contract(self):
        self.assertEqual(
            set(oauth_token.__all__),
            {
                "Secret",
                "IssueAccessTokenSuccessParams",
                "IssueAccessTokenErrorParams",
                "InvalidTokenResponse",
                "AccessTokenError",
                "parse_token_response",
                "REGISTERED_ERROR_CODES",
                "__version__",
            },
        )
        for name in oauth_token.__all__:
            self.assertTrue(hasattr(oauth_token, name), name)

    def test_version_is_a_release_number(self):
        self.assertRegex(oauth_token.__version__, r"^\d+\.\d+\.\d+$")

    @staticmethod
    @functools.cache
    def imported_modules() -> list[str]:
        """Every module oauth_token.py imports, at module level or inside a function."""
        source = Path(oauth_token.__file__).read_text(encoding="utf-8")
        names: list[str] = []
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                names.extend(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                # A relative import (level 1 or more) names no module of its own.
                names.append("." * node.level + (node.module or ""))
        return names

    def test_the_module_imports_only_the_standard_library(self):
        names = self.imported_modules()
        self.assertIn("json", names)  # the walk found the imports
        allowed = sys.stdlib_module_names | {"__future__"}
        for name in names:
            self.assertIn(name.split(".")[0], allowed, name)

    def test_the_module_imports_no_private_module(self):
        for name in self.imported_modules():
            if name != "__future__":
                self.assertFalse(name.startswith("_"), name)
                self.assertNotIn("._", name)

    def test_times_are_the_standard_datetime_classes(self):
        import datetime as standard

        token = Token("a", expires_in=60, issued_at=0)
        self.assertIs(type(token.issued_at), standard.datetime)
        self.assertIs(token.issued_at.tzinfo, standard.timezone.utc)
        self.assertIs(type(token.remaining(now=token.issued_at)), standard.timedelta)
        aware = standard.datetime(2026, 1, 1, tzinfo=standard.timezone.utc)
        self.assertEqual(Token("a", issued_at=aware).issued_at, aware)


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


class TestMainFunction(unittest.TestCase):
    """The command line's main function, oauth_token._main(argv), in this process."""

    def run_main(
        self,
        *argv: str,
        data: bytes | None = None,
        stdin: io.TextIOBase | None = None,
        encoding: str = "utf-8",
        stderr: io.TextIOBase | None = None,
    ) -> tuple[int, str, str]:
        """The exit status, standard output and standard error of _main(argv).

        `data`, when given, is written to a file named as the first argument.
        Standard input is `stdin`, else /dev/null, from which the command reads nothing.
        Standard output and standard error are in `encoding`; standard error is
        `stderr` instead when given (then the third value is "").
        """
        # Text streams over bytes: the command line may write either.
        out, err = (io.TextIOWrapper(io.BytesIO(), encoding=encoding) for _ in range(2))
        with contextlib.ExitStack() as stack:
            args = list(argv)
            if data is not None:
                folder = stack.enter_context(tempfile.TemporaryDirectory())
                path = Path(folder) / "response"
                path.write_bytes(data)
                args.insert(0, str(path))
            if stdin is None:
                stdin = stack.enter_context(open(os.devnull, encoding="utf-8"))
            stack.enter_context(mock.patch("sys.stdin", new=stdin))
            stack.enter_context(contextlib.redirect_stdout(out))
            stack.enter_context(contextlib.redirect_stderr(err if stderr is None else stderr))
            status = oauth_token._main(args)
        out.flush()
        err.flush()
        return status, out.buffer.getvalue().decode(), err.buffer.getvalue().decode()  # type: ignore[attr-defined]

    def run_main_within_a_second(
        self, make_body: Callable[[int], bytes], *argv: str, offset: float
    ) -> tuple[int, str, str]:
        """run_main on make_body(second), "now" being `second + offset` seconds.

        Patching time.time fixes the module's "now"; in case the command line
        reads the clock another way too, a run counts only when the clock stayed
        within that second, after its start: it is tried again otherwise.
        """
        for _ in range(10):
            before = time.time()
            second = int(before)
            with now_is(second + offset):
                result = self.run_main(*argv, data=make_body(second))
            if second < before and int(time.time()) == second:
                return result
        self.fail("the clock never stayed within one second")

    def test_bidirectional_controls_are_escaped_on_standard_error(self):
        raw = json.dumps(
            {"error": "x\u202ey", "error_description": "a\u2066b\u202e", "error_uri": "/\u200f"},
            ensure_ascii=False,
        ).encode()
        for argv in ((), ("--json",)):
            status, out, err = self.run_main(*argv, data=raw)
            self.assertEqual(status, 1)
            for control in ("\u202e", "\u2066", "\u200f"):
                self.assertNotIn(control, err + out)
            self.assertIn("\\u2066", err)

    def test_it_returns_the_exit_status(self):
        status, out, _err = self.run_main()
        self.assertEqual(status, 0)
        self.assertIn("token type:", out)
        status, _out, err = self.run_main(data=b'{"access_token":"main-secret","expires_in":-1}')
        self.assertEqual(status, 1)
        self.assertIn("expires_in", err)
        self.assertNotIn("main-secret", err)

    def test_the_summary_counts_whole_seconds_left(self):
        # Half a second before expires_at: 0 whole seconds left, not expired yet.
        status, out, err = self.run_main_within_a_second(
            lambda second: valid(issued_at=second - 99, expires_in=100), "--json", offset=0.5
        )
        self.assertEqual(status, 0, err)
        summary = json.loads(out)
        self.assertEqual(summary["expires_in"], "0:00:00")

    def test_the_summary_says_expired_from_expires_at_on(self):
        status, out, err = self.run_main_within_a_second(
            lambda second: valid(issued_at=second - 100, expires_in=100), "--json", offset=0
        )
        self.assertEqual(status, 0, err)
        summary = json.loads(out)
        self.assertEqual(summary["expires_in"], "expired")

    def test_durations_read_as_days_hours_minutes_seconds(self):
        for seconds, text in (
            (0, "0:00:00"),
            (59, "0:00:59"),
            (3599, "0:59:59"),
            (86399, "23:59:59"),
            (90061, "1 day, 1:01:01"),
        ):
            with self.subTest(seconds=seconds):
                # expires_at is `seconds` and a half from now
                status, out, err = self.run_main_within_a_second(
                    lambda second, s=seconds: valid(issued_at=second, expires_in=s + 1), offset=0.5
                )
                self.assertEqual(status, 0, err)
                self.assertIn(f"expires in:    {text}\n", out)

    def test_a_form_body_ending_in_a_newline_is_read_as_sent(self):
        # echo and editors end a file with a newline; a server's form body has none.
        for end in (b"\n", b"\r\n"):
            with self.subTest(end=end):
                status, out, err = self.run_main(data=b"access_token=a&token_type=bearer" + end)
                self.assertEqual(status, 0, err)
                self.assertIn("token type:    bearer\n", out)

    def test_strict_parses_to_the_letter_of_the_rfc(self):
        data = json.dumps({"access_token": "a"}).encode()  # no token_type
        self.assertEqual(self.run_main(data=data)[0], 0)
        status, _out, err = self.run_main("--strict", data=data)
        self.assertEqual(status, 1)
        self.assertIn("token_type", err)

    def test_json_output_describes_an_invalid_or_error_response_too(self):
        for data in (
            b'{"access_token":"main-secret","expires_in":-1}',
            b'{"error":"invalid_grant","mfa_token":"main-secret"}',
        ):
            with self.subTest(data=data):
                status, out, _err = self.run_main("--json", data=data)
                self.assertEqual(status, 1)
                self.assertIsInstance(json.loads(out), dict)
                self.assertNotIn("main-secret", out)

    def test_an_error_response_names_no_status_it_was_not_given(self):
        for argv in ((), ("--json",)):
            with self.subTest(argv=argv):
                status, out, err = self.run_main(
                    *argv, data=b'{"error":"invalid_grant","error_description":"Code expired"}'
                )
                self.assertEqual(status, 1)
                self.assertIn("invalid_grant: Code expired", err)
                self.assertNotIn("HTTP", err + out)
                self.assertNotIn("200", err + out)

    def test_an_empty_body_is_said_to_be_empty(self):
        for data in (b"", b" \r\n"):
            for argv in ((), ("--json",)):
                with self.subTest(data=data, argv=argv):
                    status, out, err = self.run_main(*argv, data=data)
                    self.assertEqual(status, 1)
                    self.assertEqual(len(err.splitlines()), 1)
                    self.assertIn("the body: is empty", err)
                    self.assertNotIn("JSON", err)
                    if argv:
                        self.assertIsInstance(json.loads(out), dict)
                        self.assertIn("is empty", out)

    def test_a_json_file_with_a_byte_order_mark_shows_no_secret(self):
        # Read as a form, its "member names" would be the secret itself.
        for tail, expected in ((b"}", 0), (b',"expires_in":-1}', 1)):
            data = b'\xef\xbb\xbf{"access_token":"tok_SECRET==","note":"100%"' + tail
            for argv in ((), ("--json",)):
                with self.subTest(data=data, argv=argv):
                    status, out, err = self.run_main(*argv, data=data)
                    self.assertEqual(status, expected, err)
                    self.assertNotIn("SECRET", out + err)
                    self.assertIn("expires_in" if expected else "note", out + err)

    def test_a_file_one_byte_over_max_bytes_is_refused_whole(self):
        # Valid JSON up to max_bytes: cut short there, it would parse.
        token = b'{"access_token":"a","token_type":"Bearer"}'
        data = token + b" " * ((1 << 20) + 1 - len(token))
        status, out, err = self.run_main(data=data)
        self.assertEqual(status, 1, out)
        self.assertIn("is larger than max_bytes", err)

    def test_standard_input_without_a_file_descriptor_gives_the_builtin_example(self):
        # As under a test runner or a notebook that replaces sys.stdin.
        status, out, err = self.run_main(stdin=io.StringIO('{"access_token":"piped"}'))
        self.assertEqual(status, 0, err)
        self.assertIn("token type:", out)
        self.assertNotIn("piped", out)

    def test_standard_input_with_a_descriptor_that_is_not_open_gives_the_builtin_example(self):
        class NotOpen(io.StringIO):
            def fileno(self) -> int:
                return 1 << 20  # no process here has that many files open: EBADF

        status, out, err = self.run_main(stdin=NotOpen('{"access_token":"piped"}'))
        self.assertEqual(status, 0, err)
        self.assertIn("token type:", out)

    def test_ctrl_c_while_reading_exits_with_130_and_no_traceback(self):
        class Interrupted(io.RawIOBase):
            def readable(self) -> bool:
                return True

            def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
                raise KeyboardInterrupt

        stdin = io.TextIOWrapper(io.BufferedReader(Interrupted()), encoding="utf-8")
        status, out, err = self.run_main("-", stdin=stdin)  # type: ignore[arg-type]
        self.assertEqual((status, out, err), (130, "", ""))

    def test_a_terminal_that_cannot_show_a_character_gets_an_escape(self):
        # As with LANG=C: standard output in ASCII, a token type in Latin-1.
        data = b'{"access_token":"a","token_type":"Jeton porteur \xc3\xa9"}'
        status, out, err = self.run_main(data=data, encoding="ascii")
        self.assertEqual(status, 0, err)
        self.assertIn("Jeton porteur \\xe9", out)

    def test_a_file_that_cannot_be_read_is_named_in_a_usage_error(self):
        with tempfile.TemporaryDirectory() as folder:
            missing = str(Path(folder) / "missing.json")
            status, out, err = self.run_main(missing)
        self.assertEqual((status, out), (2, ""))
        self.assertEqual(err, f"oauth_token: unreadable: {missing}: No such file or directory\n")

    def test_a_full_standard_error_still_lets_the_json_answer_out(self):
        class Full(io.RawIOBase):
            def writable(self) -> bool:
                return True

            def write(self, data: object) -> int:  # type: ignore[override]
                raise OSError(errno.ENOSPC, "No space left on device")

        stderr = io.TextIOWrapper(Full(), encoding="utf-8", write_through=True)

        def close() -> None:
            with contextlib.suppress(OSError):
                stderr.close()

        self.addCleanup(close)
        status, out, _err = self.run_main(
            "--json", data=b'{"access_token":"\\u0001"}', stderr=stderr
        )
        self.assertEqual(status, 1)
        self.assertEqual(json.loads(out)["result"], "invalid response")

    def test_an_endless_input_is_refused_after_max_bytes(self):
        # The command reads at most max_bytes + 1 bytes: as from /dev/zero.
        class Endless(io.RawIOBase):
            served = 0

            def readable(self) -> bool:
                return True

            def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
                if self.served > 8 << 20:
                    raise AssertionError("read 8 MiB of an endless input")
                buffer[:] = b" " * len(buffer)
                self.served += len(buffer)
                return len(buffer)

        endless = Endless()
        stdin = io.TextIOWrapper(io.BufferedReader(endless), encoding="utf-8")
        status, _out, err = self.run_main("-", stdin=stdin)  # type: ignore[arg-type]
        self.assertEqual(status, 1)
        self.assertIn("max_bytes", err)
        self.assertLess(endless.served, 2 << 20)

    def test_the_summary_shows_only_extra_keys_that_look_like_names(self):
        members = {"access_token": "a", "k" * 65: 1, "j" * 64: 2, "a b": 3, "x.y-z_1": 4}
        status, out, err = self.run_main("--json", data=json.dumps(members).encode())
        self.assertEqual(status, 0, err)
        self.assertEqual(
            json.loads(out)["extra_keys"],
            ", ".join(["(name not shown)", "j" * 64, "(name not shown)", "x.y-z_1"]),
        )

    def test_a_body_whose_brackets_are_all_inside_strings_fails_with_one_line(self):
        for data in BRACKETS_IN_STRINGS_ONLY:
            for argv in ((), ("--json",)):
                with self.subTest(data=data[:12], argv=argv):
                    status, out, err = self.run_main(*argv, data=data)
                    self.assertEqual(status, 1)
                    self.assertEqual(len(err.splitlines()), 1, err)
                    self.assertIn("invalid response", err)
                    self.assertNotIn("SECRET", out + err)
                    if argv:
                        self.assertEqual(json.loads(out)["result"], "invalid response")
                    else:
                        self.assertEqual(out, "")

    def test_a_json_body_read_as_a_form_shows_no_secret_in_its_keys(self):
        # Not starting with "{", it is read as a form: its "names" are body text.
        prefix = b')]}\'\n{"refresh_token":"SEKRET","x":"a=b&'
        for data, expected in ((prefix + b'access_token=c"}', 0), (prefix + b'error=c"}', 1)):
            for flags in ((), ("--json",)):
                with self.subTest(data=data, flags=flags):
                    status, out, err = self.run_main(*flags, data=data)
                    self.assertEqual(status, expected, err)
                    self.assertNotIn("SEKRET", out + err)
                    if flags and not expected:
                        self.assertEqual(json.loads(out)["extra_keys"], "(name not shown)")
                    elif not expected:
                        self.assertIn("extra keys:    (name not shown)\n", out)


@slow
@needs_processes
class TestCommandLine(unittest.TestCase):
    """python -m oauth_token, in a child process."""

    def run_cli(
        self,
        *args: str,
        stdin: bytes | io.BufferedReader | None = None,
        cwd: Path | str = HERE,
        command: tuple[str, ...] = ("-m", "oauth_token"),
    ) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(HERE)}
        if isinstance(stdin, bytes):
            given: dict[str, object] = {"input": stdin.decode()}
        else:  # a file, or /dev/null
            given = {"stdin": subprocess.DEVNULL if stdin is None else stdin}
        return subprocess.run(
            [sys.executable, *command, *args],
            **given,  # type: ignore[call-overload]
            capture_output=True,
            text=True,
            env=env,
            cwd=cwd,
            check=False,
            timeout=60,
        )

    def assertFailsWithOneCleanLine(
        self, result: subprocess.CompletedProcess[str], secret: str
    ) -> None:
        """Exit status 1, one line on stderr, no traceback, and the secret nowhere."""
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(result.stderr.strip().splitlines()), 1)
        self.assertNotIn("Traceback", result.stderr)
        self.assertNotIn(secret, result.stderr + result.stdout)

    def test_without_argument_it_summarises_the_builtin_example(self):
        result = self.run_cli()
        self.assertEqual(result.returncode, 0, result.stderr)
        for label in (
            "token type:",
            "issued at:",
            "expires at:",
            "refresh token:",
            "scopes:",
            "extra keys:",
        ):
            self.assertIn(label, result.stdout)
        self.assertIn("present", result.stdout)
        self.assertIn("example_parameter", result.stdout)
        self.assertNotIn("2YotnFZFEjr1zCsicMWpAA", result.stdout)
        self.assertNotIn("tGzv3JOkF0XG5Qx2TlKWIA", result.stdout)

    def test_reads_a_file_and_prints_json(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "token.json"
            path.write_bytes(
                valid(
                    access_token="file-secret", expires_in=3600, scope="a b", id_token="id-secret"
                )
            )
            result = self.run_cli(str(path), "--json")
        self.assertEqual(result.returncode, 0, result.stderr)
        summary = json.loads(result.stdout)
        self.assertEqual(summary["scopes"], "a b")
        self.assertEqual(summary["extra_keys"], "id_token")
        self.assertRegex(summary["expires_in"], r"^0:59:5\d$")
        self.assertEqual(summary["refresh_token"], "absent")
        self.assertNotIn("secret", result.stdout)

    def test_reads_standard_input_and_forms(self):
        result = self.run_cli("-", stdin=b"access_token=form-secret&token_type=bearer&expires_in=0")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("expired", result.stdout)
        self.assertNotIn("form-secret", result.stdout)

    def test_without_argument_it_reads_a_piped_standard_input(self):
        result = self.run_cli(stdin=b'{"access_token":"cli-secret","expires_in":-1}')
        self.assertFailsWithOneCleanLine(result, "cli-secret")

    def test_without_argument_an_empty_pipe_is_an_empty_body(self):
        result = self.run_cli(stdin=b"")
        self.assertEqual(result.returncode, 1)
        self.assertEqual(len(result.stderr.splitlines()), 1)
        self.assertIn("is empty", result.stderr)
        self.assertEqual(result.stdout, "")

    def test_without_argument_it_reads_a_redirected_file(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "token.json"
            path.write_bytes(valid(access_token="file-secret", scope="from-the-file"))
            with path.open("rb") as stream:
                result = self.run_cli(stdin=stream)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("from-the-file", result.stdout)
        self.assertNotIn("file-secret", result.stdout)

    def test_without_argument_a_closed_standard_input_gives_the_builtin_example(self):
        # As `python -m oauth_token <&-` starts it: no file descriptor 0 at all.
        close_and_run = (
            "import os, sys; os.close(0);"
            " os.execv(sys.executable, [sys.executable, '-m', 'oauth_token'])"
        )
        result = self.run_cli(command=("-c", close_and_run))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("example_parameter", result.stdout)

    def test_a_closed_pipe_downstream_shows_no_traceback(self):
        env = {**os.environ, "PYTHONPATH": str(HERE)}
        for argv in ((), ("--json",)):
            read, write = os.pipe()
            os.close(read)  # as `python -m oauth_token | head -c 0` leaves it
            try:
                result = subprocess.run(
                    [sys.executable, "-m", "oauth_token", *argv],
                    stdin=subprocess.DEVNULL,
                    stdout=write,
                    stderr=subprocess.PIPE,
                    text=True,
                    env=env,
                    cwd=HERE,
                    check=False,
                    timeout=60,
                )
            finally:
                os.close(write)
            with self.subTest(argv=argv):
                self.assertNotIn("Traceback", result.stderr)
                self.assertLessEqual(len(result.stderr.strip().splitlines()), 1)

    def test_hostile_bodies_never_break_the_output_nor_show_a_secret(self):
        secret = "cli-PLANTED-secret"
        cases = list(self.hostile_bodies(secret))
        self.assertGreater(len(cases), 60)
        env = {**os.environ, "PYTHONPATH": str(HERE)}
        # Started a few at a time, as most of a run is the interpreter starting.
        for first in range(0, len(cases), 8):
            batch = cases[first : first + 8]
            children = [
                subprocess.Popen(
                    [sys.executable, "-m", "oauth_token", "-", *argv],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    env=env,
                    cwd=HERE,
                )
                for _label, argv, _raw, _expected in batch
            ]
            for child, (label, argv, raw, expected) in zip(children, batch, strict=True):
                out, err = child.communicate(raw, timeout=60)
                with self.subTest(label, argv=argv):
                    self.assertCleanOutput(child.returncode, out, err, argv, expected, secret)

    def assertCleanOutput(
        self, status: int, out: bytes, err: bytes, argv: tuple[str, ...], expected: int, secret: str
    ) -> None:
        """The contract's exit status, UTF-8 output, no traceback, no secret and no
        raw control character; for a failure, one line on stderr."""
        self.assertEqual(status, expected, err)
        self.assertNotIn(b"Traceback", err)
        self.assertNotIn(secret.encode(), out + err)
        try:
            out_text, err_text = out.decode("utf-8"), err.decode("utf-8")
        except UnicodeDecodeError as error:
            self.fail(f"the output is not UTF-8: {error}")
        raw_control = "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]"  # a line feed ends a line
        self.assertIsNone(re.search(raw_control, out_text + err_text), out_text + err_text)
        if expected:
            self.assertEqual(len(err_text.splitlines()), 1, err_text)
        else:
            self.assertEqual(err_text, "")
        if argv:
            self.assertIsInstance(json.loads(out_text), dict)
        elif expected:
            self.assertEqual(out_text, "")

    @staticmethod
    def hostile_bodies(secret: str) -> Iterator[tuple[str, tuple[str, ...], bytes, int]]:
        """(label, options, body, exit status the contract gives), for bodies with
        lone surrogates, C0 and C1 controls and line separators in every position,
        and secrets beside them, in JSON and in forms."""
        from urllib.parse import quote

        def form(members: dict[str, str]) -> bytes:
            return "&".join(
                quote(name.encode("utf-8", "surrogatepass"))
                + "="
                + quote(value.encode("utf-8", "surrogatepass"))
                for name, value in members.items()
            ).encode()

        secrets = {"access_token": secret, "refresh_token": secret, "id_token": secret}
        for kind, text in (
            ("lone surrogates", "\ud800-\udcff"),
            ("controls and separators", "\x00\x1b[2J\r\n\x7f\x85\x9b\u2028\u2029"),
        ):
            json_members: dict[str, dict[str, object]] = {
                "member names": {**secrets, f"x{text}": 1, "o": {f"k{text}": f"v{text}"}},
                "token_type": {**secrets, "token_type": f"mac{text}"},
                "scope": {**secrets, "scope": f"read{text}"},
                "expires_in": {**secrets, "expires_in": text},
                "access_token": {**secrets, "access_token": secret + text},
                "refresh_token": {**secrets, "refresh_token": secret + text},
                "extra values": {
                    **secrets,
                    "id_token": text + secret,
                    "x_token": [secret + text],
                    "note": secret + text,
                },
                "error": {"error": f"invalid{text}", "mfa_token": secret},
                "error_description": {
                    "error": "invalid_grant",
                    "error_description": f"bad{text}",
                    "mfa_token": secret,
                },
                "error_uri": {"error": "x", "error_uri": f"/e{text}", "mfa_token": secret + text},
                "error member names": {"error": "x", f"k{text}": 1, "mfa_token": secret},
                "error object": {
                    "error": {"type": f"T{text}", "message": f"m{text}", "session_token": secret},
                },
            }
            form_members: dict[str, dict[str, str]] = {
                "member names": {**secrets, f"x{text}": "1"},
                "token_type": {**secrets, "token_type": f"mac{text}"},
                "access_token": {**secrets, "access_token": secret + text},
                "error": {
                    "error": f"invalid{text}",
                    "error_description": f"bad{text}",
                    "error_uri": f"/e{text}",
                    "mfa_token": secret,
                },
            }
            duplicate = json.dumps(f"d{text}").encode() + b":1,"
            bodies = [
                *(
                    (f"JSON {where}", json.dumps(m).encode(), None)
                    for where, m in json_members.items()
                ),
                *((f"form {where}", form(m), "text/plain") for where, m in form_members.items()),
                (
                    "JSON duplicate member",
                    b'{"access_token":"a",' + 2 * duplicate + b'"z":1}',
                    None,
                ),
                (  # a JSON body read as a form: its member names hold the secret
                    "JSON read as a form",
                    b'x{"access_token":"'
                    + (secret + text).encode("utf-8", "surrogatepass")
                    + b'=","note":"100%"}',
                    "text/plain",
                ),
            ]
            for where, raw, content_type in bodies:
                try:
                    parse_token_response(raw, content_type=content_type)
                except (InvalidTokenResponse, AccessTokenError):
                    expected = 1
                else:
                    expected = 0
                for argv in ((), ("--json",)):
                    yield f"{where}, {kind}", argv, raw, expected

    def test_an_invalid_response_exits_1_with_one_line_and_no_secret(self):
        result = self.run_cli("-", stdin=b'{"access_token":"cli-secret","expires_in":-1}')
        self.assertFailsWithOneCleanLine(result, "cli-secret")
        self.assertIn("expires_in", result.stderr)

    def test_an_error_response_exits_1_with_an_escaped_line(self):
        result = self.run_cli(
            "-",
            stdin=b'{"error":"invalid_grant","error_description":"a\\nforged","mfa_token":"cli-secret"}',
        )
        self.assertFailsWithOneCleanLine(result, "cli-secret")
        self.assertIn("invalid_grant", result.stderr)

    def test_a_file_named_like_an_option_character_is_read_as_a_file(self):
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "+token.json").write_bytes(valid(scope="from-the-file"))
            result = self.run_cli("+token.json", cwd=folder)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("from-the-file", result.stdout)

    def test_a_missing_file_is_a_usage_error(self):
        result = self.run_cli("/nonexistent/token.json")
        self.assertEqual(result.returncode, 2)
        self.assertIn("No such file or directory", result.stderr)
        self.assertNotIn("Traceback", result.stderr)

    def test_a_bad_option_is_a_usage_error(self):
        self.assertEqual(self.run_cli("--bogus").returncode, 2)

    def test_help_explains_it(self):
        result = self.run_cli("--help")
        self.assertEqual(result.returncode, 0)
        self.assertIn("--json", result.stdout)
        self.assertIn("exit 0: a token, 1: none", result.stdout)

    def test_hostile_extra_keys_are_not_shown(self):
        result = self.run_cli("-", stdin=b'{"access_token":"a","\\u001b[2Jevil\\nline":1}')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("\x1b", result.stdout)
        self.assertNotIn("evil", result.stdout)
        self.assertIn("(name not shown)", result.stdout)

    def test_a_json_body_holding_an_equals_sign_is_read_as_json(self):
        result = self.run_cli("-", stdin=b'{"access_token":"a","note":"x=y"}')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("note", result.stdout)

    def test_json_output_is_indented_by_two_spaces(self):
        self.assertIn('\n  "token_type": "example"', self.run_cli("--json").stdout)


@slow
@needs_processes
@unittest.skipUnless(os.path.exists("/bin/sh"), "no POSIX shell for the redirections")
class TestCommandLineStreams(unittest.TestCase):
    """python -m oauth_token with its standard streams closed, full or unreadable,
    as a shell's redirections leave them: never a traceback, the contract's status."""

    def setUp(self) -> None:
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.folder = Path(folder.name)
        self.valid = self.folder / "valid.json"
        self.valid.write_bytes(valid(access_token="cli-secret", expires_in=3600))
        self.invalid = self.folder / "invalid.json"
        self.invalid.write_bytes(body(access_token="cli-secret", expires_in=-1))
        self.error = self.folder / "error.json"
        self.error.write_bytes(body(error="invalid_grant", mfa_token="cli-secret"))

    def run_redirected(
        self, redirections: str, *args: str, stdin: bytes | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        """The command with `args`, its streams redirected by the shell's `redirections`."""
        script = f'exec "$0" -m oauth_token "$@" {redirections}'
        return subprocess.run(
            ["/bin/sh", "-c", script, sys.executable, *args],
            input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL,
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(HERE)},
            cwd=HERE,
            check=False,
            timeout=60,
        )

    def assertExits(
        self, result: subprocess.CompletedProcess[bytes], status: int, *, lines: int
    ) -> None:
        """Exit `status`, `lines` lines on stderr, no traceback, no secret."""
        self.assertEqual(result.returncode, status, result.stderr)
        self.assertNotIn(b"Traceback", result.stderr)
        self.assertEqual(len(result.stderr.splitlines()), lines, result.stderr)
        self.assertNotIn(b"cli-secret", (result.stdout or b"") + result.stderr)

    def test_a_closed_or_full_standard_output(self):
        redirections = [">&-"]
        if os.path.exists("/dev/full"):
            redirections.append(">/dev/full")  # every write fails: no space left
        for redirection in redirections:
            for args, status in (
                ((), 0),  # the built-in example
                ((str(self.valid),), 0),
                ((str(self.invalid),), 1),
                ((str(self.error),), 1),
            ):
                for flags in ((), ("--json",)):
                    with self.subTest(redirection, args=args, flags=flags):
                        result = self.run_redirected(redirection, *args, *flags)
                        self.assertExits(result, status, lines=status)

    def test_dash_with_a_closed_standard_input_reads_an_empty_body(self):
        result = self.run_redirected("<&-", "-")
        self.assertExits(result, 1, lines=1)
        self.assertIn(b"is empty", result.stderr)
        self.assertEqual(result.stdout, b"")
        result = self.run_redirected("<&-", "-", "--json")
        self.assertExits(result, 1, lines=1)
        self.assertEqual(
            json.loads(result.stdout)["message"], "the body: is empty"
        )

    def test_a_write_only_standard_input_is_a_usage_error(self):
        # As `python -m oauth_token 0>file` starts it: a regular file that cannot be read.
        target = self.folder / "write-only"
        for args in ((), ("-",)):
            with self.subTest(args=args):
                result = self.run_redirected(f"0>'{target}'", *args)
                self.assertExits(result, 2, lines=1)
                self.assertIn(b"unreadable: standard input: ", result.stderr)
                self.assertEqual(result.stdout, b"")

    def test_a_closed_standard_error_keeps_standard_output_clean(self):
        # print(file=sys.stderr) writes to standard output when sys.stderr is None.
        for path, status in (
            (self.invalid, 1),
            (self.error, 1),
            (self.folder / "missing.json", 2),
        ):
            with self.subTest(path=path.name):
                result = self.run_redirected("2>&-", str(path), "--json")
                self.assertEqual(result.returncode, status)
                self.assertIsInstance(json.loads(result.stdout), dict)  # that object alone
                self.assertNotIn(b"cli-secret", result.stdout)
                result = self.run_redirected("2>&-", str(path))
                self.assertEqual(result.returncode, status)
                self.assertEqual(result.stdout, b"")

    def test_a_reader_gone_away_leaves_the_status_of_the_response(self):
        # As `python -m oauth_token | head -c 0` leaves it: the token was still valid.
        for path, status in ((self.valid, 0), (self.invalid, 1)):
            for flags in ((), ("--json",)):
                read, write = os.pipe()
                os.close(read)
                try:
                    result = subprocess.run(
                        [sys.executable, "-m", "oauth_token", str(path), *flags],
                        stdin=subprocess.DEVNULL,
                        stdout=write,
                        stderr=subprocess.PIPE,
                        env={**os.environ, "PYTHONPATH": str(HERE)},
                        cwd=HERE,
                        check=False,
                        timeout=60,
                    )
                finally:
                    os.close(write)
                with self.subTest(path=path.name, flags=flags):
                    self.assertExits(result, status, lines=status)


# ---------------------------------------------------------------------------
# A seeded mutation fuzz: only the contract's exceptions, never a leak
# ---------------------------------------------------------------------------

FUZZ_CASES = int(os.environ.get("OAUTH_TOKEN_FUZZ_CASES", "20000"))
PLANTED = "PLANTEDsecretQ9"
INTERESTING = [
    b"",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\\",
    b'"',
    b"{",
    b"}",
    b"[",
    b"]",
    b":",
    b",",
    b"NaN",
    b"-",
    b"1e999",
    b"true",
    b"null",
    b"9" * 30,
    b"\\ud800",
    b"\\u0000",
    b"%",
    b"%zz",
    b"&",
    b"=",
    b"+",
    b'"error":"x",',
    b'"expires_in":"12",',
    b'"scope":["a"],',
    b'"issued_at":1e300,',
    b"\r\n",
    b" ",
]


def fuzz_seeds() -> list[bytes]:
    seeds = [RFC_5_1, RFC_4_4_3, RFC_5_2, *(raw for _url, raw, _ct, _exp in PROVIDERS.values())]
    seeds.append(
        b'{"error": {"message": "m", "type": "OAuthException", "code": 190, "fbtrace_id": "H2il"}}'
    )
    seeds.append(b'{"message": "Unauthorized", "error": 401}')
    seeds.append(
        body(error="mfa_required", error_description="MFA", mfa_token=PLANTED, error_uri="/e")
    )
    seeds.append(
        valid(
            access_token=PLANTED,
            refresh_token=PLANTED,
            id_token=PLANTED,
            expires_in=60,
            scope="a b",
        )
    )
    seeds.append(f"access_token={PLANTED}&refresh_token={PLANTED}&expires_in=60&scope=a+b".encode())
    return seeds


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
    def test_mutated_bodies_raise_only_the_contract_exceptions_and_never_leak(self):
        rng = random.Random(6749)
        seeds = fuzz_seeds()
        outcomes = {"token": 0, "invalid": 0, "error": 0}
        for case in range(FUZZ_CASES):
            data = mutate(rng, rng.choice(seeds))
            content_type = "application/x-www-form-urlencoded" if case % 4 == 0 else None
            strict = case % 3 == 0
            # A mutation can move the planted secret into a member name or a public
            # field (token_type, scope, an error code), which are shown on purpose.
            try:
                token = parse_token_response(
                    data, status=200 if case % 5 else 400, content_type=content_type, strict=strict
                )
            except InvalidTokenResponse as error:
                outcomes["invalid"] += 1
                if PLANTED not in (error.field or ""):
                    self.assertNoLeak(error, PLANTED)
            except AccessTokenError as error:
                outcomes["error"] += 1
                params = error.params
                if PLANTED not in "".join(
                    [
                        params.error,
                        params.error_description or "",
                        params.error_uri or "",
                        *params.extra,
                    ]
                ):
                    self.assertNoLeak(error, PLANTED)
                    self.assertNotIn(PLANTED, repr(params))
            else:
                outcomes["token"] += 1
                if PLANTED not in "".join([token.token_type, token.scope or "", *token.extra]):
                    self.assertNotIn(PLANTED, repr(token))
                if (
                    token.issued_at <= datetime.now(UTC)
                    and not {"issued_at", "expires_at"} & token.extra.keys()
                ):
                    self.assertEqual(Token.try_from_bytes(token.to_json()), token)
            # The token parser alone must also raise nothing but InvalidTokenResponse.
            with contextlib.suppress(InvalidTokenResponse):
                Token.try_from_bytes(data, strict=strict)
        self.assertEqual(sum(outcomes.values()), FUZZ_CASES)
        self.assertGreater(outcomes["token"], FUZZ_CASES // 20)
        self.assertGreater(outcomes["invalid"], FUZZ_CASES // 4)


# ---------------------------------------------------------------------------
# Property tests (hypothesis; skipped when it is not installed)
# ---------------------------------------------------------------------------

try:
    from hypothesis import given, settings
    from hypothesis import strategies as st
except ImportError:
    st = None

if st is not None:
    VSCHAR = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
    NQCHAR = st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters='"\\')
    TYPE_NAME = st.text(st.sampled_from("abcXYZ019-._"), min_size=1, max_size=12)
    SCOPE = st.lists(st.text(NQCHAR, min_size=1, max_size=10), min_size=1, max_size=5).map(" ".join)
    SECONDS = st.integers(0, 2**63 - 1) | st.integers(0, 10**6)
    PAST = st.integers(-(10**10), NOW_SECONDS)
    JSON_LEAF = (
        st.none()
        | st.booleans()
        | st.integers(-(10**18), 10**18)
        | st.text(max_size=20)
        | st.floats(allow_nan=False, allow_infinity=False)
    )
    JSON_VALUE = st.recursive(
        JSON_LEAF,
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
        ),
        max_leaves=8,
    )
    RESERVED = {
        "access_token",
        "token_type",
        "expires_in",
        "refresh_token",
        "scope",
        "issued_at",
        "expires_at",
        "error",
    }
    EXTRA = st.dictionaries(
        st.text(min_size=1, max_size=12).filter(lambda k: k not in RESERVED), JSON_VALUE, max_size=4
    )

    @st.composite
    def token_members(draw: st.DrawFn, strict_only: bool = False) -> dict[str, object]:
        members: dict[str, object] = {
            "access_token": draw(st.text(VSCHAR, min_size=1, max_size=40))
        }
        members["token_type"] = draw(TYPE_NAME)
        for name, strategy in (
            ("expires_in", SECONDS),
            ("refresh_token", st.text(VSCHAR, min_size=1, max_size=40)),
            ("scope", SCOPE),
        ):
            if draw(st.booleans()):
                members[name] = draw(strategy)
        return members

    @st.composite
    def tokens(draw: st.DrawFn) -> Token:
        members = {**draw(token_members()), **draw(EXTRA)}
        return Token.from_dict(members, issued_at=draw(PAST))

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
            form = "&".join(f"{_quote(k)}={_quote(v)}" for k, v in strings.items())
            self.assertEqual(
                Token.try_from_form(form, issued_at=start),
                Token.try_from_bytes(json.dumps(strings), issued_at=start),
            )

        @settings(max_examples=300, deadline=None)
        @given(tokens(), st.integers(-(10**6), 10**7))
        def test_sync_never_lengthens_and_is_idempotent(self, token: Token, offset: int) -> None:
            now = token.issued_at + timedelta(seconds=offset, microseconds=offset % 1000)
            before = token.expires_at
            token.sync_expires_in(now=now)
            once = (token.expires_in, token.issued_at)
            after = token.expires_at
            if before is not None and after is not None:
                if before > now.replace(
                    microsecond=0
                ):  # alive: expires_at stays (datetime.max to the second)
                    self.assertLessEqual(after, before)
                    self.assertLess(before - after, timedelta(seconds=1))
                else:  # passed: it stays expired
                    self.assertEqual(token.expires_in, 0)
            token.sync_expires_in(now=now)
            self.assertEqual((token.expires_in, token.issued_at), once)

        @settings(max_examples=300, deadline=None)
        @given(
            tokens(),
            st.lists(st.integers(-(10**6), 10**8), min_size=2, max_size=6),
            st.floats(0, 10**6, allow_nan=False),
        )
        def test_is_expired_is_monotonic_in_now(
            self, token: Token, offsets: list[int], leeway: float
        ) -> None:
            states = [
                token.is_expired(leeway=leeway, now=token.issued_at + timedelta(seconds=o))
                for o in sorted(offsets)
            ]
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

        @settings(max_examples=500, deadline=None)
        @given(st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
        def test_arbitrary_bytes_raise_only_the_contract_exceptions(self, data: bytes) -> None:
            for content_type in (None, "application/x-www-form-urlencoded"):
                with contextlib.suppress(InvalidTokenResponse, AccessTokenError):
                    parse_token_response(data, content_type=content_type)

    def _quote(text: str) -> str:
        from urllib.parse import quote

        return quote(text, safe="")

else:

    class TestProperties(unittest.TestCase):  # type: ignore[no-redef]
        def test_properties(self) -> None:
            """Placeholder: the property tests need hypothesis."""
            self.skipTest("hypothesis is not installed (CI's tool environment has it)")


# ---------------------------------------------------------------------------
# End to end: a real RFC 6749 token endpoint (oauthlib's) on 127.0.0.1
# ---------------------------------------------------------------------------

try:
    from oauthlib import oauth2 as oauthlib_oauth2
except ImportError:
    oauthlib_oauth2 = None


def _oauthlib_server() -> tuple[object, dict[str, object]]:
    """oauthlib's all-in-one Server with an in-memory validator, and its store."""
    import base64
    import hashlib

    from oauthlib.oauth2 import RequestValidator, Server

    store: dict[str, object] = {"codes": {}, "refresh": {}, "rotate": True}
    clients = {"confidential": "s3cret-client", "public": None}

    class Client:
        def __init__(self, client_id: str) -> None:
            self.client_id = client_id

    class Validator(RequestValidator):
        def client_authentication_required(self, request, *args, **kwargs):
            return request.client_id != "public"

        def authenticate_client(self, request, *args, **kwargs):
            client_id, secret = request.client_id, request.client_secret
            auth = request.headers.get("Authorization", "")
            if auth.startswith("Basic "):
                client_id, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
            if client_id in clients and clients[client_id] == secret:
                request.client = Client(client_id)
                request.client_id = client_id
                return True
            return False

        def authenticate_client_id(self, client_id, request, *args, **kwargs):
            if clients.get(client_id, "") is None:
                request.client = Client(client_id)
                return True
            return False

        def validate_grant_type(self, client_id, grant_type, client, request, *args, **kwargs):
            return True

        def validate_code(self, client_id, code, client, request, *args, **kwargs):
            grant = store["codes"].get(code)  # type: ignore[attr-defined]
            if grant is None or grant["client_id"] != client_id:
                return False
            request.scopes = grant["scopes"]
            request.user = "alice"
            return True

        def confirm_redirect_uri(
            self, client_id, code, redirect_uri, client, request, *args, **kwargs
        ):
            return redirect_uri == "https://client.example/cb"

        def get_code_challenge(self, code, request):
            grant = store["codes"].get(code)  # type: ignore[attr-defined]
            return grant and grant["challenge"]

        def get_code_challenge_method(self, code, request):
            return "S256"

        def invalidate_authorization_code(self, client_id, code, request, *args, **kwargs):
            store["codes"].pop(code, None)  # type: ignore[attr-defined]

        def save_bearer_token(self, token, request, *args, **kwargs):
            if "refresh_token" in token:
                store["refresh"][token["refresh_token"]] = request.scopes  # type: ignore[index]

        def get_default_scopes(self, client_id, request, *args, **kwargs):
            return ["read"]

        def validate_scopes(self, client_id, scopes, client, request, *args, **kwargs):
            return set(scopes) <= {"read", "write"}

        def validate_refresh_token(self, refresh_token, client, request, *args, **kwargs):
            return refresh_token in store["refresh"]  # type: ignore[operator]

        def get_original_scopes(self, refresh_token, request, *args, **kwargs):
            return store["refresh"][refresh_token]  # type: ignore[index]

        def rotate_refresh_token(self, request):
            return store["rotate"]

    def authorize(client_id: str, verifier: str, scopes: list[str]) -> str:
        challenge = (
            base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
            .rstrip(b"=")
            .decode()
        )
        code = f"code-{len(store['codes'])}-{random.random()}"  # type: ignore[arg-type]
        store["codes"][code] = {"client_id": client_id, "challenge": challenge, "scopes": scopes}  # type: ignore[index]
        return code

    store["authorize"] = authorize
    return Server(Validator()), store


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
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                pass

        cls.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=cls.http.serve_forever, daemon=True).start()
        cls.url = f"http://127.0.0.1:{cls.http.server_port}/token"

    @classmethod
    def tearDownClass(cls) -> None:
        if oauthlib_oauth2 is None:
            return
        cls.http.shutdown()
        cls.http.server_close()

    def post(
        self,
        form: dict[str, str],
        auth: tuple[str, str] | None = ("confidential", "s3cret-client"),
        previous: Token | None = None,
    ) -> Token:
        import base64
        import urllib.error
        import urllib.parse
        import urllib.request

        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if auth is not None:
            headers["Authorization"] = "Basic " + base64.b64encode(":".join(auth).encode()).decode()
        request = urllib.request.Request(
            self.url, data=urllib.parse.urlencode(form).encode(), headers=headers
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                status, content_type, raw = (
                    response.status,
                    response.headers["Content-Type"],
                    response.read(),
                )
        except urllib.error.HTTPError as error:
            status, content_type, raw = error.code, error.headers["Content-Type"], error.read()
            error.close()
        return parse_token_response(
            raw, status=status, content_type=content_type, previous=previous, strict=True
        )

    def code_grant(
        self,
        verifier: str = "v" * 50,
        scopes: tuple[str, ...] = ("read", "write"),
        client: str = "confidential",
    ) -> dict[str, str]:
        code = self.store["authorize"](client, verifier, list(scopes))  # type: ignore[operator]
        return {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": "https://client.example/cb",
            "code_verifier": verifier,
        }

    def test_authorization_code_with_pkce(self):
        token = self.post(self.code_grant())
        self.assertTrue(token.is_bearer)
        self.assertEqual(token.expires_in, 3600)
        self.assertEqual(token.scopes, ("read", "write"))
        self.assertIsNotNone(token.refresh_token)

    def test_authorization_code_for_a_public_client(self):
        form = {**self.code_grant(client="public"), "client_id": "public"}
        self.assertEqual(self.post(form, auth=None).scopes, ("read", "write"))

    def test_a_wrong_pkce_verifier_is_invalid_grant(self):
        form = {**self.code_grant(), "code_verifier": "w" * 50}
        with self.assertRaises(AccessTokenError) as caught:
            self.post(form)
        self.assertEqual(
            (caught.exception.params.error, caught.exception.status), ("invalid_grant", 400)
        )
        self.assertFalse(caught.exception.retryable)

    def test_refresh_with_a_rotated_refresh_token(self):
        first = self.post(self.code_grant())
        self.store["rotate"] = True
        second = self.post(
            {"grant_type": "refresh_token", "refresh_token": first.refresh_token.expose_secret()},
            previous=first,
        )  # type: ignore[union-attr]
        self.assertIsNotNone(second.refresh_token)
        self.assertNotEqual(second.refresh_token, first.refresh_token)
        self.assertNotEqual(second.access_token, first.access_token)

    def test_refresh_without_rotation_keeps_the_refresh_token(self):
        first = self.post(self.code_grant())
        self.store["rotate"] = False
        try:
            second = self.post(
                {
                    "grant_type": "refresh_token",
                    "refresh_token": first.refresh_token.expose_secret(),
                },
                previous=first,
            )  # type: ignore[union-attr]
        finally:
            self.store["rotate"] = True
        self.assertEqual(second.refresh_token, first.refresh_token)
        self.assertEqual(second.scope, first.scope)

    def test_refresh_response_without_refresh_token_keeps_the_previous_one(self):
        first = self.post(self.code_grant())
        form = {"grant_type": "refresh_token", "refresh_token": first.refresh_token.expose_secret()}  # type: ignore[union-attr]
        self.oauth_server.refresh_grant.issue_new_refresh_tokens = False  # type: ignore[attr-defined]
        try:
            bare = self.post(form)
            second = self.post(form, previous=first)
        finally:
            self.oauth_server.refresh_grant.issue_new_refresh_tokens = True  # type: ignore[attr-defined]
        self.assertIsNone(bare.refresh_token)  # the server did omit it
        self.assertEqual(second.refresh_token, first.refresh_token)
        self.assertNotEqual(second.access_token, first.access_token)

    def test_client_credentials(self):
        token = self.post({"grant_type": "client_credentials", "scope": "read"})
        self.assertEqual(token.scopes, ("read",))
        self.assertIsNone(token.refresh_token)

    def test_invalid_client_is_401(self):
        with self.assertRaises(AccessTokenError) as caught:
            self.post({"grant_type": "client_credentials"}, auth=("confidential", "wrong"))
        self.assertEqual(
            (caught.exception.params.error, caught.exception.status), ("invalid_client", 401)
        )

    def test_unsupported_grant_type(self):
        with self.assertRaises(AccessTokenError) as caught:
            self.post({"grant_type": "urn:example:unknown"})
        self.assertEqual(caught.exception.params.error, "unsupported_grant_type")

    def test_invalid_scope(self):
        with self.assertRaises(AccessTokenError) as caught:
            self.post({"grant_type": "client_credentials", "scope": "admin"})
        self.assertEqual(caught.exception.params.error, "invalid_scope")

    def test_invalid_grant_for_an_unknown_code(self):
        with self.assertRaises(AccessTokenError) as caught:
            self.post({**self.code_grant(), "code": "never-issued"})
        self.assertEqual(caught.exception.params.error, "invalid_grant")


# ---------------------------------------------------------------------------
# The README's examples run
# ---------------------------------------------------------------------------


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
                    missing = [
                        name
                        for name in ("requests", "httpx")
                        if f"import {name}" in block and not _importable(name)
                    ]
                    if missing:  # recorded as a skipped subtest; the loop goes on
                        self.skipTest(f"README block {number} needs {', '.join(missing)}")
                    with mock.patch("sys.stdout", new=io.StringIO()):
                        exec(compile(block, f"README.md block {number}", "exec"), namespace)
        finally:
            server = namespace.get("demo_server")
            if server is not None:
                server.shutdown()  # type: ignore[attr-defined]
                server.server_close()  # type: ignore[attr-defined]

    def test_the_two_setup_commands_come_first(self):
        text = (HERE / "README.md").read_text(encoding="utf-8")
        first_block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", text, re.DOTALL)
        assert first_block is not None
        self.assertIn("python -m oauth_token", first_block.group(1))
        self.assertIn("python -m unittest", first_block.group(1))


def _importable(name: str) -> bool:
    try:
        __import__(name)
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    unittest.main()
