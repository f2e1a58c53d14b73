# SPDX-License-Identifier: MIT
# Copyright (c) 2026 The oauth_token authors. The license text is at the end of this file.
"""Read an OAuth 2.0 token endpoint's answer, and keep its secrets secret.

A client that asks a token endpoint for an access token (RFC 6749, section 4) gets
back either a token (section 5.1) or an error (section 5.2). This module turns those
bytes into typed, validated Python objects::

    >>> import oauth_token
    >>> body = b'''{"access_token": "2YotnFZFEjr1zCsicMWpAA", "token_type": "Bearer",
    ...             "expires_in": 3600, "refresh_token": "tGzv3JOkF0XG5Qx2TlKWIA"}'''
    >>> token = oauth_token.parse_token_response(body, status=200)
    >>> token.expires_in, token.is_expired()
    (3600, False)
    >>> token.access_token
    Secret('**********')
    >>> token.authorization_header()  # one of the few places a secret shows itself
    'Bearer 2YotnFZFEjr1zCsicMWpAA'

Secrets (the access and refresh tokens, and every string under a member whose name
ends in "token", such as OpenID Connect's id_token) are wrapped in `Secret`, whose
repr, str and format show a fixed mask. Nothing this module raises carries a secret
or the raw body: not in its message, not in its args, not in its chain.

Validation has two modes. The default, ``strict=False``, accepts what real servers
send (a string expires_in, a scope array, no token_type); ``strict=True`` holds the
response to RFC 6749 to the letter. Both reject malformed JSON or forms, duplicate
members, booleans or NaN where a number belongs, and bodies larger than max_bytes,
always with `InvalidTokenResponse`.

The module is one file with no dependency: copy it into a project to use it. Run
``python -m oauth_token --help`` for its command line.
"""

from __future__ import annotations

__all__ = [
    "Secret",
    "IssueAccessTokenSuccessParams",
    "IssueAccessTokenErrorParams",
    "InvalidTokenResponse",
    "AccessTokenError",
    "parse_token_response",
    "REGISTERED_ERROR_CODES",
    "__version__",
]

__version__ = "1.0.0"

import dataclasses
import functools
import json
import re
import sys
import time

# hmac.compare_digest is this very C function (or OpenSSL's equivalent); importing
# hmac would load OpenSSL through hashlib and add about 10 ms to our import time.
from _operator import _compare_digest
from collections.abc import Mapping
from types import MappingProxyType

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover - read by type checkers only
    from collections.abc import Callable
    from datetime import datetime, timedelta, timezone  # _datetime has no type stubs
    from typing import Any, Final, NoReturn, TypeAlias, TypeVar

    Function = TypeVar("Function", bound=Callable[..., Any])

    Body: TypeAlias = bytes | bytearray | memoryview | str
    Moment: TypeAlias = datetime | int | float
else:
    # On CPython 3.10 and 3.11, importing datetime runs its whole pure-Python
    # version before replacing it with the C one, _datetime: 2 ms, two thirds of
    # our import time. The classes are the very same objects (datetime.datetime is
    # _datetime.datetime), so they are taken from _datetime where it exists.
    try:
        from _datetime import datetime, timedelta, timezone
    except ImportError:  # pragma: no cover - Pythons without the C version
        from datetime import datetime, timedelta, timezone


# ---------------------------------------------------------------------------
# Characters and small helpers
# ---------------------------------------------------------------------------

_MAX_BODY: Final = 1 << 20  # default max_bytes: 1 MiB, far above any real response
_MAX_DEPTH: Final = 64  # JSON nested deeper than this is rejected
_MAX_INTEGER_DIGITS: Final = 64  # a longer integer literal is rejected before conversion
_INTEGER_BOUND: Final = 10**_MAX_INTEGER_DIGITS  # the least integer too long
_MAX_DIGITS: Final = 20  # significant digits in a digit string (2**63-1 has 19)
_MAX_EXPIRES_IN: Final = (1 << 63) - 1

_new_object: Final = object.__new__  # an instance, without calling its __init__

_ALL_BYTES: Final = bytes(range(256))
_FLIPPED_BYTES: Final = bytes(byte ^ 1 for byte in _ALL_BYTES)


def _byte_class(allowed: bytes) -> bytes:
    """A bytes.translate() table that keeps each `allowed` byte and changes every other."""
    others = _ALL_BYTES.translate(None, allowed)
    return bytes.maketrans(others, others.translate(_FLIPPED_BYTES))


# The character classes of RFC 6749 Appendix A, as translate() tables.
_VSCHAR_BYTES: Final = bytes(range(0x20, 0x7F))  # %x20-7E
_VSCHAR: Final = _byte_class(_VSCHAR_BYTES)
_NQSCHAR: Final = _byte_class(_VSCHAR_BYTES.translate(None, b'"\\'))  # VSCHAR but '"' and '\\'
_NQCHAR: Final = _byte_class(_VSCHAR_BYTES.translate(None, b'" \\'))  # NQSCHAR but the space
_TYPE_NAME: Final = _byte_class(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._"
)
# The rarely used patterns are plain strings: re compiles (and caches) them on first
# use, so that importing the module compiles none.
_CONTROL: Final = "[\x00-\x1f\x7f-\x9f]"  # C0, DEL and C1
_UNSAFE_IN_LOGS: Final = "[\x00-\x1f\x7f-\x9f\u2028\u2029]"  # and what else ends a line
# RFC 3986 section 4.1 URI-reference, character by character: an optional scheme,
# then unreserved, reserved and %-escaped characters, and at most one "#".
_URI_CHAR: Final = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?\[\]]|%[0-9A-Fa-f]{2})"
_SCHEME: Final = r"[A-Za-z][A-Za-z0-9+.\-]*:"
_URI_REFERENCE: Final = rf"(?:{_SCHEME})?{_URI_CHAR}*(?:#{_URI_CHAR}*)?"


def _only(text: str, byte_class: bytes) -> bool:
    """True when `text` has 1 or more characters, each one of the ASCII `byte_class`."""
    # translate() changes every byte outside the class, so an unchanged copy means
    # all were in it. In C, that is several times faster than str.isprintable(), which
    # looks up each character in the Unicode database, on tokens of hundreds of
    # characters. isascii() is O(1), and makes encode() a plain copy.
    if not text.isascii() or text == "":
        return False
    data = text.encode()
    return data.translate(byte_class) == data


def _is_vschar(text: str) -> bool:
    """1 or more VSCHAR: access_token, refresh_token (Appendix A.12, A.17)."""
    return _only(text, _VSCHAR)


def _is_nqschar(text: str) -> bool:
    """1 or more NQSCHAR: error, error_description (Appendix A.7, A.8)."""
    return _only(text, _NQSCHAR)


def _is_scope(text: str, strict: bool, printable: bool) -> bool:
    """Section 3.3: scope-tokens (1*NQCHAR) joined by spaces.

    Strict, by exactly one space; lenient, by any run of spaces, around them too.
    `printable`: the text is known to be NQSCHAR, if not empty (see _printable).
    """
    if text == "" or not (printable or _only(text, _NQSCHAR)):
        return False
    if strict:
        return text[0] != " " and text[-1] != " " and "  " not in text
    return not text.isspace()


_INFINITY: Final = float("inf")


def _is_finite(number: float) -> bool:
    """math.isfinite(), without math: a shared library on most Pythons, 0.7 ms to load."""
    return abs(number) < _INFINITY  # false for NaN too


def _floor(number: float) -> int:
    """math.floor() of a finite number, without math (see _is_finite)."""
    return int(number // 1)


def _escape(text: str, limit: int = 200) -> str:
    """Text made safe for one log line: controls escaped, length capped."""
    if len(text) > limit:
        text = text[:limit] + "..."
    return re.sub(_UNSAFE_IN_LOGS, lambda match: ascii(match.group())[1:-1], text)


def _quote(name: str) -> str:
    """A member name, quoted and escaped for an error message."""
    return ascii(name[:64] + ("..." if len(name) > 64 else ""))


def _kind(value: object) -> str:
    """The JSON name of a value's type, for error messages (never the value)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number with a fraction or exponent"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "an array"
    return f"a {type(value).__name__}"


def _is_token_name(name: str) -> bool:
    """True for a member whose strings are secrets: its name ends in "token", any case.

    _freeze_extra has it inlined, for speed: keep the two alike.
    """
    return name[-5:].lower() == "token"


# ---------------------------------------------------------------------------
# Secret
# ---------------------------------------------------------------------------

_MASK: Final = "**********"


class Secret:
    """A string that never shows itself by accident.

    repr(), str(), format() and %-formatting show a fixed mask that reveals neither
    the value, nor its length, nor whether it is empty. `expose_secret` is the only
    way to read the value. Two secrets compare equal in constant time; a secret is
    never equal to a plain str.
    """

    __slots__ = ("_value",)
    _value: str

    def __init__(self, value: str) -> None:
        if type(value) is not str:
            if not isinstance(value, str):
                raise TypeError(f"Secret() takes a str, not {type(value).__name__}")
            value = str.__str__(value)  # a str subclass could override __repr__
        self._value = value

    def expose_secret(self) -> str:
        """Return the value. Every call site is a place where the secret may leak."""
        return self._value

    def __repr__(self) -> str:
        return f"Secret('{_MASK}')"

    def __str__(self) -> str:
        return _MASK

    def __format__(self, format_spec: str) -> str:
        return format(_MASK, format_spec)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        # compare_digest wants ASCII str or bytes; "surrogatepass" keeps a lone
        # surrogate (legal in JSON as "\\ud800") from raising.
        return _compare_digest(
            self._value.encode("utf-8", "surrogatepass"),
            other._value.encode("utf-8", "surrogatepass"),
        )

    def __hash__(self) -> int:
        return hash((Secret, self._value))

    def __reduce__(self) -> tuple[type[Secret], tuple[str]]:
        # copy, deepcopy and pickle need the value: they carry it, by necessity.
        return (Secret, (self._value,))


def _new_secret(value: str) -> Secret:
    """Secret(value), for a value the caller knows to be an exact str.

    Fast path: a parse makes three Secrets or more, and calling a class whose
    __init__ is written in Python costs twice as much as object.__new__ plus the
    one assignment that __init__ would make after its type check.
    """
    secret = _new_object(Secret)
    secret._value = value
    return secret


# ---------------------------------------------------------------------------
# The one exception for bad content
# ---------------------------------------------------------------------------


class InvalidTokenResponse(ValueError):
    """The token endpoint's answer is not a valid response.

    `field` names the offending member, or is None when the document as a whole is
    at fault. The message names the member but quotes nothing else of the body, and
    the exception never chains to one that does.
    """

    field: str | None

    def __init__(self, message: str, field: str | None = None) -> None:
        ValueError.__init__(self, message)
        self.field = field

    def __reduce__(self) -> tuple[type[InvalidTokenResponse], tuple[str, str | None]]:
        return (type(self), (self.args[0], self.field))


def _invalid(field: str | None, problem: str) -> NoReturn:
    """Raise InvalidTokenResponse for `field`, the message naming it first."""
    where = "the body" if field is None else _quote(field)
    raise InvalidTokenResponse(f"{where}: {problem}", field)


def _raises_without_frames(function: Function) -> Function:
    """Make `function` raise its exceptions with a traceback that holds none of our frames.

    Error reporters (Sentry, for one) record the local variables of every frame of
    a traceback, and the frames of a parser hold the body and the secrets in it.
    """

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except (InvalidTokenResponse, AccessTokenError) as error:
            failure = error
        del args, kwargs  # the body, as the caller passed it
        raise failure.with_traceback(None)

    return wrapper  # type: ignore[return-value]


# ---------------------------------------------------------------------------
# Field rules: RFC 6749 section 5.1 and Appendix A, written once and used by every
# entry point: the parsers and the constructor. The common case comes first in
# each, since every parse runs through all of them.
# ---------------------------------------------------------------------------


def _omitted(value: object) -> bool:
    """Section 3.1: a parameter sent without a value is treated as omitted."""
    return value is None or value == ""


def _secret(
    name: str, value: object, required: bool = False, printable: bool = False
) -> Secret | None:
    """access_token and refresh_token: 1 or more VSCHAR, held as a Secret.

    `printable`: a str value is known to be VSCHAR, if not empty (see _printable).
    """
    if type(value) is str and value != "" and (printable or _only(value, _VSCHAR)):
        return _new_secret(value)
    if _omitted(value):
        if required:
            _invalid(name, "is missing (RFC 6749 section 5.1: REQUIRED)")
        return None
    if isinstance(value, Secret):
        if _is_vschar(value.expose_secret()):
            return value
    elif not isinstance(value, str):
        _invalid(name, f"must be a string, not {_kind(value)}")
    _invalid(name, "must be printable ASCII characters (VSCHAR, RFC 6749 Appendix A)")


# Fast path: the token types that servers send, valid in either mode, are found in
# one lookup instead of a check of each character.
_USUAL_TOKEN_TYPES: Final = frozenset({"Bearer", "bearer", "DPoP"})


def _token_type(value: object, strict: bool) -> str:
    """Section 7.1. Lenient: missing means "Bearer" (LinkedIn omits it)."""
    if type(value) is str and value:
        if value in _USUAL_TOKEN_TYPES:
            return value
        if strict:
            if _only(value, _TYPE_NAME):
                return value
            _invalid("token_type", "must be letters, digits, '-', '.' or '_' (RFC 6749 A.13)")
        if _only(value, _VSCHAR) or not re.search(_CONTROL, value):
            return value
        _invalid("token_type", "must not contain control characters")
    if not _omitted(value):
        _invalid("token_type", f"must be a string, not {_kind(value)}")
    if strict:
        _invalid("token_type", "is missing (RFC 6749 section 5.1: REQUIRED)")
    return "Bearer"


def _integer(name: str, value: object, strict: bool, form: bool) -> int | None:
    """A non-negative integer member: expires_in, and the body's epoch seconds.

    Strict: a JSON integer (or, in a form, where every value is a string, a digit
    string). Lenient: also a digit string (Azure AD v1) or a float, floored.
    Returns None for a value of another type; the caller decides what that means.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and not strict:
        if not _is_finite(value):
            _invalid(name, "must be a finite number")
        return _floor(value)
    # A digit string is ASCII 0-9 only: int() would also take signs, spaces,
    # underscores and other scripts' digits.
    if isinstance(value, str) and (form or not strict) and value.isascii() and value.isdigit():
        significant = value.lstrip("0") or "0"
        if len(significant) > _MAX_DIGITS:
            _invalid(name, "is out of range")
        return int(significant)
    return None


def _expires_in(value: object, strict: bool, form: bool) -> int | None:
    """Section 5.1: the lifetime in seconds, 0 to 2**63-1."""
    if type(value) is int and 0 <= value <= _MAX_EXPIRES_IN:
        return value
    if _omitted(value):
        return None
    seconds = _integer("expires_in", value, strict, form)
    if seconds is None:
        expected = "a JSON integer" if strict else "an integer, a digit string or a number"
        _invalid("expires_in", f"must be {expected}, not {_kind(value)}")
    if not 0 <= seconds <= _MAX_EXPIRES_IN:
        _invalid("expires_in", "must be from 0 to 2**63-1 seconds")
    return seconds


def _scope(value: object, strict: bool, printable: bool = False) -> str | None:
    """Section 3.3: space-delimited scope-tokens. Lenient: also an array (Twitch)."""
    if type(value) is str and _is_scope(value, strict, printable):
        return value
    if _omitted(value):
        return None
    if isinstance(value, (list, tuple)) and not strict:
        if not all(isinstance(item, str) and _only(item, _NQCHAR) for item in value):
            _invalid("scope", "must be an array of scope tokens (RFC 6749 section 3.3)")
        return " ".join(value) or None
    if isinstance(value, str):
        _invalid("scope", "must be space-delimited scope tokens (RFC 6749 section 3.3)")
    _invalid("scope", f"must be a string, not {_kind(value)}")


# --- Times -----------------------------------------------------------------

_UTC: Final = timezone.utc
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=_UTC)
_SECOND: Final = timedelta(seconds=1)
_MAX_UTC: Final = datetime.max.replace(tzinfo=_UTC)
_MIN_SECONDS: Final = (datetime.min.replace(tzinfo=_UTC) - _EPOCH) // _SECOND
_MAX_SECONDS: Final = (_MAX_UTC - _EPOCH) // _SECOND
_MILLISECONDS_ABOVE: Final = 10**11  # epoch seconds reach it in the year 5138

_last_moment: tuple[int, datetime] = (0, _EPOCH)


def _moment_at(seconds: int) -> datetime:
    """The UTC datetime `seconds` after the epoch (range-checked by the caller)."""
    # Fast path: most tokens are parsed "now", and building a datetime costs more
    # than validating a field, so the last one built is reused. Datetimes are
    # immutable, and a stale pair read by another thread is still a correct pair.
    global _last_moment
    last, moment = _last_moment
    if seconds != last:
        moment = _EPOCH + timedelta(seconds=seconds)
        _last_moment = (seconds, moment)
    return moment


def _seconds_of(moment: datetime) -> int:
    """Whole epoch seconds of an aware datetime, floored."""
    return (moment - _EPOCH) // _SECOND


def _now_seconds() -> int:
    return _floor(time.time())


def _aware(value: object, name: str) -> datetime:
    """An aware datetime argument; a naive one is a programming error."""
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime, not {type(value).__name__}")
    if value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, not a naive one")
    return value


def _now_or(now: datetime | None) -> datetime:
    return datetime.now(_UTC) if now is None else _aware(now, "now")


def _whole_seconds(value: Moment, name: str) -> int:
    """An issued_at argument (aware datetime or epoch seconds) as epoch seconds."""
    if isinstance(value, datetime):
        seconds = _seconds_of(_aware(value, name))
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if not _is_finite(value):
            raise ValueError(f"{name} must be a finite number of epoch seconds")
        seconds = _floor(value)
    else:
        raise TypeError(f"{name} must be a datetime or epoch seconds, not {type(value).__name__}")
    if not _MIN_SECONDS <= seconds <= _MAX_SECONDS:
        raise ValueError(f"{name} is outside the range of datetime")
    return seconds


def _take_epoch(members: dict[str, object], name: str, strict: bool) -> int | None:
    """Remove and return the body member `name` (epoch seconds), if it is one.

    A JSON number or an ASCII digit string is used, so it never stays in extra;
    null or "" is omitted; another type stays in extra (lenient) or is rejected.
    """
    value = members.get(name)
    if _omitted(value):
        members.pop(name, None)
        return None
    seconds = _integer(name, value, strict=False, form=True)
    if seconds is None:
        if strict:
            _invalid(name, f"must be epoch seconds as a number or digit string, not {_kind(value)}")
        return None
    del members[name]
    return seconds


def _start_and_lifetime(
    argument: int | None, issued: int | None, expires: int | None, expires_in: int | None
) -> tuple[datetime, int | None]:
    """When the token started to live, and for how long (all in epoch seconds).

    In order: the issued_at argument; the body's issued_at (milliseconds when above
    10**11, as Salesforce sends; a future one counts as now); the body's expires_at
    (as authlib, oauthlib and Strava store it); now. A token that has an expires_at
    but no expires_in lives from its start to expires_at, never less than 0 s.
    """
    if argument is not None:
        start = argument
    elif issued is not None:
        if issued > _MILLISECONDS_ABOVE:
            issued //= 1000
        start = min(issued, _now_seconds())
    elif expires is not None and expires_in is not None:
        start = min(expires - expires_in, _now_seconds())
    else:
        start = _now_seconds()
    if start < _MIN_SECONDS:
        _invalid("expires_at" if issued is None else "issued_at", "is before the year 1")
    if expires_in is None and expires is not None:
        expires_in = min(max(expires - start, 0), _MAX_EXPIRES_IN)
    return _moment_at(start), expires_in


def _add_seconds(moment: datetime, seconds: int) -> datetime:
    """moment + seconds, saturating at datetime.max (UTC) instead of overflowing."""
    if seconds > (_MAX_UTC - moment) // _SECOND:
        return _MAX_UTC
    return moment + timedelta(seconds=seconds)


# --- Extra members -----------------------------------------------------------


def _freeze(value: object, secret: bool, name: str, depth: int) -> object:
    """A read-only copy of a JSON value; strings become Secrets when `secret`.

    Objects become read-only mappings and arrays become tuples, at every depth;
    a string under a member whose name ends in "token" becomes a Secret. An
    integer must fit the parsers' bound, or to_json() would not reload.
    """
    if isinstance(value, str):
        return Secret(value) if secret else value
    if value is None or isinstance(value, (bool, Secret)):
        return value
    if isinstance(value, int):
        if -_INTEGER_BOUND < value < _INTEGER_BOUND:
            return value
        _invalid(name, f"holds an integer longer than {_MAX_INTEGER_DIGITS} digits")
    if isinstance(value, float):
        if not _is_finite(value):
            _invalid(name, "must not hold NaN or Infinity")
        return value
    if depth >= _MAX_DEPTH:
        _invalid(name, f"is nested deeper than {_MAX_DEPTH} levels")
    if isinstance(value, Mapping):
        frozen = {}
        for key, item in value.items():
            if not isinstance(key, str):
                _invalid(name, "holds a member name that is not a string")
            frozen[key] = _freeze(item, secret or _is_token_name(key), name, depth + 1)
        return MappingProxyType(frozen)
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(item, secret, name, depth + 1) for item in value)
    _invalid(name, f"holds {_kind(value)}, which JSON cannot carry")


_NO_EXTRA: Final[Mapping[str, object]] = MappingProxyType({})


def _freeze_extra(members: dict[str, object]) -> Mapping[str, object]:
    """The members no field took, read-only, *token strings Secret (consumes `members`)."""
    if not members:
        return _NO_EXTRA
    for name, value in members.items():
        if type(value) is not str:
            members[name] = _freeze(value, _is_token_name(name), name, 1)
        # A flat string, as most extra members are. _is_token_name, inlined: the
        # call took a third of this loop's time on bodies of many members.
        elif name[-5:].lower() == "token":
            members[name] = _new_secret(value)
    return MappingProxyType(members)


def _thaw(value: object, expose: bool) -> object:
    """The inverse of _freeze: plain dicts and lists, Secrets exposed if `expose`."""
    if isinstance(value, Secret):
        return value.expose_secret() if expose else value
    if isinstance(value, Mapping):
        return {key: _thaw(item, expose) for key, item in value.items()}
    if isinstance(value, tuple):
        return [_thaw(item, expose) for item in value]
    return value


def _members_of(mapping: Mapping[str, object], what: str) -> dict[str, object]:
    """A copy of an already-decoded object (from_dict, or a constructor's extra)."""
    if not isinstance(mapping, Mapping):
        raise TypeError(f"{what} must be a mapping, not {type(mapping).__name__}")
    members = dict(mapping)
    if not all(isinstance(name, str) for name in members):
        _invalid(None, "has a member name that is not a string")
    return members


def _is_error_body(members: Mapping[str, object]) -> bool:
    """A body with an `error` member is an error response (section 5.2)."""
    return not _omitted(members.get("error"))


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


# ---------------------------------------------------------------------------
# The success response: RFC 6749 section 5.1
# ---------------------------------------------------------------------------

_FIELD_MEMBERS: Final = frozenset(
    {"access_token", "token_type", "expires_in", "refresh_token", "scope"}
)


# The dataclass machinery generates no method here (init=False, eq=False,
# repr=False, not frozen): each generated method costs about 0.3 ms of import
# time, and these are written by hand anyway, for validation and redaction.
@dataclasses.dataclass(slots=True, init=False, eq=False, repr=False)
class IssueAccessTokenSuccessParams:
    """A successful access token response (RFC 6749 section 5.1), validated.

    Read-only, but for `sync_expires_in`, which updates expires_in and issued_at in
    place, as the io-oauth crate this ports does. Build one with `try_from_bytes`,
    `try_from_form`, `from_dict` or `parse_token_response`; constructing one
    directly validates its values as lenient parsing does.
    """

    access_token: Secret
    """The access token issued by the authorization server."""
    token_type: str
    """The type of the token (section 7.1), as sent; compared case-insensitively."""
    expires_in: int | None
    """Lifetime in whole seconds, counted from issued_at; None when not sent."""
    refresh_token: Secret | None
    """The refresh token (section 6), if one was issued."""
    scope: str | None
    """Space-delimited scope tokens (section 3.3); None: as requested."""
    issued_at: datetime
    """When expires_in starts to count: aware UTC, whole seconds. Not in the RFC."""
    extra: Mapping[str, object]
    """Every other member of the response, read-only; *token strings are Secrets."""

    @_raises_without_frames
    def __init__(
        self,
        access_token: Secret | str,
        token_type: str = "Bearer",
        expires_in: int | None = None,
        refresh_token: Secret | str | None = None,
        scope: str | None = None,
        issued_at: Moment | None = None,
        extra: Mapping[str, object] | None = None,
    ) -> None:
        start = _now_seconds() if issued_at is None else _whole_seconds(issued_at, "issued_at")
        values = (
            _secret("access_token", access_token, required=True),
            _token_type(token_type, strict=False),
            _expires_in(expires_in, strict=False, form=False),
            _secret("refresh_token", refresh_token),
            _scope(scope, strict=False),
            _moment_at(start),
            _freeze_extra(_extra_members(extra)),
        )
        for name, value in zip(_FIELD_NAMES, values, strict=True):
            object.__setattr__(self, name, value)

    __setattr__ = _frozen_setattr
    __delattr__ = _frozen_delattr

    # --- Parsing ---------------------------------------------------------

    @classmethod
    @_raises_without_frames
    def try_from_bytes(
        cls,
        data: Body,
        *,
        issued_at: Moment | None = None,
        previous: IssueAccessTokenSuccessParams | None = None,
        strict: bool = False,
        max_bytes: int = _MAX_BODY,
    ) -> IssueAccessTokenSuccessParams:
        """Parse a JSON body (bytes, bytearray, memoryview or str) holding one object.

        Raises InvalidTokenResponse for anything but a valid token response.
        `issued_at` (an aware datetime or epoch seconds) is when the token started
        to live; `previous` is the token this response refreshes, whose
        refresh_token and scope are kept when the response omits them (section 6).
        """
        members, printable = _decode_json(data, max_bytes)
        return _success(members, issued_at, previous, strict, False, printable)

    @classmethod
    @_raises_without_frames
    def try_from_form(
        cls,
        data: Body,
        *,
        issued_at: Moment | None = None,
        previous: IssueAccessTokenSuccessParams | None = None,
        strict: bool = False,
        max_bytes: int = _MAX_BODY,
    ) -> IssueAccessTokenSuccessParams:
        """Parse an application/x-www-form-urlencoded body, as GitHub answers.

        Every value of a form is a string, so there a digit string is an integer,
        strict or not. Otherwise as `try_from_bytes`.
        """
        members = _decode_form(data, max_bytes)
        return _success(members, issued_at, previous, strict, form=True)

    @classmethod
    @_raises_without_frames
    def from_dict(
        cls,
        mapping: Mapping[str, object],
        *,
        issued_at: Moment | None = None,
        previous: IssueAccessTokenSuccessParams | None = None,
        strict: bool = False,
    ) -> IssueAccessTokenSuccessParams:
        """Validate an already-decoded JSON object. Otherwise as `try_from_bytes`."""
        members = _members_of(mapping, "from_dict() mapping")
        return _success(members, issued_at, previous, strict, form=False)

    # --- Expiry ------------------------------------------------------------

    @property
    def expires_at(self) -> datetime | None:
        """issued_at + expires_in, saturating at datetime.max (UTC); None without expires_in."""
        if self.expires_in is None:
            return None
        return _add_seconds(self.issued_at, self.expires_in)

    def remaining(self, now: datetime | None = None) -> timedelta | None:
        """Time left before expires_at, never negative; None without expires_in."""
        expires_at = self.expires_at
        if expires_at is None:
            return None
        return max(expires_at - _now_or(now), timedelta(0))

    def is_expired(self, *, leeway: float = 60.0, now: datetime | None = None) -> bool:
        """True once now + leeway reaches expires_at; never without expires_in.

        The leeway used is at most half of expires_in, so that a 30-second token is
        not born expired; it is always expired once now reaches expires_at.
        """
        if isinstance(leeway, bool) or not isinstance(leeway, (int, float)):
            raise TypeError(f"leeway must be a number of seconds, not {type(leeway).__name__}")
        if not leeway >= 0:  # also catches NaN
            raise ValueError("leeway must be a non-negative number of seconds")
        expires_at = self.expires_at
        if expires_at is None or self.expires_in is None:
            return False
        leeway = min(leeway, self.expires_in / 2)
        return (expires_at - _now_or(now)).total_seconds() <= leeway

    def sync_expires_in(self, now: datetime | None = None) -> None:
        """Count expires_in from `now` (whole seconds) and make `now` the issued_at.

        expires_at stays where it was (or, once passed, the token stays expired with
        expires_in 0), so calling it again never subtracts the elapsed time twice.
        A token without expires_in is left as it is.
        """
        expires_at = self.expires_at
        if expires_at is None:
            return
        start = _moment_at(_seconds_of(_now_or(now)))
        left = max((expires_at - start) // _SECOND, 0)
        object.__setattr__(self, "expires_in", left)
        object.__setattr__(self, "issued_at", start)

    # --- Using the token -----------------------------------------------------

    @property
    def scopes(self) -> tuple[str, ...] | None:
        """The scope tokens, in order, without duplicates; None when scope is None."""
        if self.scope is None:
            return None
        return tuple(dict.fromkeys(token for token in self.scope.split(" ") if token))

    @property
    def is_bearer(self) -> bool:
        """token_type is "Bearer", in any case (RFC 6749 section 7.1)."""
        return self.token_type.isascii() and self.token_type.lower() == "bearer"

    @property
    def auth_scheme(self) -> str:
        """The Authorization header's scheme: Bearer and DPoP canonical, others as sent."""
        if self.token_type.isascii():
            return _CANONICAL_SCHEMES.get(self.token_type.lower(), self.token_type)
        return self.token_type

    def authorization_header(self) -> str:
        """The value of an Authorization header. EXPOSES the access token, on purpose."""
        return f"{self.auth_scheme} {self.access_token.expose_secret()}"

    # --- Storage -------------------------------------------------------------

    def to_dict(self) -> dict[str, object]:
        """Every member as the server sent it, for storage. EXPOSES the secrets.

        issued_at and expires_at are integer epoch seconds, so that authlib's
        OAuth2Token.from_dict reads the same expiry and try_from_bytes reloads it.
        """
        result: dict[str, object] = {
            "access_token": self.access_token.expose_secret(),
            "token_type": self.token_type,
        }
        if self.expires_in is not None:
            result["expires_in"] = self.expires_in
        if self.refresh_token is not None:
            result["refresh_token"] = self.refresh_token.expose_secret()
        if self.scope is not None:
            result["scope"] = self.scope
        result["issued_at"] = _seconds_of(self.issued_at)
        expires_at = self.expires_at
        if expires_at is not None:
            result["expires_at"] = _seconds_of(expires_at)
        for name, value in self.extra.items():
            result.setdefault(name, _thaw(value, expose=True))
        return result

    def to_json(self) -> str:
        """`to_dict` as compact JSON. EXPOSES the secrets, on purpose."""
        return json.dumps(self.to_dict(), separators=(",", ":"))

    # --- Python protocols -----------------------------------------------------

    def __repr__(self) -> str:
        refresh = "present" if self.refresh_token is not None else "absent"
        return (
            f"{type(self).__name__}(access_token={self.access_token!r},"
            f" token_type={self.token_type!r}, expires_in={self.expires_in!r},"
            f" refresh_token={refresh}, scope={self.scope!r},"
            f" issued_at={self.issued_at.isoformat()!r}, extra_keys={tuple(self.extra)!r})"
        )

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _FIELD_NAMES)

    __hash__ = None  # type: ignore[assignment]  # sync_expires_in changes it in place

    def __reduce__(self) -> tuple[type[IssueAccessTokenSuccessParams], tuple[object, ...]]:
        # copy, deepcopy and pickle rebuild through the validating constructor.
        values = [getattr(self, name) for name in _FIELD_NAMES]
        values[-1] = _thaw(self.extra, expose=False)
        return (type(self), tuple(values))


_FIELD_NAMES: Final = tuple(f.name for f in dataclasses.fields(IssueAccessTokenSuccessParams))
_CANONICAL_SCHEMES: Final = {"bearer": "Bearer", "dpop": "DPoP"}


class _Unsealed:
    """IssueAccessTokenSuccessParams's slots without its read-only guard.

    Fast path: a parsed token's values are already validated, and building the
    token through its frozen __setattr__ takes longer than all its validation.
    So the parser fills an _Unsealed and turns it into the real class by assigning
    __class__, which Python allows between classes of the same slots.
    """

    __slots__ = _FIELD_NAMES
    if TYPE_CHECKING:  # the slots, for type checkers
        access_token: object
        token_type: object
        expires_in: object
        refresh_token: object
        scope: object
        issued_at: object
        extra: object


def _extra_members(extra: Mapping[str, object] | None) -> dict[str, object]:
    """The constructor's extra, checked to hold nothing a parser would take as a field.

    Otherwise to_json() would not reload as the same token.
    """
    members = {} if extra is None else _members_of(extra, "extra")
    clash = _FIELD_MEMBERS.intersection(members)
    if clash:
        _invalid(min(clash), "is a field of its own, not an extra member")
    if _is_error_body(members):
        _invalid("error", "makes a body an error response: it cannot be an extra member")
    for name in ("issued_at", "expires_at"):
        if name in members:
            _take_epoch(members, name, strict=False)
            if name not in members:  # a time (or null): a parser would take it
                _invalid(name, "is a time of the token, not an extra member")
    return members


def _success(
    members: dict[str, object],
    issued_at: Moment | None,
    previous: IssueAccessTokenSuccessParams | None,
    strict: bool,
    form: bool,
    printable: bool = False,
) -> IssueAccessTokenSuccessParams:
    """Every parser of a token ends here: validate the members and take them.

    `form`: every value is a string; `printable`: every string is NQSCHAR, if not
    empty (see _printable).
    """
    argument = None if issued_at is None else _whole_seconds(issued_at, "issued_at")
    if previous is not None and not isinstance(previous, IssueAccessTokenSuccessParams):
        raise TypeError(f"previous must be a token, not {type(previous).__name__}")
    if "error" in members and _is_error_body(members):
        code = members["error"]
        named = f" {code!r}" if isinstance(code, str) and code in REGISTERED_ERROR_CODES else ""
        _invalid(
            "error",
            f"the body is an error response{named}, not a token"
            " (parse_token_response raises it as AccessTokenError)",
        )
    pop = members.pop
    access_token = _secret("access_token", pop("access_token", None), True, printable)
    token_type = _token_type(pop("token_type", None), strict)
    expires_in = _expires_in(pop("expires_in", None), strict, form)
    refresh_token = _secret("refresh_token", pop("refresh_token", None), False, printable)
    scope = _scope(pop("scope", None), strict, printable)
    if previous is not None:  # section 6: the server MAY omit them on refresh
        if refresh_token is None:
            refresh_token = previous.refresh_token
        if scope is None:
            scope = previous.scope
    issued = _take_epoch(members, "issued_at", strict) if "issued_at" in members else None
    expires = _take_epoch(members, "expires_at", strict) if "expires_at" in members else None
    start, expires_in = _start_and_lifetime(argument, issued, expires, expires_in)
    token = _new_object(_Unsealed)
    token.access_token = access_token
    token.token_type = token_type
    token.expires_in = expires_in
    token.refresh_token = refresh_token
    token.scope = scope
    token.issued_at = start
    token.extra = _freeze_extra(members)
    token.__class__ = IssueAccessTokenSuccessParams  # type: ignore[assignment]
    return token  # type: ignore[return-value]


# ---------------------------------------------------------------------------
# The error response: RFC 6749 section 5.2
# ---------------------------------------------------------------------------

REGISTERED_ERROR_CODES: Final = frozenset(
    {
        # RFC 6749 sections 4.1.2.1, 4.2.2.1 and 5.2
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
        # RFC 8628 section 3.5 (device authorization grant)
        "authorization_pending",
        "slow_down",
        "expired_token",
        # RFC 8707 section 2 (resource indicators)
        "invalid_target",
    }
)
"""The error codes registered by RFC 6749, RFC 8628 and RFC 8707."""

_RETRYABLE_CODES: Final = frozenset(
    {"authorization_pending", "slow_down", "temporarily_unavailable", "server_error"}
)


def _is_uri_reference(text: str) -> bool:
    """RFC 3986 URI-reference: a relative one's first segment has no ':'."""
    if not re.fullmatch(_URI_REFERENCE, text):
        return False
    return re.match(_SCHEME, text) is not None or ":" not in re.split("[/?#]", text)[0]


def _take_text(
    members: dict[str, object], name: str, strict: bool, valid: Callable[[str], bool]
) -> str | None:
    """Remove and return error_description or error_uri, if it is one.

    null or "" is omitted; a type other than string stays in extra (lenient) or is
    rejected; strict, the string must also be `valid`.
    """
    value = members.get(name)
    if _omitted(value):
        members.pop(name, None)
        return None
    if not isinstance(value, str):
        if strict:
            _invalid(name, f"must be a string, not {_kind(value)}")
        return None
    if strict and not valid(value):
        _invalid(name, "has characters RFC 6749 Appendix A does not allow")
    del members[name]
    return value


def _error_code(error: object) -> tuple[str, str | None]:
    """Lenient: the code (and description) of an `error` that is not a string."""
    if isinstance(error, Mapping):  # Facebook Graph: {"message", "type", "code"}
        message = error.get("message")
        description = message if isinstance(message, str) and message else None
        for key in ("type", "code"):
            code = error.get(key)
            if isinstance(code, str) and code:
                return code, description
            if isinstance(code, (int, float)) and not isinstance(code, bool):
                return json.dumps(code), description
        return "unknown_error", description
    if isinstance(error, (int, float)) and not isinstance(error, bool):  # Reddit: 401
        return json.dumps(error), None
    return "unknown_error", None


@dataclasses.dataclass(slots=True, init=False, eq=False, repr=False)
class IssueAccessTokenErrorParams:
    """An error response (RFC 6749 section 5.2), read-only.

    `error` is the code, kept as sent (REGISTERED_ERROR_CODES lists the known
    ones). Lenient parsing also reads the shapes real servers send: Azure AD's
    multi-line descriptions, GitHub's relative error_uri, Facebook Graph's object
    and Reddit's number in place of the code (the original stays in extra).
    """

    error: str
    """The error code (section 5.2)."""
    error_description: str | None
    """Human-readable text, for the developer."""
    error_uri: str | None
    """A page about the error, for the developer."""
    extra: Mapping[str, object]
    """Every other member, read-only; *token strings are Secrets (Auth0's mfa_token)."""

    @_raises_without_frames
    def __init__(
        self,
        error: str,
        error_description: str | None = None,
        error_uri: str | None = None,
        extra: Mapping[str, object] | None = None,
    ) -> None:
        if not isinstance(error, str) or not error:
            _invalid("error", "must be a non-empty string")
        for name, value in (("error_description", error_description), ("error_uri", error_uri)):
            if value is not None and not isinstance(value, str):
                _invalid(name, f"must be a string or None, not {_kind(value)}")
        members = {} if extra is None else _members_of(extra, "extra")
        object.__setattr__(self, "error", error)
        object.__setattr__(self, "error_description", error_description)
        object.__setattr__(self, "error_uri", error_uri)
        object.__setattr__(self, "extra", _freeze_extra(members))

    __setattr__ = _frozen_setattr
    __delattr__ = _frozen_delattr

    @classmethod
    @_raises_without_frames
    def try_from_bytes(
        cls, data: Body, *, strict: bool = False, max_bytes: int = _MAX_BODY
    ) -> IssueAccessTokenErrorParams:
        """Parse a JSON error body. Raises InvalidTokenResponse if it is none."""
        return _error(_decode_json(data, max_bytes)[0], strict)

    @classmethod
    @_raises_without_frames
    def try_from_form(
        cls, data: Body, *, strict: bool = False, max_bytes: int = _MAX_BODY
    ) -> IssueAccessTokenErrorParams:
        """Parse a form-encoded error body (GitHub's default)."""
        return _error(_decode_form(data, max_bytes), strict)

    @classmethod
    @_raises_without_frames
    def from_dict(
        cls, mapping: Mapping[str, object], *, strict: bool = False
    ) -> IssueAccessTokenErrorParams:
        """Validate an already-decoded JSON object."""
        return _error(_members_of(mapping, "from_dict() mapping"), strict)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(error={self.error!r},"
            f" error_description={self.error_description!r},"
            f" error_uri={self.error_uri!r}, extra_keys={tuple(self.extra)!r})"
        )

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return (self.error, self.error_description, self.error_uri, self.extra) == (
            other.error,
            other.error_description,
            other.error_uri,
            other.extra,
        )

    __hash__ = None  # type: ignore[assignment]  # extra is a mapping

    def __reduce__(self) -> tuple[type[IssueAccessTokenErrorParams], tuple[object, ...]]:
        extra = _thaw(self.extra, expose=False)
        return (type(self), (self.error, self.error_description, self.error_uri, extra))


def _error(members: dict[str, object], strict: bool) -> IssueAccessTokenErrorParams:
    """Every parser of an error response ends here."""
    error = members.pop("error", None)
    if _omitted(error):
        _invalid("error", "is missing (RFC 6749 section 5.2: REQUIRED)")
    description = _take_text(members, "error_description", strict, _is_nqschar)
    uri = _take_text(members, "error_uri", strict, _is_uri_reference)
    if isinstance(error, str):
        code = error
        if strict and not _is_nqschar(code):
            _invalid("error", "has characters RFC 6749 Appendix A.7 does not allow")
    elif strict:
        _invalid("error", f"must be a string, not {_kind(error)}")
    else:
        code, message = _error_code(error)
        if description is None:
            description = message
        members["error"] = error  # nothing is lost: the original stays in extra
    return IssueAccessTokenErrorParams(code, description, uri, members)


class AccessTokenError(Exception):
    """The token endpoint answered with an error response (RFC 6749 section 5.2).

    `params` holds the response, `status` the HTTP status given, and `retryable`
    says whether asking again later may succeed.
    """

    params: IssueAccessTokenErrorParams
    status: int | None

    def __init__(self, params: IssueAccessTokenErrorParams, status: int | None = None) -> None:
        Exception.__init__(self, params, status)
        self.params = params
        self.status = status

    @property
    def retryable(self) -> bool:
        """True for a pending or slowed-down device flow, a server error, 429 and 5xx."""
        if self.params.error in _RETRYABLE_CODES:
            return True
        return self.status is not None and (self.status == 429 or 500 <= self.status <= 599)

    def __str__(self) -> str:
        params = self.params
        text = _escape(params.error, 100)
        if params.error_description is not None:
            text += f": {_escape(params.error_description)}"
        notes = [] if self.status is None else [f"HTTP {self.status}"]
        if params.error_uri is not None:
            notes.append(f"see {_escape(params.error_uri)}")
        return f"{text} ({'; '.join(notes)})" if notes else text


# ---------------------------------------------------------------------------
# Parsing the body: JSON, form, and parse_token_response
# ---------------------------------------------------------------------------


def _reject_duplicate(pairs: list[tuple[str, object]]) -> NoReturn:
    seen = set()
    for name, _ in pairs:
        if name in seen:
            _invalid(name, "appears more than once (RFC 6749 section 3.1)")
        seen.add(name)
    raise AssertionError("unreachable: a duplicate was counted but not found")


def _object_from_pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    members = dict(pairs)
    if len(members) != len(pairs):
        _reject_duplicate(pairs)
    return members


def _integer_literal(text: str) -> int:
    # int() takes quadratic time in the number of digits (without any limit on
    # Python 3.10.0-3.10.6): a long literal is refused before it is converted.
    if len(text) > _MAX_INTEGER_DIGITS and len(text.lstrip("-")) > _MAX_INTEGER_DIGITS:
        _invalid(None, f"holds an integer longer than {_MAX_INTEGER_DIGITS} digits")
    return int(text)


def _no_constant(name: str) -> NoReturn:
    _invalid(None, f"holds {name}, which is not JSON (RFC 8259 section 6)")


# Built once: json.loads(..., object_pairs_hook=...) would build a decoder per call.
# Floats need no guard: float() takes linear time, and the field rules and _freeze
# reject the infinity that an overflowing literal such as 1e999 becomes.
_JSON_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_object_from_pairs,
    parse_int=_integer_literal,
    parse_constant=_no_constant,
)
_UNGUARDED_JSON_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_object_from_pairs,
    parse_constant=_no_constant,
)
_GUARD_EVERY_INTEGER_BELOW: Final = 8192  # characters
_DIGITS_TO_ZERO: Final = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x20 for byte in range(256))
_TOO_MANY_DIGITS: Final = b"0" * (_MAX_INTEGER_DIGITS + 1)


def _decoder_for(text: str) -> json.JSONDecoder:
    """The decoder that guards every integer literal, unless `text` needs no guard.

    Fast path: the guard is a Python call per integer, cheap in a token response
    but the bulk of the work in a large body of many numbers (50,000 duplicate
    members took 13 times as long as json.loads). So a large body is first
    searched, in C, for a run of digits longer than any allowed literal: without
    one, it holds no integer too long, and needs no guard.
    """
    if len(text) < _GUARD_EVERY_INTEGER_BELOW:
        return _JSON_DECODER
    digits = text.encode("utf-8", "surrogatepass").translate(_DIGITS_TO_ZERO)
    return _JSON_DECODER if _TOO_MANY_DIGITS in digits else _UNGUARDED_JSON_DECODER


def _text_of(data: Body, max_bytes: int) -> str:
    """The body as text: size-checked, and UTF-8 decoded if bytes-like."""
    # type() first: isinstance() takes longer, and max_bytes is nearly always an int.
    if type(max_bytes) is not int and (
        isinstance(max_bytes, bool) or not isinstance(max_bytes, int)
    ):
        raise TypeError(f"max_bytes must be an int, not {type(max_bytes).__name__}")
    if isinstance(data, (bytes, str, bytearray)):
        size = len(data)
    elif isinstance(data, memoryview):
        size = data.nbytes  # checked before tobytes() copies it
        data = data.tobytes()
    else:
        raise TypeError(f"the body must be bytes or str, not {type(data).__name__}")
    if size > max_bytes:
        _invalid(None, f"is larger than max_bytes ({size} > {max_bytes})")
    if isinstance(data, str):
        return data
    try:
        return data.decode()
    except UnicodeDecodeError as error:
        offset = error.start
    # Raised outside the except block: UnicodeDecodeError.object is the whole body,
    # and it would otherwise be chained as __context__.
    _invalid(None, f"is not UTF-8 (invalid byte at offset {offset})")


_JSON_WHITESPACE: Final = " \t\n\r"  # RFC 8259 section 2


def _json_value(text: str) -> object:
    """The JSON value that `text` holds, alone (raises JSONDecodeError otherwise)."""
    decoder = _decoder_for(text)
    # Fast path: nearly every body starts with its "{", and the C scanner can read
    # it from there, while decode() would first look for whitespace around it with
    # regular expressions, and wrap the scanner in two more Python calls.
    if text and text[0] == "{":
        try:
            value, end = decoder.scan_once(text, 0)  # type: ignore[attr-defined]
        except StopIteration:  # a value is missing: decode() below says where
            pass
        else:
            if end == len(text) or not text[end:].strip(_JSON_WHITESPACE):
                return value
            raise json.JSONDecodeError("Extra data", text, end)
    return decoder.decode(text)


def _printable(text: str) -> bool:
    """True when every string decoded from the JSON `text` is NQSCHAR, if not empty.

    Fast path: checking each field's characters costs more than decoding them. But
    JSON has done most of that work: a string must escape '"', '\\' and the C0
    controls, and the decoder refuses them raw (RFC 8259 section 7). So when the
    body is ASCII without a backslash or DEL, each of its strings is printable
    ASCII but '"' and '\\' (NQSCHAR, which VSCHAR contains), and three scans of
    the body, in C, stand for a check of every field.
    """
    return text.isascii() and "\\" not in text and "\x7f" not in text


def _decode_json(data: Body, max_bytes: int) -> tuple[dict[str, object], bool]:
    """The body's JSON object, and whether its strings are all printable (_printable)."""
    text = _text_of(data, max_bytes)
    try:
        document = _json_value(text)
    except json.JSONDecodeError as error:
        # The message up to any ':' is the fixed part; after it, the body may speak.
        reason = error.msg.split(":")[0]
        problem = f"is not JSON: {reason} at line {error.lineno} column {error.colno}"
    except RecursionError:
        problem = "is not JSON this parser accepts: nested too deep"
    else:
        if type(document) is dict:
            return document, _printable(text)
        problem = f"must be a JSON object, not {_kind(document)}"
    # Raised outside the except blocks: JSONDecodeError.doc is the whole body.
    _invalid(None, problem)


_HEX_DIGITS: Final = frozenset("0123456789abcdefABCDEF")


def _form_unquote(text: str, field: str | None) -> str:
    """Decode one name or value of a form: '+' is a space, %XX a UTF-8 byte."""
    text = text.replace("+", " ")
    if "%" not in text:
        return text
    head, *escaped = text.split("%")
    octets = bytearray(head.encode())
    for chunk in escaped:
        if len(chunk) < 2 or not _HEX_DIGITS.issuperset(chunk[:2]):
            _invalid(field, "has a malformed %-escape")
        octets.append(int(chunk[:2], 16))
        octets += chunk[2:].encode()
    try:
        return octets.decode("utf-8")
    except UnicodeDecodeError:
        pass
    _invalid(field, "has %-escapes that are not UTF-8")


def _decode_form(data: Body, max_bytes: int) -> dict[str, object]:
    """An application/x-www-form-urlencoded body, as the WHATWG URL standard reads it."""
    members: dict[str, object] = {}
    for part in _text_of(data, max_bytes).split("&"):
        if not part:
            continue
        raw_name, _, raw_value = part.partition("=")
        name = _form_unquote(raw_name, None)
        if name in members:
            _invalid(name, "appears more than once (RFC 6749 section 3.1)")
        members[name] = _form_unquote(raw_value, name)
    return members


_FORM_TYPES: Final = frozenset({"application/x-www-form-urlencoded", "text/plain"})


@_raises_without_frames
def parse_token_response(
    body: Body,
    *,
    status: int = 200,
    content_type: str | None = None,
    issued_at: Moment | None = None,
    previous: IssueAccessTokenSuccessParams | None = None,
    strict: bool = False,
    max_bytes: int = _MAX_BODY,
) -> IssueAccessTokenSuccessParams:
    """Read a token endpoint's whole answer: a token, or an exception.

    Returns the token of a success response. Raises AccessTokenError for an error
    response, whatever the status (GitHub answers 200 with an error body), and
    InvalidTokenResponse for anything else: a non-2xx status is never a token.
    `content_type` is the response's Content-Type header: form-encoded bodies
    (and GitHub's legacy text/plain) are read as forms, anything else as JSON.
    """
    if isinstance(status, bool) or not isinstance(status, int):
        raise TypeError(f"status must be an int, not {type(status).__name__}")
    if content_type is not None and not isinstance(content_type, str):
        raise TypeError(f"content_type must be a str, not {type(content_type).__name__}")
    media_type = (content_type or "").partition(";")[0].strip().lower()
    form = media_type in _FORM_TYPES
    if form:
        members, printable = _decode_form(body, max_bytes), False
    else:
        members, printable = _decode_json(body, max_bytes)
    if _is_error_body(members):
        raise AccessTokenError(_error(members, strict), status)
    if not 200 <= status <= 299:
        _invalid(None, f"comes with HTTP status {status} and is not an error response")
    return _success(members, issued_at, previous, strict, form, printable)


# ---------------------------------------------------------------------------
# Command line: python -m oauth_token [FILE | -] [--json]
# ---------------------------------------------------------------------------

# RFC 6749 section 5.1's example response.
_EXAMPLE: Final = (
    b'{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,'
    b'"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA","example_parameter":"example_value"}'
)


def _duration(seconds: int) -> str:
    """A lifetime for people: '59m 59s', '3d 2h 0m 0s'."""
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    parts = [f"{days}d"] if days else []
    if days or hours:
        parts.append(f"{hours}h")
    if days or hours or minutes:
        parts.append(f"{minutes}m")
    parts.append(f"{seconds}s")
    return " ".join(parts)


def _summary(token: IssueAccessTokenSuccessParams, now: datetime) -> dict[str, Any]:
    """What the command line shows of a token: nothing secret, nothing unescaped."""
    expires_at = token.expires_at
    remaining = token.remaining(now)
    return {
        "token_type": _escape(token.token_type),
        "issued_at": token.issued_at.isoformat(),
        "expires_at": None if expires_at is None else expires_at.isoformat(),
        "expires_in": None if remaining is None else remaining // _SECOND,
        "expired": token.is_expired(leeway=0, now=now),
        "refresh_token": token.refresh_token is not None,
        "scopes": None if token.scopes is None else list(token.scopes),
        "extra_keys": [_escape(name, 64) for name in token.extra],
    }


def _summary_text(summary: dict[str, Any]) -> str:
    if summary["expires_at"] is None:
        expiry = "not given (no expires_in)"
    elif summary["expired"]:
        expiry = f"{summary['expires_at']} (expired)"
    else:
        expiry = f"{summary['expires_at']} (in {_duration(summary['expires_in'])})"
    scopes = summary["scopes"]
    rows = [
        ("token type", summary["token_type"]),
        ("issued at", summary["issued_at"]),
        ("expires at", expiry),
        ("refresh token", "present" if summary["refresh_token"] else "absent"),
        ("scopes", "as requested" if scopes is None else " ".join(scopes)),
        ("extra keys", ", ".join(summary["extra_keys"]) or "none"),
    ]
    return "\n".join(f"{label + ':':<15}{value}" for label, value in rows)


def _looks_like_form(body: bytes) -> bool:
    """A body that does not start like JSON but has a '=' is read as a form."""
    return body.lstrip()[:1] not in (b"{", b"[") and b"=" in body


def _main(argv: list[str] | None = None) -> int:
    import argparse  # noqa: PLC0415 - only the command line pays for it

    parser = argparse.ArgumentParser(
        prog="python -m oauth_token",
        description="Validate an OAuth 2.0 token endpoint response (RFC 6749 section 5)"
        " and print a redacted summary: no secret is ever printed.",
        epilog="Exit status: 0 for a valid token, 1 for an invalid or an error response,"
        " 2 for a usage error.",
    )
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="the response body, JSON or form-encoded; '-' reads standard input;"
        " without it, RFC 6749 section 5.1's example is used",
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    try:
        if args.file is None:
            body = _EXAMPLE
        elif args.file == "-":
            body = sys.stdin.buffer.read()
        else:
            with open(args.file, "rb") as file:
                body = file.read()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        print(f"oauth_token: cannot read {_escape(args.file)}: {reason}", file=sys.stderr)
        return 2
    content_type = "application/x-www-form-urlencoded" if _looks_like_form(body) else None
    try:
        token = parse_token_response(body, content_type=content_type)
    except AccessTokenError as error:
        print(f"oauth_token: error response: {error}", file=sys.stderr)
        return 1
    except InvalidTokenResponse as error:
        print(f"oauth_token: invalid token response: {error}", file=sys.stderr)
        return 1
    summary = _summary(token, datetime.now(_UTC))
    print(json.dumps(summary, indent=2) if args.json else _summary_text(summary))
    return 0


if __name__ == "__main__":
    sys.exit(_main())


# MIT License
#
# Copyright (c) 2026 The oauth_token authors
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
