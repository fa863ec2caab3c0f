import type { TenantId } from '../domain/ids';
import type { Person } from '../domain/intro';
import type { TeamPlan } from '../domain/teamPlan';
import type { Caller } from './caller';
import { proposeFor } from './teamPlan';
import { changePlan, type TeamPlanDeps } from './teamPlanSupport';

/** Where a leader stands with one planned team. */
export interface TeamProgress {
  readonly teamId: string;
  readonly teamName: string;
  readonly met: number;
  readonly scheduled: number;
  readonly notScheduled: number;
  readonly next?: { readonly member: Person; readonly startMs: number };
  readonly timeZone: string;
}

async function progressOf(deps: TeamPlanDeps, plan: TeamPlan, now: number): Promise<TeamProgress> {
  let met = 0;
  let scheduled = 0;
  let notScheduled = 0;
  let next: TeamProgress['next'];
  for (const item of plan.items) {
    if (item.state === 'dropped') continue;
    const intro = item.introId && (await deps.intros.get(plan.tenantId, item.introId));
    if (!intro || intro.status === 'cancelled') {
      notScheduled += 1;
      continue;
    }
    if (intro.status === 'done') {
      met += 1;
      continue;
    }
    scheduled += 1;
    const start = Date.parse(intro.scheduledStart ?? '');
    if (start > now && (!next || start < next.startMs)) next = { member: item.member, startMs: start };
  }
  const base = { teamId: plan.teamId, teamName: plan.teamName, met, scheduled, notScheduled, timeZone: plan.timeZone };
  return next ? { ...base, next } : base;
}

/** Each team the caller planned intros with: met, scheduled, not yet scheduled, and the next intro. */
export async function teamProgress(deps: TeamPlanDeps, caller: Caller): Promise<TeamProgress[]> {
  const plans = await deps.teamPlans.plansForLeader(caller.tenantId, caller.userId);
  const now = deps.clock.now();
  return Promise.all(plans.map((plan) => progressOf(deps, plan, now)));
}

/** A private nudge for one leader: who joined which team, and a proposed time to meet them. */
export interface NewcomerNudge {
  readonly leader: Person;
  readonly teamName: string;
  readonly newcomer: Person;
  readonly timeZone: string;
  readonly startMs?: number;
  readonly durationMinutes: number;
}

/**
 * Someone joined a team: every leader who planned intros with that team (other than the newcomer, and not already
 * planning to meet them) gets them added to their plan with a proposed time, and a nudge to send. The newcomer gets
 * nothing here.
 */
export async function newcomerJoined(
  deps: TeamPlanDeps,
  tenantId: TenantId,
  teamId: string,
  newcomer: Person,
): Promise<NewcomerNudge[]> {
  const nudges: NewcomerNudge[] = [];
  for (const plan of await deps.teamPlans.plansForTeam(tenantId, teamId)) {
    if (plan.leader.id === newcomer.id) continue;
    if (plan.items.some((item) => item.member.id === newcomer.id && item.state !== 'dropped')) continue;
    const leader: Caller = { tenantId, userId: plan.leader.id, name: plan.leader.name };
    const [proposal] = await proposeFor(deps, leader, [newcomer], plan.timeZone);
    if (!proposal) continue;
    const key = { tenantId, teamId, leaderId: plan.leader.id };
    await changePlan(deps.teamPlans, key, (current) => {
      const base = current ?? plan;
      return { ...base, items: [...base.items.filter((i) => i.member.id !== newcomer.id), proposal] };
    });
    nudges.push({
      leader: plan.leader,
      teamName: plan.teamName,
      newcomer,
      timeZone: plan.timeZone,
      durationMinutes: proposal.durationMinutes,
      ...(proposal.startMs === undefined ? {} : { startMs: proposal.startMs }),
    });
  }
  return nudges;
}
