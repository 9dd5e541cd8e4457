"""Explorer benchmark: p50/p95 latency of the speaker page, search and the JSON API under
concurrent clients from loopback, over a corpus of at least a million statements.

    # 1. a corpus: ingest AllSides articles once, then replicate them with INSERT ... SELECT
    python benchmarks/explorer_bench.py build --db /tmp/explorer_bench/big.db
    # 2. the load test (starts `onrecord serve` itself on a free loopback port)
    python benchmarks/explorer_bench.py run --db /tmp/explorer_bench/big.db --clients 50 --seconds 15

Generate the corpus under /tmp, never in the repository.  Every request loop is bounded in
count and time and only talks to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import math
import os
import random
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote_plus

ALLSIDES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "allsides" / "articles.jsonl.gz"
WORDS = ["trump", "immigration", "border", "tax", "health", "police", "vote", "election", "war", "economy",
         "climate", "court", "gun", "russia", "china", "jobs", "wall", "obamacare", "abortion", "budget",
         "\"white house\"", "fake news", "impeachment", "iran", "mueller", "senate", "democrats", "virus"]


# -- build ------------------------------------------------------------------------------------------

def build(db: Path, *, articles: int, every: int, target: int, base: Path | None) -> None:
    """Ingest ``articles`` AllSides articles (one in ``every``), then copy them until there are
    ``target`` statements: each copy shifts ids and dates (+17 days per copy) and keeps speakers,
    outlets and quote groups, so heavy speakers get heavy."""
    db.parent.mkdir(parents=True, exist_ok=True)
    if base is None or not base.exists():
        base = base or db.with_name("base.db")
        sample = db.with_name("base.jsonl")
        with gzip.open(ALLSIDES, "rt", encoding="utf-8") as src, open(sample, "w", encoding="utf-8") as out:
            n = 0
            for i, line in enumerate(src, start=1):
                if i % every == 0:
                    out.write(line)
                    n += 1
                    if n >= articles:
                        break
        from onrecord.store import IngestOptions, ingest

        t = time.monotonic()
        summary = ingest([str(sample)], str(base), IngestOptions(workers=0))
        print(f"ingested {summary.counts.new} articles, {summary.counts.statements} statements "
              f"in {time.monotonic() - t:.0f} s", file=sys.stderr)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    src = sqlite3.connect(base)
    src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    src.close()
    shutil.copyfile(base, db)
    from onrecord.store import connect
    from onrecord.store.migrate import migrate

    corpus = connect(str(db))  # the copy gets the current schema (and its aggregates) before it grows
    migrate(corpus)
    corpus.close()
    replicate(db, target)


def replicate(db: Path, target: int) -> None:
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    n_st, max_a, max_s, max_o = con.execute(
        "SELECT (SELECT count(*) FROM statements), (SELECT max(id) FROM articles), "
        "(SELECT max(id) FROM statements), (SELECT coalesce(max(id), 0) FROM own_voice)").fetchone()
    copies = math.ceil(target / n_st) - 1
    t = time.monotonic()
    acols = ("content_hash, ext_id, title, outlet, outlet_id, published, url, bias, words, n_statements, "
             "n_own_voice, source, locator, meta, text, run_id, ingested_at")
    scols = [r[1] for r in con.execute("PRAGMA table_info(statements)") if r[1] not in ("id", "article_id")]
    for k in range(1, copies + 1):
        oa, os_, oo = k * max_a, k * max_s, k * max_o
        con.execute("BEGIN")
        con.execute(f"INSERT INTO articles (id, {acols}) SELECT id + ?, content_hash || '-r' || ?, "
                    "ext_id || '-r' || ?, title, outlet, outlet_id, "
                    "CASE WHEN published IS NULL THEN NULL ELSE date(published, '+' || ? || ' days') END, "
                    "url, bias, words, n_statements, n_own_voice, source, locator, meta, text, run_id, "
                    "ingested_at FROM articles WHERE id <= ?", (oa, k, k, 17 * k, max_a))
        con.execute(f"INSERT INTO statements (id, article_id, {', '.join(scols)}) SELECT id + ?, article_id + ?, "
                    f"{', '.join(scols)} FROM statements WHERE id <= ?", (os_, oa, max_s))
        con.execute("INSERT INTO replies (statement_id, target_statement_id, type) SELECT statement_id + ?, "
                    "target_statement_id + ?, type FROM replies WHERE statement_id <= ?", (os_, os_, max_s))
        con.execute("INSERT INTO own_voice (id, article_id, start_char, end_char, text) SELECT id + ?, "
                    "article_id + ?, start_char, end_char, text FROM own_voice WHERE id <= ?", (oo, oa, max_o))
        con.execute("INSERT INTO article_entities SELECT article_id + ?, local_id, entity_id, name, type, "
                    "n_mentions, mentions FROM article_entities WHERE article_id <= ?", (oa, max_a))
        con.execute("COMMIT")
        print(f"copy {k}/{copies}: {time.monotonic() - t:.0f} s", file=sys.stderr)
    con.execute("ANALYZE")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    total = con.execute("SELECT count(*) FROM statements").fetchone()[0]
    con.close()
    print(f"{db}: {total:,} statements, {os.path.getsize(db) / 1e9:.2f} GB", file=sys.stderr)


# -- run --------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def scenarios(db: Path, seed: int) -> dict[str, list[str]]:
    """URLs per scenario, drawn from the corpus (speakers weighted towards the most quoted)."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    speakers = [r[0] for r in con.execute(
        "SELECT speaker_entity_id FROM statements WHERE speaker_entity_id IS NOT NULL "
        "GROUP BY speaker_entity_id ORDER BY count(*) DESC LIMIT 300")]
    max_article = con.execute("SELECT max(id) FROM articles").fetchone()[0]
    con.close()
    rnd = random.Random(seed)
    top = speakers[:300]
    biases = ["", "&bias=left", "&bias=center", "&bias=right"]

    other = random.Random(seed + 100)  # its own draw: the older scenarios keep their URLs
    searches = [(other.choice(WORDS), other.choice(biases)) for _ in range(400)]

    def speaker() -> int:
        return top[min(int(rnd.expovariate(1 / 40)), len(top) - 1)]

    def paged() -> int:  # its own draw, so adding these scenarios leaves the others' URLs as they were
        return top[min(int(paged.rnd.expovariate(1 / 40)), len(top) - 1)]
    paged.rnd = random.Random(seed + 200)

    return {
        "speaker": [f"/speakers/{speaker()}" for _ in range(400)],
        "search": [f"/search?q={quote_plus(rnd.choice(WORDS))}{rnd.choice(biases)}" for _ in range(400)],
        "api": [rnd.choice([f"/api/search?q={quote_plus(rnd.choice(WORDS))}&limit=20",
                            f"/api/speakers/{speaker()}/statements?limit=50",
                            f"/api/articles/{rnd.randint(1, max_article)}",
                            f"/api/speakers/{speaker()}"]) for _ in range(400)],
        # the same searches as JSON, without and with facet counts (a baseline in the same run)
        "api-search": [f"/api/search?q={quote_plus(w)}{b}&limit=20" for w, b in searches],
        "api-facets": [f"/api/search?q={quote_plus(w)}{b}&limit=20&facets=true" for w, b in searches],
        # later pages and filters: distinct questions, not the first page of each
        "speaker-pages": [f"/speakers/{paged()}?offset={50 * paged.rnd.randint(1, 4)}{paged.rnd.choice(biases)}"
                          for _ in range(400)],
        "api-pages": [paged.rnd.choice([
            f"/api/speakers/{paged()}/statements?limit=50&offset={50 * paged.rnd.randint(1, 4)}",
            f"/api/search?q={quote_plus(paged.rnd.choice(WORDS))}&limit=20&offset={20 * paged.rnd.randint(1, 4)}"])
            for _ in range(400)],
    }


class RawClient:
    """A minimal HTTP/1.1 keep-alive client on asyncio streams, for loopback load only: it costs
    far less CPU per request than httpx, which matters when client and server share 2 cores."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        close = False
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            name = name.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"connection" and value.strip().lower() == b"close":
                close = True
        await self.reader.readexactly(length)
        if close:
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def load(base: str, urls: list[str], clients: int, seconds: float, max_requests: int,
               seed: int, kind: str = "raw") -> dict:
    import httpx

    latencies: list[float] = []
    errors = 0
    deadline = time.monotonic() + seconds
    count = 0
    rnd = random.Random(seed)
    host, port = base.rsplit("//", 1)[1].split(":")
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        async def worker() -> None:
            nonlocal errors, count
            raw = RawClient(host, int(port))
            while time.monotonic() < deadline and count < max_requests:
                count += 1
                url = rnd.choice(urls)
                t = time.perf_counter()
                try:
                    if kind == "raw":
                        ok = await asyncio.wait_for(raw.get(url), 30) == 200
                    else:
                        ok = (await client.get(url)).status_code == 200
                except (httpx.HTTPError, OSError, asyncio.IncompleteReadError, asyncio.TimeoutError):
                    ok = False
                    await raw.close()
                latencies.append(time.perf_counter() - t)
                errors += not ok
            await raw.close()

        t0 = time.monotonic()
        await asyncio.gather(*(worker() for _ in range(clients)))
        wall = time.monotonic() - t0
    latencies.sort()

    def pct(p: float) -> float:
        return round(1000 * latencies[min(len(latencies) - 1, int(p * len(latencies)))], 1)

    return {"requests": len(latencies), "errors": errors, "rps": round(len(latencies) / wall, 1),
            "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
            "max_ms": round(1000 * latencies[-1], 1), "mean_ms": round(1000 * statistics.fmean(latencies), 1)}


def cold(base: str, urls: list[str], n: int) -> dict:
    """One client, each URL once, answers not cached: the cost of a question itself."""
    import httpx

    lat = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for url in list(dict.fromkeys(urls))[:n]:
            t = time.perf_counter()
            client.get(url).raise_for_status()
            lat.append(time.perf_counter() - t)
    lat.sort()
    return {"requests": len(lat), "p50_ms": round(1000 * lat[len(lat) // 2], 1),
            "p95_ms": round(1000 * lat[int(0.95 * len(lat))], 1), "max_ms": round(1000 * lat[-1], 1)}


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its children's live processes (uvicorn workers;
    for PostgreSQL the server's backends are not counted)."""
    total = 0.0
    for p in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def serve(db: Path | str, port: int, cache_ttl: float, workers: int = 1) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("onrecord")
    proc = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port), "--cache-ttl",
                             str(cache_ttl), "--workers", str(workers), "--log-level", "warning"])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def stop(proc: subprocess.Popen) -> None:
    """Stop the server; one still busy with answers nobody waits for is killed after 10 s."""
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def run(args: argparse.Namespace) -> None:
    urls = scenarios(args.db, args.seed)
    served = args.serve or args.db
    results: dict = {"clients": args.clients, "client": args.client, "seconds": args.seconds,
                     "db": str(served), "workers": args.workers, "cache_ttl": args.cache_ttl}
    if args.cold:
        port = free_port()
        proc = serve(served, port, 0, args.workers)
        try:
            results["cold"] = {name: cold(f"http://127.0.0.1:{port}", u, args.cold) for name, u in urls.items()}
        finally:
            proc.terminate()
            proc.wait(10)
    port = free_port()
    proc = serve(served, port, args.cache_ttl, args.workers)
    try:
        base = f"http://127.0.0.1:{port}"
        for name in args.scenarios:
            asyncio.run(load(base, urls[name], args.clients, args.warmup, args.max_requests, args.seed,
                             args.client))
            server0, client0 = cpu_seconds(proc.pid), time.process_time()
            results[name] = asyncio.run(load(base, urls[name], args.clients, args.seconds, args.max_requests,
                                             args.seed + 1, args.client))
            n = results[name]["requests"] or 1
            results[name]["server_cpu_ms_per_req"] = round(1000 * (cpu_seconds(proc.pid) - server0) / n, 2)
            results[name]["client_cpu_ms_per_req"] = round(1000 * (time.process_time() - client0) / n, 2)
            print(name, results[name], file=sys.stderr)
    finally:
        stop(proc)
    print(json.dumps(results, indent=2))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="make the benchmark corpus")
    b.add_argument("--db", type=Path, required=True)
    b.add_argument("--base", type=Path, help="an ingested corpus to replicate (default: ingest one)")
    b.add_argument("--articles", type=int, default=1200)
    b.add_argument("--every", type=int, default=30, help="take one AllSides article in this many")
    b.add_argument("--statements", type=int, default=1_000_000)
    r = sub.add_parser("run", help="the load test")
    r.add_argument("--db", type=Path, required=True, help="the SQLite corpus the URLs are drawn from")
    r.add_argument("--serve", help="serve this corpus instead (a PostgreSQL URL holding the same rows, "
                   "made by benchmarks/pg_replica.py)")
    r.add_argument("--workers", type=int, default=1, help="onrecord serve --workers")
    r.add_argument("--clients", type=int, default=50)
    r.add_argument("--seconds", type=float, default=15.0)
    r.add_argument("--warmup", type=float, default=5.0)
    r.add_argument("--max-requests", type=int, default=20000)
    r.add_argument("--cache-ttl", type=float, default=300.0)
    r.add_argument("--cold", type=int, default=0, help="also time this many uncached URLs per scenario")
    r.add_argument("--scenarios", nargs="+", default=["speaker", "search", "api", "api-search", "api-facets",
                                                      "speaker-pages", "api-pages"])
    r.add_argument("--seed", type=int, default=7)
    r.add_argument("--client", choices=["raw", "httpx"], default="raw",
                   help="raw: a minimal asyncio HTTP/1.1 client (cheap); httpx: httpx.AsyncClient")
    args = ap.parse_args()
    if args.cmd == "build":
        if str(args.db.resolve()).startswith(str(Path(__file__).resolve().parents[1])):
            raise SystemExit("generate the benchmark corpus outside the repository, e.g. under /tmp")
        build(args.db, articles=args.articles, every=args.every, target=args.statements, base=args.base)
    else:
        run(args)


if __name__ == "__main__":
    main()
