import type { IntroId } from '../domain/ids';
import type { Intro } from '../domain/intro';
import { buildRecap, shareableRecap, type Recap, type ShareablePart } from '../domain/recap';
import { fail, ok, type Result } from '../domain/result';
import type { Caller } from './caller';
import type { FlowDeps } from './flowDeps';

/** The leader's recap of an intro, from the leader's own notes only. */
export async function recapOf(deps: FlowDeps, intro: Intro): Promise<Recap> {
  const [session, notes] = await Promise.all([
    deps.intros.getSession(intro.tenantId, intro.id),
    deps.notes.get({ tenantId: intro.tenantId, introId: intro.id, authorId: intro.leader.id }),
  ]);
  return buildRecap(intro, session.value, notes, deps.clock.now());
}

/** The caller's latest intros (as leader or member), newest first. */
export async function recentIntros(deps: FlowDeps, caller: Caller, limit = 5): Promise<readonly Intro[]> {
  const { items } = await deps.intros.listForUser(caller.tenantId, caller.userId, { limit });
  return items;
}

/** The recap of the latest intro the caller led that has begun (or the latest one when none has). */
export async function latestRecap(deps: FlowDeps, caller: Caller): Promise<Result<Recap, 'notFound'>> {
  const { items } = await deps.intros.listForUser(caller.tenantId, caller.userId, { limit: 20 });
  const led = items.filter((intro) => intro.leader.id === caller.userId);
  const now = deps.clock.now();
  const begun = led.find(
    (intro) => intro.status === 'done' || Date.parse(intro.scheduledStart ?? intro.createdAt) <= now,
  );
  const intro = begun ?? led[0];
  if (!intro) return fail('notFound', 'You have not led an intro 1:1 yet. Type "schedule" to plan one.');
  return ok(await recapOf(deps, intro));
}

/** Sends the chosen parts of the leader's recap to the member's personal chat; only the leader may. */
export async function shareRecap(
  deps: FlowDeps,
  caller: Caller,
  introId: IntroId,
  parts: readonly ShareablePart[],
): Promise<Result<{ memberName: string }, 'notFound' | 'nothingChosen' | 'noMember' | 'unreachable'>> {
  const intro = await deps.intros.get(caller.tenantId, introId);
  if (!intro || intro.leader.id !== caller.userId) return fail('notFound', 'That intro 1:1 is not one you led.');
  if (parts.length === 0) return fail('nothingChosen', 'Choose what to share: goals, follow-ups or both.');
  if (!intro.member) return fail('noMember', 'This intro 1:1 has no other participant to share with.');
  const shared = shareableRecap(await recapOf(deps, intro), parts);
  const sent = await deps.notifier.notify(intro.tenantId, intro.member.id, { kind: 'shared', shared });
  if (!sent.ok) {
    return fail(
      'unreachable',
      `I can't reach ${intro.member.name} yet: they need to open a chat with me in Teams first. Nothing was sent.`,
    );
  }
  return ok({ memberName: intro.member.name });
}
