// crosscheck client script: small enhancements; every page works without it.
(function () {
  'use strict';

  // "/" focuses the search box (unless typing somewhere already).
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable)) return;
    var search = document.getElementById('f-q') || document.getElementById('site-search');
    if (search) {
      event.preventDefault();
      search.focus();
      search.select();
    }
  });

  // Article view: bring a cited sentence into focus and flash it.
  function flashTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!/^[spt]\d+$/.test(id)) return;
    var el = document.getElementById(id);
    if (!el) return;
    el.setAttribute('tabindex', '-1');
    el.classList.remove('is-flash');
    void el.offsetWidth;
    el.classList.add('is-flash');
    el.focus({ preventScroll: true });
  }
  window.addEventListener('hashchange', flashTarget);
  if (location.hash) flashTarget();

  // Story page: a toggle to show only the figures outlets disagree on.
  var tools = document.querySelector('[data-enhance="figures"]');
  var toggle = document.getElementById('only-disagreements');
  if (tools && toggle) {
    tools.hidden = false;
    toggle.addEventListener('change', function () {
      var rows = document.querySelectorAll('table.figures tbody tr');
      for (var i = 0; i < rows.length; i++) {
        rows[i].hidden = toggle.checked && !rows[i].classList.contains('disagree');
      }
    });
  }

  // Story list: announce articles stored while the page is open (Server-Sent Events).
  var live = document.getElementById('live-updates');
  if (live && 'EventSource' in window) {
    var count = 0;
    var source = new EventSource('/api/events');
    source.addEventListener('article', function (message) {
      var data;
      try {
        data = JSON.parse(message.data);
      } catch (e) {
        return;
      }
      count += 1;
      live.textContent = '';
      var text = document.createTextNode(
        count === 1 ? 'A new article arrived' + (data.source ? ' from ' + data.source : '') + '. ' : count + ' new articles arrived. ',
      );
      var link = document.createElement('a');
      link.href = location.pathname + location.search;
      link.textContent = 'Refresh the list';
      live.appendChild(text);
      live.appendChild(link);
      live.hidden = false;
    });
    window.addEventListener('pagehide', function () {
      source.close();
    });
  }
})();
