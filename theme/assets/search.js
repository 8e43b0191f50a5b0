// Search, on the search page only. Reads the index from Search/SearchIndex.cs: a terms file per
// start of the words (one letter, or two on a large site: data-keys lists them), then the docs
// files of the results shown. Terms are made as
// Search/SearchTerms.cs makes them. Without this script the page links to the lists instead.
(function () {
  'use strict';

  var form = document.getElementById('search__form');
  var box = document.getElementById('search__q');
  var status = document.getElementById('search__status');
  var out = document.getElementById('search__results');
  if (!form || !box || !status || !out || !window.fetch || !''.normalize) return;

  var base = out.getAttribute('data-index');
  var keys = out.getAttribute('data-keys').split(' ');
  var perFile = +out.getAttribute('data-docs-per-file');
  var lang = document.documentElement.lang;
  var SHOWN = 10; // results shown at a time
  var FILES = 5; // most files one query fetches: terms files, then docs files
  var STOP = ' an and are as at be been but by can do does for from had has have how if in into is it its me my no not of on or our so than that the their them then there these they this to was we were what when where which who why will with you your ';
  var IRREGULAR = { calves: 'calf', halves: 'half', feet: 'foot', teeth: 'tooth', women: 'woman', men: 'man', children: 'child' };
  var files = {};
  var current = 0; // the latest search: answers to older ones are dropped
  var shown = ''; // its query: Enter after the pause in typing does not search again
  var timer;

  document.getElementById('search__help').hidden = true;

  function stem(w) {
    if (IRREGULAR.hasOwnProperty(w)) return IRREGULAR[w];
    if (w.length <= 3) return w;
    if (/ies$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
    if (/ie$/.test(w)) return w.slice(0, -2) + 'y';
    if (/(sses|ches|shes|xes)$/.test(w)) return w.slice(0, -2);
    if (/(che|she|xe)$/.test(w)) return w.slice(0, -1);
    if (/[^sui]s$/.test(w)) return w.slice(0, -1);
    return w;
  }

  // [[term, word], ...]: folded, without apostrophes, short and common words; plurals stemmed.
  function terms(text) {
    var found = [];
    var words = text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase()
      .match(/[a-z]+(?:['’][a-z]+)*|[0-9]+(?:[.,][0-9]+)*/g) || [];
    words.forEach(function (w) {
      var t = '';
      if (/^[0-9]/.test(w)) {
        t = w.replace(/[.,]/g, '');
      } else {
        w = w.replace(/['’]s$/, '').replace(/['’]/g, '');
        if (w.length > 1 && STOP.indexOf(' ' + w + ' ') < 0) t = stem(w);
      }
      if (t.length > 1 && !found.some(function (f) { return f[0] === t; })) found.push([t, w]);
    });
    return found;
  }

  function fetchJson(path) {
    if (!files[path]) {
      files[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
      files[path].catch(function () { delete files[path]; });
    }
    return files[path];
  }

  // One term's entry, {field: [gap, -more, ...]}, into page → its fields.
  function decode(entry, into) {
    Object.keys(entry).forEach(function (f) {
      var page = -1;
      entry[f].forEach(function (n) {
        for (var i = n > 0 ? 1 : -n; i > 0; i--) {
          page += n > 0 ? n : 1;
          into[page] |= f;
        }
      });
    });
  }

  function element(name, text, parent) {
    var e = document.createElement(name);
    e.textContent = text;
    parent.appendChild(e);
    return e;
  }

  function say(text) {
    status.textContent = text;
  }

  function failed(id) {
    if (id !== current) return;
    shown = '';
    out.textContent = '';
    say('Search is not working at the moment. Try again, or use the links in the menu.');
    element('p', status.textContent, out);
  }

  // The terms file a term is in: the listed start it begins with ('' when there is none).
  function keyOf(term) {
    var found = '';
    keys.forEach(function (k) { if (k.length > found.length && term.lastIndexOf(k, 0) === 0) found = k; });
    return found;
  }

  function search(query) {
    var id = ++current;
    var words = terms(query);
    var shardKeys = [];
    out.setAttribute('data-terms', words.map(function (w) { return w[0]; }).join(' '));
    words.forEach(function (w) {
      if (shardKeys.indexOf(keyOf(w[0])) < 0) shardKeys.push(keyOf(w[0]));
    });
    if (!words.length || shardKeys.indexOf('') >= 0) {
      return show(id, query, [], 0);
    }
    Promise.all(shardKeys.map(function (k) { return fetchJson('t/' + k + '.json'); })).then(function (shards) {
      if (id !== current) return;
      var scores = null;
      words.forEach(function (w, n) {
        var shard = shards[shardKeys.indexOf(keyOf(w[0]))];
        var found = {};
        if (shard[w[0]]) decode(shard[w[0]], found);
        // The last word may be half typed: "physio" finds "physiotherapy" too.
        if (n === words.length - 1 && w[1].length > 2) {
          Object.keys(shard).forEach(function (t) {
            if (t !== w[0] && t.indexOf(w[1]) === 0) decode(shard[t], found);
          });
        }
        if (!scores) {
          scores = found;
        } else {
          Object.keys(scores).forEach(function (p) {
            if (found[p]) scores[p] += found[p];
            else delete scores[p];
          });
        }
      });
      show(id, query, Object.keys(scores).map(Number).sort(function (a, b) {
        return scores[b] - scores[a] || a - b;
      }), shardKeys.length);
    }, function () { failed(id); });
  }

  function show(id, query, ranked, termFiles) {
    var count = ranked.length;
    out.textContent = '';
    say((count === 1 ? '1 result' : (count || 'No').toLocaleString(lang) + ' results') + ' for ‘' + query.trim() + '’');
    element('h2', status.textContent, out).id = 'search__heading';
    if (!count) {
      element('p', 'Check the spelling, or try fewer words or other words for the same thing.', out);
      return;
    }
    var list = element('ol', '', out);
    list.className = 'page-list';
    more(id, ranked, list, 0, FILES - termFiles, false);
  }

  // Up to SHOWN results from `from` on, stopping before one that needs more than `budget` new files.
  function more(id, ranked, list, from, budget, focus) {
    var needed = [];
    var fresh = 0;
    var end = from;
    for (; end < ranked.length && end - from < SHOWN; end++) {
      var file = 'd/' + Math.floor(ranked[end] / perFile) + '.json';
      if (needed.indexOf(file) < 0) {
        if (!files[file] && fresh++ >= budget && end > from) break;
        needed.push(file);
      }
    }
    Promise.all(needed.map(fetchJson)).then(function (docs) {
      if (id !== current) return;
      var first = null;
      var button = out.querySelector('.search-more');
      if (button) button.remove();
      for (var i = from; i < end; i++) {
        var doc = docs[needed.indexOf('d/' + Math.floor(ranked[i] / perFile) + '.json')][ranked[i] % perFile];
        var item = element('li', '', list);
        var link = element('a', doc[0], item);
        item.className = 'page-list__item';
        link.href = doc[1];
        if (doc[2]) element('p', doc[2], item);
        first = first || link;
      }
      if (focus) first.focus();
      if (end < ranked.length) {
        button = element('button', 'Show more results', out);
        button.type = 'button';
        button.className = 'button search-more';
        button.addEventListener('click', function () { more(id, ranked, list, end, FILES, true); });
      }
    }, function () { failed(id); });
  }

  function update(query) {
    if (query === shown) return;
    shown = query;
    history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : location.pathname);
    if (query.trim()) {
      search(query);
    } else {
      current++;
      out.textContent = '';
      say('');
    }
  }

  // After a pause in typing, so the count is announced once, not per letter.
  box.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { update(box.value); }, 250);
  });
  box.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && box.value) {
      e.preventDefault();
      clearTimeout(timer);
      box.value = '';
      update('');
    }
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    update(box.value);
  });

  // The form in every page's header sends ?q= here.
  var query = new URLSearchParams(location.search).get('q');
  if (query) {
    box.value = query;
    update(query);
  }
})();
