#!/usr/bin/env python3
"""Sums the counters of every TRX file under a folder and prints 'N passed, N failed[, N skipped]'."""
import glob
import os
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
folder = sys.argv[1]
files = glob.glob(os.path.join(folder, "**", "*.trx"), recursive=True)
if not files:
    print("no TRX test results found under " + folder, file=sys.stderr)
    sys.exit(2)
passed = failed = skipped = 0
for path in files:
    counters = ET.parse(path).getroot().find(f"{NS}ResultSummary/{NS}Counters")
    if counters is None:
        print("TRX file without counters: " + path, file=sys.stderr)
        sys.exit(2)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
