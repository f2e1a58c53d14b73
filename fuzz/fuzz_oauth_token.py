"""Coverage-guided fuzzing of oauth_token with atheris.

    pip install atheris
    python fuzz/fuzz_oauth_token.py -max_total_time=60

The corpus starts from the test suite's fixtures (the RFC examples and the
providers' documented responses), some carrying a planted secret. Each input's
first byte picks an entry point and a mode; the rest is the body. It fails on any
exception but InvalidTokenResponse and AccessTokenError, on any of those whose
message, args or chain holds the planted secret, and on a token whose repr or
command-line summary shows it. A crash found here becomes a named regression test
in test_oauth_token.py.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from unittest import mock

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports():
    import oauth_token
    from oauth_token import (
        AccessTokenError,
        InvalidTokenResponse,
        IssueAccessTokenErrorParams,
        IssueAccessTokenSuccessParams,
        parse_token_response,
    )

import test_oauth_token  # the fixtures; stdlib only

PLANTED = test_oauth_token.PLANTED
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def shows_planted_in_public(token: IssueAccessTokenSuccessParams) -> bool:
    """A mutation may move the secret into a name or a public field: shown on purpose."""
    return PLANTED in "".join([token.token_type, token.scope or "", *token.extra])


def public_text(params: IssueAccessTokenErrorParams) -> str:
    """What an error response shows on purpose: its code, text, URI and member names."""
    return "".join(
        [params.error, params.error_description or "", params.error_uri or "", *params.extra]
    )


def check_exception(error: BaseException, public: str) -> None:
    if PLANTED in public:
        return
    for text in test_oauth_token.texts_of(error):
        if PLANTED in text:
            raise AssertionError(f"planted secret leaked by {type(error).__name__}")
    if error.__cause__ is not None or error.__context__ is not None:
        raise AssertionError(f"{type(error).__name__} chains another exception")


def check_token(token: IssueAccessTokenSuccessParams, cli_body: bytes | None) -> None:
    """No planted secret in the token's repr, nor in the command line's summary of
    `cli_body` (the same JSON body, read by the command line as from a file)."""
    if shows_planted_in_public(token):
        return
    shown = [repr(token), str(token)]
    if cli_body is not None:
        with mock.patch.object(oauth_token, "_read_input", return_value=cli_body):
            shown.append(json.dumps(oauth_token._summary("response.json", strict=False)))
    for text in shown:
        if PLANTED in text:
            raise AssertionError("planted secret shown by a token's repr or summary")


def one_input(data: bytes) -> None:
    if not data:
        return
    selector, body = data[0], data[1:]
    strict = bool(selector & 0x80)
    entry = selector % 6
    cli_body = body if entry == 1 and not strict else None
    try:
        if entry == 0:
            form = "application/x-www-form-urlencoded"
            content_type = form if selector & 0x40 else "application/json"
            status = 400 if selector & 0x20 else 200
            token = parse_token_response(
                body, status=status, content_type=content_type, strict=strict
            )
        elif entry == 1:
            token = IssueAccessTokenSuccessParams.try_from_bytes(body, strict=strict, issued_at=NOW)
        elif entry == 2:
            token = IssueAccessTokenSuccessParams.try_from_form(body, strict=strict)
        elif entry == 3:
            try:
                decoded = json.loads(body)
            except (ValueError, RecursionError):
                return
            if not isinstance(decoded, dict):
                return
            token = IssueAccessTokenSuccessParams.from_dict(decoded, strict=strict)
        elif entry == 4:
            params = IssueAccessTokenErrorParams.try_from_bytes(body, strict=strict)
            shown = repr(params) + str(AccessTokenError(params, 400))
            if PLANTED not in public_text(params) and PLANTED in shown:
                raise AssertionError("planted secret shown by an error response")
            return
        else:
            text = body.decode("utf-8", "replace")
            token = IssueAccessTokenSuccessParams.try_from_bytes(text, strict=strict)
    except InvalidTokenResponse as error:
        check_exception(error, error.field or "")
        return
    except AccessTokenError as error:
        check_exception(error, public_text(error.params))
        return
    check_token(token, cli_body)
    token.sync_expires_in(now=NOW)
    token.is_expired(now=NOW)
    if token.issued_at <= NOW and not {"issued_at", "expires_at"} & token.extra.keys():
        again = IssueAccessTokenSuccessParams.try_from_bytes(token.to_json())
        if again != token:
            raise AssertionError("to_json() did not reload as an equal token")


def seed_corpus() -> str:
    chosen = os.environ.get("OAUTH_TOKEN_FUZZ_CORPUS")
    folder = Path(chosen or tempfile.mkdtemp(prefix="oauth_token_corpus_"))
    folder.mkdir(parents=True, exist_ok=True)
    for number, seed in enumerate(test_oauth_token.fuzz_seeds()):
        for selector in (0, 1, 2, 4, 0x40, 0x81):
            (folder / f"seed-{number}-{selector}").write_bytes(bytes([selector]) + seed)
    return str(folder)


def main() -> None:
    atheris.Setup([*sys.argv, seed_corpus()], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
