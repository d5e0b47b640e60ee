#!/usr/bin/env python3
"""XLSForm import against pyxform, on the same generated workbooks in the same run.

Generates two-language forms of 500 and 10,000 questions (every third with a relevance
condition, every fifth a choice list, the rest yes/no or whole numbers with a range), then runs
each several times:
  - `fieldscreen protocol import` (read, translate, write, and the full `protocol check`);
  - pyxform's `xls2xform` (read and convert to XForm XML; no ODK Validate).
Prints the median wall time and the peak resident memory of each process, and the ratio.
Usage: scripts/bench-xlsform.py [FIELDSCREEN_BINARY]  (default: target/release/fieldscreen)
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

import openpyxl

RUNS = 5


def write_form(path, questions):
    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(["type", "name", "label::English (en)", "label::Français (fr)", "relevant", "constraint"])
    for i in range(questions):
        if i % 5 == 0:
            kind, constraint = "select_one options", ""
        elif i % 2 == 0:
            kind, constraint = "select_one yes_no", ""
        else:
            kind, constraint = "integer", ". >= 0 and . <= 100"
        relevant = ""
        if i % 3 == 2:
            relevant = f"${{q{i - 1}}} > 3" if (i - 1) % 2 == 1 and (i - 1) % 5 != 0 else f"${{q{i - 1}}} != ''"
        survey.append([kind, f"q{i}", f"Question {i}?", f"Question {i} ?", relevant, constraint])
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", "label::English (en)", "label::Français (fr)"])
    for row in [("yes_no", "yes", "Yes", "Oui"), ("yes_no", "no", "No", "Non")]:
        choices.append(list(row))
    for c in range(6):
        choices.append(["options", f"o{c}", f"Option {c}", f"Option {c} fr"])
    settings = book.create_sheet("settings")
    settings.append(["form_id", "form_title", "default_language"])
    settings.append([f"bench_{questions}", "Benchmark", "English (en)"])
    book.save(path)


def run(cmd):
    """Wall seconds and peak resident memory (MiB) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd[0]} failed: {err[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/fieldscreen"
    if not os.path.exists(binary):
        sys.exit(f"{binary} is missing: cargo build --release --locked -p fieldscreen-cli")
    print(f"{'form':>16} {'tool':>12} {'median s':>9} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for questions in (500, 10_000):
            form = os.path.join(tmp, f"bench_{questions}.xlsx")
            write_form(form, questions)
            results = {}
            for tool in ("fieldscreen", "pyxform"):
                times, peak = [], 0.0
                for n in range(RUNS):
                    if tool == "fieldscreen":
                        out = os.path.join(tmp, f"{tool}-{questions}-{n}", f"bench-{questions}")
                        cmd = [binary, "protocol", "import", form, "--output", out]
                    else:
                        cmd = [sys.executable, "-m", "pyxform.xls2xform", form, os.path.join(tmp, f"{n}.xml")]
                    t, m = run(cmd)
                    times.append(t)
                    peak = max(peak, m)
                results[tool] = statistics.median(times)
                print(f"{questions:>7} questions {tool:>12} {results[tool]:9.3f} {peak:9.1f}")
            print(f"{questions:>7} questions: FieldScreen is {results['pyxform'] / results['fieldscreen']:.1f}x faster")


if __name__ == "__main__":
    main()
