/** A room's bots: players in the world without a socket, fed by their brains through the same input queue as clients. */
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
import { addPlayer, nextRandom, removePlayer, type SimInput, type World } from '../sim/index.js';
import { InputQueue } from './input-queue.js';
import { teamForJoin, teamLookup, teamRosters } from './match-teams.js';

/** A room's bot setting: fill up to `minPlayers` players with bots of `difficulty`. */
export interface BotSpec {
  readonly minPlayers: number;
  readonly difficulty: BotDifficulty;
}

interface Bot {
  brain: BotBrain;
  readonly inputs: InputQueue;
}

/** The bots of one room. Names come from a room-owned rng, so the world's rng (and the sim) is untouched. */
export class BotMembers {
  private readonly bots = new Map<number, Bot>();
  private rng: number;

  constructor(
    private readonly spec: BotSpec | null,
    private readonly seed: number,
  ) {
    this.rng = (seed ^ 0x5bd1e995) >>> 0;
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

  /** Decides each living bot's next input (from what its screen shows) and takes one per bot into `out`. */
  collectInputs(world: World, out: Map<number, SimInput>): void {
    const teamOf = teamLookup(world);
    for (const [id, bot] of this.bots) {
      const view = botViewOf(world, id, teamOf);
      if (view) {
        const d = decideBotInput(bot.brain, view, world.tick + 1);
        bot.brain = d.brain;
        bot.inputs.push(d.input);
      }
      const input = bot.inputs.take();
      if (input) out.set(id, input);
    }
  }

  private add(world: World, id: number): void {
    const [rng, r] = nextRandom(this.rng);
    this.rng = rng;
    const name = pickBotName(
      [...world.players.values()].map((p) => p.name),
      r,
    );
    addPlayer(world, id, name, { team: teamForJoin(world), bot: true });
    this.bots.set(id, {
      brain: createBotBrain(this.spec?.difficulty ?? 'normal', (this.seed ^ id) >>> 0),
      inputs: new InputQueue(),
    });
  }

  private removeOne(world: World): void {
    const fromTeams = botToRemove(teamRosters(world))?.id;
    const id = fromTeams !== undefined && this.bots.has(fromTeams) ? fromTeams : [...this.bots.keys()].pop();
    if (id === undefined) return;
    this.bots.delete(id);
    removePlayer(world, id);
  }
}
