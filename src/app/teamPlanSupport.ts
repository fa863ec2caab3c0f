import type { TenantId, UserId } from '../domain/ids';
import { fail, ok, type Result } from '../domain/result';
import { isTimeZone } from '../domain/schedule';
import type { Busy, TeamPlan } from '../domain/teamPlan';
import type { FlowDeps } from './flowDeps';
import type { FreeBusy, RosterMember, TeamPlanStore, TeamRoster } from './ports';

/** What team plans need on top of the bot's flows. */
export interface TeamPlanDeps extends FlowDeps {
  readonly teamPlans: TeamPlanStore;
  /** Free/busy from the calendar (Graph); without it, working hours and the intros the app knows. */
  readonly freeBusy?: FreeBusy;
  /** Most intros a leader gets on one day (default 3). */
  readonly maxPerDay?: number;
}

/** How far ahead a plan looks. */
export const HORIZON_MS = 14 * 24 * 3_600_000;
/** A roster is read at most this many pages deep (the connector gives up to 500 a page). */
const MAX_ROSTER_PAGES = 20;
const MAX_INTRO_PAGES = 10;

/** The leader's intros still to come (not cancelled), as busy blocks. */
export async function upcomingIntros(deps: FlowDeps, tenantId: TenantId, leaderId: UserId): Promise<Busy[]> {
  const now = deps.clock.now();
  const blocks: Busy[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_INTRO_PAGES; page++) {
    const { items, nextCursor } = await deps.intros.listForUser(tenantId, leaderId, { limit: 50, cursor });
    let past = false;
    for (const intro of items) {
      const start = Date.parse(intro.scheduledStart ?? '');
      if (Number.isNaN(start)) continue;
      if (start + intro.durationMinutes * 60_000 < now) past = true;
      else if (intro.status !== 'cancelled')
        blocks.push({ startMs: start, endMs: start + intro.durationMinutes * 60_000 });
    }
    // Newest first: once an intro is in the past, the rest are too.
    if (past || !nextCursor) break;
    cursor = nextCursor;
  }
  return blocks;
}

/** A person's zone from their chat with the bot, else `fallback`. */
export async function zoneOfPerson(deps: FlowDeps, tenantId: TenantId, id: UserId, fallback: string): Promise<string> {
  const zone = (await deps.conversations.get(tenantId, id))?.localTimezone;
  return typeof zone === 'string' && isTimeZone(zone) ? zone : fallback;
}

/** Busy blocks of the leader and `people` over the horizon; empty when there is no free/busy or it fails. */
export async function busyOf(
  deps: TeamPlanDeps,
  leaderId: UserId,
  people: readonly UserId[],
  fromMs: number,
  toMs: number,
): Promise<ReadonlyMap<UserId, readonly Busy[]>> {
  if (!deps.freeBusy) return new Map();
  const found = await deps.freeBusy.busy(leaderId, [leaderId, ...people], fromMs, toMs);
  return found.ok ? found.value : new Map();
}

/** Every member of a team, all pages. */
export async function readRoster(roster: TeamRoster, teamId: string): Promise<Result<RosterMember[], 'unavailable'>> {
  const members: RosterMember[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_ROSTER_PAGES; page++) {
    const read = await roster.members(teamId, cursor);
    if (!read.ok) return read;
    members.push(...read.value.items);
    cursor = read.value.nextCursor;
    if (!cursor) return ok(members);
  }
  return ok(members);
}

/**
 * Applies `change` to a fresh read of the plan and writes it unless someone wrote meanwhile, retrying a few times;
 * `change` gets undefined when there is no plan yet.
 */
export async function changePlan(
  store: TeamPlanStore,
  key: { tenantId: TenantId; teamId: string; leaderId: UserId },
  change: (current: TeamPlan | undefined) => TeamPlan,
): Promise<Result<TeamPlan, 'versionConflict'>> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const current = await store.getPlan(key.tenantId, key.teamId, key.leaderId);
    const saved = await store.savePlan(change(current?.value), current?.version ?? 0);
    if (saved.ok) return ok(saved.value.value);
  }
  return fail('versionConflict', 'Your plan changed meanwhile; please try again.');
}
