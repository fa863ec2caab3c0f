import { fail, ok, type Result } from './result';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::\d{2})?$/;

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes `timeZone` is ahead of UTC at the instant `epochMs` (e.g. +120 for Paris in summer). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock date and time denote in `timeZone`. A time skipped by a DST jump moves forward
 * by the jump (02:30 on a spring-forward night is 03:30); a repeated time takes its first occurrence.
 */
export function zonedToEpoch(date: string, time: string, timeZone: string): Result<number, 'badDate' | 'badTime'> {
  const d = DATE.exec(date);
  if (!d) return fail('badDate', 'Choose a date.', 'date');
  const t = TIME.exec(time);
  if (!t) return fail('badTime', 'Choose a time.', 'time');
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59) return fail('badTime', 'Choose a time.', 'time');
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return fail('badDate', 'Choose a date.', 'date');
  // Try the offset before and after the wall time; the earlier consistent answer is the first occurrence.
  const candidates = [wall - 36 * 3_600_000, wall + 36 * 3_600_000]
    .map((probe) => wall - zoneOffsetMinutes(probe, timeZone) * 60_000)
    .filter((epoch) => epoch + zoneOffsetMinutes(epoch, timeZone) * 60_000 === wall)
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return ok(candidates[0]);
  // In a DST gap: apply the offset in force before the jump, which lands after it.
  return ok(wall - zoneOffsetMinutes(wall - 36 * 3_600_000, timeZone) * 60_000);
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:mm) of an instant in `timeZone`. */
export function epochToZoned(epochMs: number, timeZone: string): { date: string; time: string } {
  const local = new Date(epochMs + zoneOffsetMinutes(epochMs, timeZone) * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** A human label for an instant in a zone, e.g. "Tue, 3 Jun 2025, 14:30 (Europe/Paris)". */
export function formatInZone(epochMs: number, timeZone: string): string {
  const label = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(epochMs));
  return `${label} (${timeZone})`;
}

/** How long before the start the leader gets the prep card. */
const PREP_LEAD_MS = 15 * 60_000;

/** When the prep card is due: 15 minutes before the start, or at once when that is already past. */
export function prepDueAt(startMs: number, nowMs: number): number {
  return Math.max(nowMs, startMs - PREP_LEAD_MS);
}
