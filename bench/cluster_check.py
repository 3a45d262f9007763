"""After bench/cluster-faults.sh: follows every acknowledged submission through the ledger, the
outbox, the topics and the rectification ledger; checks the backlog was applied once; compares the
alerts the county's feed received with those the ledger holds; prints what clients saw during each
fault and the sweeps' episodes. Exits 1 on any loss or doubling.

  BEIQIN_PG_PORT=5443 python3 bench/cluster_check.py OUT_DIR STAMP
  python3 bench/cluster_check.py --backlog BACKLOG_FILE   # what the backlog must come to"""
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict



def backlog_expected(backlog):
    """What a backlog file (consumer_events.py) must come to: items (a stocktake's lines are one
    item), lines, and lines left open."""
    items, lines, resolved = set(), set(), set()
    for line in open(backlog, encoding="utf-8"):
        event = json.loads(line.split("\t", 1)[1])
        data = event["data"]
        if event["type"].endswith("resolved"):
            resolved.add(data["key"])
        elif data.get("source"):
            items.add("source:" + data["source"]["id"])
            lines.add(data["key"])
        else:
            items.add(data["key"])
    return len(items), len(lines), len(lines - resolved)


# cluster_check.py --backlog FILE: only those three numbers (bench/cluster-faults.sh waits for them)
if sys.argv[1] == "--backlog":
    print(*backlog_expected(sys.argv[2]))
    sys.exit(0)
out, stamp = sys.argv[1], sys.argv[2]
port = os.environ.get("BEIQIN_PG_PORT", "5442")
env = dict(os.environ, PGPASSWORD=os.environ.get("BEIQIN_PG_PASSWORD", "beiqin"))


def sql(db, query):
    result = subprocess.run(["psql", "-h", "127.0.0.1", "-p", port, "-U", os.environ.get("BEIQIN_PG_USER", "beiqin"),
                             "-d", db, "-At", "-F", "\t", "-c", query], capture_output=True, text=True, env=env,
                            check=True)
    return [line.split("\t") for line in result.stdout.splitlines() if line]


def path(name):
    return os.path.join(out, name)


warehouse, item, town = open(path("subjects.tsv")).read().split()
phases = [line.rstrip("\n").split("\t") for line in open(path("phases.tsv"))]
at = {name: float(t) for name, _, t in phases}
start, end = float(phases[0][2]), float(phases[-1][2])
problems = []

# --- 1. every acknowledged receipt: ledger row, movement event, finding event, item -------------
acked, given_up = {}, 0
for line in open(path("acked.tsv")):
    key, status, movement = line.rstrip("\n").split("\t")
    if status.startswith("2"):
        acked[key] = movement
    elif status == "0":
        given_up += 1
acked_ids = set(acked.values())
ledger = {row[0] for row in sql("beiqin_warehouse", f"SELECT id FROM movement WHERE warehouse_id = '{warehouse}'")}
movement_events = {}
for event_id, payload in sql("beiqin_warehouse", f"SELECT id, payload FROM outbox_event WHERE topic = 'warehouse.movements' "
                                                 f"AND payload LIKE '%{warehouse}%'"):
    movement_events[event_id] = json.loads(payload)["data"]["movementId"]
finding_events = {}
for event_id, payload in sql("beiqin_warehouse", f"SELECT id, payload FROM outbox_event WHERE topic = "
                                                 f"'preparedness.discrepancies' AND payload LIKE '%/{warehouse}:%'"):
    finding_events[event_id] = json.loads(payload)["data"]["key"]
pending = int(sql("beiqin_warehouse", "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")[0][0])


def on_topic(topic, belongs):
    seen = Counter()
    for line in open(path(topic + ".jsonl"), encoding="utf-8"):
        line = line.strip()
        if line.startswith("{"):
            event = json.loads(line)
            if belongs(event):
                seen[event["id"]] += 1
    return seen


movements_on_topic = on_topic("warehouse.movements", lambda e: e.get("data", {}).get("warehouseId") == warehouse)
findings_on_topic = on_topic("preparedness.discrepancies",
                             lambda e: f"/{warehouse}:" in e.get("data", {}).get("key", ""))
items = sql("beiqin_rectification", f"SELECT discrepancy_key, line_count FROM rectification_item "
                                    f"WHERE discrepancy_key LIKE '%/{warehouse}:%'")
item_keys = Counter(key for key, _ in items)

if acked_ids - set(ledger):
    problems.append(f"{len(acked_ids - set(ledger))} acknowledged receipts missing from the ledger")
if len(acked_ids) != len(acked):
    problems.append("two submissions were acknowledged with the same movement")
if set(ledger) - set(movement_events.values()):
    problems.append(f"{len(set(ledger) - set(movement_events.values()))} ledger rows without a movement event")
if set(movement_events) - set(movements_on_topic):
    problems.append(f"{len(set(movement_events) - set(movements_on_topic))} movement events never reached the topic")
if set(finding_events) - set(findings_on_topic):
    problems.append(f"{len(set(finding_events) - set(findings_on_topic))} finding events never reached the topic")
if len(set(finding_events.values())) != len(ledger):
    problems.append(f"{len(ledger)} receipts of new expired lots but {len(set(finding_events.values()))} findings")
if set(finding_events.values()) - set(item_keys):
    problems.append(f"{len(set(finding_events.values()) - set(item_keys))} findings without a rectification item")
if any(n > 1 for n in item_keys.values()):
    problems.append("a finding with two rectification items")
if pending:
    problems.append(f"{pending} outbox events still pending")

print("== every acknowledged receipt, followed through")
print(f"acknowledged submissions        {len(acked)} (given up by clients: {given_up})")
print(f"ledger rows                     {len(ledger)} (not acknowledged to a client: {len(set(ledger) - acked_ids)})")
print(f"movement events in the outbox   {len(movement_events)} (pending in all: {pending})")
print(f"distinct movement events, topic {len(movements_on_topic)} "
      f"(delivered twice: {sum(n - 1 for n in movements_on_topic.values())})")
print(f"finding events in the outbox    {len(finding_events)} ({len(set(finding_events.values()))} findings)")
print(f"distinct finding events, topic  {len(findings_on_topic)} "
      f"(delivered twice: {sum(n - 1 for n in findings_on_topic.values())})")
print(f"rectification items             {len(item_keys)} (doubled: {sum(1 for n in item_keys.values() if n > 1)})")

# --- 2. the backlog, applied once across the rectification replicas ------------------------------
got = sql("beiqin_rectification", f"SELECT count(*), coalesce(sum(line_count), 0), coalesce(sum(open_line_count), 0) "
                                  f"FROM rectification_item WHERE discrepancy_key LIKE 'bench-{stamp}/%'")[0]
expected = backlog_expected(path("backlog.tsv"))
if tuple(int(x) for x in got) != expected:
    problems.append(f"backlog: items, lines, open lines {tuple(got)} where {expected} were sent")
print("\n== the backlog, across both rectification replicas")
print(f"items, lines, open lines        {', '.join(got)} (sent: {', '.join(map(str, expected))})")

# --- 3. the county's alert feed, through the gateway ----------------------------------------------
received, drops, gaps, connected_at = Counter(), [], [], None
for line in open(path("alerts.jsonl"), encoding="utf-8"):
    entry = json.loads(line)
    if "received" in entry:
        received[int(entry["id"])] += 1
    elif "dropped" in entry:
        drops.append(entry)
        connected_at = entry["dropped"]
    elif "connected" in entry and connected_at is not None:
        gaps.append(entry["connected"] - connected_at)
alerts = {int(row[0]) for row in sql("beiqin_rectification", f"SELECT id FROM alert WHERE division = '{town}' "
                                                             f"AND created_at >= to_timestamp({start})")}
missed = alerts - set(received)
if missed:
    problems.append(f"the feed missed {len(missed)} of {len(alerts)} alerts")
print("\n== the alert feed")
print(f"alerts in the ledger            {len(alerts)}")
print(f"received by the feed            {len(set(received) & alerts)} (missed: {len(missed)}, "
      f"received twice: {sum(n - 1 for n in received.values())})")
print(f"connections dropped             {len(drops)}; back after "
      + (", ".join(f"{g:.1f} s" for g in gaps) or "-"))

# --- 4. what clients saw during each fault ---------------------------------------------------------
attempts = []
for line in open(path("attempts.tsv")):
    t, result, since = line.rstrip("\n").split("\t")
    attempts.append((float(t), result, float(since)))


def window(a, b):
    inside = [x for x in attempts if a <= x[0] < b]
    acks = sorted(t for t, r, _ in inside if r == "ack")
    failures = Counter(r for _, r, _ in inside if r not in ("ack", "refused"))
    longest = max((y - x for x, y in zip([a] + acks, acks + [b])), default=b - a)
    slowest = max((s for _, r, s in inside if r == "ack"), default=0)
    return len(acks), failures, longest, slowest


print("\n== what the clients saw")
print(f"{'fault':<16}{'seconds':>8}{'acks':>7}{'failed tries':>14}{'longest gap':>13}{'slowest ack':>13}")
rows = [("broker killed", at["broker-down"], at.get("broker-settled", at["relay-kill"])), ("relay holder", at["relay-kill"], at["relay-back"]),
        ("consumer killed", at["consumer-kill"], at["consumer-back"]), ("feed replica", at["feed-kill"], at["feed-back"]),
        ("primary stopped", at["primary-stop"], at["load-stop"])]
for name, a, b in rows:
    acks, failures, longest, slowest = window(a, b)
    tries = sum(failures.values())
    print(f"{name:<16}{b - a:>8.0f}{acks:>7}{tries:>14}{longest:>12.1f}s{slowest:>12.1f}s"
          + (f"  ({', '.join(f'{k} {v}' for k, v in failures.items())})" if failures else ""))
    if name == "broker killed" and tries:
        problems.append(f"{tries} failed tries while a broker was down")
writes_back = [t for t, r, _ in attempts if r == "ack" and t > at["promote"]]
if writes_back:
    print(f"primary stopped → first write acknowledged on the promoted standby: "
          f"{writes_back[0] - at['primary-stop']:.1f} s ({writes_back[0] - at['promote']:.1f} s after promotion)")
else:
    problems.append("no write was acknowledged after the promotion")
kill = at["relay-kill"]
takeover = sql("beiqin_warehouse", f"SELECT extract(epoch FROM min(published_at)) FROM outbox_event "
                                   f"WHERE published_at > to_timestamp({kill})")[0][0]
holder = open(path("relay-holder")).read().strip()
print(f"relay lock holder {holder} killed → next event relayed after {float(takeover) - kill:.2f} s")
print(f"consumer replica killed → the other held all six partitions after "
      f"{at['consumer-takeover'] - at['consumer-kill']:.1f} s, had applied the whole backlog after "
      f"{at['backlog-read'] - at['consumer-kill']:.1f} s")
print(f"records the surviving replica skipped as already applied (redelivered): "
      f"{float(open(path('redelivered')).read()):.0f}")
pendings = [(float(t), int(p)) for t, p in (line.split() for line in open(path("pending.tsv"))) if p != "-"]
in_broker = [p for t, p in pendings if at["broker-down"] <= t < at.get("broker-settled", at["relay-kill"])]
print(f"outbox backlog while the broker was down: at most {max(in_broker, default=0)} events")

# --- 5. the sweeps: one episode per period across both replicas -----------------------------------
# sweep_run holds one row per period that a replica claimed and ran; a period can hold only one, so
# what is counted is the episodes against the periods that passed: more would mean a second run
print("\n== sweep episodes during the run (sweep_run)")
for db, minutes in [("beiqin_duty", 1), ("beiqin_warehouse", 15), ("beiqin_drill", 15), ("beiqin_rectification", 15)]:
    rows = sql(db, f"SELECT period_start, replica FROM sweep_run WHERE started_at >= to_timestamp({start}) "
                   f"AND started_at < to_timestamp({end}) ORDER BY 1")
    periods = int(end // (minutes * 60)) - int(start // (minutes * 60)) + 1
    processes = Counter(r for _, r in rows)
    print(f"{db:<22} {len(rows)} episodes, {periods} periods began or ran on during the run "
          f"(every {minutes} min); run by {len(processes)} process(es): "
          + ", ".join(f"{p} {n}" for p, n in processes.items()))
    if len(rows) > periods:
        problems.append(f"{db}: {len(rows)} sweep episodes in {periods} periods")

if problems:
    print("\nLOSS OR DOUBLING: " + "; ".join(problems))
    sys.exit(1)
print("\nnothing lost, nothing doubled")
