import type { TenantId } from '../domain/ids';
import { createIntro, type Intro, type Person, type Setting } from '../domain/intro';
import { fail, ok, type Result } from '../domain/result';
import { prepDueAt } from '../domain/schedule';
import type { Caller } from './caller';
import { JOB_KINDS, type FlowDeps } from './flowDeps';
import { changeIntro } from './introUpdates';
import type { CalendarEntry } from './ports';

/** A schedule request, already parsed from the card; the person is undefined when none was given. */
export interface ScheduleRequest {
  readonly member?: Person;
  readonly startMs: number;
  readonly durationMinutes: number;
  readonly setting: Setting;
}

/** Why scheduling was refused. */
export type ScheduleError =
  | 'noPerson'
  | 'selfIntro'
  | 'inPast'
  | 'durationNotWhole'
  | 'durationTooShort'
  | 'durationTooLong'
  | 'forbidden'
  | 'unavailable';

/** A scheduled intro and where it landed on the calendar. */
export interface Scheduled {
  readonly intro: Intro;
  readonly entry: CalendarEntry;
}

function refuse(request: ScheduleRequest, caller: Caller, now: number): Result<void, ScheduleError> {
  if (!request.member) return fail('noPerson', 'Choose the person you want to meet.', 'person');
  if (request.member.id === caller.userId) {
    return fail('selfIntro', 'An intro 1:1 needs another person: choose someone other than yourself.', 'person');
  }
  if (request.startMs <= now) return fail('inPast', 'That time has passed: choose a time in the future.', 'time');
  return ok(undefined);
}

/** Key and payload of the jobs that belong to one intro. */
function introJobPayload(tenantId: TenantId, intro: Intro): Record<string, unknown> {
  return { tenantId, introId: intro.id };
}

/**
 * Validates and schedules an intro: stores it, puts it on the calendar and plans the prep and heads-up jobs.
 * Nothing is kept when any step is refused.
 */
export async function scheduleIntro(
  deps: FlowDeps,
  caller: Caller,
  request: ScheduleRequest,
): Promise<Result<Scheduled, ScheduleError>> {
  const now = deps.clock.now();
  const refused = refuse(request, caller, now);
  if (!refused.ok) return refused;
  const created = createIntro({
    id: deps.newIntroId(),
    tenantId: caller.tenantId,
    leader: { id: caller.userId, name: caller.name },
    member: request.member,
    scheduledStart: new Date(request.startMs).toISOString(),
    durationMinutes: request.durationMinutes,
    setting: request.setting,
    createdAt: new Date(now).toISOString(),
  });
  if (!created.ok) return created;
  await deps.intros.create(created.value);
  const entry = await deps.calendar.schedule(created.value);
  if (!entry.ok) {
    await deps.intros.delete(caller.tenantId, created.value.id);
    return entry;
  }
  const intro = await withMeeting(deps, created.value, entry.value);
  const dueAt = prepDueAt(request.startMs, now);
  const payload = introJobPayload(caller.tenantId, intro);
  await deps.jobs.schedule({ id: `prep:${intro.id}`, kind: JOB_KINDS.prepLeader, dueAt, payload });
  await deps.jobs.schedule({ id: `headsUp:${intro.id}`, kind: JOB_KINDS.headsUpMember, dueAt, payload });
  return ok({ intro, entry: entry.value });
}

async function withMeeting(deps: FlowDeps, intro: Intro, entry: CalendarEntry): Promise<Intro> {
  if (!entry.joinUrl && !entry.chatId && !entry.meetingId) return intro;
  const meeting = {
    ...(entry.joinUrl ? { joinUrl: entry.joinUrl } : {}),
    ...(entry.chatId ? { chatId: entry.chatId } : {}),
  };
  const updated = await changeIntro(deps.intros, intro.tenantId, intro.id, (current) => ({ ...current, meeting }));
  return updated.ok ? updated.value.intro : { ...intro, meeting };
}
