/** Command-line flags of `npm run bench`. */
import { DEFAULT_SYSTEMS, isSystem, SYSTEMS, type SystemName } from '../shared/bot-protocol.js';

/** Parsed bench options. */
export interface BenchArgs {
  readonly quick: boolean;
  readonly systems: readonly SystemName[];
  /** Explicit N list, or null for the default sweep (which extends while bots keep up). */
  readonly ns: readonly number[] | null;
  readonly runs: number;
  readonly procs: number;
  readonly warmupS: number;
  readonly windowS: number;
}

const USAGE = 'usage: npm run bench -- [--quick] [--systems a,b] [--n 128,512] [--runs K] [--procs 1|2]';

function list(value: string | undefined, flag: string): string[] {
  if (!value) throw new Error(`${flag} needs a value\n${USAGE}`);
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Parses argv (without node and script); throws with the usage on bad input. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  let quick = false;
  let systems: SystemName[] = [...DEFAULT_SYSTEMS];
  let ns: number[] | null = null;
  let runs = 1;
  let procs = 1;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--quick') quick = true;
    else if (flag === '--systems') {
      const names = list(argv[++i], flag);
      const bad = names.find((s) => !isSystem(s));
      if (bad) throw new Error(`unknown system ${bad} (known: ${SYSTEMS.join(', ')})`);
      systems = names.filter(isSystem);
    } else if (flag === '--n') {
      ns = list(argv[++i], flag).map(Number);
      if (ns.some((n) => !Number.isInteger(n) || n < 16 || n % 16 !== 0))
        throw new Error('--n values must be multiples of 16');
    } else if (flag === '--runs') runs = Math.max(1, Math.min(9, Number(argv[++i]) || 1));
    else if (flag === '--procs') procs = argv[++i] === '2' ? 2 : 1;
    else if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    else throw new Error(`unknown flag ${flag}\n${USAGE}`);
  }
  if (quick && ns === null) ns = [128, 512];
  return { quick, systems, ns, runs, procs, warmupS: quick ? 2 : 3, windowS: quick ? 5 : 10 };
}
