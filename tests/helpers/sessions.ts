/** Real client Sessions in Node tests: a recording socket, cleanup after each test, a frame pump, quiet rooms. */
import { afterEach } from 'vitest';
import type { SocketFactory } from '../../game-client/net/connection.js';
import type { Session } from '../../game-client/net/session.js';
import type { RunningServer } from '../../game-server/net/server.js';
import type { Room } from '../../game-server/room/room.js';
import type { ClientMessage } from '../../protocol/index.js';
import { decodeClientMsg } from '../../protocol/validate.js';

/** Wraps `inner` so `onSend` sees every valid client message as it leaves the client (before `inner`). */
export function recordingSocket(inner: SocketFactory, onSend: (msg: ClientMessage) => void): SocketFactory {
  return (url, handlers) => {
    const s = inner(url, handlers);
    return {
      get readyState() {
        return s.readyState;
      },
      send: (data) => {
        const r = decodeClientMsg(data);
        if (r.ok) onSend(r.msg);
        s.send(data);
      },
      close: (code, reason) => s.close(code, reason),
    };
  };
}

/** Resolves on the session's Welcome; rejects if it closes first. */
export function welcomed(s: Session): Promise<void> {
  return new Promise((resolve, reject) => {
    s.on('welcome', () => resolve());
    s.on('close', (c) => reject(new Error(`closed before welcome: ${c.message}`)));
  });
}

/**
 * A private room built through the registry: no bots, no warmup or countdown, so movement starts at
 * once and only the test's players are in it.
 */
export function quietRoom(server: RunningServer, name = 'netcode', arenaId?: number): Room {
  const room = server.registry.create({
    name,
    maxPlayers: 4,
    isPrivate: true,
    ...(arenaId !== undefined ? { arenaId } : {}),
    match: { matchFlow: false },
  });
  if (!room) throw new Error('the registry refused to create a room');
  return room;
}

/** What `useSessions` gives a suite. */
export interface SessionsFixture {
  /** Leaves `s` after the test; returns it. */
  track(s: Session): Session;
  /** Calls `onFrame` every ~16 ms until it returns true; rejects after `timeoutMs`. */
  pump(onFrame: () => boolean, timeoutMs?: number): Promise<void>;
}

/** Registers an afterEach that stops the pumps and leaves the tracked sessions. */
export function useSessions(): SessionsFixture {
  const sessions: Session[] = [];
  const timers: ReturnType<typeof setInterval>[] = [];
  afterEach(() => {
    for (const t of timers.splice(0)) clearInterval(t);
    for (const s of sessions.splice(0)) s.leave();
  });
  return {
    track(s) {
      sessions.push(s);
      return s;
    },
    pump(onFrame, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const deadline = performance.now() + timeoutMs;
        const t = setInterval(() => {
          let done: boolean;
          try {
            done = onFrame();
          } catch (err) {
            clearInterval(t);
            reject(err);
            return;
          }
          if (done) {
            clearInterval(t);
            resolve();
          } else if (performance.now() > deadline) {
            clearInterval(t);
            reject(new Error(`pump timed out after ${timeoutMs} ms`));
          }
        }, 16);
        timers.push(t);
      });
    },
  };
}
