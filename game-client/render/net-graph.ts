/** The net graph: RTT, jitter, tick, snapshot rate, bandwidth, interpolation, underruns, corrections, FPS. */
import type Phaser from 'phaser';
import type { NetGraphData } from '../net/session.js';

/** Keys that toggle the net graph (KeyboardEvent.code). */
export const NET_GRAPH_KEYS: ReadonlySet<string> = new Set(['F3', 'Backquote']);
/** The text is rebuilt this often, in ms (rebuilding a Phaser text every frame costs a texture upload). */
const REFRESH_MS = 250;

const kb = (bytesPerS: number): string => `${(bytesPerS / 1024).toFixed(1)} KiB/s`;

/** Formats the figures as the overlay shows them. */
export function formatNetGraph(d: NetGraphData): string {
  return [
    `RTT ${d.rttMs.toFixed(0)} ms  ±${d.jitterMs.toFixed(0)}`,
    `tick ${d.serverTick}  snap ${d.snapshotRate.toFixed(0)}/s  jitter ${d.snapshotJitterMs.toFixed(1)} ms`,
    `in ${kb(d.bytesInPerS)}  out ${kb(d.bytesOutPerS)}`,
    `interp ${d.interpDelayMs.toFixed(0)} ms  underruns ${d.underruns}  extrap ${d.extrapolatedFrames}`,
    `corrections ${d.corrections} (snaps ${d.snaps})  pending ${d.pendingInputs}`,
    `FPS ${d.fps.toFixed(0)}`,
  ].join('\n');
}

/** A monospace overlay in the HUD's top-left corner, hidden until toggled. */
export class NetGraph {
  private readonly text: Phaser.GameObjects.Text;
  private nextAt = 0;
  private readonly onKey = (e: KeyboardEvent) => {
    if (!NET_GRAPH_KEYS.has(e.code) || e.repeat) return;
    const t = e.target;
    if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement) return;
    e.preventDefault();
    this.visible = !this.visible;
  };
  /** Whether the overlay is shown. */
  visible = false;

  constructor(
    scene: Phaser.Scene,
    private readonly read: () => NetGraphData,
  ) {
    this.text = scene.add
      .text(16, 44, '', {
        fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
        fontSize: '12px',
        color: '#cfe3ff',
        backgroundColor: 'rgba(8,12,20,0.72)',
        padding: { x: 8, y: 6 },
      })
      .setDepth(60)
      .setVisible(false);
    window.addEventListener('keydown', this.onKey);
  }

  /** Refreshes the overlay (at most every REFRESH_MS). */
  update(time: number): void {
    this.text.setVisible(this.visible);
    if (!this.visible || time < this.nextAt) return;
    this.nextAt = time + REFRESH_MS;
    this.text.setText(formatNetGraph(this.read()));
  }

  /** Removes the key listener. */
  destroy(): void {
    window.removeEventListener('keydown', this.onKey);
    this.text.destroy();
  }
}
