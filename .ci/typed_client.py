# pyright: strict, reportUnnecessaryTypeIgnoreComment=true
"""Client code that type checkers read against the installed wheel (.ci/run).

Checked, never run: by mypy --strict and by pyright in strict mode, each set to
report a `# type: ignore` that silences nothing. So it fails when the installed
package is untyped (the import is an error and every name Any), when a type
below drifts, and when assigning to a field stops being a type error.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

import oauth_token
from oauth_token import IssueAccessTokenSuccessParams, Secret

if TYPE_CHECKING:
    from typing_extensions import assert_type  # typeshed has it: nothing to install


def use(body: bytes) -> str:
    token = oauth_token.parse_token_response(body, status=200)
    assert_type(token, IssueAccessTokenSuccessParams)
    assert_type(token.access_token, Secret)
    assert_type(token.access_token.expose_secret(), str)
    assert_type(token.expires_in, int | None)
    assert_type(token.scopes, tuple[str, ...] | None)
    assert_type(token.expires_at, datetime | None)
    assert_type(token.is_expired(), bool)
    assert_type(token.authorization_header(), str)
    assert_type(token.extra, Mapping[str, object])
    assert_type(token.id_token, Secret | None)
    assert_type(oauth_token.__version__, str)

    # The fields are read-only: each assignment must stay a type error.
    token.scope = "x"  # type: ignore[misc]
    token.expires_in = 0  # type: ignore[misc]

    if token.id_token is not None:
        return token.id_token.expose_secret()
    return token.authorization_header()
