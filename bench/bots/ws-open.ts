/** Opens a `ws` client socket and resolves once it is open (rejects on error or timeout). */
import WebSocket from 'ws';

const OPEN_TIMEOUT_MS = 20_000;

/** Handles one received message (`data` is a Buffer: binary type 'nodebuffer'). */
export type OnMessage = (data: Buffer, isBinary: boolean) => void;

/**
 * Connects to `url` without compression (a wss `url` trusting only `ca` when given). `onMessage` is attached before the handshake completes:
 * frames arriving with the upgrade response are emitted in the same tick as 'open'.
 */
export function openSocket(url: string, onMessage: OnMessage, ca?: Buffer): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, {
      perMessageDeflate: false,
      handshakeTimeout: OPEN_TIMEOUT_MS,
      ...(ca ? { ca } : {}),
    });
    ws.on('message', onMessage);
    const fail = (err: Error): void => {
      ws.terminate();
      reject(err);
    };
    ws.once('open', () => {
      ws.off('error', fail);
      ws.on('error', () => undefined);
      resolve(ws);
    });
    ws.once('error', fail);
    ws.once('unexpected-response', (_req, res) => fail(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
  });
}
