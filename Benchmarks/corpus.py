#!/usr/bin/env python3
"""Writes a benchmark content folder of N plans shaped like the seed plans, deterministically from a seed.

Each plan has four sections (总体要求, 发展目标, 重点任务, 保障措施) of seed-sized Chinese Markdown — paragraphs
drawn from the real plans in Content/ — about twenty indicators with a base year, targets, yearly reported
values and a breakdown, numbered tasks with responsibility notes and 专栏 boxes. The figures are generated
for timing the generator only: the folder says so in site.yaml and in every plan's sources, and it is never
published.
"""
import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def paragraphs():
    """Paragraphs of the real plans' text, without headings, boxes or placed tables."""
    pool = []
    for path in sorted((ROOT / "Content" / "plans").glob("*/*.md")):
        body = path.read_text(encoding="utf-8").split("---", 2)[-1]
        for block in body.split("\n\n"):
            block = block.strip()
            if len(block) < 60 or block.startswith(("#", ">", "[!", "|")):
                continue
            pool.append(re.sub(r"\*\*", "", block))
    return pool


NAMES = ["科技型企业", "高新技术企业", "研发经费投入", "技术合同成交额", "孵化载体面积", "新型研发机构", "重点实验室",
         "科技服务业营业收入", "规上科技服务机构", "技术经理人", "专精特新企业", "发明专利拥有量", "科技金融服务机构",
         "众创空间", "中试熟化平台", "国际科技合作平台", "科普基地", "检验检测机构", "知识产权服务机构", "创新联合体"]
UNITS = ["家", "家", "亿元", "亿元", "万平方米", "个", "个", "亿元", "家", "人", "家", "件", "家", "个", "个", "个", "个", "家", "家", "个"]
REGIONS = ["中心城区", "主城新区", "“两群”地区"]
DEPARTMENTS = ["市科技局", "市发展改革委", "市经济信息委", "市教委", "市财政局", "市人力社保局", "市国资委", "市市场监管局", "市知识产权局", "市大数据发展局"]


def take(rng, pool, size):
    """Paragraphs from the pool until about `size` characters."""
    out, total = [], 0
    while total < size:
        p = rng.choice(pool)
        out.append(p)
        total += len(p)
    return out


def figure(rng, lo, hi, decimals):
    value = rng.uniform(lo, hi)
    return f"{value:.{decimals}f}" if decimals else str(int(value))


def plan(rng, pool, index, folder):
    slug = f"plan-{index:05d}"
    d = folder / "plans" / slug
    d.mkdir(parents=True, exist_ok=True)
    start = 2021 + index % 4
    end = start + 2
    (d / "plan.yaml").write_text(f"""title: 基准测试规划第{index}号（{start}—{end}年）
short_title: 基准测试规划{index}
type: 三年行动计划
region: 基准测试地区{index % 40}
issuer: 基准测试机关
document_number: 测〔{start}〕{index}号
issued: {start}-03-{1 + index % 28:02d}
period: {{ start: {start}, end: {end} }}
order: {index}
sources:
  - title: 基准测试语料（生成）
    note: 由 Benchmarks/corpus.py 生成，文字取自真实规划的段落，数字为随机生成，仅用于测量生成速度，不得发布。
""", encoding="utf-8")

    def section(name, kind, title, number, order, body):
        (d / f"{name}.md").write_text(f"---\nkind: {kind}\ntitle: {title}\nnumber: {number}\norder: {order}\n---\n\n{body}\n", encoding="utf-8")

    section("overview", "overview", "总体要求", "一、", 1, "\n\n".join(take(rng, pool, 1800)))

    indicators, sentences = [], []
    for k in range(20):
        name, unit = NAMES[k], UNITS[k]
        decimals = 1 if unit in ("亿元", "万平方米") else 0
        base = figure(rng, 10, 900, decimals)
        target = figure(rng, float(base) * 1.1 + 1, float(base) * 2 + 2, decimals)
        quote = f"{name}达{target}{unit}以上"
        sentences.append(quote)
        reported = []
        for year in range(start, end):
            value = float(base) + (float(target) - float(base)) * (year - start + 1) / (end - start + 1) * rng.uniform(0.6, 1.2)
            reported.append(f"      - {{ year: {year}, value: {value:.{decimals}f}, source: 基准测试语料（生成） }}")
        indicators.append(f"""  - id: ind-{k:02d}
    name: {name}
    unit: {unit}
    section: goals
    table: main
    attribute: 预期性
    baseline: {{ year: {start - 1}, value: {base} }}
    targets:
      - {{ year: {end}, value: {target}, comparator: 以上, quote: {quote} }}
    reported:
""" + "\n".join(reported))
    parts = []
    for r, region in enumerate(REGIONS):
        value = figure(rng, 100, 5000, 0)
        quote = f"{region}{NAMES[0]}达{value}家"
        sentences.append(quote)
        parts.append(f"""  - id: ind-00-{r}
    name: {region}{NAMES[0]}
    unit: 家
    section: goals
    table: regions
    part_of: {{ indicator: ind-00, by: 区域, name: {region} }}
    targets:
      - {{ year: {end}, value: {value}, comparator: 达, quote: {quote} }}""")
    (d / "indicators.yaml").write_text("tables:\n  - id: main\n    title: 主要指标\n  - id: regions\n    title: 分区域目标\nindicators:\n"
                                       + "\n".join(indicators + parts) + "\n", encoding="utf-8")
    goals = [f"到{end}年，" + "，".join(sentences[:10]) + "。", "，".join(sentences[10:]) + "。"]
    goals += take(rng, pool, 1500)
    goals.append("[!指标表] main")
    section("goals", "goals", "发展目标", "二、", 2, "\n\n".join(goals))

    tasks = []
    number = 1
    for group in range(4):
        tasks.append(f"## （{'一二三四'[group]}）重点任务第{group + 1}组")
        for _ in range(4):
            lead, rest = rng.choice(NAMES), " ".join(take(rng, pool, 600))
            lead_dept, other = rng.sample(DEPARTMENTS, 2)
            tasks.append(f"**{number}.{lead}提升行动**。{rest}（牵头单位：{lead_dept}；责任单位：{other}等）")
            number += 1
        box = "\n>\n".join(f"> {i + 1}.{p[:220]}" for i, p in enumerate(take(rng, pool, 600)[:4]))
        tasks.append(f"> [!专栏] 专栏{group + 1} 重点专项\n>\n{box}")
    section("tasks", "tasks", "重点任务", "三、", 3, "\n\n".join(tasks))
    section("safeguards", "safeguards", "保障措施", "四、", 4, "\n\n".join(
        f"**（{'一二三四五'[i]}）保障措施{i + 1}**。{p}" for i, p in enumerate(take(rng, pool, 2500)[:5])))


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: corpus.py N DIR [SEED]")
    n, folder = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20231122
    rng = random.Random(seed)
    pool = paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "site.yaml").write_text("title: 基准测试语料\norganisation: bulletin 基准测试\n"
                                      "description: 由 Benchmarks/corpus.py 生成的测试内容，数字为随机生成，仅用于测量生成速度。\n", encoding="utf-8")
    for i in range(1, n + 1):
        plan(rng, pool, i, folder)


if __name__ == "__main__":
    main()
