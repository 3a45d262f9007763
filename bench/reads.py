"""County-scale reads (issue 20): the screens a county office and a township keeper open every
day, timed against the history `bench/county.sh` builds — 20 townships, 300 items each, three
years of movements, 100,000 rectification items. Each read is asked REQUESTS times in turn (after
WARMUP unmeasured ones), over varied warehouses, items, filters and pages, and the report prints
p50, p95 and the slowest, as seconds to the first byte of the answer and to its last byte.

The limit is p95 < 200 ms. For the JSON reads that is the whole answer; the notice and the export
are streamed, so their limit is the first byte, and the last byte and the resident memory of the
rectification service after them show that a county's three years never sit in memory at once.

    python3 bench/reads.py [--requests 100] [--warmup 10] [--only stock-card,ledger]

Standard library only; needs deploy/start.sh and bench/county.sh first."""
import argparse
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COUNTY = "419901"
TOWNSHIP = COUNTY + "101"
LIMIT_MS = 200


def token(subject, name, division, role):
    return subprocess.check_output([f"{ROOT}/deploy/mint-token.sh", subject, name, division, role], text=True).strip()


class Client:
    """One keep-alive connection per service port, as a browser behind the gateway keeps."""

    def __init__(self):
        self.connections = {}

    def get(self, tok, port, path):
        """(status, seconds to the first byte of the body, seconds to its end, bytes)."""
        conn = self.connections.get(port)
        if conn is None:
            conn = self.connections[port] = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        started = time.monotonic()
        conn.request("GET", path, headers={"Authorization": "Bearer " + tok, "Accept-Language": "zh-CN"})
        response = conn.getresponse()
        first = response.read(1)
        first_at = time.monotonic()
        size = len(first)
        while True:
            chunk = response.read(65536)
            if not chunk:
                break
            size += len(chunk)
        done = time.monotonic()
        if response.status >= 400:
            sys.exit(f"GET {path} answered {response.status}")
        return response.status, first_at - started, done - started, size

    def json(self, tok, port, path):
        conn = self.connections.get(port)
        if conn is None:
            conn = self.connections[port] = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        conn.request("GET", path, headers={"Authorization": "Bearer " + tok})
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            sys.exit(f"GET {path} answered {response.status}: {body[:300]!r}")
        return json.loads(body)


def rss_mib(port):
    """Resident memory of the service listening on the port (from /proc), or None."""
    try:
        out = subprocess.check_output(["ss", "-Hltnp", f"sport = :{port}"], text=True)
        pid = out.split("pid=")[1].split(",")[0]
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except (IndexError, OSError, subprocess.CalledProcessError):
        return None
    return None


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    county = token("bench-reads-county", "基准县应急办", COUNTY, "county_office")
    keeper = token("bench-reads-keeper", "城关镇库管员", TOWNSHIP, "keeper")
    client = Client()
    rng = random.Random(20)

    warehouses = [w for w in client.json(county, 8081, "/api/warehouse/warehouses") if w["division"].startswith(COUNTY)]
    if len(warehouses) < 20:
        sys.exit(f"the bench county {COUNTY} has {len(warehouses)} warehouses; run bench/county.sh first")
    cards = []
    for w in warehouses:
        items = sorted({b["itemId"] for b in client.json(county, 8081, f"/api/warehouse/warehouses/{w['id']}/stock")})
        cards += [(w, i) for i in items]
    own = next(w for w in warehouses if w["division"] == TOWNSHIP)
    rules = ["LEDGER_MISMATCH", "ISSUED_NOT_RETURNED", "EXTINGUISHER_INSPECTION_OVERDUE", "BATTERY_LOW", "NOT_CHECKED_IN"]
    today = time.strftime("%Y-%m-%d")
    three_years_ago = f"{int(today[:4]) - 3}{today[4:]}"

    def ledger_query():
        q = {"page": str(rng.randrange(0, 20)), "size": "50"}
        choice = rng.randrange(7)
        if choice == 1:
            q["status"] = "NOT_COMPLETED"
        elif choice == 2:
            q["rule"] = rng.choice(rules)
            q["severity"] = "high"
        elif choice == 3:
            q["overdue"] = "true"
        elif choice == 4:
            q["q"] = rng.choice(["铁锨", "灭火器", "卫星电话", "手电筒", "救生衣"])
        elif choice == 5:
            q["division"] = COUNTY + f"{rng.randrange(101, 121)}"
            q["sort"] = "deadline"
            q["dir"] = "asc"
        elif choice == 6:
            q["from"] = three_years_ago
            q["status"] = "COMPLETED"
        return "/api/rectification/items?" + urllib.parse.urlencode(q)

    reads = [
        ("stock-card", "物资卡（县、乡随机仓库与物资）", lambda: _card(rng, cards, own, county, keeper)),
        ("attention-county", "需要处理的事项（全县 20 个仓库）", lambda: (county, 8081, "/api/warehouse/attention")),
        ("attention-township", "需要处理的事项（一个乡镇）", lambda: (keeper, 8081, "/api/warehouse/attention")),
        ("ledger", "整改台账列表（筛选、翻页）", lambda: (county, 8084, ledger_query())),
        ("statistics", "整改统计（今年，按乡镇）", lambda: (county, 8084, "/api/rectification/statistics")),
        ("statistics-3y", "整改统计（三年，按规则）", lambda: (
            county, 8084, f"/api/rectification/statistics?from={three_years_ago}&groupBy=rule")),
        ("notice-township", "整改情况通报（一个乡镇，今年）", lambda: (
            county, 8084, f"/api/rectification/notice?division={COUNTY}{rng.randrange(101, 121)}")),
        ("notice-county", "整改情况通报（全县，今年）", lambda: (county, 8084, "/api/rectification/notice")),
        ("export-county", "导出整改台账（全县，三年）", lambda: (
            county, 8084, f"/api/rectification/items/export?from={three_years_ago}")),
    ]
    print(f"{'read':<20} {'n':>4} {'first byte p50/p95/max (ms)':>30} {'last byte p50/p95/max (ms)':>30}"
          f" {'size':>9}  p95 < {LIMIT_MS} ms")
    for key, label, make in reads:
        if only and key not in only:
            continue
        streamed = key.startswith(("notice", "export"))
        n = args.requests if not streamed else max(5, args.requests // 10)
        for _ in range(args.warmup if not streamed else 2):
            tok, port, path = make()
            client.get(tok, port, path)
        firsts, lasts, sizes = [], [], []
        for _ in range(n):
            tok, port, path = make()
            _, first, last, size = client.get(tok, port, path)
            firsts.append(first * 1000)
            lasts.append(last * 1000)
            sizes.append(size)
        judged = percentile(firsts if streamed else lasts, 95)
        verdict = "met" if judged < LIMIT_MS else "NOT met"
        print(f"{key:<20} {n:>4} {percentile(firsts, 50):>10.0f}{percentile(firsts, 95):>10.0f}{max(firsts):>10.0f}"
              f" {percentile(lasts, 50):>10.0f}{percentile(lasts, 95):>10.0f}{max(lasts):>10.0f}"
              f" {_size(statistics.median(sizes)):>9}  {verdict}  {label}")
    rss = rss_mib(8084)
    if rss is not None:
        print(f"rectification-service resident memory after the reads: {rss} MiB")


def _card(rng, cards, own, county, keeper):
    """Half by the county office over any warehouse, half by the township's keeper over his own."""
    if rng.random() < 0.5:
        w, item = rng.choice(cards)
        tok = county
    else:
        w, item = rng.choice([c for c in cards if c[0] is own])
        tok = keeper
    return tok, 8081, f"/api/warehouse/warehouses/{w['id']}/stock-card/{item}"


def _size(n):
    return f"{n / 1024:.0f} KiB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MiB"


if __name__ == "__main__":
    main()
