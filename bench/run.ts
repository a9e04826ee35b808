/** `npm run bench`: the 'arena' workload against Tickfire and its baselines; writes bench/results/latest.*. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './runner/cli-args.js';
import { describeMachine } from './runner/machine.js';
import { renderSvg } from './runner/report-svg.js';
import { renderTable } from './runner/report-table.js';
import type { SummaryRow } from './runner/summary-row.js';
import { DEFAULT_NS, sweepSystems } from './runner/sweep.js';

/** Quick mode stops retrying after this long so the whole run stays under two minutes. */
const QUICK_RETRY_BUDGET_MS = 80_000;

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2));
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}

const started = performance.now();
const machine = describeMachine();
const ns = args.ns ?? [...DEFAULT_NS, '(+x1.5 while bots keep up)'];
const settings = `warm-up ${args.warmupS} s, window ${args.windowS} s, runs ${args.runs}`;
console.log(
  `bench 'arena' on ${machine}: systems ${args.systems.join(', ')}; N ${ns.join(', ')}; ${settings}`,
);
if (args.quick) {
  console.log(
    '--quick: N 128 and 512 only, SHORTER windows than the workload (2 s warm-up, 5 s window), no N reduction',
  );
}

const rows: SummaryRow[] = [];
const ctx = {
  args,
  machine,
  outOfTime: () => args.quick && performance.now() - started > QUICK_RETRY_BUDGET_MS,
  log: (line: string) => console.log(line),
};
rows.push(...(await sweepSystems(ctx, args.systems)));

const resultsDir = fileURLToPath(new URL('../../../bench/results/', import.meta.url));
mkdirSync(resultsDir, { recursive: true });
writeFileSync(`${resultsDir}latest.json`, `${JSON.stringify(rows, null, 2)}\n`);
const subtitle = `${machine} | ${settings}${args.quick ? ' (quick)' : ''} | ${new Date().toISOString()}`;
writeFileSync(`${resultsDir}latest.svg`, renderSvg(rows, subtitle));

console.log('');
console.log(renderTable(rows));
console.log(
  `\nwrote bench/results/latest.json and latest.svg in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
