import { z } from 'zod';
import type { Caller } from '../app/caller';
import type { PlanEdit } from '../app/teamPlan';
import type { Signer } from '../app/ports';
import { parseUserId } from '../domain/ids';
import { validateDuration } from '../domain/intro';
import { fail, ok, type Result } from '../domain/result';
import { isTimeZone, zonedToEpoch } from '../domain/schedule';
import type { TeamPlan } from '../domain/teamPlan';
import { planRows, TEAM_PLAN_CARD_VERSION, TEAM_PLAN_VERB, type PlanStamp } from './cards/teamPlanCard';

/** A plan card is refused after a week: its times would be stale. */
const PLAN_CARD_TTL_MS = 7 * 24 * 3_600_000;

/** What a plan card submits: its signed stamp, and per row `keep.<id>`, `date.<id>`, `time.<id>`, `length.<id>`. */
const planSubmitSchema = z
  .object({
    verb: z.literal(TEAM_PLAN_VERB),
    cardVersion: z.number().int(),
    teamId: z.string().min(1).max(200),
    round: z.number().int().nonnegative(),
    issuedAt: z.number().int(),
    timeZone: z.string().min(1).max(64),
    members: z.array(z.string().max(64)).max(100),
    sig: z.string().min(1).max(100),
  })
  .catchall(z.string().max(64));

/** A parsed plan card submission. */
type PlanSubmit = z.infer<typeof planSubmitSchema>;

function stampText(caller: Caller, s: Omit<PlanStamp, 'sig'> & { timeZone: string }): string {
  const fields = [TEAM_PLAN_CARD_VERSION, caller.tenantId, caller.userId, s.teamId, s.round, s.issuedAt, s.timeZone];
  return `teamPlan|${fields.join('|')}|${s.members.join(',')}`;
}

/** Signs a stamp for the plan card of `plan`'s current round, listing the people it shows. */
export function issuePlanStamp(
  signer: Signer,
  caller: Caller,
  plan: TeamPlan,
  now: number,
): PlanStamp & { timeZone: string } {
  const unsigned = {
    teamId: plan.teamId,
    round: plan.round,
    issuedAt: now,
    timeZone: plan.timeZone,
    members: planRows(plan).map((item) => item.member.id),
  };
  return { ...unsigned, sig: signer.sign(stampText(caller, unsigned)) };
}

/** Checks the stamp (this user's, this card version, recent, unaltered) and reads the leader's edits per row. */
export function readPlanSubmit(
  signer: Signer,
  caller: Caller,
  data: unknown,
  now: number,
): Result<{ submit: PlanSubmit; edits: PlanEdit[] }, 'unreadable' | 'tampered' | 'stale'> {
  const parsed = planSubmitSchema.safeParse(data);
  if (!parsed.success) return fail('unreadable', 'I could not read that plan. Type "meet my team" for a fresh one.');
  const submit = parsed.data;
  if (!signer.verify(stampText(caller, submit), submit.sig)) {
    return fail('tampered', 'I could not verify that plan. Type "meet my team" for a fresh one.');
  }
  if (submit.cardVersion !== TEAM_PLAN_CARD_VERSION || now - submit.issuedAt > PLAN_CARD_TTL_MS) {
    return fail('stale', 'That plan is out of date. Type "meet my team" for a fresh one.');
  }
  const zone = isTimeZone(submit.timeZone) ? submit.timeZone : 'UTC';
  const edits: PlanEdit[] = [];
  for (const member of submit.members) {
    const memberId = parseUserId(member);
    const start = zonedToEpoch(submit[`date.${member}`] ?? '', submit[`time.${member}`] ?? '', zone);
    const duration = validateDuration(Number(submit[`length.${member}`] ?? '45'));
    // A row with an unreadable time or length stays proposed, for the next card.
    if (!memberId || !start.ok || !duration.ok) continue;
    const keep = submit[`keep.${member}`] !== 'false';
    edits.push({ memberId, keep, startMs: start.value, durationMinutes: duration.value });
  }
  return ok({ submit, edits });
}
