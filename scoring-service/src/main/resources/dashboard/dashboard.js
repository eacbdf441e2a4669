// The WattWatch dashboard: plain JavaScript and uPlot, no build step. Times on the page are the
// home's wall clock (the zone the scoring service is configured with), whatever the browser's zone.
(() => {
  'use strict';

  const API = '/api/dashboard';
  const COLORS = {
    band: 'rgba(46, 160, 67, 0.22)', bandEdge: '#2ea043', usage: '#1f6feb', above: '#d62728',
  };
  const $ = (id) => document.getElementById(id);
  const state = { meter: null, date: null, zone: 'UTC', day: null, chart: null, week: null, live: null, banners: {} };

  // A change (a POST) carries the CSRF token the service set as a cookie, as the signed-in owner's own
  // page can and another site's page cannot.
  function csrfHeaders(options) {
    const method = ((options && options.method) || 'GET').toUpperCase();
    if (method === 'GET' || method === 'HEAD') {
      return options;
    }
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='));
    const headers = Object.assign({}, (options && options.headers) || {});
    if (cookie) {
      headers['X-XSRF-TOKEN'] = decodeURIComponent(cookie.substring('XSRF-TOKEN='.length));
    }
    return Object.assign({}, options, { headers });
  }

  async function call(url, options) {
    try {
      const response = await fetch(url, csrfHeaders(options));
      if (response.status === 401) {
        window.location.assign('/login'); // the sign-in ran out: sign in again, back here after
      }
      const body = (response.headers.get('content-type') || '').includes('json') ? await response.json() : null;
      return { ok: response.ok, status: response.status, body };
    } catch (e) {
      return { ok: false, status: 0, body: null };
    }
  }

  // --- banners: what the page cannot show right now, and why ---
  function banner(key, text, down) {
    if (text) {
      state.banners[key] = { text, down };
    } else {
      delete state.banners[key];
    }
    const box = $('banners');
    box.replaceChildren(...Object.entries(state.banners).map(([k, b]) => {
      const div = document.createElement('div');
      div.id = 'banner-' + k;
      div.className = b.down ? 'down' : '';
      div.textContent = b.text;
      return div;
    }));
  }

  const timeFormat = () => new Intl.DateTimeFormat('en-GB', { timeZone: state.zone, hour: '2-digit', minute: '2-digit' });
  const dateTimeFormat = (zone) => new Intl.DateTimeFormat('en-GB', {
    timeZone: zone || state.zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
  });

  // --- the day chart ---
  function dayData(view) {
    const xs = new Set([view.to]);
    view.band.forEach((b) => xs.add(b.start));
    view.points.forEach((p) => { xs.add(Math.max(p.start, view.from)); xs.add(Math.min(p.end, view.to)); });
    const x = [...xs].filter((t) => t >= view.from && t <= view.to).sort((a, b) => a - b);
    const low = [], high = [], usage = [], above = [];
    let b = 0, p = 0;
    for (const t of x) {
      while (b < view.band.length && view.band[b].end <= t) b++;
      while (p < view.points.length && view.points[p].end <= t) p++;
      const band = b < view.band.length && view.band[b].start <= t ? view.band[b] : null;
      const point = p < view.points.length && view.points[p].start <= t ? view.points[p] : null;
      low.push(band ? band.lowWatts : null);
      high.push(band ? band.highWatts : null);
      // a point that ends here without a next one still needs its value here to draw its last step
      const ended = !point && p > 0 && view.points[p - 1].end === t ? view.points[p - 1] : null;
      usage.push(point ? point.watts : ended ? ended.watts : null);
      above.push(point && point.above && Math.max(point.start, view.from) === t ? point.watts : null);
    }
    return [x, low, high, usage, above];
  }

  // 24-hour times on the home's clock; the week chart adds the day
  const axisLabels = (withDay) => (u, splits) => {
    const format = new Intl.DateTimeFormat('en-GB', withDay
      ? { timeZone: state.zone, weekday: 'short', hour: '2-digit', minute: '2-digit' }
      : { timeZone: state.zone, hour: '2-digit', minute: '2-digit' });
    return splits.map((ts) => format.format(new Date(ts * 1000)));
  };

  function chartOptions(element, series, bands, onDraw, withDay) {
    const phone = window.matchMedia('(max-width: 760px)').matches;
    return {
      width: Math.max(element.clientWidth, 280),
      height: phone ? 220 : 300,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), state.zone),
      scales: { y: { range: (u, min, max) => [0, Math.max(100, (max || 0) * 1.1)] } },
      axes: [{ values: axisLabels(withDay), space: withDay ? 90 : 50 }, { label: 'W', size: 56 }],
      series: [{}, ...series],
      bands,
      legend: { show: !phone, live: true }, // the values under the cursor; the page's own legend stays
      cursor: { drag: { x: false, y: false } },
      hooks: { draw: [onDraw] },
    };
  }

  const stepped = () => uPlot.paths.stepped({ align: 1 });

  function drawDay(view) {
    const element = $('day-chart');
    const data = dayData(view);
    const draw = (u) => {
      // what was actually drawn, for people reading the page source and for the end-to-end test
      element.dataset.bandHours = String(view.band.length);
      element.dataset.points = String(view.points.length);
      element.dataset.above = String(view.points.filter((p) => p.above).length);
      element.dataset.drawnFrom = String(u.data[0][0] ?? '');
    };
    if (state.chart) {
      state.chart.destroy();
    }
    element.replaceChildren();
    state.chart = new uPlot(chartOptions(element, [
      { label: 'usual low', stroke: COLORS.bandEdge, width: 1, paths: stepped(), points: { show: false } },
      { label: 'usual high', stroke: COLORS.bandEdge, width: 1, paths: stepped(), points: { show: false } },
      { label: 'usage', stroke: COLORS.usage, width: 2, paths: stepped(), points: { show: false } },
      {
        label: 'above usual', stroke: COLORS.above, paths: () => null,
        points: { show: true, size: 9, fill: COLORS.above, stroke: COLORS.above },
      },
    ], [{ series: [2, 1], fill: COLORS.band }], draw, false), data, element);
  }

  function summarise(view) {
    const wh = view.points.reduce((sum, p) => sum + p.wh, 0);
    const above = view.points.filter((p) => p.above).length;
    const when = new Intl.DateTimeFormat('en-GB', {
      timeZone: state.zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric',
    }).format(new Date(view.from * 1000));
    $('day-title').textContent = `${view.meter} — ${when}`;
    if (view.points.length === 0) {
      const kept = view.firstDayKept ? `; the dashboard keeps readings from ${view.firstDayKept}` : '';
      $('day-summary').textContent = `No readings on this day${kept}.`;
      return;
    }
    const last = view.points[view.points.length - 1];
    $('day-summary').textContent = `${Math.round(wh).toLocaleString('en')} Wh in readings up to `
      + `${timeFormat().format(new Date(last.end * 1000))}; `
      + (above === 0 ? 'nothing above the usual range.'
        : `${above} reading${above === 1 ? '' : 's'} above the usual range.`);
  }

  async function loadDay() {
    const query = new URLSearchParams({ meter: state.meter });
    if (state.date) query.set('date', state.date);
    const r = await call(`${API}/day?${query}`);
    if (!r.ok) {
      $('day-summary').textContent = r.body && r.body.detail ? r.body.detail : 'The day could not be loaded.';
      return;
    }
    state.day = r.body;
    state.zone = r.body.zone;
    state.date = r.body.date;
    $('date').value = r.body.date;
    history.replaceState(null, '', `?${new URLSearchParams({ meter: state.meter, date: state.date })}`);
    summarise(state.day);
    drawDay(state.day);
  }

  function addLivePoint(point) {
    const view = state.day;
    if (!view || point.start < view.from || point.start >= view.to) {
      return; // another day than the one shown
    }
    const i = view.points.findIndex((p) => p.start === point.start);
    if (i >= 0) {
      view.points[i] = point; // a minute that grew
    } else {
      view.points.push(point);
      view.points.sort((a, b) => a.start - b.start);
    }
    summarise(view);
    state.chart.setData(dayData(view));
  }

  function follow() {
    if (state.live) {
      state.live.close();
    }
    state.live = new EventSource(`${API}/live?${new URLSearchParams({ meter: state.meter })}`);
    state.live.addEventListener('point', (e) => addLivePoint(JSON.parse(e.data)));
    state.live.onopen = () => banner('live', null);
    state.live.onerror = () => banner('live', 'Live updates interrupted; reconnecting…', false);
  }

  // --- the week's envelope ---
  async function loadWeek() {
    const query = new URLSearchParams({ meter: state.meter });
    if (state.date) query.set('date', state.date);
    const r = await call(`${API}/week?${query}`);
    if (!r.ok) return;
    const band = r.body.band;
    const x = band.map((b) => b.start).concat([band[band.length - 1].end]);
    const low = band.map((b) => b.lowWatts).concat([null]);
    const high = band.map((b) => b.highWatts).concat([null]);
    $('week-title').textContent = `The usual range, week of ${r.body.monday}`;
    const element = $('week-chart');
    if (state.week) state.week.destroy();
    element.replaceChildren();
    state.week = new uPlot(chartOptions(element, [
      { label: 'usual low', stroke: COLORS.bandEdge, width: 1, paths: stepped(), points: { show: false } },
      { label: 'usual high', stroke: COLORS.bandEdge, width: 1, paths: stepped(), points: { show: false } },
    ], [{ series: [2, 1], fill: COLORS.band }], () => { element.dataset.bandHours = String(band.length); }, true),
    [x, low, high], element);
  }

  // --- model card ---
  async function loadModel() {
    const r = await call(`${API}/model?${new URLSearchParams({ meter: state.meter })}`);
    const model = $('model');
    if (!r.ok) {
      model.replaceChildren();
      return;
    }
    const m = r.body;
    const rows = [
      ['version', m.version],
      ['kind', m.kind + (m.ownModel ? ' (this meter\'s own)' : ' (the default)')],
      ['trained on', m.trainedFrom ? `${m.trainedFrom.slice(0, 10)} to ${m.trainedTo.slice(0, 10)}` : 'no training record'],
      ['windows', m.trainingWindows != null ? `${m.trainingWindows.toLocaleString('en')} of ${m.windowMinutes} min` : null],
      ['backtest', m.averageAlertsPerMonth != null
        ? `${m.averageAlertsPerMonth} alerts a month on its own history (${Object.keys(m.alertsPerMonth).length} months)`
        : null],
      ['created', m.createdAt ? dateTimeFormat().format(new Date(m.createdAt)) : null],
    ].filter(([, v]) => v != null);
    model.replaceChildren(...rows.flatMap(([k, v]) => {
      const dt = document.createElement('dt');
      dt.textContent = k;
      const dd = document.createElement('dd');
      dd.textContent = v;
      return [dt, dd];
    }));
    // the model's history: every retrain's decision, newest first
    const history = $('model-history');
    history.replaceChildren(...(m.decisions || []).map((d) => {
      const li = document.createElement('li');
      li.className = d.promoted ? 'decision promoted' : 'decision kept-out';
      li.dataset.promoted = String(d.promoted);
      const when = dateTimeFormat().format(new Date(d.at));
      const what = d.candidateVersion ? `${d.candidateVersion} ${d.promoted ? 'went live' : 'was not put live'}` : 'no candidate';
      li.textContent = `${when}: ${what}, ${d.reason}`;
      return li;
    }));
  }

  // --- alerts, from the notifier through this service ---
  async function loadAlerts() {
    const r = await call(`${API}/alerts`);
    const note = $('alerts-note');
    if (!r.ok) {
      note.textContent = r.status === 503 ? 'The notifier is unreachable: alerts and snoozing are unavailable.'
        : 'Alerts could not be loaded.';
      return;
    }
    const alerts = r.body;
    note.textContent = alerts.length === 0 ? 'No recent alerts.' : '';
    $('alerts').replaceChildren(...alerts.map(renderAlert));
    // opened from a message's link: the alert it is about, with its buttons, in view
    const linked = new URLSearchParams(window.location.search).get('alert');
    const item = linked && [...$('alerts').children].find((li) => li.dataset.alertId === linked);
    if (item && !item.classList.contains('linked')) {
      item.classList.add('linked');
      if (!state.linkedShown) item.scrollIntoView({ block: 'center' });
      state.linkedShown = true;
    }
  }

  function renderAlert(alert) {
    const a = alert.anomaly;
    const li = document.createElement('li');
    li.dataset.alertId = a.alertId;
    li.dataset.state = a.state;
    li.dataset.kind = a.kind || 'USAGE';
    if (a.meterId !== state.meter) li.className = 'other-meter';
    const badge = document.createElement('span');
    badge.className = `state ${a.state}`;
    badge.textContent = a.state;
    // an alert carries its home's zone: right even before the page knows the zone; its title opens its day
    const title = document.createElement('a');
    title.className = 'alert-day';
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: a.zone, year: 'numeric', month: '2-digit', day: '2-digit' })
      .format(new Date(a.raisedAt));
    // a channel that keeps failing carries the channel's name where a meter's would be: no day to open
    if (a.kind !== 'CHANNEL') title.href = `?${new URLSearchParams({ meter: a.meterId, date: day })}`;
    const subject = a.kind === 'CHANNEL' ? `channel ${a.meterId}` : a.meterId;
    title.textContent = ` ${subject} · ${dateTimeFormat(a.zone).format(new Date(a.raisedAt))}`;
    const message = document.createElement('p');
    message.className = 'message';
    message.textContent = alert.message;
    const deliveries = document.createElement('p');
    deliveries.className = 'deliveries';
    deliveries.textContent = Object.entries(alert.deliveries || {})
      .map(([key, d]) => `${key}: ${d.outcome.toLowerCase()}${d.detail ? ` (${d.detail})` : ''}`).join(' · ');
    li.append(badge, title, message, deliveries);
    if (alert.snoozedUntil && new Date(alert.snoozedUntil) > new Date()) {
      const snoozed = document.createElement('p');
      snoozed.className = 'snoozed note';
      snoozed.textContent = `Snoozed until ${dateTimeFormat(a.zone).format(new Date(alert.snoozedUntil))}`;
      li.append(snoozed);
    } else if (a.state !== 'RESOLVED') {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'snooze';
      button.textContent = 'Snooze 2 h';
      button.addEventListener('click', async () => {
        button.disabled = true;
        const r = await call(`${API}/alerts/${encodeURIComponent(a.alertId)}/snooze?for=PT2H`, { method: 'POST' });
        if (!r.ok) $('alerts-note').textContent = r.body && r.body.detail ? r.body.detail : 'Snoozing failed.';
        loadAlerts();
      });
      li.append(button);
    }
    if (a.kind === 'USAGE') li.append(feedbackOf(alert));
    return li;
  }

  // the owner's word on a usage alert: the next retrain learns expected usage and leaves real problems out
  function feedbackOf(alert) {
    const p = document.createElement('p');
    p.className = 'feedback';
    if (alert.feedback) {
      p.textContent = alert.feedback === 'EXPECTED' ? 'You said: expected.' : 'You said: a real problem.';
      p.dataset.feedback = alert.feedback;
      return p;
    }
    for (const [label, text] of [['expected', 'Expected'], ['problem', 'A real problem']]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `feedback-${label}`;
      button.textContent = text;
      button.addEventListener('click', async () => {
        button.disabled = true;
        const r = await call(`${API}/alerts/${encodeURIComponent(alert.anomaly.alertId)}/feedback`, {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ label }),
        });
        if (!r.ok) $('alerts-note').textContent = r.body && r.body.detail ? r.body.detail : 'Feedback failed.';
        loadAlerts();
      });
      p.append(button);
    }
    return p;
  }

  // --- status ---
  async function loadStatus() {
    const r = await call(`${API}/status`);
    if (!r.ok) {
      banner('service', 'The scoring service does not answer; retrying.', true);
      return;
    }
    banner('service', null);
    const s = r.body;
    state.zone = s.zone;
    const until = s.lastReadingAt ? ` Showing readings received until ${dateTimeFormat().format(new Date(s.lastReadingAt))}.` : '';
    banner('broker', s.broker ? null : `The Kafka broker is unreachable: no new readings.${until}`, true);
    banner('notifier', s.notifier ? null : 'The notifier is unreachable: alerts and snoozing are unavailable.', true);
  }

  // --- wiring ---
  async function loadMeters() {
    const r = await call(`${API}/meters`);
    if (!r.ok) return false;
    const select = $('meter');
    const known = r.body.map((m) => m.meter);
    if (state.meter && !known.includes(state.meter)) known.unshift(state.meter);
    select.replaceChildren(...known.map((m) => new Option(m, m)));
    if (!state.meter && known.length > 0) state.meter = known[0];
    select.value = state.meter || '';
    return known.length > 0;
  }

  async function show() {
    await Promise.all([loadDay(), loadModel()]);
    await loadWeek();
    follow();
  }

  function shiftDay(days) {
    const d = new Date(`${state.date}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    state.date = d.toISOString().slice(0, 10);
    show();
  }

  async function start() {
    const params = new URLSearchParams(location.search);
    state.meter = params.get('meter');
    state.date = params.get('date');
    $('meter').addEventListener('change', (e) => { state.meter = e.target.value; show(); loadAlerts(); });
    $('date').addEventListener('change', (e) => { if (e.target.value) { state.date = e.target.value; show(); } });
    $('prev').addEventListener('click', () => shiftDay(-1));
    $('next').addEventListener('click', () => shiftDay(1));
    new ResizeObserver(() => {
      [[state.chart, 'day-chart'], [state.week, 'week-chart']].forEach(([chart, id]) => {
        if (chart) chart.setSize({ width: Math.max($(id).clientWidth, 280), height: chart.height });
      });
    }).observe(document.querySelector('main'));
    await loadStatus(); // the home's zone first: every time on the page is on its clock
    loadAlerts();
    setInterval(loadStatus, 10000);
    setInterval(loadAlerts, 10000);
    while (!(await loadMeters())) {
      $('day-summary').textContent = 'No readings yet. Waiting for the first one…';
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
    show();
  }

  start();
})();
