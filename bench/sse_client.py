"""Follows the alert feed through the gateway, as the county office's console does, for the
cluster fault run (bench/cluster-faults.sh): every alert is written with the time it arrived, and
when the connection drops it connects again with Last-Event-ID, as a browser's EventSource does.
Stops when --stop-file exists (checked at each line: the feed sends a keep-alive every 20 s).

  python3 bench/sse_client.py --token T --division D --out alerts.jsonl --stop-file F

Writes one JSON line per alert and one per connection change ({"connected": t} / {"dropped": t,
"why": ...}). Standard library only."""
import argparse
import json
import os
import time
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--base", default="http://127.0.0.1:8080")
parser.add_argument("--token", required=True)
parser.add_argument("--division", required=True)
parser.add_argument("--out", required=True)
parser.add_argument("--stop-file", required=True)
args = parser.parse_args()

out = open(args.out, "a", buffering=1)
last_id = None


def stopped():
    return os.path.exists(args.stop_file)


while not stopped():
    request = urllib.request.Request(f"{args.base}/api/rectification/alerts/stream?division={args.division}")
    request.add_header("Authorization", "Bearer " + args.token)
    request.add_header("Accept", "text/event-stream")
    if last_id is not None:
        request.add_header("Last-Event-ID", last_id)
    why = "ended"
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            out.write(json.dumps({"connected": time.time(), "lastEventId": last_id}) + "\n")
            event = {}
            for raw in response:
                if stopped():
                    break
                line = raw.decode("utf-8").rstrip("\r\n")
                if line == "":
                    if "data" in event:
                        out.write(json.dumps({"received": time.time(), "id": event.get("id"),
                                              "alert": json.loads(event["data"])}, ensure_ascii=False) + "\n")
                        if event.get("id"):
                            last_id = event["id"]
                    event = {}
                elif not line.startswith(":"):
                    field, _, value = line.partition(":")
                    value = value[1:] if value.startswith(" ") else value
                    event[field] = event[field] + "\n" + value if field in event else value
    except Exception as e:  # noqa: BLE001 - any failure is a dropped connection to note and reopen
        why = f"{type(e).__name__}: {e}"
    if not stopped():
        out.write(json.dumps({"dropped": time.time(), "why": why}) + "\n")
        time.sleep(1)
