/** Twin virtual sticks (move; aim + fire) for phones and tablets, exposing what the keyboard `Controls` does. */
import { Key } from '../../protocol/index.js';
import {
  knobOffset,
  STICK_AT_REST,
  type StickVector,
  stickToAim,
  stickToKeys,
  stickVector,
} from './touch-sticks.js';

/** Options of TouchControls. */
export interface TouchControlsOptions {
  /** Stick radius in CSS px. @default 56 */
  readonly radiusPx?: number;
  /** Show the sticks even without a touch screen (debugging, tests). @default false */
  readonly forceActive?: boolean;
}

/** One stick: its zone element, the finger on it and its deflection. */
class Stick {
  vector: StickVector = STICK_AT_REST;
  private pointerId: number | null = null;
  private ox = 0;
  private oy = 0;
  readonly base: HTMLElement;
  private readonly knob: HTMLElement;

  constructor(
    readonly zone: HTMLElement,
    private readonly radiusPx: number,
    private readonly onChange: () => void,
  ) {
    const doc = zone.ownerDocument;
    this.base = doc.createElement('div');
    this.base.className = 'stick-base';
    this.knob = doc.createElement('div');
    this.knob.className = 'stick-knob';
    this.base.append(this.knob);
    zone.append(this.base);
    zone.addEventListener('pointerdown', (e) => this.down(e));
    zone.addEventListener('pointermove', (e) => this.move(e));
    for (const type of ['pointerup', 'pointercancel', 'lostpointercapture'] as const) {
      zone.addEventListener(type, (e) => {
        if (e.pointerId === this.pointerId) this.reset();
      });
    }
  }

  reset(): void {
    this.pointerId = null;
    this.vector = STICK_AT_REST;
    this.zone.classList.remove('held');
    this.draw();
    this.onChange();
  }

  private down(e: PointerEvent): void {
    if (this.pointerId !== null) return;
    e.preventDefault();
    this.pointerId = e.pointerId;
    this.zone.setPointerCapture?.(e.pointerId);
    const rect = this.zone.getBoundingClientRect();
    this.ox = e.clientX - rect.left;
    this.oy = e.clientY - rect.top;
    this.base.style.left = `${this.ox}px`;
    this.base.style.top = `${this.oy}px`;
    this.zone.classList.add('held');
    this.move(e);
  }

  private move(e: PointerEvent): void {
    if (e.pointerId !== this.pointerId) return;
    const rect = this.zone.getBoundingClientRect();
    this.vector = stickVector(this.ox, this.oy, e.clientX - rect.left, e.clientY - rect.top, this.radiusPx);
    this.draw();
    this.onChange();
  }

  private draw(): void {
    const k = knobOffset(this.vector, this.radiusPx);
    this.knob.style.transform = `translate(calc(-50% + ${k.x}px), calc(-50% + ${k.y}px))`;
  }
}

/**
 * Touch input with the same surface as `Controls` (`enabled`, `keys`, `aimRad`, `scoreboardHeld`,
 * `release()`), plus `active` (a touch screen is in use) and `aiming` (the aim stick is deflected).
 * The sticks show only while enabled on a touch device: `(pointer: coarse)` or after a first touch.
 */
export class TouchControls {
  /** Aim in radians (kept when the aim stick is released). */
  aimRad = 0;
  private enabledValue = false;
  private activeValue: boolean;
  private scores = false;
  private readonly root: HTMLElement;
  private readonly move: Stick;
  private readonly aim: Stick;

  constructor(parent: HTMLElement, options: TouchControlsOptions = {}) {
    const doc = parent.ownerDocument;
    const win = doc.defaultView;
    const radius = options.radiusPx ?? 56;
    this.root = doc.createElement('div');
    this.root.className = 'touch-controls';
    this.root.hidden = true;
    this.root.style.setProperty('--stick-radius', `${radius}px`);
    const zone = (side: string, label: string) => {
      const el = doc.createElement('div');
      el.className = `touch-zone touch-${side}`;
      el.setAttribute('aria-label', label);
      this.root.append(el);
      return el;
    };
    this.move = new Stick(zone('move', 'Move stick'), radius, () => undefined);
    this.aim = new Stick(zone('aim', 'Aim and fire stick'), radius, () => {
      this.aimRad = stickToAim(this.aim.vector, this.aimRad).aimRad;
    });
    const scores = doc.createElement('button');
    scores.type = 'button';
    scores.className = 'touch-scores small';
    scores.textContent = 'Scores';
    scores.addEventListener('pointerdown', () => {
      this.scores = true;
    });
    for (const type of ['pointerup', 'pointercancel', 'pointerleave'] as const) {
      scores.addEventListener(type, () => {
        this.scores = false;
      });
    }
    this.root.append(scores);
    parent.append(this.root);

    this.activeValue =
      options.forceActive === true || win?.matchMedia?.('(pointer: coarse)').matches === true;
    const onTouch = (e: PointerEvent) => {
      if (e.pointerType !== 'touch') return;
      win?.removeEventListener('pointerdown', onTouch, true);
      this.activeValue = true;
      this.sync();
    };
    if (!this.activeValue) win?.addEventListener('pointerdown', onTouch, true);
    win?.addEventListener('blur', () => this.release());
  }

  /** Whether the sticks are shown and read (true while in a room). */
  get enabled(): boolean {
    return this.enabledValue;
  }

  set enabled(on: boolean) {
    this.enabledValue = on;
    if (!on) this.release();
    this.sync();
  }

  /** True on a touch device (the sticks are the player's controls). */
  get active(): boolean {
    return this.activeValue;
  }

  /** True while the aim stick is deflected beyond its dead zone (its aim should win over the mouse). */
  get aiming(): boolean {
    return this.enabledValue && stickToAim(this.aim.vector, this.aimRad).aiming;
  }

  /** The key bitmask to send this tick: the move stick's direction plus Fire while the aim stick is pushed far. */
  get keys(): number {
    if (!this.enabledValue) return 0;
    const fire = stickToAim(this.aim.vector, this.aimRad).fire;
    return stickToKeys(this.move.vector) | (fire ? Key.Fire : 0);
  }

  /** True while the Scores button is held. */
  get scoreboardHeld(): boolean {
    return this.enabledValue && this.scores;
  }

  /** Releases both sticks (focus lost, leaving). */
  release(): void {
    this.scores = false;
    this.move.reset();
    this.aim.reset();
  }

  /** Removes the sticks from the page. */
  dispose(): void {
    this.enabled = false;
    this.root.remove();
  }

  private sync(): void {
    this.root.hidden = !(this.enabledValue && this.activeValue);
  }
}

/** Adds the rotate-to-landscape hint (shown by touch.css only in portrait on small touch screens). */
export function mountRotateHint(parent: HTMLElement): HTMLElement {
  const hint = parent.ownerDocument.createElement('div');
  hint.className = 'rotate-hint';
  hint.setAttribute('role', 'status');
  hint.textContent = 'Turn your device sideways for the best view';
  parent.append(hint);
  return hint;
}
