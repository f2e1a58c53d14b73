"""Benchmark oauth_token against bare json.loads and its peers, in one process.

    python bench/bench_oauth_token.py [--quick]

Every figure is a median over interleaved rounds, and every comparison is a ratio
within this one run: these machines are noisy, so absolute times from different
runs mean little. Peers (oauthlib, authlib, pydantic) are measured when importable
and skipped with a note otherwise; bench/README.md says how to install them.
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
import gc
import json
import random
import statistics
import subprocess
import sys
import timeit
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import oauth_token  # noqa: E402
from oauth_token import InvalidTokenResponse, IssueAccessTokenSuccessParams  # noqa: E402

Token = IssueAccessTokenSuccessParams


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


def candidates() -> tuple[dict[str, Callable[[bytes], object]], list[str]]:
    found: dict[str, Callable[[bytes], object]] = {
        "json.loads (floor)": json.loads,
        "oauth_token.try_from_bytes": Token.try_from_bytes,
    }
    notes = []
    try:
        from oauthlib.oauth2.rfc6749.parameters import parse_token_response as oauthlib_parse

        found["oauthlib parse_token_response"] = lambda body: oauthlib_parse(body.decode())
    except ImportError:
        notes.append("oauthlib is not installed: skipped")
    try:
        from authlib.oauth2.rfc6749 import OAuth2Token

        found["authlib OAuth2Token.from_dict"] = lambda body: OAuth2Token.from_dict(
            json.loads(body)
        )
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

        found["pydantic v2 model_validate_json"] = PydanticToken.model_validate_json
    except ImportError:
        notes.append("pydantic is not installed: skipped")
    found["unvalidated @dataclass"] = plain_dataclass
    return found, notes


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
            ratio = median / results[label]["json.loads (floor)"]
            row.append(f"{human(median)} ({ratio:.2f}x)")
        rows.append(row)
    text = table(headers, rows)
    if notes:
        text += "\n\n" + "\n".join(f"- {note}" for note in notes)
    return text, results


def growth(results: dict[str, dict[str, float]], all_bodies: dict[str, bytes]) -> str:
    """The exponent k of time ~ size**k between the 16 KB and the 1 MB body."""
    import math

    small, large = "16 KB", "1 MB"
    size_ratio = len(all_bodies[large]) / len(all_bodies[small])
    lines = []
    for name in ("json.loads (floor)", "oauth_token.try_from_bytes"):
        time_ratio = results[large][name] / results[small][name]
        lines.append(
            f"- {name}: 16 KB -> 1 MB, time x{time_ratio:.1f} for size x{size_ratio:.1f}: "
            f"exponent {math.log(time_ratio) / math.log(size_ratio):.3f}"
        )
    return "\n".join(lines)


def instance_costs(raw: bytes, rounds: int, budget: float) -> str:
    token = Token.try_from_bytes(raw)
    as_dict = token.to_dict()
    medians = interleaved(
        {
            "is_expired()": token.is_expired,
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


def import_time(processes: int) -> str:
    """Median import time of oauth_token in fresh interpreters holding json and dataclasses."""
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "oauth_token.py")], check=True
    )
    code = (
        "import time, json, dataclasses; start = time.perf_counter(); import {module}; "
        "print(time.perf_counter() - start)"
    )
    samples: dict[str, list[float]] = {"oauth_token": [], "datetime": []}
    for _ in range(processes):
        for module in samples:
            out = subprocess.run(
                [sys.executable, "-c", code.format(module=module)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            )
            samples[module].append(float(out.stdout))
    rows = [
        [f"import {module}", human(statistics.median(values))] for module, values in samples.items()
    ]
    rows.append(["(for scale) authlib ~26 ms, oauthlib ~31 ms, pydantic ~93 ms (issue 5)", ""])
    return table([f"after json + dataclasses, median of {processes} processes", "time"], rows)


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
        ["held per token (Google-like body, 10,000 of each)", "bytes"],
        [
            ["json.loads dict", f"{theirs:,.0f}"],
            ["IssueAccessTokenSuccessParams", f"{ours:,.0f} ({ours / theirs:.2f}x)"],
        ],
    )


def hostile(rounds: int, budget: float) -> str:
    valid_token = json.loads(bodies()["Google-like"])
    rng = random.Random(1)

    def same_size_valid(size: int) -> bytes:
        return padded(valid_token, size, rng)

    cases = {
        "100,000-deep nesting": b"[" * 100_000 + b"]" * 100_000,
        "4,000-digit integer": b'{"access_token":"a","n":' + b"9" * 4000 + b"}",
        "50,000 duplicate members": b"{" + b",".join([b'"a":1'] * 50_000) + b"}",
        "body over max_bytes (2 MB)": b" " * 2_000_000 + b"{}",
    }
    rows = []
    for label, raw in cases.items():
        reference = same_size_valid(len(raw))

        def reject(data: bytes = raw) -> None:
            try:
                Token.try_from_bytes(data)
            except InvalidTokenResponse:
                return
            raise AssertionError("a hostile body was accepted")

        medians = interleaved(
            {"reject": reject, "loads": lambda r=reference: json.loads(r)}, rounds, budget
        )
        ratio = medians["reject"] / medians["loads"]
        rows.append(
            [
                label,
                f"{len(raw):,}",
                human(medians["reject"]),
                human(medians["loads"]),
                f"{ratio:.3f}x",
            ]
        )
    return table(
        ["hostile body", "bytes", "rejected in", "json.loads, valid body of that size", "ratio"],
        rows,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, for a smoke test")
    args = parser.parse_args()
    rounds, budget, processes, count = (3, 0.02, 10, 2_000) if args.quick else (9, 0.1, 41, 10_000)

    print(
        f"oauth_token {oauth_token.__version__}, Python {sys.version.split()[0]},"
        f" {rounds} interleaved rounds, medians\n"
    )
    all_bodies = bodies()
    text, results = parse_speed(all_bodies, rounds, budget)
    print("## Parsing: median per call (ratio to json.loads of the same bytes)\n")
    print(text)
    print("\n## Growth\n")
    print(growth(results, all_bodies))
    print("\n## A parsed token\n")
    print(instance_costs(all_bodies["Google-like"], rounds, budget))
    print("\n## Import\n")
    print(import_time(processes))
    print("\n## Memory\n")
    print(memory(all_bodies["Google-like"], count))
    print("\n## Hostile bodies: rejected before json.loads would finish a valid body\n")
    print(hostile(rounds, budget))


if __name__ == "__main__":
    main()
