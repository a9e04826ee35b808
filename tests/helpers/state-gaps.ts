/** Measuring the gaps between State frames an honest client receives, and percentiles of them. */
import type WebSocket from 'ws';
import { decodeServerMsg, ServerMsg } from '../../protocol/index.js';

/** Records the arrival time (ms) of every State frame on `ws`; `gaps()` lists the intervals since `from`. */
export function recordStateGaps(ws: WebSocket): { gaps(): number[]; reset(): void } {
  let times: number[] = [];
  ws.on('message', (data: Buffer) => {
    const r = decodeServerMsg(new Uint8Array(data));
    if (r.ok && r.msg[0] === ServerMsg.State) times.push(performance.now());
  });
  return {
    gaps: () => times.slice(1).map((t, i) => t - times[i]!),
    reset: () => {
      times = [];
    },
  };
}

/** The p-th percentile (0..100) of `values` (nearest rank); 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
