#!/usr/bin/env bash
# Checks the packed Usm.Model package: README, XML docs and both target frameworks in the .nupkg, and a .snupkg beside it.
set -euo pipefail
dir="$1"
nupkg=$(ls "$dir"/Usm.Model.*.nupkg | grep -v '\.symbols\.' | head -n 1)
snupkg=$(ls "$dir"/Usm.Model.*.snupkg | head -n 1)
[ -f "$nupkg" ] && [ -f "$snupkg" ] || { echo "missing .nupkg or .snupkg in $dir" >&2; exit 1; }
listing=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$nupkg")
for want in PACKAGE.md lib/net8.0/Usm.Model.dll lib/net8.0/Usm.Model.xml lib/net10.0/Usm.Model.dll lib/net10.0/Usm.Model.xml; do
  grep -qx "$want" <<<"$listing" || { echo "package $nupkg lacks $want" >&2; exit 1; }
done
echo "package ok: $(basename "$nupkg") + $(basename "$snupkg")"
