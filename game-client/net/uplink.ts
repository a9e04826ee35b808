/**
 * The session's outgoing traffic on timers: inputs at the tick rate (a spectator's carry only its
 * acknowledgement) and pings at a fixed period.
 */
import { type ClientMessage, ClientMsg, rttToWire } from '../../protocol/index.js';
import { type HeldInput, InputSender, type SentInput } from './input-sender.js';

/** What an Uplink sends through and reads from. */
export interface UplinkOptions {
  readonly send: (msg: ClientMessage) => void;
  /** Monotonic client clock in ms. */
  readonly now: () => number;
  /** Ping period in ms. */
  readonly pingIntervalMs: number;
  /** The current round-trip estimate in ms (0 before one), reported in each Ping. */
  readonly rttMs: () => number;
  /** Where held keys and aim come from, read once per tick. */
  readonly read: () => HeldInput;
  /** Tags an outgoing input: the latest State tick and the render time it was aimed at. */
  readonly tag: () => { readonly ackTick: number; readonly viewTime: number };
  /** Called after each input is sent. */
  readonly onInput: (input: SentInput) => void;
  /** True once the session ended: input stops. */
  readonly ended: () => boolean;
}

/** Sends inputs and pings while connected; `stop()` on close, `start()` again on the next Welcome. */
export class Uplink {
  private sender: InputSender | null = null;
  private inputTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private ackTimer: ReturnType<typeof setInterval> | undefined;
  /** A spectator's last acknowledgement Input: its seq and the tick it acknowledged. */
  private ackSeq = 0;
  private ackedTick = 0;

  constructor(private readonly o: UplinkOptions) {}

  /**
   * Starts pinging and sending input at `tickHz`: held keys and aim, or for a spectator (`sendsInput`
   * false) only the acknowledgement of the newest State, so the server sends it deltas (PROTOCOL.md §4.9).
   */
  start(tickHz: number, sendsInput: boolean): void {
    if (sendsInput) {
      this.sender = new InputSender({ tickHz, read: this.o.read, send: (i) => this.sendInput(i) });
      this.scheduleInput();
    } else {
      this.ackSeq = 0;
      this.ackedTick = 0;
      this.ackTimer = setInterval(() => this.sendAck(), 1000 / tickHz);
    }
    this.ping();
    this.pingTimer = setInterval(() => this.ping(), this.o.pingIntervalMs);
  }

  /** Stops the input and ping timers. */
  stop(): void {
    clearTimeout(this.inputTimer);
    clearInterval(this.pingTimer);
    clearInterval(this.ackTimer);
  }

  /** Sends any input due at client time `now` (also called per frame). */
  update(now: number): void {
    this.sender?.update(now);
  }

  /** How far into the current input tick `now` is, 0..1 (0 without input). */
  tickFraction(now: number): number {
    return this.sender ? 1 - this.sender.msUntilNext(now) / this.sender.periodMs : 0;
  }

  private sendInput(input: SentInput): void {
    const { ackTick, viewTime } = this.o.tag();
    this.o.send([ClientMsg.Input, input.seq, input.keys, input.aim, ackTick, viewTime]);
    this.o.onInput(input);
  }

  /** A spectator's Input: no keys, no aim, the newest State tick (sent only when it moved on). */
  private sendAck(): void {
    const { ackTick } = this.o.tag();
    if (this.o.ended() || ackTick <= this.ackedTick) return;
    this.ackedTick = ackTick;
    this.ackSeq += 1;
    this.o.send([ClientMsg.Input, this.ackSeq, 0, 0, ackTick, 0]);
  }

  private scheduleInput(): void {
    if (this.o.ended() || !this.sender) return;
    this.sender.update(this.o.now());
    const wait = Math.max(1, this.sender.msUntilNext(this.o.now()));
    this.inputTimer = setTimeout(() => this.scheduleInput(), wait);
  }

  private ping(): void {
    this.o.send([ClientMsg.Ping, this.o.now(), rttToWire(this.o.rttMs())]);
  }
}
