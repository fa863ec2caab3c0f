import { useLiveIntroStyles } from './LiveIntro.styles';
import { lazy, Suspense, useRef } from 'react';
import type { IntroView } from '../../../src/contract';
import { PHASES } from '../../../src/domain/phases';
import { viewAt } from '../../../src/domain/session';
import { spareMinutes } from '../../../src/domain/sessionPlan';
import type { ApiClient } from '../shared/api/client';
import { useCarriedForward } from './carriedForward/useCarriedForward';
import { useNotes } from '../notes/useNotes';
import { useNow } from '../shared/hooks/useNow';
import { usePrivacyShield } from './usePrivacyShield';
import { useSession } from './session/useSession';
import { useWakeLock } from './useWakeLock';
import { useFocusLanding } from './useFocusLanding';
import type { SaveStatus } from '../notes/notesSync';
import { waitingText } from './session/actionQueue';
import { AgendaList } from '../shared/agenda/AgendaList';
import { CarriedForward } from './carriedForward/CarriedForward';
import { NotesPanel } from '../notes/NotesPanel';
import { Shielded } from '../notes/Shielded';
import { PanelHeader } from './header/PanelHeader';
import { PhaseGuide } from '../shared/agenda/PhaseGuide';
import { BeforeStart } from './BeforeStart';
import { Collapsible } from './Collapsible';
import { MemberGuide } from '../shared/agenda/MemberGuide';

// Shown only after End: loaded then, not with the panel's first paint.
const EndSummary = lazy(() => import('./EndSummary').then((m) => ({ default: m.EndSummary })));

/** Props of the live intro. */
interface LiveIntroProps {
  readonly api: ApiClient;
  readonly view: IntroView;
  readonly pollMs?: number;
  /** This app's id in Teams, for the links after End. */
  readonly appId?: string;
  /**
   * Where it runs: a meeting's side panel, or in person (the personal tab on a phone: offline-first actions kept on
   * the device, the screen kept awake, a discreet mode). @default 'meeting'
   */
  readonly place?: 'meeting' | 'inPerson';
}

/** Changes kept on this device: queued session actions, and the notes when they have unsent edits. */
function waitingCount(actions: number | undefined, notes: SaveStatus): number {
  const unsent =
    notes === 'pending' ||
    notes === 'saving' ||
    notes === 'offline' ||
    notes === 'notStored' ||
    notes === 'signInNeeded';
  return (actions ?? 0) + (unsent ? 1 : 0);
}

/** How often the timer re-renders; its value is always derived from the session and the corrected time. */
const RENDER_MS = 250;

/**
 * The running intro: a header that stays in view (phase, time, the leader's controls), the person's private notes
 * right under it, then the phase's guidance and the agenda, collapsible.
 */
export function LiveIntro({ api, view, pollMs, appId, place = 'meeting' }: LiveIntroProps) {
  const styles = useLiveIntroStyles();
  const { intro, role, agenda } = view;
  const inPerson = place === 'inPerson';
  const me = role === 'leader' ? intro.leader : intro.member;
  const other = role === 'leader' ? intro.member : intro.leader;
  const personId = me?.id ?? role;
  const queue =
    inPerson && role === 'leader' ? { tenantId: intro.tenantId, userId: personId, introId: intro.id } : undefined;
  const sync = useSession(api, intro.id, view.session, pollMs, { queue, durationMinutes: intro.durationMinutes });
  const now = useNow(RENDER_MS) + sync.offsetMs;
  const session = sync.view.session;
  const clock = viewAt(session, intro.durationMinutes, now);
  useWakeLock(inPerson && (session.status === 'running' || session.status === 'paused'));
  const notes = useNotes(api, { tenantId: intro.tenantId, userId: personId, introId: intro.id });
  // One shield for everything private on screen: the notes and last time's goals and follow-ups.
  const [shielded, setShielded] = usePrivacyShield(place, `${intro.tenantId}:${personId}`);
  // After End no phase is current: nothing says "now" and no phase's questions are offered.
  const over = session.status === 'ended';
  const current = session.status === 'notStarted' || over ? undefined : PHASES[session.phase];
  const root = useRef<HTMLDivElement>(null);
  useFocusLanding(root, session.status, role);
  const phaseIndex = session.status === 'notStarted' ? 0 : session.phase;
  // Only the leader asks: the API answers from the caller's own notes as leader, so a member would get nothing anyway.
  const carried = useCarriedForward(api, role === 'leader' ? intro.member?.id : undefined, intro.id);
  const names = { leader: intro.leader.name, member: intro.member?.name ?? 'the member' };
  return (
    <div className={styles.root} ref={root}>
      <PanelHeader
        clock={clock}
        sync={sync}
        role={role}
        withName={other?.name}
        spare={role === 'leader' ? spareMinutes(session, now, intro.durationMinutes) : 0}
        now={now}
        place={place}
        waiting={inPerson ? waitingText(waitingCount(sync.waiting, notes.state.status), !sync.stale) : undefined}
      />
      {session.status === 'notStarted' && (
        <Collapsible title="Before the conversation">
          <BeforeStart
            role={role}
            minutes={Math.round(clock.total.plannedMs / 60_000)}
            busy={sync.busy}
            onMinutes={(minutes) => sync.act({ action: 'setDuration', minutes })}
          />
        </Collapsible>
      )}
      {session.status === 'ended' && (
        <Suspense fallback={null}>
          <EndSummary
            body={notes.state.body}
            role={role}
            appId={appId}
            api={api}
            intro={intro}
            notesSaved={notes.state.status === 'idle' || notes.state.status === 'saved'}
          />
        </Suspense>
      )}
      <NotesPanel
        notes={notes}
        current={current}
        role={role}
        names={names}
        shielded={shielded}
        onShieldedChange={setShielded}
        shieldLabel={inPerson ? 'Discreet mode' : undefined}
        carriedGoals={carried?.goals}
      />
      {!over && (
        <Collapsible title={role === 'leader' ? 'Questions and tips' : 'For you in this phase'}>
          {role === 'leader' ? (
            <PhaseGuide item={agenda.items[phaseIndex]} withTips named />
          ) : (
            <MemberGuide phase={PHASES[phaseIndex]} />
          )}
          {carried && PHASES[phaseIndex] === 'goals' && (
            <Shielded on={shielded}>
              <CarriedForward carried={carried} />
            </Shielded>
          )}
        </Collapsible>
      )}
      <Collapsible title="Agenda">
        <AgendaList agenda={agenda} clock={clock} audience={role} />
      </Collapsible>
    </div>
  );
}
