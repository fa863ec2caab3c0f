import { z } from 'zod';
import { introIdSchema, tenantIdSchema } from '../domain/ids.schema';
import type { Intro } from '../domain/intro';
import type { FlowDeps } from './flowDeps';
import type { PrepBrief } from './ports';

const payloadSchema = z.object({ tenantId: tenantIdSchema, introId: introIdSchema });

/** Loads the intro a job is about; undefined when it is gone, cancelled or already over. */
export async function introForJob(deps: FlowDeps, payload: unknown): Promise<Intro | undefined> {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return undefined;
  const intro = await deps.intros.get(parsed.data.tenantId, parsed.data.introId);
  return intro && (intro.status === 'scheduled' || intro.status === 'ready') ? intro : undefined;
}

function startOf(intro: Intro): string {
  return intro.scheduledStart ?? intro.createdAt;
}

/** The leader's brief: goals and open follow-ups from their own notes on their last intro with the same person. */
export async function prepBrief(deps: FlowDeps, intro: Intro): Promise<PrepBrief> {
  const memberId = intro.member?.id;
  if (!memberId) return { intro, previousGoals: [], openFollowUps: [] };
  const { items } = await deps.intros.listForUser(intro.tenantId, intro.leader.id, { limit: 50 });
  const previous = items.find(
    (other) =>
      other.id !== intro.id &&
      other.leader.id === intro.leader.id &&
      other.member?.id === memberId &&
      startOf(other) < startOf(intro),
  );
  if (!previous) return { intro, previousGoals: [], openFollowUps: [] };
  const notes = await deps.notes.get({ tenantId: intro.tenantId, introId: previous.id, authorId: intro.leader.id });
  return {
    intro,
    previousGoals: notes?.goals ?? [],
    openFollowUps: (notes?.followUps ?? []).filter((followUp) => !followUp.done),
  };
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
