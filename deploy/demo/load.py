"""Demo data for the warehouse service, drawn from the findings of the Xingyang (荥阳市) rectification
notice in shared/domain/seeds/002: a township warehouse whose ledger does not match its shelves,
torches issued and never returned, expired drinking water, too few life jackets for the team,
flood stock mixed into the fire zone, and a legacy fuel drum with no fuel type.

Everything goes through the API with fixed Idempotency-Keys, so a second run adds nothing.
Standard library only."""
import datetime
import json
import os
import sys
import urllib.error
import urllib.request

BASE = os.environ.get("BEIQIN_WAREHOUSE_URL", "http://127.0.0.1:8081")
KEEPER = os.environ["BEIQIN_KEEPER_TOKEN"]
COUNTY = os.environ["BEIQIN_COUNTY_TOKEN"]
TOWN = "410182102"  # 乔楼镇 (the example division of ARCHITECTURE.md)
TODAY = datetime.date.today()


REPLAYED = {}


def call(method, path, body=None, key=None, token=KEEPER):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(BASE + path, data=data, method=method)
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
        sys.exit(f"demo data: {method} {path} failed with {e.code}: {e.read().decode('utf-8')}")


def days_ago(n):
    return (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=n)).isoformat()


warehouse = call("POST", "/api/warehouse/warehouses", {
    "division": TOWN, "name": "乔楼镇应急物资仓库", "address": "乔楼镇政府院内",
    "floor": 1, "hasLift": False, "entranceClear": False, "manualDoorRelease": True, "backupPower": True,
}, key="warehouse-qiaolou")
wid = warehouse["id"]
zones = {z["category"]: z["id"] for z in warehouse["zones"]}


def report():
    found = call("GET", "/api/warehouse/discrepancies", token=COUNTY)
    print(f"demo warehouse {warehouse['name']} ({wid}); {len(found)} open findings in 荥阳市:")
    for d in found:
        print(f"  [{d['severity']}] {d['rule']}: {d['summary']['zh']}")


if REPLAYED["/api/warehouse/warehouses"]:
    # Loaded by an earlier run: its dates were relative to that day, so resending would be refused.
    report()
    sys.exit(0)


def item(key, name, category, kind, spec, unit, attributes=None):
    return call("POST", "/api/warehouse/items", {
        "division": TOWN, "name": name, "category": category, "kind": kind,
        "specification": spec, "unit": unit, "attributes": attributes or {},
    }, key="item-" + key)["id"]


shovel = item("shovel", "铁锨", "FLOOD", "EQUIPMENT", "尖头 1.2m", "把")
torch = item("torch", "应急手电", "FLOOD", "EQUIPMENT", "LED 强光", "个")
vest = item("vest", "救生衣", "FLOOD", "PERSONAL_KIT", "成人款 浮力≥100N", "件")
water = item("water", "矿泉水", "RELIEF", "WATER", "550ml×24", "箱")
sandbag = item("sandbag", "沙袋", "FLOOD", "GENERAL", "50kg 装", "条")
diesel = item("diesel", "柴油", "FLOOD", "FUEL", "200L 桶装", "桶", {"fuelType": "0号柴油"})

receipts = [
    ("shovel", {"itemId": shovel, "quantity": 20, "reason": "县应急局调拨", "occurredAt": days_ago(60)}),
    ("torch", {"itemId": torch, "quantity": 6, "reason": "采购入库", "occurredAt": days_ago(60)}),
    ("vest", {"itemId": vest, "quantity": 6, "reason": "采购入库", "occurredAt": days_ago(60)}),
    ("diesel", {"itemId": diesel, "quantity": 4, "reason": "采购入库", "occurredAt": days_ago(60)}),
    ("water", {"itemId": water, "lot": "2024-06", "expiresOn": str(TODAY - datetime.timedelta(days=62)),
               "quantity": 30, "reason": "防汛储备", "occurredAt": days_ago(58)}),
    # 防汛物资与其他物品混放 (002): sandbags put into the fire-fighting zone
    ("sandbag", {"itemId": sandbag, "zoneId": zones["FIRE"], "quantity": 100, "reason": "临时堆放",
                 "occurredAt": days_ago(40)}),
]
for key, body in receipts:
    call("POST", f"/api/warehouse/warehouses/{wid}/receipts", body, key="receipt-" + key)

# 发放给个人后未及时回收 (002): four torches issued a month ago, due back twenty days ago
call("POST", f"/api/warehouse/warehouses/{wid}/issues", {
    "itemId": torch, "quantity": 4, "recipientName": "王建国", "recipientPhone": "13800000000",
    "dueBack": str(TODAY - datetime.timedelta(days=20)), "reason": "夜间巡堤", "occurredAt": days_ago(30),
}, key="issue-torch")

# 79名应急队员……保证至少每人一套 (002): the standard is one life jacket per team member
call("PUT", f"/api/warehouse/warehouses/{wid}/standards/{vest}", {"minimum": 79})

# 物资底数不清、账实不符 (002): the count finds 18 shovels where the ledger says 20
stocktake = call("POST", f"/api/warehouse/warehouses/{wid}/stocktakes", {"note": "巡察前自查盘点"},
                 key="stocktake-1")
if call("GET", f"/api/warehouse/stocktakes/{stocktake['id']}")["status"] == "OPEN":
    call("PUT", f"/api/warehouse/stocktakes/{stocktake['id']}/lines", {"lines": [
        {"itemId": shovel, "zoneId": zones["FLOOD"], "counted": 18},
        {"itemId": vest, "zoneId": zones["FLOOD"], "counted": 6},
    ]})
    call("POST", f"/api/warehouse/stocktakes/{stocktake['id']}/submit", key="stocktake-1-submit")

# 储存油桶未标明油品种类 (002, 索河办): a drum from the old paper ledger, imported as it was
call("POST", "/api/warehouse/items/import", [{
    "division": TOWN, "name": "油桶（旧台账）", "category": "FLOOD", "kind": "FUEL",
    "specification": "200L", "unit": "桶",
}], key="import-legacy")

report()
