import { useEffect, useRef, useState } from 'react';
import type { ClockView, SessionAction } from '../../../../src/domain/session';
import { useShortcuts } from '../../shared/shortcuts';
import { cueFor, currentPhase, urgencyOf } from '../../shared/timerText';
import type { SessionSync } from '../session/useSession';
import { nextOffer, offerOpen, type OfferState } from './spareOffer';

/** Props of the panel's header. */
export interface PanelHeaderProps {
  readonly clock: ClockView;
  readonly sync: SessionSync;
  readonly role: 'leader' | 'member';
  /** Who the intro is with, as the viewer sees it. */
  readonly withName: string | undefined;
  /** Whole minutes the previous phase left unused, which the leader may give to the current one. */
  readonly spare: number;
  /** The corrected current time, which the spare-minutes offer ages by. */
  readonly now: number;
  /**
   * Where the intro runs: in a meeting (Share to stage) or in person (large time and buttons for a phone, no stage).
   * @default 'meeting'
   */
  readonly place?: 'meeting' | 'inPerson';
  /** In person: what is kept on this device waiting to be sent, for the status line. */
  readonly waiting?: string;
}

/** Everything the header renders. */
export type PanelHeaderState = ReturnType<typeof usePanelHeader>;

/** End's confirmation and the spare-minutes offer, each of which takes the header's room rather than adding to it. */
function useEndAsk(canEnd: boolean) {
  const [asking, setAsking] = useState(false);
  const endButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (asking || !returnFocus.current) return;
    returnFocus.current = false;
    endButton.current?.focus();
  }, [asking]);
  const ask = () => canEnd && setAsking(true);
  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  return { asking: asking && canEnd, ask, cancel, close: () => setAsking(false), endButton };
}

/** The header's state: the clock's words, End's confirmation, the spare-minutes offer and the stage line. */
export function usePanelHeader(props: PanelHeaderProps) {
  const { clock, sync, role, spare, now, place = 'meeting' } = props;
  const session = sync.view.session;
  const phase = currentPhase(clock);
  const live = phase !== undefined && clock.status !== 'ended';
  const leads = role === 'leader' && clock.status !== 'ended';
  const canEnd = leads && !sync.busy && (session.status === 'running' || session.status === 'paused');
  const end = useEndAsk(canEnd);
  const [offer, setOffer] = useState<OfferState | undefined>(undefined);
  const upcoming = nextOffer(offer, session, role === 'leader' ? spare : 0, now);
  if (upcoming !== offer) setOffer(upcoming);
  const closeOffer = () => setOffer((open) => open && { ...open, closed: true });
  // Any action answers the offer: it is about the moment the phase changed, not a question that waits.
  const act = (action: SessionAction | 'giveSpare') => {
    closeOffer();
    sync.act({ action });
  };
  useShortcuts(leads ? { end: end.ask } : {});
  const [shared, setShared] = useState<string | undefined>(undefined);
  return {
    ...props,
    place,
    session,
    phase: live ? phase : undefined,
    urgency: live && phase ? urgencyOf(phase) : 'normal',
    cue: cueFor(clock),
    leads,
    canEnd,
    end: {
      ...end,
      ask: () => {
        closeOffer();
        end.ask();
      },
      confirm: () => {
        end.close();
        act('end');
      },
    },
    offerShown: role === 'leader' && offerOpen(offer, session, spare, now),
    act,
    closeOffer,
    // What the last Share said; a share belongs to a running intro, so it is not said once the intro has ended.
    shared: clock.status === 'ended' ? undefined : shared,
    setShared,
  };
}
