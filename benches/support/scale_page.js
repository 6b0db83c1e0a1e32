// The scale benchmark's side of the page. Installed after each load; every timing ends at the
// next paint (a requestAnimationFrame callback runs before the frame is drawn, and a task queued
// from it runs after), so it includes the app's render, style and layout.
window.__scale = (() => {
  const paint = (t0) => new Promise(r => requestAnimationFrame(() => setTimeout(() => r(performance.now() - t0), 0)));
  // Every localStorage write, counted: how many characters, and how long the write took.
  const writes = [];
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (k, v) {
    const t0 = performance.now();
    setItem.call(this, k, v);
    writes.push({ at: t0, chars: String(k).length + String(v).length, ms: performance.now() - t0 });
  };
  const written = (from, to) => writes.filter(w => w.at >= from && w.at <= to).reduce((n, w) => n + w.chars, 0);
  // The text node and offset of code point `off` of the article (the text is ASCII).
  function locate(off) {
    let best = null;
    for (const el of document.querySelectorAll('#article-body [data-o]')) {
      const o = Number(el.dataset.o);
      if (o <= off && off <= o + el.textContent.length) best = { el, o };
      if (o > off) break;
    }
    const node = best.el.firstChild;
    return [node, off - best.o];
  }
  function select(start, end) {
    const [a, ao] = locate(start);
    const [b, bo] = locate(end);
    window.getSelection().setBaseAndExtent(a, ao, b, bo);
  }
  const key = (k) => (document.activeElement || document.body).dispatchEvent(
    new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  // The article's and the list's DOM as data, for the plain-JS side to build again.
  function describe(el) {
    if (el.nodeType === 3) return el.data;
    const attrs = {};
    for (const a of el.attributes) attrs[a.name] = a.value;
    return { tag: el.tagName.toLowerCase(), attrs, kids: [...el.childNodes].map(describe) };
  }
  function build(d) {
    if (typeof d === 'string') return document.createTextNode(d);
    const el = document.createElement(d.tag);
    for (const k in d.attrs) el.setAttribute(k, d.attrs[k]);
    for (const kid of d.kids) el.appendChild(build(kid));
    return el;
  }
  return {
    paint, written, select, key,
    // Loads the article, then its claims through importJson (the claims' selectors from describe).
    setup(title, text, ranges) {
      window.claimcheck.loadArticle({ title, text });
      const doc = JSON.parse(window.claimcheck.exportJson());
      const at = '2026-01-01T00:00:00Z';
      doc.claims = ranges.map(([s, e], i) => {
        const sel = window.claimcheck.describe(text, s, e);
        return { id: 'bench-' + i, quote: sel.quote, position: sel.position, status: 'unverified',
          source: i % 3 ? 'Source ' + (i % 40) : '', note: i % 5 ? '' : 'Checked against the record ' + i,
          evidence: [], created: at, modified: at };
      });
      const report = window.claimcheck.importJson(JSON.stringify(doc));
      if (!report.ok) throw new Error(report.error);
      return window.claimcheck.claims().length;
    },
    // Opening: to the first paint, and to the last of the claim list drawn (a long list draws
    // its later chunks in the frames after the first).
    async open(title, text) {
      window.claimcheck.loadArticle({ title: 'Another article', text: 'Something else entirely.\n\nAnd more.' });
      await paint(performance.now());
      const t0 = performance.now();
      window.claimcheck.loadArticle({ title, text });
      const first = await paint(t0);
      let all = first;
      while (document.querySelector('.claim-chunk[data-pending]')) all = await paint(t0);
      return { first, all };
    },
    snapshot() {
      const parts = ['#article-body', '.claim-list'].map(s => document.querySelector(s)).filter(Boolean);
      return parts.map(describe);
    },
    async plain(parts) {
      const t0 = performance.now();
      const box = document.createElement('div');
      box.className = 'layout';
      for (const p of parts) box.appendChild(build(p));
      document.body.appendChild(box);
      const ms = await paint(t0);
      box.remove();
      return ms;
    },
    async chooseClaim(id) {
      document.querySelector(`.claim-list [data-claim="${id}"] button`).click();
      return paint(performance.now());
    },
    async add(start, end) {
      select(start, end);
      await paint(performance.now());
      const t0 = performance.now();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true }));
      return paint(t0);
    },
    async status(k) {
      const t0 = performance.now();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
      return paint(t0);
    },
    // One keystroke in Note; with the characters written to storage before the next paint.
    async keystroke(ch) {
      const note = [...document.querySelectorAll('.claim-editor textarea')].pop();
      note.focus();
      const t0 = performance.now();
      note.value += ch;
      note.dispatchEvent(new InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));
      const ms = await paint(t0);
      return { ms, chars: written(t0, performance.now()) };
    },
    // The save itself, forced as the page being hidden forces it: its time and what it wrote.
    flush() {
      const t0 = performance.now();
      window.dispatchEvent(new Event('pagehide'));
      const t1 = performance.now();
      return { ms: t1 - t0, chars: written(t0, t1) };
    },
  };
})();
