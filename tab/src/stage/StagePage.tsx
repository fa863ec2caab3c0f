import { mergeClasses, Text } from '@fluentui/react-components';
import { useStagePageStyles } from './StagePage.styles';
import type { IntroView } from '../../../src/contract';
import { PHASE_TITLES } from '../../../src/domain/phases';
import { viewAt } from '../../../src/domain/session';
import type { ApiClient } from '../shared/api/client';
import { formatClock, STATUS_LABELS } from '../shared/format';
import { useMeetingIntro } from '../shared/hooks/useMeetingIntro';
import { useNow } from '../shared/hooks/useNow';
import { useSession } from '../live/session/useSession';
import { currentPhase, timeLeftText, urgencyOf } from '../shared/timerText';
import { AgendaList } from '../shared/agenda/AgendaList';
import { Busy } from '../shared/components/Busy';

function StageClock({ api, view }: { api: ApiClient; view: IntroView }) {
  const styles = useStagePageStyles();
  const sync = useSession(api, view.intro.id, view.session);
  const now = useNow(250) + sync.offsetMs;
  const clock = viewAt(sync.view.session, view.intro.durationMinutes, now);
  const phase = currentPhase(clock);
  const live = phase && clock.status !== 'ended';
  const urgency = live ? urgencyOf(phase) : 'normal';
  return (
    <>
      <Text size={600} weight="semibold" data-testid="stage-phase">
        {live ? PHASE_TITLES[phase.phase] : STATUS_LABELS[clock.status]}
      </Text>
      <Text
        role="timer"
        aria-label="Phase time"
        data-testid="stage-time"
        weight="semibold"
        className={mergeClasses(
          styles.timer,
          urgency === 'warning' && styles.warning,
          urgency === 'danger' && styles.danger,
        )}
      >
        {live
          ? timeLeftText(phase)
          : formatClock(clock.status === 'ended' ? clock.total.spentMs : clock.total.plannedMs)}
      </Text>
      <AgendaList agenda={view.agenda} clock={clock} audience="member" large />
    </>
  );
}

/** The meeting stage: the agenda and timer, large and read-only for both people; never notes, tips or a text box. */
export function StagePage({ api, meetingId }: { api: ApiClient; meetingId: string }) {
  const styles = useStagePageStyles();
  const { state } = useMeetingIntro(api, meetingId);
  return (
    <main className={styles.root} aria-label="Intro 1:1 on the stage">
      <Text as="h1" size={800} weight="semibold" className={styles.heading}>
        Intro 1:1
      </Text>
      {state.status === 'loading' && <Busy label="Loading the agenda…" />}
      {state.status === 'ready' ? (
        <StageClock api={api} view={state.view} />
      ) : (
        state.status !== 'loading' && (
          <Text size={500}>The agenda and timer appear here once the intro 1:1 is set up in the side panel.</Text>
        )
      )}
    </main>
  );
}
