/** A room's bots: players in the world without a socket, whose brains decide one input per tick. */
import {
  type BotBrain,
  type BotDifficulty,
  botDelta,
  botToRemove,
  botViewOf,
  createBotBrain,
  decideBotInput,
  pickBotName,
  planBotCount,
} from '../bots/index.js';
import { addPlayer, createRandom, removePlayer, type SimInput, type World } from '../sim/index.js';
import { teamForJoin, teamLookup, teamRosters } from './match-teams.js';

/** A room's bot setting: fill up to `minPlayers` players with bots of `difficulty`. */
export interface BotSpec {
  readonly minPlayers: number;
  readonly difficulty: BotDifficulty;
}

/** The bots of one room. Names come from a room-owned rng, so the world's rng (and the sim) is untouched. */
export class BotMembers {
  /** Each bot's brain, by player id. */
  private readonly bots = new Map<number, BotBrain>();
  private readonly random: () => number;

  constructor(
    private readonly spec: BotSpec | null,
    private readonly seed: number,
  ) {
    this.random = createRandom(seed ^ 0x5bd1e995);
  }

  /** Bots in the room. */
  get size(): number {
    return this.bots.size;
  }

  /**
   * Adds or removes bots so that `humans` humans plus the bots reach the spec's minimum (never more
   * than `maxPlayers` in all). New ids come from `newId`. Returns true if the set of bots changed.
   */
  sync(world: World, humans: number, maxPlayers: number, newId: () => number): boolean {
    if (!this.spec) return false;
    const delta = botDelta(this.bots.size, planBotCount(humans, this.spec.minPlayers, maxPlayers));
    for (let i = 0; i < delta; i++) this.add(world, newId());
    for (let i = 0; i > delta; i--) this.removeOne(world);
    return delta !== 0;
  }

  /** True if player `id` is one of the bots. */
  has(id: number): boolean {
    return this.bots.has(id);
  }

  /**
   * Decides each bot's input for the next tick (from what its screen shows) into `out`, by player id,
   * deleting the entry of a bot that has none. Returns how many it set.
   */
  collectInputs(world: World, out: Map<number, SimInput>): number {
    const teamOf = teamLookup(world);
    let n = 0;
    for (const [id, brain] of this.bots) {
      const view = botViewOf(world, id, teamOf);
      if (!view) {
        out.delete(id);
        continue;
      }
      const d = decideBotInput(brain, view, world.tick + 1);
      this.bots.set(id, d.brain);
      out.set(id, d.input);
      n++;
    }
    return n;
  }

  private add(world: World, id: number): void {
    const name = pickBotName(
      [...world.players.values()].map((p) => p.name),
      this.random(),
    );
    addPlayer(world, id, name, { team: teamForJoin(world), bot: true });
    this.bots.set(id, createBotBrain(this.spec?.difficulty ?? 'normal', (this.seed ^ id) >>> 0));
  }

  private removeOne(world: World): void {
    const fromTeams = botToRemove(teamRosters(world))?.id;
    const id = fromTeams !== undefined && this.bots.has(fromTeams) ? fromTeams : [...this.bots.keys()].pop();
    if (id === undefined) return;
    this.bots.delete(id);
    removePlayer(world, id);
  }
}
