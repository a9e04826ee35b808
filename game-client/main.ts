/** Tickfire's browser client: wires the lobby DOM, the network session (net/) and the Phaser renderer (render/). */
import './styles.css';
import type { RoomRequest } from '../protocol/index.js';
import { installAutomationHook, publishState, resetState } from './automation.js';
import { browserSocket, wsUrl } from './net/connection.js';
import { isSimulated, parseNetConditions } from './net/net-conditions.js';
import { preflightJoin } from './net/preflight.js';
import { Session } from './net/session.js';
import { withNetConditions } from './net/sim-socket.js';
import { GameView } from './render/game.js';
import type { RenderedEntity } from './render/match-context.js';
import { ChatBox } from './ui/chat.js';
import { Controls } from './ui/controls.js';
import { byId, showScreen } from './ui/dom.js';
import { showError } from './ui/error-screen.js';
import { Lobby } from './ui/lobby.js';
import { askName } from './ui/name-dialog.js';
import { loadName, saveName } from './ui/name-store.js';
import { clearHash, interpParam, nameParam, roomFromHash, setRoomHash } from './ui/routing.js';
import { ShareLink } from './ui/share-link.js';

installAutomationHook();

/** `?net=delay:150,jitter:30,...`: simulated network conditions for development and tests. */
const netSpec = new URLSearchParams(location.search).get('net') ?? '';
const netConditions = parseNetConditions(netSpec);
const socketFactory =
  netConditions && isSimulated(netConditions)
    ? withNetConditions(browserSocket, netConditions)
    : browserSocket;

const controls = new Controls(window);
const share = new ShareLink();
const connecting = byId('connecting', HTMLElement);
let session: Session | null = null;
let view: GameView | null = null;

const chat = new ChatBox((text) => session?.sendChat(text));
const lobby = new Lobby({ join: (name, room) => void join(name, room) });

function publish(s: Session, entities: readonly RenderedEntity[], withNet = true): void {
  const at = performance.now();
  const net = withNet ? { stats: s.netStats(at), keys: controls.keys, at, conditions: netSpec } : undefined;
  publishState(
    {
      connected: s.connected,
      roomCode: s.room?.roomCode ?? null,
      playerId: s.room?.playerId ?? null,
      tick: s.latestTick,
      rttMs: Math.round(s.clock.rttMs * 10) / 10,
    },
    entities,
    net,
  );
}

function enterLobby(): void {
  controls.enabled = false;
  controls.release();
  chat.enabled = false;
  share.set(null);
  showScreen('lobby');
  lobby.activate();
}

async function join(name: string, room: RoomRequest): Promise<void> {
  if (session) return;
  lobby.deactivate();
  lobby.setStatus('');
  showScreen('game-screen');
  connecting.hidden = false;
  connecting.textContent = 'Connecting…';
  const pre = await preflightJoin((url) => fetch(url), name, room);
  if (!pre.ok) {
    showError(pre.message);
    return;
  }
  const s = new Session({
    url: wsUrl(location, name, room),
    socketFactory,
    interpolationDelayMs: interpParam(),
  });
  session = s;
  s.setInputSource(() => ({ keys: controls.keys, aimRad: controls.aimRad }));
  s.on('welcome', (info) => {
    connecting.hidden = true;
    setRoomHash(info.roomCode);
    share.set(info.roomCode, info.roomName);
    chat.clear();
    chat.add('system', `Joined ${info.roomName} (${info.roomCode}). Press Enter to chat.`);
    chat.enabled = true;
    controls.enabled = true;
    view ??= new GameView(byId('game', HTMLElement));
    void view.start({ session: s, controls, onFrame: (entities) => publish(s, entities) });
    publish(s, [], false);
  });
  s.on('chat', ([, fromId, fromName, text]) => {
    if (fromId === 0) chat.add('system', text);
    else chat.add(fromId === s.room?.playerId ? 'own' : 'player', text, fromName);
  });
  s.on('notice', ([, , text]) => chat.add('system', text));
  s.on('close', (info) => {
    session = null;
    view?.stop();
    resetState();
    if (info.byClient) return;
    clearHash();
    controls.enabled = false;
    chat.enabled = false;
    showError(info.message);
  });
}

function leave(): void {
  const s = session;
  session = null;
  s?.leave();
  view?.stop();
  resetState();
  clearHash();
  enterLobby();
}

async function followHash(): Promise<void> {
  const code = roomFromHash(location.hash);
  if (!code || session) return;
  const name = nameParam() ?? loadName();
  if (name.trim()) {
    void join(name.trim(), { kind: 'code', code });
    return;
  }
  const asked = await askName(code, '');
  if (!asked) {
    clearHash();
    return;
  }
  saveName(asked);
  lobby.setName(asked);
  void join(asked, { kind: 'code', code });
}

byId('leave', HTMLButtonElement).addEventListener('click', leave);
byId('back-to-lobby', HTMLButtonElement).addEventListener('click', () => {
  clearHash();
  enterLobby();
});
window.addEventListener('hashchange', () => void followHash());

const fromUrl = nameParam();
if (fromUrl) lobby.setName(fromUrl);
enterLobby();
void followHash();
