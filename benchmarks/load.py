"""Load on the web app over loopback: concurrent clients against the search and event pages.

    python benchmarks/load.py                      # 50 clients for 30 s over a store made from examples/
    python benchmarks/load.py --clients 20 --duration 5 --db marsad.db

The app runs as `marsad serve` in a subprocess on a free 127.0.0.1 port, with its default rate limit: loopback
clients are exempt from it (see `marsad.web.limits.RateLimit`), so a 429 here would be a regression. Each client is a
thread with one keep-alive connection; it cycles through event pages, their JSON, and searches. Prints requests/s,
latency percentiles and every status other than 200; only loopback is ever contacted.
"""
from __future__ import annotations

import argparse
import http.client
import json
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ("المياه", "اتفاق المياه", "عمّان", "الفيضانات", "الوزير", "سوريا", "مرسى", "في")


@dataclass
class Tally:
    """What the clients saw: a latency per answered request, statuses, and connection errors."""

    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def summary(self) -> dict[str, float | int | dict[int, int]]:
        lat = sorted(self.latencies)
        answered = len(lat)
        return {"requests": answered, "seconds": round(self.seconds, 1), "rps": round(answered / self.seconds, 1),
                "p50_ms": _ms(lat, 0.50), "p95_ms": _ms(lat, 0.95), "p99_ms": _ms(lat, 0.99),
                "max_ms": _ms(lat, 1.0), "server_errors": sum(n for s, n in self.statuses.items() if s >= 500),
                "connection_errors": len(self.errors), "statuses": dict(self.statuses)}


def _ms(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return 0.0
    return round(1000 * sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))], 1)


def build_store(folder: Path) -> Path:
    """A store made by analysing examples/ (the real CLI)."""
    db = folder / "load.db"
    subprocess.run([sys.executable, "-m", "marsad", "analyze", str(ROOT / "examples"), "--db", str(db), "-q"],
                   check=True, capture_output=True, timeout=300)
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, extra: tuple[str, ...] = ()) -> tuple[subprocess.Popen[bytes], str]:
    """`marsad serve` on a free loopback port; returns the process and its base URL once it accepts connections."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--db", str(db), "--port", str(port), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"marsad serve exited with {proc.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, f"127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("marsad serve did not start")


def targets(address: str) -> list[str]:
    """Event pages and their JSON for every event, and searches (pages and API) for common words."""
    conn = http.client.HTTPConnection(*_split(address), timeout=10)
    conn.request("GET", "/api/stories")
    stories = json.loads(conn.getresponse().read())
    conn.close()
    events = [e["id"] for s in stories for e in s["events"]]
    paths = [p for e in events for p in (f"/events/{e}", f"/api/events/{e}")]
    paths += [p for q in QUERIES for p in (f"/search?q={quote(q)}", f"/api/search?q={quote(q)}")]
    return paths


def _split(address: str) -> tuple[str, int]:
    host, port = address.rsplit(":", 1)
    return host, int(port)


def client(address: str, paths: list[str], start: int, stop_at: float, tally: Tally) -> None:
    """One client: a keep-alive connection, requests one after another until `stop_at`."""
    conn = http.client.HTTPConnection(*_split(address), timeout=30)
    n = start
    while time.monotonic() < stop_at:
        path = paths[n % len(paths)]
        n += 1
        began = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as exc:
            with tally.lock:
                tally.errors.append(f"{path}: {exc!r}")
            conn.close()
            conn = http.client.HTTPConnection(*_split(address), timeout=30)
            continue
        elapsed = time.perf_counter() - began
        with tally.lock:
            tally.latencies.append(elapsed)
            tally.statuses[response.status] += 1
    conn.close()


def run_load(address: str, clients: int, duration: float) -> Tally:
    """`clients` threads against `address` for `duration` seconds."""
    paths, tally = targets(address), Tally()
    began = time.monotonic()
    stop_at = began + duration
    threads = [threading.Thread(target=client, args=(address, paths, i * 7, stop_at, tally), daemon=True)
               for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(duration + 60)
    tally.seconds = time.monotonic() - began
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0, help="seconds")
    parser.add_argument("--db", type=Path, help="an analysed store (default: examples/ analysed into a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_store(Path(tmp))
        proc, address = start_server(db)
        try:
            tally = run_load(address, args.clients, args.duration)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    print(json.dumps({"clients": args.clients, **tally.summary()}, indent=1))
    for error in tally.errors[:10]:
        print("error:", error, file=sys.stderr)


if __name__ == "__main__":
    main()
