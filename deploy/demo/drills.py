"""Demo data for the drill service, from the drill findings of notice 002 (section 四): a flood
drill in 乔楼镇 with no summary or evaluation, one whose life jackets and sandbags never left the
warehouse, and 乔楼镇 never having drilled the "three outages" (断网、断电、断路) — while 汜水镇 did,
and evaluated it. Old paper records come in through the import endpoint (dates as they were);
fixed Idempotency-Keys make a second run add nothing. Standard library only."""
import datetime
import os

import api

WAREHOUSE = os.environ.get("BEIQIN_WAREHOUSE_URL", "http://127.0.0.1:8081")
BASE = os.environ.get("BEIQIN_DRILL_URL", "http://127.0.0.1:8082")
KEEPER = os.environ["BEIQIN_KEEPER_TOKEN"]
COUNTY = os.environ["BEIQIN_COUNTY_TOKEN"]
TOWN = "410182102"   # 乔楼镇
OTHER = "410182103"  # 汜水镇
NOW = datetime.datetime.now(datetime.timezone.utc)


def call(method, path, body=None, key=None, token=KEEPER):
    return api.call("", method, path, body, key, token)


def at(days_ago, hour=1):
    return (NOW - datetime.timedelta(days=days_ago)).replace(hour=hour, minute=0, second=0, microsecond=0)


def plan(division, title, three_outages, supplies, scheduled):
    return {
        "division": division, "title": title, "organisingUnit": "乔楼镇人民政府" if division == TOWN else "汜水镇人民政府",
        "kind": "FULL_SCALE", "announced": True, "hazard": "FLOOD",
        "networkOutage": three_outages, "powerOutage": three_outages, "roadCut": three_outages,
        "objectives": ["30 分钟内转移低洼区群众", "启用应急物资", "恢复指挥通信"],
        "scheduledOn": scheduled.date().isoformat(), "place": "沈洼村" if division == TOWN else "汜水镇政府",
        "units": [{"name": "镇应急办", "contact": "李主任", "phone": "0371-64660001"},
                  {"name": "村委会", "contact": "王支书", "phone": "13800000001"}],
        "participants": [{"name": "张强", "unit": "镇应急办", "role": "现场指挥"},
                         {"name": "赵磊", "unit": "村委会", "role": "转移群众"}],
        "supplies": supplies,
    }


def imported(key, division, title, three_outages, days_ago, supplies=(), evaluated_days_ago=None, token=KEEPER):
    start = at(days_ago)
    record = {"plan": plan(division, title, three_outages, list(supplies), start),
              "approvedAt": at(days_ago + 10).isoformat(), "actualStart": start.isoformat(),
              "actualEnd": (start + datetime.timedelta(hours=3)).isoformat()}
    if evaluated_days_ago is not None:
        record.update({"evaluatedOn": at(evaluated_days_ago).date().isoformat(),
                       "ratings": [{"objective": 1, "rating": "P"}, {"objective": 2, "rating": "S"},
                                   {"objective": 3, "rating": "S"}],
                       "strengths": "断网后启用卫星电话指挥，转移有序",
                       "areasForImprovement": "备用电源切换用时偏长"})
    return call("POST", f"{BASE}/api/drills/import", record, key=key, token=token)


def load():
    warehouses = call("GET", f"{WAREHOUSE}/api/warehouse/warehouses?division={TOWN}")
    store = next(w for w in warehouses if w["name"] == "乔楼镇应急物资仓库")
    items = {i["name"]: i["id"] for i in call("GET", f"{WAREHOUSE}/api/warehouse/items")}

    # 应急演练后无总结、评估 (002): a flood drill held twelve days ago, never evaluated
    imported("drill-no-evaluation", TOWN, "乔楼镇2026年防汛应急演练", False, 12)
    # 演练需动用的物资在仓库，无开封启用痕迹 (002): supplies planned, never issued for the drill
    imported("drill-supplies-sealed", TOWN, "沈洼村群众转移避险演练", False, 3, supplies=[
        {"warehouseId": store["id"], "itemId": items["救生衣"], "itemName": "救生衣", "quantity": 6, "unit": "件"},
        {"warehouseId": store["id"], "itemId": items["沙袋"], "itemName": "沙袋", "quantity": 100, "unit": "条"}],
        evaluated_days_ago=2)
    # 汜水镇 drilled the three outages and evaluated it; 乔楼镇 never did
    imported("drill-three-outages-sishui", OTHER, "汜水镇断网断电断路综合演练", True, 40, evaluated_days_ago=35, token=COUNTY)


# Dates are relative to the day of the first run: a later run reports what is there and adds nothing.
if not any(d["title"] == "乔楼镇2026年防汛应急演练" for d in call("GET", f"{BASE}/api/drills?division={TOWN}")):
    load()
call("POST", f"{BASE}/api/drills/sweep", token=COUNTY)
found = [d for d in call("GET", f"{BASE}/api/drills/discrepancies", token=COUNTY) if d["division"].startswith("410182")]
print(f"demo drills loaded; {len(found)} open drill findings in 荥阳市:")
for d in found:
    print(f"  [{d['severity']}] {d['rule']}: {d['summary']['zh']}")
