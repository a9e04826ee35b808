/** Console table of the summary rows, with CPU ratios against the baselines at the same N. */
import type { SummaryRow } from './summary-row.js';

const BASELINES = ['floor', 'colyseus', 'socketio-json'] as const;

function fmt(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits);
}

/** `row`'s CPU per client-tick divided by the baseline's at the same N ('-' if either is missing). */
export function cpuRatio(rows: readonly SummaryRow[], row: SummaryRow, baseline: string): string {
  const base = rows.find((r) => r.system === baseline && r.n === row.n && r.valid);
  if (
    !base ||
    !row.valid ||
    base === row ||
    !base.cpu_us_per_client_tick ||
    row.cpu_us_per_client_tick === null
  ) {
    return '-';
  }
  return `${(row.cpu_us_per_client_tick / base.cpu_us_per_client_tick).toFixed(2)}x`;
}

/** Renders the table (invalid rows show their reason instead of figures). */
export function renderTable(rows: readonly SummaryRow[]): string {
  const head = [
    'system',
    'N',
    'us/cl-tick',
    'ticks/s',
    'tick p99',
    'down B/c/s',
    'up B/c/s',
    'ack p50',
    'ack p99',
    'RSS MB',
  ];
  const ratioHead = BASELINES.map((b) => `vs ${b}`);
  const lines: string[][] = [head.concat(ratioHead)];
  const notes: string[] = [];
  for (const r of rows) {
    if (!r.valid) {
      lines.push([r.system, String(r.n), 'INVALID', '', '', '', '', '', '', '', '', '', '']);
      notes.push(`${r.system} N=${r.n}: ${r.invalid_reason ?? 'invalid'}`);
      continue;
    }
    lines.push([
      r.system,
      String(r.n),
      fmt(r.cpu_us_per_client_tick),
      fmt(r.ticks_per_s),
      fmt(r.tick_p99_ms, 2),
      fmt(r.down_bytes_per_client_s, 0),
      fmt(r.up_bytes_per_client_s, 0),
      fmt(r.ack_latency_p50_ms),
      fmt(r.ack_latency_p99_ms),
      fmt(r.rss_mb, 0),
      ...BASELINES.map((b) => cpuRatio(rows, r, b)),
    ]);
  }
  const widths = head.concat(ratioHead).map((_, c) => Math.max(...lines.map((l) => (l[c] ?? '').length)));
  const text = lines.map((l) =>
    l.map((cell, c) => (c < 1 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  '),
  );
  text.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return [...text, ...notes.map((n) => `  invalid: ${n}`)].join('\n');
}
