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
ends in "token") are `Secret`s, whose repr, str and format show a fixed mask. Nothing
raised carries a secret or the raw body, not even in its traceback's local variables.
`strict=False` accepts what real servers send; `strict=True` is RFC 6749 to the letter.

Stance: code a careful reader audits in one sitting, before speed no client feels.
Tuned for speed: the path every API request takes (`is_expired`, `authorization_header`),
and what the cost bound on hostile bodies needs, each said where it stands. The file
reads in the order a body travels: bytes, text, members, field rules, times, extra,
the objects, `parse_token_response`, the command line (``python -m oauth_token -h``).
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

__version__ = "1.2.0"

import contextlib
import dataclasses
import functools
import itertools
import json
import math
import os
import re
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Final, NoReturn, TypeVar

# The annotations resolve at run time (typing.get_type_hints, pydantic, cattrs).
Body = bytes | bytearray | memoryview | str
Moment = datetime | int | float
_Function = TypeVar("_Function", bound=Callable[..., Any])
_Token = TypeVar("_Token", bound="IssueAccessTokenSuccessParams")
_ErrorParams = TypeVar("_ErrorParams", bound="IssueAccessTokenErrorParams")
_Object = TypeVar("_Object")

# Limits on what a body may hold, each bounding work that would grow faster than
# the body: the C JSON decoder recurses once per level, and int() is quadratic.
_MAX_BODY: Final = 1 << 20  # default max_bytes: 1 MiB, far above any real response
_MAX_DEPTH: Final = 64  # levels of nested arrays and objects, the body's object included
_MAX_DIGITS: Final = 64  # digits of an integer, in JSON or in a digit string
_INTEGER_LIMIT: Final = 10**_MAX_DIGITS  # the least integer with too many digits
_MAX_EXPIRES_IN: Final = (1 << 63) - 1


# --- Secret --------------------------------------------------------------------------------
def _read_only(self: object, name: str, value: object = None) -> NoReturn:
    """Refused: every object handed out is read-only (frozen=True would exec() at import)."""
    raise dataclasses.FrozenInstanceError(f"cannot assign to or delete {name!r}")


_MASK: Final = "**********"


class Secret:
    """A string that never shows itself by accident: repr(), str(), format() and %
    show a fixed mask, not the value, its length, nor whether it is empty.
    `expose_secret` reads it. Equal to another Secret (in constant time), never to a
    str. Immutable."""

    __slots__ = ("_value",)
    _value: str

    def __init__(self, value: str) -> None:
        if hasattr(self, "_value"):  # made already: a Secret never changes
            raise dataclasses.FrozenInstanceError("a Secret cannot be changed")
        if not isinstance(value, str):
            kind = type(value).__name__
            del value  # not even a traceback's frame keeps it
            raise TypeError(f"Secret() takes a str, not {kind}")
        object.__setattr__(self, "_value", str.__str__(value))  # a str subclass: plain str

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
        # Imported here: hmac loads OpenSSL, costlier than this module; few compare secrets.
        import hmac  # noqa: PLC0415

        # "surrogatepass": a lone surrogate, legal in JSON as "\ud800", is no error.
        return hmac.compare_digest(
            self._value.encode("utf-8", "surrogatepass"),
            other._value.encode("utf-8", "surrogatepass"),
        )

    def __hash__(self) -> int:
        # Not hash((Secret, value)): a tuple's hash can be undone to give the value's.
        return hash("oauth_token.Secret:" + self._value)

    __setattr__ = __delattr__ = _read_only

    def __reduce__(self) -> tuple[type[Secret], tuple[str]]:
        # copy, deepcopy and pickle need the value: they carry it, by necessity.
        return (Secret, (self._value,))


# --- The one exception for bad content -----------------------------------------------------
class InvalidTokenResponse(ValueError):
    """The token endpoint's answer is not a valid response. `field` names the member
    at fault (None: the body as a whole, or a name not shown: see `_invalid`), the
    only body text the message quotes. `status`: the HTTP status given to
    `parse_token_response`; `retryable`: 429 and 5xx, worth asking again."""

    field: str | None
    status: int | None

    def __init__(self, message: str, field: str | None = None, *, status: int | None = None):
        ValueError.__init__(self, message)
        self.field = field
        self.status = status

    @property
    def retryable(self) -> bool:
        """True for HTTP 429 and 5xx: a proxy's HTML 503 page is worth retrying."""
        return _is_retryable_status(self.status)


def _is_retryable_status(status: int | None) -> bool:
    return status is not None and (status == 429 or 500 <= status <= 599)


def _is_name(text: str) -> bool:
    """True when a member's name may be shown: letters, digits, '_', '-', '.', at
    most 64. Anything else may be body text that is no name at all: a JSON body
    read as a form has "names" like '{"access_token":"...'."""
    return re.fullmatch(r"[A-Za-z0-9_.\-]{1,64}", text) is not None


def _shown_names(names: Iterable[str]) -> tuple[str, ...]:
    """Member names for a repr or a summary: those that do not look like one, hidden."""
    return tuple(name if _is_name(name) else "(name not shown)" for name in names)


def _invalid(member: str | None, problem: str) -> InvalidTokenResponse:
    """The exception for a bad `member` (None: the body as a whole), for the caller to
    raise. The member is named only when its name may be shown (see _is_name)."""
    if member is None:
        return InvalidTokenResponse(f"the body: {problem}")
    if _is_name(member):
        return InvalidTokenResponse(f"'{member}': {problem}", member)
    return InvalidTokenResponse(f"a member whose name is not shown: {problem}")


# The JSON name of each type json.loads gives, for messages (never the value).
_KINDS: Final = {
    type(None): "null",
    bool: "a boolean",
    int: "an integer",
    float: "a number with a fraction or exponent",
    str: "a string",
    dict: "an object",
    list: "an array",
}


def _kind(value: object) -> str:
    return _KINDS.get(type(value)) or f"a {type(value).__name__}"


def _without_frames(function: _Function) -> _Function:
    """Make an entry point raise with a traceback of one frame of this module, this
    wrapper's, whose locals hold the exception alone. Error reporters (Sentry) record
    every frame's locals, and a parser's hold the body: every exception is stripped."""

    @functools.wraps(function)
    def entry_point(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except BaseException as error:  # re-raised below, unchanged (Ctrl-C too)
            failure = error
        del args, kwargs  # the body, as the caller passed it
        raise failure.with_traceback(None)

    return entry_point  # type: ignore[return-value]


# --- Bytes to text -------------------------------------------------------------------------
def _read_text(data: Body, max_bytes: int) -> str:
    """The body as text: its size checked (bytes for bytes-like input, characters for
    str), and UTF-8 decoded if it is bytes-like."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise TypeError(f"max_bytes must be an int, not {type(max_bytes).__name__}")
    if max_bytes < 0:
        raise ValueError("max_bytes must not be negative")
    if isinstance(data, str):
        text = str.__str__(data)  # a str subclass: a plain str
        size = len(text)
    elif isinstance(data, (bytes, bytearray, memoryview)):
        view = memoryview(data)  # the buffer itself: a subclass's __len__ cannot lie
        size = view.nbytes
    else:
        hint = ": from_dict() reads an object already decoded" if isinstance(data, Mapping) else ""
        raise TypeError(f"the body must be bytes or str, not {type(data).__name__}{hint}")
    if size > max_bytes:
        raise _invalid(None, f"is larger than max_bytes ({size} > {max_bytes})")
    if isinstance(data, str):
        return text
    try:
        return view.tobytes().decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start
    # Raised outside the except block: UnicodeDecodeError.object is the whole body.
    raise _invalid(None, f"is not UTF-8 (invalid byte at offset {offset})")


# --- Text to members: JSON -----------------------------------------------------------------
_DUPLICATE: Final = "appears more than once (RFC 6749 section 3.1)"
_JSON_WHITESPACE: Final = " \t\n\r"  # RFC 8259 section 2


def _object_from_pairs(pairs: list[tuple[str, object]]) -> dict[str, object]:
    """A JSON object, refused when a member appears twice (the decoder keeps the last)."""
    members = dict(pairs)
    if len(members) < len(pairs):
        seen = set()
        for name, _ in pairs:
            if name in seen:
                raise _invalid(name, _DUPLICATE)
            seen.add(name)
    return members


def _refuse_constant(name: str) -> NoReturn:
    raise _invalid(None, f"holds {name}, which is not JSON (RFC 8259 section 6)")


# Built once (json.loads builds one per call). Numbers need no hook: int() refuses
# 4,300 digits, and the field rules and _freeze 65 digits and 1e400's infinity.
_JSON_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_object_from_pairs, parse_constant=_refuse_constant
)

# "[" and "{" as 1, "]" and "}" as -1 (a signed byte), everything else deleted.
_BRACKET_STEPS: Final = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_NOT_BRACKETS: Final = bytes(set(range(256)) - set(b"[{]}"))


def _is_nested_too_deep(text: str) -> bool:
    """True when arrays and objects nest deeper than _MAX_DEPTH in the JSON `text`,
    brackets in strings aside. Measured before the decoder runs, which recurses once
    per level: CPython built for WebAssembly crashes between 5,000 and 10,000."""
    if text.count("[") + text.count("{") <= _MAX_DEPTH:
        return False  # too few brackets to nest that deep: nearly every body
    # With escaped backslashes and quotes gone, every other piece between quotes is
    # outside a string (a body that is not JSON fails before any piece misread).
    pieces = text.replace("\\\\", "").replace('\\"', "").split('"')
    outside_strings = "".join(pieces[::2]).encode("utf-8", "surrogatepass")
    steps = outside_strings.translate(_BRACKET_STEPS, _NOT_BRACKETS)
    if b"\x01" * (_MAX_DEPTH + 1) in steps:
        return True  # so many opening brackets in a row, the usual attack: one search
    import array  # noqa: PLC0415 - only bodies of many brackets come this far

    # The depth after each bracket is the running sum of the steps, up to the first 0:
    # the end of the body's value, past which the decoder reads nothing.
    depths = itertools.accumulate(array.array("b", steps))
    return max(itertools.takewhile(bool, depths), default=0) > _MAX_DEPTH


def _starts_like_json(text: str) -> bool:
    """Whether `text` starts with "{" or "[", after whitespace and a BOM."""
    return text.removeprefix("\ufeff").lstrip(_JSON_WHITESPACE)[:1] in ("{", "[")


def _decode_json(text: str) -> dict[str, object]:
    """The members of the JSON object that `text` holds, and nothing else."""
    text = text.removeprefix("\ufeff")  # RFC 8259 section 8.1: a parser MAY ignore a BOM
    if not text.strip(_JSON_WHITESPACE):
        raise _invalid(None, "is empty")
    if _starts_like_json(text) and _is_nested_too_deep(text):  # else it nests nothing
        raise _invalid(None, f"is nested deeper than {_MAX_DEPTH} levels")
    try:
        document = _JSON_DECODER.decode(text)
    except json.JSONDecodeError as error:
        problem = f"is not JSON: {error.msg} at line {error.lineno} column {error.colno}"
    except InvalidTokenResponse:  # a duplicate member, NaN or Infinity
        raise
    except ValueError:  # int() refuses more than sys.get_int_max_str_digits() digits
        problem = f"holds an integer of more than {_MAX_DIGITS} digits"
    else:
        if type(document) is dict:
            return document
        problem = f"must be a JSON object, not {_kind(document)}"
    # Raised outside the except block: JSONDecodeError.doc is the whole body.
    raise _invalid(None, problem)


# --- Text to members: application/x-www-form-urlencoded ------------------------------------
_FORM_TYPES: Final = frozenset({"application/x-www-form-urlencoded", "text/plain"})
_PLUS_AS_SPACE: Final = bytes.maketrans(b"+", b" ")  # one pass: bytes.replace steps per match


def _is_form(text: str, content_type: str | None) -> bool:
    """A form by its content type (GitHub's legacy one is text/plain), or without one
    when it does not start like JSON and holds a "=" (GitHub's default answer)."""
    if content_type is not None:
        return content_type.partition(";")[0].strip().lower() in _FORM_TYPES
    return not _starts_like_json(text) and "=" in text


def _decode_form(text: str) -> dict[str, object]:
    """The members of a form body, as the WHATWG URL standard reads one: every value
    a string, an empty pair skipped."""
    from urllib.parse import unquote_to_bytes  # noqa: PLC0415 - only forms pay for it

    def unquote(raw: bytes, member: str | None) -> str:
        """One name or value: '+' is a space, %XX a byte; UTF-8 once decoded."""
        if not raw:  # a name without a value: parse_qsl skips these at no cost
            return ""
        # unquote_to_bytes keeps a malformed escape as sent (a fast search first)
        if b"%" in raw and re.search(rb"%(?![0-9A-Fa-f]{2})", raw):
            raise _invalid(member, "has a malformed %-escape")
        try:
            return unquote_to_bytes(raw.translate(_PLUS_AS_SPACE)).decode("utf-8")
        except UnicodeDecodeError:
            pass
        raise _invalid(member, "has %-escapes that are not UTF-8")

    # JSON sent as a form (text/plain is GitHub's legacy form type) would give "names"
    # cut out of its strings, pieces of secrets included: refused whole.
    if _starts_like_json(text):
        raise _invalid(None, "looks like JSON, not a form")
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:  # a str body with a lone surrogate
        position = error.start
    else:
        members: dict[str, object] = {}
        for pair in data.split(b"&"):
            if pair:
                raw_name, _, raw_value = pair.partition(b"=")
                name = unquote(raw_name, None)
                if name in members:
                    raise _invalid(name, _DUPLICATE)
                members[name] = unquote(raw_value, name)
        return members
    # Raised outside the except block: UnicodeEncodeError.object is the whole body.
    raise _invalid(None, f"is not valid Unicode (a lone surrogate at character {position})")


# --- Members from a mapping: from_dict's, and the constructors' ----------------------------
def _members_of(mapping: object, what: str) -> dict[str, object]:
    """An object already decoded (from_dict's, or a constructor's extra), as json.loads
    would have given it: the one place where a value from Python enters the module."""
    if not isinstance(mapping, Mapping):
        raise TypeError(f"{what} must be a mapping, not {type(mapping).__name__}")
    containers = itertools.count()
    return _as_decoded(mapping, member=None, depth=1, containers=containers)  # type: ignore[return-value]


def _as_decoded(
    value: object, *, member: str | None, depth: int, containers: Iterator[int]
) -> object:
    """`value` made of json.loads' types, exactly: str and int subclasses plain (their
    methods could lie), Mappings dicts of str keys, tuples lists; Secrets kept (for the
    constructor). Refused: other types, nesting deeper than _MAX_DEPTH (or in itself),
    more arrays and objects than max_bytes holds (a list twice per level doubles them)."""
    if isinstance(value, (bool, Secret)) or value is None:
        return value
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return int.__int__(value)
    if isinstance(value, float):
        return float.__float__(value)
    if not isinstance(value, (Mapping, list, tuple)):
        raise _invalid(member, f"holds {_kind(value)}, which JSON cannot carry")
    if depth > _MAX_DEPTH:
        raise _invalid(member, f"is nested deeper than {_MAX_DEPTH} levels")
    if next(containers) > _MAX_BODY // 2:  # two bytes each in a body
        raise _invalid(member, f"holds more than {_MAX_BODY // 2} arrays and objects")
    if not isinstance(value, Mapping):
        return [
            _as_decoded(item, member=member, depth=depth + 1, containers=containers)
            for item in value
        ]
    members: dict[str, object] = {}
    for key, item in value.items():
        if not isinstance(key, str):
            raise _invalid(member, "holds a member name that is not a string")
        name = str.__str__(key)
        named = name if member is None else member  # the extra member it is found under
        if name in members:  # equal as a str, though its own __eq__ or __hash__ say not
            raise _invalid(named, _DUPLICATE)
        members[name] = _as_decoded(item, member=named, depth=depth + 1, containers=containers)
    return members


# --- Field rules: RFC 6749 section 5.1 and Appendix A, for every entry point ---------------
# RFC 6749 Appendix A's classes: VSCHAR, %x20-7E, is printable ASCII (one C pass, where a
# pattern took 5 times parse_qsl on a 1 MB form); NQSCHAR, VSCHAR but '"' and '\'.
_NOT_NQSCHAR: Final = '"\\'
_TYPE_NAME: Final = r"A-Za-z0-9\-._"  # 1*( ALPHA / DIGIT / "-" / "." / "_" ), A.13
_CONTROL: Final = r"[\x00-\x1f\x7f-\x9f]"  # C0, DEL and C1


def _is_vschar(text: str, *, but: str = "") -> bool:
    """1 or more VSCHAR, none of the characters `but`."""
    printable_ascii = text.isascii() and text.isprintable() and text != ""
    return printable_ascii and not any(map(text.__contains__, but))


def _only(characters: str, text: str) -> bool:
    """1 or more characters, each of the pattern class `characters`: a search for one
    outside it, where a pattern that fails at a 1 MB value's end backtracks through it."""
    return text != "" and re.search(f"[^{characters}]", text) is None


def _omitted(value: object) -> bool:
    """Section 3.1: a parameter sent without a value (null or "") is treated as omitted."""
    return value is None or value == ""


def _secret(name: str, value: object, *, required: bool) -> Secret | None:
    """access_token and refresh_token: 1 or more VSCHAR (Appendix A.12, A.17)."""
    if isinstance(value, Secret):  # the constructor takes Secrets: checked all the same
        value = value.expose_secret()
    if _omitted(value):
        if required:
            raise _invalid(name, "is missing (RFC 6749 section 5.1: REQUIRED)")
        return None
    if not isinstance(value, str):
        raise _invalid(name, f"must be a string, not {_kind(value)}")
    if not _is_vschar(value):
        raise _invalid(name, "must be printable ASCII characters (VSCHAR, RFC 6749 Appendix A)")
    return Secret(value)


def _token_type(value: object, *, strict: bool) -> str:
    """Section 7.1. Strict: A.13's type-name. Lenient: missing means "Bearer" (LinkedIn
    omits it), and any text without control characters is kept as sent."""
    if _omitted(value):
        if strict:
            raise _invalid("token_type", "is missing (RFC 6749 section 5.1: REQUIRED)")
        return "Bearer"
    if not isinstance(value, str):
        raise _invalid("token_type", f"must be a string, not {_kind(value)}")
    if strict and not _only(_TYPE_NAME, value):
        raise _invalid("token_type", "must be letters, digits, '-', '.' or '_' (RFC 6749 A.13)")
    if re.search(_CONTROL, value):
        raise _invalid("token_type", "must not contain control characters")
    return value


def _integer(name: str, value: object, *, digit_strings: bool, floats: bool) -> int | None:
    """An integer of at most 64 digits, or None for another type (the caller decides):
    a JSON integer, never a boolean; `digit_strings`: also ASCII digits, as Azure AD
    v1's "3600" (int() would take signs, "_" and other digits); `floats`: floored."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        if not -_INTEGER_LIMIT < value < _INTEGER_LIMIT:
            raise _invalid(name, f"has more than {_MAX_DIGITS} digits")
        return value
    if floats and isinstance(value, float):
        if not math.isfinite(value):
            raise _invalid(name, "is a number out of range")
        return math.floor(value)
    if digit_strings and isinstance(value, str) and value.isascii() and value.isdigit():
        digits = value.lstrip("0") or "0"
        if len(digits) > _MAX_DIGITS:  # before int(), which is quadratic
            raise _invalid(name, f"has more than {_MAX_DIGITS} digits")
        return int(digits)
    return None


def _expires_in(value: object, *, strict: bool, form: bool) -> int | None:
    """Section 5.1: the lifetime in seconds, 0 to 2**63-1. Strict: a JSON integer, or
    in a form (where every value is a string) a digit string. Lenient: also a digit
    string or a float, floored."""
    if _omitted(value):
        return None
    seconds = _integer("expires_in", value, digit_strings=form or not strict, floats=not strict)
    if seconds is None:
        expected = "a JSON integer" if strict else "an integer, a digit string or a number"
        raise _invalid("expires_in", f"must be {expected}, not {_kind(value)}")
    if not 0 <= seconds <= _MAX_EXPIRES_IN:
        raise _invalid("expires_in", "must be from 0 to 2**63-1 seconds")
    return seconds


def _scope(value: object, *, strict: bool) -> str | None:
    """Section 3.3: scope-tokens (1*NQCHAR) joined by spaces. Strict: by exactly one
    space. Lenient: by any run of spaces, around them too (kept as sent), or a JSON
    array of scope tokens (Twitch), joined by spaces."""
    if _omitted(value):
        return None
    if isinstance(value, str):
        if not _is_vschar(value, but=_NOT_NQSCHAR) or value.isspace():
            raise _invalid("scope", "must be space-delimited scope tokens (RFC 6749 section 3.3)")
        if strict and (value[0] == " " or value[-1] == " " or "  " in value):
            raise _invalid("scope", "must be scope tokens joined by single spaces (RFC 6749 3.3)")
        return value
    if isinstance(value, list) and not strict:
        if not value:
            return None  # an empty array: as omitted
        try:  # joined in C, not a check per item: an array may hold a few hundred thousand
            joined = " ".join(value)
        except TypeError:  # an item is not a string
            joined = ""
        # Each item one scope token: the joins are the only spaces.
        tokens = joined.split(" ")
        if len(tokens) == len(value) and "" not in tokens and _is_vschar(joined, but=_NOT_NQSCHAR):
            return joined
        raise _invalid("scope", "must be an array of scope tokens (RFC 6749 section 3.3)")
    raise _invalid("scope", f"must be a string, not {_kind(value)}")


# --- Times ---------------------------------------------------------------------------------
_UTC: Final = timezone.utc
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=_UTC)
_SECOND: Final = timedelta(seconds=1)
_EARLIEST: Final = datetime.min.replace(tzinfo=_UTC)
_LATEST: Final = datetime.max.replace(tzinfo=_UTC)
_FIRST_SECOND: Final = (_EARLIEST - _EPOCH) // _SECOND  # numbers, which every parse compares
_LAST_TIMESTAMP: Final = _LATEST.timestamp()


def _epoch(moment: datetime) -> int:
    """An aware datetime in whole epoch seconds (floored)."""
    return (moment - _EPOCH) // _SECOND


def _utc(value: object, name: str) -> datetime:
    """An aware datetime argument within datetime's range once in UTC, or a TypeError
    or ValueError naming it: a naive one is a programming error."""
    if not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime, not {type(value).__name__}")
    if value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, not a naive one")
    if not _EARLIEST <= value <= _LATEST:  # aware comparisons: they cannot overflow
        raise ValueError(f"{name} is outside the range of datetime once in UTC")
    return value


def _now(now: datetime | None) -> datetime:
    """The `now` argument of the expiry methods, checked; the current time when None."""
    return datetime.fromtimestamp(time.time(), _UTC) if now is None else _utc(now, "now")


def _issued_at_argument(issued_at: Moment | None, previous: object) -> int | None:
    """A parser's or constructor's issued_at argument (an aware datetime or epoch
    seconds) in whole epoch seconds, once it and `previous` are checked: before the
    body is read, so that a wrong argument is always a TypeError or ValueError."""
    if previous is not None and not isinstance(previous, IssueAccessTokenSuccessParams):
        raise TypeError(f"previous must be a token, not {type(previous).__name__}")
    if issued_at is None or isinstance(issued_at, datetime):
        return None if issued_at is None else _epoch(_utc(issued_at, "issued_at"))
    if isinstance(issued_at, bool) or not isinstance(issued_at, (int, float)):
        kind = type(issued_at).__name__
        raise TypeError(f"issued_at must be a datetime or epoch seconds, not {kind}")
    if not _FIRST_SECOND <= issued_at < _epoch(_LATEST) + 1:  # also false for NaN
        raise ValueError("issued_at is outside the range of datetime")
    return math.floor(issued_at)


def _take(members: dict[str, object], name: str, read: Callable[[object], Any]) -> Any:
    """Remove and return the member `name` as `read` gives it, if it is of a type
    `read` takes; null or "" is omitted; another type stays in members (None)."""
    value = members.get(name)
    if _omitted(value):
        members.pop(name, None)
        return None
    taken = read(value)
    if taken is not None:
        del members[name]
    return taken


def _take_time(members: dict[str, object], name: str, *, strict: bool) -> int | None:
    """The body's issued_at or expires_at, taken: a JSON number or ASCII digits, epoch
    seconds, or milliseconds above 10**11 (Salesforce; seconds reach it in 5138).
    Another type stays in extra (lenient) or is refused (strict)."""
    seconds: int | None = _take(
        members, name, functools.partial(_integer, name, digit_strings=True, floats=True)
    )
    if seconds is None and strict and name in members:
        raise _invalid(name, f"must be epoch seconds, not {_kind(members[name])}")
    return seconds if seconds is None or seconds <= 10**11 else seconds // 1000


def _start_and_lifetime(
    argument: int | None, members: dict[str, object], expires_in: int | None, *, strict: bool
) -> tuple[int, int | None]:
    """When the token started to live, and how long, in epoch seconds: the issued_at
    argument; else the body's issued_at (the future counts as now); else its expires_at
    (as authlib and Strava store it) less expires_in, or without it the seconds left
    (never below 0); else now. Takes the body's times out of `members`."""
    issued = _take_time(members, "issued_at", strict=strict)
    expires = _take_time(members, "expires_at", strict=strict)
    now = math.floor(time.time())
    if argument is not None:
        start = argument
    elif issued is not None:
        start = min(issued, now)
    elif expires is not None and expires_in is not None:
        start = min(expires - expires_in, now)
    else:
        start = now
    if start < _FIRST_SECOND:
        raise _invalid("expires_at" if issued is None else "issued_at", "is before the year 1")
    if expires_in is None and expires is not None:
        expires_in = min(max(expires - start, 0), _MAX_EXPIRES_IN)
    return start, expires_in


def _add_seconds(moment: datetime, seconds: int) -> datetime:
    """moment + seconds, saturating at datetime.max (UTC) instead of overflowing."""
    if seconds > (_LATEST - moment) // _SECOND:
        return _LATEST
    return moment + timedelta(seconds=seconds)


# --- Extra members: read-only at every depth, with every *token string a Secret ------------
class _ReadOnlyMembers(Mapping[str, object]):
    """`extra`, and every object in it, read-only. Not MappingProxyType: `proxy == x`
    hands x the dict, and deepcopy (so dataclasses.asdict) refuses it. Made by
    _read_only_members, never by calling the class: no __init__ runs again."""

    __slots__ = ("_members",)
    _members: dict[str, object]

    __setattr__ = __delattr__ = _read_only

    def __getitem__(self, name: str) -> object:
        return self._members[name]

    def __iter__(self) -> Any:
        return iter(self._members)

    def __len__(self) -> int:
        return len(self._members)

    def __repr__(self) -> str:
        return repr(self._members)  # secrets in it are Secrets, masked

    def __reduce__(self) -> tuple[Callable[..., object], tuple[object]]:
        return (_freeze_extra, (_thaw(self, secrets="keep"),))


def _read_only_members(members: dict[str, object]) -> _ReadOnlyMembers:
    mapping = object.__new__(_ReadOnlyMembers)
    object.__setattr__(mapping, "_members", members)
    return mapping


# Shared by every empty object (a body may hold a few hundred thousand): nothing changes it.
_NO_MEMBERS: Final = _read_only_members({})


def _is_token_name(name: str) -> bool:
    """True for a member whose strings are secrets: its name ends in "token", any case."""
    return name[-5:].lower() == "token"


def _freeze_extra(members: dict[str, object]) -> Mapping[str, object]:
    """The members no field took, read-only at every depth, every *token string a
    Secret: one per distinct string of the body."""
    secrets: dict[str, Secret] = {}
    return _read_only_members(
        {
            name: _freeze(value, secret=_is_token_name(name), member=name, secrets=secrets)
            for name, value in members.items()
        }
    )


def _freeze(value: object, *, secret: bool, member: str, secrets: dict[str, Secret]) -> object:
    """A read-only copy of a JSON value (or a constructor's Secret) under the extra member
    `member`: objects read-only, arrays tuples, strings Secrets when `secret` (under a
    *token name), one per string (`secrets`); numbers to_json() cannot write, refused."""
    if type(value) is str:
        if not secret:
            return value
        made = secrets.get(value)
        if made is None:
            made = secrets[value] = Secret(value)
        return made
    if type(value) is list:
        return _freeze_array(value, secret=secret, member=member, secrets=secrets)
    if type(value) is dict:  # the decoder's own, or _as_decoded's: frozen in place
        if not value:
            return _NO_MEMBERS
        for name, item in value.items():
            is_secret = secret or _is_token_name(name)
            if not (item is None or type(item) is bool or (type(item) is str and not is_secret)):
                value[name] = _freeze(item, secret=is_secret, member=member, secrets=secrets)
        return _read_only_members(value)
    if type(value) is int:
        if -_INTEGER_LIMIT < value < _INTEGER_LIMIT:
            return value
        raise _invalid(member, f"holds an integer of more than {_MAX_DIGITS} digits")
    if type(value) is float:
        if math.isfinite(value):
            return value
        raise _invalid(member, "holds a number out of range")
    if value is None or type(value) is bool or secret:  # a Secret, under a *token name
        return value
    raise _invalid(member, "holds a Secret under a name that does not end in 'token'")


# What an array may hold that _freeze_array checks in bulk.
_SCALARS: Final = frozenset({str, int, float, bool, type(None)})


def _freeze_array(
    items: list[object], *, secret: bool, member: str, secrets: dict[str, Secret]
) -> tuple[object, ...]:
    """_freeze of an array. A body may hold arrays of a few hundred thousand strings,
    numbers, booleans and nulls: those are checked in a few C loops, not a call per
    item, but for small arrays, where a call per item costs less."""
    kinds = set(map(type, items))
    if len(items) < 16 or not kinds <= _SCALARS:
        return tuple(
            [_freeze(item, secret=secret, member=member, secrets=secrets) for item in items]
        )
    if int in kinds:
        integers = [item for item in items if type(item) is int]
        if not -_INTEGER_LIMIT < min(integers) <= max(integers) < _INTEGER_LIMIT:
            raise _invalid(member, f"holds an integer of more than {_MAX_DIGITS} digits")
    if float in kinds and not all(math.isfinite(item) for item in items if type(item) is float):
        raise _invalid(member, "holds a number out of range")
    if not (secret and str in kinds):
        return tuple(items)
    for text in items:  # one Secret per distinct string, in the body's order
        if type(text) is str and text not in secrets:
            secrets[text] = Secret(text)
    return tuple(map(secrets.get, items, items))  # type: ignore[arg-type]  # a Secret or the item


def _thaw(value: object, *, secrets: str) -> Any:
    """The inverse of _freeze: plain dicts and lists, each Secret kept as it is
    (`secrets="keep"`), exposed ("expose") or left out ("drop")."""
    if isinstance(value, Secret):
        return value.expose_secret() if secrets == "expose" else value
    if isinstance(value, Mapping):
        return {
            name: _thaw(item, secrets=secrets)
            for name, item in value.items()
            if secrets != "drop" or not isinstance(item, Secret)
        }
    if isinstance(value, tuple):
        return [
            _thaw(item, secrets=secrets)
            for item in value
            if secrets != "drop" or not isinstance(item, Secret)
        ]
    return value


# --- The success response: RFC 6749 section 5.1 --------------------------------------------
def _fill(target: _Object, **fields: object) -> _Object:
    """Give a new token or error params its fields: the one place they are written."""
    for name, value in fields.items():
        object.__setattr__(target, name, value)
    return target


_FIELDS: Final = ("access_token", "token_type", "expires_in", "refresh_token", "scope")


def _is_error_body(members: Mapping[str, object]) -> bool:
    """A body with an `error` member is an error response (section 5.2)."""
    return not _omitted(members.get("error"))


def _build_token(
    token: _Token,
    members: dict[str, object],
    *,
    issued_at: int | None,
    previous: IssueAccessTokenSuccessParams | None,
    strict: bool,
    form: bool,
) -> _Token:
    """Validate `members` and give `token` its fields: every token is built here, by
    its constructor or a parser. `issued_at`: the argument in epoch seconds. `form`:
    every value is a string. Consumes `members`: what no field takes is the extra."""
    if _is_error_body(members):
        code = members["error"]
        registered = isinstance(code, str) and code in REGISTERED_ERROR_CODES
        named = f" {code!r}" if registered else ""  # never body text
        raise _invalid(
            "error",
            f"makes this an error response{named}, not a token (parse_token_response"
            " raises AccessTokenError for it)",
        )
    pop = members.pop
    access_token = _secret("access_token", pop("access_token", None), required=True)
    token_type = _token_type(pop("token_type", None), strict=strict)
    expires_in = _expires_in(pop("expires_in", None), strict=strict, form=form)
    refresh_token = _secret("refresh_token", pop("refresh_token", None), required=False)
    scope = _scope(pop("scope", None), strict=strict)
    if previous is not None:  # section 6: the server MAY omit them on refresh
        if refresh_token is None:
            refresh_token = previous.refresh_token
        if scope is None:
            scope = previous.scope
    start, expires_in = _start_and_lifetime(issued_at, members, expires_in, strict=strict)
    return _fill(
        token,
        access_token=access_token,
        token_type=token_type,
        refresh_token=refresh_token,
        scope=scope,
        extra=_freeze_extra(members),
        _lifetime=_lifetime(start, expires_in, granted=expires_in),
    )


def _lifetime(start: int, expires_in: int | None, *, granted: int | None) -> tuple[Any, ...]:
    """The state a sync replaces whole: issued_at, expires_in, expires_at in epoch seconds
    (numbers compare fast), and the lifetime granted, whose half caps the leeway (unsynced)."""
    deadline = math.inf if expires_in is None else min(start + expires_in, _LAST_TIMESTAMP)
    return (_EPOCH + timedelta(seconds=start), expires_in, deadline, granted)


# Authorization schemes (RFC 6750, RFC 9449) by token_type in lower case, and as
# servers spell them: authorization_header finds the usual spellings in one lookup.
_SCHEMES: Final = {"bearer": "Bearer", "dpop": "DPoP", "Bearer": "Bearer", "DPoP": "DPoP"}


@dataclasses.dataclass(init=False, eq=False, repr=False)
class IssueAccessTokenSuccessParams:
    """A successful access token response (RFC 6749 section 5.1), validated; read-only
    but for `sync_expires_in`. Build one with a parser or `parse_token_response`; the
    constructor validates as lenient parsing does."""

    # issued_at and expires_in change together (sync_expires_in): both live in
    # `_lifetime`, one tuple replaced in one store, so no thread sees one changed alone.
    __slots__ = ("_lifetime", "access_token", "extra", "refresh_token", "scope", "token_type")

    access_token: Final[Secret]
    """The access token issued by the authorization server."""
    token_type: Final[str]
    """The type of the token (section 7.1), as sent; compared case-insensitively."""
    expires_in: Final[int | None]
    """Lifetime in whole seconds, counted from issued_at; None when not sent."""
    refresh_token: Final[Secret | None]
    """The refresh token (section 6), if one was issued."""
    scope: Final[str | None]
    """Space-delimited scope tokens (section 3.3); None: as requested."""
    issued_at: Final[datetime]
    """When expires_in starts to count: aware UTC, whole seconds. Not in the RFC."""
    extra: Final[Mapping[str, object]]
    """Every other member of the response, read-only; *token strings are Secrets."""

    if TYPE_CHECKING:
        _lifetime: tuple[datetime, int | None, float, int | None]
    else:  # read from _lifetime; to dataclasses, fields with a default
        issued_at = property(lambda self: self._lifetime[0])
        expires_in = property(lambda self: self._lifetime[1])

    __setattr__ = __delattr__ = _read_only

    @_without_frames
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
        if hasattr(self, "_lifetime"):  # the fields are set: called again, to change them
            raise dataclasses.FrozenInstanceError("a token cannot be initialized again")
        start = _issued_at_argument(issued_at, None)
        members = {} if extra is None else _members_of(extra, "extra")
        # What a parser would read otherwise is refused, so that to_json() reloads it.
        for name in sorted(members.keys() & {*_FIELDS, "issued_at", "expires_at"}):
            if name in _FIELDS or _take_time(dict(members), name, strict=False) is not None:
                raise _invalid(name, "is a field or a time of the token, not an extra member")
        fields = (access_token, token_type, expires_in, refresh_token, scope)
        for name, value in zip(_FIELDS, fields, strict=True):
            members[name] = _as_decoded(value, member=name, depth=2, containers=itertools.count())
        _build_token(self, members, issued_at=start, previous=None, strict=False, form=False)

    # --- Parsing ---------------------------------------------------------
    @classmethod
    @_without_frames
    def try_from_bytes(
        cls: type[_Token],
        data: Body,
        *,
        issued_at: Moment | None = None,
        previous: IssueAccessTokenSuccessParams | None = None,
        strict: bool = False,
        max_bytes: int = _MAX_BODY,
    ) -> _Token:
        """Parse a JSON body (bytes, bytearray, memoryview or str), or raise
        InvalidTokenResponse. `issued_at` (aware datetime or epoch seconds): when the
        token started to live; `previous`: the token this refreshes, whose
        refresh_token and scope are kept when the response omits them (section 6)."""
        start = _issued_at_argument(issued_at, previous)
        members = _decode_json(_read_text(data, max_bytes))
        token = object.__new__(cls)
        return _build_token(
            token, members, issued_at=start, previous=previous, strict=strict, form=False
        )

    @classmethod
    @_without_frames
    def try_from_form(
        cls: type[_Token],
        data: Body,
        *,
        issued_at: Moment | None = None,
        previous: IssueAccessTokenSuccessParams | None = None,
        strict: bool = False,
        max_bytes: int = _MAX_BODY,
    ) -> _Token:
        """Parse an application/x-www-form-urlencoded body, as GitHub answers: every
        value a string, a digit string is an integer. Otherwise as `try_from_bytes`."""
        start = _issued_at_argument(issued_at, previous)
        members = _decode_form(_read_text(data, max_bytes))
        token = object.__new__(cls)
        return _build_token(
            token, members, issued_at=start, previous=previous, strict=strict, form=True
        )

    @classmethod
    @_without_frames
    def from_dict(
        cls: type[_Token],
        mapping: Mapping[str, object],
        *,
        issued_at: Moment | None = None,
        previous: IssueAccessTokenSuccessParams | None = None,
        strict: bool = False,
    ) -> _Token:
        """Validate an already-decoded JSON object. Otherwise as `try_from_bytes`."""
        start = _issued_at_argument(issued_at, previous)
        members = _members_of(mapping, "from_dict() mapping")
        token = object.__new__(cls)
        return _build_token(
            token, members, issued_at=start, previous=previous, strict=strict, form=False
        )

    # --- Expiry ------------------------------------------------------------
    @property
    def expires_at(self) -> datetime | None:
        """issued_at + expires_in, saturating at datetime.max (UTC); None without expires_in."""
        issued_at, expires_in, *_ = self._lifetime
        return None if expires_in is None else _add_seconds(issued_at, expires_in)

    def remaining(self, now: datetime | None = None) -> timedelta | None:
        """Time left before expires_at, never negative; None without expires_in."""
        current = _now(now)
        expires_at = self.expires_at
        return None if expires_at is None else max(expires_at - current, timedelta(0))

    def is_expired(self, *, leeway: float = 60.0, now: datetime | None = None) -> bool:
        """True once now + leeway reaches expires_at; never without expires_in. The
        leeway is at most half the lifetime the token was built with: a 30-second token
        is not born expired, and no sync_expires_in changes the answer."""
        # Every request asks: the default, a float, passes one comparison of types.
        if type(leeway) is not float:
            if isinstance(leeway, bool) or not isinstance(leeway, (int, float)):
                raise TypeError(f"leeway must be a number of seconds, not {type(leeway).__name__}")
            leeway = min(leeway, _MAX_EXPIRES_IN)  # the cap is below: no float overflow
        if not leeway >= 0:  # also true for NaN
            raise ValueError("leeway must be a non-negative number of seconds")
        issued_at, expires_in, deadline, granted = self._lifetime
        # Every request asks, at the current time: two numbers tell that even the whole
        # leeway falls short of expires_at (as it always does without one).
        if now is None and time.time() + leeway < deadline:
            return False
        # Else exactly, as datetimes: past the year 2106 a float has lost the microseconds.
        current = _now(now)
        if expires_in is None or granted is None:  # both or neither
            return False
        left = _add_seconds(issued_at, expires_in) - current
        return left.total_seconds() <= min(leeway, granted / 2)

    def sync_expires_in(self, now: datetime | None = None) -> None:
        """Recount expires_in in whole seconds from `now`, which becomes issued_at:
        expires_at never moves, so a second call subtracts nothing twice. Once passed,
        expires_in is 0 and issued_at is expires_at; a later call with an earlier clock
        recounts from it. Without expires_in, nothing changes. Thread-safe."""
        current = _now(now)
        issued_at, expires_in, _, granted = self._lifetime  # one read: one state
        if expires_in is None:
            return
        expires_at = _add_seconds(issued_at, expires_in)
        # Once passed, counted from expires_at itself: issued_at cannot be now without
        # moving expires_at. Rounded up: a saturated expires_at is no whole second.
        start = _epoch(min(current, expires_at))
        left = -((_EPOCH - expires_at) // _SECOND) - start
        object.__setattr__(self, "_lifetime", _lifetime(start, left, granted=granted))

    # --- Using the token -----------------------------------------------------
    @property
    def scopes(self) -> tuple[str, ...] | None:
        """The scope tokens, in order, without duplicates; None when scope is None."""
        if self.scope is None:
            return None
        return tuple(dict.fromkeys(token for token in self.scope.split(" ") if token))

    @property
    def id_token(self) -> Secret | None:
        """OpenID Connect's id_token member of `extra`, or None when there is none."""
        value = self.extra.get("id_token")
        return value if isinstance(value, Secret) else None

    @property
    def is_bearer(self) -> bool:
        """token_type is "Bearer", in any case (RFC 6749 section 7.1)."""
        return self.auth_scheme == "Bearer"

    @property
    def auth_scheme(self) -> str:
        """The Authorization header's scheme: Bearer and DPoP canonical, others as sent."""
        return _SCHEMES.get(self.token_type.lower(), self.token_type)

    def authorization_header(self) -> str:
        """The value of an Authorization header. EXPOSES the access token, on purpose."""
        # Every request asks: the usual spellings are one lookup, not a lower().
        scheme = _SCHEMES.get(self.token_type) or self.auth_scheme
        return f"{scheme} {self.access_token.expose_secret()}"

    # --- Storage -------------------------------------------------------------
    def to_dict(self) -> dict[str, object]:
        """Every member as sent, for storage. EXPOSES the secrets. issued_at and
        expires_at in epoch seconds: try_from_bytes and authlib read the same expiry."""
        *values, issued_at, extra = self._fields()
        result: dict[str, object] = {
            name: value.expose_secret() if isinstance(value, Secret) else value
            for name, value in zip(_FIELDS, values, strict=True)
            if value is not None
        }
        result["issued_at"] = _epoch(issued_at)
        if "expires_in" in result:
            result["expires_at"] = _epoch(_add_seconds(issued_at, values[2]))
        for name, value in _thaw(extra, secrets="expose").items():
            result.setdefault(name, value)  # a member never takes a field's place
        return result

    def to_json(self) -> str:
        """`to_dict` as compact JSON. EXPOSES the secrets, on purpose."""
        return json.dumps(self.to_dict(), separators=(",", ":"))

    # --- Python protocols -----------------------------------------------------
    def _fields(self) -> tuple[Any, ...]:
        """The seven fields, in order, issued_at and expires_in from one read."""
        issued_at, expires_in, *_ = self._lifetime
        fields = (self.access_token, self.token_type, expires_in, self.refresh_token)
        return (*fields, self.scope, issued_at, self.extra)

    def __repr__(self) -> str:
        _, token_type, expires_in, refresh_token, scope, issued_at, extra = self._fields()
        refresh = "absent" if refresh_token is None else "present"
        return (
            f"{type(self).__name__}(access_token={self.access_token!r},"
            f" token_type={token_type!r}, expires_in={expires_in!r},"
            f" refresh_token={refresh}, scope={scope!r},"
            f" issued_at={issued_at.isoformat()!r}, extra_keys={_shown_names(extra)!r})"
        )

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # sync_expires_in changes it in place

    def __reduce__(self) -> tuple[Callable[..., object], tuple[object, ...]]:
        # copy, deepcopy and pickle rebuild through the validating constructor, from
        # plain values, and keep the lifetime granted: a copy expires as the original.
        *fields, extra = self._fields()
        granted = self._lifetime[3]
        return (_copied, (type(self), (*fields, _thaw(extra, secrets="keep")), granted))


def _copied(
    cls: type[_Token], fields: tuple[Any, ...], granted: int | None
) -> IssueAccessTokenSuccessParams:
    """A copy of a token (see its __reduce__): its fields, and the lifetime granted."""
    token = cls(*fields)
    return _fill(token, _lifetime=(*token._lifetime[:3], granted))


# --- The error response: RFC 6749 section 5.2 ----------------------------------------------
REGISTERED_ERROR_CODES: Final = frozenset(
    # RFC 6749 sections 4.1.2.1, 4.2.2.1 and 5.2
    "invalid_request invalid_client invalid_grant unauthorized_client unsupported_grant_type"
    " invalid_scope access_denied unsupported_response_type server_error temporarily_unavailable"
    # RFC 8628 section 3.5 (the device flow), and RFC 8707 section 2 (resource indicators)
    " authorization_pending slow_down expired_token invalid_target".split()
)
"""The error codes registered by RFC 6749, RFC 8628 and RFC 8707."""

_RETRYABLE_CODES: Final = frozenset(
    {"authorization_pending", "slow_down", "temporarily_unavailable", "server_error"}
)

# RFC 3986 section 4.1 URI-reference: unreserved, reserved and %-escaped characters,
# at most one "#", and an optional scheme.
_URI_CHARACTERS: Final = r"A-Za-z0-9\-._~!$&'()*+,;=:@/?\[\]%#"
_SCHEME: Final = r"A-Za-z0-9+.\-"  # after a first letter


def _is_uri_reference(text: str) -> bool:
    """RFC 3986 URI-reference (Appendix A.9): a relative one's first segment has no ':'."""
    if not _only(_URI_CHARACTERS, text) or text.count("#") > 1:
        return False
    if re.search(r"%(?![0-9A-Fa-f]{2})", text):
        return False
    # Before the first ":", "/", "?" or "#": a scheme if ":" ends it, else a first segment.
    end = re.match("[^:/?#]*", text).end()  # type: ignore[union-attr]  # it matches ""
    scheme = text[:end]
    return not text.startswith(":", end) or (scheme[:1].isalpha() and _only(_SCHEME, scheme))


def _is_nqschar(text: str) -> bool:
    """1 or more NQSCHAR: error, error_description (Appendix A.7, A.8)."""
    return _is_vschar(text, but=_NOT_NQSCHAR)


def _error_code(error: object) -> tuple[str, str | None]:
    """Lenient: the code and description of a frozen `error` that is not a string:
    Facebook Graph's object (its type, else its code, and its message), Reddit's 401."""
    candidates, description = [error], None
    if isinstance(error, Mapping):
        message = error.get("message")
        description = message if isinstance(message, str) and message else None
        candidates = [error.get("type"), error.get("code")]
    for code in candidates:
        if isinstance(code, str) and code:
            return code, description
        if isinstance(code, (int, float)) and not isinstance(code, bool):
            return json.dumps(code), description
    return "unknown_error", description


def _parse_error(
    cls: type[_ErrorParams], members: dict[str, object], *, strict: bool
) -> _ErrorParams:
    """Every parser of an error response ends here (consumes `members`)."""
    error = members.pop("error", None)
    if _omitted(error):
        raise _invalid("error", "is missing (RFC 6749 section 5.2: REQUIRED)")
    texts: dict[str, str | None] = {}
    for name, valid in (("error_description", _is_nqschar), ("error_uri", _is_uri_reference)):
        text = texts[name] = _take(
            members, name, lambda value: value if isinstance(value, str) else None
        )
        if strict and name in members:  # not a string
            raise _invalid(name, f"must be a string, not {_kind(members[name])}")
        if strict and text is not None and not valid(text):
            raise _invalid(name, "has characters RFC 6749 Appendix A does not allow")
    if strict and not isinstance(error, str):
        raise _invalid("error", f"must be a string, not {_kind(error)}")
    if strict and not _is_nqschar(error):  # type: ignore[arg-type]
        raise _invalid("error", "has characters RFC 6749 Appendix A.7 does not allow")
    if isinstance(error, str):
        return _fill(object.__new__(cls), error=error, **texts, extra=_freeze_extra(members))
    members["error"] = error  # nothing is lost: the original stays in extra
    extra = _freeze_extra(members)  # its numbers bounded before one is written as a code
    code, message = _error_code(extra["error"])
    description = texts.pop("error_description") or message
    return _fill(
        object.__new__(cls), error=code, error_description=description, **texts, extra=extra
    )


@dataclasses.dataclass(slots=True, init=False, eq=False, repr=False)
class IssueAccessTokenErrorParams:
    """An error response (RFC 6749 section 5.2), read-only; `error` as sent. Lenient
    parsing reads Azure AD's multi-line descriptions, GitHub's relative error_uri, and
    Facebook's object or Reddit's number for the code (the original stays in extra)."""

    error: Final[str]
    """The error code (section 5.2)."""
    error_description: Final[str | None]
    """Human-readable text, for the developer."""
    error_uri: Final[str | None]
    """A page about the error, for the developer."""
    extra: Final[Mapping[str, object]]
    """Every other member, read-only; *token strings are Secrets (Auth0's mfa_token)."""

    __setattr__ = __delattr__ = _read_only

    @_without_frames
    def __init__(
        self,
        error: str,
        error_description: str | None = None,
        error_uri: str | None = None,
        extra: Mapping[str, object] | None = None,
    ) -> None:
        if hasattr(self, "error"):  # the fields are set: called again, to change them
            raise dataclasses.FrozenInstanceError("error params cannot be initialized again")
        texts = {"error": error, "error_description": error_description, "error_uri": error_uri}
        for name, value in texts.items():
            if not isinstance(value, str) and (value is not None or name == "error"):
                raise _invalid(name, f"must be a string, not {_kind(value)}")
            texts[name] = None if value is None else str.__str__(value)  # plain str
        if texts["error"] == "":
            raise _invalid("error", "must be a non-empty string")
        members = {} if extra is None else _members_of(extra, "extra")
        _fill(self, **texts, extra=_freeze_extra(members))

    @classmethod
    @_without_frames
    def try_from_bytes(
        cls: type[_ErrorParams], data: Body, *, strict: bool = False, max_bytes: int = _MAX_BODY
    ) -> _ErrorParams:
        """Parse a JSON error body. Raises InvalidTokenResponse if it is none."""
        return _parse_error(cls, _decode_json(_read_text(data, max_bytes)), strict=strict)

    @classmethod
    @_without_frames
    def try_from_form(
        cls: type[_ErrorParams], data: Body, *, strict: bool = False, max_bytes: int = _MAX_BODY
    ) -> _ErrorParams:
        """Parse a form-encoded error body (GitHub's default)."""
        return _parse_error(cls, _decode_form(_read_text(data, max_bytes)), strict=strict)

    @classmethod
    @_without_frames
    def from_dict(
        cls: type[_ErrorParams], mapping: Mapping[str, object], *, strict: bool = False
    ) -> _ErrorParams:
        """Validate an already-decoded JSON object."""
        return _parse_error(cls, _members_of(mapping, "from_dict() mapping"), strict=strict)

    def _fields(self) -> tuple[Any, ...]:
        return (self.error, self.error_description, self.error_uri, self.extra)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(error={self.error!r},"
            f" error_description={self.error_description!r},"
            f" error_uri={self.error_uri!r}, extra_keys={_shown_names(self.extra)!r})"
        )

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # extra is a mapping

    def __reduce__(self) -> tuple[type[IssueAccessTokenErrorParams], tuple[object, ...]]:
        *texts, extra = self._fields()
        return (type(self), (*texts, _thaw(extra, secrets="keep")))


class AccessTokenError(Exception):
    """The token endpoint answered an error (RFC 6749 section 5.2): `params`, the
    HTTP `status` given, and whether asking again may succeed (`retryable`). Pickled,
    as process pools and log handlers do, it leaves out the secrets of params.extra."""

    params: IssueAccessTokenErrorParams
    status: int | None

    @_without_frames
    def __init__(self, params: IssueAccessTokenErrorParams, status: int | None = None) -> None:
        if not isinstance(params, IssueAccessTokenErrorParams):
            raise TypeError(f"params must be error params, not {type(params).__name__}")
        if status is not None and (isinstance(status, bool) or not isinstance(status, int)):
            raise TypeError(f"status must be an int or None, not {type(status).__name__}")
        Exception.__init__(self, params, status)
        self.params = params
        self.status = status

    @property
    def retryable(self) -> bool:
        """True for a pending or slowed-down device flow, a server error, 429 and 5xx."""
        return self.params.error in _RETRYABLE_CODES or _is_retryable_status(self.status)

    def __str__(self) -> str:
        params = self.params
        text = _escape(params.error, 100)
        if params.error_description is not None:
            text += f": {_escape(params.error_description)}"
        notes = [] if self.status is None else [f"HTTP {self.status}"]
        if params.error_uri is not None:
            notes.append(f"see {_escape(params.error_uri)}")
        return f"{text} ({'; '.join(notes)})" if notes else text

    def __reduce__(self) -> tuple[type[AccessTokenError], tuple[object, ...], dict[str, Any]]:
        params = self.params
        extra = _thaw(params.extra, secrets="drop")
        kept = type(params)(params.error, params.error_description, params.error_uri, extra)
        state = {name: value for name, value in vars(self).items() if name != "params"}
        return (type(self), (kept, self.status), state)


# What ends, forges or reorders a log line: C0, DEL, C1, the line and paragraph
# separators, the bidirectional controls, and lone surrogates (no encoder writes them).
_UNSAFE_IN_LOGS: Final = r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"


def _escape(text: str, limit: int = 200) -> str:
    """Text made safe for one log line: what could end, forge or reorder it escaped,
    its length capped."""
    if len(text) > limit:
        text = text[:limit] + "..."
    return re.sub(_UNSAFE_IN_LOGS, lambda match: ascii(match.group())[1:-1], text)


# --- The whole answer: parse_token_response ------------------------------------------------
@_without_frames
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
    """A token endpoint's whole answer: the token of a success response, else
    AccessTokenError for an error response whatever the status (GitHub answers 200),
    else InvalidTokenResponse (a status that is not 2xx is never a token); each
    carries `status`. `content_type`: forms (and GitHub's text/plain) read as forms,
    others as JSON; without it, a body that does not start like JSON and holds a "="
    reads as a form (GitHub's default answer)."""
    if isinstance(status, bool) or not isinstance(status, int):
        raise TypeError(f"status must be an int, not {type(status).__name__}")
    if content_type is not None and not isinstance(content_type, str):
        raise TypeError(f"content_type must be a str, not {type(content_type).__name__}")
    start = _issued_at_argument(issued_at, previous)
    try:
        text = _read_text(body, max_bytes)
        form = _is_form(text, content_type)
        members = _decode_form(text) if form else _decode_json(text)
        if _is_error_body(members):
            params = _parse_error(IssueAccessTokenErrorParams, members, strict=strict)
            raise AccessTokenError(params, status)
        if not 200 <= status <= 299:
            raise _invalid(None, "is no error response, and an answer that is not 2xx is no token")
        token = object.__new__(IssueAccessTokenSuccessParams)
        return _build_token(
            token, members, issued_at=start, previous=previous, strict=strict, form=form
        )
    except InvalidTokenResponse as error:
        error.status = status
        if not 200 <= status <= 299:  # so that a log line says what the server did
            error.args = (f"{error.args[0]} (HTTP {status})",)
        raise


# --- Command line: python -m oauth_token [FILE | -] [--json] [--strict] --------------------
# RFC 6749 section 5.1's example response.
_EXAMPLE: Final = (
    b'{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,'
    b'"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA","example_parameter":"example_value"}'
)


def _main(argv: list[str] | None = None) -> int:
    import argparse  # noqa: PLC0415 - only the command line pays for it

    parser = argparse.ArgumentParser(
        prog="python -m oauth_token",
        description="Redacted summary of a token response. Exit 0: token, 1: none, 2: unreadable.",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="JSON or a form; '-': stdin")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--strict", action="store_true", help="hold it to RFC 6749 to the letter")
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):  # whatever the body holds, printing never fails
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        summary = _summary(args.file, strict=args.strict)
        if "message" in summary and sys.stderr is not None:  # print() would use stdout
            with contextlib.suppress(OSError):  # a full stderr must not cost stdout its answer
                print(f"oauth_token: {summary['result']}: {summary['message']}", file=sys.stderr)
        if args.json or "message" not in summary:
            rows = (f"{name.replace('_', ' ') + ':':<15}{value}" for name, value in summary.items())
            print(json.dumps(summary, indent=2) if args.json else "\n".join(rows), flush=True)
    except KeyboardInterrupt:
        return 130  # Ctrl-C: the shell's status for SIGINT, and no traceback
    except OSError:  # a closed pipe (`... | head -1`), a full disk: what could be, was
        with contextlib.suppress(OSError, ValueError, AttributeError):  # as Python's docs advise:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no failing flush
    return 0 if summary["result"] == "token" else 2 if summary["result"] == "unreadable" else 1


def _summary(file: str | None, *, strict: bool) -> dict[str, Any]:
    """The command line's summary of `file`: no secret, nothing unescaped; a "message"
    for stderr when it holds no token."""
    try:
        token = parse_token_response(_read_input(file), strict=strict)
    except OSError as error:
        where = "standard input" if file in (None, "-") else _escape(str(file))
        message = f"{where}: {error.strerror or type(error).__name__}"
        return {"result": "unreadable", "message": message}
    except AccessTokenError as error:
        message = str(AccessTokenError(error.params))  # no status was given: none shown
        return {"result": "error response", "error": error.params.error, "message": message}
    except InvalidTokenResponse as error:
        return {"result": "invalid response", "field": error.field, "message": str(error)}
    left = token.remaining()
    left_text = "not given" if left is None else str(left - left % _SECOND) if left else "expired"
    return {
        "result": "token",
        "token_type": _escape(token.token_type),
        "issued_at": token.issued_at.isoformat(),
        "expires_at": "not given" if token.expires_at is None else token.expires_at.isoformat(),
        "expires_in": left_text,
        "refresh_token": "present" if token.refresh_token else "absent",
        "scopes": "as requested" if token.scopes is None else " ".join(token.scopes),
        "extra_keys": ", ".join(_shown_names(token.extra)) or "none",
    }


def _read_input(file: str | None) -> bytes:
    """The body, at most max_bytes + 1 bytes: an endless input is refused. Without FILE,
    standard input if a pipe, socket or file (`curl ... | python -m oauth_token`), else
    (a terminal, /dev/null, a closed input) the built-in example."""
    if file is None:
        with contextlib.suppress(OSError, ValueError, AttributeError):  # closed, or none
            kind = stat.S_IFMT(os.fstat(sys.stdin.fileno()).st_mode)
            file = "-" if kind in (stat.S_IFIFO, stat.S_IFREG, stat.S_IFSOCK) else None
    if file is None:
        return _EXAMPLE
    if file == "-":
        body = b"" if sys.stdin is None else sys.stdin.buffer.read(_MAX_BODY + 1)
    else:
        with open(file, "rb") as stream:
            body = stream.read(_MAX_BODY + 1)
    # A trailing newline is echo's or an editor's, not the server's (within max_bytes).
    return body.rstrip(b"\r\n") if len(body) <= _MAX_BODY else body


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
