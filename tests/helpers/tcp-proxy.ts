/** A TCP relay in front of a test server, whose open connections a test can cut (a network drop). */
import { createConnection, createServer, type Socket } from 'node:net';

/** A running relay: `port` forwards to the target; `cut()` destroys every open connection. */
export interface TcpProxy {
  readonly port: number;
  /** Destroys every relayed connection (both sides see the TCP connection die); new ones still work. */
  cut(): void;
  close(): Promise<void>;
}

/** Starts a relay on 127.0.0.1 (free port) to 127.0.0.1:`targetPort`. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const track = (s: Socket) => {
    open.add(s);
    s.on('close', () => open.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = createServer((client) => {
    const upstream = createConnection(targetPort, '127.0.0.1');
    track(client);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('relay has no port');
  return {
    port: address.port,
    cut: () => {
      for (const s of [...open]) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of [...open]) s.destroy();
        server.close(() => resolve());
      }),
  };
}
