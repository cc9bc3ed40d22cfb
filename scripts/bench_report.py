#!/usr/bin/env python3
"""Writes the measured section of BENCHMARKS.md from scripts/bench.sh results.

    python3 scripts/bench_report.py RESULTS_DIR BENCHMARKS.md

Replaces everything between the `<!-- bench:begin -->` and `<!-- bench:end -->`
markers; the rest of the file (the profile, the analysis) is left alone.
Every number comes from the results directory: nothing is typed in.
"""

import glob
import json
import os
import re
import sys

BEGIN = "<!-- bench:begin -->"
END = "<!-- bench:end -->"
SIZES = {"10k": 10_000, "20k": 20_000, "40k": 40_000, "100k": 100_000, "1m": 1_000_000}
PROFILES = {"": "plain", "late.": "late"}
GROWTH = ["floor", "check-cold", "check", "plan", "audit", "weekly", "graph", "ics"]


def read(path, default=""):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return default


def load(results):
    runs = {}
    # In the order they were measured.
    for meta in sorted(glob.glob(os.path.join(results, "*.meta")), key=os.path.getmtime):
        rid = os.path.basename(meta)[: -len(".meta")]
        n, label, cmd = read(meta).rstrip("\n").split("\t")
        # GNU time writes "Command exited with non-zero status 1" first.
        lines = read(os.path.join(results, rid + ".probe")).strip().splitlines()
        probe = lines[-1].split() if lines else []
        entry = {"id": rid, "n": n, "label": label, "cmd": cmd, "timeout": probe == ["timeout"]}
        if probe == ["failed"]:
            entry["failed"] = read(os.path.join(results, rid + ".stderr")).strip().splitlines()[:1]
        if not entry["timeout"] and len(probe) == 4:  # wall, peak RSS (KB), user, system
            entry["probe"] = float(probe[0])
            entry["rss_mb"] = int(probe[1]) / 1024
            entry["cpu"] = float(probe[2]) + float(probe[3])
        hf = os.path.join(results, rid + ".json")
        if os.path.exists(hf):
            r = json.loads(read(hf))["results"][0]
            entry.update(mean=r["mean"], stddev=r.get("stddev"), runs=len(r["times"]))
            entry["cpu"] = r.get("user", 0) + r.get("system", 0)
        elif "probe" in entry:
            entry.update(mean=entry["probe"], stddev=None, runs=1)
        entry["load"] = read(os.path.join(results, rid + ".load")).strip()
        runs[rid] = entry
    return runs


def seconds(e):
    if e is None:
        return "not measured"
    if "failed" in e:
        return "failed: " + " ".join(e["failed"]).replace("|", "/")
    if e["timeout"]:
        return f"> {CAP:.0f} s (stopped)"
    if "mean" not in e:
        return "not measured"
    if e.get("stddev") is not None and e["runs"] > 1:
        return f"{e['mean']:.3f} s ± {e['stddev']:.3f}"
    return f"{e['mean']:.3f} s"


def value(e):
    """Mean seconds, or the cap as a lower bound (second item True)."""
    if e is None:
        return None, False
    if e["timeout"]:
        return CAP, True
    return e.get("mean"), False


def verdict(measured, goal, lower_bound=False):
    if measured is None:
        return "not measured"
    if measured <= goal and not lower_bound:
        return f"**met** ({measured / goal:.2f} of the target)"
    more = "more than " if lower_bound else ""
    return f"**missed** by {more}{measured / goal:.1f}×"


def targets(runs, sizes, big, pfx, profile):
    """The table of targets for one profile."""
    # This profile's rows, without their prefix.
    runs = {rid[len(pfx) :]: e for rid, e in runs.items() if rid.startswith(pfx) and "." not in rid[len(pfx) :]}
    floor = {s: value(runs.get(f"floor-{s}"))[0] for s in sizes}
    g = lambda name: runs.get(f"{name}-{big}")
    out = [f"### Against the targets: profile `{profile}` (N = {SIZES[big]:,})", ""]
    out += ["| target | goal | measured | status |", "|---|---|---|---|"]
    cold, lower = value(g("check-cold"))
    if cold is not None and floor.get(big):
        out.append(
            f"| cold `check`, working tree | ≤ 1.3 × floor ({1.3 * floor[big]:.2f} s) | "
            f"{cold:.3f} s = {cold / floor[big]:.2f} × floor | {verdict(cold, 1.3 * floor[big], lower)} |"
        )
    for name, what in [
        ("check-cold", "cold, `--no-cache`"),
        ("check-fill", "first run, filling the cache"),
        ("check", "warm"),
    ]:
        if g(name) and "rss_mb" in g(name):
            rss = g(name)["rss_mb"]
            out.append(f"| peak RSS of `check` ({what}) | ≤ 500 MB | {rss:.0f} MB | {verdict(rss, 500)} |")
    check, lower = value(g("check"))
    if check is not None:
        out.append(f"| warm `check`, unchanged | ≤ 0.35 s | {check:.3f} s | {verdict(check, 0.35, lower)} |")
    changed, lower = value(g("check-changed"))
    if changed is not None:
        out.append(f"| warm `check`, 20 changed files | ≤ 0.5 s | {changed:.3f} s | {verdict(changed, 0.5, lower)} |")
    rev, lower = value(g("rev"))
    rev_nh, _ = value(g("rev-nohist"))
    rev_cold, _ = value(g("rev-nohist-cold"))
    if rev is not None:
        extra = f" ({rev_nh:.3f} s with `--no-history`" if rev_nh is not None else " ("
        extra += f"; {rev_cold:.3f} s with `--no-history --no-cache`)" if rev_cold is not None else ")"
        out.append(f"| `check --rev HEAD` | ≤ 1.0 s | {seconds(g('rev'))}{extra} | {verdict(rev, 1.0, lower)} |")
    pr, lower = value(g("pr"))
    pr_nh, _ = value(g("pr-nohist"))
    if pr is not None:
        extra = f" ({pr_nh:.3f} s with `--no-history`)" if pr_nh is not None else ""
        out.append(f"| PR mode, 20 changed files | ≤ 1.0 s | {seconds(g('pr'))}{extra} | {verdict(pr, 1.0, lower)} |")
    for s in sizes:
        with_h, lower = value(runs.get(f"check-git-cold-{s}"))
        without, _ = value(runs.get(f"check-git-nohist-cold-{s}"))
        if with_h is not None and without is not None:
            hist = with_h - without
            bound = "more than " if lower else ""
            out.append(
                f"| history evidence, 10,000 commits, {SIZES[s]:,} items (no evidence cache) | ≤ 5 s | {bound}{hist:.2f} s "
                f"(`check --no-cache` {with_h:.2f} s − with `--no-history` {without:.2f} s) | {verdict(hist, 5.0, lower)} |"
            )
    per_item = {}
    for s in sizes:
        v, lower = value(runs.get(f"check-cold-{s}"))
        if v is not None and not lower:
            per_item[s] = v / SIZES[s] * 1e6
    if len(per_item) > 1:
        first = sizes[0]
        parts = ", ".join(f"{SIZES[s]:,}: {per_item[s]:.1f} µs/item" for s in per_item)
        worst = max(per_item[s] / per_item[first] for s in per_item)
        status = "**met**" if worst <= 1.25 else f"**missed**: {worst:.2f}× the cost per item of {SIZES[first]:,}"
        out.append(f"| cost linear in N (cold `check`, working tree) | per-item cost flat | {parts} | {status} |")
    out.append("")

    return out


def growth(runs):
    """Each command at 10k, 20k and 40k items per profile, and the exponent
    of its growth (1.0 = linear, 2.0 = quadratic)."""
    import math

    profiles = sorted({rid.split(".")[1] for rid in runs if rid.startswith("growth.")})
    if not profiles:
        return []
    out = [
        "### Growth: every command at 10k → 20k → 40k items",
        "",
        "The exponent is log2 of the ratio of two means (N → 2N): 1.0 is linear, 2.0 quadratic.",
        "Single runs of a few milliseconds have noise of ±0.2 in the exponent; a row above 1.3",
        "in both steps is a finding. The chain profile also runs at 100,000 (the last column).",
        "",
        "| profile | command | 10k | 20k | 40k | 100k | exponent 10k→20k | exponent 20k→40k |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for profile in profiles:
        for cmd in GROWTH:
            t = {n: value(runs.get(f"growth.{profile}.{cmd}-{n}")) for n in ("10k", "20k", "40k", "100k")}
            cells = []
            for n in ("10k", "20k", "40k", "100k"):
                v, lower = t[n]
                cells.append("" if v is None else f"{'> ' if lower else ''}{v:.3f} s")
            exps = []
            for a, b in (("10k", "20k"), ("20k", "40k")):
                (va, _), (vb, lb) = t[a], t[b]
                exps.append(f"{'> ' if lb else ''}{math.log2(vb / va):.2f}" if va and vb else "")
            out.append(f"| {profile} | {cmd} | " + " | ".join(cells) + " | " + " | ".join(exps) + " |")
    out.append("")
    return out


def main():
    global CAP
    results, target = sys.argv[1], sys.argv[2]
    machine = dict(
        line.split("=", 1) for line in read(os.path.join(results, "machine.txt")).splitlines() if "=" in line
    )
    CAP = float(machine.get("cap", "1200"))
    runs = load(results)
    sizes = [s for s in SIZES if f"floor-{s}" in runs]
    floor = {s: value(runs.get(f"floor-{s}"))[0] for s in sizes}

    out = [BEGIN, "", "<!-- Written by scripts/bench.sh (scripts/bench_report.py); do not edit by hand. -->", ""]
    out += [
        "### Machine and run",
        "",
        f"- date: {machine.get('date')}; baton commit `{machine.get('commit')}`",
        f"- CPU: {machine.get('cpu')}, {machine.get('cores')} cores; RAM {machine.get('ram_gb')} GB; "
        f"Linux {machine.get('kernel')}; {machine.get('rustc')}; {machine.get('hyperfine')}",
        f"- load average (1, 5, 15 min) at the start: {machine.get('load_start')}; at the end: "
        f"{machine.get('load_end')} — the machine is shared, so a load above 0 slows every row",
        "- OS page cache warm for every figure (it cannot be dropped here); \"cold\" = no baton cache",
        f"- a single run longer than a minute is reported as measured once; one longer than {CAP:.0f} s is stopped",
        "",
        "### Generated repositories",
        "",
        "| repository | items | commits | seconds to generate (examples/synth) |",
        "|---|---:|---:|---:|",
    ]
    for s in SIZES:
        for kind, commits in (("plain", 0), ("git", 10_000), ("late", 0), ("git-late", 10_000), ("chain", 0)):
            gen = os.path.join(results, f"gen-{kind}-{s}.txt")
            if os.path.exists(gen):
                out.append(f"| {kind}-{s} | {SIZES[s]:,} | {commits:,} | {read(gen).strip()} |")
    out += ["", "### Commands", ""]
    out += [
        "Wall-clock time is what the targets are about; CPU time (user + system, mean per run, from",
        "hyperfine) is less disturbed by other work on the machine. *Load* is the 1-minute load",
        "average when the row started: above 0, other processes competed for the 2 cores.",
        "",
        "| profile | N | command | wall (mean ± σ) | runs | × floor | CPU | CPU × floor | peak RSS | load |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for rid, e in runs.items():
        if rid.startswith("growth."):
            continue
        pfx = "late." if rid.startswith("late.") else ""
        v, lower = value(e)
        f = value(runs.get(f"{pfx}floor-{e['n']}"))[0]
        cf = runs.get(f"{pfx}floor-{e['n']}", {}).get("cpu")
        ratio = f"{'> ' if lower else ''}{v / f:.2f}" if v is not None and f else ""
        rss = f"{e['rss_mb']:.0f} MB" if "rss_mb" in e else ""
        cpu = f"{e['cpu']:.3f} s" if e.get("cpu") else ""
        cpu_ratio = f"{e['cpu'] / cf:.2f}" if e.get("cpu") and cf else ""
        out.append(
            f"| {PROFILES[pfx]} | {e['n']} | {e['label']} | {seconds(e)} | {e.get('runs', 1)} | {ratio} | {cpu} | {cpu_ratio} "
            f"| {rss} | {e.get('load', '')} |"
        )
    out += ["", "Exact command lines:", "", "```sh"]
    out += [f"{e['cmd'].strip()}" for rid, e in runs.items() if not rid.startswith("growth.")]
    out += ["```", ""]
    if os.path.exists(os.path.join(results, "no-plan.txt")):
        out += ["`baton plan` is not on this branch: not measured.", ""]
    if os.path.exists(os.path.join(results, "skip-1m.txt")):
        out += [read(os.path.join(results, "skip-1m.txt")).strip().lstrip("= "), ""]

    big = "100k" if "100k" in sizes else sizes[-1]
    for pfx, profile in PROFILES.items():
        if f"{pfx}floor-{big}" in runs:
            out += targets(runs, sizes, big, pfx, profile)
    out += growth(runs)

    for path in sorted(glob.glob(os.path.join(results, "phases-*.md"))):
        name = os.path.basename(path)[len("phases-") : -len(".md")]
        if name == "history":
            title = "`check` with history, 10,000 items, 10,000 commits (examples/phases --history)"
        elif name.startswith("warm-"):
            size = name.rsplit("-", 1)[-1]
            title = f"`check`, {SIZES.get(size, 0):,} items, working tree, parse cache warm (examples/phases --warm)"
        else:
            size = name.rsplit("-", 1)[-1]
            title = f"`check`, {SIZES.get(size, 0):,} items, working tree (examples/phases)"
        out += [f"### Phases: {title}", "", read(path).strip(), ""]
    out.append(END)
    section = "\n".join(out)

    text = read(target)
    if BEGIN in text and END in text:
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
