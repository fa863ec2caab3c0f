import type { IntroId, TenantId } from './ids';
import { DEFAULT_MINUTES, type Person } from './intro';

/** Working hours in a person's own zone: minutes after midnight, and weekdays (0 Sunday … 6 Saturday). */
interface WorkingHours {
  readonly startMinute: number;
  readonly endMinute: number;
  readonly weekdays: readonly number[];
}

/** 09:00–17:00, Monday to Friday. */
const DEFAULT_HOURS: WorkingHours = { startMinute: 9 * 60, endMinute: 17 * 60, weekdays: [1, 2, 3, 4, 5] };

/** A time someone cannot meet: [startMs, endMs). */
export interface Busy {
  readonly startMs: number;
  readonly endMs: number;
}

/** One person the planner places: their zone, hours and busy blocks. */
export interface Planner extends Person {
  readonly timeZone: string;
  readonly hours?: WorkingHours;
  readonly busy?: readonly Busy[];
}

/** The planner's knobs; each has a default. */
interface PlanOptions {
  /** Most intros the leader holds on one day (default 3). */
  readonly maxPerDay?: number;
  readonly durationMinutes?: number;
  /** Least time between two of the leader's intros (default 15). */
  readonly gapMinutes?: number;
  readonly horizonDays?: number;
  /** Earliest start after now (default 60). */
  readonly leadMinutes?: number;
}

/** What to plan: the leader (with their busy blocks), their intros already booked, and the members. */
export interface PlanRequest {
  readonly nowMs: number;
  readonly leader: Planner;
  /** The leader's intros already on the calendar: they count towards each day's limit and keep the gap. */
  readonly leaderIntros?: readonly Busy[];
  readonly members: readonly Planner[];
  readonly options?: PlanOptions;
}

/** A proposed intro; `startMs` is undefined when no time fits in the horizon. */
export interface Proposal {
  readonly member: Person;
  readonly startMs?: number;
  readonly durationMinutes: number;
}

const STEP_MS = 15 * 60_000;
const DAY_MS = 24 * 3_600_000;

interface Local {
  readonly day: string;
  readonly weekday: number;
  readonly minute: number;
}

function wallClockIn(zone: string): (ms: number) => Date {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  return (ms) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
    const [y, mo, d, h, mi] = ['year', 'month', 'day', 'hour', 'minute'].map((key) => Number(parts[key] ?? 0));
    return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!));
  };
}

/** The wall clock of an instant in a zone, memoised per zone (one Intl formatter each: they are slow to make). */
function localClock() {
  const memo = new Map<string, { wall: (ms: number) => Date; seen: Map<number, Local> }>();
  return (ms: number, zone: string): Local => {
    const byZone = memo.get(zone) ?? { wall: wallClockIn(zone), seen: new Map<number, Local>() };
    memo.set(zone, byZone);
    const known = byZone.seen.get(ms);
    if (known) return known;
    const wall = byZone.wall(ms);
    const local = {
      day: wall.toISOString().slice(0, 10),
      weekday: wall.getUTCDay(),
      minute: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
    };
    byZone.seen.set(ms, local);
    return local;
  };
}

const overlaps = (start: number, end: number, blocks: readonly Busy[], margin: number) =>
  blocks.some((b) => start < b.endMs + margin && b.startMs < end + margin);

function withinHours(local: Local, durationMinutes: number, hours: WorkingHours): boolean {
  return (
    hours.weekdays.includes(local.weekday) &&
    local.minute >= hours.startMinute &&
    local.minute + durationMinutes <= hours.endMinute
  );
}

interface Settings {
  readonly maxPerDay: number;
  readonly durationMinutes: number;
  readonly gapMs: number;
  readonly candidates: readonly number[];
}

function settingsOf(request: PlanRequest): Settings {
  const o = request.options ?? {};
  const first = Math.ceil((request.nowMs + (o.leadMinutes ?? 60) * 60_000) / STEP_MS) * STEP_MS;
  const last = request.nowMs + (o.horizonDays ?? 14) * DAY_MS;
  const candidates: number[] = [];
  for (let start = first; start < last; start += STEP_MS) candidates.push(start);
  return {
    maxPerDay: Math.max(1, o.maxPerDay ?? 3),
    durationMinutes: o.durationMinutes ?? DEFAULT_MINUTES,
    gapMs: (o.gapMinutes ?? 15) * 60_000,
    candidates,
  };
}

/** The days (in the leader's zone) on which the leader works within the candidates. */
function workingDays(request: PlanRequest, s: Settings, clock: ReturnType<typeof localClock>): number {
  const hours = request.leader.hours ?? DEFAULT_HOURS;
  const days = new Set<string>();
  for (const start of s.candidates) {
    const local = clock(start, request.leader.timeZone);
    if (withinHours(local, s.durationMinutes, hours)) days.add(local.day);
  }
  return days.size;
}

/**
 * Proposes one intro per member within both people's working hours and zones over the horizon: at most
 * `maxPerDay` a day for the leader (fewer when the team is small, so intros spread out), never back to back,
 * clear of the leader's intros and everyone's busy blocks. Members are placed in the order given.
 */
export function proposeTeamPlan(request: PlanRequest): Proposal[] {
  const s = settingsOf(request);
  const clock = localClock();
  const leaderHours = request.leader.hours ?? DEFAULT_HOURS;
  const booked: Busy[] = [...(request.leaderIntros ?? [])];
  const perDay = new Map<string, number>();
  for (const intro of booked) {
    const day = clock(intro.startMs, request.leader.timeZone).day;
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const spread = Math.ceil(request.members.length / Math.max(1, workingDays(request, s, clock)));
  const caps = [...new Set([Math.min(s.maxPerDay, Math.max(1, spread)), s.maxPerDay])];
  const placed = new Map<string, number>();
  const durationMs = s.durationMinutes * 60_000;
  for (const cap of caps) {
    for (const member of request.members) {
      if (placed.has(member.id) || member.id === request.leader.id) continue;
      const start = s.candidates.find((candidate) => {
        const leaderLocal = clock(candidate, request.leader.timeZone);
        if ((perDay.get(leaderLocal.day) ?? 0) >= cap) return false;
        if (!withinHours(leaderLocal, s.durationMinutes, leaderHours)) return false;
        if (!withinHours(clock(candidate, member.timeZone), s.durationMinutes, member.hours ?? DEFAULT_HOURS)) {
          return false;
        }
        const end = candidate + durationMs;
        if (overlaps(candidate, end, booked, s.gapMs)) return false;
        return (
          !overlaps(candidate, end, request.leader.busy ?? [], 0) && !overlaps(candidate, end, member.busy ?? [], 0)
        );
      });
      if (start === undefined) continue;
      placed.set(member.id, start);
      booked.push({ startMs: start, endMs: start + durationMs });
      const day = clock(start, request.leader.timeZone).day;
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
  }
  return request.members
    .filter((member) => member.id !== request.leader.id)
    .map((member) => ({
      member: { id: member.id, name: member.name },
      ...(placed.has(member.id) ? { startMs: placed.get(member.id) } : {}),
      durationMinutes: s.durationMinutes,
    }));
}

/** Where one person stands in a leader's plan. */
type PlanItemState = 'proposed' | 'dropped' | 'scheduled';

/** One person in a team plan. */
export interface PlanItem {
  readonly member: Person;
  readonly state: PlanItemState;
  readonly startMs?: number;
  readonly durationMinutes: number;
  /** Set once the intro is scheduled. */
  readonly introId?: IntroId;
}

/** A leader's plan of intros with one team: the people in it and nothing else of the roster. */
export interface TeamPlan {
  readonly tenantId: TenantId;
  readonly teamId: string;
  readonly teamName: string;
  readonly leader: Person;
  /** Bumped on every confirm: a card issued for an earlier round cannot confirm again. */
  readonly round: number;
  readonly timeZone: string;
  readonly items: readonly PlanItem[];
  /** ISO 8601 instant. */
  readonly createdAt: string;
}
