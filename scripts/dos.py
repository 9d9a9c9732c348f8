#!/usr/bin/env python3
"""Hostile clients against `charter serve`, and what a normal visitor gets
meanwhile. See "Denial of service" in docs/operations.md.

    scripts/dos.py                      # four attacks, 2,000 sockets each, 60 s
    SOCKETS=500 DURATION=20 scripts/dos.py
    ATTACKS=keepalive scripts/dos.py    # one attack, from one address

Starts the release binary (cargo build --release first; CHARTER_BIN names
another) on a free loopback
port with `--limit-loopback` (nothing is in front of it here), then for each
attack: opens SOCKETS hostile connections and, from 127.0.0.1, asks for
/bn/ PROBES times spread over DURATION seconds, each with a 20 s timeout.
Prints the share of probes answered 200 and their p50/p99 latency.

The hostile connections come from 127.0.0.2 (another client address on the
same machine), or, for the distributed attacks, from ADDRESSES addresses
(127.0.0.2 onwards, default 100), each within its share of connections, so
that only the cap on open connections stands in the way.

- keepalive: every hostile socket sends a small request every 4 s and
  keeps the connection (the way to hold every slot for good);
- slowloris: every hostile socket sends a header line every 2 s and never
  ends its request; when cut, it connects again at once.
"""

import asyncio
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOCKETS = int(os.environ.get("SOCKETS", "2000"))
DURATION = float(os.environ.get("DURATION", "60"))
PROBES = int(os.environ.get("PROBES", "300"))
ADDRESSES = int(os.environ.get("ADDRESSES", "100"))
ATTACKS = os.environ.get(
    "ATTACKS", "keepalive,slowloris,keepalive-distributed,slowloris-distributed"
).split(",")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def hostile_connection(port, source):
    """A connection from `source`, or None after a short wait."""
    try:
        return await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
    except OSError:
        await asyncio.sleep(0.5)
        return None


async def hostile_keepalive(port, source, stop):
    while not stop.is_set():
        opened = await hostile_connection(port, source)
        if opened is None:
            continue
        reader, writer = opened
        try:
            while not stop.is_set():
                writer.write(b"GET /robots.txt HTTP/1.1\r\nHost: x\r\n\r\n")
                await writer.drain()
                data = await asyncio.wait_for(reader.read(65536), 5)
                if not data:
                    break
                await asyncio.sleep(4)
        except (OSError, asyncio.TimeoutError):
            pass
        finally:
            writer.close()


async def hostile_slowloris(port, source, stop):
    while not stop.is_set():
        opened = await hostile_connection(port, source)
        if opened is None:
            continue
        _, writer = opened
        try:
            writer.write(b"GET /bn/ HTTP/1.1\r\nHost: x\r\n")
            await writer.drain()
            i = 0
            while not stop.is_set():
                await asyncio.sleep(2)
                writer.write(b"x-slow-%d: 1\r\n" % i)
                await writer.drain()
                i += 1
        except OSError:
            pass
        finally:
            writer.close()


async def probe(port):
    start = time.monotonic()
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection("127.0.0.1", port, local_addr=("127.0.0.1", 0)), 20
        )
        writer.write(b"GET /bn/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        await writer.drain()
        head = await asyncio.wait_for(reader.readline(), 20)
        while await asyncio.wait_for(reader.read(65536), 20):
            pass
        writer.close()
        ok = head.startswith(b"HTTP/1.1 200")
    except (OSError, asyncio.TimeoutError):
        ok = False
    return ok, time.monotonic() - start


async def hostile_clients(port, kind, seconds):
    stop = asyncio.Event()
    hostile = hostile_keepalive if kind.startswith("keepalive") else hostile_slowloris
    spread = ADDRESSES if kind.endswith("distributed") else 1
    sources = [f"127.0.0.{2 + i % spread}" for i in range(SOCKETS)]
    tasks = [asyncio.create_task(hostile(port, source, stop)) for source in sources]
    await asyncio.sleep(seconds)
    stop.set()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def run_hostile(port, kind, seconds):
    asyncio.run(hostile_clients(port, kind, seconds))


async def attack(port, kind):
    # The attackers in a process of their own, so that the probes' times
    # are the server's, not those of a client loop busy with attackers.
    attackers = multiprocessing.Process(target=run_hostile, args=(port, kind, DURATION + 15))
    attackers.start()
    await asyncio.sleep(5)  # let the attack settle
    gap = DURATION / PROBES
    pending = []
    for _ in range(PROBES):
        pending.append(asyncio.create_task(probe(port)))
        await asyncio.sleep(gap * random.uniform(0.5, 1.5))
    results = await asyncio.gather(*pending)
    attackers.terminate()
    attackers.join()
    ok = [t for good, t in results if good]
    times = sorted(t for _, t in results)
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
    print(
        f"{kind:22} {SOCKETS} hostile sockets: {len(ok)}/{len(results)} probes answered 200 "
        f"({100 * len(ok) / len(results):.1f}%), p50 {p(0.5):.1f} ms, p99 {p(0.99):.1f} ms"
    )
    return len(ok) / len(results), p(0.99)


def main():
    binary = os.environ.get("CHARTER_BIN") or os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "charter"
    )
    if not os.path.exists(binary):
        sys.exit(f"dos: {binary} is missing: run cargo build --release first")
    port = free_port()
    server = subprocess.Popen(
        [binary, "serve", "--no-watch", "--limit-loopback", "--addr", f"127.0.0.1:{port}",
         "--charter", os.path.join(ROOT, "charter.toml")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={
            **os.environ,
            "RUST_LOG": "warn,citizen_charter::server::clients=info,"
            "citizen_charter::server::connection=info",
        },
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    sys.exit("dos: the server did not start")
                time.sleep(0.1)
        worst = []
        for kind in ATTACKS:
            worst.append(asyncio.run(attack(port, kind)))
    finally:
        server.terminate()
        _, err = server.communicate(timeout=15)
    lines = err.decode(errors="replace").splitlines()
    for what in ("connections closed at once", "idle connections closed"):
        counted = [l for l in lines if what in l]
        print(f"log: {len(counted)} lines counting {what}; last: {counted[-1] if counted else '-'}")
    passed = all(share >= 0.99 and p99 < 1000 for share, p99 in worst)
    print("target (>= 99% answered, p99 < 1 s):", "met" if passed else "NOT met")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
