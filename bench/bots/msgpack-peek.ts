/** Reads leading scalar fields of a msgpack array without decoding the rest of the frame. */

/** A number read at an offset, and the offset after it; null if the byte there is no number. */
export type Peeked = { value: number; next: number } | null;

/** Reads one msgpack integer or float at `at`. */
export function peekNumber(b: Uint8Array, at: number): Peeked {
  const m = b[at];
  if (m === undefined || at >= b.length) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (m <= 0x7f) return { value: m, next: at + 1 };
  if (m >= 0xe0) return { value: m - 0x100, next: at + 1 };
  switch (m) {
    case 0xcc:
      return { value: view.getUint8(at + 1), next: at + 2 };
    case 0xcd:
      return { value: view.getUint16(at + 1), next: at + 3 };
    case 0xce:
      return { value: view.getUint32(at + 1), next: at + 5 };
    case 0xcf:
      return { value: Number(view.getBigUint64(at + 1)), next: at + 9 };
    case 0xd0:
      return { value: view.getInt8(at + 1), next: at + 2 };
    case 0xd1:
      return { value: view.getInt16(at + 1), next: at + 3 };
    case 0xd2:
      return { value: view.getInt32(at + 1), next: at + 5 };
    case 0xd3:
      return { value: Number(view.getBigInt64(at + 1)), next: at + 9 };
    case 0xca:
      return { value: view.getFloat32(at + 1), next: at + 5 };
    case 0xcb:
      return { value: view.getFloat64(at + 1), next: at + 9 };
    default:
      return null;
  }
}

/** Reads the element at `index` of a top-level fixarray when all elements before it are numbers. */
export function peekArrayNumber(b: Uint8Array, index: number): number | null {
  const head = b[0];
  if (head === undefined || (head & 0xf0) !== 0x90 || (head & 0x0f) <= index) return null;
  let at = 1;
  for (let i = 0; i < index; i++) {
    const p = peekNumber(b, at);
    if (!p) return null;
    at = p.next;
  }
  return peekNumber(b, at)?.value ?? null;
}
