/** The lobby: name, Quick Play, join or watch by code, create a room (mode, bots), and the live list of public rooms. */
import { cleanText, isRoomCode, MAX_NAME_LENGTH, type RoomRequest } from '../../protocol/index.js';
import { byId } from './dom.js';
import { renderRoomRows } from './room-rows.js';
import { type BotDifficulty, createRoom, listRooms, type RoomListing, type RoomMode } from './rooms-api.js';
import { loadSettings, updateSettings } from './settings-store.js';

const REFRESH_MS = 3000;

/** What the lobby asks its owner to do. */
export interface LobbyActions {
  /** Join with a validated name; `spectate` joins as a spectator. */
  join(name: string, room: RoomRequest, spectate: boolean): void;
  /** A button was pressed (for the click sound). */
  click?(): void;
}

const isMode = (v: string): v is RoomMode => v === 'ffa' || v === 'tdm';
const isDifficulty = (v: string): v is BotDifficulty => v === 'easy' || v === 'normal' || v === 'hard';

/** Wires the lobby's elements; `activate`/`deactivate` start and stop the room list refresh. */
export class Lobby {
  private readonly nameInput = byId('name', HTMLInputElement);
  private readonly status = byId('lobby-status', HTMLElement);
  private readonly roomList = byId('room-list', HTMLUListElement);
  private readonly joinCode = byId('join-code', HTMLInputElement);
  private timer: ReturnType<typeof setInterval> | undefined;
  private busy = false;

  constructor(private readonly actions: LobbyActions) {
    this.nameInput.value = loadSettings().name;
    this.nameInput.addEventListener('change', () => updateSettings({ name: this.nameInput.value.trim() }));
    byId('quick-play', HTMLButtonElement).addEventListener('click', () => this.joinWith({ kind: 'quick' }));
    byId('join-form', HTMLFormElement).addEventListener('submit', (e) => {
      e.preventDefault();
      this.joinByCode(this.joinCode.value, false);
    });
    byId('watch-button', HTMLButtonElement).addEventListener('click', () =>
      this.joinByCode(this.joinCode.value, true),
    );
    byId('create-form', HTMLFormElement).addEventListener('submit', (e) => {
      e.preventDefault();
      void this.create();
    });
    byId('lobby', HTMLElement).addEventListener('click', (e) => {
      if (e.target instanceof HTMLButtonElement) this.actions.click?.();
    });
  }

  /** The name field (for prefilling from ?name=). */
  setName(name: string): void {
    this.nameInput.value = name;
  }

  /** The cleaned name, or null (with a message shown) if it cannot be used. */
  validName(): string | null {
    const r = cleanText(this.nameInput.value, MAX_NAME_LENGTH);
    if (r.ok) return r.text;
    this.setStatus(
      r.reason === 'empty' ? 'Pick a player name first.' : `Names are at most ${MAX_NAME_LENGTH} characters.`,
      true,
    );
    this.nameInput.focus();
    return null;
  }

  /** Shows a status line under the play buttons. */
  setStatus(text: string, isError = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('error', isError);
  }

  /** Starts refreshing the public room list. */
  activate(): void {
    this.busy = false;
    void this.refresh();
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  /** Stops refreshing (while in a room). */
  deactivate(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private joinByCode(raw: string, spectate: boolean): void {
    const code = raw.trim().toUpperCase();
    if (!isRoomCode(code)) {
      this.setStatus('Room codes are 6 letters or digits, like K7QM2X.', true);
      this.joinCode.focus();
      return;
    }
    this.joinWith({ kind: 'code', code }, spectate);
  }

  private joinWith(room: RoomRequest, spectate = false): void {
    const name = this.validName();
    if (!name || this.busy) return;
    updateSettings({ name });
    this.setStatus('');
    this.busy = true;
    this.actions.join(name, room, spectate);
  }

  private async create(): Promise<void> {
    const name = this.validName();
    if (!name || this.busy) return;
    const mode = byId('create-mode', HTMLSelectElement).value;
    const difficulty = byId('create-difficulty', HTMLSelectElement).value;
    const bots = Math.max(
      0,
      Math.min(15, Math.round(Number(byId('create-bots', HTMLInputElement).value) || 0)),
    );
    this.setStatus('Creating room…');
    const r = await createRoom({
      name: byId('create-name', HTMLInputElement).value.trim() || `${name}'s room`,
      maxPlayers: Number(byId('create-max', HTMLInputElement).value) || 16,
      private: byId('create-private', HTMLInputElement).checked,
      mode: isMode(mode) ? mode : 'ffa',
      bots,
      difficulty: isDifficulty(difficulty) ? difficulty : 'normal',
    });
    if (!r.ok) {
      this.setStatus(r.message, true);
      return;
    }
    this.joinWith({ kind: 'code', code: r.code });
  }

  private async refresh(): Promise<void> {
    let rooms: RoomListing[] | null;
    try {
      rooms = await listRooms();
    } catch {
      rooms = null;
    }
    this.roomList.replaceChildren(
      ...renderRoomRows(document, rooms, (code, spectate) => this.joinWith({ kind: 'code', code }, spectate)),
    );
  }
}
