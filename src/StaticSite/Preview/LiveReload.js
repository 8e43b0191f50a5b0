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

  var events = new EventSource(script.getAttribute('data-events'));
  events.onmessage = function () {
    events.close();
    location.reload();
  };
})();
