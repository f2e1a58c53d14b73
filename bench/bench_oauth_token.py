"""Benchmark oauth_token against bare json.loads and its peers, in one process.

    python bench/bench_oauth_token.py [--quick] [--python PATH]... [--pyenv] [--only SECTION]...

It prints markdown tables: parsing, what a client does on every request, a parsed
token's other costs, import time (on other interpreters too, with --python or
--pyenv), memory, and the worst JSON and form bodies of up to max_bytes.
Every comparison is a ratio within this one run: these machines are noisy, so
absolute times from different runs mean little. Peers (oauthlib, authlib,
pydantic) are measured when importable and skipped with a note otherwise;
bench/README.md says how to install them.
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
import gc
import importlib.metadata
import importlib.util
import itertools
import json
import math
import os
import platform
import random
import statistics
import string
import subprocess
import sys
import time
import timeit
import tracemalloc
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import oauth_token  # noqa: E402
from oauth_token import (  # noqa: E402
    InvalidTokenResponse,
    IssueAccessTokenErrorParams,
    IssueAccessTokenSuccessParams,
    Secret,
)

Token = IssueAccessTokenSuccessParams
MAX_BYTES = 1 << 20  # the parsers' default max_bytes
# The contract's cost bound: no JSON body up to max_bytes costs more than 10 times
# json.loads of the same bytes plus the Secrets that the *token rule requires, nor
# holds more than twice the memory of json.loads' result.
LOADS_TIMES = 10.0
MEMORY_BOUND = 2.0
FORM_BOUND = 5.0  # no form body costs more than 5 times urllib.parse.parse_qsl
IMPORT_BUDGET = 0.006  # import oauth_token: 6 ms over json and dataclasses
PEERS = ("oauthlib", "authlib", "pydantic")


# --- Bodies ------------------------------------------------------------------


def b64(rng: random.Random, size: int) -> str:
    return base64.urlsafe_b64encode(rng.randbytes(size)).decode().rstrip("=")


def bodies() -> dict[str, bytes]:
    rng = random.Random(6749)
    rfc = (
        b'{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"example","expires_in":3600,'
        b'"refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA","example_parameter":"example_value"}'
    )
    jwt = ".".join((b64(rng, 36), b64(rng, 560), b64(rng, 256)))
    google = {
        "access_token": "ya29." + b64(rng, 120),
        "expires_in": 3599,
        "refresh_token": "1//" + b64(rng, 75),
        "scope": "openid https://www.googleapis.com/auth/userinfo.email https://www.googleapis.com/auth/userinfo.profile",
        "token_type": "Bearer",
        "id_token": jwt,
    }
    azure = {
        "token_type": "Bearer",
        "scope": "https://graph.microsoft.com/Mail.Read https://graph.microsoft.com/User.Read"
        " offline_access openid profile",
        "expires_in": 4763,
        "ext_expires_in": 4763,
        "access_token": ".".join((b64(rng, 60), b64(rng, 1300), b64(rng, 256))),
        "refresh_token": "0.A" + b64(rng, 700),
        "id_token": ".".join((b64(rng, 60), b64(rng, 700), b64(rng, 256))),
        "client_info": b64(rng, 90),
    }
    result = {
        "RFC 6749 5.1": rfc,
        "Google-like": json.dumps(google).encode(),
        "Azure-like": json.dumps(azure).encode(),
    }
    for label, size in (("16 KB", 16_000), ("256 KB", 256_000), ("1 MB", 1_000_000)):
        result[label] = padded(google, size, rng)
    return result


def padded(members: dict[str, object], size: int, rng: random.Random) -> bytes:
    """A token body grown to about `size` bytes with many small extra members."""
    grown = dict(members)
    length = len(json.dumps(grown))
    number = 0
    while length < size - 60:
        name, value = f"x_{number}", b64(rng, 30)
        grown[name] = value
        length += len(name) + len(value) + 8  # '"name": "value", '
        number += 1
    return json.dumps(grown).encode()


# --- Candidates -----------------------------------------------------------------


@dataclasses.dataclass
class PlainToken:
    """An unvalidated dataclass filled from json.loads: the naive approach."""

    access_token: str
    token_type: str | None = None
    expires_in: int | None = None
    refresh_token: str | None = None
    scope: str | None = None
    extra: dict[str, object] = dataclasses.field(default_factory=dict)


PLAIN_FIELDS = ("access_token", "token_type", "expires_in", "refresh_token", "scope")


def plain_dataclass(body: bytes) -> PlainToken:
    members = json.loads(body)
    fields = {name: members.pop(name, None) for name in PLAIN_FIELDS}
    return PlainToken(**fields, extra=members)  # type: ignore[arg-type]


OURS = "oauth_token.try_from_bytes"
FLOOR = "json.loads (floor)"
OAUTHLIB = "oauthlib parse_token_response"
AUTHLIB = "authlib OAuth2Token.from_dict"
PYDANTIC = "pydantic v2 model_validate_json"
PLAIN = "unvalidated @dataclass"


def candidates() -> tuple[dict[str, Callable[[bytes], object]], list[str]]:
    found: dict[str, Callable[[bytes], object]] = {
        FLOOR: json.loads,
        OURS: Token.try_from_bytes,
    }
    notes = []
    try:
        from oauthlib.oauth2.rfc6749.parameters import parse_token_response as oauthlib_parse

        found[OAUTHLIB] = lambda body: oauthlib_parse(body.decode())
    except ImportError:
        notes.append("oauthlib is not installed: skipped")
    try:
        from authlib.oauth2.rfc6749 import OAuth2Token

        found[AUTHLIB] = lambda body: OAuth2Token.from_dict(json.loads(body))
    except ImportError:
        notes.append("authlib is not installed: skipped")
    try:
        import pydantic

        class PydanticToken(pydantic.BaseModel):
            model_config = pydantic.ConfigDict(extra="allow")
            access_token: pydantic.SecretStr
            token_type: str = "Bearer"
            expires_in: int | None = None
            refresh_token: pydantic.SecretStr | None = None
            scope: str | None = None

        found[PYDANTIC] = PydanticToken.model_validate_json
    except ImportError:
        notes.append("pydantic is not installed: skipped")
    found[PLAIN] = plain_dataclass
    return found, notes


def peer_versions() -> str:
    versions = []
    for name in PEERS:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} not installed")
    return ", ".join(versions)


# --- Measuring ------------------------------------------------------------------


def per_call(function: Callable[[], object], budget: float) -> float:
    """Seconds per call of `function`, timed over about `budget` seconds."""
    timer = timeit.Timer(function)
    number, elapsed = timer.autorange()
    number = max(1, int(number * budget / max(elapsed, 1e-9)))
    return timer.timeit(number) / number


def interleaved(
    functions: dict[str, Callable[[], object]], rounds: int, budget: float
) -> dict[str, float]:
    """Median seconds per call of each function, measured in interleaved rounds."""
    samples: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(rounds):
        for name, function in functions.items():
            samples[name].append(per_call(function, budget))
    return {name: statistics.median(values) for name, values in samples.items()}


def human(seconds: float) -> str:
    if seconds < 1e-6:
        return f"{seconds * 1e9:.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.2f} us"
    return f"{seconds * 1e3:.2f} ms"


def table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# --- Parsing --------------------------------------------------------------------


def parse_speed(
    all_bodies: dict[str, bytes], rounds: int, budget: float
) -> tuple[str, dict[str, dict[str, float]]]:
    found, notes = candidates()
    results: dict[str, dict[str, float]] = {}
    for label, raw in all_bodies.items():
        functions = {name: (lambda f=function, b=raw: f(b)) for name, function in found.items()}
        results[label] = interleaved(functions, rounds, budget)
    headers = ["candidate", *(f"{label} ({len(raw):,} B)" for label, raw in all_bodies.items())]
    rows = []
    for name in found:
        row = [name]
        for label in all_bodies:
            median = results[label][name]
            ratio = median / results[label][FLOOR]
            row.append(f"{human(median)} ({ratio:.2f}x)")
        rows.append(row)
    text = table(headers, rows)
    if notes:
        text += "\n\n" + "\n".join(f"- {note}" for note in notes)
    return text, results


def ours_against_each(results: dict[str, dict[str, float]]) -> str:
    """try_from_bytes divided by each other candidate, body by body."""
    labels = list(results)
    others = [name for name in results[labels[0]] if name != OURS]
    rows = []
    for name in others:
        ratios = [f"{results[label][OURS] / results[label][name]:.2f}x" for label in labels]
        rows.append([f"ours / {name}", *ratios])
    return table(["try_from_bytes divided by", *labels], rows)


def typical_ratios(results: dict[str, dict[str, float]]) -> str:
    """The two ratios of the typical body, spelled out."""
    typical = results["Google-like"]
    lines = [f"- Google-like body, ours / json.loads: {typical[OURS] / typical[FLOOR]:.2f}x"]
    if OAUTHLIB in typical:
        ratio = typical[OURS] / typical[OAUTHLIB]
        lines.append(f"- Google-like body, ours / oauthlib parse_token_response: {ratio:.2f}x")
    else:
        lines.append("- Google-like body, ours / oauthlib: oauthlib is not installed")
    return "\n".join(lines)


def growth(results: dict[str, dict[str, float]], all_bodies: dict[str, bytes]) -> str:
    """The exponent k of time ~ size**k between the 16 KB and the 1 MB body."""
    small, large = "16 KB", "1 MB"
    size_ratio = len(all_bodies[large]) / len(all_bodies[small])
    lines = []
    for name in (FLOOR, OURS):
        time_ratio = results[large][name] / results[small][name]
        lines.append(
            f"- {name}: 16 KB -> 1 MB, time x{time_ratio:.1f} for size x{size_ratio:.1f}: "
            f"exponent {math.log(time_ratio) / math.log(size_ratio):.3f}"
        )
    return "\n".join(lines)


# --- Per request and a parsed token ------------------------------------------


def authlib_token(raw: bytes) -> Any:
    """authlib's OAuth2Token built from `raw`, or None when authlib is not installed."""
    try:
        from authlib.oauth2.rfc6749 import OAuth2Token
    except ImportError:
        return None
    return OAuth2Token.from_dict(json.loads(raw))


def per_request(raw: bytes, rounds: int, budget: float) -> str:
    """What a client does on every API call: check the expiry, build the header."""
    token = Token.try_from_bytes(raw)
    theirs = authlib_token(raw)
    functions: dict[str, Callable[[], object]] = {
        "ours: both": lambda: (token.is_expired(), token.authorization_header()),
        "ours: is_expired": token.is_expired,
    }
    if theirs is not None:
        functions["authlib: both"] = lambda: (
            theirs.is_expired(),
            "Bearer " + theirs["access_token"],
        )
        functions["authlib: is_expired"] = theirs.is_expired
    medians = interleaved(functions, rounds, budget)
    operations = (
        ("is_expired() and the Authorization header", "both"),
        ("is_expired() alone", "is_expired"),
    )
    rows = []
    for label, key in operations:
        ours = medians[f"ours: {key}"]
        if theirs is None:
            rows.append([label, f"{ours * 1e9:,.0f} ns", "not installed", ""])
            continue
        authlib = medians[f"authlib: {key}"]
        rows.append(
            [label, f"{ours * 1e9:,.0f} ns", f"{authlib * 1e9:,.0f} ns", f"{ours / authlib:.2f}x"]
        )
    headers = [
        "per request (Google-like token)",
        "oauth_token",
        "authlib OAuth2Token",
        "ours / authlib",
    ]
    note = (
        "\n\nours: `token.is_expired(); token.authorization_header()`; authlib: "
        '`token.is_expired(); "Bearer " + token["access_token"]`.'
    )
    return table(headers, rows) + note


def instance_costs(raw: bytes, rounds: int, budget: float) -> str:
    token = Token.try_from_bytes(raw)
    as_dict = token.to_dict()
    medians = interleaved(
        {
            "repr(token)": lambda: repr(token),
            "token.to_json()": token.to_json,
            "json.dumps(token.to_dict())": lambda: json.dumps(as_dict, separators=(",", ":")),
        },
        rounds,
        budget,
    )
    rows = [[name, human(value)] for name, value in medians.items()]
    ratio = medians["token.to_json()"] / medians["json.dumps(token.to_dict())"]
    return (
        table(["operation (Google-like body)", "median"], rows)
        + f"\n\nto_json() / json.dumps of the same dict: {ratio:.2f}x"
    )


# --- Import ---------------------------------------------------------------------


IMPORTS = (  # (module, why it is in the table)
    ("oauth_token", ""),
    ("datetime", "for scale"),
    ("math", "for scale"),
    ("authlib.oauth2.rfc6749", "peer"),
    ("oauthlib.oauth2.rfc6749.parameters", "peer"),
    ("pydantic", "peer"),
)


def time_import(module: str, python: str = sys.executable) -> tuple[float, int]:
    """Seconds that importing `module` takes in a fresh interpreter `python` holding
    json and dataclasses, and how many modules the import added to sys.modules."""
    code = (
        "import sys, time, json, dataclasses; before = len(sys.modules); "
        f"start = time.perf_counter(); import {module}; "
        "print(time.perf_counter() - start, len(sys.modules) - before)"
    )
    out = subprocess.run([python, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    seconds, added = out.stdout.split()
    return float(seconds), int(added)


def compiled_module(python: str = sys.executable) -> Path:
    """Compile oauth_token.py to the .pyc of `python`, so that no measured import compiles it."""
    source = ROOT / "oauth_token.py"
    subprocess.run(
        [python, "-m", "compileall", "-q", str(source)], capture_output=True, text=True, check=True
    )
    where = "import importlib.util, sys; print(importlib.util.cache_from_source(sys.argv[1]))"
    out = subprocess.run(
        [python, "-c", where, str(source)], capture_output=True, text=True, check=True
    )
    cached = Path(out.stdout.strip())
    if not cached.exists():
        raise SystemExit(f"no bytecode at {cached}: the import would be compiled every time")
    return cached


def import_time(processes: int) -> str:
    """Median import time of each row, in interleaved fresh interpreters."""
    cached = compiled_module()
    modules = [
        (module, why)
        for module, why in IMPORTS
        if importlib.util.find_spec(module.partition(".")[0]) is not None
    ]
    added = {}
    for module, _ in modules:  # a first run, not counted, warms the caches
        added[module] = time_import(module)[1]
    samples: dict[str, list[float]] = {module: [] for module, _ in modules}
    for _ in range(processes):
        for module, _ in modules:
            samples[module].append(time_import(module)[0])
    ours = statistics.median(samples["oauth_token"])
    rows = []
    for module, why in modules:
        median = statistics.median(samples[module])
        label = f"`import {module}`" + (f" ({why})" if why else "")
        fastest = min(samples[module])
        rows.append(
            [label, human(median), human(fastest), f"{median / ours:.2f}x", str(added[module])]
        )
    headers = [
        "after json + dataclasses",
        f"median of {processes}",
        "fastest",
        "median / oauth_token",
        "modules it loads",
    ]
    setting = os.environ.get("PYTHONDONTWRITEBYTECODE")
    writing = " unset" if setting is None else f"={setting}"
    note = (
        f"\n\nBytecode compiled before timing ({cached.relative_to(ROOT)}); one uncounted "
        f"run of each row first; PYTHONDONTWRITEBYTECODE{writing}, the same for every row. "
        "A module that a site .pth file imported at startup loads 0 modules here."
    )
    return table(headers, rows) + note


def pyenv_interpreters() -> tuple[list[str], str]:
    """The python3 of each pyenv version 3.10 to 3.13, and where they were looked for."""
    try:
        out = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return [], "pyenv is not installed: no interpreter found through it"
    pattern = "versions/3.1[0-3]*/bin/python3"
    found = sorted(str(path) for path in Path(out.stdout.strip()).glob(pattern))
    return found, f'found through `"$(pyenv root)"/{pattern}`'


def python_version(python: str) -> str:
    code = "import platform; print(platform.python_implementation(), platform.python_version())"
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def failure_line(error: Exception) -> str:
    """The last line that a failed interpreter printed, or the error itself, for a
    table's cell (a `|` would end the cell)."""
    if isinstance(error, subprocess.CalledProcessError) and error.stderr:
        line = error.stderr.strip().splitlines()[-1]
    else:
        line = f"{type(error).__name__}: {error}"
    return line.replace("|", "\\|")


def import_per_interpreter(pythons: list[str], note: str, processes: int) -> str:
    """Median time of `import oauth_token` after json and dataclasses, per interpreter,
    the interpreters interleaved process by process."""
    ready = {}  # interpreter: (its version, modules the import loads)
    failed = {}  # interpreter: what it said
    for python in pythons:
        try:
            version = python_version(python)
            compiled_module(python)
            ready[python] = (version, time_import("oauth_token", python)[1])  # uncounted
        except (OSError, subprocess.CalledProcessError) as error:
            failed[python] = failure_line(error)
    samples: dict[str, list[float]] = {python: [] for python in ready}
    for _ in range(processes):
        for python in ready:
            samples[python].append(time_import("oauth_token", python)[0])
    rows = []
    over_budget = 0
    for python in pythons:
        if python in failed:
            rows.append([f"`{python}`", "", f"cannot: {failed[python]}", "", "", ""])
            continue
        version, added = ready[python]
        median = statistics.median(samples[python])
        over = median > IMPORT_BUDGET
        over_budget += over
        rows.append(
            [
                f"`{python}`",
                version,
                human(median),
                human(min(samples[python])),
                str(added),
                f"**over {human(IMPORT_BUDGET)}**" if over else "",
            ]
        )
    headers = [
        "interpreter",
        "Python",
        f"median of {processes}",
        "fastest",
        "modules it loads",
        "budget",
    ]
    text = (
        f"\n\n`import oauth_token` after json and dataclasses, in fresh interpreters, "
        f"interleaved: the budget is {human(IMPORT_BUDGET)}; {over_budget} of {len(ready)} "
        "interpreters over it. Each compiled its own .pyc first and ran once uncounted. "
        "An interpreter outside a virtual environment may import modules at startup "
        "through its site .pth files, which then cost nothing here."
    )
    if note:
        text += f" The first row is the running interpreter; the others {note}."
    return table(headers, rows) + text


# --- Memory -----------------------------------------------------------------------


def memory(raw: bytes, count: int) -> str:
    def held(make: Callable[[], object]) -> float:
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        kept = [make() for _ in range(count)]
        after = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        del kept
        return (after - before) / count

    # Tokens parsed within one second share their issued_at datetime; that is real.
    ours = held(lambda: Token.try_from_bytes(raw))
    theirs = held(lambda: json.loads(raw))
    return table(
        [f"held per token (Google-like body, {count:,} of each)", "bytes"],
        [
            ["json.loads dict", f"{theirs:,.0f}"],
            ["IssueAccessTokenSuccessParams", f"{ours:,.0f} ({ours / theirs:.2f}x)"],
        ],
    )


# --- Hostile bodies ----------------------------------------------------------------

TOKEN_HEAD = b'{"access_token":"2YotnFZFEjr1zCsicMWpAA","token_type":"Bearer","expires_in":3600,'


def token_with(member: bytes) -> bytes:
    """A valid token body plus one more member, given as JSON text `"name":value`."""
    return TOKEN_HEAD + member + b"}"


def array_of(items: list[bytes]) -> bytes:
    return b"[" + b",".join(items) + b"]"


def short_names(count: int) -> list[bytes]:
    """`count` two-letter JSON strings, cycling through 26 * 26 names."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [f'"{letters[i // 26 % 26]}{letters[i % 26]}"'.encode() for i in range(count)]


def distinct_names(count: int) -> list[bytes]:
    """`count` three-character JSON strings, no two alike."""
    alphabet = string.ascii_letters + string.digits
    return [
        f'"{"".join(name)}"'.encode()
        for name in itertools.islice(itertools.product(alphabet, repeat=3), count)
    ]


def with_numbers(items: list[bytes], every: int) -> list[bytes]:
    """`items` with the number 0 after every `every`-th of them."""
    mixed = []
    for position, item in enumerate(items, 1):
        mixed.append(item)
        if position % every == 0:
            mixed.append(b"0")
    return mixed


def nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def error_uri_body(uri: str) -> bytes:
    return json.dumps({"error": "invalid_request", "error_uri": uri}).encode()


@dataclasses.dataclass
class Hostile:
    label: str
    body: bytes
    parse: Callable[[bytes], object] = Token.try_from_bytes


def hostile_bodies() -> list[Hostile]:
    """The worst bodies we know of, each of about 1 MiB unless its label says otherwise."""

    def error_strict(data: bytes) -> object:
        return IssueAccessTokenErrorParams.try_from_bytes(data, strict=True)

    def error_lenient(data: bytes) -> object:
        return IssueAccessTokenErrorParams.try_from_bytes(data)

    relative_uri = "/docs/" + "a/" * 520_000
    empty_strings_then_zero = array_of([b'""'] * 349_000 + [b"0"])
    over = padded(json.loads(token_with(b'"x":1')), MAX_BYTES, random.Random(2))
    over += b" " * (MAX_BYTES + 1 - len(over))
    return [
        Hostile(
            "`x_token`: an array of 200,000 short strings (each a Secret)",
            token_with(b'"x_token":' + array_of(short_names(200_000))),
        ),
        Hostile(
            "`x_token`: an array of 170,000 distinct strings (each its own Secret)",
            token_with(b'"x_token":' + array_of(distinct_names(170_000))),
        ),
        Hostile(
            "`x_token`: an array of 170,000 distinct strings, a number after every 16th",
            token_with(b'"x_token":' + array_of(with_numbers(distinct_names(170_000), 16))),
        ),
        Hostile(
            '`x_token`: an array of 349,000 `""` and one `0` at its end',
            token_with(b'"x_token":' + empty_strings_then_zero),
        ),
        Hostile(
            '`x_token`: the same array one level deeper, `[["",...,0]]`',
            token_with(b'"x_token":[' + empty_strings_then_zero + b"]"),
        ),
        Hostile(
            '`x_token`: an array of 130,000 arrays `["",0]` (910 KB)',
            token_with(b'"x_token":' + array_of([b'["",0]'] * 130_000)),
        ),
        Hostile(
            '`xtoken`: an array of 200,000 arrays `[""]`',
            token_with(b'"xtoken":' + array_of([b'[""]'] * 200_000)),
        ),
        Hostile(
            '`extra`: an array of 80,000 objects `{"token":""}`',
            token_with(b'"x":' + array_of([b'{"token":""}'] * 80_000)),
        ),
        Hostile(
            '`extra`: an array of 100,000 objects `{"":null}`',
            token_with(b'"x":' + array_of([b'{"":null}'] * 100_000)),
        ),
        Hostile(
            '`extra`: an array of 170,000 pairs `"",0` (850 KB)',
            token_with(b'"x":' + array_of([b'"",0'] * 170_000)),
        ),
        Hostile(
            "`extra`: an array of 300,000 `{}`", token_with(b'"x":' + array_of([b"{}"] * 300_000))
        ),
        Hostile(
            "`scope`: an array of 200,000 scope tokens (lenient)",
            token_with(b'"scope":' + array_of(short_names(200_000))),
        ),
        Hostile(
            "`extra`: an array of 200,000 short strings",
            token_with(b'"x":' + array_of(short_names(200_000))),
        ),
        Hostile(
            '`extra`: an array of 130,000 `{"a":1}`',
            token_with(b'"x":' + array_of([b'{"a":1}'] * 130_000)),
        ),
        Hostile(
            "`extra`: 8,600 arrays nested 60 deep, side by side",
            token_with(b'"x":' + array_of([nested(60)] * 8_600)),
        ),
        Hostile("100,000-deep nesting (200 KB)", token_with(b'"x":' + nested(100_000))),
        Hostile("520,000-deep nesting", token_with(b'"x":' + nested(520_000))),
        Hostile(
            "1 MB relative `error_uri`, error params, strict",
            error_uri_body(relative_uri),
            error_strict,
        ),
        Hostile(
            "1 MB relative `error_uri`, error params, lenient",
            error_uri_body(relative_uri),
            error_lenient,
        ),
        Hostile(
            "1 MB `error_uri` ending in a space, error params, strict",
            error_uri_body(relative_uri[:-1] + " "),
            error_strict,
        ),
        Hostile("50,000 duplicate members (300 KB)", b"{" + b",".join([b'"a":1'] * 50_000) + b"}"),
        Hostile("174,000 duplicate members", b"{" + b",".join([b'"a":1'] * 174_000) + b"}"),
        Hostile(
            "`extra`: 17,000 integers of 60 digits",
            token_with(b'"x":' + array_of([b"9" * 60] * 17_000)),
        ),
        Hostile(
            "`extra`: 500,000 one-digit integers, and a string of 65 digits",
            token_with(b'"y":"' + b"9" * 65 + b'","x":' + array_of([b"1"] * 500_000)),
        ),
        Hostile("a 4,000-digit integer (4 KB)", token_with(b'"x":' + b"9" * 4_000)),
        Hostile(
            "`extra`: 260 integers of 4,000 digits",
            token_with(b'"x":' + array_of([b"9" * 4_000] * 260)),
        ),
        Hostile(
            "55,000 members named `x<n>_token` (each a Secret)",
            b"{"
            + b",".join(f'"x{i}_token":"a"'.encode() for i in range(55_000))
            + b',"access_token":"a"}',
        ),
        Hostile(
            "a 1 MB `access_token` with one `\\/` escape",
            b'{"access_token":"' + b"a" * 1_040_000 + b'\\/"}',
        ),
        Hostile("a valid token body of max_bytes + 1 bytes", over),
        Hostile("`x` then 524,000 `[]` (not JSON: no nesting scan)", b"x" + b"[]" * 524_000),
        Hostile(
            "a valid token, then 349,000 ` []` (extra data)",
            token_with(b'"x":1') + b" []" * 349_000,
        ),
        Hostile(
            "a valid token, then 1,040,000 `[` (extra data, never closed)",
            token_with(b'"x":1') + b"[" * 1_040_000,
        ),
    ]


def sample(function: Callable[[], object], minimum: float = 0.005) -> float:
    """Seconds per call of `function`, repeated for at least `minimum` seconds, GC on."""
    calls = 0
    start = time.perf_counter()
    while True:
        function()
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= minimum:
            return elapsed / calls


def answer(parse: Callable[[bytes], object], data: bytes) -> str:
    """Parse `data`: "parsed" or "rejected", the only two answers allowed."""
    try:
        parse(data)
    except InvalidTokenResponse:
        return "rejected"
    return "parsed"


def json_loads_failure(data: bytes) -> str | None:
    """Why json.loads cannot parse `data`, or None when it can."""
    try:
        json.loads(data)
    except (RecursionError, ValueError) as error:
        return type(error).__name__
    return None


def best_of(functions: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The least time per call of each function over `repeat` interleaved samples."""
    best = {name: math.inf for name in functions}
    for _ in range(repeat):
        for name, function in functions.items():
            best[name] = min(best[name], sample(function))
    return best


def is_token_name(name: str) -> bool:
    """The contract's *token rule: a member name that ends in "token", any case."""
    return name[-5:].lower() == "token"


def required_secrets(document: object) -> int:
    """How many Secrets the *token rule requires for the decoded body `document`.

    Every string found at any depth under a member whose name ends in "token": one
    Secret per distinct string of an array, whatever else the array holds, and one
    per string elsewhere (an object's member). Walked without recursion: json.loads
    nests deeper than Python's recursion limit allows a walk to.
    """
    count = 0
    pending: list[tuple[object, bool]] = [(document, False)]
    while pending:
        value, secret = pending.pop()
        if type(value) is dict:
            for name, item in value.items():
                item_secret = secret or is_token_name(name)
                if type(item) is str:
                    count += item_secret
                elif type(item) in (dict, list):
                    pending.append((item, item_secret))
        elif type(value) is list:
            if secret:
                count += len({item for item in value if type(item) is str})
            pending.extend((item, secret) for item in value if type(item) in (dict, list))
    return count


def kept_answer(parse: Callable[[bytes], object], data: bytes) -> object:
    """What parsing `data` gives: the parsed object, or None when it is rejected."""
    try:
        return parse(data)
    except InvalidTokenResponse:
        return None


def held_by(make: Callable[[], object]) -> int:
    """Bytes that `make()` allocated and that are still alive after it, its result
    kept (tracemalloc; the garbage collector run before and after)."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = make()
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    del kept
    return after - before


def human_bytes(size: float) -> str:
    if abs(size) < 1e3:
        return f"{size:.0f} B"
    if abs(size) < 1e6:
        return f"{size / 1e3:.1f} kB"
    return f"{size / 1e6:.2f} MB"


def hostile(repeat: int) -> str:
    valid_token = json.loads(bodies()["Google-like"])
    rng = random.Random(1)
    rows = []
    over_time = over_memory = 0
    for case in hostile_bodies():
        failure = json_loads_failure(case.body)
        reference = case.body if failure is None else padded(valid_token, len(case.body), rng)
        # A body json.loads cannot decode gives no strings to count: no Secret allowed.
        secrets = 0 if failure is not None else required_secrets(json.loads(case.body))
        strings = [str(number) for number in range(secrets)]  # made before timing
        functions: dict[str, Callable[[], object]] = {
            "ours": lambda c=case: answer(c.parse, c.body),
            "loads": lambda r=reference: json.loads(r),
        }
        if secrets:
            functions["secrets"] = lambda s=strings: list(map(Secret, s))
        best = best_of(functions, repeat)
        allowance = LOADS_TIMES * best["loads"] + best.get("secrets", 0.0)
        ratio = best["ours"] / allowance
        ours_held = held_by(lambda c=case: kept_answer(c.parse, c.body))
        loads_held = held_by(lambda r=reference: json.loads(r))
        memory_ratio = ours_held / loads_held
        if failure is None:
            floor = human(best["loads"])
        else:
            floor = f"cannot ({failure}); a valid body of that size: {human(best['loads'])}"
        over = []
        if ratio > 1.0:
            over.append("**time**")
            over_time += 1
        if memory_ratio > MEMORY_BOUND:
            over.append("**memory**")
            over_memory += 1
        rows.append(
            [
                case.label,
                f"{len(case.body):,}",
                answer(case.parse, case.body),
                f"{secrets:,}",
                human(best["ours"]),
                floor,
                human(best["secrets"]) if secrets else "-",
                f"{best['ours'] / best['loads']:.2f}x",
                f"{ratio:.2f}",
                f"{human_bytes(ours_held)} / {human_bytes(loads_held)}",
                f"{memory_ratio:.2f}",
                ", ".join(over),
            ]
        )
    headers = [
        "body",
        "bytes",
        "answer",
        "Secrets required",
        "ours",
        "json.loads, same bytes",
        "making the Secrets",
        "ours / loads",
        f"ours / ({LOADS_TIMES:.0f} loads + Secrets), bound 1",
        "held: ours / loads' result",
        f"memory ratio, bound {MEMORY_BOUND:.0f}",
        "over",
    ]
    note = (
        f"\n\nBest of {repeat} interleaved samples, garbage collector on. `ours` is "
        "`IssueAccessTokenSuccessParams.try_from_bytes` unless the row names the error "
        "params. The allowance is "
        f"{LOADS_TIMES:.0f} x json.loads of the same bytes plus the time that making the "
        "Secrets the *token rule requires takes here (`list(map(Secret, strings))` over "
        "that many distinct strings made beforehand), counted from json.loads' result: "
        "one per distinct string of each array, one per other string, under a name "
        "ending in `token`. Held: what tracemalloc finds allocated by the parse and still "
        "alive after it, the result kept (nothing kept for a rejected body), against the "
        "same for json.loads; where json.loads cannot decode the body, both columns use "
        "a valid token body of the same size and no Secret is counted. "
        f"{over_time} of {len(rows)} rows over the time bound, "
        f"{over_memory} over the memory bound."
    )
    return table(headers, rows) + note


# --- Hostile form bodies ---------------------------------------------------------

FORM_HEAD = b"access_token=2YotnFZFEjr1zCsicMWpAA&token_type=Bearer&expires_in=3600"


def form_with(rest: bytes) -> bytes:
    """A valid token's form body followed by `rest`, which starts with `&`."""
    return FORM_HEAD + rest


def numbered_pairs(count: int, suffix: str = "", value: str = "1") -> bytes:
    """`&a0=1&a1=1...`: `count` pairs of distinct names, each ending in `suffix`."""
    return "".join(f"&a{number}{suffix}={value}" for number in range(count)).encode()


def form_bodies() -> list[Hostile]:
    """The worst form bodies we know of, each of about 1 MiB unless its label says otherwise."""
    form = Token.try_from_form
    pairs = numbered_pairs(100_000)
    return [
        Hostile("100,000 distinct pairs `a<n>=1`, all in `extra` (890 KB)", form_with(pairs), form),
        Hostile(
            "a duplicate name at the end of 100,000 pairs (890 KB)",
            form_with(pairs + b"&a0=1"),
            form,
        ),
        Hostile(
            "65,000 distinct pairs `a<n>_token=a`, each a Secret",
            form_with(numbered_pairs(65_000, "_token", "a")),
            form,
        ),
        Hostile("one value of 349,000 `%41` escapes", form_with(b"&x=" + b"%41" * 349_000), form),
        Hostile(
            "one value of 349,000 `%41` escapes, a malformed `%4` at its end",
            form_with(b"&x=" + b"%41" * 348_999 + b"%4"),
            form,
        ),
        Hostile(
            "one value of 116,000 `%E2%82%AC` escapes (UTF-8)",
            form_with(b"&x=" + b"%E2%82%AC" * 116_000),
            form,
        ),
        Hostile("300,000 empty pairs `&&&` (300 KB)", form_with(b"&" * 300_000), form),
        Hostile("1,040,000 empty pairs `&&&`", form_with(b"&" * 1_040_000), form),
        Hostile("520,000 blank pairs `&=`", form_with(b"&=" * 520_000), form),
        Hostile("one value of 1,040,000 `+`", form_with(b"&x=" + b"+" * 1_040_000), form),
        Hostile(
            "a `scope` of 520,000 `a+` (lenient: it ends in a space)",
            form_with(b"&scope=" + b"a+" * 520_000),
            form,
        ),
        Hostile(
            "a 1 MB JSON array `[1,1,...]` (refused whole)",
            b"[" + b"1," * 520_000 + b"1]",
            form,
        ),
        Hostile(
            "a 1 MB JSON token body (refused whole)",
            padded(json.loads(token_with(b'"x":1')), 1_040_000, random.Random(3)),
            form,
        ),
    ]


def parse_qsl(data: bytes) -> object:
    """The floor: the standard library's form parser, on the body decoded as UTF-8.

    Given bytes, parse_qsl encodes what it found back to bytes as ASCII, and a value
    %-escaping UTF-8 raises there; so it is given the text, as a client has it.
    """
    return urllib.parse.parse_qsl(data.decode("utf-8"), keep_blank_values=True)


def hostile_forms(repeat: int) -> str:
    rows = []
    over_bound = 0
    for case in form_bodies():
        best = best_of(
            {
                "ours": lambda c=case: answer(c.parse, c.body),
                "parse_qsl": lambda b=case.body: parse_qsl(b),
            },
            repeat,
        )
        ratio = best["ours"] / best["parse_qsl"]
        over_bound += ratio > FORM_BOUND
        rows.append(
            [
                case.label,
                f"{len(case.body):,}",
                answer(case.parse, case.body),
                human(best["ours"]),
                human(best["parse_qsl"]),
                f"{ratio:.2f}x",
                f"**over {FORM_BOUND:.0f}x**" if ratio > FORM_BOUND else "",
            ]
        )
    headers = ["form body", "bytes", "answer", "ours", "parse_qsl, same bytes", "ratio", "bound"]
    note = (
        f"\n\nBest of {repeat} interleaved samples, garbage collector on. `ours` is "
        "`IssueAccessTokenSuccessParams.try_from_form`; every body but the JSON one "
        "starts with a valid token (`access_token`, `token_type`, `expires_in`). "
        "`parse_qsl` is `urllib.parse.parse_qsl(body.decode(), keep_blank_values=True)` of "
        f"the same bytes. {over_bound} of {len(rows)} rows over the bound of {FORM_BOUND:.0f}x."
    )
    return table(headers, rows) + note


# --- Main ---------------------------------------------------------------------------


def heading(quick: bool, rounds: int) -> str:
    command = " ".join(["python", *sys.argv])
    return (
        f"`{command}`\n\n"
        f"- Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs\n"
        f"- oauth_token {oauth_token.__version__}; {peer_versions()}\n"
        f"- {'quick mode, ' if quick else ''}{rounds} interleaved rounds, medians"
    )


SECTIONS = ("parsing", "request", "token", "import", "memory", "hostile", "form")


def interpreters(paths: list[str], pyenv: bool) -> tuple[list[str], str]:
    """The running interpreter, then those given, then pyenv's: each once."""
    found = [sys.executable, *paths]
    note = "are given with --python" if paths else ""
    if pyenv:
        versions, where = pyenv_interpreters()
        found += versions
        note = f"{note}, or {where}" if note else where
    return list(dict.fromkeys(os.path.abspath(path) for path in found)), note


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, for a smoke test")
    parser.add_argument(
        "--python",
        action="append",
        default=[],
        metavar="PATH",
        help="also time `import oauth_token` on this interpreter (may be repeated)",
    )
    parser.add_argument(
        "--pyenv",
        action="store_true",
        help='also time it on every "$(pyenv root)"/versions/3.1[0-3]*/bin/python3',
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=SECTIONS,
        help="run this section alone (may be repeated); every section by default",
    )
    args = parser.parse_args()
    if args.quick:
        rounds, budget, processes, count = 3, 0.02, 11, 2_000
    else:
        rounds, budget, processes, count = 9, 0.1, 41, 10_000
    sections = set(args.only or SECTIONS)
    started = time.perf_counter()

    print(heading(args.quick, rounds))
    all_bodies = bodies()
    if "parsing" in sections:
        text, results = parse_speed(all_bodies, rounds, budget)
        print("\n## Parsing: median per call (ratio to json.loads of the same bytes)\n")
        print(text)
        print("\n" + ours_against_each(results))
        print("\n" + typical_ratios(results))
        print("\n## Growth\n")
        print(growth(results, all_bodies))
    if "request" in sections:
        print("\n## Per request\n")
        print(per_request(all_bodies["Google-like"], rounds, budget))
    if "token" in sections:
        print("\n## A parsed token\n")
        print(instance_costs(all_bodies["Google-like"], rounds, budget))
    if "import" in sections:
        print("\n## Import\n")
        print(import_time(processes))
        print("\n### Import per interpreter\n")
        print(import_per_interpreter(*interpreters(args.python, args.pyenv), processes))
    if "memory" in sections:
        print("\n## Memory\n")
        print(memory(all_bodies["Google-like"], count))
    if "hostile" in sections:
        print("\n## Hostile bodies: time and memory, against json.loads\n")
        print(hostile(repeat=3))
    if "form" in sections:
        print("\n## Hostile form bodies: time to answer, against urllib.parse.parse_qsl\n")
        print(hostile_forms(repeat=3))
    print(f"\n(the whole run took {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
