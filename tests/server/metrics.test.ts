import { Counter, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { closeReasonLabel, createMetrics, renderMetrics } from '../../game-server/metrics.js';
import { CloseCode } from '../../protocol/index.js';

describe('createMetrics', () => {
  it('reports the median, p90 and p99 of the players’ reported round trips, nothing while none reported', async () => {
    let rtts: number[] = [];
    const m = createMetrics({ playerRtts: () => rtts, processMetrics: false });
    expect((await renderMetrics(m)).text).not.toContain('tickfire_player_rtt_ms{');
    rtts = [30, 10, 20, 200, 40, 50, 60, 70, 80, 90];
    const lines = (await renderMetrics(m)).text.split('\n');
    expect(lines).toContain('tickfire_player_rtt_ms{quantile="0.5"} 50');
    expect(lines).toContain('tickfire_player_rtt_ms{quantile="0.9"} 90');
    expect(lines).toContain('tickfire_player_rtt_ms{quantile="0.99"} 200');
    rtts = [];
    expect((await renderMetrics(m)).text).not.toContain('tickfire_player_rtt_ms{');
  });

  it('renders every metric with its updated value', async () => {
    let live = { rooms: 3, players: 17 };
    const m = createMetrics({ sample: () => live });
    m.tickDuration.observe(4.2);
    m.tickLateness.observe(1.5);
    m.bytesIn.inc(100);
    m.bytesOut.inc(2500);
    m.recordClose(CloseCode.Kicked, '');
    m.recordClose(CloseCode.RoomClosed, 'room_closed: closed by an operator');
    m.recordClose(4999, '');
    m.recordClose(4999, 'something new');
    m.recordClose(CloseCode.Normal, 'kicked: by an operator');
    m.addRoomStats('AAAAAA', { stateFramesSkipped: 2, framesDropped: 1, inputsDropped: 5, inputsLate: 7 });
    m.addRoomStats('AAAAAA', { stateFramesSkipped: 3, framesDropped: 1, inputsDropped: 5, inputsLate: 9 });
    const { text, contentType } = await renderMetrics(m);
    expect(contentType).toContain('text/plain');
    const lines = text.split('\n');
    const has = (line: string) => expect(lines).toContain(line);
    has('tickfire_rooms 3');
    has('tickfire_players 17');
    has('tickfire_tick_duration_ms_bucket{le="8"} 1');
    has('tickfire_tick_duration_ms_bucket{le="2"} 0');
    has('tickfire_tick_duration_ms_count 1');
    has('tickfire_tick_lateness_ms_sum 1.5');
    has('tickfire_bytes_in_total 100');
    has('tickfire_bytes_out_total 2500');
    has('tickfire_closes_total{reason="kicked"} 2');
    has('tickfire_closes_total{reason="room_closed"} 1');
    has('tickfire_closes_total{reason="other"} 2');
    has('tickfire_state_frames_skipped_total 3');
    has('tickfire_frames_dropped_total 1');
    has('tickfire_inputs_dropped_total 5');
    has('tickfire_inputs_late_total 9');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');

    live = { rooms: 1, players: 2 };
    const again = (await renderMetrics(m)).text.split('\n');
    expect(again).toContain('tickfire_rooms 1');
    expect(again).toContain('tickfire_players 2');
  });

  it('merges other registries into the answer', async () => {
    const m = createMetrics({ processMetrics: false });
    const other = new Registry();
    new Counter({ name: 'tickfire_refusals_total', help: 'x', registers: [other] }).inc(4);
    const { text } = await renderMetrics(m, other);
    expect(text).toContain('tickfire_refusals_total 4');
    expect(text).toContain('tickfire_rooms 0');
    expect(text).not.toContain('process_cpu_user_seconds_total');
  });

  it('keeps close reason labels bounded', () => {
    expect(closeReasonLabel(CloseCode.SlowConsumer)).toBe('slow_consumer');
    expect(closeReasonLabel(1006)).toBe('abnormal');
    expect(closeReasonLabel('drained: rejoin elsewhere')).toBe('drained');
    expect(closeReasonLabel('<script>')).toBe('other');
    expect(closeReasonLabel(`${'x'.repeat(500)}: y`)).toBe('other');
  });
});
