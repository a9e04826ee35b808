/** The own player's prediction and predicted shots, fed by sent inputs and reconciled against snapshots. */
import { type Arena, type Point, RoundPhase } from '../../protocol/index.js';
import type { SentInput } from './input-sender.js';
import { PredictedShots, type ShotView } from './predicted-shots.js';
import { Predictor } from './prediction.js';
import type { Snapshot } from './snapshot.js';

/** Predicts the own player and its shots once a Welcome has set the tick rate and arena. */
export class OwnPrediction {
  private predictor: Predictor | null = null;
  private shots: PredictedShots | null = null;
  /** Whether the own player may move and shoot, per the last reconciled snapshot. */
  private canAct = false;

  /** (Re)starts prediction for a room (on every Welcome); whether the player may act is kept. */
  start(tickHz: number, arena: Arena): void {
    this.predictor = new Predictor({ tickHz, arena });
    this.shots = new PredictedShots(tickHz, arena);
  }

  /** True once started: own projectiles are then drawn from the predicted shots. */
  get predictsShots(): boolean {
    return this.shots !== null;
  }

  /** The own player's predicted position (no visual smoothing), or null. */
  get position(): Readonly<Point> | null {
    return this.predictor?.position ?? null;
  }

  /** Reconciliations that moved the prediction. */
  get corrections(): number {
    return this.predictor?.corrections ?? 0;
  }

  /** Corrections that snapped. */
  get snaps(): number {
    return this.predictor?.snaps ?? 0;
  }

  /** Inputs sent but not yet acknowledged. */
  get pendingCount(): number {
    return this.predictor?.pendingCount ?? 0;
  }

  /** Applies an input just sent at client time `now`: moves the player, maybe fires a shot. */
  onInput(input: SentInput, now: number): void {
    this.predictor?.applyInput(input);
    this.shots?.onInput(input.keys, input.aim, this.predictor?.position ?? null, this.canAct, now);
  }

  /** Reconciles with a new snapshot in which the own player is `playerId`. */
  reconcile(snap: Snapshot, playerId: number): void {
    const me = snap.players.get(playerId);
    if (!me || !this.predictor) return;
    // Players move and shoot while Playing and in Warmup; never in Countdown or Intermission.
    const phase = snap.round.phase;
    const canMove = me.alive && (phase === RoundPhase.Playing || phase === RoundPhase.Warmup);
    if (!canMove) this.shots?.reset();
    this.canAct = canMove;
    this.predictor.reconcile(snap.ack, me, canMove);
  }

  /** The smoothed position to draw after `dtMs`, or null/undefined before prediction starts. */
  renderPosition(dtMs: number, heldKeys: number, tickFraction: number): Point | null | undefined {
    return this.predictor?.renderPosition(dtMs, heldKeys, tickFraction);
  }

  /** The predicted shots in flight at `now`, ended at any of `targets`. */
  visibleShots(now: number, targets: readonly Readonly<Point>[]): ShotView[] {
    return this.shots?.visible(now, targets) ?? [];
  }

  /** Forgets pending inputs and shots (the connection closed). */
  reset(): void {
    this.predictor?.reset();
    this.shots?.reset();
  }
}
