#include "server/dashboard_page.h"

namespace trigon::server {
namespace {

constexpr char kHtml[] = R"HTML(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trigon dashboard</title>
<link rel="icon" href="data:,">
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{background:#1f2d3d;color:#fff;padding:.6rem 1rem;display:flex;gap:1.5rem;align-items:baseline}
header h1{font-size:18px;margin:0}
#status{font-size:12px;opacity:.8}
main{padding:0 1rem 2rem;max-width:80rem;margin:auto}
section{background:#fff;border:1px solid #e3e3e3;border-radius:4px;margin-top:1rem;padding:.6rem 1rem}
h2{font-size:15px;margin:.2rem 0 .6rem}
#error{background:#fde8e8;color:#900;border:1px solid #f3b5b5;padding:.4rem .8rem;margin-top:1rem;border-radius:4px}
#summary dl{display:flex;flex-wrap:wrap;gap:.2rem 1.5rem;margin:0}
#summary dt{font-weight:600}#summary dd{margin:0 1rem 0 .3rem}
#summary div{display:flex}
form{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:end}
form label{display:flex;flex-direction:column;font-size:12px;color:#555}
form input,form select{font:inherit;padding:2px 4px}
input[name=q]{width:16rem}
input[name=limit]{width:5rem}
.hint{color:#666;font-size:12px;margin:.2rem 0 .5rem}
#triangle-periods{display:flex;flex-wrap:wrap;gap:4px}
.period{border:1px solid #ccc;border-radius:3px;padding:2px 5px;font-size:11px;cursor:pointer;background:#f4f4f4;min-width:5.5rem}
.period:hover,.period:focus{outline:2px solid #05c}
.period .label{font-weight:600;display:block}
.period .mini-triangle{display:block;margin:2px auto}
.period .cfg{display:block}
.period .pair{display:inline-block;margin-right:3px}
.pair[data-status=amity]{color:#17803d}.pair[data-status=enmity]{color:#b3261e}
.pair[data-status=neutral],.pair[data-status=insufficient]{color:#888}
.cfg-menage_a_trois{background:#e5f5e9}.cfg-romantic_triangle{background:#fff3d6}
.cfg-stable_marriage{background:#e3eefc}.cfg-unit_veto{background:#fbe3e1}
.cfg-indeterminate{background:#f4f4f4;color:#666}
#series-chart{width:100%;height:auto;background:#fff}
#series-chart .axis{stroke:#999;stroke-width:1}
#series-chart .zero{stroke:#bbb;stroke-dasharray:3 3}
#series-chart text{font-size:10px;fill:#555}
#series-chart .line{fill:none;stroke-width:1.5}
#series-chart .point{cursor:pointer;stroke:#fff;stroke-width:1}
#series-chart .point:hover{stroke:#000}
#series-legend{display:flex;gap:1rem;font-size:12px;flex-wrap:wrap}
.legend-item{cursor:pointer;user-select:none}.legend-item.off{opacity:.35}
.swatch{display:inline-block;width:12px;height:4px;vertical-align:middle;margin-right:4px}
table{border-collapse:collapse;width:100%;font-size:12.5px;margin-top:.5rem}
th,td{border-bottom:1px solid #eee;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3}
td.goldstein{text-align:right;font-variant-numeric:tabular-nums}
td.sentence{max-width:36rem}
#pager{margin-top:.5rem;display:flex;gap:.5rem;align-items:center}
</style>
</head>
<body>
<header><h1>Trigon dashboard</h1><span id="status" data-state="loading">loading</span></header>
<main>
<div id="error" role="alert" hidden></div>
<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Database</h2>
<dl>
<div><dt>database</dt><dd id="summary-database"></dd></div>
<div><dt>documents</dt><dd id="summary-documents"></dd></div>
<div><dt>sentences</dt><dd id="summary-sentences"></dd></div>
<div><dt>events</dt><dd id="summary-events"></dd></div>
<div><dt>dates</dt><dd id="summary-dates"></dd></div>
<div><dt>by modality</dt><dd id="summary-modality"></dd></div>
<div><dt>by origin</dt><dd id="summary-origin"></dd></div>
<div><dt>by language</dt><dd id="summary-languages"></dd></div>
</dl>
</section>
<section id="view-section" aria-labelledby="view-h"><h2 id="view-h">Triangle and series</h2>
<form id="view-form">
<label>actors <input name="actors" id="view-actors" value="USA,RUS,CHN" size="14" autocomplete="off"></label>
<label>period <select name="period" id="view-period">
<option value="day">day</option><option value="week">week</option>
<option value="month" selected>month</option><option value="quarter">quarter</option>
<option value="year">year</option></select></label>
<label>from <input name="from" id="view-from" placeholder="YYYY-MM-DD" size="10"></label>
<label>to <input name="to" id="view-to" placeholder="YYYY-MM-DD" size="10"></label>
<label>origin <input name="origin" id="view-origin" placeholder="all" size="10"></label>
<button type="submit" id="view-apply">Apply</button>
</form>
<p class="hint">Asserted events only, as in <code>trigon report</code>. Click a period or a chart point to list its events.</p>
<h2>Configuration per period</h2>
<div id="triangle-periods" aria-label="triangle configuration per period"></div>
<h2>Goldstein sum per directed dyad</h2>
<div id="series-legend"></div>
<svg id="series-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 300" role="img" aria-label="Goldstein sum per directed dyad and period"></svg>
</section>
<section id="search-section" aria-labelledby="search-h"><h2 id="search-h">Events</h2>
<form id="search-form">
<label>actor <input name="actor" size="8" placeholder="USA"></label>
<label>source <input name="source" size="8"></label>
<label>target <input name="target" size="8"></label>
<label>code <input name="code" size="5" placeholder="0841"></label>
<label>root <input name="root" size="3" placeholder="08"></label>
<label>from <input name="from" size="10" placeholder="YYYY-MM-DD"></label>
<label>to <input name="to" size="10" placeholder="YYYY-MM-DD"></label>
<label>lang <input name="lang" size="7" placeholder="en"></label>
<label>modality <select name="modality"><option value="">any</option>
<option>asserted</option><option>negated</option><option>hypothetical</option>
<option>advocated</option><option>future</option><option>historical</option></select></label>
<label>origin <input name="origin" size="8" placeholder="all"></label>
<label>text <input name="q" placeholder="free text"></label>
<label>dyad <input name="dyad" size="9" placeholder="USA-&gt;RUS"></label>
<label>period <input name="period" size="9" placeholder="2022-03"></label>
<label>limit <input name="limit" type="number" min="1" max="500" value="50"></label>
<button type="submit" id="search-submit">Search</button>
<button type="button" id="search-reset">Clear</button>
</form>
<p id="results-count" data-total="0"></p>
<table id="results" data-state="loading">
<thead><tr><th>date</th><th>source</th><th>target</th><th>code</th><th>Goldstein</th><th>modality</th><th>lang</th><th>sentence</th><th>document</th></tr></thead>
<tbody></tbody>
</table>
<div id="pager"><button type="button" id="prev-page" disabled>&larr; previous</button><button type="button" id="next-page" disabled>next &rarr;</button></div>
</section>
</main>
<script src="/dashboard.js"></script>
</body>
</html>
)HTML";

// Builds every node with createElement/textContent: the data is news text
// and must never be parsed as markup.
constexpr char kScript[] = R"JS('use strict';
(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];
  const $ = (id) => document.getElementById(id);
  let offset = 0;
  let lastTotal = 0;
  let viewSeq = 0;
  let searchSeq = 0;

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function num(v) { return Math.round(v * 100) / 100; }

  function showError(message) {
    const box = $('error');
    box.textContent = message || '';
    box.hidden = !message;
  }
  function setStatus(state, text) {
    const s = $('status');
    s.setAttribute('data-state', state);
    s.textContent = text;
  }

  async function getJson(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== undefined && v !== null && String(v) !== '') q.set(k, String(v));
    }
    const url = path + (q.toString() ? '?' + q.toString() : '');
    const res = await fetch(url, {headers: {'Accept': 'application/json'}});
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const msg = body && typeof body.error === 'string' ? body.error : ('HTTP ' + res.status);
      throw new Error(msg);
    }
    return body;
  }

  function viewParams() {
    const f = $('view-form');
    return {actors: f.actors.value.trim(), period: f.period.value,
            from: f.from.value.trim(), to: f.to.value.trim(), origin: f.origin.value.trim()};
  }

  function countsText(list) {
    return (list || []).map((c) => c.name + ' ' + c.n).join(', ');
  }

  async function loadSummary() {
    const s = await getJson('/api/summary');
    $('summary-database').textContent = s.database;
    $('summary-documents').textContent = s.documents;
    $('summary-sentences').textContent = s.sentences;
    $('summary-events').textContent = s.events;
    $('summary-dates').textContent = s.first_event_date ? (s.first_event_date + ' to ' + s.last_event_date) : 'none';
    $('summary-modality').textContent = countsText(s.events_by_modality);
    $('summary-origin').textContent = countsText(s.events_by_origin);
    $('summary-languages').textContent = countsText(s.events_by_lang);
  }

  const SIGN = {amity: '+', enmity: '\u2212', neutral: '0', insufficient: '?'};

  // Nodes A top, B bottom left, C bottom right (as in the report); edges
  // green = amity, red = enmity, grey dashed = neutral or insufficient;
  // the pivot of a romantic triangle ringed.
  const NODES = [[34, 9], [9, 45], [59, 45]];
  const EDGE = {amity: '#17803d', enmity: '#b3261e'};
  function miniTriangle(actors, p) {
    const g = svg('svg', {'class': 'mini-triangle', width: 68, height: 56, viewBox: '0 0 68 56', 'aria-hidden': 'true'});
    [[0, 1], [0, 2], [1, 2]].forEach(([a, b], i) => {
      const status = p.pairs[i].status;
      const line = svg('line', {x1: NODES[a][0], y1: NODES[a][1], x2: NODES[b][0], y2: NODES[b][1],
                                stroke: EDGE[status] || '#aaa', 'stroke-width': EDGE[status] ? 2.5 : 1.2,
                                'data-pair': p.pairs[i].pair, 'data-status': status});
      if (!EDGE[status]) line.setAttribute('stroke-dasharray', '3 2');
      g.appendChild(line);
    });
    actors.forEach((name, i) => {
      const pivot = p.pivot === name;
      g.appendChild(svg('circle', {cx: NODES[i][0], cy: NODES[i][1], r: pivot ? 6 : 4,
                                   fill: pivot ? '#f39c12' : '#1f2d3d'}));
      g.appendChild(svg('text', {x: NODES[i][0], y: i === 0 ? NODES[i][1] - 1 : NODES[i][1] + 10,
                                 'text-anchor': i === 1 ? 'start' : (i === 2 ? 'end' : 'middle'),
                                 'font-size': 8, dx: i === 0 ? 9 : 0, fill: '#333'}, name));
    });
    return g;
  }

  function drawTriangle(t) {
    const box = $('triangle-periods');
    clear(box);
    for (const p of t.periods) {
      const d = el('div', {'class': 'period cfg-' + p.configuration, 'data-period': p.period,
                           'data-configuration': p.configuration, 'tabindex': '0', 'role': 'button'});
      if (p.pivot) d.setAttribute('data-pivot', p.pivot);
      d.appendChild(el('span', {'class': 'label'}, p.period));
      d.appendChild(miniTriangle(t.actors, p));
      d.appendChild(el('span', {'class': 'cfg'}, p.configuration.replace(/_/g, ' ') + (p.pivot ? ' (pivot ' + p.pivot + ')' : '')));
      let title = p.period + ': ' + p.configuration;
      for (const pair of p.pairs) {
        d.appendChild(el('span', {'class': 'pair', 'data-pair': pair.pair, 'data-status': pair.status},
                         pair.pair + ' ' + (SIGN[pair.status] || '')));
        title += '\n' + pair.pair + ': ' + pair.status + ' (' + num(pair.statistic) + ', ' + pair.events + ' events)';
      }
      if (p.reason) title += '\n' + p.reason;
      d.setAttribute('title', title);
      const open = () => drill(p.period, '');
      d.addEventListener('click', open);
      d.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(); } });
      box.appendChild(d);
    }
    if (!t.periods.length) box.appendChild(el('p', {'class': 'hint'}, 'No events among the three actors.'));
  }

  function drawSeries(s) {
    const chart = $('series-chart');
    clear(chart);
    const legend = $('series-legend');
    clear(legend);
    const W = 960, H = 300, L = 50, R = 16, T = 10, B = 28;
    const n = s.periods.length;
    let lo = 0, hi = 0;
    for (const p of s.periods) for (const c of p.cells) { lo = Math.min(lo, c.goldstein_sum); hi = Math.max(hi, c.goldstein_sum); }
    if (hi === lo) { hi = lo + 1; }
    const pad = (hi - lo) * 0.05; lo -= pad; hi += pad;
    const X = (i) => L + (n <= 1 ? (W - L - R) / 2 : i * (W - L - R) / (n - 1));
    const Y = (v) => T + (hi - v) * (H - T - B) / (hi - lo);
    chart.appendChild(svg('line', {'class': 'axis', x1: L, y1: T, x2: L, y2: H - B}));
    chart.appendChild(svg('line', {'class': 'axis', x1: L, y1: H - B, x2: W - R, y2: H - B}));
    chart.appendChild(svg('line', {'class': 'zero', x1: L, y1: Y(0), x2: W - R, y2: Y(0)}));
    chart.appendChild(svg('text', {x: L - 4, y: T + 8, 'text-anchor': 'end'}, num(hi)));
    chart.appendChild(svg('text', {x: L - 4, y: H - B, 'text-anchor': 'end'}, num(lo)));
    chart.appendChild(svg('text', {x: L - 4, y: Y(0) + 3, 'text-anchor': 'end'}, '0'));
    const ticks = Math.min(n, 8);
    for (let k = 0; k < ticks; k++) {
      const i = ticks <= 1 ? 0 : Math.round(k * (n - 1) / (ticks - 1));
      const anchor = ticks > 1 && k === 0 ? 'start' : (ticks > 1 && k === ticks - 1 ? 'end' : 'middle');
      chart.appendChild(svg('text', {x: X(i), y: H - B + 14, 'text-anchor': anchor}, s.periods[i].period));
    }
    s.dyads.forEach((dyad, d) => {
      const g = svg('g', {'class': 'dyad', 'data-dyad': dyad});
      const pts = s.periods.map((p, i) => X(i).toFixed(1) + ',' + Y(p.cells[d].goldstein_sum).toFixed(1));
      g.appendChild(svg('polyline', {'class': 'line', 'data-dyad': dyad, points: pts.join(' '), stroke: COLORS[d]}));
      s.periods.forEach((p, i) => {
        const c = p.cells[d];
        if (!c.events) return;
        const pt = svg('circle', {'class': 'point', 'data-dyad': dyad, 'data-period': p.period, 'data-events': c.events,
                                  cx: X(i).toFixed(1), cy: Y(c.goldstein_sum).toFixed(1), r: 3.5, fill: COLORS[d],
                                  'tabindex': '0', 'role': 'button'});
        pt.appendChild(svg('title', {}, dyad + ' ' + p.period + ': ' + c.events + ' events, sum ' + num(c.goldstein_sum) +
                                         ' (cooperation ' + num(c.cooperation) + ', conflict ' + num(c.conflict) + ')'));
        const open = () => drill(p.period, dyad);
        pt.addEventListener('click', open);
        pt.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
        g.appendChild(pt);
      });
      chart.appendChild(g);
      const item = el('span', {'class': 'legend-item', 'data-dyad': dyad, 'role': 'button', 'tabindex': '0'});
      item.appendChild(el('span', {'class': 'swatch', style: 'background:' + COLORS[d]}));
      item.appendChild(document.createTextNode(dyad));
      item.addEventListener('click', () => {
        const off = item.classList.toggle('off');
        g.style.display = off ? 'none' : '';
      });
      legend.appendChild(item);
    });
  }

  async function loadView() {
    const seq = ++viewSeq;
    setStatus('loading', 'loading');
    showError('');
    try {
      const params = viewParams();
      const [t, s] = await Promise.all([getJson('/api/triangle', params), getJson('/api/series', params)]);
      if (seq !== viewSeq) return;
      drawTriangle(t);
      drawSeries(s);
      setStatus('ready', t.periods.length + ' periods, ' + t.events + ' events (' + t.period + ')');
    } catch (e) {
      if (seq !== viewSeq) return;
      showError(e.message);
      setStatus('error', 'error');
    }
  }

  function searchParams() {
    const f = $('search-form');
    const p = {};
    for (const name of ['actor', 'source', 'target', 'code', 'root', 'from', 'to', 'lang', 'modality', 'origin', 'q', 'dyad', 'period', 'limit']) {
      const v = f.elements[name].value.trim();
      if (v) p[name] = v;
    }
    if (p.dyad || p.period) p.actors = viewParams().actors;
    p.offset = offset;
    return p;
  }

  function cell(cls, text) { return el('td', {'class': cls}, text); }

  function drawResults(r) {
    const body = $('results').tBodies[0];
    clear(body);
    for (const e of r.events) {
      const tr = el('tr', {'class': 'event', 'data-event-id': e.id});
      tr.appendChild(cell('date', e.date || ''));
      tr.appendChild(cell('source', e.source));
      tr.appendChild(cell('target', e.target));
      tr.appendChild(cell('code', e.code));
      tr.appendChild(cell('goldstein', e.goldstein));
      tr.appendChild(cell('modality', e.modality));
      tr.appendChild(cell('lang', e.lang));
      tr.appendChild(cell('sentence', e.sentence));
      const doc = el('td', {'class': 'document'});
      if (e.doc_id) {
        const a = el('a', {'class': 'doc-link', href: '/doc/' + encodeURIComponent(e.doc_id) + '?event=' + encodeURIComponent(e.id)},
                     e.doc_title || e.doc_id.slice(0, 12));
        doc.appendChild(a);
        if (e.doc_date) doc.appendChild(document.createTextNode(' (' + e.doc_date + ')'));
      } else {
        doc.textContent = e.import_file.split('/').pop() + ':' + e.import_line + ' (' + e.origin + ')';
      }
      tr.appendChild(doc);
      body.appendChild(tr);
    }
    lastTotal = r.total;
    const shown = r.events.length;
    const count = $('results-count');
    count.setAttribute('data-total', r.total);
    count.textContent = r.total + ' events' + (shown ? ' (showing ' + (r.offset + 1) + '\u2013' + (r.offset + shown) + ')' : '');
    $('prev-page').disabled = r.offset <= 0;
    $('next-page').disabled = r.offset + shown >= r.total;
  }

  async function runSearch() {
    const seq = ++searchSeq;
    const table = $('results');
    table.setAttribute('data-state', 'loading');
    try {
      const r = await getJson('/api/events', searchParams());
      if (seq !== searchSeq) return;
      showError('');
      drawResults(r);
      table.setAttribute('data-state', 'ready');
    } catch (e) {
      if (seq !== searchSeq) return;
      showError(e.message);
      table.setAttribute('data-state', 'error');
    }
  }

  function drill(period, dyad) {
    const f = $('search-form');
    f.reset();
    f.elements.period.value = period;
    f.elements.dyad.value = dyad;
    f.elements.origin.value = viewParams().origin;
    f.elements.limit.value = '50';
    offset = 0;
    runSearch();
    $('search-section').scrollIntoView({behavior: 'smooth', block: 'start'});
  }

  $('view-form').addEventListener('submit', (e) => { e.preventDefault(); loadView(); });
  $('search-form').addEventListener('submit', (e) => { e.preventDefault(); offset = 0; runSearch(); });
  $('search-reset').addEventListener('click', () => { $('search-form').reset(); offset = 0; runSearch(); });
  $('prev-page').addEventListener('click', () => {
    const limit = Number($('search-form').elements.limit.value) || 50;
    offset = Math.max(0, offset - limit);
    runSearch();
  });
  $('next-page').addEventListener('click', () => {
    const limit = Number($('search-form').elements.limit.value) || 50;
    if (offset + limit < lastTotal) { offset += limit; runSearch(); }
  });

  loadSummary().catch((e) => showError(e.message));
  loadView();
  runSearch();
})();
)JS";

}  // namespace

std::string DashboardHtml() { return kHtml; }
std::string DashboardScript() { return kScript; }

}  // namespace trigon::server
