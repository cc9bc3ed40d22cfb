#!/usr/bin/env python3
"""Adversarial repository shapes for scripts/bench-shapes.sh: SHAPE N OUT.

fanout: every task depends on one late task; fanin: one task depends on all
others; oneowner: one person and one department own everything, all late;
manyfindings: one meeting with N action items lacking owner and due."""
import os, sys, shutil
shape, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)
open(f"{out}/baton.toml","w").write('[project]\nname="s"\ntimezone="Asia/Shanghai"\ncalendar="cn"\nstart=2026-09-01\n')
people = "".join(f'[[person]]\nid="p{i}"\ndepartment="d{i%10}"\nmanager="h{i%10}"\n\n' for i in range(100))
depts = "".join(f'[[department]]\nid="d{i}"\nhead="h{i}"\n\n[[person]]\nid="h{i}"\ndepartment="d{i}"\n\n' for i in range(10))
open(f"{out}/org.toml","w").write(depts+people)
def task(i, extra, owner=None, lead=None):
    d = f"{out}/tasks/b{i//1000:03d}"
    os.makedirs(d, exist_ok=True)
    owner = owner or f"p{i%100}"
    lead = lead or f"d{i%10}"
    open(f"{d}/T-{i:06d}.toml","w").write(f'title="t{i}"\nowner="{owner}"\nlead="{lead}"\ndue=2026-10-30\neffort="2wd"\ndeliverable="x"\nacceptance="y"\n{extra}')
if shape == "fanout":   # everyone depends on T-000000 (which is late)
    task(0, 'start=2026-09-01\nstatus="in_progress"\n')
    for i in range(1, n): task(i, 'depends_on=["T-000000"]\n')
elif shape == "fanin":  # T-n depends on every other task
    for i in range(n-1): task(i, 'start=2026-09-01\n')
    deps = ",".join(f'"T-{i:06d}"' for i in range(n-1))
    task(n-1, f'depends_on=[{deps}]\n')
elif shape == "oneowner":  # one person owns and one department leads everything, all overdue
    for i in range(n): task(i, 'start=2026-09-01\nstatus="in_progress"\n', owner="p1", lead="d1")
elif shape == "manyfindings":  # one meeting with n action items without owner or due
    os.makedirs(f"{out}/meetings")
    acts = "".join(f'[[minutes.action]]\ntitle="a{i}"\n\n' for i in range(n))
    open(f"{out}/meetings/MTG-1.toml","w").write(f'title="m"\norganizer="p1"\nstart=2026-09-07T10:00:00+08:00\nend=2026-09-07T11:00:00+08:00\nnotice_at=2026-09-01T10:00:00+08:00\n\n[minutes]\npublished_at=2026-09-07T12:00:00+08:00\n\n{acts}')
