/** Tickfire's browser client: wires the lobby DOM, the network session (net/) and the Phaser renderer (render/). */
import './styles.css';
import './touch.css';
import './reconnect.css';
import { Role, type RoomRequest } from '../protocol/index.js';
import { bindEventSounds } from './audio/event-sounds.js';
import { SoundBoard } from './audio/sound-board.js';
import { installAutomationHook, publishState, resetState } from './automation.js';
import { browserSocket } from './net/connection.js';
import { joinUrl } from './net/join-url.js';
import { isSimulated, parseNetConditions } from './net/net-conditions.js';
import { preflightJoin } from './net/preflight.js';
import {
  isRematch,
  REMATCH_MESSAGE,
  REMATCH_RETRIES,
  REMATCH_RETRY_MS,
  rematchRoom,
} from './net/reconnect.js';
import { attachReconnect } from './net/reconnect-session.js';
import { Session } from './net/session.js';
import { withNetConditions } from './net/sim-socket.js';
import { GameView } from './render/game.js';
import type { RenderedEntity } from './render/match-context.js';
import { SpectatorFollow } from './render/spectator-follow.js';
import { ChatBox } from './ui/chat.js';
import { CHAT_HELP, MuteList, parseChatLine } from './ui/chat-commands.js';
import { Controls } from './ui/controls.js';
import { byId, showScreen } from './ui/dom.js';
import { showError } from './ui/error-screen.js';
import { Lobby } from './ui/lobby.js';
import { askName } from './ui/name-dialog.js';
import { ReconnectOverlay } from './ui/reconnect-overlay.js';
import { clearHash, interpParam, nameParam, roomFromHash, setRoomHash } from './ui/routing.js';
import { SettingsPanel } from './ui/settings-panel.js';
import { cleanName, loadSettings, updateSettings } from './ui/settings-store.js';
import { ShareLink } from './ui/share-link.js';
import { wireMuteToggle } from './ui/sound-toggle.js';
import { bindSpectatorKeys } from './ui/spectator-keys.js';
import { mountRotateHint, TouchControls } from './ui/touch-controls.js';
import { mergeHeld } from './ui/touch-sticks.js';

installAutomationHook();

/** `?net=delay:150,jitter:30,...`: simulated network conditions for development and tests. */
const netSpec = new URLSearchParams(location.search).get('net') ?? '';
const netConditions = parseNetConditions(netSpec);
const socketFactory =
  netConditions && isSimulated(netConditions)
    ? withNetConditions(browserSocket, netConditions)
    : browserSocket;

const sounds = new SoundBoard();
sounds.unlockOn(window);
const settings = loadSettings();
const controls = new Controls(window, settings.keys);
const gameScreen = byId('game-screen', HTMLElement);
const reconnectOverlay = new ReconnectOverlay(gameScreen);
let rematchNotice = '';
let rematchRetries = 0;
const touch = new TouchControls(gameScreen);
mountRotateHint(document.body);
const share = new ShareLink();
const connecting = byId('connecting', HTMLElement);
const spectateBar = byId('spectate-bar', HTMLElement);
const watchInstead = byId('watch-instead', HTMLButtonElement);
let session: Session | null = null;
let view: GameView | null = null;
let follow: SpectatorFollow | null = null;
let lastJoin: { name: string; room: RoomRequest } | null = null;

const mutes = new MuteList();
const chat = new ChatBox((line) => {
  const s = session;
  if (!s) return;
  const cmd = parseChatLine(line);
  if (cmd.kind === 'send') s.sendChat(cmd.text);
  else if (cmd.kind === 'help') chat.add('system', CHAT_HELP);
  else if (cmd.kind === 'unknown') chat.add('system', `Unknown command ${cmd.command}. ${CHAT_HELP}`);
  else chat.add('system', mutes.apply(cmd.kind, cmd.name, s.roster, s.room?.playerId ?? null));
});
chat.chatKeys = settings.keys.chat;
const lobby = new Lobby({
  join: (name, room, spectate) => void join(name, room, spectate),
  click: () => sounds.play('click'),
});
const panel = new SettingsPanel(sounds, (keys) => {
  controls.setBindings(keys);
  chat.chatKeys = keys.chat;
});
wireMuteToggle(sounds, [byId('mute-button', HTMLButtonElement)], () => panel.sync());
bindSpectatorKeys(
  () => follow,
  byId('spectate-prev', HTMLButtonElement),
  byId('spectate-next', HTMLButtonElement),
);
byId('chat-button', HTMLButtonElement).addEventListener('click', () => chat.open());
const syncTouchClass = () => document.body.classList.toggle('touch', touch.active);
window.addEventListener('pointerdown', syncTouchClass);
syncTouchClass();

function setPlaying(on: boolean): void {
  controls.enabled = on;
  touch.enabled = on && follow === null;
  if (!on) {
    controls.release();
    touch.release();
  }
  chat.enabled = on;
  syncTouchClass();
}

function publish(s: Session, entities: readonly RenderedEntity[], withNet = true): void {
  const at = performance.now();
  const keys = controls.keys | touch.keys;
  const net = withNet
    ? { stats: () => s.netStats(), overrunMs: s.overrunMs, keys, at, conditions: netSpec }
    : undefined;
  publishState(
    {
      connected: s.connected,
      reconnecting: s.reconnecting,
      roomCode: s.room?.roomCode ?? null,
      playerId: s.room?.playerId ?? null,
      tick: s.latestTick,
      rttMs: Math.round(s.clock.rttMs * 10) / 10,
      roster: s.roster,
    },
    entities,
    net,
  );
}

function enterLobby(): void {
  setPlaying(false);
  follow = null;
  spectateBar.hidden = true;
  share.set(null);
  showScreen('lobby');
  panel.sync();
  lobby.activate();
}

function fail(message: string, canWatch: boolean): void {
  watchInstead.hidden = !canWatch;
  showError(message);
}

async function join(name: string, room: RoomRequest, spectate = false): Promise<void> {
  if (session) return;
  lastJoin = { name, room };
  lobby.deactivate();
  lobby.setStatus('');
  showScreen('game-screen');
  connecting.hidden = false;
  connecting.textContent = spectate ? 'Joining as a spectator…' : 'Connecting…';
  const pre = await preflightJoin((url) => fetch(url), name, room, '', { spectate });
  if (!pre.ok) {
    fail(pre.message, !spectate && pre.error === 'room_full' && room.kind === 'code');
    return;
  }
  const url = joinUrl(location, name, room, pre, { spectate });
  const s = new Session({
    url,
    socketFactory,
    interpolationDelayMs: interpParam(),
  });
  session = s;
  attachReconnect(s, { url, fetch: (u) => fetch(u), probeBase: '', view: reconnectOverlay });
  s.setInputSource(() => mergeHeld(controls, touch));
  const unbindSounds = bindEventSounds(s, sounds, () => follow?.targetId ?? null);
  s.on('welcome', (info) => {
    connecting.hidden = true;
    setRoomHash(info.roomCode);
    share.set(info.roomCode, info.roomName);
    const watching = info.role === Role.Spectator;
    follow = watching ? new SpectatorFollow() : null;
    spectateBar.hidden = !watching;
    chat.clear();
    mutes.enterRoom(info.roomCode);
    chat.add(
      'system',
      watching
        ? `Watching ${info.roomName} (${info.roomCode}). Q/E or ◀ ▶ switch players.`
        : `Joined ${info.roomName} (${info.roomCode}). Press Enter to chat.`,
    );
    setPlaying(true);
    if (rematchNotice) chat.add('system', rematchNotice);
    rematchNotice = '';
    rematchRetries = 0;
    view ??= new GameView(byId('game', HTMLElement));
    void view.start({
      session: s,
      controls,
      touch,
      sounds,
      ...(follow ? { follow } : {}),
      onFrame: (entities) => publish(s, entities),
    });
    publish(s, [], false);
  });
  s.on('chat', ([, fromId, fromName, text]) => {
    if (fromId === 0) return chat.add('system', text);
    if (mutes.hear(fromId, fromName))
      chat.add(fromId === s.room?.playerId ? 'own' : 'player', text, fromName);
  });
  s.on('notice', ([, , text]) => chat.add('system', text));
  s.on('close', (info) => {
    unbindSounds();
    session = null;
    view?.stop();
    resetState();
    if (info.byClient) return;
    if (isRematch(info) && !spectate) {
      rematchNotice = REMATCH_MESSAGE;
      rematchRetries = 0;
      void rematchRoom((u) => fetch(u), s.room?.roomCode).then((next) => join(name, next));
      return;
    }
    // A rematch seated on a process that just died (still in the directory): ask again shortly.
    if (rematchNotice && !info.wasOpen && rematchRetries < REMATCH_RETRIES) {
      rematchRetries += 1;
      const code = room.kind === 'code' ? room.code : undefined;
      setTimeout(
        () => void rematchRoom((u) => fetch(u), code).then((next) => join(name, next)),
        REMATCH_RETRY_MS,
      );
      return;
    }
    clearHash();
    setPlaying(false);
    fail(info.message, false);
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
  const name = cleanName(nameParam() ?? loadSettings().name);
  if (name) {
    void join(name, { kind: 'code', code });
    return;
  }
  const asked = await askName(code, '');
  if (!asked) {
    clearHash();
    return;
  }
  updateSettings({ name: asked });
  lobby.setName(asked);
  void join(asked, { kind: 'code', code });
}

byId('leave', HTMLButtonElement).addEventListener('click', leave);
byId('back-to-lobby', HTMLButtonElement).addEventListener('click', () => {
  clearHash();
  enterLobby();
});
watchInstead.addEventListener('click', () => {
  const last = lastJoin;
  if (last) void join(last.name, last.room, true);
});
window.addEventListener('hashchange', () => void followHash());

const fromUrl = nameParam();
if (fromUrl) lobby.setName(fromUrl);
enterLobby();
void followHash();
