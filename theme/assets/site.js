// Progressive enhancement only: every page works fully without this file.
// Checklists: remember ticks on this device (localStorage, never sent anywhere),
// and add "Print this checklist" and "Clear ticks" buttons.
(function () {
  'use strict';

  var store = null;
  try {
    store = window.localStorage;
    store.setItem('checklist:test', '1');
    store.removeItem('checklist:test');
  } catch (e) {
    store = null; // storage blocked (private mode, settings): ticks simply are not remembered
  }

  function key(box) {
    return 'checklist:' + location.pathname + '#' + box.id;
  }

  function button(label, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'button button--secondary';
    b.setAttribute('data-checklist-action', action);
    b.textContent = label;
    return b;
  }

  function enhance(list) {
    var boxes = list.querySelectorAll('input[type=checkbox]');
    Array.prototype.forEach.call(boxes, function (box) {
      if (store && store.getItem(key(box)) === '1') {
        box.checked = true;
      }
      box.addEventListener('change', function () {
        if (!store) return;
        if (box.checked) store.setItem(key(box), '1');
        else store.removeItem(key(box));
      });
    });

    var actions = document.createElement('div');
    actions.className = 'checklist__actions';
    if (typeof window.print === 'function') {
      actions.appendChild(button('Print this checklist', 'print'));
      actions.appendChild(document.createTextNode(' '));
    }
    actions.appendChild(button('Clear ticks', 'clear'));
    list.appendChild(actions);

    actions.addEventListener('click', function (event) {
      var action = event.target.getAttribute && event.target.getAttribute('data-checklist-action');
      if (action === 'clear') {
        Array.prototype.forEach.call(boxes, function (box) {
          box.checked = false;
          if (store) store.removeItem(key(box));
        });
        if (boxes.length) boxes[0].focus();
      } else if (action === 'print') {
        document.body.classList.add('printing-checklist');
        list.classList.add('checklist--printing');
        window.print();
      }
    });
  }

  window.addEventListener('afterprint', function () {
    document.body.classList.remove('printing-checklist');
    Array.prototype.forEach.call(document.querySelectorAll('.checklist--printing'), function (list) {
      list.classList.remove('checklist--printing');
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll('fieldset.checklist'), enhance);
})();
