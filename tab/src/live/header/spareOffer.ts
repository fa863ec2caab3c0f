import type { Session } from '../../../../src/domain/session';

/** How long the spare-minutes offer stays up unanswered: it is a suggestion, not a question that waits. */
export const OFFER_MS = 60_000;

/** The offer's life for one phase: when it first showed, and whether the leader moved on from it. */
export interface OfferState {
  readonly phase: number;
  readonly since: number;
  readonly closed: boolean;
}

/** The offer state after a render at `now`: a new one for a phase that has spare minutes and had none shown yet. */
export function nextOffer(offer: OfferState | undefined, session: Session, spare: number, now: number) {
  const live = session.status === 'running' || session.status === 'paused';
  if (!live || spare < 1 || offer?.phase === session.phase) return offer;
  return { phase: session.phase, since: now, closed: false };
}

/** Whether the offer shows: for the current phase, not answered or dismissed by another action, under a minute old. */
export function offerOpen(offer: OfferState | undefined, session: Session, spare: number, now: number): boolean {
  const live = session.status === 'running' || session.status === 'paused';
  return (
    live &&
    spare >= 1 &&
    offer !== undefined &&
    offer.phase === session.phase &&
    !offer.closed &&
    now - offer.since < OFFER_MS
  );
}
