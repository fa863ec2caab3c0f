import type { SessionActionRequest } from '../../../../src/contract';
import { applyAction, type Session } from '../../../../src/domain/session';
import { giveSpareMinutes, planDuration } from '../../../../src/domain/sessionPlan';
import { lastRecordedAt } from '../../../../src/domain/sessionTime';
import type { NotesOwner } from '../../notes/pendingStore';
import { keysAfter, type KeyValueStorage } from '../../shared/deviceStorage';

/** A leader's session action kept on this device until the server confirms it, stamped on the server's clock. */
export type QueuedAction = SessionActionRequest & { readonly at?: number };

const PREFIX = 'intro11.pendingActions.v1:';

/** The storage key of one person's queued actions on one intro. */
function actionQueueKey(owner: NotesOwner): string {
  return `${PREFIX}${owner.tenantId}:${owner.userId}:${owner.introId}`;
}

function isQueued(value: unknown): value is QueuedAction {
  return typeof value === 'object' && value !== null && typeof (value as { action?: unknown }).action === 'string';
}

/** Reads and writes one person's queued session actions, in order; storage that fails holds nothing. */
export function actionQueue(storage: KeyValueStorage | undefined, owner: NotesOwner) {
  const key = actionQueueKey(owner);
  const list = (): QueuedAction[] => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isQueued) : [];
    } catch {
      return [];
    }
  };
  const write = (actions: readonly QueuedAction[]): void => {
    try {
      if (actions.length === 0) storage?.removeItem(key);
      else storage?.setItem(key, JSON.stringify(actions));
    } catch {
      // A full or disabled storage keeps the queue for this visit only (in the caller's state).
    }
  };
  return {
    key,
    list,
    push(action: QueuedAction): QueuedAction[] {
      const next = [...list(), action];
      write(next);
      return next;
    },
    /** Drops the first action once the server has answered it. */
    shift(): QueuedAction[] {
      const next = list().slice(1);
      write(next);
      return next;
    },
  };
}

/** The session as it will be once the server applies one queued action; unchanged when it cannot apply. */
function applyQueued(session: Session, queued: QueuedAction, durationMinutes: number, now: number): Session {
  const at = 'at' in queued && queued.at !== undefined ? queued.at : now;
  const next =
    queued.action === 'setDuration'
      ? planDuration(session, queued.minutes)
      : queued.action === 'giveSpare'
        ? giveSpareMinutes(session, at, durationMinutes)
        : applyAction(session, queued.action, at);
  return next.ok ? next.value : session;
}

/** The server's session with this device's queued actions applied in order, so the timer runs on while offline. */
export function withQueued(
  session: Session,
  queued: readonly QueuedAction[],
  durationMinutes: number,
  now: number,
): Session {
  return queued.reduce((current, action) => applyQueued(current, action, durationMinutes, now), session);
}

/**
 * Whether the server already applied a kept action: its session last changed at exactly the action's time (the
 * answer was lost when the network dropped), so sending it again would, say, move two phases on.
 */
export function alreadyApplied(session: Session, queued: QueuedAction): boolean {
  return 'at' in queued && queued.at !== undefined && lastRecordedAt(session) === queued.at;
}

/** What the status line says about changes kept on this device. */
export function waitingText(count: number, online: boolean): string {
  if (count === 0) return online ? 'Everything is saved.' : 'Offline — everything you do is kept on this device.';
  const changes = count === 1 ? '1 change' : `${count} changes`;
  return online ? `Sending ${changes}…` : `Offline — ${changes} waiting to be sent`;
}

/** The intro ids with session actions kept on this device for one person. */
function queuedIntroIds(storage: KeyValueStorage | undefined, person: Omit<NotesOwner, 'introId'>): string[] {
  return keysAfter(storage, `${PREFIX}${person.tenantId}:${person.userId}:`);
}

let tail: Promise<unknown> = Promise.resolve();

/** Runs sends one at a time across the page, so two flushes never send the same kept action twice. */
export function exclusive<T>(run: () => Promise<T>): Promise<T> {
  const next = tail.then(run, run);
  tail = next.catch(() => undefined);
  return next;
}

/** Whether a failed send may succeed later (offline, server away, sign-in), so the action stays queued. */
export type SendOutcome = 'sent' | 'refused' | 'later';

/**
 * Sends every intro's kept actions for one person, each queue in order (say the app was closed offline after End);
 * `send` says whether an action was sent, refused (dropped) or must wait. Stops at the first that must wait.
 */
export async function flushAllQueued(
  storage: KeyValueStorage | undefined,
  person: Omit<NotesOwner, 'introId'>,
  send: (introId: string, action: QueuedAction) => Promise<SendOutcome>,
): Promise<void> {
  for (const introId of queuedIntroIds(storage, person)) {
    const queue = actionQueue(storage, { ...person, introId });
    for (let head = queue.list()[0]; head; head = queue.list()[0]) {
      if ((await send(introId, head)) === 'later') return;
      queue.shift();
    }
  }
}

/** Forgets one person's kept actions on every intro (after "Delete my data"). */
export function clearQueued(storage: KeyValueStorage | undefined, person: Omit<NotesOwner, 'introId'>): void {
  for (const introId of queuedIntroIds(storage, person)) {
    try {
      storage?.removeItem(actionQueueKey({ ...person, introId }));
    } catch {
      // Nothing to forget when storage is unavailable.
    }
  }
}
