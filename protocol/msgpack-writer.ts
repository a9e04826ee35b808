/**
 * Writes `v` (a uint32) as the shortest msgpack unsigned integer at `at`; returns the next offset.
 * The one unsigned-integer encoder: MsgpackWriter.number and the per-client State ack both use it.
 * Ticks, acks and times grow past each size while a server runs: one path for every multi-byte size
 * keeps the optimized code of its callers valid when they do (a branch per size was first taken, and
 * deoptimized every caller, at tick 128, 256, ...).
 */
export function writeUint(out: Uint8Array, at: number, v: number): number {
  const n = uintLength(v);
  if (n === 1) {
    out[at] = v;
    return at + 1;
  }
  out[at] = n === 2 ? 0xcc : n === 3 ? 0xcd : 0xce;
  let rest = v;
  for (let i = n - 1; i > 0; i--) {
    out[at + i] = rest & 0xff;
    rest >>>= 8;
  }
  return at + n;
}

/** Bytes of `v` (a uint32) as the shortest msgpack unsigned integer (every comparison runs on every call). */
export function uintLength(v: number): number {
  return 1 + (v >= 0x80 ? 1 : 0) + (v >= 0x100 ? 1 : 0) + (v >= 0x10000 ? 2 : 0);
}

/**
 * Writes `v` at `at` of `b` (`view` over the same buffer, which has 9 bytes free there): an integer
 * format if it is a 32-bit integer, else a float64. Returns the next offset.
 */
function writeNumber(b: Uint8Array, view: DataView, at: number, v: number): number {
  if (v >>> 0 === v) return writeUint(b, at, v);
  if (v >> 0 === v) {
    if (v >= -0x20) {
      b[at] = 0x100 + v;
      return at + 1;
    }
    if (v >= -0x80) {
      b[at] = 0xd0;
      b[at + 1] = v + 0x100;
      return at + 2;
    }
    if (v >= -0x8000) {
      b[at] = 0xd1;
      view.setInt16(at + 1, v);
      return at + 3;
    }
    b[at] = 0xd2;
    view.setInt32(at + 1, v);
    return at + 5;
  }
  b[at] = 0xcb;
  view.setFloat64(at + 1, v);
  return at + 9;
}

/**
 * A msgpack writer for arrays of numbers, the whole vocabulary of a State frame, written straight to
 * bytes with no intermediate arrays. Each value gets exactly the encoding msgpackr (the protocol's
 * codec) picks, so frames are byte-identical to `encode` of the same value: the shortest integer
 * format for 32-bit integers, float64 for anything else, the shortest array header.
 */
export class MsgpackWriter {
  private buf: Uint8Array;
  private view: DataView;
  /** Bytes written since the last reset. */
  length = 0;

  constructor(initialBytes = 1024) {
    this.buf = new Uint8Array(initialBytes);
    this.view = new DataView(this.buf.buffer);
  }

  /** Starts over (the buffer is kept). */
  reset(): void {
    this.length = 0;
  }

  /** An array header for `n` elements. */
  array(n: number): void {
    this.reserve(5);
    const b = this.buf;
    if (n < 0x10) b[this.length++] = 0x90 | n;
    else if (n < 0x10000) {
      b[this.length] = 0xdc;
      this.view.setUint16(this.length + 1, n);
      this.length += 3;
    } else {
      b[this.length] = 0xdd;
      this.view.setUint32(this.length + 1, n);
      this.length += 5;
    }
  }

  /** A number: an integer format if it is a 32-bit integer, else a float64. */
  number(v: number): void {
    this.reserve(9);
    this.length = writeNumber(this.buf, this.view, this.length, v);
  }

  /** An array of numbers: the first `n` of `values` (by default all). */
  numbers(values: readonly number[], n = values.length): void {
    // One bounds check for the whole array: a header and at most 9 bytes a number.
    this.reserve(5 + 9 * n);
    this.array(n);
    const b = this.buf;
    const view = this.view;
    let at = this.length;
    for (let i = 0; i < n; i++) at = writeNumber(b, view, at, values[i] as number);
    this.length = at;
  }

  /**
   * Copies what was written since the last reset into `out` (from its start), with `gap` bytes left
   * free at offset `at`: the bytes from `at` on land `gap` bytes later.
   */
  copySplit(out: Uint8Array, at: number, gap: number): void {
    const b = this.buf;
    for (let i = 0; i < at; i++) out[i] = b[i] as number;
    out.set(b.subarray(at, this.length), at + gap);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
    this.view = new DataView(bigger.buffer);
  }
}
