/** Human sentences for every way a join can be refused or a connection can end. */
import { CloseCode, type JoinErrorCode } from '../../protocol/index.js';

/** A refused join: the protocol code, or 'unreachable' when the server could not be asked at all. */
export type JoinFailureCode = JoinErrorCode | 'unreachable' | 'server_error';

const JOIN_MESSAGES: Record<JoinFailureCode, string> = {
  unreachable: 'Cannot reach the game server. Check your connection and try again.',
  server_error: 'The game server had a problem with this request. Try again in a moment.',
  version_mismatch:
    'This page is out of date: the server speaks a newer protocol. Reload the page to update.',
  bad_name: 'That player name cannot be used.',
  bad_request: 'The join request was not understood.',
  room_not_found: 'That room does not exist (it may have closed). Check the code or pick another room.',
  room_full: 'That room is full. Try another room or Quick Play.',
  server_full: 'The server is full right now. Try again in a minute.',
  rate_limited: 'Too many attempts in a short time. Wait a few seconds and try again.',
  bad_origin: 'This page may not join games on that server (it is not served from the game server).',
  resume_failed: 'Your seat could not be taken back (it expired or its server is gone).',
  invalid_seat: 'The seat reserved for you is no longer valid. Try joining again.',
};

/** A sentence for a refused join, with the server's own reason appended when it adds something. */
export function describeJoinFailure(error: JoinFailureCode, reason?: string): string {
  const base = JOIN_MESSAGES[error];
  return reason && error !== 'unreachable' ? `${base} (${reason})` : base;
}

/** Splits a close reason "word: detail" into its detail (or the whole text when there is no word). */
function closeDetail(reason: string): string {
  const i = reason.indexOf(': ');
  return (i >= 0 ? reason.slice(i + 2) : reason).trim();
}

const withDetail = (text: string, reason: string): string => {
  const detail = closeDetail(reason);
  return detail ? `${text} (${detail})` : text;
};

/** A sentence for a closed connection; `wasOpen` tells a failed connect from a dropped game. */
export function describeClose(code: number, reason: string, wasOpen: boolean): string {
  switch (code) {
    case CloseCode.Normal:
      return withDetail('The server ended the connection.', reason);
    case CloseCode.GoingAway:
      return withDetail('The server is shutting down. Try again in a moment.', reason);
    case CloseCode.BadMessage:
      return withDetail('The server rejected a message from this client. Reload the page.', reason);
    case CloseCode.VersionMismatch:
      return JOIN_MESSAGES.version_mismatch;
    case CloseCode.RateLimited:
      return withDetail('Disconnected for sending too much too fast.', reason);
    case CloseCode.RoomFull:
      return JOIN_MESSAGES.room_full;
    case CloseCode.RoomNotFound:
      return JOIN_MESSAGES.room_not_found;
    case CloseCode.RoomClosed:
      return withDetail('The room was closed.', reason);
    case CloseCode.Kicked:
      return withDetail('You were removed from the room.', reason);
    case CloseCode.SlowConsumer:
      return withDetail('Your connection could not keep up with the game, so the server dropped it.', reason);
    default:
      if (!wasOpen) return 'Could not connect to the game server.';
      return withDetail(`Disconnected from the server (code ${code}).`, reason);
  }
}
