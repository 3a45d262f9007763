"""A stocktake of 10,000 lines, end to end through warehouse-service: 10,000 catalogue items are
imported, the stocktake is opened, all 10,000 counts are entered in one request, submitted (every
line differs from the ledger, so each opens LEDGER_MISMATCH), and the county office approves the
differences (10,000 stocktake corrections posted, each with its event). Prints the time of each
step, then the same three steps' least work in PostgreSQL alone (bench/stocktake-minimal.sql,
the yardstick, run just before the service's steps). Needs deploy/start.sh first. Standard library only.
Before the service's steps it waits, up to --settle seconds, until the warehouse JVM's JIT is quiet
after the catalogue import (as a keeper's import comes days before a count, not the minute before):
on two cores the compilers' work on the import's code would otherwise be timed as the count's.
Beside each step it prints the seconds the JIT worked during it (jstat -compiler).
    python3 bench/stocktake.py [--lines 10000] [--settle 120]"""
import argparse
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = "http://127.0.0.1:8081"
TOWN = "410182997"


def token(subject, name, division, role):
    return subprocess.check_output([f"{ROOT}/deploy/mint-token.sh", subject, name, division, role], text=True).strip()


def call(tok, method, path, body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header("Authorization", "Bearer " + tok)
    request.add_header("Content-Type", "application/json")
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=1800) as response:
            text = response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        sys.exit(f"{method} {path} failed with {e.code}: {e.read().decode('utf-8')[:500]}")
    return (json.loads(text) if text else None), time.monotonic() - started


def name_township():
    """Registers the bench's township by name, so that what it leaves in the county's ledger and
    statistics reads as a name, not a code. A name given before is kept."""
    admin = token("bench-admin", "压测管理员", "410182", "admin")
    request = urllib.request.Request(f"http://127.0.0.1:8084/api/rectification/divisions/{TOWN}",
                                     data=json.dumps({"name": "压测镇"}).encode("utf-8"), method="PUT")
    request.add_header("Authorization", "Bearer " + admin)
    request.add_header("Content-Type", "application/json")
    try:
        urllib.request.urlopen(request, timeout=30).read()
    except urllib.error.HTTPError as e:
        if e.code != 409:
            sys.exit(f"naming {TOWN} failed with {e.code}: {e.read().decode('utf-8')[:300]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--settle", type=int, default=120,
                        help="at most this many seconds waiting for the JIT to be quiet before the steps (0: no wait)")
    args = parser.parse_args()
    name_township()
    keeper = token("bench-stocktake", "盘点压测库管员", TOWN, "keeper")
    county = token("bench-county", "盘点压测县应急办", "410182", "county_office")
    stamp = int(time.time())
    warehouse, _ = call(keeper, "POST", "/api/warehouse/warehouses", {"division": TOWN, "name": f"万行盘点仓库 {stamp}"})
    zone = next(z["id"] for z in warehouse["zones"] if z["category"] == "FLOOD")
    steps = []
    items = []
    for start in range(0, args.lines, 5000):
        batch = [{"division": TOWN, "name": f"物资 {stamp}-{n:05d}", "category": "FLOOD", "kind": "GENERAL",
                  "specification": "标准", "unit": "件"} for n in range(start, min(args.lines, start + 5000))]
        created, took = call(keeper, "POST", "/api/warehouse/items/import", batch)
        items += [i["id"] for i in created]
        steps.append((f"import {len(batch)} items", took))
    # the yardstick first, while nothing else is writing: the relay and the tracker are busy with the
    # service's 30,000 events for a while after its steps
    floor = minimal(args.lines)
    settle(args.settle)
    stocktake, took = call(keeper, "POST", f"/api/warehouse/warehouses/{warehouse['id']}/stocktakes", {"note": "万行盘点"})
    steps.append(("open the stocktake", took))
    lines = [{"itemId": item, "zoneId": zone, "counted": 5} for item in items]
    jit = [compiled()]
    _, took = call(keeper, "PUT", f"/api/warehouse/stocktakes/{stocktake['id']}/lines", {"lines": lines})
    steps.append((f"enter {len(lines)} counts (one request)", took))
    jit.append(compiled())
    _, took = call(keeper, "POST", f"/api/warehouse/stocktakes/{stocktake['id']}/submit")
    steps.append((f"submit ({len(lines)} differences, each a LEDGER_MISMATCH)", took))
    jit.append(compiled())
    posted, took = call(county, "POST", f"/api/warehouse/stocktakes/{stocktake['id']}/reconciliation",
                        {"reason": "万行盘点压测：按实盘更正"})
    steps.append((f"approve and post {len(posted)} corrections", took))
    jit.append(compiled())
    worked = [b - a for a, b in zip(jit, jit[1:])]
    first_timed = len(steps) - len(worked)
    for n, (what, took) in enumerate(steps):
        jit_note = f"  (the JIT worked {worked[n - first_timed]:.2f} s)" if n >= first_timed else ""
        print(f"{took:8.2f} s  {what}{jit_note}")
    submit_to_posted = sum(t for w, t in steps[-3:])
    print(f"{submit_to_posted:8.2f} s  counts entered, submitted and reconciled, end to end")
    print(f"the least work of the same {args.lines} lines in PostgreSQL alone, commits left out (bench/stocktake-minimal.sql):")
    for (what, took), step in zip(steps[-3:], ("count", "submit", "approve")):
        print(f"{floor[step]:8.2f} s  {step:8s} (service {took:.2f} s, {took / floor[step]:.1f} ×)")
    print(f"{sum(floor.values()):8.2f} s  end to end (service {submit_to_posted:.2f} s, "
          f"{submit_to_posted / sum(floor.values()):.1f} ×)")


def compiled():
    """Seconds the warehouse JVM's JIT compilers have worked since it started (jstat -compiler)."""
    with open(f"{ROOT}/.run/warehouse-service.pid") as f:
        pid = f.read().strip()
    out = subprocess.run(["jstat", "-compiler", pid], check=True, stdout=subprocess.PIPE, text=True).stdout
    return float(out.splitlines()[1].split()[3])


def settle(limit):
    """Waits until the JIT worked under half a second in five, at most `limit` seconds; says how long."""
    if limit <= 0:
        return
    started, before = time.monotonic(), compiled()
    while time.monotonic() - started < limit:
        time.sleep(5)
        now = compiled()
        if now - before < 0.5:
            print(f"waited {time.monotonic() - started:.0f} s for the JIT to settle after the import")
            return
        before = now
    print(f"the JIT was still working after {limit} s; the steps run anyway")


def minimal(lines):
    """Runs bench/stocktake-minimal.sql as the services' database user; returns seconds per step."""
    script = f"{ROOT}/bench/stocktake-minimal.sql"
    out = subprocess.run(["bash", "-c", f'source "{ROOT}/deploy/lib.sh" && PGPASSWORD="$PG_PASSWORD" psql '
                          f'-h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -q -v lines={lines} -f "{script}" beiqin_warehouse'],
                         check=True, stdout=subprocess.PIPE, text=True).stdout
    steps, step = {}, None
    for line in out.splitlines():
        if line.startswith("== "):
            step = line[3:].strip()
            steps[step] = 0.0
        elif line.startswith("Time: ") and step:
            steps[step] += float(line.split()[1]) / 1000
    return steps


if __name__ == "__main__":
    main()
