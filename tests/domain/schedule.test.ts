import { epochToZoned, prepDueAt, zonedToEpoch, zoneOffsetMinutes } from '../../src/domain/schedule';

describe('time zones without a tz library', () => {
  it.each([
    ['2025-01-15T12:00:00Z', 'Europe/Paris', 60],
    ['2025-07-15T12:00:00Z', 'Europe/Paris', 120],
    ['2025-07-15T12:00:00Z', 'America/New_York', -240],
    ['2025-07-15T12:00:00Z', 'Asia/Kolkata', 330],
    ['2025-07-15T12:00:00Z', 'UTC', 0],
  ])('offset at %s in %s is %i minutes', (instant, zone, offset) => {
    expect(zoneOffsetMinutes(Date.parse(instant), zone)).toBe(offset);
  });

  it.each([
    ['2025-06-03', '14:30', 'Europe/Paris', '2025-06-03T12:30:00.000Z'],
    ['2025-12-03', '14:30', 'Europe/Paris', '2025-12-03T13:30:00.000Z'],
    // Spring forward: 02:30 does not exist in Paris on 30 March; it moves to 03:30 (01:30 UTC).
    ['2025-03-30', '02:30', 'Europe/Paris', '2025-03-30T01:30:00.000Z'],
    // Fall back: 02:30 happens twice on 26 October; the first one (summer time) is taken.
    ['2025-10-26', '02:30', 'Europe/Paris', '2025-10-26T00:30:00.000Z'],
    ['2025-03-09', '02:30', 'America/New_York', '2025-03-09T07:30:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    const result = zonedToEpoch(date, time, zone);
    expect(result.ok && new Date(result.value).toISOString()).toBe(expected);
  });

  it.each([
    ['2025-02-30', '10:00', 'badDate'],
    ['', '10:00', 'badDate'],
    ['2025-02-03', '25:00', 'badTime'],
    ['2025-02-03', '', 'badTime'],
  ])('refuses %p %p', (date, time, code) => {
    const result = zonedToEpoch(date, time, 'UTC');
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });

  it('round-trips an instant through wall-clock time', () => {
    const instant = Date.parse('2025-10-26T01:15:00Z');
    expect(epochToZoned(instant, 'Europe/Paris')).toEqual({ date: '2025-10-26', time: '02:15' });
  });

  it('prep is due 15 minutes before, or at once when that has passed', () => {
    expect(prepDueAt(60 * 60_000, 0)).toBe(45 * 60_000);
    expect(prepDueAt(10 * 60_000, 0)).toBe(0);
  });
});
