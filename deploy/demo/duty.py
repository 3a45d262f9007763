"""Demo data for the duty-roster service, from the duty findings of notices 002 and 004: 沈洼村's duty
officer who is not at his post and has not checked in; a flood-season night when the duty leader
and both staff were all missing; a commander transferred away but still named on the team; an
85-year-old volunteer; a disaster informant with no phone; and the daytime hours nobody was
rostered for. Fixed Idempotency-Keys and a look before each change, so a second run adds nothing.
Standard library only."""
import datetime
import os

import api

BASE = os.environ.get("BEIQIN_DUTY_URL", "http://127.0.0.1:8083")
KEEPER = os.environ["BEIQIN_KEEPER_TOKEN"]
COUNTY = os.environ["BEIQIN_COUNTY_TOKEN"]
TOWN = "410182102"        # 乔楼镇
VILLAGE = "410182102201"  # 沈洼村
BEIJING = datetime.timezone(datetime.timedelta(hours=8))
NOW = datetime.datetime.now(BEIJING).replace(second=0, microsecond=0)


def call(method, path, body=None, key=None, token=KEEPER):
    return api.call(BASE, method, path, body, key, token)


def member(team, key, name, gender, born, phone=None, roles=(), account=None):
    body = {"name": name, "gender": gender, "birthDate": born, "roles": list(roles)}
    if phone:
        body["phone"] = phone
    if account:
        body["account"] = account
    return call("POST", f"/api/duty/teams/{team}/members", body, key=key)


def await_account(username, division, seconds=60):
    """A member's login is bound only to an account the roster has heard of from the gateway
    (identity.users); the demo users were just created, so wait until the announcement arrived."""
    import time
    deadline = time.time() + seconds
    while time.time() < deadline:
        found = call("GET", f"/api/duty/accounts?division={division}&q={username}")
        if any(a["username"] == username for a in found):
            return
        time.sleep(0.5)
    raise SystemExit(f"demo data: the duty roster never heard of the account {username}")


def load():
    town_team = call("POST", "/api/duty/teams", {"division": TOWN, "name": "乔楼镇应急救援队", "level": "township"},
                     key="duty-team-town")["id"]
    village_team = call("POST", "/api/duty/teams", {"division": VILLAGE, "name": "沈洼村应急分队", "level": "village"},
                        key="duty-team-village")["id"]
    commander = member(town_team, "duty-commander", "高建军", "M", "1972-03-01", "13803710001", ["COMMANDER"])
    leader = member(town_team, "duty-leader", "李国强", "M", "1975-06-01", "13803710002", ["DEPUTY"])
    staff1 = member(town_team, "duty-staff-1", "陈晓东", "M", "1986-02-11", "13803710003")
    staff2 = member(town_team, "duty-staff-2", "杨丽", "F", "1990-09-23", "13803710004")
    member(town_team, "duty-elder", "张德福", "M", "1941-04-18", "13803710005", ["RESPONDER"])  # 85 岁
    member(town_team, "duty-informant", "周小川", "M", "1995-12-01", None, ["DISASTER_INFORMANT"])
    await_account("officer-shenwa", VILLAGE)
    officer = member(village_team, "duty-village-officer", "王永强", "M", "1979-08-08", "13803710007",
                     account="officer-shenwa")
    day_leader = member(village_team, "duty-village-leader", "沈志刚", "M", "1970-01-20", "13803710008")

    # 指挥长发生人事变动后未及时更新责任人 (002): transferred, still commander and on the list
    current = next(m for m in call("GET", f"/api/duty/teams/{town_team}")["members"] if m["id"] == commander["id"])
    if current["status"] == "ACTIVE":
        call("PUT", f"/api/duty/teams/{town_team}/members/{commander['id']}",
             {"status": "TRANSFERRED", "phone": current["phone"], "roles": current["roles"], "listed": True,
              "version": current["version"]})

    # 汛期值班: from yesterday 08:00 for two days, one leader and two staff at every moment
    start = (NOW - datetime.timedelta(days=1)).replace(hour=8, minute=0)
    period = call("POST", "/api/duty/periods", {"division": TOWN, "name": "乔楼镇汛期 24 小时值班",
                                                 "startsAt": start.isoformat(), "endsAt": (start + datetime.timedelta(days=2)).isoformat(),
                                                 "minLeaders": 1, "minStaff": 2}, key="duty-period")["id"]
    night = start.replace(hour=20)
    # 汛期值班的带班领导和2名工作人员缺岗 (002): last night, nobody of the three checked in
    for key, who, role in (("night-leader", leader, "LEADER"), ("night-staff-1", staff1, "STAFF"),
                           ("night-staff-2", staff2, "STAFF")):
        call("POST", f"/api/duty/periods/{period}/shifts", {"memberId": who["id"], "role": role,
             "startsAt": night.isoformat(), "endsAt": (night + datetime.timedelta(hours=12)).isoformat()},
             key=f"duty-{key}")
    # 应急值班人员不在岗 (002): the village officer's shift began two hours ago; no check-in
    today = NOW.replace(minute=0) - datetime.timedelta(hours=2)
    call("POST", f"/api/duty/periods/{period}/shifts", {"memberId": officer["id"], "role": "STAFF",
         "startsAt": today.isoformat(), "endsAt": (today + datetime.timedelta(hours=10)).isoformat()},
         key="duty-village-officer-shift")
    call("POST", f"/api/duty/periods/{period}/shifts", {"memberId": day_leader["id"], "role": "LEADER",
         "startsAt": today.isoformat(), "endsAt": (today + datetime.timedelta(hours=10)).isoformat()},
         key="duty-village-leader-shift")


# Dates are relative to the day of the first run: a later run reports what is there and adds nothing.
if not any(t["name"] == "乔楼镇应急救援队" for t in call("GET", f"/api/duty/teams?division={TOWN}")):
    load()
call("POST", "/api/duty/sweep", token=COUNTY)
found = [d for d in call("GET", "/api/duty/discrepancies", token=COUNTY) if d["division"].startswith(TOWN)]
print(f"demo duty rosters loaded; {len(found)} open duty findings in 乔楼镇:")
for d in found:
    print(f"  [{d['severity']}] {d['rule']}: {d['summary']['zh']}")
