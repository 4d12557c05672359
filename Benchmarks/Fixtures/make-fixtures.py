#!/usr/bin/env python3
"""Writes ranking.json and ledger-entry.json: deterministic stand-ins for what wastesort serves.

ranking.json has the shape of SPEC §5 `GET /v1/rankings` (entries with rank, institution
{id, code, name, kind}, score, grade, components, inspections, previous_rank, change; unranked
with reason), compact JSON with raw UTF-8 as wastesort's JSONWriter writes it, about 50 KB.
It is generated, not captured: replace it with a capture from `/v1/rankings` once that route
exists (`curl -H "Authorization: Bearer $T" '.../v1/rankings?period=2026-H1' > ranking.json`).
"""
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_BYTES = 50_000

KINDS = ["party_government_organ", "public_institution", "social_organization", "state_enterprise", "other"]
DISTRICT = ["区", "市", "街道"]
BODIES = ["发展和改革委员会", "教育局", "科学技术局", "公安分局", "民政局", "司法局", "财政局",
          "人力资源和社会保障局", "自然资源局", "生态环境分局", "住房和城乡建设委员会", "交通委员会",
          "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局",
          "审计局", "市场监督管理局", "统计局", "医疗保障局", "城市管理委员会", "档案馆", "图书馆",
          "第一中学", "实验小学", "人民医院", "中医医院", "妇幼保健院", "疾病预防控制中心",
          "总工会", "妇女联合会", "共青团委员会", "科学技术协会", "供水集团有限公司", "公交集团有限公司"]
PLACES = ["东城", "西城", "南湖", "北苑", "朝阳", "海淀", "丰台", "石景", "通州", "顺义"]


def grade(score):
    return "excellent" if score >= 90 else "good" if score >= 80 else "pass" if score >= 60 else "fail"


def institution(rng, index):
    name = f"{rng.choice(PLACES)}{rng.choice(DISTRICT)}{rng.choice(BODIES)}"
    return {"id": 1000 + index, "code": f"11010{index:04d}{rng.randrange(10)}",
            "name": f"{name}（第{index}分部）" if index % 7 == 0 else name,
            "kind": KINDS[index % len(KINDS)]}


def entries(rng, count):
    rows = []
    for index in range(count):
        inspection = round(rng.uniform(45, 99), 1)
        ledger = rng.choice([100, 100, 91.67, 83.33, 75, 50])
        facility = round(rng.uniform(50, 100), 2)
        publicity = rng.choice([100, 50, 0])
        score = round(0.6 * inspection + 0.2 * ledger + 0.1 * facility + 0.1 * publicity, 2)
        rows.append({"institution": institution(rng, index), "score": score, "grade": grade(score),
                     "components": {"inspection": inspection, "ledger": ledger,
                                    "facility": facility, "publicity": publicity},
                     "inspections": rng.randint(1, 6)})
    rows.sort(key=lambda row: (-row["score"], row["institution"]["code"]))
    for position, row in enumerate(rows):
        tied = position > 0 and rows[position - 1]["score"] == row["score"]
        row["rank"] = rows[position - 1]["rank"] if tied else position + 1
    previous = list(range(1, count + 1))
    rng.shuffle(previous)
    ordered = []
    for row, before in zip(rows, previous):
        previous_rank = None if before % 11 == 0 else before
        ordered.append({"rank": row["rank"], "institution": row["institution"], "score": row["score"],
                        "grade": row["grade"], "components": row["components"],
                        "inspections": row["inspections"], "previous_rank": previous_rank,
                        "change": None if previous_rank is None else previous_rank - row["rank"]})
    return ordered


def ranking(count):
    rng = random.Random(20260601)
    unranked = [{"institution": institution(rng, 9000 + i), "reason": "no counted inspection in the period"}
                for i in range(3)]
    return {"period": "2026-H1", "scheme_version": 1, "generated_at": "2026-07-01T08:00:00Z",
            "entries": entries(rng, count), "unranked": unranked}


def compact(document):
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def ledger_entry():
    note = ("本月厨余垃圾经食堂后厨分拣后由区环卫所收运车辆统一运往餐厨垃圾处理厂，称重单据已存档；"
            "可回收物（纸类、塑料瓶、金属罐）由再生资源回收企业上门回收，有害垃圾（废电池、废灯管、过期药品）"
            "暂存于一楼有害垃圾贮存间并按季度交由有资质单位处置。分类指导员每日两次巡查投放点，"
            "发现混投情况已现场纠正并登记。本批次称重由收运车辆车载地磅完成，"
            "司机与单位管理员双方签字确认，磅单编号与联单编号一致，数据已同步录入区生活垃圾分类监管平台。")
    return {"occurred_on": "2026-06-15", "category": "food", "subcategory": "canteen",
            "weight_kg": 236.5, "weighed": True, "stage": "collected",
            "hauler": "区环境卫生管理所第三清运队", "destination": "区餐厨垃圾资源化处理中心",
            "disposal": "composted", "manifest_no": "LZ-2026-06-015872", "note": note}


def main():
    count = 10
    while len(compact(ranking(count + 1))) <= TARGET_BYTES:
        count += 1
    (HERE / "ranking.json").write_bytes(compact(ranking(count)))
    (HERE / "ledger-entry.json").write_bytes(compact(ledger_entry()))
    for name in ("ranking.json", "ledger-entry.json"):
        print(f"{name}: {(HERE / name).stat().st_size} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
