#!/usr/bin/env python3
"""Writes ledger-entry.json: the ~1 KB body of the POST row, one entry as
`POST /v1/institutions/{id}/ledger-entries` accepts it (SPEC §5; every optional member present).

The date is a fixed past day: the runner posts into a database of its own where no ledger report
is ever submitted, so that month never freezes and every request creates an entry. The other
fixtures (ranking.json, institution.json, ledger-page.json) are captured from wastesort by
capture.py, not written here.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def compact(document):
    """Compact JSON with raw UTF-8, as a client script would send it."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def ledger_entry():
    note = ("本月厨余垃圾经食堂后厨分拣后由区环卫所收运车辆统一运往餐厨垃圾处理厂，称重单据已存档；"
            "可回收物（纸类、塑料瓶、金属罐）由再生资源回收企业上门回收，有害垃圾（废电池、废灯管、过期药品）"
            "暂存于一楼有害垃圾贮存间并按季度交由有资质单位处置。分类指导员每日两次巡查投放点，"
            "发现混投情况已现场纠正并登记。本批次称重由收运车辆车载地磅完成，"
            "司机与单位管理员双方签字确认，磅单编号与联单编号一致，数据已同步录入区生活垃圾分类监管平台。")
    return {"occurred_on": "2026-06-15", "category": "food", "subcategory": "restaurant_food",
            "weight_kg": 236.5, "weighed": True, "stage": "collected",
            "hauler": "区环境卫生管理所第三清运队", "destination": "区餐厨垃圾资源化处理中心",
            "disposal": "composted", "manifest_no": "LZ-2026-06-015872", "note": note}


def main():
    (HERE / "ledger-entry.json").write_bytes(compact(ledger_entry()))
    print(f"ledger-entry.json: {(HERE / 'ledger-entry.json').stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
