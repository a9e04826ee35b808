/** Reads leading scalar fields of a msgpack array without decoding the rest of the frame. */

// Scratch for float fields: bytes are copied here and read through one DataView, so a read allocates nothing.
const scratch = new Uint8Array(8);
const scratchView = new DataView(scratch.buffer);

function u16(b: Uint8Array, at: number): number {
  return ((b[at] as number) << 8) | (b[at + 1] as number);
}

function u32(b: Uint8Array, at: number): number {
  return (
    (b[at] as number) * 0x1000000 +
    (((b[at + 1] as number) << 16) | ((b[at + 2] as number) << 8) | (b[at + 3] as number))
  );
}

function float(b: Uint8Array, at: number, size: 4 | 8): number {
  for (let i = 0; i < size; i++) scratch[i] = b[at + i] as number;
  return size === 4 ? scratchView.getFloat32(0) : scratchView.getFloat64(0);
}

/**
 * Reads the first `count` elements of a top-level fixarray into `out[0..count)` in one pass; false
 * (with `out` partly written) if the frame is no fixarray of at least `count` elements, one of them
 * is no msgpack integer or float, or the frame ends inside one.
 */
export function peekLeadingNumbers(b: Uint8Array, count: number, out: number[]): boolean {
  const head = b[0];
  if (head === undefined || (head & 0xf0) !== 0x90 || (head & 0x0f) < count) return false;
  let at = 1;
  for (let i = 0; i < count; i++) {
    const m = b[at];
    if (m === undefined) return false;
    let size = 0;
    let value: number;
    if (m <= 0x7f) value = m;
    else if (m >= 0xe0) value = m - 0x100;
    else {
      size =
        m === 0xcc || m === 0xd0
          ? 1
          : m === 0xcd || m === 0xd1
            ? 2
            : m === 0xcb || m === 0xcf || m === 0xd3
              ? 8
              : 4;
      if (at + 1 + size > b.length) return false;
      const p = at + 1;
      switch (m) {
        case 0xcc:
          value = b[p] as number;
          break;
        case 0xcd:
          value = u16(b, p);
          break;
        case 0xce:
          value = u32(b, p);
          break;
        case 0xcf:
          value = u32(b, p) * 0x100000000 + u32(b, p + 4);
          break;
        case 0xd0:
          value = ((b[p] as number) << 24) >> 24;
          break;
        case 0xd1:
          value = (u16(b, p) << 16) >> 16;
          break;
        case 0xd2:
          value = u32(b, p) | 0;
          break;
        case 0xd3:
          value = (u32(b, p) | 0) * 0x100000000 + u32(b, p + 4);
          break;
        case 0xca:
          value = float(b, p, 4);
          break;
        case 0xcb:
          value = float(b, p, 8);
          break;
        default:
          return false;
      }
    }
    out[i] = value;
    at += 1 + size;
  }
  return true;
}
