import type { IntroId } from '../domain/ids';
import type { Intro, SharedMark } from '../domain/intro';
import { buildRecap, shareableRecap, type Recap, type ShareablePart } from '../domain/recap';
import { fail, ok, type Failure } from '../domain/result';
import type { Session } from '../domain/session';
import type { Caller } from './caller';
import type { FlowDeps } from './flowDeps';
import type { IntroStore } from './ports';

/** The leader's recap of an intro, from the leader's own notes only. */
export async function recapOf(
  deps: Pick<FlowDeps, 'intros' | 'notes' | 'clock'>,
  intro: Intro,
  session?: Session,
): Promise<Recap> {
  const [held, notes] = await Promise.all([
    session ?? deps.intros.getSession(intro.tenantId, intro.id).then((read) => read.value),
    deps.notes.get({ tenantId: intro.tenantId, introId: intro.id, authorId: intro.leader.id }),
  ]);
  return buildRecap(intro, held, notes, deps.clock.now());
}

/** The caller's latest intros (as leader or member), newest first. */
export async function recentIntros(deps: FlowDeps, caller: Caller, limit = 5): Promise<readonly Intro[]> {
  const { items } = await deps.intros.listForUser(caller.tenantId, caller.userId, { limit });
  return items;
}

/** A `Result` whose failures carry the data their replies need. */
type Refusable<T, E extends Failure> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Why `latestRecap` has none: the caller led no intro yet, or the latest has not been held (it comes along). */
export type LatestRecapFailure = Failure<'noneLed'> | (Failure<'notHeld'> & { readonly intro: Intro });

/** The recap of the latest intro the caller led that has begun (or the latest one when none has). */
export async function latestRecap(deps: FlowDeps, caller: Caller): Promise<Refusable<Recap, LatestRecapFailure>> {
  const { items } = await deps.intros.listForUser(caller.tenantId, caller.userId, { limit: 20 });
  const led = items.filter((intro) => intro.leader.id === caller.userId);
  const now = deps.clock.now();
  const begun = led.find(
    (intro) => intro.status === 'done' || Date.parse(intro.scheduledStart ?? intro.createdAt) <= now,
  );
  const intro = begun ?? led[0];
  if (!intro) return fail('noneLed', 'The caller has not led an intro 1:1 yet.');
  const session = (await deps.intros.getSession(intro.tenantId, intro.id)).value;
  if (session.status === 'notStarted') {
    return { ok: false, error: { code: 'notHeld', message: 'That intro 1:1 has not been held yet.', intro } };
  }
  return ok(await recapOf(deps, intro, session));
}

/** Why sharing a recap was refused; `unreachable` names the member who has no chat with the bot yet. */
export type ShareRecapFailure =
  Failure<'notFound' | 'nothingChosen' | 'noMember'> | (Failure<'unreachable'> & { readonly memberName: string });

/** What sharing needs: the recap's sources and the way to the member's chat. */
type ShareDeps = Pick<FlowDeps, 'intros' | 'notes' | 'clock' | 'notifier'>;

/**
 * Sends the chosen parts of the leader's recap to the member's personal chat; only the leader may. The intro keeps
 * when and what was sent, so the panel and History can say so.
 */
export async function shareRecap(
  deps: ShareDeps,
  caller: Caller,
  introId: IntroId,
  parts: readonly ShareablePart[],
): Promise<Refusable<{ memberName: string; shared: SharedMark }, ShareRecapFailure>> {
  const intro = await deps.intros.get(caller.tenantId, introId);
  if (!intro || intro.leader.id !== caller.userId) return fail('notFound', 'The caller did not lead that intro 1:1.');
  if (parts.length === 0) return fail('nothingChosen', 'Nothing was chosen to share.');
  if (!intro.member) return fail('noMember', 'The intro 1:1 has no other participant.');
  const shared = shareableRecap(await recapOf(deps, intro), parts);
  const sent = await deps.notifier.notify(intro.tenantId, intro.member.id, { kind: 'shared', shared });
  if (!sent.ok) {
    const message = 'The member has no chat with the bot yet; nothing was sent.';
    return { ok: false, error: { code: 'unreachable', message, memberName: intro.member.name } };
  }
  const mark: SharedMark = { at: new Date(deps.clock.now()).toISOString(), parts: [...parts] };
  // The card is delivered: a store that fails to keep the mark must not answer an error that invites a second send.
  await markShared(deps.intros, intro, mark).catch(() => undefined);
  return ok({ memberName: intro.member.name, shared: mark });
}

/** Records the send on the intro, over concurrent changes (a status, a role switch); gone is fine, nothing to mark. */
async function markShared(intros: IntroStore, intro: Intro, mark: SharedMark): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const current = await intros.getVersioned(intro.tenantId, intro.id);
    if (!current) return;
    const written = await intros.update({ ...current.value, sharedWithMember: mark }, current.version);
    if (written.ok) return;
  }
}
