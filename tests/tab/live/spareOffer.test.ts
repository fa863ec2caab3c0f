import type { Session } from '../../../src/domain/session';
import { nextOffer, OFFER_MS, offerOpen, type OfferState } from '../../../tab/src/live/header/spareOffer';

const T0 = 1_000_000;
const running = (phase: 0 | 1 | 2): Session => ({
  status: 'running',
  phase,
  startedAt: 0,
  segmentStartedAt: T0,
  spentMs: [60_000, 0, 0],
});

describe('the spare-minutes offer', () => {
  test.each<[string, OfferState | undefined, Session, number, number, boolean]>([
    ['opens when a phase has spare minutes', undefined, running(1), 14, T0, true],
    ['stays up for under a minute', { phase: 1, since: T0, closed: false }, running(1), 14, T0 + OFFER_MS - 1, true],
    [
      'goes away by itself after a minute',
      { phase: 1, since: T0, closed: false },
      running(1),
      14,
      T0 + OFFER_MS,
      false,
    ],
    ['goes away once answered by an action', { phase: 1, since: T0, closed: true }, running(1), 14, T0 + 1, false],
    ['is not offered without a spare minute', undefined, running(1), 0, T0, false],
    ['is not offered after End', undefined, { ...running(1), status: 'ended', endedAt: T0 } as Session, 14, T0, false],
  ])('%s', (_, offer, session, spare, now, open) => {
    expect(offerOpen(nextOffer(offer, session, spare, now), session, spare, now)).toBe(open);
  });

  test('a new phase with spare minutes gets its own offer; the same phase keeps its first one', () => {
    const first = nextOffer(undefined, running(1), 14, T0);
    expect(nextOffer(first, running(1), 14, T0 + 5_000)).toBe(first);
    expect(nextOffer(first, running(2), 3, T0 + 5_000)).toEqual({ phase: 2, since: T0 + 5_000, closed: false });
  });
});
