import { describe, expect, it } from 'vitest';
import { phaseSegments } from '../../../../../renderer/src/features/response/Timeline.tsx';

const summary = (timings: Parameters<typeof phaseSegments>[0]) => phaseSegments(timings).map(({ key, startMs, durationMs }) => [key, startMs, durationMs]);

describe('timeline phases', () => {
  it('a new TLS connection: DNS, connect and TLS are durations laid end to end, then sent and first byte up to their marks', () => {
    // As the engine reports it (send-request.ts): 2 ms DNS, 6 ms TCP, 1.5 ms TLS (shorter than TCP), sent at 12, first byte at 19.
    expect(summary({ dnsMs: 2, connectMs: 6, tlsMs: 1.5, sentMs: 12, firstByteMs: 19, downloadMs: 1, totalMs: 20 })).toEqual([
      ['dns', 0, 2],
      ['connect', 2, 6],
      ['tls', 8, 1.5],
      ['send', 9.5, 2.5],
      ['wait', 12, 7],
      ['download', 19, 1],
    ]);
  });

  it('a reused connection has no connection phases; the download fills up to the total when it was not measured', () => {
    expect(summary({ sentMs: 0.5, firstByteMs: 1.25, totalMs: 2 })).toEqual([
      ['send', 0, 0.5],
      ['wait', 0.5, 0.75],
      ['download', 1.25, 0.75],
    ]);
  });
});
