// Full-text search of the published register, with Pagefind's index in pagefind/. It needs the site served over HTTP
// (Pagefind fetches its index); opened from a file share, the search form stays hidden and the search page says to use
// the list and its filters, which need no JavaScript. Results are a GOV.UK list; the count is read out by the
// aria-live status. Shipped as it is (no build step), so it is plain browser JavaScript.
/* global document, window, DOMParser, Node, URLSearchParams */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || (window.location.protocol !== 'http:' && window.location.protocol !== 'https:')) return;
  var root = new URL('../', script.src);
  var MAX = 50;
  var pagefind;

  function load() {
    if (!pagefind)
      pagefind = import(new URL('pagefind/pagefind.js', root).href).then(function (module) {
        return module.options({ baseUrl: '/' }).then(function () {
          return module;
        });
      });
    return pagefind;
  }

  // Pagefind's excerpt is HTML with the matched words in <mark>: only its text and those marks are kept.
  function excerpt(html) {
    var out = document.createElement('p');
    out.className = 'govuk-body-s';
    var body = new DOMParser().parseFromString('<body>' + html + '</body>', 'text/html').body;
    body.childNodes.forEach(function (node) {
      if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === 'MARK') {
        var mark = document.createElement('mark');
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else out.appendChild(document.createTextNode(node.textContent || ''));
    });
    return out;
  }

  function show(query, status, list) {
    list.replaceChildren();
    if (query.trim() === '') {
      status.textContent = 'Enter the words to search for.';
      return Promise.resolve();
    }
    status.textContent = 'Searching…';
    return load()
      .then(function (module) {
        return module.search(query);
      })
      .then(function (search) {
        var found = search.results.length;
        return Promise.all(
          search.results.slice(0, MAX).map(function (r) {
            return r.data();
          }),
        ).then(function (results) {
          results.forEach(function (data) {
            var item = document.createElement('li');
            item.className = 'ppp-search-result';
            var heading = document.createElement('h2');
            heading.className = 'govuk-heading-s govuk-!-margin-bottom-1';
            var link = document.createElement('a');
            link.className = 'govuk-link';
            link.href = new URL(String(data.url).replace(/^\/+/, ''), root).href;
            link.textContent = (data.meta && data.meta.reference ? data.meta.reference + ' ' : '') + data.meta.title;
            heading.appendChild(link);
            item.appendChild(heading);
            item.appendChild(excerpt(data.excerpt || ''));
            list.appendChild(item);
          });
          var words = found === 1 ? '1 document matches' : found + ' documents match';
          status.textContent =
            words + ' “' + query + '”' + (found > MAX ? '; the first ' + MAX + ' are shown' : '') + '.';
        });
      })
      .catch(function () {
        status.textContent = 'Search is not working at the moment. Use the list of documents and its filters.';
      });
  }

  document.querySelectorAll('form[data-ppp-search]').forEach(function (form) {
    form.hidden = false;
    var status = document.getElementById('ppp-search-status');
    var list = document.getElementById('ppp-search-results');
    if (!status || !list) return; // The index's form goes to the search page.
    var unavailable = document.getElementById('ppp-search-unavailable');
    if (unavailable) unavailable.hidden = true;
    var input = form.querySelector('input[name="q"]');
    var query = new URLSearchParams(window.location.search).get('q') || '';
    input.value = query;
    if (query !== '') show(query, status, list);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var url = new URL(window.location.href);
      url.searchParams.set('q', input.value);
      window.history.replaceState(null, '', url.href);
      show(input.value, status, list);
    });
  });
})();
