#!/usr/bin/env python3
"""Sizes of a built site's search index, and what queries fetch, as theme/assets/search.js does.

Usage: search-index.py SITE_DIR [QUERY ...]

Prints the terms and docs files' count, total, largest and median size (raw, and each file
gzipped on its own), then for each query: the files it fetches (the terms file of each word,
then the docs files of its first results, at most 5 in all), how many results it shows of how
many it finds, and the bytes. Mirrors search.js (terms, ranking, the five-file limit); the
browser tests hold search.js to the build (SearchTests, SearchScaleTests). Standard library only.
"""
import gzip
import json
import os
import re
import statistics
import sys

STOP = set("an and are as at be been but by can do does for from had has have how if in into is it its me my no "
           "not of on or our so than that the their them then there these they this to was we were what when where "
           "which who why will with you your".split())
IRREGULAR = {'calves': 'calf', 'halves': 'half', 'feet': 'foot', 'teeth': 'tooth', 'women': 'woman', 'men': 'man',
             'children': 'child'}
SHOWN, FILES = 10, 5


def stem(w):
    if w in IRREGULAR:
        return IRREGULAR[w]
    if len(w) <= 3:
        return w
    if w.endswith('ies') and len(w) > 4:
        return w[:-3] + 'y'
    if w.endswith('ie'):
        return w[:-2] + 'y'
    if re.search(r'(sses|ches|shes|xes)$', w):
        return w[:-2]
    if re.search(r'(che|she|xe)$', w):
        return w[:-1]
    if re.search(r'[^sui]s$', w):
        return w[:-1]
    return w


def terms(text):
    """[(term, word)] for plain ASCII queries (search.js also folds accents)."""
    found = []
    for w in re.findall(r"[a-z]+(?:['’][a-z]+)*|[0-9]+(?:[.,][0-9]+)*", text.lower()):
        if w[0].isdigit():
            t = re.sub('[.,]', '', w)
        else:
            w = re.sub(r"['’]", '', re.sub(r"['’]s$", '', w))
            t = stem(w) if len(w) > 1 and w not in STOP else ''
        if len(t) > 1 and t not in [f[0] for f in found]:
            found.append((t, w))
    return found


def decode(entry, into):
    for field, numbers in entry.items():
        page = -1
        for n in numbers:
            for _ in range(1 if n > 0 else -n):
                page += n if n > 0 else 1
                into[page] = into.get(page, 0) | int(field)


def query(index, text, per_file):
    fetched = []

    def get(path):
        data = open(os.path.join(index, path), 'rb').read()
        fetched.append((path, len(data), len(gzip.compress(data, 6))))
        return json.loads(data)

    words = terms(text)
    keys = list(dict.fromkeys(t[:2] for t, _ in words))
    if not words or any(not os.path.exists(os.path.join(index, 't', k + '.json')) for k in keys):
        return fetched, 0, 0
    shards = {k: get('t/' + k + '.json') for k in keys}
    scores = None
    for n, (t, w) in enumerate(words):
        shard, found = shards[t[:2]], {}
        if t in shard:
            decode(shard[t], found)
        if n == len(words) - 1 and len(w) > 2:  # the last word may be half typed
            for other in shard:
                if other != t and other.startswith(w):
                    decode(shard[other], found)
        scores = found if scores is None else {p: s + found[p] for p, s in scores.items() if p in found}
    ranked = sorted(scores, key=lambda p: (-scores[p], p))
    needed, end = [], 0
    while end < len(ranked) and end < SHOWN:
        path = 'd/%d.json' % (ranked[end] // per_file)
        if path not in needed:
            if len(needed) >= FILES - len(keys) and end > 0:
                break
            needed.append(path)
        end += 1
    for path in needed:
        get(path)
    return fetched, len(ranked), end


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    site = argv[1]
    index = os.path.join(site, 'search', 'index')
    page = open(os.path.join(site, 'search', 'index.html'), encoding='utf-8').read()
    per_file = int(re.search(r'data-docs-per-file="(\d+)"', page).group(1))
    for kind, name in (('t', 'terms'), ('d', 'docs')):
        folder = os.path.join(index, kind)
        raw, packed = [], []
        for f in sorted(os.listdir(folder)):
            data = open(os.path.join(folder, f), 'rb').read()
            raw.append(len(data))
            packed.append(len(gzip.compress(data, 6)))
        print('%s: %d files; total %.0f KB, largest %.1f KB, median %.1f KB; gzip total %.0f KB, largest %.1f KB, median %.1f KB'
              % (name, len(raw), sum(raw) / 1024, max(raw) / 1024, statistics.median(raw) / 1024,
                 sum(packed) / 1024, max(packed) / 1024, statistics.median(packed) / 1024))
    for text in argv[2:]:
        fetched, found, shown = query(index, text, per_file)
        print('| %s | %s | %d of %s | %.0f KB | %.0f KB |' % (
            text, ', '.join(p[:-5] for p, _, _ in fetched), shown, format(found, ','),
            sum(r for _, r, _ in fetched) / 1024, sum(g for _, _, g in fetched) / 1024))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
