#!/usr/bin/env bash
# preview-latency.sh [SITE_DIR] [PAGE_MD] [SAVES] -- how long an author waits in `serve`: from
# writing an article's file to the server answering with the new page. Median and max of SAVES
# saves (default 10). Each save appends one sentence to PAGE_MD; the file is put back at the end.
#
#   bash bench/preview-latency.sh                                   # this project's own site
#   bash bench/preview-latency.sh /tmp/ssg-compare/N1000/staticsite input/fitness/page-00001.md
#
# The generator is published once (ReadyToRun, as hosts run it) into $OUT (default /tmp/ssg-preview).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SITE=$(cd "${1:-$ROOT}" && pwd)
PAGE=${2:-input/leg-and-knee/calf-strain.md}
SAVES=${3:-10}
OUT=${OUT:-/tmp/ssg-preview}
PORT=${PORT:-8093}
command -v python3 >/dev/null || { echo "needs python3" >&2; exit 2; }

dotnet publish -c Release "$ROOT/src/StaticSite" -o "$OUT" --nologo -v quiet >/dev/null
cp "$SITE/$PAGE" "$OUT/page.backup"
log=$(mktemp)
(cd "$SITE" && exec dotnet "$OUT/StaticSite.dll" serve --port "$PORT" --today 2016-01-01 >"$log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; cp "$OUT/page.backup" "$SITE/$PAGE"; rm -f "$log"' EXIT

python3 - "$SITE" "$PAGE" "$SAVES" "$PORT" <<'PY'
import statistics, sys, time, urllib.request, urllib.error
site, page, saves, port = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
# The page's address: input/a/b.md -> /a/b/ (index.md -> its folder).
rel = page[len("input/"):-len(".md")]
url = f"http://127.0.0.1:{port}/" + ("" if rel == "index" else (rel[:-len("/index")] if rel.endswith("/index") else rel) + "/")

def fetch():
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError):
        return ""

deadline = time.time() + 600
while "<html" not in fetch():
    if time.time() > deadline: sys.exit("the server never answered " + url)
    time.sleep(0.2)
time.sleep(1.0)  # let the first build's file watcher settle

path = f"{site}/{page}"
original = open(path, encoding="utf-8").read()
times = []
for n in range(1, saves + 1):
    marker = f"Saved for the preview test number {n}."
    start = time.perf_counter()
    with open(path, "w", encoding="utf-8") as f:
        f.write(original.rstrip("\n") + "\n\n" + marker + "\n")
    while marker not in fetch():
        if time.perf_counter() - start > 120: sys.exit(f"save {n}: the new page never came")
        time.sleep(0.002)
    times.append((time.perf_counter() - start) * 1000)
    time.sleep(0.5)
with open(path, "w", encoding="utf-8") as f:
    f.write(original)
print(f"{url}: {saves} saves, median {statistics.median(times):.0f} ms, max {max(times):.0f} ms "
      f"(each: {', '.join(f'{t:.0f}' for t in times)})")
PY
