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
or the raw body: not in its message, not in its args, not in its chain, not in the
local variables of its traceback.

Validation has two modes. The default, ``strict=False``, accepts what real servers
send (a string expires_in, a scope array, no token_type); ``strict=True`` holds the
response to RFC 6749 to the letter. Both reject malformed JSON or forms, duplicate
members, booleans or NaN where a number belongs, and bodies larger than max_bytes,
always with `InvalidTokenResponse`.

Stance: this module favours code a careful reader can audit in one sitting over
speed no client would feel. It uses the standard library's public API only, and a
token's one piece of mutable state is replaced, never edited.

Layout: the file reads in the order a body travels. After the two objects every
step uses (`Secret` and `InvalidTokenResponse`) come bytes to text (`_read_text`),
text to members (`_decode_json`, `_decode_form`), the field rules that check each
member, the times, the extra members, then the objects built from them (the success
response, the error response), `parse_token_response`, and the command line.

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

__version__ = "1.1.0"

import contextlib
import dataclasses
import functools
import itertools
import json
import math
import re
import sys
import time
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Final, NoReturn, TypeVar

# The annotations resolve at run time (typing.get_type_hints, pydantic, cattrs).
Body = bytes | bytearray | memoryview | str
Moment = datetime | int | float
# issued_at, expires_in, expires_at in epoch seconds, and the lifetime granted (see _lifetime)
Lifetime = tuple[datetime, int | None, float, int | None]
Function = TypeVar("Function", bound=Callable[..., Any])
Token = TypeVar("Token", bound="IssueAccessTokenSuccessParams")
ErrorParams = TypeVar("ErrorParams", bound="IssueAccessTokenErrorParams")


# Limits on what a body may hold. Each bounds work that would otherwise grow faster
# than the body: int() is quadratic in its digits, and the C JSON decoder recurses
# once per level of nesting.
_MAX_BODY: Final = 1 << 20  # default max_bytes: 1 MiB, far above any real response
_MAX_DEPTH: Final = 64  # levels of nested arrays and objects, the body's object included
_MAX_DIGITS: Final = 64  # digits of an integer, in JSON or in a digit string
_INTEGER_LIMIT: Final = 10**_MAX_DIGITS  # the least integer with too many digits
_MAX_EXPIRES_IN: Final = (1 << 63) - 1


# ---------------------------------------------------------------------------
# Secret
# ---------------------------------------------------------------------------

_MASK: Final = "**********"


# Every object this module hands out is read-only: a hand-written guard, not
# dataclass(frozen=True), which builds its own __setattr__ and __delattr__ with exec()
# at import (a millisecond on Python 3.11). `Final` on each field tells type checkers
# what the guard tells the interpreter. The module's own code, and only it, writes
# an attribute, with object.__setattr__, once.
def _read_only(self: object, name: str, value: object = None) -> NoReturn:
    raise dataclasses.FrozenInstanceError(f"cannot assign to or delete field {name!r}")


class Secret:
    """A string that never shows itself by accident.

    repr(), str(), format() and %-formatting show a fixed mask that reveals neither
    the value, nor its length, nor whether it is empty. `expose_secret` is the only
    way to read the value. Two secrets compare equal in constant time; a secret is
    never equal to a plain str. A secret is immutable.
    """

    __slots__ = ("_value",)
    _value: str

    def __init__(self, value: str) -> None:
        if hasattr(self, "_value"):  # made already: a Secret never changes
            raise dataclasses.FrozenInstanceError("a Secret cannot be changed")
        if type(value) is not str:
            if not isinstance(value, str):
                kind = type(value).__name__
                del value  # not even a traceback's frame keeps it
                raise TypeError(f"Secret() takes a str, not {kind}")
            value = str.__str__(value)  # a str subclass: a plain str
        object.__setattr__(self, "_value", value)

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
        # Imported here: hmac loads hashlib and OpenSSL, which costs more than
        # importing this whole module, and most programs never compare secrets.
        import hmac  # noqa: PLC0415

        # compare_digest takes bytes; "surrogatepass" lets a lone surrogate (legal
        # in JSON as "\\ud800") through instead of raising.
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


def _plain(text: str) -> str:
    """`text` as an exact str: a str subclass could override __repr__ or __eq__."""
    return text if type(text) is str else str.__str__(text)


# ---------------------------------------------------------------------------
# The one exception for bad content
# ---------------------------------------------------------------------------


class InvalidTokenResponse(ValueError):
    """The token endpoint's answer is not a valid response.

    `field` names the offending member, or is None when the document as a whole is
    at fault (or when the member's name is not shown: see `_invalid`). The message
    quotes nothing of the body but such a name, and the exception never chains to
    one that does. `status` is the HTTP status given to `parse_token_response`;
    `retryable` is true for 429 and 5xx, where asking again later may succeed.
    """

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
    """True when a member's name may be shown: it looks like a name, of letters,
    digits, '_', '-' and '.', at most 64. Anything else may be body text that is no
    name at all: a JSON body read as a form has "names" like '{"access_token":"...'."""
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


def _without_frames(function: Function) -> Function:
    """Make a public entry point raise with a traceback that holds none of the module's
    frames but this wrapper's, whose local variables hold nothing but the exception.

    Error reporters (Sentry, for one) record the local variables of every frame of a
    traceback, and the frames of a parser hold the body and the secrets in it. Every
    exception is stripped: InvalidTokenResponse for bad content, and TypeError or
    ValueError for a wrong argument alike.
    """

    @functools.wraps(function)
    def entry_point(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except BaseException as error:  # re-raised below, unchanged (Ctrl-C too)
            failure = error
        del args, kwargs  # the body, as the caller passed it
        raise failure.with_traceback(None)

    return entry_point  # type: ignore[return-value]


# ---------------------------------------------------------------------------
# Bytes to text
# ---------------------------------------------------------------------------


def _read_text(data: Body, max_bytes: int) -> str:
    """The body as text: its size checked, and UTF-8 decoded if it is bytes-like.

    `max_bytes` counts bytes for bytes-like input and characters for str.
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int):
        raise TypeError(f"max_bytes must be an int, not {type(max_bytes).__name__}")
    if max_bytes < 0:
        raise ValueError("max_bytes must not be negative")
    if isinstance(data, str):
        text = _plain(data)
        size = len(text)
    elif isinstance(data, (bytes, bytearray, memoryview)):
        view = memoryview(data)  # the buffer itself: a subclass's __len__ cannot lie
        size = view.nbytes
    else:
        kind = type(data).__name__
        hint = ": from_dict() reads an object already decoded" if isinstance(data, Mapping) else ""
        raise TypeError(f"the body must be bytes or str, not {kind}{hint}")
    if size > max_bytes:
        raise _invalid(None, f"is larger than max_bytes ({size} > {max_bytes})")
    if isinstance(data, str):
        return text
    try:
        return view.tobytes().decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start
    # Raised outside the except block: UnicodeDecodeError.object is the whole body,
    # and it would otherwise be chained as __context__.
    raise _invalid(None, f"is not UTF-8 (invalid byte at offset {offset})")


# ---------------------------------------------------------------------------
# Text to members: JSON
# ---------------------------------------------------------------------------

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


def _refuse_constant(name: str) -> float:
    raise _invalid(None, f"holds {name}, which is not JSON (RFC 8259 section 6)")


# Built once, at import: json.loads(..., object_pairs_hook=...) builds a decoder per
# call. Floats need no guard: float() takes linear time, and the field rules and
# _freeze refuse the infinity that an overflowing literal such as 1e999 becomes.
_JSON_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_object_from_pairs,
    parse_constant=_refuse_constant,
)

# "[" and "{" as 1, "]" and "}" as -1 (a signed byte), everything else deleted.
_BRACKET_STEPS: Final = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_NOT_BRACKETS: Final = bytes(set(range(256)) - set(b"[{]}"))


def _is_nested_too_deep(text: str) -> bool:
    """True when arrays and objects nest deeper than _MAX_DEPTH in the JSON `text`.

    The C decoder recurses once per level, and CPython built for WebAssembly
    crashes (it does not raise) between 5,000 and 10,000 levels: so the depth is
    measured before the decoder runs, in C but for one small step per bracket.
    Brackets inside strings do not count.
    """
    # Nearly every token body is one flat object: no "[", and no "{" but its own.
    # Two C searches tell, where counting the brackets would cost half a decode.
    if "[" not in text and text.find("{", text.find("{") + 1) == -1:
        return False
    if text.count("[") + text.count("{") <= _MAX_DEPTH:
        return False  # too few brackets to nest that deep, even outside strings
    # Strings aside: once the escaped backslashes and quotes are gone, every quote
    # opens or closes a string, so every other piece between quotes is outside.
    # (Where the body is not JSON, the decoder stops at the first fault, before
    # any piece this might misread.)
    pieces = text.replace("\\\\", "").replace('\\"', "").split('"')
    outside_strings = "".join(pieces[::2]).encode("utf-8", "surrogatepass")
    steps = outside_strings.translate(_BRACKET_STEPS, _NOT_BRACKETS)
    if b"\x01" * (_MAX_DEPTH + 1) in steps:
        return True  # so many opening brackets in a row: the usual attack, in one search
    import array  # noqa: PLC0415 - only bodies of many brackets come this far

    # The depth after each bracket is the running sum of the steps.
    return max(itertools.accumulate(array.array("b", steps)), default=0) > _MAX_DEPTH


def _decode_json(text: str) -> dict[str, object]:
    """The members of the JSON object that `text` holds, and nothing else."""
    text = text.removeprefix("\ufeff")  # RFC 8259 section 8.1: a parser MAY ignore a BOM
    start = len(text) - len(text.lstrip(_JSON_WHITESPACE))  # where the value begins
    if start == len(text):
        raise _invalid(None, "is empty")
    if _is_nested_too_deep(text):
        raise _invalid(None, f"is nested deeper than {_MAX_DEPTH} levels")
    try:
        document, end = _JSON_DECODER.raw_decode(text, start)
        if text[end:].strip(_JSON_WHITESPACE):
            raise json.JSONDecodeError("Extra data", text, end)
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


def _is_plain_ascii(text: str) -> bool:
    """True when every string decoded from the JSON `text` is NQSCHAR, if not empty.

    Checking each field's characters costs more than decoding them, but JSON has
    done most of that work: a string must escape '"', '\\' and the C0 controls, and
    the decoder refuses them raw (RFC 8259 section 7). So when the body is ASCII
    without a backslash or DEL, each of its strings is printable ASCII but '"' and
    '\\' (NQSCHAR, which VSCHAR contains), and three scans of the body, in C, stand
    for the character checks of every field.
    """
    return text.isascii() and "\\" not in text and "\x7f" not in text


# ---------------------------------------------------------------------------
# Text to members: application/x-www-form-urlencoded
# ---------------------------------------------------------------------------

_HEX_DIGITS: Final = frozenset(b"0123456789abcdefABCDEF")


def _form_unquote(raw: bytes, member: str | None) -> str:
    """One name or value of a form: '+' is a space, %XX a byte; UTF-8 once decoded."""
    head, *escaped = raw.replace(b"+", b" ").split(b"%")
    octets = bytearray(head)
    for chunk in escaped:
        if len(chunk) < 2 or not _HEX_DIGITS.issuperset(chunk[:2]):
            raise _invalid(member, "has a malformed %-escape")
        octets.append(int(chunk[:2], 16))
        octets += chunk[2:]
    try:
        return octets.decode("utf-8")
    except UnicodeDecodeError:
        pass
    raise _invalid(member, "has %-escapes that are not UTF-8")


def _decode_form(text: str) -> dict[str, object]:
    """The members of a form body, as the WHATWG URL standard reads one.

    Every value of a form is a string; an empty pair is skipped.
    """
    # A JSON object sent as a form (text/plain is GitHub's legacy form type) would
    # give "names" cut out of its strings, pieces of secrets included: refused whole.
    if text.removeprefix("\ufeff").lstrip(_JSON_WHITESPACE).startswith("{"):
        raise _invalid(None, "looks like JSON, not a form")
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:  # a str body with a lone surrogate
        position = error.start
    else:
        members: dict[str, object] = {}
        for pair in data.split(b"&"):
            if not pair:
                continue
            raw_name, _, raw_value = pair.partition(b"=")
            name = _form_unquote(raw_name, None)
            if name in members:
                raise _invalid(name, _DUPLICATE)
            members[name] = _form_unquote(raw_value, name)
        return members
    # Raised outside the except block: UnicodeEncodeError.object is the whole body.
    raise _invalid(None, f"is not valid Unicode (a lone surrogate at character {position})")


def _member_name(key: object, member: str | None) -> str:
    """A key of a mapping given to from_dict or a constructor, as a member name."""
    if not isinstance(key, str):
        raise _invalid(member, "holds a member name that is not a string")
    return str.__str__(key)


def _members_of(mapping: Mapping[str, object], what: str) -> dict[str, object]:
    """A copy of an already-decoded object: from_dict's, or a constructor's extra."""
    if not isinstance(mapping, Mapping):
        raise TypeError(f"{what} must be a mapping, not {type(mapping).__name__}")
    members: dict[str, object] = {}
    for key, value in mapping.items():
        name = key if type(key) is str else _member_name(key, None)
        if name in members:  # a str subclass's key: equal as a str, hashed otherwise
            raise _invalid(name, _DUPLICATE)
        members[name] = value
    return members


# ---------------------------------------------------------------------------
# Field rules: RFC 6749 section 5.1 and Appendix A, written once and used by every
# entry point, the parsers and the constructors alike.
# ---------------------------------------------------------------------------


def _byte_class(allowed: bytes) -> bytes:
    """A bytes.translate() table that keeps each `allowed` byte and changes every other."""
    every = bytes(range(256))
    others = every.translate(None, allowed)
    return bytes.maketrans(others, bytes(byte ^ 1 for byte in others))


# The character classes of RFC 6749 Appendix A, as translate() tables.
_VSCHAR_BYTES: Final = bytes(range(0x20, 0x7F))  # %x20-7E
_VSCHAR: Final = _byte_class(_VSCHAR_BYTES)
_NQSCHAR: Final = _byte_class(_VSCHAR_BYTES.translate(None, b'"\\'))  # VSCHAR but '"' and '\\'
_NQCHAR: Final = _byte_class(_VSCHAR_BYTES.translate(None, b'" \\'))  # NQSCHAR but the space
_TYPE_NAME: Final = _byte_class(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._"
)
# Patterns are plain strings: re compiles (and caches) each on first use, so that
# importing the module compiles none.
_CONTROL: Final = "[\x00-\x1f\x7f-\x9f]"  # C0, DEL and C1


def _only(text: str, byte_class: bytes) -> bool:
    """True when `text` has 1 or more characters, each one of the ASCII `byte_class`."""
    # translate() changes every byte outside the class, so an unchanged copy means
    # all were in it: in C, and several times faster than a regular expression on
    # tokens of hundreds of characters. isascii() is O(1), and makes encode() a copy.
    if not text.isascii() or text == "":
        return False
    data = text.encode()
    return data.translate(byte_class) == data


def _omitted(value: object) -> bool:
    """Section 3.1: a parameter sent without a value (null or "") is treated as omitted."""
    return value is None or (isinstance(value, str) and str.__len__(value) == 0)


def _secret(name: str, value: object, *, required: bool, checked: bool = False) -> Secret | None:
    """access_token and refresh_token: 1 or more VSCHAR (Appendix A.12, A.17), as a Secret.

    `checked`: a str value is known to be NQSCHAR if not empty (see _is_plain_ascii).
    """
    if type(value) is str and value != "" and (checked or _only(value, _VSCHAR)):
        return Secret(value)  # the common case, first: every parse comes here twice
    if isinstance(value, Secret):  # the constructor takes Secrets: checked all the same
        return _secret(name, value.expose_secret(), required=required)
    if _omitted(value):
        if required:
            raise _invalid(name, "is missing (RFC 6749 section 5.1: REQUIRED)")
        return None
    if not isinstance(value, str):
        raise _invalid(name, f"must be a string, not {_kind(value)}")
    value = _plain(value)  # a str subclass: its own methods could lie
    if _only(value, _VSCHAR):
        return Secret(value)
    raise _invalid(name, "must be printable ASCII characters (VSCHAR, RFC 6749 Appendix A)")


# The token types servers send, valid in either mode: one lookup spares the
# character checks of nearly every response, and every token shares one string.
_USUAL_TOKEN_TYPES: Final = {"Bearer": "Bearer", "bearer": "bearer", "DPoP": "DPoP"}


def _token_type(value: object, *, strict: bool) -> str:
    """Section 7.1. Strict: RFC 6749 A.13's type-name. Lenient: missing means "Bearer"
    (LinkedIn omits it), and any text without control characters is kept as sent."""
    if type(value) is str and value in _USUAL_TOKEN_TYPES:
        return _USUAL_TOKEN_TYPES[value]  # the common case, first
    if _omitted(value):
        if strict:
            raise _invalid("token_type", "is missing (RFC 6749 section 5.1: REQUIRED)")
        return "Bearer"
    if not isinstance(value, str):
        raise _invalid("token_type", f"must be a string, not {_kind(value)}")
    value = _plain(value)
    if strict and not _only(value, _TYPE_NAME):
        raise _invalid("token_type", "must be letters, digits, '-', '.' or '_' (RFC 6749 A.13)")
    if re.search(_CONTROL, value):
        raise _invalid("token_type", "must not contain control characters")
    return value


def _integer(name: str, value: object, *, digit_strings: bool, floats: bool) -> int | None:
    """An integer member, or None when `value` is of another type (the caller decides).

    Always a JSON integer (never a boolean). `digit_strings`: also a string of ASCII
    digits, such as Azure AD v1's "3600" (int() alone would also take signs, spaces,
    underscores and other scripts' digits). `floats`: also a finite float, floored.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        if -_INTEGER_LIMIT < value < _INTEGER_LIMIT:
            return int(value)
        raise _invalid(name, f"has more than {_MAX_DIGITS} digits")
    if floats and isinstance(value, float):
        if not math.isfinite(value):
            raise _invalid(name, "is a number out of range")
        return math.floor(value)
    if digit_strings and isinstance(value, str):
        text = _plain(value)  # a str subclass: its own methods could lie
        if text.isascii() and text.isdigit():
            digits = text.lstrip("0") or "0"
            if len(digits) > _MAX_DIGITS:
                raise _invalid(name, f"has more than {_MAX_DIGITS} digits")
            return int(digits)
    return None


def _expires_in(value: object, *, strict: bool, form: bool) -> int | None:
    """Section 5.1: the lifetime in seconds, 0 to 2**63-1.

    Strict: a JSON integer, or in a form (where every value is a string) a digit
    string. Lenient: also a digit string or a float, floored.
    """
    if type(value) is int and 0 <= value <= _MAX_EXPIRES_IN:
        return value  # the common case, first
    if _omitted(value):
        return None
    seconds = _integer("expires_in", value, digit_strings=form or not strict, floats=not strict)
    if seconds is None:
        expected = "a JSON integer" if strict else "an integer, a digit string or a number"
        raise _invalid("expires_in", f"must be {expected}, not {_kind(value)}")
    if not 0 <= seconds <= _MAX_EXPIRES_IN:
        raise _invalid("expires_in", "must be from 0 to 2**63-1 seconds")
    return seconds


def _scope(value: object, *, strict: bool, checked: bool = False) -> str | None:
    """Section 3.3: scope-tokens (1*NQCHAR) joined by spaces.

    Strict: by exactly one space. Lenient: by any run of spaces, around them too
    (kept as sent), or a JSON array of scope tokens (Twitch), joined by spaces.
    `checked`: a str value is known to be NQSCHAR if not empty (see _is_plain_ascii).
    """
    if _omitted(value):
        return None
    if isinstance(value, str):
        value = _plain(value)
        if not (checked or _only(value, _NQSCHAR)) or value.isspace():
            raise _invalid("scope", "must be space-delimited scope tokens (RFC 6749 section 3.3)")
        if strict and (value[0] == " " or value[-1] == " " or "  " in value):
            raise _invalid("scope", "must be scope tokens joined by single spaces (RFC 6749 3.3)")
        return value
    if isinstance(value, (list, tuple)) and not strict:
        if not value:
            return None  # an empty array: as omitted
        try:
            joined = " ".join(value)
        except TypeError:  # an item is not a string
            joined = None
        # Each item one scope token: none empty, and no space but the joins.
        if joined is not None and _only(joined, _NQSCHAR):
            tokens = joined.split(" ")
            if len(tokens) == len(value) and "" not in tokens:
                return joined
        raise _invalid("scope", "must be an array of scope tokens (RFC 6749 section 3.3)")
    raise _invalid("scope", f"must be a string, not {_kind(value)}")


# ---------------------------------------------------------------------------
# Times
# ---------------------------------------------------------------------------

_UTC: Final = timezone.utc
_EPOCH: Final = datetime(1970, 1, 1, tzinfo=_UTC)
_SECOND: Final = timedelta(seconds=1)
_EARLIEST: Final = datetime.min.replace(tzinfo=_UTC)
_LATEST: Final = datetime.max.replace(tzinfo=_UTC)
_MIN_SECONDS: Final = (_EARLIEST - _EPOCH) // _SECOND
_MAX_SECONDS: Final = (_LATEST - _EPOCH) // _SECOND
_LATEST_TIMESTAMP: Final = _LATEST.timestamp()
_MILLISECONDS_ABOVE: Final = 10**11  # epoch seconds reach it in the year 5138


def _whole_seconds(value: Moment, name: str) -> int:
    """An issued_at argument (aware datetime or epoch seconds) as whole epoch seconds."""
    if isinstance(value, datetime):
        seconds = _utc(value, name) - _EPOCH
        return seconds // _SECOND
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a datetime or epoch seconds, not {type(value).__name__}")
    if not _MIN_SECONDS <= value < _MAX_SECONDS + 1:  # also false for NaN
        raise ValueError(f"{name} is outside the range of datetime")
    return math.floor(value)


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
    if now is None:
        return datetime.fromtimestamp(time.time(), _UTC)
    return _utc(now, "now")


def _take_epoch(members: dict[str, object], name: str, *, strict: bool) -> int | None:
    """Remove and return the body member `name` in epoch seconds, if it is a time.

    A JSON number or an ASCII digit string is taken, so it never stays in extra:
    epoch seconds, or milliseconds when above 10**11; null or "" is omitted;
    another type stays in extra (lenient) or is refused.
    """
    if name not in members:
        return None
    value = members[name]
    if _omitted(value):
        del members[name]
        return None
    seconds = _integer(name, value, digit_strings=True, floats=True)
    if seconds is None:
        if strict:
            raise _invalid(name, f"must be epoch seconds, not {_kind(value)}")
        return None  # lenient: it stays in extra
    del members[name]
    # Epoch seconds reach 10**11 in the year 5138: above it, milliseconds (Salesforce).
    return seconds // 1000 if seconds > _MILLISECONDS_ABOVE else seconds


def _start_and_lifetime(
    argument: int | None, issued: int | None, expires: int | None, expires_in: int | None
) -> tuple[int, int | None]:
    """When the token started to live, and for how long (in epoch seconds).

    In order: the issued_at argument; the body's issued_at (a future one counts as
    now); the body's expires_at (as authlib, oauthlib and Strava store it; with
    expires_in, the start is expires_at - expires_in, a future one counting as
    now); now. A token that has
    an expires_at but no expires_in lives from its start to expires_at, never less
    than 0 s.
    """
    now = math.floor(time.time())
    if argument is not None:
        start = argument
    elif issued is not None:
        start = min(issued, now)
    elif expires is not None and expires_in is not None:
        start = min(expires - expires_in, now)
    else:
        start = now
    if start < _MIN_SECONDS:
        raise _invalid("expires_at" if issued is None else "issued_at", "is before the year 1")
    if expires_in is None and expires is not None:
        expires_in = min(max(expires - start, 0), _MAX_EXPIRES_IN)
    return start, expires_in


def _add_seconds(moment: datetime, seconds: int) -> datetime:
    """moment + seconds, saturating at datetime.max (UTC) instead of overflowing."""
    if seconds > (_LATEST - moment) // _SECOND:
        return _LATEST
    return moment + timedelta(seconds=seconds)


# ---------------------------------------------------------------------------
# Extra members: read-only at every depth, with every *token string a Secret
# ---------------------------------------------------------------------------


class _ReadOnlyMembers(Mapping[str, object]):
    """The read-only mapping of `extra`, and of every JSON object inside it.

    Not types.MappingProxyType: copy.deepcopy, and so dataclasses.asdict, cannot
    copy one. Sealed as a Secret is: no second __init__, no attribute assignment.
    """

    __slots__ = ("_members",)

    _members: Mapping[str, object]

    def __new__(cls, members: dict[str, object]) -> _ReadOnlyMembers:
        # Made in __new__: there is no __init__ to call again. The members sit behind
        # a MappingProxyType, so that not even the private attribute can change them.
        self = object.__new__(cls)
        object.__setattr__(self, "_members", types.MappingProxyType(members))
        return self

    __setattr__ = __delattr__ = _read_only

    def __getitem__(self, name: str) -> object:
        return self._members[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._members)

    def __len__(self) -> int:
        return len(self._members)

    def __repr__(self) -> str:
        return repr(self._members)  # secrets in it are Secrets, masked

    def __reduce__(self) -> tuple[Callable[..., object], tuple[object]]:
        # The objects inside are MappingProxyTypes, which copy.deepcopy (and so
        # dataclasses.asdict) cannot copy: the copy is frozen again from plain data.
        return (_freeze_extra, (_thaw(self, secrets="keep"),))


# Shared by every empty object of every body: it can never change, and a body may
# hold a few hundred thousand of them.
_NO_MEMBERS: Final = _ReadOnlyMembers({})


def _is_token_name(name: str) -> bool:
    """True for a member whose strings are secrets: its name ends in "token", any case."""
    return name[-5:].lower() == "token"


def _freeze(
    value: object, *, secret: bool, member: str, depth: int, secrets: dict[str, Secret]
) -> object:
    """A read-only copy of a JSON value found under the extra member `member`.

    Objects become read-only mappings and arrays tuples, at every depth; strings
    become Secrets when `secret` (they are under a name ending in "token"), one per
    distinct string of the body (`secrets`: those made so far). `depth` is the level
    that `value`, if an array or object, would occupy in the body. What to_json()
    could not write back, the parsers reading it the same, is refused.
    """
    # The JSON decoder's own types first, each found by its exact type: a body may
    # hold a hundred thousand values. Anything else (from_dict's and the
    # constructors' subclasses, tuples, mappings and Secrets) is made one of them.
    if type(value) is str:
        if not secret:
            return value
        made = secrets.get(value)
        if made is None:
            made = secrets[value] = Secret(value)
        return made
    if type(value) is list:
        if depth > _MAX_DEPTH:
            raise _invalid(member, f"is nested deeper than {_MAX_DEPTH} levels")
        return _freeze_array(value, secret=secret, member=member, depth=depth, secrets=secrets)
    if type(value) is dict:
        if depth > _MAX_DEPTH:
            raise _invalid(member, f"is nested deeper than {_MAX_DEPTH} levels")
        if not value:
            return _NO_MEMBERS
        frozen: dict[str, object] = {}
        for key, item in value.items():
            name = key if type(key) is str else _member_name(key, member)
            if name in frozen:  # a str subclass's key: equal as a str, hashed otherwise
                raise _invalid(member, "holds an object with a member twice (RFC 6749 3.1)")
            is_secret = secret or _is_token_name(name)
            if item is None or type(item) is bool or (type(item) is str and not is_secret):
                frozen[name] = item  # as _freeze returns them, without the call
            else:
                frozen[name] = _freeze(
                    item, secret=is_secret, member=member, depth=depth + 1, secrets=secrets
                )
        return types.MappingProxyType(frozen)
    if type(value) is int:
        if -_INTEGER_LIMIT < value < _INTEGER_LIMIT:
            return value
        raise _invalid(member, f"holds an integer of more than {_MAX_DIGITS} digits")
    if type(value) is float:
        if math.isfinite(value):
            return value
        raise _invalid(member, "holds a number out of range")
    if value is None or type(value) is bool:
        return value
    if isinstance(value, Secret):
        if secret:
            return value
        raise _invalid(member, "holds a Secret under a name that does not end in 'token'")
    return _freeze(
        _as_json_type(value, member), secret=secret, member=member, depth=depth, secrets=secrets
    )


# What an array may hold that _freeze_array checks in bulk, not by a call per item.
_SCALARS: Final = frozenset({str, int, float, bool, type(None)})


def _freeze_array(
    items: list[object], *, secret: bool, member: str, depth: int, secrets: dict[str, Secret]
) -> tuple[object, ...]:
    """_freeze of a JSON array: a tuple.

    A body may hold arrays of a few hundred thousand strings, numbers, booleans
    and nulls: those are checked and copied in a few C loops, not a call per item.
    """
    kinds = set(map(type, items))
    if len(items) < 16 or not kinds <= _SCALARS:
        return tuple(
            [
                _freeze(item, secret=secret, member=member, depth=depth + 1, secrets=secrets)
                for item in items
            ]
        )
    if int in kinds:
        integers = [item for item in items if type(item) is int]
        if not -_INTEGER_LIMIT < min(integers) <= max(integers) < _INTEGER_LIMIT:
            raise _invalid(member, f"holds an integer of more than {_MAX_DIGITS} digits")
    if float in kinds and not all(math.isfinite(item) for item in items if type(item) is float):
        raise _invalid(member, "holds a number out of range")
    if not (secret and str in kinds):
        return tuple(items)
    for text in dict.fromkeys(items):  # the distinct items, in the body's order
        if type(text) is str and text not in secrets:
            secrets[text] = Secret(text)
    return tuple(map(secrets.get, items, items))  # type: ignore[arg-type]  # a str or an item


def _as_json_type(value: object, member: str) -> object:
    """`value` as the JSON decoder's type for it, or InvalidTokenResponse if JSON has none."""
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):  # an int subclass: bool was taken by _freeze
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, Mapping):
        return dict(value)
    raise _invalid(member, f"holds {_kind(value)}, which JSON cannot carry")


def _freeze_extra(members: dict[str, object]) -> Mapping[str, object]:
    """The members no field took, read-only, every *token string a Secret."""
    secrets: dict[str, Secret] = {}
    return _ReadOnlyMembers(
        {  # depth 2: the body's object is the first level
            name: _freeze(value, secret=_is_token_name(name), member=name, depth=2, secrets=secrets)
            for name, value in members.items()
        }
    )


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


def _is_error_body(members: Mapping[str, object]) -> bool:
    """A body with an `error` member is an error response (section 5.2)."""
    return "error" in members and not _omitted(members["error"])


# ---------------------------------------------------------------------------
# The success response: RFC 6749 section 5.1
# ---------------------------------------------------------------------------


class _LifetimePart:
    """issued_at or expires_in: read from its place in the token's `_lifetime` tuple."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index

    def __get__(self, token: IssueAccessTokenSuccessParams | None, owner: object = None) -> Any:
        if token is None:
            raise AttributeError  # read on the class: to dataclasses, a field without a default
        return token._lifetime[self.index]


def _lifetime(start: int, expires_in: int | None, granted: int | None) -> Lifetime:
    """A token's `_lifetime`, from its start in epoch seconds: issued_at, expires_in,
    for is_expired, which runs before every request, expires_at in epoch seconds
    (two numbers compare faster than two datetimes; infinity: never), and the
    expires_in the token was built with, which caps the leeway: a sync, which
    shrinks expires_in, must not change what is_expired answers."""
    issued_at = _EPOCH + timedelta(seconds=start)
    if expires_in is None:
        return (issued_at, None, math.inf, None)
    return (issued_at, expires_in, min(start + expires_in, _LATEST_TIMESTAMP), granted)


def _fill_token(
    token: Token,
    access_token: Secret,
    token_type: str,
    expires_in: int | None,
    refresh_token: Secret | None,
    scope: str | None,
    start: int,
    extra: Mapping[str, object],
) -> Token:
    """Give a new token its fields, already validated (by its constructor or a parser);
    `start` is its issued_at in epoch seconds."""
    object.__setattr__(token, "access_token", access_token)
    object.__setattr__(token, "token_type", token_type)
    object.__setattr__(token, "refresh_token", refresh_token)
    object.__setattr__(token, "scope", scope)
    object.__setattr__(token, "extra", extra)
    object.__setattr__(token, "_lifetime", _lifetime(start, expires_in, expires_in))
    return token


_FIELD_MEMBERS: Final = frozenset(
    {"access_token", "token_type", "expires_in", "refresh_token", "scope"}
)


def _constructor_extra(extra: Mapping[str, object] | None) -> dict[str, object]:
    """The constructor's extra, refused where a parser would read it otherwise:
    then to_json() would not reload as the same token."""
    members = {} if extra is None else _members_of(extra, "extra")
    clash = _FIELD_MEMBERS.intersection(members)
    if clash:
        raise _invalid(min(clash), "is a field of its own, not an extra member")
    if _is_error_body(members):
        raise _invalid("error", "makes a body an error response: it cannot be an extra member")
    unread = dict(members)
    for name in ("issued_at", "expires_at"):
        _take_epoch(unread, name, strict=False)
    taken = members.keys() - unread.keys()  # what a parser would read as a time
    if taken:
        raise _invalid(min(taken), "is a time of the token, not an extra member")
    return members


def _issued_at_argument(issued_at: Moment | None, previous: object) -> int | None:
    """A parser's issued_at argument in epoch seconds, once it and `previous` are
    checked: before the body is read, so that a wrong argument is always a TypeError
    or ValueError, whatever the body."""
    if previous is not None and not isinstance(previous, IssueAccessTokenSuccessParams):
        raise TypeError(f"previous must be a token, not {type(previous).__name__}")
    return None if issued_at is None else _whole_seconds(issued_at, "issued_at")


def _success(
    cls: type[Token],
    members: dict[str, object],
    *,
    issued_at: int | None,
    previous: IssueAccessTokenSuccessParams | None,
    strict: bool,
    form: bool,
    checked: bool = False,
) -> Token:
    """Every parser of a token ends here: validate the members and build the token.

    `issued_at`: the checked argument, in epoch seconds. `form`: every value is a
    string. `checked`: every string is NQSCHAR if not empty (see _is_plain_ascii).
    Consumes `members`: what no field takes is the extra.
    """
    if _is_error_body(members):
        code = members["error"]
        named = f" {code!r}" if isinstance(code, str) and code in REGISTERED_ERROR_CODES else ""
        raise _invalid(
            "error",
            f"the body is an error response{named}, not a token"
            " (parse_token_response raises it as AccessTokenError)",
        )
    pop = members.pop
    access_token = _secret(
        "access_token", pop("access_token", None), required=True, checked=checked
    )
    token_type = _token_type(pop("token_type", None), strict=strict)
    expires_in = _expires_in(pop("expires_in", None), strict=strict, form=form)
    refresh_token = _secret(
        "refresh_token", pop("refresh_token", None), required=False, checked=checked
    )
    scope = _scope(pop("scope", None), strict=strict, checked=checked)
    if previous is not None:  # section 6: the server MAY omit them on refresh
        if refresh_token is None:
            refresh_token = previous.refresh_token
        if scope is None:
            scope = previous.scope
    issued = _take_epoch(members, "issued_at", strict=strict)
    expires = _take_epoch(members, "expires_at", strict=strict)
    start, expires_in = _start_and_lifetime(issued_at, issued, expires, expires_in)
    return _fill_token(
        object.__new__(cls),
        access_token,  # type: ignore[arg-type]  # required=True: never None
        token_type,
        expires_in,
        refresh_token,
        scope,
        start,
        _freeze_extra(members),
    )


# Authorization schemes (RFC 6750, RFC 9449) by token_type: in lower case, and as
# servers spell them, so that the usual spellings are found in one lookup.
_SCHEMES: Final = {"bearer": "Bearer", "dpop": "DPoP", "Bearer": "Bearer", "DPoP": "DPoP"}


@dataclasses.dataclass(init=False, eq=False, repr=False)
class IssueAccessTokenSuccessParams:
    """A successful access token response (RFC 6749 section 5.1), validated.

    Read-only, but for `sync_expires_in`, which updates expires_in and issued_at in
    place, as the io-oauth crate this ports does. Build one with `try_from_bytes`,
    `try_from_form`, `from_dict` or `parse_token_response`; constructing one
    directly validates its values as lenient parsing does.
    """

    # sync_expires_in changes issued_at and expires_in together, and a reader on
    # another thread must never see one changed without the other. So the two have
    # no slot of their own: both live in `_lifetime`, one tuple that sync_expires_in
    # replaces in a single store, and each reads its place in it (_LifetimePart).
    # Type checkers see the plain fields declared below.
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
        _lifetime: Lifetime
    else:
        issued_at = _LifetimePart(0)
        expires_in = _LifetimePart(1)

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
        if issued_at is None:
            start = math.floor(time.time())
        else:
            start = _whole_seconds(issued_at, "issued_at")
        _fill_token(
            self,
            _secret("access_token", access_token, required=True),  # type: ignore[arg-type]
            _token_type(token_type, strict=False),
            _expires_in(expires_in, strict=False, form=False),
            _secret("refresh_token", refresh_token, required=False),
            _scope(scope, strict=False),
            start,
            _freeze_extra(_constructor_extra(extra)),
        )

    # --- Parsing ---------------------------------------------------------

    @classmethod
    @_without_frames
    def try_from_bytes(
        cls: type[Token],
        data: Body,
        *,
        issued_at: Moment | None = None,
        previous: IssueAccessTokenSuccessParams | None = None,
        strict: bool = False,
        max_bytes: int = _MAX_BODY,
    ) -> Token:
        """Parse a JSON body (bytes, bytearray, memoryview or str) holding one object.

        Raises InvalidTokenResponse for anything but a valid token response.
        `issued_at` (an aware datetime or epoch seconds) is when the token started
        to live; `previous` is the token this response refreshes, whose
        refresh_token and scope are kept when the response omits them (section 6).
        """
        start = _issued_at_argument(issued_at, previous)
        text = _read_text(data, max_bytes)
        members = _decode_json(text)
        checked = _is_plain_ascii(text)
        return _success(
            cls,
            members,
            issued_at=start,
            previous=previous,
            strict=strict,
            form=False,
            checked=checked,
        )

    @classmethod
    @_without_frames
    def try_from_form(
        cls: type[Token],
        data: Body,
        *,
        issued_at: Moment | None = None,
        previous: IssueAccessTokenSuccessParams | None = None,
        strict: bool = False,
        max_bytes: int = _MAX_BODY,
    ) -> Token:
        """Parse an application/x-www-form-urlencoded body, as GitHub answers.

        Every value of a form is a string, so there a digit string is an integer,
        strict or not. Otherwise as `try_from_bytes`.
        """
        start = _issued_at_argument(issued_at, previous)
        members = _decode_form(_read_text(data, max_bytes))
        return _success(cls, members, issued_at=start, previous=previous, strict=strict, form=True)

    @classmethod
    @_without_frames
    def from_dict(
        cls: type[Token],
        mapping: Mapping[str, object],
        *,
        issued_at: Moment | None = None,
        previous: IssueAccessTokenSuccessParams | None = None,
        strict: bool = False,
    ) -> Token:
        """Validate an already-decoded JSON object. Otherwise as `try_from_bytes`."""
        start = _issued_at_argument(issued_at, previous)
        members = _members_of(mapping, "from_dict() mapping")
        return _success(cls, members, issued_at=start, previous=previous, strict=strict, form=False)

    # --- Expiry ------------------------------------------------------------

    @property
    def expires_at(self) -> datetime | None:
        """issued_at + expires_in, saturating at datetime.max (UTC); None without expires_in."""
        issued_at, expires_in, *_ = self._lifetime
        if expires_in is None:
            return None
        return _add_seconds(issued_at, expires_in)

    def remaining(self, now: datetime | None = None) -> timedelta | None:
        """Time left before expires_at, never negative; None without expires_in."""
        current = _now(now)
        expires_at = self.expires_at
        if expires_at is None:
            return None
        return max(expires_at - current, timedelta(0))

    def is_expired(self, *, leeway: float = 60.0, now: datetime | None = None) -> bool:
        """True once now + leeway reaches expires_at; never without expires_in.

        The leeway used is at most half of the lifetime the token was built or
        parsed with, so that a 30-second token is not born expired, and so that
        sync_expires_in never changes the answer; it is always expired once now
        reaches expires_at.
        """
        # Every request asks: the default, a float, passes one comparison of types.
        if type(leeway) is not float:
            if isinstance(leeway, bool) or not isinstance(leeway, (int, float)):
                raise TypeError(f"leeway must be a number of seconds, not {type(leeway).__name__}")
            # The leeway used is at most half of a lifetime: capped there, a huge int
            # cannot overflow the float arithmetic below.
            leeway = min(leeway, _MAX_EXPIRES_IN / 2)
        if not leeway >= 0:  # also true for NaN
            raise ValueError("leeway must be a non-negative number of seconds")
        issued_at, expires_in, deadline, granted = self._lifetime
        # Every request asks, at the current time: two numbers tell that even the
        # whole leeway falls short of expires_at (as it always does without one).
        if now is None and time.time() + leeway < deadline:
            return False
        # Else exactly, as datetimes: past the year 2106 a float has lost the
        # microseconds. The leeway used is at most half of the lifetime granted.
        current = _now(now)
        if expires_in is None or granted is None:
            return False
        left = _add_seconds(issued_at, expires_in) - current
        return left.total_seconds() <= min(leeway, granted / 2)

    def sync_expires_in(self, now: datetime | None = None) -> None:
        """Recount expires_in in whole seconds from `now`, which becomes issued_at.

        expires_at never moves, so calling it again never subtracts the elapsed time
        twice, and is_expired answers as before. Once expires_at has passed,
        expires_in is 0 and issued_at is expires_at itself; a later call with an
        earlier clock recounts from that clock, and the token is as expired as that
        clock says. A token without expires_in is left as it is. Safe from several
        threads at once.
        """
        current = _now(now)
        issued_at, expires_in, _, granted = self._lifetime  # one read: a consistent state
        if expires_in is None:
            return
        expires_at = _add_seconds(issued_at, expires_in)
        if current >= expires_at:
            # Passed: 0 seconds left, counted from expires_at itself, which so never
            # moves (issued_at cannot be now without moving it).
            start, left = (expires_at - _EPOCH) // _SECOND, 0
        else:
            # The seconds left, rounded up: where expires_at saturates, datetime.max is
            # no whole second, and a live token's expires_at must not move.
            start = (current - _EPOCH) // _SECOND  # whole seconds
            left = -((_EPOCH - expires_at) // _SECOND) - start
        object.__setattr__(self, "_lifetime", _lifetime(start, left, granted))  # one store

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
        token_type = self.token_type
        scheme = _SCHEMES.get(token_type)
        if scheme is None and token_type.isascii():
            scheme = _SCHEMES.get(token_type.lower())
        return token_type if scheme is None else scheme

    def authorization_header(self) -> str:
        """The value of an Authorization header. EXPOSES the access token, on purpose."""
        # Every request asks: a usual spelling of the type is one lookup, not a call.
        scheme = _SCHEMES.get(self.token_type) or self.auth_scheme
        return f"{scheme} {self.access_token.expose_secret()}"

    # --- Storage -------------------------------------------------------------

    def to_dict(self) -> dict[str, object]:
        """Every member as the server sent it, for storage. EXPOSES the secrets.

        issued_at and expires_at are integer epoch seconds, so that authlib's
        OAuth2Token.from_dict reads the same expiry and try_from_bytes reloads it.
        """
        issued_at, expires_in, *_ = self._lifetime
        result: dict[str, object] = {
            "access_token": self.access_token.expose_secret(),
            "token_type": self.token_type,
        }
        if expires_in is not None:
            result["expires_in"] = expires_in
        if self.refresh_token is not None:
            result["refresh_token"] = self.refresh_token.expose_secret()
        if self.scope is not None:
            result["scope"] = self.scope
        result["issued_at"] = (issued_at - _EPOCH) // _SECOND
        if expires_in is not None:
            result["expires_at"] = (_add_seconds(issued_at, expires_in) - _EPOCH) // _SECOND
        for name, value in self.extra.items():  # a member never takes a field's place
            result.setdefault(name, _thaw(value, secrets="expose"))
        return result

    def to_json(self) -> str:
        """`to_dict` as compact JSON. EXPOSES the secrets, on purpose."""
        return json.dumps(self.to_dict(), separators=(",", ":"))

    # --- Python protocols -----------------------------------------------------

    def __repr__(self) -> str:
        issued_at, expires_in, *_ = self._lifetime
        refresh = "present" if self.refresh_token is not None else "absent"
        return (
            f"{type(self).__name__}(access_token={self.access_token!r},"
            f" token_type={self.token_type!r}, expires_in={expires_in!r},"
            f" refresh_token={refresh}, scope={self.scope!r},"
            f" issued_at={issued_at.isoformat()!r}, extra_keys={_shown_names(self.extra)!r})"
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
        return (_copied, (type(self), (*fields, _thaw(extra, secrets="keep")), self._lifetime[3]))

    def _fields(self) -> tuple[object, ...]:
        """The seven fields, in order, issued_at and expires_in from one read."""
        issued_at, expires_in, *_ = self._lifetime
        return (
            self.access_token,
            self.token_type,
            expires_in,
            self.refresh_token,
            self.scope,
            issued_at,
            self.extra,
        )


def _copied(
    cls: type[IssueAccessTokenSuccessParams], fields: tuple[Any, ...], granted: int | None
) -> IssueAccessTokenSuccessParams:
    """A copy of a token (see its __reduce__): its fields, and the lifetime granted."""
    token = cls(*fields)
    object.__setattr__(token, "_lifetime", (*token._lifetime[:3], granted))
    return token


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

# RFC 3986 section 4.1 URI-reference, character by character: an optional scheme,
# then unreserved, reserved and %-escaped characters, and at most one "#".
_SCHEME: Final = r"[A-Za-z][A-Za-z0-9+.\-]*"
_URI_CHARACTERS: Final = _byte_class(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?[]%#"
)
_BAD_PERCENT: Final = r"%(?![0-9A-Fa-f]{2})"


def _is_uri_reference(text: str) -> bool:
    """RFC 3986 URI-reference (Appendix A.9): a relative one's first segment has no ':'."""
    # One character-class scan, then small checks: a single pattern with the
    # %-escapes inside its repetition takes 100 times as long on a long value.
    if not _only(text, _URI_CHARACTERS) or re.search(_BAD_PERCENT, text):
        return False
    if text.find("#", text.find("#") + 1) != -1:  # at most one "#"
        return False
    # What comes before the first ":", "/", "?" or "#": a scheme if a ":" ends it, else
    # a relative reference's first segment, which has no ":".
    end = re.match("[^:/?#]*", text).end()  # type: ignore[union-attr]  # it matches ""
    return not text.startswith(":", end) or re.fullmatch(_SCHEME, text[:end]) is not None


def _is_nqschar(text: str) -> bool:
    """1 or more NQSCHAR: error, error_description (Appendix A.7, A.8)."""
    return _only(text, _NQSCHAR)


def _take_text(
    members: dict[str, object], name: str, *, strict: bool, valid: Callable[[str], bool]
) -> str | None:
    """Remove and return error_description or error_uri, if it is one.

    null or "" is omitted; another type than string stays in extra (lenient) or is
    refused; strict, the string must also be `valid`.
    """
    if name not in members:
        return None
    value = members[name]
    if _omitted(value):
        del members[name]
        return None
    if not isinstance(value, str):
        if strict:
            raise _invalid(name, f"must be a string, not {_kind(value)}")
        return None
    text = _plain(value)
    if strict and not valid(text):
        raise _invalid(name, "has characters RFC 6749 Appendix A does not allow")
    del members[name]
    return text


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
                return _number_text(code), description
        return "unknown_error", description
    if isinstance(error, (int, float)) and not isinstance(error, bool):  # Reddit: 401
        return _number_text(error), None
    return "unknown_error", None


def _number_text(number: float) -> str:
    """A number's JSON text, as an error code: refused where extra would refuse it."""
    if isinstance(number, int) and not -_INTEGER_LIMIT < number < _INTEGER_LIMIT:
        raise _invalid("error", f"holds an integer of more than {_MAX_DIGITS} digits")
    if not math.isfinite(number):
        raise _invalid("error", "is a number out of range")
    return json.dumps(number)


def _error(cls: type[ErrorParams], members: dict[str, object], *, strict: bool) -> ErrorParams:
    """Every parser of an error response ends here (consumes `members`)."""
    error = members.pop("error", None)
    if _omitted(error):
        raise _invalid("error", "is missing (RFC 6749 section 5.2: REQUIRED)")
    description = _take_text(members, "error_description", strict=strict, valid=_is_nqschar)
    uri = _take_text(members, "error_uri", strict=strict, valid=_is_uri_reference)
    if isinstance(error, str):
        code = _plain(error)  # a str subclass: its own methods could lie
        if strict and not _is_nqschar(code):
            raise _invalid("error", "has characters RFC 6749 Appendix A.7 does not allow")
    elif strict:
        raise _invalid("error", f"must be a string, not {_kind(error)}")
    else:
        code, message = _error_code(error)
        description = message if description is None else description
        members["error"] = error  # nothing is lost: the original stays in extra
    return cls(code, description, uri, members)


@dataclasses.dataclass(slots=True, init=False, eq=False, repr=False)
class IssueAccessTokenErrorParams:
    """An error response (RFC 6749 section 5.2), read-only.

    `error` is the code, kept as sent (REGISTERED_ERROR_CODES lists the known
    ones). Lenient parsing also reads the shapes real servers send: Azure AD's
    multi-line descriptions, GitHub's relative error_uri, Facebook Graph's object
    and Reddit's number in place of the code (the original stays in extra).
    """

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
        if not isinstance(error, str) or _omitted(error):
            raise _invalid("error", "must be a non-empty string")
        for name, value in (("error_description", error_description), ("error_uri", error_uri)):
            if value is not None and not isinstance(value, str):
                raise _invalid(name, f"must be a string or None, not {_kind(value)}")
        members = {} if extra is None else _members_of(extra, "extra")
        object.__setattr__(self, "error", _plain(error))
        for name, value in (("error_description", error_description), ("error_uri", error_uri)):
            object.__setattr__(self, name, None if value is None else _plain(value))
        object.__setattr__(self, "extra", _freeze_extra(members))

    @classmethod
    @_without_frames
    def try_from_bytes(
        cls: type[ErrorParams], data: Body, *, strict: bool = False, max_bytes: int = _MAX_BODY
    ) -> ErrorParams:
        """Parse a JSON error body. Raises InvalidTokenResponse if it is none."""
        return _error(cls, _decode_json(_read_text(data, max_bytes)), strict=strict)

    @classmethod
    @_without_frames
    def try_from_form(
        cls: type[ErrorParams], data: Body, *, strict: bool = False, max_bytes: int = _MAX_BODY
    ) -> ErrorParams:
        """Parse a form-encoded error body (GitHub's default)."""
        return _error(cls, _decode_form(_read_text(data, max_bytes)), strict=strict)

    @classmethod
    @_without_frames
    def from_dict(
        cls: type[ErrorParams], mapping: Mapping[str, object], *, strict: bool = False
    ) -> ErrorParams:
        """Validate an already-decoded JSON object."""
        return _error(cls, _members_of(mapping, "from_dict() mapping"), strict=strict)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(error={self.error!r},"
            f" error_description={self.error_description!r},"
            f" error_uri={self.error_uri!r}, extra_keys={_shown_names(self.extra)!r})"
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
        extra = _thaw(self.extra, secrets="keep")
        return (type(self), (self.error, self.error_description, self.error_uri, extra))


class AccessTokenError(Exception):
    """The token endpoint answered with an error response (RFC 6749 section 5.2).

    `params` holds the response, `status` the HTTP status given, and `retryable`
    says whether asking again later may succeed. Pickled (process pools, task queues
    and log handlers pickle exceptions), it leaves out every secret of `params.extra`.
    """

    params: IssueAccessTokenErrorParams
    status: int | None

    def __init__(self, params: IssueAccessTokenErrorParams, status: int | None = None) -> None:
        if not isinstance(params, IssueAccessTokenErrorParams):
            raise TypeError(f"params must be error params, not {type(params).__name__}")
        if status is not None and (isinstance(status, bool) or not isinstance(status, int)):
            raise TypeError(f"status must be an int or None, not {type(status).__name__}")
        Exception.__init__(self, params, status)
        self.params = params
        self.status = status

    def __reduce__(self) -> tuple[type[AccessTokenError], tuple[object, ...], dict[str, Any]]:
        params = self.params
        extra = _thaw(params.extra, secrets="drop")
        kept = type(params)(params.error, params.error_description, params.error_uri, extra)
        state = {name: value for name, value in vars(self).items() if name != "params"}
        return (type(self), (kept, self.status), state)

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


# What ends, forges or reorders a log line: C0, DEL, C1, the Unicode line and
# paragraph separators, the bidirectional controls, and lone surrogates (which no
# encoder can write).
_UNSAFE_IN_LOGS: Final = "[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"


def _escape(text: str, limit: int = 200) -> str:
    """Text made safe for one log line: what could end or forge a line escaped, length capped."""
    if len(text) > limit:
        text = text[:limit] + "..."
    return re.sub(_UNSAFE_IN_LOGS, lambda match: ascii(match.group())[1:-1], text)


# ---------------------------------------------------------------------------
# The whole answer: parse_token_response
# ---------------------------------------------------------------------------

_FORM_TYPES: Final = frozenset({"application/x-www-form-urlencoded", "text/plain"})


def _is_form(text: str, content_type: str | None) -> bool:
    """Whether a body is read as a form: by its content type (GitHub's legacy answer
    is text/plain) or, without one, when it does not start like JSON ("{" or "[",
    after whitespace and a BOM) and holds a "=", as GitHub answers by default."""
    if content_type is not None:
        return content_type.partition(";")[0].strip().lower() in _FORM_TYPES
    start = text.removeprefix("\ufeff").lstrip(_JSON_WHITESPACE)[:1]
    return start not in ("{", "[") and "=" in text


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
    """Read a token endpoint's whole answer: a token, or an exception.

    Returns the token of a success response. Raises AccessTokenError for an error
    response, whatever the status (GitHub answers 200 with an error body), and
    InvalidTokenResponse for anything else: a non-2xx status is never a token.
    Either exception carries `status`, and says whether it is `retryable`.
    `content_type` is the response's Content-Type header: form-encoded bodies
    (and GitHub's legacy text/plain) are read as forms, anything else as JSON;
    without it, a body that does not start like JSON and holds a "=" is a form.
    """
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
            raise AccessTokenError(
                _error(IssueAccessTokenErrorParams, members, strict=strict), status
            )
        if not 200 <= status <= 299:
            raise _invalid(None, "is no error response, and an answer that is not 2xx is no token")
        checked = not form and _is_plain_ascii(text)
        return _success(
            IssueAccessTokenSuccessParams,
            members,
            issued_at=start,
            previous=previous,
            strict=strict,
            form=form,
            checked=checked,
        )
    except InvalidTokenResponse as error:
        error.status = status
        if not 200 <= status <= 299:  # so that a log line says what the server did
            error.args = (f"{error.args[0]} (HTTP {status})",)
        raise


# ---------------------------------------------------------------------------
# Command line: python -m oauth_token [FILE | -] [--json] [--strict]
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
        "result": "token",
        "token_type": _escape(token.token_type),
        "issued_at": token.issued_at.isoformat(),
        "expires_at": None if expires_at is None else expires_at.isoformat(),
        "expires_in": None if remaining is None else remaining // _SECOND,
        "expired": token.is_expired(leeway=0, now=now),
        "refresh_token": token.refresh_token is not None,
        "scopes": None if token.scopes is None else list(token.scopes),
        "extra_keys": list(_shown_names(token.extra)),
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


def _standard_input_has_data() -> bool:
    """True when standard input is a pipe, a socket or a redirected file: what
    `curl ... | python -m oauth_token` gives. False for a terminal, /dev/null or a
    closed input, where the command shows its built-in example instead."""
    import os  # noqa: PLC0415 - only the command line pays for these
    import stat  # noqa: PLC0415

    if sys.stdin is None:
        return False
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def _read_input(file: str | None) -> bytes:
    """The body to check: at most max_bytes + 1 bytes, so that an endless input is refused."""
    if file == "-" or (file is None and _standard_input_has_data()):
        return b"" if sys.stdin is None else sys.stdin.buffer.read(_MAX_BODY + 1)
    if file is None:
        return _EXAMPLE
    with open(file, "rb") as stream:
        return stream.read(_MAX_BODY + 1)


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
        " without it, standard input when it is a pipe or a file, else RFC 6749"
        " section 5.1's example",
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument(
        "--strict", action="store_true", help="hold the response to RFC 6749 to the letter"
    )
    args = parser.parse_args(argv)
    try:
        return _check(args.file, as_json=args.json, strict=args.strict)
    except KeyboardInterrupt:
        return 130  # Ctrl-C: the shell's status for SIGINT, and no traceback


def _check(file: str | None, *, as_json: bool, strict: bool) -> int:
    """Check the response in `file` and print what the command line shows of it."""
    import io  # noqa: PLC0415 - only the command line pays for these
    import os  # noqa: PLC0415

    for stream in (sys.stdout, sys.stderr):  # whatever the body holds, printing it never fails
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        body = _read_input(file)
    except OSError as error:
        where = "standard input" if file in (None, "-") else _escape(str(file))
        line = f"cannot read {where}: {error.strerror or type(error).__name__}"
        result: dict[str, Any] = {"result": "unreadable", "message": line}
        status = 2
    else:
        body = body.rstrip(b"\r\n")  # echo's or an editor's, not the server's
        line, result = _verdict(body, strict=strict)
        status = 1 if line else 0
    try:
        if line and sys.stderr is not None:  # print() would write to stdout instead
            with contextlib.suppress(OSError):  # a full stderr must not cost stdout its answer
                print(f"oauth_token: {line}", file=sys.stderr)
        if as_json:
            print(json.dumps(result, indent=2))
        elif not line:
            print(_summary_text(result))
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError:
        # A closed pipe (`... | head -1`), a full disk: what could be written is. As the
        # Python documentation advises, point standard output at devnull, so that the
        # flush at exit does not fail again.
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return status


def _verdict(body: bytes, *, strict: bool) -> tuple[str, dict[str, Any]]:
    """The error line ("" for a valid token) and the JSON summary of a response."""
    try:
        token = parse_token_response(body, strict=strict)
    except AccessTokenError as error:
        params = error.params
        line = f"error response: {AccessTokenError(params)}"  # no status: none was given
        return line, {
            "result": "error_response",
            "error": params.error,
            "error_description": params.error_description,
            "error_uri": params.error_uri,
            "extra_keys": list(_shown_names(params.extra)),
        }
    except InvalidTokenResponse as error:
        message = str(error)
        result = {"result": "invalid_response", "field": error.field, "message": message}
        return f"invalid token response: {message}", result
    return "", _summary(token, datetime.fromtimestamp(time.time(), _UTC))


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
