import { describe, expect, it } from 'vitest';
import { listenRefusal } from '../../game-server/net/listen.js';
import { freePort } from '../helpers/redis-server.js';
import { useHarness } from '../helpers/test-server.js';

describe('binding the port', () => {
  const h = useHarness();

  it('refuses a port this process already serves (no second listener sharing it)', async () => {
    // An explicit port: uSockets sets SO_REUSEPORT only then (port 0 always gets a fresh port).
    const first = await h.start({ port: await freePort() });
    await expect(h.start({ port: first.port })).rejects.toThrow(listenRefusal('127.0.0.1', first.port));
    expect((await fetch(h.url(first, '/healthz'))).status).toBe(200);
  });

  it('says what may be wrong, with the privilege hint for ports below 1024 only', () => {
    expect(listenRefusal('0.0.0.0', 8080)).toBe(
      "cannot listen on 0.0.0.0:8080: the port is in use or the address is not this machine's",
    );
    expect(listenRefusal('0.0.0.0', 443)).toContain('(or binding a port below 1024 needs privileges)');
  });
});
