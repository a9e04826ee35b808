/** The lobby: name, Quick Play, join by code, create a room, and the live list of public rooms. */
import { cleanText, isRoomCode, MAX_NAME_LENGTH, type RoomRequest } from '../../protocol/index.js';
import { byId } from './dom.js';
import { loadName, saveName } from './name-store.js';
import { createRoom, listRooms, type RoomListing } from './rooms-api.js';

const REFRESH_MS = 3000;

/** What the lobby asks its owner to do. */
export interface LobbyActions {
  /** Join with a validated name. */
  join(name: string, room: RoomRequest): void;
}

/** Wires the lobby's elements; `show`/`hide` start and stop the room list refresh. */
export class Lobby {
  private readonly nameInput = byId('name', HTMLInputElement);
  private readonly status = byId('lobby-status', HTMLElement);
  private readonly roomList = byId('room-list', HTMLUListElement);
  private readonly joinCode = byId('join-code', HTMLInputElement);
  private timer: ReturnType<typeof setInterval> | undefined;
  private busy = false;

  constructor(private readonly actions: LobbyActions) {
    this.nameInput.value = loadName();
    this.nameInput.addEventListener('change', () => saveName(this.nameInput.value.trim()));
    byId('quick-play', HTMLButtonElement).addEventListener('click', () => this.joinWith({ kind: 'quick' }));
    byId('join-form', HTMLFormElement).addEventListener('submit', (e) => {
      e.preventDefault();
      this.joinByCode(this.joinCode.value);
    });
    byId('create-form', HTMLFormElement).addEventListener('submit', (e) => {
      e.preventDefault();
      void this.create();
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

  private joinByCode(raw: string): void {
    const code = raw.trim().toUpperCase();
    if (!isRoomCode(code)) {
      this.setStatus('Room codes are 6 letters or digits, like K7QM2X.', true);
      this.joinCode.focus();
      return;
    }
    this.joinWith({ kind: 'code', code });
  }

  private joinWith(room: RoomRequest): void {
    const name = this.validName();
    if (!name || this.busy) return;
    saveName(name);
    this.setStatus('');
    this.busy = true;
    this.actions.join(name, room);
  }

  private async create(): Promise<void> {
    const name = this.validName();
    if (!name || this.busy) return;
    const roomName = byId('create-name', HTMLInputElement).value.trim() || `${name}'s room`;
    const max = Number(byId('create-max', HTMLInputElement).value) || 16;
    const isPrivate = byId('create-private', HTMLInputElement).checked;
    this.setStatus('Creating room…');
    const r = await createRoom(roomName, max, isPrivate);
    if (!r.ok) {
      this.setStatus(r.message, true);
      return;
    }
    this.joinWith({ kind: 'code', code: r.code });
  }

  private async refresh(): Promise<void> {
    let rooms: RoomListing[];
    try {
      rooms = await listRooms();
    } catch {
      this.renderRooms(null);
      return;
    }
    this.renderRooms(rooms);
  }

  private renderRooms(rooms: RoomListing[] | null): void {
    const items: HTMLElement[] = [];
    if (!rooms || rooms.length === 0) {
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = rooms
        ? 'No public rooms yet. Create one, or hit Quick Play.'
        : 'Cannot reach the server…';
      items.push(li);
    }
    for (const r of rooms ?? []) {
      const li = document.createElement('li');
      li.className = 'room-row';
      li.tabIndex = 0;
      li.setAttribute('role', 'button');
      li.dataset.code = r.code;
      const name = document.createElement('span');
      name.className = 'room-name';
      name.textContent = r.name;
      const code = document.createElement('span');
      code.className = 'room-code';
      code.textContent = r.code;
      const count = document.createElement('span');
      count.className = 'room-count';
      count.textContent = `${r.players}/${r.maxPlayers}`;
      const state = document.createElement('span');
      state.className = `room-state ${r.state}`;
      state.textContent = r.state === 'intermission' ? 'between rounds' : 'playing';
      li.append(name, code, state, count);
      const go = () => this.joinWith({ kind: 'code', code: r.code });
      li.addEventListener('click', go);
      li.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          go();
        }
      });
      items.push(li);
    }
    this.roomList.replaceChildren(...items);
  }
}
