#!/usr/bin/env python3
"""Reads what src/bench/run.sh measured under target/bench and writes results.json and results.md: each figure
with its floor, the ratio of the two, and the goal of the figure where the project has one."""
import datetime
import json
import os
import platform
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "target/bench"
figures = []


def jmh(path):
    """Each benchmark method's result in a JMH JSON result file: its score and its secondary metrics."""
    with open(path) as f:
        return {r["benchmark"].rsplit(".", 1)[1]: r for r in json.load(f)}


def allocation(result):
    """Bytes allocated per operation (-prof gc), or None when the run had no GC profiler."""
    metric = result.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    return metric["score"] if metric else None


for threads in (1, 2):
    path = os.path.join(out, f"engine-t{threads}.json")
    if not os.path.exists(path):
        continue
    results = jmh(path)
    floor = results["plainJavaFloor"]["primaryMetric"]["score"]
    for method, name, goal in (("onePerSession", "preview path (one household a session)",
                                "≥ 1/10 of plain Java on 2 threads"),
                               ("batchedSessions", "bulk path (sessions of 200)",
                                "≥ 1/4 of plain Java on 2 threads")):
        score = results[method]["primaryMetric"]["score"]
        figures.append({
            "part": "engine", "figure": f"{name}, {threads} thread(s)", "unit": "households/s",
            "value": round(score), "floor": round(floor),
            "floorIs": "the same 24 measures in plain Java, same threads",
            "ratio": round(score / floor, 4), "goal": goal if threads == 2 else None,
        })
        allocated, floor_allocated = allocation(results[method]), allocation(results["plainJavaFloor"])
        if threads == 2 and allocated is not None:
            figures.append({
                "part": "engine", "figure": f"{name}: allocated per household (JMH -prof gc)", "unit": "bytes",
                "value": round(allocated), "floor": round(floor_allocated),
                "floorIs": "plain Java, per household",
                "ratio": round(allocated / floor_allocated, 1),
                "goal": "half of 77,712 B (2026-12-02) or less" if method == "onePerSession" else None,
            })

figures_file = os.path.join(out, "figures.ndjson")
if os.path.exists(figures_file):
    with open(figures_file) as f:
        for line in f:
            if line.strip():
                fig = json.loads(line)
                value, floor = fig["value"], fig["floor"]
                fig["value"] = round(value) if value >= 100 else value
                fig["ratio"] = round(value / floor, 4) if floor else None
                if floor is not None:
                    fig["floor"] = round(floor) if floor >= 100 else floor
                figures.append(fig)

machine = {"cpus": os.cpu_count(), "system": platform.platform(), "python": platform.python_version()}
result = {"date": datetime.date.today().isoformat(), "machine": machine, "figures": figures}
with open(os.path.join(out, "results.json"), "w") as f:
    json.dump(result, f, ensure_ascii=False, indent=2)

lines = [f"# Benchmark results, {result['date']}, {machine['cpus']} CPUs ({machine['system']})", "",
         "The ratio is the figure divided by its floor: for a rate, the share of the floor reached; for a time, how many "
         "times the floor it takes.", "",
         "| part | figure | value | floor | ratio | goal |", "|---|---|---|---|---|---|"]
for fig in figures:
    floor = "" if fig["floor"] is None else f"{fig['floor']:,} ({fig['floorIs']})"
    ratio = "" if fig["ratio"] is None else fig["ratio"]
    lines.append(f"| {fig['part']} | {fig['figure']} | {fig['value']:,} {fig['unit']} | {floor} | {ratio} "
                 f"| {fig['goal'] or ''} |")
with open(os.path.join(out, "results.md"), "w") as f:
    f.write("\n".join(lines) + "\n")

# What profiles showed and what was fixed: measured once, kept beside the figures (src/bench/profiles.md).
profiles = os.path.join(os.path.dirname(os.path.abspath(__file__)), "profiles.md")
if os.path.exists(profiles):
    with open(os.path.join(out, "results.md"), "a") as f, open(profiles) as notes:
        f.write("\n" + notes.read())
