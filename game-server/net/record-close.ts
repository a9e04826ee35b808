/** Metrics at the socket boundary: closes by bounded reason. */
import { closeReasonLabel, type ServerMetrics } from '../metrics.js';

/** Counts a close under the first word of its reason when known ("kicked: ..."), else under its code. */
export function recordClose(metrics: ServerMetrics, code: number, message: ArrayBuffer): void {
  const text = Buffer.from(message).toString();
  metrics.recordClose(closeReasonLabel(text) === 'other' ? code : text);
}
