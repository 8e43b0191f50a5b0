#!/usr/bin/env bash
# preview-latency.sh -- how long an author waits in `serve`: from writing an article's file to
# the reloaded page being served. Median and max of SAVES saves (default 10). Each save appends
# one sentence to the page's Markdown file; the file is put back at the end.
#
#   bash bench/preview-latency.sh                               # this project's own site
#   bash bench/preview-latency.sh --corpus 1000 [SAVES]         # the 1,000-article bench corpus
#   bash bench/preview-latency.sh SITE_DIR PAGE_MD [SAVES]      # any site, e.g.
#   bash bench/preview-latency.sh /tmp/ssg-compare/N1000/staticsite input/fitness/page-00001.md
#
# --corpus N uses the site compare.sh leaves in $WORK/N<N>/staticsite (WORK defaults to
# /tmp/ssg-compare) and makes it the same way if it is missing: ../shared/bench's gen-corpus.py,
# sites/staticsite and adapt-staticsite.py, with this project's theme/ (no Hugo needed).
#
# Each save is timed as a browser meets it: the script listens on the preview's live-reload
# event stream, and a save's time runs from the write to the first page fetched after a reload
# event that has the new sentence in it (not polling, which would load the server it measures).
# The generator is published once (ReadyToRun, as hosts run it) into $OUT (default /tmp/ssg-preview).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
WORK=${WORK:-/tmp/ssg-compare}
OUT=${OUT:-/tmp/ssg-preview}
PORT=${PORT:-0}  # 0: a free port; the address is read from what serve prints
command -v python3 >/dev/null || { echo "needs python3" >&2; exit 2; }

if [ "${1:-}" = "--corpus" ]; then
  N=${2:?usage: preview-latency.sh --corpus N [SAVES]}
  SAVES=${3:-10}
  SITE=$WORK/N$N/staticsite
  if [ ! -f "$SITE/input/site.yml" ]; then
    [ -f "$SHARED/gen-corpus.py" ] || { echo "no corpus generator at $SHARED (set SHARED_BENCH)" >&2; exit 2; }
    echo "== making the $N-article site in $SITE (as compare.sh does)"
    [ -d "$WORK/N$N/corpus" ] || python3 "$SHARED/gen-corpus.py" "$N" "$WORK/N$N/corpus"
    rm -rf "$SITE.partial"; mkdir -p "$SITE.partial"
    cp -r "$SHARED/sites/staticsite" "$SITE.partial/input"
    python3 "$SHARED/adapt-staticsite.py" "$WORK/N$N/corpus" "$SITE.partial/input" >/dev/null
    cp -r "$ROOT/theme" "$SITE.partial/theme"
    rm -rf "$SITE"; mv "$SITE.partial" "$SITE"
  fi
  PAGE=$(cd "$SITE" && ls input/*/page-00001.md | head -1)
else
  SITE=$(cd "${1:-$ROOT}" && pwd)
  PAGE=${2:-input/leg-and-knee/calf-strain.md}
  SAVES=${3:-10}
fi
[ -f "$SITE/$PAGE" ] || { echo "no page $PAGE in $SITE" >&2; exit 2; }

dotnet publish -c Release "$ROOT/src/StaticSite" -o "$OUT" --nologo -v quiet >/dev/null
backup=$(mktemp)
log=$(mktemp)
cp "$SITE/$PAGE" "$backup"
(cd "$SITE" && exec dotnet "$OUT/StaticSite.dll" serve --port "$PORT" --today 2016-01-01 >"$log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; cp "$backup" "$SITE/$PAGE"; rm -f "$log" "$backup"' EXIT

python3 - "$SITE" "$PAGE" "$SAVES" "$log" <<'PY'
import http.client, queue, re, statistics, sys, threading, time, urllib.error, urllib.parse, urllib.request
site, page, saves, log = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

# The address serve prints once its first build is done (it knows the port and base path).
deadline = time.time() + 900
root = None
while root is None:
    text = open(log, encoding="utf-8", errors="replace").read()
    found = re.search(r"^Serving (http://\S+/) ", text, re.M)
    if found:
        root = found.group(1)
    elif "Stopped." in text or time.time() > deadline:
        sys.exit("serve never started:\n" + text[-2000:])
    else:
        time.sleep(0.2)

# The page's address: input/a/b.md -> BASE/a/b/ (index.md -> its folder).
rel = page[len("input/"):-len(".md")]
url = root + ("" if rel == "index" else (rel[:-len("/index")] if rel.endswith("/index") else rel) + "/")

def fetch():
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError):
        return ""

# Listen to the live-reload stream as an open page does; each reload event is queued.
reloads = queue.Queue()
def listen():
    address = urllib.parse.urlsplit(root)
    connection = http.client.HTTPConnection(address.hostname, address.port)
    connection.request("GET", address.path + "_preview/events", headers={"Accept": "text/event-stream"})
    response = connection.getresponse()
    while True:
        line = response.readline()
        if not line:
            reloads.put(None)
            return
        if line.startswith(b"data:"):
            reloads.put(line.decode().strip())
threading.Thread(target=listen, daemon=True).start()
time.sleep(1.0)  # let the stream open and the first build's file watcher settle

path = f"{site}/{page}"
original = open(path, encoding="utf-8").read()
times = []
for n in range(1, saves + 1):
    while not reloads.empty():
        reloads.get_nowait()
    marker = f"Saved for the preview test number {n}."
    start = time.perf_counter()
    with open(path, "w", encoding="utf-8") as f:
        f.write(original.rstrip("\n") + "\n\n" + marker + "\n")
    while True:
        left = 120 - (time.perf_counter() - start)
        try:
            event = reloads.get(timeout=max(left, 0.001))
        except queue.Empty:
            sys.exit(f"save {n}: no reload within 120 s")
        if event is None:
            sys.exit(f"save {n}: the event stream closed")
        if event == "data: reload" and marker in fetch():
            break
    times.append((time.perf_counter() - start) * 1000)
    time.sleep(0.5)
with open(path, "w", encoding="utf-8") as f:
    f.write(original)
print(f"{url}: {saves} saves, median {statistics.median(times):.0f} ms, max {max(times):.0f} ms "
      f"(each: {', '.join(f'{t:.0f}' for t in times)})")
PY
