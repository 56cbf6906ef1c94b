/* Every page, progressive enhancement (the pages work without it). Seconde Vie, Apache-2.0.
   - tables: each table of the content sits in its own horizontally scrollable region, which the
     keyboard can reach, so that a wide table never makes the whole page scroll sideways (WCAG
     1.4.10) and no word is cut;
   - errors outside task forms (task-form.js handles those): the error summary gets the focus and
     the page title starts with "Erreur : ", as on the task forms. */
(function () {
  'use strict';

  function captionText(table) {
    var caption = table.querySelector('caption');
    return caption ? caption.textContent.replace(/\s+/g, ' ').trim() : '';
  }

  // a code, an inventory number, a date or a short token never breaks at its hyphens or spaces
  var oneLine = /^(\S{1,40}( \([^)]{1,30}\))?|\d{2}\/\d{2}\/\d{4}( (à )?\d{1,2}[:h]\d{2}(:\d{2})?)?|[\d\s\u202f\u00a0,.%€-]{1,24})$/;
  document.querySelectorAll('main td, main tbody th').forEach(function (cell) {
    if (oneLine.test(cell.textContent.replace(/\s+/g, ' ').trim())) {
      cell.classList.add('nowrap');
    }
  });

  document.querySelectorAll('main table').forEach(function (table, i) {
    var region = table.parentElement;
    if (!region.classList.contains('table-scroll')) {
      region = document.createElement('div');
      region.className = 'table-scroll';
      table.parentNode.insertBefore(region, table);
      region.appendChild(table);
    }
    if (!region.hasAttribute('tabindex')) {
      region.setAttribute('tabindex', '0');
    }
    if (!region.hasAttribute('role')) {
      region.setAttribute('role', 'region');
    }
    if (!region.hasAttribute('aria-label') && !region.hasAttribute('aria-labelledby')) {
      var caption = table.querySelector('caption');
      if (caption) {
        if (!caption.id) {
          caption.id = 'tableau-' + (i + 1) + '-titre';
        }
        region.setAttribute('aria-labelledby', caption.id);
      } else {
        region.setAttribute('aria-label', 'Tableau ' + (i + 1));
      }
    }
  });

  if (!document.querySelector('form.task-form')) {
    var summary = document.querySelector(
      'main .error-summary, main [data-error-summary], main .alert-error[role="alert"]');
    if (summary) {
      if (!summary.hasAttribute('tabindex')) {
        summary.setAttribute('tabindex', '-1');
      }
      summary.focus();
      if (document.title.indexOf('Erreur : ') !== 0) {
        document.title = 'Erreur : ' + document.title;
      }
    }
  }
}());
