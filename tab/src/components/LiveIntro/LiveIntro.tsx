import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { IntroView } from '../../../../src/domain/api';
import { PHASES } from '../../../../src/domain/phases';
import { viewAt } from '../../../../src/domain/session';
import type { ApiClient } from '../../api/client';
import { useCarriedForward } from '../../hooks/useCarriedForward';
import { useNotes } from '../../hooks/useNotes';
import { useNow } from '../../hooks/useNow';
import { usePrivacyShield } from '../../hooks/usePrivacyShield';
import { useSession } from '../../hooks/useSession';
import { cueFor } from '../../timerText';
import { AgendaList } from '../AgendaList/AgendaList';
import { CarriedForward } from '../CarriedForward/CarriedForward';
import { LeaderControls } from '../LeaderControls';
import { NotesPanel } from '../Notes/NotesPanel';
import { Shielded } from '../Notes/Shielded';
import { Notice } from '../Notice/Notice';
import { PhaseGuide } from '../PhaseGuide';
import { SessionSummary } from '../SessionSummary/SessionSummary';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
});

/** Props of the live intro. */
export interface LiveIntroProps {
  readonly api: ApiClient;
  readonly view: IntroView;
  readonly pollMs?: number;
}

/** How often the timer re-renders; its value is always derived from the session and the corrected time. */
const RENDER_MS = 250;

/** The running intro: timer, leader controls, cues, phase stepper and guide, and the person's private notes. */
export function LiveIntro({ api, view, pollMs }: LiveIntroProps) {
  const styles = useStyles();
  const { intro, role, agenda } = view;
  const sync = useSession(api, intro.id, view.session, pollMs);
  const now = useNow(RENDER_MS);
  const clock = viewAt(sync.view.session, intro.durationMinutes, now + sync.offsetMs);
  const me = role === 'leader' ? intro.leader : intro.member;
  const other = role === 'leader' ? intro.member : intro.leader;
  const personId = me?.id ?? role;
  const notes = useNotes(api, { tenantId: intro.tenantId, userId: personId, introId: intro.id });
  // One shield for everything private on screen: the notes and last time's goals and follow-ups.
  const [shielded, setShielded] = usePrivacyShield(`${intro.tenantId}:${personId}`);
  const session = sync.view.session;
  const phaseIndex = session.status === 'notStarted' ? 0 : session.phase;
  const cue = cueFor(clock);
  // Only the leader asks: the API answers from the caller's own notes as leader, so a member would get nothing anyway.
  const carried = useCarriedForward(api, role === 'leader' ? intro.member?.id : undefined, intro.id);
  return (
    <div className={styles.root}>
      <SessionSummary clock={clock} withName={other?.name} />
      {role === 'leader' && <LeaderControls session={session} busy={sync.busy} onAction={sync.act} />}
      {sync.error && <Notice intent="error">{sync.error}</Notice>}
      <div aria-live="polite">{cue && <Notice>{cue}</Notice>}</div>
      {sync.stale && <Caption1>Reconnecting… the times shown may be a few seconds old.</Caption1>}
      <AgendaList agenda={agenda} clock={clock} />
      <PhaseGuide item={agenda.items[phaseIndex]} withTips={role === 'leader'} />
      {carried && PHASES[phaseIndex] === 'goals' && (
        <Shielded on={shielded}>
          <CarriedForward carried={carried} />
        </Shielded>
      )}
      <NotesPanel
        notes={notes}
        phase={PHASES[phaseIndex]}
        role={role}
        shielded={shielded}
        onShieldedChange={setShielded}
      />
    </div>
  );
}
