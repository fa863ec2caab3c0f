import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Caller } from '../app/caller';
import type { BotUseCases } from '../app/edges';
import type { ScheduleRequest } from '../app/scheduling';
import { parseUserId, type UserId } from '../domain/ids';
import { DEFAULT_MINUTES, type Person } from '../domain/intro';
import { settingSchema } from '../domain/intro.schema';
import { fail, ok, type Result } from '../domain/result';
import { epochToZoned, isTimeZone, zonedToEpoch } from '../domain/schedule';
import type { Signer } from '../app/ports';
import { confirmationCard } from './cards/introCards';
import {
  SCHEDULE_CARD_VERSION,
  SCHEDULE_VERB,
  scheduleCard,
  type ScheduleStamp,
  type ScheduleValues,
} from './cards/scheduleCard';
import { derivedGuid } from '../derivedGuid';
import { senderZoneOf } from './identity';
import { alreadyUsedText, cardIntroId, replaceSubmittedCard, scheduleOnce } from './scheduleOnce';
import { sendCard } from './send';

/** A schedule card older than this is refused as stale. */
const CARD_TTL_MS = 24 * 3_600_000;

/** What a schedule card submits: the stamp it was issued with and the inputs, nothing else. */
const scheduleSubmitSchema = z
  .object({
    verb: z.literal(SCHEDULE_VERB),
    cardVersion: z.number().int(),
    issuedAt: z.number().int(),
    nonce: z.string().min(1).max(64).optional(),
    timeZone: z.string().min(1).max(64),
    sig: z.string().min(1).max(100),
    person: z.string().max(200).optional(),
    personText: z.string().max(200).optional(),
    date: z.string().max(20).optional(),
    time: z.string().max(20).optional(),
    duration: z.string().max(10).optional(),
    setting: settingSchema.optional(),
  })
  .strict();

/** A parsed schedule submission. */
type ScheduleSubmit = z.infer<typeof scheduleSubmitSchema>;

/** What the schedule flow needs. */
export interface ScheduleFlowDeps {
  readonly useCases: BotUseCases;
  readonly signer: Signer;
}

function stampText(caller: Caller, issuedAt: number, timeZone: string, nonce: string | undefined): string {
  const base = `schedule|${SCHEDULE_CARD_VERSION}|${issuedAt}|${timeZone}|${caller.tenantId}|${caller.userId}`;
  // Cards issued before the nonce existed carry none, and still verify.
  return nonce === undefined ? base : `${base}|${nonce}`;
}

/** Issues a signed stamp for a new schedule card, with its own nonce. */
function issueStamp(signer: Signer, caller: Caller, now: number, timeZone: string): ScheduleStamp {
  const nonce = randomUUID();
  return { issuedAt: now, nonce, timeZone, sig: signer.sign(stampText(caller, now, timeZone, nonce)) };
}

/** Inputs of a fresh card: tomorrow at 10:00 in the user's zone, 45 minutes, a Teams call. */
function defaultValues(now: number, timeZone: string): ScheduleValues {
  return {
    date: epochToZoned(now + 24 * 3_600_000, timeZone).date,
    time: '10:00',
    duration: '45',
    setting: 'teamsCall',
  };
}

/** The user's IANA zone from the activity (`localTimezone` or client info), else UTC. */
export function zoneOf(context: TurnContext): string {
  return senderZoneOf(context.activity) ?? 'UTC';
}

/** Sends a schedule card, fresh or with the user's values and an error. */
export async function sendScheduleCard(
  context: TurnContext,
  deps: ScheduleFlowDeps,
  caller: Caller,
  options: { timeZone?: string; values?: ScheduleValues; error?: string } = {},
): Promise<void> {
  const now = deps.useCases.now();
  const timeZone = options.timeZone ?? zoneOf(context);
  const stamp = issueStamp(deps.signer, caller, now, timeZone);
  await sendCard(context, scheduleCard(stamp, options.values ?? defaultValues(now, timeZone), options.error));
}

async function nameOf(deps: BotUseCases, caller: Caller, id: UserId): Promise<string> {
  const reference = await deps.conversationOf(caller.tenantId, id);
  const user = reference?.user as { name?: unknown } | undefined;
  return typeof user?.name === 'string' && user.name.trim() !== '' ? user.name.trim() : 'your colleague';
}

/**
 * The person chosen: the picker's Entra id (its name from their chat with the bot, when known), else the typed
 * name or email, which stands for a person with a derived id; typing one's own name means oneself.
 */
async function resolvePerson(deps: BotUseCases, caller: Caller, submit: ScheduleSubmit): Promise<Person | undefined> {
  const picked = parseUserId(submit.person?.trim());
  if (picked) return { id: picked, name: await nameOf(deps, caller, picked) };
  const typed = submit.personText?.trim() ?? '';
  if (typed === '') return undefined;
  const asId = parseUserId(typed);
  if (asId) return { id: asId, name: await nameOf(deps, caller, asId) };
  if (typed.toLowerCase() === caller.name.toLowerCase()) return { id: caller.userId, name: caller.name };
  return { id: derivedGuid(`person|${caller.tenantId}|${typed.toLowerCase()}`) as UserId, name: typed };
}

/** Checks the stamp: the current card version, issued to this user, recently, and not altered. */
function checkStamp(
  signer: Signer,
  caller: Caller,
  submit: ScheduleSubmit,
  now: number,
): Result<void, 'stale' | 'tampered'> {
  if (!signer.verify(stampText(caller, submit.issuedAt, submit.timeZone, submit.nonce), submit.sig)) {
    return fail('tampered', 'I could not verify that card. Here is a fresh one.');
  }
  if (
    submit.cardVersion !== SCHEDULE_CARD_VERSION ||
    now - submit.issuedAt > CARD_TTL_MS ||
    submit.issuedAt > now + 60_000
  ) {
    return fail('stale', 'That card is out of date. Here is a fresh one.');
  }
  return ok(undefined);
}

function valuesOf(submit: ScheduleSubmit): ScheduleValues {
  return {
    person: submit.person,
    personText: submit.personText,
    date: submit.date ?? '',
    time: submit.time ?? '',
    duration: submit.duration ?? String(DEFAULT_MINUTES),
    setting: submit.setting ?? 'teamsCall',
  };
}

async function toRequest(deps: BotUseCases, caller: Caller, submit: ScheduleSubmit): Promise<Result<ScheduleRequest>> {
  const zone = isTimeZone(submit.timeZone) ? submit.timeZone : 'UTC';
  const start = zonedToEpoch(submit.date ?? '', submit.time ?? '', zone);
  if (!start.ok) return start;
  const duration = /^\d{1,4}$/.test(submit.duration ?? '') ? Number(submit.duration) : Number.NaN;
  const member = await resolvePerson(deps, caller, submit);
  return ok({ member, startMs: start.value, durationMinutes: duration, setting: submit.setting ?? 'teamsCall' });
}

/**
 * Handles a schedule card submission: refuses tampered or stale cards, re-sends invalid ones, schedules once per
 * card (a second press creates nothing and says so) and turns the card into its confirmation.
 */
export async function handleScheduleSubmit(
  context: TurnContext,
  deps: ScheduleFlowDeps,
  caller: Caller,
  data: unknown,
): Promise<void> {
  const parsed = scheduleSubmitSchema.safeParse(data);
  if (!parsed.success) {
    await sendScheduleCard(context, deps, caller, { error: 'I could not read that card. Here is a fresh one.' });
    return;
  }
  const submit = parsed.data;
  const stamp = checkStamp(deps.signer, caller, submit, deps.useCases.now());
  if (!stamp.ok) {
    await sendScheduleCard(context, deps, caller, { error: stamp.error.message });
    return;
  }
  const introId = cardIntroId(submit.sig);
  const earlier = await deps.useCases.findIntro(caller.tenantId, introId);
  if (earlier) {
    await context.sendActivity(alreadyUsedText(earlier, submit.timeZone));
    return;
  }
  const request = await toRequest(deps.useCases, caller, submit);
  const scheduled = request.ok ? await scheduleOnce(deps.useCases, caller, request.value, introId) : request;
  if (!scheduled.ok) {
    if (scheduled.error.code === 'alreadyUsed') return void (await context.sendActivity(scheduled.error.message));
    const options = { timeZone: submit.timeZone, values: valuesOf(submit), error: scheduled.error.message };
    await sendScheduleCard(context, deps, caller, options);
    return;
  }
  await replaceSubmittedCard(context, confirmationCard(scheduled.value.intro, scheduled.value.entry, submit.timeZone));
}
