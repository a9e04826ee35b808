/** What a room needs from a connected client's transport; the network layer adapts uWS sockets to it. */

/** The result of a send: 1 sent, 0 buffered (backpressure), 2 dropped (over the limit). */
export type SendStatus = number;

/** A client connection as a room sees it. Implementations must ignore calls after the socket closed. */
export interface RoomClient {
  /** Sends (or buffers a copy of) `frame`, which is only valid during the call: rooms reuse its bytes. */
  send(frame: Uint8Array): SendStatus;
  /** Bytes waiting in the socket's send buffer. */
  bufferedAmount(): number;
  /** Runs `fn` with the socket's writes batched into one syscall. */
  cork(fn: () => void): void;
  /** Closes the connection with a code and a short reason. */
  end(code: number, reason: string): void;
}
