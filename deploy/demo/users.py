"""Demo users in the gateway, one per role for 乔楼镇 (410182102) and 荥阳市 (410182): signs in as
the first administrator and creates them through the gateway's user API. Their user names are
the subjects the rest of the demo data was recorded under, so the duty officer sees his own
shifts. A user that already exists is left as it is. Standard library only."""
import json
import os
import sys
import urllib.error
import urllib.request

GATEWAY = os.environ.get("BEIQIN_GATEWAY_URL", "http://127.0.0.1:8080")
ADMIN_PASSWORD = os.environ["BEIQIN_ADMIN_PASSWORD"]
PASSWORD = os.environ["BEIQIN_DEMO_PASSWORD"]

USERS = [
    ("keeper-qiaolou", "乔楼镇库管员 李桂兰", ["keeper"], "410182102"),
    ("officer-shenwa", "沈洼村值班员 王永强", ["duty_officer"], "410182102201"),
    # the township's emergency office: plans and approves drills, keeps the rosters, spot-checks its villages
    ("office-qiaolou", "乔楼镇应急办 赵华", ["duty_officer"], "410182102"),
    ("county-xingyang", "荥阳市应急管理局 张明", ["county_office"], "410182"),
]


def call(method, path, body=None, token=None, key=None):
    request = urllib.request.Request(GATEWAY + path, method=method,
                                     data=None if body is None else json.dumps(body).encode("utf-8"))
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if key:
        request.add_header("Idempotency-Key", "demo-v1-" + key)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read().decode("utf-8") or "null")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read().decode("utf-8") or "null")


status, session = call("POST", "/api/auth/login", {"username": "admin", "password": ADMIN_PASSWORD})
if status != 200:
    sys.exit(f"demo users: the administrator cannot sign in ({status}): {session}")
token = session["accessToken"]
existing = {u["username"] for u in call("GET", "/api/users", token=token)[1]}
for username, name, roles, division in USERS:
    if username in existing:
        continue
    status, body = call("POST", "/api/users", {"username": username, "displayName": name, "password": PASSWORD,
                                              "roles": roles, "division": division}, token=token, key="user-" + username)
    if status != 201:
        sys.exit(f"demo users: creating {username} failed ({status}): {body}")

print("Demo users (password for all: %s):" % PASSWORD)
print("  %-16s %-22s %s" % ("admin", "系统管理员 admin", "410182"))
for username, name, roles, division in USERS:
    print("  %-16s %-22s %s" % (username, name + " " + ",".join(roles), division))
