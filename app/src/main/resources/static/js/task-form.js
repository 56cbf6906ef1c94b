/* Task inbox, progressive enhancement of the server-rendered form (it works without this):
   focus on the error summary, add and remove rows of dynamic lists in the page, and re-evaluate
   the conditions (conditional.hide) on the server when a value changes. Seconde Vie, Apache-2.0. */
(function () {
  'use strict';
  var form = document.querySelector('form.task-form');
  if (!form) {
    return;
  }
  // spacers: their height comes as data (the Content-Security-Policy forbids style attributes)
  form.querySelectorAll('.form-spacer[data-height]').forEach(function (spacer) {
    var height = spacer.getAttribute('data-height');
    if (/^\d+px$/.test(height)) {
      spacer.style.height = height;
    }
  });
  var summary = document.getElementById('resume-erreurs');
  if (summary) {
    summary.focus();
  }
  var live = document.getElementById('annonces');

  function announce(text) {
    if (live) {
      live.textContent = '';
      window.setTimeout(function () { live.textContent = text; }, 50);
    }
  }

  function directRows(rows) {
    return Array.prototype.filter.call(rows.children, function (el) {
      return el.classList.contains('form-row');
    });
  }

  function renumber(list) {
    var rows = document.getElementById(list.id + '-rows');
    var label = list.getAttribute('data-label');
    var all = directRows(rows);
    all.forEach(function (row, i) {
      var legend = row.querySelector(':scope > legend');
      if (legend) {
        legend.textContent = 'Ligne ' + (i + 1);
      }
      var remove = row.querySelector(':scope > button[data-remove]');
      if (remove) {
        remove.textContent = 'Supprimer la ligne ' + (i + 1) + ' de « ' + label + ' »';
      }
    });
    var empty = list.querySelector(':scope > .form-no-row');
    if (empty) {
      empty.hidden = all.length > 0;
    }
  }

  function addRow(button) {
    var list = document.getElementById(button.getAttribute('data-add'));
    var template = document.getElementById(list.id + '-template');
    var rows = document.getElementById(list.id + '-rows');
    var next = parseInt(list.getAttribute('data-next'), 10) || 0;
    // rows are numbered 0..n-1 by the server; new ones take numbers never used in the page
    list.setAttribute('data-next', String(next + 1));
    rows.insertAdjacentHTML('beforeend', template.innerHTML.split('__i__').join(String(next)));
    renumber(list);
    var row = directRows(rows).pop();
    var first = row.querySelector('input:not([type=hidden]), select, textarea');
    if (first) {
      first.focus();
    }
    announce('Ligne ajoutée à « ' + list.getAttribute('data-label') + ' ».');
    refresh();
  }

  function removeRow(button) {
    var row = button.closest('.form-row');
    var list = row.parentNode.closest('.form-list');
    row.parentNode.removeChild(row);
    renumber(list);
    var add = list.querySelector(':scope > button[data-add]');
    (add || list).focus();
    announce('Ligne supprimée de « ' + list.getAttribute('data-label') + ' ».');
    refresh();
  }

  form.addEventListener('click', function (event) {
    var add = event.target.closest('button[data-add]');
    if (add && form.contains(add)) {
      event.preventDefault();
      addRow(add);
      return;
    }
    var remove = event.target.closest('button[data-remove]');
    if (remove && form.contains(remove)) {
      event.preventDefault();
      removeRow(remove);
    }
  });

  var url = form.getAttribute('data-visibility');
  var pending = null;

  function refresh() {
    if (!url || !window.fetch) {
      return;
    }
    if (pending) {
      pending.abort();
    }
    pending = window.AbortController ? new AbortController() : null;
    var body = new FormData(form);
    // conditions never depend on the files themselves: they are sent with the completion only
    form.querySelectorAll('input[type=file][name]').forEach(function (input) {
      body.delete(input.name);
    });
    window.fetch(url, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' },
      signal: pending ? pending.signal : undefined
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (!data) {
        return;
      }
      var hidden = {};
      data.hidden.forEach(function (id) { hidden[id] = true; });
      form.querySelectorAll('[data-conditional]').forEach(function (el) {
        el.hidden = hidden[el.getAttribute('data-conditional')] === true;
      });
    }).catch(function () { /* the server checks again on submit */ });
  }

  if (url) {
    form.addEventListener('change', refresh);
  }

  // tables with rowCount: every page is in the page; show one at a time with its navigation
  form.querySelectorAll('.form-table[data-pages]').forEach(function (block) {
    var pages = block.querySelectorAll('tbody[data-page]');
    if (pages.length < 2) {
      return;
    }
    var current = 0;
    var nav = document.createElement('p');
    nav.className = 'form-table-nav';
    var label = document.createElement('span');
    var previous = document.createElement('button');
    var next = document.createElement('button');
    previous.type = 'button';
    next.type = 'button';
    previous.className = 'secondary';
    next.className = 'secondary';
    previous.textContent = 'Page précédente';
    next.textContent = 'Page suivante';
    function show(index) {
      current = index;
      pages.forEach(function (page, i) { page.hidden = i !== current; });
      label.textContent = 'Page ' + (current + 1) + ' sur ' + pages.length + ' ';
      previous.disabled = current === 0;
      next.disabled = current === pages.length - 1;
    }
    previous.addEventListener('click', function () { show(Math.max(0, current - 1)); });
    next.addEventListener('click', function () { show(Math.min(pages.length - 1, current + 1)); });
    nav.appendChild(label);
    nav.appendChild(previous);
    nav.appendChild(next);
    var summary = block.querySelector('.form-table-pages');
    if (summary) {
      summary.hidden = true;
    }
    block.appendChild(nav);
    show(0);
  });
}());
