#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""Benchmark (not a test) of a generated workbook's weight at 1 000, 10 000 and 50 000 posts.

For each size, in the same run:
- LibreOffice's own CSV → ODS conversion of the staff table (the baseline: reading and saving it);
- carto-ia generate (live workbook) and carto-ia generate --figer (every formula replaced by its
  value): generation and saving times as carto-ia reports them, and soffice's peak memory;
- both workbooks opened in a fresh office, fully recalculated (calculateAll) and saved again, RUNS
  times each (median).
It prints the times and the ratios live / frozen and generation / baseline.

    SIZES=1000,10000,50000 RUNS=3 bench/bench_workbook.py"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import uno

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
sys.path.insert(0, HERE)
from lo_harness import Office, make_profile, prop  # noqa: E402

from bench_generate import CLI, OXT, convert_time, staff_table  # noqa: E402  (same staff tables, same baseline)


def _parents():
    parents = {}
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/stat") as f:
                    parents[int(pid)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    return parents


def tree_peak_mb(root):
    """Largest VmHWM (peak resident memory) among a process and its live descendants."""
    parents = _parents()
    peak = 0
    for pid in parents:
        p = pid
        while p not in (0, 1, root) and p in parents:
            p = parents[p]
        if p != root:
            continue
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        peak = max(peak, int(line.split()[1]))
        except OSError:
            continue
    return peak / 1024


class PeakWatcher:
    """Samples the peak memory of a process tree until stopped (soffice started by carto-ia)."""

    def __init__(self, root):
        self.root, self.peak, self._stop = root, 0.0, threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_peak_mb(self.root))
            time.sleep(0.2)

    def stop(self):
        self._stop.set()
        self._t.join()
        return self.peak


def generate(src, out, profile, *extra):
    proc = subprocess.Popen([CLI, "generate", src, "-o", out, "--oxt", OXT, "--profile", profile, "--force", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watcher = PeakWatcher(proc.pid)
    stdout, stderr = proc.communicate()
    peak = watcher.stop()
    if proc.returncode != 0:
        raise RuntimeError(stdout + stderr)
    m = re.search(r"génération ([\d.]+) s, enregistrement ([\d.]+) s", stdout)
    return float(m.group(1)), float(m.group(2)), peak


RUNS = int(os.environ.get("RUNS", "3"))


def open_recalc_save(profile, path):
    """Median (open, recalculation, save) seconds over RUNS fresh offices, and the largest peak memory:
    on a shared machine one run can be 30 % off."""
    runs = [_open_recalc_save(profile, path) for _ in range(RUNS)]
    median = [sorted(r[i] for r in runs)[len(runs) // 2] for i in range(3)]
    return (*median, max(r[3] for r in runs))


def _open_recalc_save(profile, path):
    with Office(template=profile) as office:
        t0 = time.perf_counter()
        doc = office.load(path)
        t_open = time.perf_counter() - t0
        t0 = time.perf_counter()
        doc.calculateAll()
        t_calc = time.perf_counter() - t0
        t0 = time.perf_counter()
        doc.storeToURL(uno.systemPathToFileUrl(path + ".resaved.ods"), (prop("FilterName", "calc8"),))
        t_save = time.perf_counter() - t0
        doc.close(True)
        peak = tree_peak_mb(office.proc.pid)
    os.remove(path + ".resaved.ods")
    return t_open, t_calc, t_save, peak


def main():
    tmp = tempfile.mkdtemp(prefix="cartoia-bench-wb-")
    try:
        cli_profile = os.path.join(tmp, "cli")
        conv_profile = os.path.join(tmp, "conv")
        office_profile = make_profile(OXT, os.path.join(tmp, "office"))
        tiny = os.path.join(tmp, "tiny.csv")
        staff_table(tiny, 1)
        convert_time(tmp, tiny, conv_profile)
        generate(tiny, os.path.join(tmp, "tiny.ods"), cli_profile)  # installs the extension
        print("| posts | CSV→ODS (s) | generation (s) | save (s) | (gen.+save) / CSV→ODS | peak gen. (MB) | "
              "open live / frozen (s) | recalc live / frozen (s) | save live / frozen (s) | open ratio | save ratio | "
              "peak open live (MB) |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for n in [int(x) for x in os.environ.get("SIZES", "1000,10000,50000").split(",")]:
            src = os.path.join(tmp, f"staff{n}.csv")
            staff_table(src, n)
            baseline = convert_time(tmp, src, conv_profile)
            live, frozen = os.path.join(tmp, f"live{n}.ods"), os.path.join(tmp, f"frozen{n}.ods")
            gen_s, save_s, peak_gen = generate(src, live, cli_profile)
            generate(src, frozen, cli_profile, "--figer")
            fo, fc, fs, _ = open_recalc_save(office_profile, frozen)
            lo, lc, ls, peak_open = open_recalc_save(office_profile, live)
            print(f"| {n} | {baseline:.2f} | {gen_s:.2f} | {save_s:.2f} | {(gen_s + save_s) / baseline:.1f} | "
                  f"{peak_gen:.0f} | {lo:.2f} / {fo:.2f} | {lc:.2f} / {fc:.2f} | {ls:.2f} / {fs:.2f} | "
                  f"{lo / fo:.2f} | {ls / fs:.2f} | {peak_open:.0f} |", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
