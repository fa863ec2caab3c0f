import type { UserId } from '../../src/domain/ids';
import { proposeTeamPlan, type Planner, type PlanRequest, type Proposal } from '../../src/domain/teamPlan';

/** The team planner, table-driven with a fixed "now" (Monday 2 June 2025, 08:00 UTC). */
const NOW = Date.parse('2025-06-02T08:00:00Z');
const person = (n: number, timeZone = 'UTC', extra: Partial<Planner> = {}): Planner => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` as UserId,
  name: `Person ${n}`,
  timeZone,
  ...extra,
});
const LEADER = person(0);
const team = (count: number, timeZone = 'UTC') => Array.from({ length: count }, (_, i) => person(i + 1, timeZone));
const iso = (p: Proposal | undefined) => (p?.startMs === undefined ? undefined : new Date(p.startMs).toISOString());
const plan = (request: Partial<PlanRequest>) =>
  proposeTeamPlan({ nowMs: NOW, leader: LEADER, members: [], ...request });

describe('proposing a team plan', () => {
  it.each([
    ['a small team spreads one a day', team(3), ['2025-06-02T09:00', '2025-06-03T09:00', '2025-06-04T09:00']],
    [
      'a New York member meets a Paris leader in the overlap of both days',
      [person(1, 'America/New_York')],
      ['2025-06-02T15:00'],
    ],
    ['a member in Kolkata meets early in UTC', [person(1, 'Asia/Kolkata')], ['2025-06-02T09:00']],
  ])('%s', (_name, members, expected) => {
    const leader = _name.includes('Paris') ? { ...LEADER, timeZone: 'Europe/Paris' } : LEADER;
    const proposals = plan({ leader, members });
    // Paris is UTC+2 in June: 15:00 Paris is 13:00 UTC, 09:00 New York.
    const shift = leader.timeZone === 'Europe/Paris' ? 2 * 3_600_000 : 0;
    expect(proposals.map((p) => new Date(p.startMs! + shift).toISOString().slice(0, 16))).toEqual(expected);
    expect(proposals.every((p) => p.durationMinutes === 45)).toBe(true);
  });

  it('never gives the leader more than the daily limit, nor two intros less than 15 minutes apart', () => {
    const proposals = plan({ members: team(40), options: { maxPerDay: 3 } });
    const placed = proposals.filter((p) => p.startMs !== undefined).map((p) => p.startMs!);
    expect(placed).toHaveLength(30); // 10 working days × 3
    const perDay = new Map<string, number>();
    for (const ms of placed) {
      const day = new Date(ms).toISOString().slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect(Math.max(...perDay.values())).toBe(3);
    const sorted = [...placed].sort((a, b) => a - b);
    sorted.slice(1).forEach((ms, i) => expect(ms - (sorted[i]! + 45 * 60_000)).toBeGreaterThanOrEqual(15 * 60_000));
    expect(proposals.filter((p) => p.startMs === undefined)).toHaveLength(10);
    expect([...perDay.keys()].every((day) => ![0, 6].includes(new Date(day).getUTCDay()))).toBe(true);
  });

  it('honours a configured daily limit of one', () => {
    const proposals = plan({ members: team(12), options: { maxPerDay: 1 } });
    expect(proposals.filter((p) => p.startMs !== undefined)).toHaveLength(10);
  });

  it('avoids the leader’s intros (with the gap), the leader’s busy blocks and the member’s', () => {
    const at = (hhmm: string) => Date.parse(`2025-06-02T${hhmm}:00Z`);
    const [first] = plan({
      members: [person(1, 'UTC', { busy: [{ startMs: at('12:00'), endMs: at('13:00') }] })],
      leaderIntros: [{ startMs: at('09:00'), endMs: at('09:45') }],
      leader: { ...LEADER, busy: [{ startMs: at('10:00'), endMs: at('11:30') }] },
      // A one-day horizon keeps it on Monday (a lone member would otherwise spread to Tuesday).
      options: { maxPerDay: 3, horizonDays: 1 },
    });
    // 10:00 is 15 minutes after the intro ends but busy; 11:30 would end after 12:00 when the member is busy.
    expect(iso(first)).toBe('2025-06-02T13:00:00.000Z');
  });

  it('counts the leader’s booked intros towards the daily limit', () => {
    const at = (hhmm: string) => Date.parse(`2025-06-02T${hhmm}:00Z`);
    const leaderIntros = ['09:00', '11:00', '14:00'].map((t) => ({ startMs: at(t), endMs: at(t) + 45 * 60_000 }));
    const [first] = plan({ members: team(1), leaderIntros, options: { maxPerDay: 3 } });
    expect(iso(first)).toBe('2025-06-03T09:00:00.000Z');
  });

  it('skips the weekend and starts at least an hour from now', () => {
    const friday = Date.parse('2025-06-06T16:10:00Z');
    const [first] = proposeTeamPlan({ nowMs: friday, leader: LEADER, members: team(1) });
    expect(iso(first)).toBe('2025-06-09T09:00:00.000Z');
  });

  it('leaves the leader out and gives no time when the working hours never overlap', () => {
    const proposals = plan({
      leader: { ...LEADER, timeZone: 'Asia/Tokyo' },
      members: [LEADER, person(1, 'America/Los_Angeles')],
    });
    expect(proposals).toEqual([{ member: { id: person(1).id, name: 'Person 1' }, durationMinutes: 45 }]);
  });

  it('follows custom working hours and length', () => {
    const hours = { startMinute: 13 * 60, endMinute: 15 * 60, weekdays: [2] };
    const [first] = plan({ members: [person(1, 'UTC', { hours })], options: { durationMinutes: 60 } });
    expect(iso(first)).toBe('2025-06-03T13:00:00.000Z');
    expect(first?.durationMinutes).toBe(60);
  });
});
