#!/usr/bin/python3
# SPDX-License-Identifier: MPL-2.0
"""Benchmark (not a test) of carto-ia generate on 1 000 and 50 000 posts: LibreOffice start-up,
generation (template → pivots and charts) and saving (as carto-ia reports them), and peak
memory of soffice. Baseline in the same run: LibreOffice's own CSV → ODS conversion of the same
file, start-up included (a fresh soffice per conversion), i.e. what merely reading and saving the
table costs; compared with carto-ia's start-up + generation + saving."""
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")
CLI = os.path.join(BUILD, "src", "cli", "carto-ia")
OXT = os.path.join(BUILD, "carto-ia-metiers.oxt")
SAMPLE = os.path.join(ROOT, "samples", "commune-temoin", "tableau-des-effectifs.csv")


def staff_table(path, n):
    with open(SAMPLE, encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header, data = rows[0], rows[1:]
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(header)
        for i in range(n):
            r = list(data[i % len(data)])
            r[0] = f"P{i + 1:05d}"
            w.writerow(r)


def convert_time(tmp, src, profile):
    t0 = time.time()
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "ods",
                    "--infilter=CSV:59,34,76,1", "--outdir", tmp, src], check=True, capture_output=True)
    return time.time() - t0


def main():
    tmp = tempfile.mkdtemp(prefix="cartoia-bench-")
    try:
        profile = os.path.join(tmp, "profile")
        conv_profile = os.path.join(tmp, "conv")
        tiny = os.path.join(tmp, "tiny.csv")
        staff_table(tiny, 1)
        convert_time(tmp, tiny, conv_profile)            # creates the profile
        # warm the CLI profile (extension install)
        subprocess.run([CLI, "generate", tiny, "-o", os.path.join(tmp, "w.ods"), "--oxt", OXT, "--profile", profile,
                        "--force"], check=True, capture_output=True)
        print("| posts | LO start-up (s) | generation (s) | saving .ods (s) | peak soffice RSS (MB) | "
              "baseline CSV→ODS (s) | carto-ia / baseline |")
        print("|---|---|---|---|---|---|---|")
        for n in [int(x) for x in os.environ.get("SIZES", "1000,50000").split(",")]:
            src = os.path.join(tmp, f"staff{n}.csv")
            staff_table(src, n)
            baseline = convert_time(tmp, src, conv_profile)
            proc = subprocess.run(["/usr/bin/time", "-f", "%M", CLI, "generate", src, "-o",
                                   os.path.join(tmp, f"out{n}.ods"), "--oxt", OXT, "--profile", profile, "--force"],
                                  check=True, capture_output=True, text=True)
            peak_kb = int(proc.stderr.strip().splitlines()[-1])
            m = re.search(r"démarrage de LibreOffice ([\d.]+) s, génération ([\d.]+) s, enregistrement ([\d.]+) s",
                          proc.stdout)
            start_s, gen_s, save_s = float(m.group(1)), float(m.group(2)), float(m.group(3))
            total_s = gen_s + save_s
            print(f"| {n} | {start_s:.1f} | {gen_s:.2f} | {save_s:.2f} | {peak_kb / 1024:.0f} | {baseline:.2f} | "
                  f"{(start_s + total_s) / baseline:.1f} |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
