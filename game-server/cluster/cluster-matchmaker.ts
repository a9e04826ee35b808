/** Placing a join across the cluster: pick (or have a node create) a room, reserve a seat there. */
import type { JoinRefusal, RoomRequest } from '../../protocol/index.js';
import type { ClusterDirectory } from './cluster-directory.js';
import { ClusterError } from './cluster-error.js';
import type { ListedRoom, NodeInfo } from './cluster-types.js';

/** A reserved seat (connect to `url` with room=code&seat=seat), or a refusal. */
export type SeatPlacement =
  | { readonly ok: true; readonly code: string; readonly url: string; readonly seat: string }
  | { readonly ok: false; readonly refusal: JoinRefusal };

/** The refusal when no node can take another room. */
export function clusterFull(detail = 'no server can take another game: try again later'): JoinRefusal {
  return { error: 'server_full', reason: detail };
}

/** Quick-play's pick: a public room with space on a non-draining node, fullest first; null if none. */
export function pickQuickRoom(publicRooms: readonly ListedRoom[]): ListedRoom | null {
  const open = publicRooms.filter((r) => !r.draining && r.players < r.maxPlayers);
  open.sort((a, b) => b.players - a.players || a.code.localeCompare(b.code));
  return open[0] ?? null;
}

/** The least-loaded node that is not draining (players, then rooms, then id); null if none. */
export function pickLeastLoadedNode(nodes: Iterable<NodeInfo>): NodeInfo | null {
  const open = [...nodes].filter((n) => !n.draining);
  open.sort((a, b) => a.players - b.players || a.rooms - b.rooms || a.nodeId.localeCompare(b.nodeId));
  return open[0] ?? null;
}

/** Cluster-wide placement; the in-process Matchmaker stays for embedded mode and direct joins. */
export class ClusterMatchmaker {
  constructor(
    private readonly directory: ClusterDirectory,
    private readonly defaultMaxPlayers: number,
  ) {}

  /** Finds or creates a room for `request` somewhere in the cluster and reserves a seat for `name`. */
  async placeSeat(request: RoomRequest, name: string): Promise<SeatPlacement> {
    try {
      if (request.kind === 'code') return await this.reserve(request.code, name);
      const open = await this.directory.findQuickRoom();
      if (open) {
        const r = await this.reserve(open.code, name);
        if (r.ok) return r;
      }
      const code = await this.createQuickRoom();
      return code === null ? { ok: false, refusal: clusterFull() } : await this.reserve(code, name);
    } catch (err) {
      if (err instanceof ClusterError)
        return { ok: false, refusal: clusterFull(`the server cluster is unavailable: ${err.kind}`) };
      throw err;
    }
  }

  /** Creates a public quick-play room (named after its code) on the least-loaded node; null if none. */
  private async createQuickRoom(): Promise<string | null> {
    const node = await this.directory.pickNodeForNewRoom();
    if (!node) return null;
    return this.directory.requestCreateRoom(node.nodeId, {
      name: '',
      maxPlayers: this.defaultMaxPlayers,
      private: false,
    });
  }

  private async reserve(code: string, name: string): Promise<SeatPlacement> {
    const r = await this.directory.reserveSeat(code, name);
    if (!r.ok) return { ok: false, refusal: { error: r.error, reason: r.reason } };
    return { ok: true, code: r.code, url: r.url, seat: r.token };
  }
}
