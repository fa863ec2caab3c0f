import type { UserId } from '../domain/ids';
import type { Person } from '../domain/intro';
import { fail, ok, type Failure, type Result } from '../domain/result';
import { proposeTeamPlan, type PlanItem, type Planner, type TeamPlan } from '../domain/teamPlan';
import type { Caller } from './caller';
import type { TeamRoster } from './ports';
import { scheduleIntro, type Scheduled } from './scheduling';
import {
  busyOf,
  changePlan,
  HORIZON_MS,
  readRoster,
  upcomingIntros,
  zoneOfPerson,
  type TeamPlanDeps,
} from './teamPlanSupport';

/** Why a team plan could not be made. */
export type TeamPlanFailure = Failure<'unavailable' | 'alone' | 'versionConflict'>;
/** Why a plan card could not be confirmed. */
export type ConfirmPlanFailure = Failure<'noPlan' | 'alreadyConfirmed'>;

/** The team a plan is for. */
interface TeamChoice {
  readonly teamId: string;
  readonly teamName: string;
}

async function plannersFor(deps: TeamPlanDeps, caller: Caller, people: readonly Person[], zone: string) {
  const now = deps.clock.now();
  const busy = await busyOf(
    deps,
    caller.userId,
    people.map((p) => p.id),
    now,
    now + HORIZON_MS,
  );
  const members: Planner[] = [];
  for (const person of people) {
    const timeZone = await zoneOfPerson(deps, caller.tenantId, person.id, zone);
    members.push({ ...person, timeZone, busy: busy.get(person.id) ?? [] });
  }
  const leader: Planner = { id: caller.userId, name: caller.name, timeZone: zone, busy: busy.get(caller.userId) ?? [] };
  return { leader, members, leaderIntros: await upcomingIntros(deps, caller.tenantId, caller.userId) };
}

/** Proposes times for `people` with the leader, around the leader's intros and everyone's free/busy. */
export async function proposeFor(
  deps: TeamPlanDeps,
  caller: Caller,
  people: readonly Person[],
  zone: string,
): Promise<PlanItem[]> {
  const { leader, members, leaderIntros } = await plannersFor(deps, caller, people, zone);
  const options = { maxPerDay: deps.maxPerDay ?? 3 };
  const nowMs = deps.clock.now();
  return proposeTeamPlan({ nowMs, leader, members, leaderIntros, options }).map((p) => ({
    ...p,
    state: 'proposed' as const,
  }));
}

/**
 * Reads the team's roster and proposes an intro with every other member; people already scheduled in an earlier
 * plan with this team keep their intro. The roster is not kept: only the people in the plan are stored.
 */
export async function planTeam(
  deps: TeamPlanDeps,
  caller: Caller,
  team: TeamChoice,
  roster: TeamRoster,
  zone: string,
): Promise<Result<TeamPlan, TeamPlanFailure['code']>> {
  const read = await readRoster(roster, team.teamId);
  if (!read.ok) return read;
  const existing = await deps.teamPlans.getPlan(caller.tenantId, team.teamId, caller.userId);
  const kept = (existing?.value.items ?? []).filter((item) => item.state === 'scheduled');
  const keptIds = new Set<UserId>(kept.map((item) => item.member.id));
  const people = read.value.filter((m) => m.id !== caller.userId && !keptIds.has(m.id));
  if (people.length === 0 && kept.length === 0) {
    return fail('alone', 'The team has no one else to meet.');
  }
  const proposed = await proposeFor(deps, caller, people, zone);
  const key = { tenantId: caller.tenantId, teamId: team.teamId, leaderId: caller.userId };
  return changePlan(deps.teamPlans, key, (current) => {
    // Built from the plan as it is now: someone a confirm scheduled meanwhile keeps their intro, never re-proposed.
    const scheduled = (current?.items ?? []).filter((item) => item.state === 'scheduled');
    const taken = new Set<UserId>(scheduled.map((item) => item.member.id));
    const items = [...scheduled, ...proposed.filter((item) => !taken.has(item.member.id))];
    return {
      tenantId: caller.tenantId,
      teamId: team.teamId,
      teamName: team.teamName,
      leader: { id: caller.userId, name: caller.name },
      round: (current?.round ?? 0) + 1,
      timeZone: zone,
      items,
      createdAt: current?.createdAt ?? new Date(deps.clock.now()).toISOString(),
    };
  });
}

/** The leader's decision on one person of the plan card. */
export interface PlanEdit {
  readonly memberId: UserId;
  readonly keep: boolean;
  readonly startMs: number;
  readonly durationMinutes: number;
}

/** What confirming did: intros scheduled, people moved to a new time because theirs became busy, failures. */
export interface Confirmed {
  readonly plan: TeamPlan;
  readonly scheduled: readonly Scheduled[];
  readonly moved: readonly PlanItem[];
  readonly failed: readonly { readonly member: Person; readonly message: string }[];
}

const ALREADY = 'This round of the plan was already confirmed; nothing was scheduled twice.';

function applyEdits(items: readonly PlanItem[], edits: ReadonlyMap<UserId, PlanEdit>): PlanItem[] {
  return items.map((item) => {
    const edit = edits.get(item.member.id);
    if (item.state !== 'proposed' || !edit) return item;
    if (!edit.keep) return { ...item, state: 'dropped' };
    return { ...item, startMs: edit.startMs, durationMinutes: edit.durationMinutes };
  });
}

/**
 * Confirms the plan card of `round` once: a second confirmation of the same card creates nothing. Each kept person
 * is scheduled through `scheduleIntro`, unless their slot became busy meanwhile: then they get a new proposal.
 */
export async function confirmPlan(
  deps: TeamPlanDeps,
  caller: Caller,
  teamId: string,
  round: number,
  edits: readonly PlanEdit[],
): Promise<Result<Confirmed, ConfirmPlanFailure['code']>> {
  const current = await deps.teamPlans.getPlan(caller.tenantId, teamId, caller.userId);
  if (!current) return fail('noPlan', 'There is no plan for that team.');
  if (current.value.round !== round) return fail('alreadyConfirmed', ALREADY);
  const byMember = new Map(edits.map((edit) => [edit.memberId, edit]));
  const applied = applyEdits(current.value.items, byMember);
  // Claim this round before anything is scheduled: of two confirmations, only the one that wrote goes on.
  const claim = await deps.teamPlans.savePlan({ ...current.value, round: round + 1, items: applied }, current.version);
  if (!claim.ok) return fail('alreadyConfirmed', ALREADY);
  const key = { tenantId: caller.tenantId, teamId, leaderId: caller.userId };
  // Each outcome is written as it happens, so a crash midway never leaves a scheduled person looking unscheduled.
  const record = async (update: PlanItem) => {
    await changePlan(deps.teamPlans, key, (latest) => {
      const base = latest ?? claim.value.value;
      return { ...base, items: base.items.map((item) => (item.member.id === update.member.id ? update : item)) };
    });
  };
  const outcome = await scheduleKept(deps, caller, current.value.timeZone, applied, byMember, record);
  const latest = await deps.teamPlans.getPlan(caller.tenantId, teamId, caller.userId);
  return ok({ ...outcome, plan: latest?.value ?? claim.value.value });
}

async function scheduleKept(
  deps: TeamPlanDeps,
  caller: Caller,
  zone: string,
  items: readonly PlanItem[],
  edits: ReadonlyMap<UserId, PlanEdit>,
  record: (item: PlanItem) => Promise<void>,
) {
  const result = {
    scheduled: [] as Scheduled[],
    moved: [] as PlanItem[],
    failed: [] as Confirmed['failed'][number][],
  };
  const booked = await upcomingIntros(deps, caller.tenantId, caller.userId);
  for (const item of items) {
    if (item.state !== 'proposed' || !edits.has(item.member.id) || item.startMs === undefined) continue;
    const start = item.startMs;
    const end = start + item.durationMinutes * 60_000;
    const busy = await busyOf(deps, caller.userId, [item.member.id], start, end);
    const blocks = [...booked, ...(busy.get(caller.userId) ?? []), ...(busy.get(item.member.id) ?? [])];
    if (start <= deps.clock.now() || blocks.some((b) => start < b.endMs && b.startMs < end)) {
      // The leader's intros (including those just scheduled) and free/busy are read afresh for the new proposal.
      const [again] = await proposeFor(deps, caller, [item.member], zone);
      const moved = {
        ...item,
        ...(again?.startMs === undefined ? { startMs: undefined } : { startMs: again.startMs }),
      };
      await record(moved);
      result.moved.push(moved);
      continue;
    }
    const request = {
      member: item.member,
      startMs: start,
      durationMinutes: item.durationMinutes,
      setting: 'teamsCall' as const,
    };
    const scheduled = await scheduleIntro(deps, caller, request);
    if (!scheduled.ok) {
      result.failed.push({ member: item.member, message: scheduled.error.message });
      continue;
    }
    booked.push({ startMs: start, endMs: end });
    result.scheduled.push(scheduled.value);
    await record({ ...item, state: 'scheduled', introId: scheduled.value.intro.id });
  }
  return result;
}
