"""A steady write load against warehouse-service whose clients behave like the offline phones:
every submission carries its own Idempotency-Key and is resent with the same key until the
service answers it (a refusal or a success), whatever fails in between.

  python3 bench/load.py --token T --warehouse W --item I --seconds 300 --clients 4 --out acked.tsv

Writes one line per acknowledged submission: key, HTTP status, movement id. With --expired-lots
every submission is a receipt of a new lot of I that expired a month ago, so each one also opens
one EXPIRED_STOCK finding (one rectification item). With --log, one line per attempt: time,
result (ack, refused or the failure), seconds since the submission's first attempt. Standard
library only."""
import argparse
import datetime
import json
import random
import threading
import time
import urllib.error
import urllib.request
import uuid

parser = argparse.ArgumentParser()
parser.add_argument("--base", default="http://127.0.0.1:8081")
parser.add_argument("--token", required=True)
parser.add_argument("--warehouse", required=True)
parser.add_argument("--item", required=True)
parser.add_argument("--seconds", type=float, default=60)
parser.add_argument("--clients", type=int, default=4)
parser.add_argument("--give-up-after", type=float, default=300, help="seconds one submission is retried")
parser.add_argument("--stop-file", default=None, help="stop early when this file exists")
parser.add_argument("--out", required=True)
parser.add_argument("--expired-lots", action="store_true", help="receipts of new, expired lots only")
parser.add_argument("--log", default=None, help="one line per attempt: time, result, seconds since first try")
args = parser.parse_args()
attempts_log = open(args.log, "a", buffering=1) if args.log else None
expired_on = (datetime.date.today() - datetime.timedelta(days=30)).isoformat()


def note(result, started):
    if attempts_log:
        with lock:
            attempts_log.write(f"{time.time():.3f}\t{result}\t{time.time() - started:.3f}\n")

lock = threading.Lock()
acked = []
stats = {"sent": 0, "retries": 0, "gave_up": 0}
deadline = time.time() + args.seconds


def submit(path, body):
    key = str(uuid.uuid4())
    data = json.dumps(body).encode()
    started = time.time()
    backoff = 0.2
    while True:
        request = urllib.request.Request(args.base + path, data=data, method="POST")
        request.add_header("Authorization", "Bearer " + args.token)
        request.add_header("Content-Type", "application/json")
        request.add_header("Idempotency-Key", key)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                answer = key, response.status, json.loads(response.read())["id"]
                note("ack", started)
                return answer
        except urllib.error.HTTPError as e:
            if 400 <= e.code < 500:
                note("refused", started)
                return key, e.code, None  # refused: nothing was recorded, nothing to resend
            note(f"http-{e.code}", started)
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
            note(type(getattr(e, "reason", e)).__name__, started)
        with lock:
            stats["retries"] += 1
        if time.time() - started > args.give_up_after:
            with lock:
                stats["gave_up"] += 1
            return key, 0, None
        time.sleep(backoff)
        backoff = min(backoff * 2, 2.0)


def client():
    import os
    while time.time() < deadline and not (args.stop_file and os.path.exists(args.stop_file)):
        if args.expired_lots:
            path, body = f"/api/warehouse/warehouses/{args.warehouse}/receipts", {
                "itemId": args.item, "quantity": random.randint(1, 5), "reason": "压测入库",
                "lot": "L" + uuid.uuid4().hex[:12], "expiresOn": expired_on}
        elif random.random() < 0.8:
            path, body = f"/api/warehouse/warehouses/{args.warehouse}/receipts", {
                "itemId": args.item, "quantity": random.randint(1, 5), "reason": "压测入库"}
        else:
            path, body = f"/api/warehouse/warehouses/{args.warehouse}/issues", {
                "itemId": args.item, "quantity": random.randint(1, 3), "recipientName": "压测队员"}
        result = submit(path, body)
        with lock:
            stats["sent"] += 1
            acked.append(result)


threads = [threading.Thread(target=client) for _ in range(args.clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
with open(args.out, "w") as out:
    for key, status, movement in acked:
        out.write(f"{key}\t{status}\t{movement or ''}\n")
ok = sum(1 for _, s, _ in acked if 200 <= s < 300)
refused = sum(1 for _, s, _ in acked if 400 <= s < 500)
print(f"load: {stats['sent']} submissions, {ok} acknowledged, {refused} refused (4xx), "
      f"{stats['retries']} resends, {stats['gave_up']} given up")
