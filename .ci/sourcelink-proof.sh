#!/usr/bin/env bash
# Proves that, once the repository has a GitHub 'origin' remote, the packed PDB carries a SourceLink map.
# Our repository has no remote yet, so this clones HEAD into a temporary folder, adds one there, packs, and reads the
# PDB inside the .snupkg.
set -euo pipefail
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone -q --no-hardlinks "$root" "$tmp/repo"
cd "$tmp/repo"
git remote remove origin
git remote add origin https://github.com/usm-model/Usm.Model.git
dotnet pack src/Usm.Model/Usm.Model.csproj -c Release -o "$tmp/out" -p:CI=true > "$tmp/pack.log" 2>&1 || { cat "$tmp/pack.log"; exit 1; }
dotnet run --project "$root/.ci/PdbSourceLink" -c Release -- "$tmp/out" https://raw.githubusercontent.com/usm-model/Usm.Model/
