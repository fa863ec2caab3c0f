import { z } from 'zod';
import { introIdSchema, tenantIdSchema } from '../domain/ids.schema';
import type { Intro } from '../domain/intro';
import type { FlowDeps } from './flowDeps';
import { carriedForward } from './history';
import type { PrepBrief } from './ports';

const payloadSchema = z.object({ tenantId: tenantIdSchema, introId: introIdSchema });

/** Loads the intro a job is about; undefined when it is gone, cancelled or already over. */
async function introForJob(deps: FlowDeps, payload: unknown): Promise<Intro | undefined> {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return undefined;
  const intro = await deps.intros.get(parsed.data.tenantId, parsed.data.introId);
  return intro && (intro.status === 'scheduled' || intro.status === 'ready') ? intro : undefined;
}

/** The leader's brief: last time's goals and every open follow-up from their own notes with the same person. */
export async function prepBrief(deps: FlowDeps, intro: Intro): Promise<PrepBrief> {
  const memberId = intro.member?.id;
  if (!memberId) return { intro, previousGoals: [], openFollowUps: [] };
  const leader = { tenantId: intro.tenantId, userId: intro.leader.id, name: intro.leader.name };
  const carried = await carriedForward(deps, leader, memberId, { exclude: intro.id });
  return { intro, previousGoals: carried.goals, openFollowUps: carried.openFollowUps };
}

/** Job: sends the leader the prep card. */
export async function runPrepLeader(deps: FlowDeps, payload: unknown): Promise<void> {
  const intro = await introForJob(deps, payload);
  if (!intro) return;
  await deps.notifier.notify(intro.tenantId, intro.leader.id, { kind: 'prep', prep: await prepBrief(deps, intro) });
}

/** Job: sends the member a heads-up; when the bot cannot reach them, tells the leader instead. */
export async function runHeadsUpMember(deps: FlowDeps, payload: unknown): Promise<void> {
  const intro = await introForJob(deps, payload);
  if (!intro?.member) return;
  const sent = await deps.notifier.notify(intro.tenantId, intro.member.id, { kind: 'headsUp', intro });
  if (sent.ok) return;
  await deps.notifier.notify(intro.tenantId, intro.leader.id, {
    kind: 'unreachable',
    intro,
    personName: intro.member.name,
    purpose: 'the heads-up about your intro 1:1',
  });
}
