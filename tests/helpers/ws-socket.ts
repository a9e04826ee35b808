/** The `ws` client as a game-client SocketFactory, so the real client netcode runs in Node tests. */
import WebSocket from 'ws';
import type { SocketFactory } from '../../game-client/net/connection.js';

/** Opens a `ws` socket and delivers binary frames as ArrayBuffers, like the browser. */
export const nodeSocket: SocketFactory = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  ws.on('open', () => handlers.open());
  ws.on('message', (data: ArrayBuffer) => handlers.message(data));
  ws.on('close', (code, reason) => handlers.close(code, reason.toString()));
  ws.on('error', () => {});
  return {
    get readyState() {
      return ws.readyState;
    },
    send: (data) => ws.send(data),
    close: (code, reason) => ws.close(code, reason),
  };
};
