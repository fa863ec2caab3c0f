import { mergeClasses, Text } from '@fluentui/react-components';
import { PHASE_TITLES } from '../../../../src/domain/phases';
import type { ClockView } from '../../../../src/domain/session';
import { formatClock, STATUS_LABELS } from '../../format';
import { currentPhase, timeLeftText, urgencyOf } from '../../timerText';
import { useSessionSummaryStyles } from './useSessionSummaryStyles.styles';

/** Props of the session summary. */
export interface SessionSummaryProps {
  readonly clock: ClockView;
  /** Who the intro is with, as the viewer sees it. */
  readonly withName?: string;
}

/** The session's status, the current phase's time and the meeting's time left. */
export function SessionSummary({ clock, withName }: SessionSummaryProps) {
  const styles = useSessionSummaryStyles();
  const phase = currentPhase(clock);
  const urgency = phase && clock.status !== 'ended' ? urgencyOf(phase) : 'normal';
  return (
    <section className={styles.root} aria-label="Session">
      <div className={styles.row}>
        <Text weight="semibold">{withName ? `With ${withName}` : 'Waiting for the other person'}</Text>
        <Text size={200} weight="semibold" className={mergeClasses(styles.status, styles[clock.status])}>
          {STATUS_LABELS[clock.status]}
        </Text>
      </div>
      {phase && clock.status !== 'ended' ? (
        <div className={styles.row}>
          <Text weight="semibold" data-testid="phase-name">
            {PHASE_TITLES[phase.phase]}
          </Text>
          <Text
            role="timer"
            aria-label="Phase time"
            data-testid="phase-time"
            data-urgency={urgency}
            size={500}
            weight="semibold"
            className={mergeClasses(
              styles.time,
              urgency === 'warning' && styles.warning,
              urgency === 'danger' && styles.danger,
            )}
          >
            {timeLeftText(phase)}
          </Text>
        </div>
      ) : (
        <Text>
          {clock.status === 'ended'
            ? `Finished after ${formatClock(clock.total.spentMs)}.`
            : 'The leader starts the clock when the conversation begins.'}
        </Text>
      )}
      <Text size={200} className={styles.time} data-testid="total-time">
        Meeting:{' '}
        {clock.total.overrunMs > 0
          ? `${formatClock(clock.total.overrunMs)} over`
          : `${formatClock(clock.total.remainingMs)} left`}{' '}
        of {formatClock(clock.total.plannedMs)}
      </Text>
    </section>
  );
}
