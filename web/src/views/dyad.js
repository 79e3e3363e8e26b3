// #/dyad/{a}/{b} — how two entities have dealt with each other over time: cooperation and
// conflict counts per period (bars) with the mean Goldstein score (line), and their shared timeline.

import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from 'chart.js';
import { apiGet } from '../api.js';
import { el, fill, muted, route, section } from '../dom.js';
import { eventItem, pagedList } from '../common.js';
import { showError } from '../errors.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

function drawChart(canvas, trend) {
  return new Chart(canvas, {
    data: {
      labels: trend.map((t) => String(t.period)),
      datasets: [
        { type: 'bar', label: 'cooperation', data: trend.map((t) => Number(t.cooperation) || 0), backgroundColor: '#2e8b57', yAxisID: 'y' },
        { type: 'bar', label: 'conflict', data: trend.map((t) => Number(t.conflict) || 0), backgroundColor: '#c0392b', yAxisID: 'y' },
        {
          type: 'line', label: 'mean Goldstein', data: trend.map((t) => (typeof t.goldstein === 'number' ? t.goldstein : null)),
          borderColor: '#1a1a2e', backgroundColor: '#1a1a2e', yAxisID: 'goldstein', tension: 0.2, spanGaps: true,
        },
      ],
    },
    options: {
      animation: false, // draw at once: nothing to wait for in tests or screenshots
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        y: { beginAtZero: true, title: { display: true, text: 'events' }, ticks: { precision: 0 } },
        goldstein: { position: 'right', min: -10, max: 10, title: { display: true, text: 'Goldstein (−10 conflict … +10 cooperation)' }, grid: { drawOnChartArea: false } },
      },
    },
  });
}

export async function dyadView(root, ctx) {
  const [a, b] = ctx.params;
  const [ea, eb] = await Promise.all([apiGet(['entities', a], null, ctx.signal), apiGet(['entities', b], null, ctx.signal)]);
  const nameOf = (e) => el('a', { href: route('entity', e.id), 'data-testid': 'entity-link' }, el('bdi', null, e.name || e.id));

  const by = el('select', { 'data-testid': 'trend-by', 'aria-label': 'period' },
    ['month', 'quarter', 'year'].map((p) => el('option', { value: p }, `by ${p}`)));
  const canvas = el('canvas', { 'aria-label': 'cooperation and conflict over time', role: 'img' });
  const chartBox = el('div', { class: 'chart', 'data-testid': 'trend-chart', 'data-state': 'loading' }, canvas);
  const note = el('p', { class: 'muted small' });
  const timeline = pagedList({
    testid: 'timeline',
    load: (page) => apiGet(['entities', ea.id, 'timeline'], { other: eb.id, page, per_page: 20 }, ctx.signal),
    renderItem: eventItem,
    empty: 'No events between these two.',
    ordered: true,
  });

  root.append(
    el('h1', { 'data-testid': 'dyad-title' }, nameOf(ea), ' ⇄ ', nameOf(eb)),
    section('Cooperation and conflict', 'trend', el('div', { class: 'toolbar' }, by), chartBox, note),
    section('Shared timeline', 'timeline-card', timeline.node),
  );

  let chart = null;
  ctx.onCleanup(() => chart && chart.destroy());

  async function loadTrend() {
    chartBox.dataset.state = 'loading';
    const trend = await apiGet(['entities', ea.id, 'trend'], { other: eb.id, by: by.value }, ctx.signal);
    if (!ctx.isCurrent()) return;
    const rows = Array.isArray(trend) ? trend : [];
    if (chart) chart.destroy();
    chart = drawChart(canvas, rows);
    chartBox.dataset.periods = String(rows.length);
    chartBox.dataset.state = 'ready';
    fill(note, rows.length ? `${rows.reduce((n, t) => n + (Number(t.events) || 0), 0)} dated events in ${rows.length} periods. Undated events are left out.` : muted('No dated events between these two.'));
  }
  by.addEventListener('change', () => loadTrend().catch(showError));
  await Promise.all([loadTrend(), timeline.ready]);
}
