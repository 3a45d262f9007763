"""Demo data for the warehouse service, drawn from the findings of the Xingyang (荥阳市) rectification
notice in shared/domain/seeds/002: a township warehouse whose ledger does not match its shelves,
torches issued and never returned, expired drinking water, too few life jackets for the team,
flood stock mixed into the fire zone, a legacy fuel drum with no fuel type; an extinguisher past
its annual inspection and one past its scrap age, flat torches, a satellite phone not charged for
two months, one working loudspeaker of five, and a fourth-floor warehouse whose door cannot be
opened by hand (notice 001).

Everything goes through the API with fixed Idempotency-Keys, so a second run adds nothing.
Standard library only."""
import datetime
import os
import sys

import api

BASE = os.environ.get("BEIQIN_WAREHOUSE_URL", "http://127.0.0.1:8081")
KEEPER = os.environ["BEIQIN_KEEPER_TOKEN"]
COUNTY = os.environ["BEIQIN_COUNTY_TOKEN"]
TOWN = "410182102"  # 乔楼镇 (the example division of ARCHITECTURE.md)
TODAY = datetime.date.today()



def call(method, path, body=None, key=None, token=KEEPER):
    return api.call(BASE, method, path, body, key, token)


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


if api.REPLAYED["/api/warehouse/warehouses"]:
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

# ---- equipment readiness (notice 002 (三)3, notice 001)
def post(path, body, key):
    return call("POST", path, body, key=key)


def ago(days):
    return str(TODAY - datetime.timedelta(days=days))


# 只有一个灭火器且未年检: the last annual inspection was 400 days ago
ext_old = post(f"/api/warehouse/warehouses/{wid}/extinguishers", {
    "label": "干粉灭火器 #01", "agent": "DRY_POWDER", "capacity": "4kg", "manufacturedOn": ago(4 * 365),
    "location": "仓库门口"}, "ext-01")["id"]
post(f"/api/warehouse/extinguishers/{ext_old}/annual-inspections", {
    "onDate": ago(400), "passed": True, "inspector": "荥阳市消防器材检测站"}, "ext-01-annual")
# 灭火器已失效无法使用: made eleven years ago, past the ten-year scrap age of dry powder (XF 95-2015)
post(f"/api/warehouse/warehouses/{wid}/extinguishers", {
    "label": "干粉灭火器 #02", "agent": "DRY_POWDER", "capacity": "4kg", "manufacturedOn": ago(11 * 365 + 3),
    "location": "物资区北墙"}, "ext-02")

# 手电筒没电或电量不足
for n, percent in ((1, 40), (2, 55), (3, 30)):
    torch_id = post(f"/api/warehouse/warehouses/{wid}/equipment",
                    {"kind": "FLASHLIGHT", "label": f"强光手电 #{n}"}, f"torch-{n}")["id"]
    post(f"/api/warehouse/equipment/{torch_id}/charge-readings", {"percent": percent}, f"torch-{n}-reading")

# 卫星电话未及时充电: last charged two months ago
phone = post(f"/api/warehouse/warehouses/{wid}/equipment", {"kind": "SATELLITE_PHONE", "label": "卫星电话"},
             "phone")["id"]
post(f"/api/warehouse/equipment/{phone}/charge-readings",
     {"charged": True, "at": days_ago(60)}, "phone-reading")

# 5个语音广播仅有1个能正常使用: four found faulty ten days ago and never repaired
for n in range(1, 6):
    speaker = post(f"/api/warehouse/warehouses/{wid}/equipment", {"kind": "LOUDSPEAKER", "label": f"语音广播 #{n}"},
                   f"speaker-{n}")["id"]
    post(f"/api/warehouse/equipment/{speaker}/charge-readings", {"percent": 100}, f"speaker-{n}-reading")
    post(f"/api/warehouse/equipment/{speaker}/checks",
         {"working": n == 1, "notes": "正常" if n == 1 else "无声", "at": days_ago(10)}, f"speaker-{n}-check")

# 仓库选择在4层 (001)；仓库门没有手动开启方式 (002)
upstairs = post("/api/warehouse/warehouses", {
    "division": TOWN, "name": "乔楼镇政府四楼应急仓库", "address": "乔楼镇政府办公楼 4 层",
    "floor": 4, "hasLift": False, "entranceClear": True, "manualDoorRelease": False, "backupPower": True,
}, "warehouse-upstairs")
post(f"/api/warehouse/warehouses/{upstairs['id']}/facility-inspections", {
    "inspectedOn": str(TODAY), "groundFloorOrLift": False, "entranceClear": True, "dry": True,
    "manualDoorRelease": False, "backupPowerCharged": True, "extinguisherPresent": True,
    "notes": "物资存放在 4 楼，无电梯；仓库门为电动卷帘门，停电无法开启"}, "upstairs-inspection")

report()
