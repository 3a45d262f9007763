"""What every demo loader shares: one HTTP call to a Beiqin service, with the caller's token and
an Idempotency-Key of the demo's own, failing loudly on any error. Standard library only."""
import json
import sys
import urllib.error
import urllib.request

# Whether the last response to each path was a replay of an earlier run's (Idempotent-Replayed).
REPLAYED = {}


def call(base, method, path, body=None, key=None, token=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Authorization", "Bearer " + token)
    request.add_header("Content-Type", "application/json")
    if key:
        request.add_header("Idempotency-Key", "demo-v1-" + key)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            REPLAYED[path] = response.headers.get("Idempotent-Replayed") == "true"
            text = response.read().decode("utf-8")
            return json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        sys.exit(f"demo data: {method} {base}{path} failed with {e.code}: {e.read().decode('utf-8')}")
