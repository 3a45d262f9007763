"""After a fault run: compares what clients were told, what the ledger holds, what the outbox
holds and what reached the topic, for one warehouse. Exits 1 on any loss.

  python3 bench/check.py --warehouse W --acked acked.tsv --topic-dump movements.jsonl"""
import argparse
import json
import os
import subprocess
import sys
from collections import Counter

parser = argparse.ArgumentParser()
parser.add_argument("--warehouse", required=True)
parser.add_argument("--acked", required=True)
parser.add_argument("--topic-dump", required=True)
args = parser.parse_args()
env = dict(os.environ, PGPASSWORD=os.environ.get("BEIQIN_PG_PASSWORD", "beiqin"))


def sql(query):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", os.environ.get("BEIQIN_PG_USER", "beiqin"), "-d",
                          "beiqin_warehouse", "-At", "-c", query], capture_output=True, text=True, env=env, check=True)
    return [line for line in out.stdout.splitlines() if line]


w = args.warehouse
acked = {}
given_up = 0
for line in open(args.acked):
    key, status, movement = line.rstrip("\n").split("\t")
    if status.startswith("2"):
        acked[key] = movement
    elif status == "0":
        given_up += 1

ledger = set(sql(f"SELECT id FROM movement WHERE warehouse_id = '{w}'"))
outbox = {}
for row in sql(f"SELECT id, payload FROM outbox_event WHERE topic = 'warehouse.movements' "
               f"AND payload LIKE '%{w}%'"):
    event_id, payload = row.split("|", 1)
    outbox[event_id] = json.loads(payload)["data"]["movementId"]
pending = int(sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")[0])

on_topic = Counter()
for line in open(args.topic_dump, encoding="utf-8"):
    line = line.strip()
    if not line.startswith("{"):
        continue
    event = json.loads(line)
    if event.get("data", {}).get("warehouseId") == w:
        on_topic[event["id"]] += 1

balance_rows = sql(f"SELECT coalesce(sum(quantity), 0), coalesce(min(quantity), 0) FROM stock_balance "
                   f"WHERE warehouse_id = '{w}'")[0].split("|")
ledger_sum = sql(f"SELECT coalesce(sum(delta), 0) FROM movement WHERE warehouse_id = '{w}'")[0]

acked_ids = set(acked.values())
problems = []
lost_acks = acked_ids - ledger
if lost_acks:
    problems.append(f"{len(lost_acks)} acknowledged movements missing from the ledger")
if len(acked_ids) != len(acked):
    problems.append("two keys were acknowledged with the same movement")
unacked_rows = ledger - acked_ids
without_event = ledger - set(outbox.values())
if without_event:
    problems.append(f"{len(without_event)} ledger rows without an outbox event")
missing_on_topic = set(outbox) - set(on_topic)
if missing_on_topic:
    problems.append(f"{len(missing_on_topic)} outbox events never reached the topic")
foreign_on_topic = set(on_topic) - set(outbox)
if foreign_on_topic:
    problems.append(f"{len(foreign_on_topic)} events on the topic that the outbox never held")
duplicates = sum(n - 1 for n in on_topic.values() if n > 1)
if float(balance_rows[0]) != float(ledger_sum):
    problems.append(f"balance {balance_rows[0]} != sum of movements {ledger_sum}")
if float(balance_rows[1]) < 0:
    problems.append("a negative balance")
if pending:
    problems.append(f"{pending} outbox events still pending")

print(f"acknowledged submissions   {len(acked)}")
print(f"given up by clients        {given_up}")
print(f"ledger rows                {len(ledger)} (of which not acknowledged to a client: {len(unacked_rows)})")
print(f"outbox events              {len(outbox)} (pending: {pending})")
print(f"distinct events on topic   {len(on_topic)} (duplicates delivered: {duplicates})")
print(f"balance / sum of movements {balance_rows[0]} / {ledger_sum} (lowest row {balance_rows[1]})")
if problems:
    print("LOSS: " + "; ".join(problems))
    sys.exit(1)
print("no loss: every acknowledged request has one ledger row, every row its event, every event reached Kafka")
