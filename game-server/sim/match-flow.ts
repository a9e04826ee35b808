/** The match flow: Warmup until two players, Countdown (frozen), Playing, Intermission with the scoreboard. */
import {
  EventKind,
  type GameEvent,
  GameMode,
  PLAYER_MAX_HP,
  type RosterEntry,
  RoundPhase,
  Team,
} from '../../protocol/index.js';
import { msFor } from './match-timing.js';
import { resetPickups } from './pickups.js';
import { spawnPlayer } from './players.js';
import { standings } from './standings.js';
import { teamScore } from './teams.js';
import type { World } from './world.js';

/** Players needed to leave Warmup (bots count). */
export const MIN_MATCH_PLAYERS = 2;

/** True in the phases in which players move, shoot and take pickups. */
export function isActivePhase(world: World): boolean {
  return world.round.phase === RoundPhase.Playing || world.round.phase === RoundPhase.Warmup;
}

const msOf = (world: World, ticks: number) => msFor(ticks, world.timing.tickHz);

function play(world: World, events: GameEvent[]): void {
  world.round.phase = RoundPhase.Playing;
  world.round.phaseEndTick = world.tick + world.timing.roundTicks;
  events.push([EventKind.RoundStart, world.round.number, msOf(world, world.timing.roundTicks)]);
}

/**
 * Starts round `number` fresh (scores reset, pickups back, everyone at full health), with its countdown
 * if any. After an intermission everyone respawns; after warmup the living stay where they are.
 */
function beginRound(world: World, events: GameEvent[], number: number, respawnAll: boolean): void {
  world.round.number = number;
  world.projectiles = [];
  resetPickups(world);
  for (const p of world.players.values()) {
    p.kills = 0;
    p.deaths = 0;
    p.nextFireTick = 0;
    if (respawnAll || !p.alive) spawnPlayer(world, p);
    else p.hp = PLAYER_MAX_HP;
  }
  if (world.timing.countdownTicks === 0) {
    play(world, events);
    return;
  }
  world.round.phase = RoundPhase.Countdown;
  world.round.phaseEndTick = world.tick + world.timing.countdownTicks;
  events.push([EventKind.Countdown, number, msOf(world, world.timing.countdownTicks)]);
}

function toWarmup(world: World): void {
  world.round.phase = RoundPhase.Warmup;
  world.round.phaseEndTick = 0;
}

/** Moves the round to its next phase when the current one is over; called first in every tick. */
export function advancePhase(world: World, events: GameEvent[]): void {
  const { round } = world;
  const enough = world.players.size >= MIN_MATCH_PLAYERS;
  if (round.phase === RoundPhase.Warmup) {
    if (enough) beginRound(world, events, round.number, false);
  } else if (world.matchFlow && !enough && round.phase !== RoundPhase.Intermission) toWarmup(world);
  else if (world.tick < round.phaseEndTick) return;
  else if (round.phase === RoundPhase.Countdown) play(world, events);
  else if (round.phase === RoundPhase.Intermission) {
    if (!world.matchFlow || enough) beginRound(world, events, round.number + 1, true);
    else {
      round.number += 1;
      toWarmup(world);
    }
  }
}

/** True when the playing round is over: time is up, or a player (a team in TDM) reached the kill target. */
export function roundIsOver(world: World): boolean {
  if (world.tick >= world.round.phaseEndTick) return true;
  const target = world.timing.killTarget;
  if (world.mode === GameMode.TeamDeathmatch) {
    return teamScore(world, Team.Red) >= target || teamScore(world, Team.Blue) >= target;
  }
  for (const p of world.players.values()) if (p.kills >= target) return true;
  return false;
}

/**
 * The round's MVP and winner id: in free-for-all the first of the standings (most kills, then fewest
 * deaths) if it scored and is not tied with the second on both; in team deathmatch the best player of
 * the team with more kills. 0 when there is no single winner.
 */
export function winnerOf(world: World, table: readonly RosterEntry[]): number {
  if (world.mode === GameMode.TeamDeathmatch) {
    const red = teamScore(world, Team.Red);
    const blue = teamScore(world, Team.Blue);
    if (red === blue) return 0;
    const team = red > blue ? Team.Red : Team.Blue;
    return table.find((e) => e[4] === team)?.[0] ?? 0;
  }
  const [top, second] = table;
  if (!top || top[2] === 0) return 0;
  return second && second[2] === top[2] && second[3] === top[3] ? 0 : top[0];
}

/** Ends the playing round: RoundEnd with the winner and standings, then the Intermission. */
export function endRound(world: World, events: GameEvent[]): void {
  const table = standings(world);
  events.push([EventKind.RoundEnd, world.round.number, winnerOf(world, table), table]);
  world.round.phase = RoundPhase.Intermission;
  world.round.phaseEndTick = world.tick + world.timing.intermissionTicks;
  world.projectiles = [];
}
