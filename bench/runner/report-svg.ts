/** Hand-written SVG chart: grouped bars of CPU per client-tick and down bytes, per system per N. */
import type { SummaryRow } from './summary-row.js';

const COLORS: Record<string, string> = {
  floor: '#6b7280',
  colyseus: '#2563eb',
  'socketio-json': '#d97706',
  tickfire: '#dc2626',
};
const WIDTH = 900;
const PANEL_H = 280;
const PAD = { left: 70, right: 20, top: 40, bottom: 40 };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function panel(
  rows: readonly SummaryRow[],
  y0: number,
  title: string,
  pick: (r: SummaryRow) => number | null,
): string {
  const valid = rows.filter((r) => r.valid && pick(r) !== null);
  const ns = [...new Set(valid.map((r) => r.n))].sort((a, b) => a - b);
  const systems = [...new Set(rows.map((r) => r.system))];
  const max = Math.max(1, ...valid.map((r) => pick(r) ?? 0)) * 1.15;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = PANEL_H - PAD.top - PAD.bottom;
  const base = y0 + PAD.top + plotH;
  const out: string[] = [`<text x="${PAD.left}" y="${y0 + 24}" font-weight="bold">${esc(title)}</text>`];
  for (let g = 0; g <= 4; g++) {
    const v = (max * g) / 4;
    const y = base - (plotH * g) / 4;
    out.push(`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y}" y2="${y}" stroke="#e5e7eb"/>`);
    out.push(
      `<text x="${PAD.left - 6}" y="${y + 4}" text-anchor="end" font-size="11">${v.toFixed(v < 10 ? 1 : 0)}</text>`,
    );
  }
  const groupW = plotW / Math.max(1, ns.length);
  const barW = Math.min(40, (groupW * 0.8) / Math.max(1, systems.length));
  ns.forEach((n, gi) => {
    const gx = PAD.left + gi * groupW + (groupW - barW * systems.length) / 2;
    out.push(
      `<text x="${PAD.left + gi * groupW + groupW / 2}" y="${base + 18}" text-anchor="middle" font-size="12">N=${n}</text>`,
    );
    systems.forEach((s, si) => {
      const r = valid.find((x) => x.system === s && x.n === n);
      const v = r ? (pick(r) ?? 0) : 0;
      if (!r) return;
      const h = (plotH * v) / max;
      const x = gx + si * barW;
      out.push(
        `<rect x="${x.toFixed(1)}" y="${(base - h).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[s] ?? '#999'}"/>`,
      );
      out.push(
        `<text x="${(x + barW / 2 - 1).toFixed(1)}" y="${(base - h - 4).toFixed(1)}" text-anchor="middle" font-size="10">${v.toFixed(v < 100 ? 1 : 0)}</text>`,
      );
    });
  });
  return out.join('\n');
}

/** Renders the whole chart; `subtitle` carries machine and run settings. */
export function renderSvg(rows: readonly SummaryRow[], subtitle: string): string {
  const systems = [...new Set(rows.map((r) => r.system))];
  const height = PANEL_H * 2 + 70;
  const legend = systems
    .map((s, i) => {
      const x = PAD.left + i * 160;
      return `<rect x="${x}" y="${height - 24}" width="12" height="12" fill="${COLORS[s] ?? '#999'}"/><text x="${x + 18}" y="${height - 14}" font-size="12">${esc(s)}</text>`;
    })
    .join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${PAD.left}" y="18" font-size="11" fill="#555">${esc(subtitle)}</text>`,
    panel(rows, 10, 'Server CPU, µs per client-tick (lower is better)', (r) => r.cpu_us_per_client_tick),
    panel(
      rows,
      10 + PANEL_H,
      'Downstream bytes per client per second (lower is better)',
      (r) => r.down_bytes_per_client_s,
    ),
    legend,
    '</svg>',
    '',
  ].join('\n');
}
