#!/usr/bin/env python3
"""Writes N discrepancy events as Kafka console-producer lines (key TAB CloudEvent JSON) for
bench/consumer.sh: 20 townships, each with one stocktake of many differing lines (LEDGER_MISMATCH
lines of one source document) and single findings (EXPIRED_STOCK); about a fifth of each are
resolved again later in the stream. Keys start with bench-<run>/ so the run's items can be found.
Usage: consumer_events.py N RUN"""
import json
import sys
import uuid
from datetime import datetime, timedelta, timezone

n, run = int(sys.argv[1]), sys.argv[2]
service = f"bench-{run}"
townships = [f"410182{900 + t:03d}" for t in range(1, 21)]
per = n // len(townships)
lines, singles = per // 2, per * 3 // 10
resolves = (per - lines - singles) // 2
start = datetime.now(timezone.utc) - timedelta(hours=1)


def event(kind, finding, at):
    return {"specversion": "1.0", "id": str(uuid.uuid4()), "source": f"/{service}",
            "type": f"preparedness.discrepancy.{kind}", "datacontenttype": "application/json",
            "dataschema": "urn:beiqin:discrepancy:1", "subject": finding["key"],
            "time": at.isoformat().replace("+00:00", "Z"), "data": finding}


def finding(division, rule, subject_type, subject_id, label, zh, at, source=None):
    f = {"key": f"{service}/{division}/{rule}/{subject_type}/{subject_id}", "rule": rule, "severity": "high",
         "division": division, "subject": {"type": subject_type, "id": subject_id, "label": label},
         "detectedAt": at.isoformat().replace("+00:00", "Z"), "summary": {"zh": zh, "en": zh},
         "evidence": {"counted": "18", "ledger": "20"}}
    if source:
        f["source"] = source
    return f


out = sys.stdout
later = []
for t, division in enumerate(townships):
    at = start + timedelta(seconds=t)
    stocktake = str(uuid.uuid4())
    source = {"type": "stocktake", "id": stocktake, "label": f"压测仓库{t + 1} 12月2日盘点"}
    opened = []
    for i in range(lines):
        f = finding(division, "LEDGER_MISMATCH", "stock", f"w{t}:z:item{i}:", f"压测仓库{t + 1} 物资{i}",
                    f"盘点实存 18，账面 20，盘亏 2", at, source)
        opened.append(f)
        out.write(f["key"] + "\t" + json.dumps(event("opened", f, at), ensure_ascii=False) + "\n")
    for i in range(singles):
        f = finding(division, "EXPIRED_STOCK", "lot", f"w{t}:item{i}:L{i}", f"压测仓库{t + 1} 矿泉水 批次L{i}",
                    "矿泉水 批次已过期，仍有 10箱 在库", at)
        opened.append(f)
        out.write(f["key"] + "\t" + json.dumps(event("opened", f, at), ensure_ascii=False) + "\n")
    later += opened[:resolves] + opened[lines:lines + resolves]
for f in later:
    at = datetime.now(timezone.utc)
    resolved = dict(f, resolution={"resolvedAt": at.isoformat().replace("+00:00", "Z"),
                                   "reason": {"zh": "已更正", "en": "corrected"}, "evidence": {}})
    out.write(f["key"] + "\t" + json.dumps(event("resolved", resolved, at), ensure_ascii=False) + "\n")
