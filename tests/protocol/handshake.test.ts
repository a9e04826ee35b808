import { describe, expect, it } from 'vitest';
import {
  isRefusal,
  joinQuery,
  PROTOCOL_VERSION,
  parseJoinQuery,
  type RoomRequest,
} from '../../protocol/index.js';

const parse = (qs: string) => {
  const params = new URLSearchParams(qs);
  return parseJoinQuery((k) => params.get(k));
};

describe('join handshake', () => {
  it.each<[string, RoomRequest]>([
    ['Ada', { kind: 'quick' }],
    ['Bob the Builder', { kind: 'code', code: 'ABC234' }],
  ])('joinQuery output parses back (%s)', (name, room) => {
    expect(parse(joinQuery(name, room))).toEqual({
      version: PROTOCOL_VERSION,
      name,
      room,
      spectate: false,
      seat: null,
    });
  });

  it('upper-cases room codes', () => {
    expect(parse(`v=${PROTOCOL_VERSION}&name=a&room=abc234`)).toMatchObject({ room: { code: 'ABC234' } });
  });

  it.each([
    ['v=999&name=a&quick=1', 'version_mismatch'],
    ['name=a&quick=1', 'version_mismatch'],
    [`v=${PROTOCOL_VERSION}&quick=1`, 'bad_name'],
    [`v=${PROTOCOL_VERSION}&name=%E2%80%AE%20&quick=1`, 'bad_name'],
    [`v=${PROTOCOL_VERSION}&name=${'x'.repeat(17)}&quick=1`, 'bad_name'],
    [`v=${PROTOCOL_VERSION}&name=a`, 'bad_request'],
    [`v=${PROTOCOL_VERSION}&name=a&quick=1&room=ABC234`, 'bad_request'],
    [`v=${PROTOCOL_VERSION}&name=a&room=ABC0O1`, 'room_not_found'],
    [`v=${PROTOCOL_VERSION}&name=a&room=TOOLONGCODE`, 'room_not_found'],
  ])('refuses %s with %s', (qs, error) => {
    const r = parse(qs);
    expect(isRefusal(r) && r.error).toBe(error);
    if (isRefusal(r)) expect(r.reason.length).toBeGreaterThan(5);
  });
});
