#!/usr/bin/env bash
# The long fuzz run: builds CASES generated pages (default 100,000) through the real build, the
# same property tests/StaticSite.Tests/Fuzz/BuildFuzzTests.cs runs a few hundred times in every
# `dotnet test`. Each case must end in success or in failure with diagnostics, never an exception.
# A crash stops the run and prints the page FsCheck shrank it to, with the seed to replay it:
#   STATICSITE_FUZZ_SEED="SEED,GAMMA" bench/fuzz.sh   (the two numbers FsCheck prints)
# Usage: bench/fuzz.sh [CASES=100000]
set -uo pipefail
cases=${1:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "Fuzzing $cases pages; $(nproc) cores"
start=$(date +%s)
STATICSITE_FUZZ_CASES=$cases dotnet test "$root/tests/StaticSite.Tests" -c Release \
  --filter "FullyQualifiedName~StaticSite.Tests.Fuzz.BuildFuzzTests" \
  --logger "console;verbosity=detailed" >"$log" 2>&1
status=$?
end=$(date +%s)

if [ "$status" -eq 0 ]; then
  grep -o 'fuzz: .*' "$log"
  echo "crashes: 0; $((end - start)) s in all (with compiling)"
else
  # FsCheck's report: the first failing page, the page it shrank to, and the exception.
  sed -n '/Falsifiable\|Error Message/,/Stack Trace/p' "$log"
  echo "crashes: 1 (the run stops at the first); $((end - start)) s in all"
fi
exit "$status"
