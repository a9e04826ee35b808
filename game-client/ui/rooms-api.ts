/** The lobby REST API: list public rooms and create rooms. */

/** A room as listed by GET /api/rooms. */
export interface RoomListing {
  readonly code: string;
  readonly name: string;
  readonly players: number;
  readonly maxPlayers: number;
  readonly state: 'playing' | 'intermission';
  /** 'ffa' or 'tdm' (absent on servers before modes: free-for-all). */
  readonly mode?: RoomMode;
}

/** Game modes as the REST API names them. */
export type RoomMode = 'ffa' | 'tdm';
/** Bot skill levels as the REST API names them. */
export type BotDifficulty = 'easy' | 'normal' | 'hard';

/** What a new room is created with. */
export interface RoomOptions {
  readonly name: string;
  readonly maxPlayers: number;
  readonly private: boolean;
  readonly mode: RoomMode;
  /** Bots fill the room up to this many players (0: none). */
  readonly bots: number;
  readonly difficulty: BotDifficulty;
}

/** Result of creating a room. */
export type CreateResult = { ok: true; code: string } | { ok: false; message: string };

const isListing = (v: unknown): v is RoomListing => {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.code === 'string' &&
    typeof r.name === 'string' &&
    typeof r.players === 'number' &&
    typeof r.maxPlayers === 'number'
  );
};

/** Fetches the public rooms; throws if the server cannot be reached. */
export async function listRooms(): Promise<RoomListing[]> {
  const res = await fetch('/api/rooms', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`rooms: HTTP ${res.status}`);
  const body: unknown = await res.json();
  return Array.isArray(body) ? body.filter(isListing) : [];
}

/** Creates a room; never throws. */
export async function createRoom(options: RoomOptions): Promise<CreateResult> {
  let res: Response;
  try {
    res = await fetch('/api/rooms', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(options),
    });
  } catch {
    return { ok: false, message: 'Cannot reach the game server.' };
  }
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = await res.json();
    if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
  } catch {
    // Non-JSON answer: handled below by the status.
  }
  if (res.ok && typeof body.code === 'string') return { ok: true, code: body.code };
  const reason = typeof body.reason === 'string' ? body.reason : `HTTP ${res.status}`;
  return { ok: false, message: `Could not create the room: ${reason}` };
}
