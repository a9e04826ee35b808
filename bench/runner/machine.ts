/** Describes the machine a bench ran on: CPU model and core count. */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Number of cores the processes can use. */
export const CORES = availableParallelism();

/** "CPU model, N cores" from /proc/cpuinfo. */
export function describeMachine(): string {
  let model = 'unknown CPU';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) model = line.split(':')[1]?.trim() ?? model;
  } catch {
    // not Linux: keep the placeholder
  }
  return `${model}, ${CORES} cores`;
}
