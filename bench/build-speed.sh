#!/usr/bin/env bash
# Benchmark: how long a Release build of a large site takes, stage by stage.
# Makes a synthetic site of the real library plus N copies of the soleus article (the longest
# page), builds it RUNS times, and prints each run's stage timings and the median total.
# Usage: bench/build-speed.sh [N=1000] [RUNS=5]
set -euo pipefail
n=${1:-1000}
runs=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release "$root/src/StaticSite" -o "$work/bin" >/dev/null
mkdir -p "$work/site"
cp -r "$root/input" "$root/theme" "$work/site/"
for i in $(seq 1 "$n"); do
  sed -e "s/^title: .*/title: Synthetic article $i/" -e '/^aliases:/d' \
    "$root/input/leg-and-knee/soleus-pain-when-running.md" > "$work/site/input/leg-and-knee/synthetic-$i.md"
done
pages=$(find "$work/site/input" -name '*.md' | wc -l)
echo "Site: $pages pages; $(nproc) cores; $runs runs"

totals=()
for run in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  out=$("$work/bin/StaticSite" build --root "$work/site" --timings --today 2026-11-23)
  end=$(date +%s%N)
  wall=$(( (end - start) / 1000000 ))
  totals+=("$wall")
  echo "run $run: ${wall} ms wall clock"
  echo "$out" | grep -E '^  (start-up|config|theme|read|process|readability|resolve|render|publish|check|write|report|total) ' | sed 's/^/    /'
done
median=$(printf '%s\n' "${totals[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median: ${median} ms for $pages pages ($(( pages * 1000 / (median > 0 ? median : 1) )) pages/s)"
