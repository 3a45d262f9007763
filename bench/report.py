"""Reads what throughput.sh left in its folder and prints, per workload and level, the service's
requests/s and p50/p99 latency beside pgbench's transactions/s and p50/p99 for the SQL it is held
against, and the share of that rate the service reaches; then commit-to-Kafka latency.
Arguments: folder, the spread items (comma-separated), the level Kafka was read at, the levels."""
import glob
import json
import re
import sys
from datetime import datetime

folder, items, kafka_level, levels = sys.argv[1], set(sys.argv[2].split(",")), sys.argv[3], sys.argv[4:]
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
WORKLOADS = [("hot", "one balance row; pgbench runs the service's own SQL (movement.sql)", 0.8),
             ("spread", f"{len(items)} items; pgbench runs the minimal durable SQL (minimal.sql)", 0.5)]


def wrk(label):
    text = open(f"{folder}/wrk-{label}.txt").read()
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    count = int(re.search(r"(\d+) requests in", text).group(1))
    pct = {p: float(v) * UNITS[u] for p, v, u in re.findall(r"\s(50|99)%\s+([\d.]+)(us|ms|s)\b", text)}
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: (.*)", text)
    return (rate, pct.get("50"), pct.get("99"), int(bad.group(1)) if bad else 0, errors.group(1) if errors else "",
            cpu("wrk", label, count))


def cpu(kind, label, count):
    """Milliseconds of CPU per request or transaction: the whole machine's, and the JVM's."""
    busy, jvm, hz = (int(v) for v in open(f"{folder}/cpu-{kind}-{label}.txt").read().split()[1::2])
    return busy * 1000 / hz / count, jvm * 1000 / hz / count


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


def pgbench(label):
    text = open(f"{folder}/pgbench-{label}.txt").read()
    tps = float(re.search(r"tps = ([\d.]+)", text).group(1))
    count = int(re.search(r"number of transactions actually processed: (\d+)", text).group(1))
    latencies = []
    for log in glob.glob(f"{folder}/pgblog-{label}.*"):
        with open(log) as f:
            latencies += [int(line.split()[2]) / 1000.0 for line in f if line.strip()]
    return tps, percentile(latencies, 50), percentile(latencies, 99), cpu("pgbench", label, count)[0]


for name, what, target in WORKLOADS:
    print(f"\n{name}: {what}; target ≥ {target:.0%}" + (", p99 < 50 ms" if name == "spread" else ""))
    print(f"{'conns':>5} | {'service req/s':>13} {'p50 ms':>7} {'p99 ms':>7} {'non-2xx':>7} {'CPU ms':>6} {'JVM':>5} | "
          f"{'pgbench tps':>11} {'p50 ms':>7} {'p99 ms':>7} {'CPU ms':>6} | {'service/pgbench':>15} {'by CPU':>6}")
    for level in levels:
        label = f"{name}-c{level}"
        rate, p50, p99, bad, errors, (busy, jvm) = wrk(label)
        tps, q50, q99, pg_busy = pgbench(label)
        print(f"{level:>5} | {rate:>13.0f} {p50:>7.1f} {p99:>7.1f} {bad:>7} {busy:>6.2f} {jvm:>5.2f} | "
              f"{tps:>11.0f} {q50:>7.1f} {q99:>7.1f} {pg_busy:>6.2f} | {rate / tps:>14.0%} {pg_busy / busy:>6.0%}"
              + (f"  socket errors: {errors}" if errors else ""))
print("\nCPU ms: the whole machine's CPU per request (service: wrk, the JVM, PostgreSQL, Kafka) or per "
      "transaction (pgbench and PostgreSQL); JVM: warehouse-service's share of it. By CPU: pgbench's CPU per "
      "transaction over the service's per request, the rate ratio the machine would give were it saturated in both")
rounds = []
try:
    rounds = [line.split() for line in open(f"{folder}/warmup-rounds.txt")]
except FileNotFoundError:
    pass
if rounds:
    print(f"warm-up: {len(rounds)} rounds of 30 s after the first warm-up; the JIT worked "
          + ", ".join(f"{r[1]} s" for r in rounds) + " in them")

lags = []
try:
    for line in open(f"{folder}/movements.txt"):
        match = re.match(r"CreateTime:(\d+)\s+(\{.*\})\s*$", line)
        if not match:
            continue
        data = json.loads(match.group(2)).get("data", {})
        if data.get("itemId") not in items or "recordedAt" not in data:
            continue
        recorded = datetime.fromisoformat(data["recordedAt"].replace("Z", "+00:00")).timestamp() * 1000
        lags.append(int(match.group(1)) - recorded)
except FileNotFoundError:
    pass
if lags:
    print(f"\ncommit → Kafka, spread load at {kafka_level} connections: {len(lags)} events, "
          f"p50 {percentile(lags, 50):.0f} ms, p99 {percentile(lags, 99):.0f} ms, max {max(lags):.0f} ms "
          "(producer timestamp − recordedAt)")
else:
    print("\ncommit → Kafka: no events read")
