// NOBD dashboard: the only script of the pages (no library, no build step). Pages work without it; with it,
// the sections that take longer (trend, completeness) load after the first view, and the indicator choice applies
// at once.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-fragment]').forEach(function (section) {
    fetch(section.getAttribute('data-fragment'), { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        return response.text().then(function (html) { return { ok: response.ok, html: html }; });
      })
      .then(function (answer) {
        if (answer.ok) {
          section.innerHTML = answer.html;
        } else {
          var doc = new DOMParser().parseFromString(answer.html, 'text/html');
          var text = doc.getElementById('error-text');
          var p = document.createElement('p');
          p.className = 'section-error';
          p.textContent = text ? text.textContent : String(answer.status);
          section.appendChild(p);
        }
      })
      .catch(function () {
        section.appendChild(document.createTextNode('—'));
      })
      .finally(function () {
        section.setAttribute('aria-busy', 'false');
        section.setAttribute('data-loaded', 'true');
      });
  });
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
});
