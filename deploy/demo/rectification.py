"""Demo data for the rectification ledger: waits until every open finding of the demo township (from
the warehouse, drill and duty-roster services) has
become a rectification item, then has the county office fill in the "six clears" and measures of
the ledger-mismatch item the way notice 002 did for 乔楼镇 ("要求乔楼镇对应急物资仓库进行调换，
悬挂标识牌，建立物资登记台账，专人管理维护"). Fixed Idempotency-Keys and a check of what is
already there, so a second run adds nothing. Standard library only."""
import datetime
import os
import sys
import time

import api

WAREHOUSE = os.environ.get("BEIQIN_WAREHOUSE_URL", "http://127.0.0.1:8081")
DRILL = os.environ.get("BEIQIN_DRILL_URL", "http://127.0.0.1:8082")
DUTY = os.environ.get("BEIQIN_DUTY_URL", "http://127.0.0.1:8083")
BASE = os.environ.get("BEIQIN_RECTIFICATION_URL", "http://127.0.0.1:8084")
COUNTY = os.environ["BEIQIN_COUNTY_TOKEN"]
TOWN = "410182102"
TODAY = datetime.date.today()


def call(method, path, body=None, key=None, token=COUNTY):
    return api.call("", method, path, body, key, token)


def item_key(finding):
    """The ledger item a finding lands on: its own key, or its source document's (a stocktake's lines)."""
    source = finding.get("source")
    if not source:
        return finding["key"]
    service = finding["key"].split("/")[0]
    return f"{service}/{finding['division']}/{finding['rule']}/{source['type']}/{source['id']}"


findings = [d for source in (f"{WAREHOUSE}/api/warehouse/discrepancies", f"{DRILL}/api/drills/discrepancies",
                             f"{DUTY}/api/duty/discrepancies")
            for d in call("GET", source) if d["division"].startswith(TOWN)]


def all_items():
    """Every item of the demo township, page by page (a machine that ran the tests holds many)."""
    found, page = [], 0
    while True:
        batch = call("GET", f"{BASE}/api/rectification/items?division={TOWN}&size=200&page={page}")
        found += batch["items"]
        if len(found) >= batch["total"] or not batch["items"]:
            return found
        page += 1


def unseen(items):
    """Findings with no ledger item yet: neither their document's nor (found before grouping) their own."""
    keys = {i["key"] for i in items}
    return sorted(d["key"] for d in findings if item_key(d) not in keys and d["key"] not in keys)


deadline = time.monotonic() + 60
while True:
    items = all_items()
    missing = unseen(items)
    if not missing or time.monotonic() > deadline:
        break
    time.sleep(1)
if missing:
    sys.exit(f"demo data: {len(missing)} findings did not reach the rectification ledger: {missing}")

# the demo's own mismatch (the shovels counted short) — the item of its stocktake — not one a test raised
shovels = next((d for d in findings if d["rule"] == "LEDGER_MISMATCH"
                and (d["subject"].get("label") or "").startswith("乔楼镇应急物资仓库 铁锨")), None)
mismatch = next((i for i in items if shovels and i["key"] in (item_key(shovels), shovels["key"])), None)
if mismatch:
    detail = call("GET", f"{BASE}/api/rectification/items/{mismatch['id']}")
    present = {m["description"] for m in detail["measures"]}
    if not detail.get("target"):
        call("PUT", f"{BASE}/api/rectification/items/{mismatch['id']}/plan", {
            "target": "账实相符，物资分类存放、标识清楚、专人管理",
            "responsibleLeader": "乔楼镇分管副镇长", "responsibleDepartment": "乔楼镇应急管理办公室",
            "responsiblePerson": "乔楼镇仓库保管员", "deadline": str(TODAY + datetime.timedelta(days=30)),
            "version": detail["item"]["version"]})
    for n, (what, owner, days) in enumerate((
            ("重新盘点，按实物更正台账并经县应急办审核", "乔楼镇仓库保管员", 7),
            ("悬挂标识牌，建立物资登记台账，专人管理维护", "乔楼镇应急管理办公室", 20),
            ("每季度盘库一次，盘点结果报县应急办", "乔楼镇应急管理办公室", 30)), start=1):
        if what in present:
            continue  # a run on another day would send another deadline under the same key
        call("POST", f"{BASE}/api/rectification/items/{mismatch['id']}/measures",
             {"description": what, "owner": owner, "deadline": str(TODAY + datetime.timedelta(days=days))},
             key=f"rectification-mismatch-measure-{mismatch['id']}-{n}")

unread = call("GET", f"{BASE}/api/rectification/alerts?division=410182&size=1")["total"]
stats = call("GET", f"{BASE}/api/rectification/statistics?division=410182&groupBy=township")["total"]
print(f"rectification ledger of 荥阳市: {stats['items']} items ({stats['notCompleted']} not completed, "
      f"{stats['completed']} completed), {stats['measures']} measures; {unread} unread alerts")
