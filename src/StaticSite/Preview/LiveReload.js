// Preview only (serve): reload this page after each rebuild, failed or not, so what the
// author sees is always the latest build or its errors. Never part of the built site.
// An external file, so the strict Content-Security-Policy holds (the preview adds only
// connect-src 'self' for the event stream from the same host).
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || typeof window.EventSource !== 'function') {
    return;
  }

  var eventsUrl = script.getAttribute('data-events');
  var events = new EventSource(eventsUrl);
  events.onmessage = function () {
    events.close();
    location.reload();
  };

  // base_path changed in site.yml: this address is gone, so open the same page under the new
  // one. The old base path is where this page's event stream lives (BASE_preview/events).
  events.addEventListener('base-path', function (event) {
    events.close();
    var from = eventsUrl.slice(0, eventsUrl.length - '_preview/events'.length);
    var to = event.data;
    var path = location.pathname;
    var page = path.indexOf(from) === 0 ? path.slice(from.length) : '';
    location.replace(to + page + location.search + location.hash);
  });
})();
