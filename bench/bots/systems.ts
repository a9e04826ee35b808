/** The bot connector of each benchmarked system. */
import type { SystemName } from '../shared/bot-protocol.js';
import type { ConnectRoom } from './bot-client.js';
import { connectColyseusRoom } from './colyseus-bot.js';
import { connectFloorRoom } from './floor-bot.js';
import { connectSocketioRoom } from './socketio-bot.js';
import { connectTickfireRoom, connectTickfireTlsRoom } from './tickfire-bot.js';

/** Room connector by system name. */
export const CONNECTORS: Record<SystemName, ConnectRoom> = {
  floor: connectFloorRoom,
  colyseus: connectColyseusRoom,
  'socketio-json': connectSocketioRoom,
  tickfire: connectTickfireRoom,
  'tickfire-tls': connectTickfireTlsRoom,
};
