import { Badge, Text, type BadgeProps } from '@fluentui/react-components';
import { PHASE_TITLES } from '../../../../src/domain/phases';
import type { ClockView } from '../../../../src/domain/session';
import { formatClock, STATUS_LABELS } from '../../format';
import { useSessionSummaryStyles } from './useSessionSummaryStyles.styles';

/** Props of the session summary. */
export interface SessionSummaryProps {
  readonly clock: ClockView;
}

const BADGE_COLORS: Readonly<Record<ClockView['status'], BadgeProps['color']>> = {
  notStarted: 'informative',
  running: 'success',
  paused: 'warning',
  ended: 'subtle',
};

function currentLine(clock: ClockView): string {
  const current = clock.phases.find((phase) => phase.phase === clock.phase);
  if (clock.status === 'notStarted' || !current) return 'The leader starts the clock when the conversation begins.';
  if (clock.status === 'ended') return `Finished after ${formatClock(clock.total.spentMs)}.`;
  const time =
    current.overrunMs > 0 ? `${formatClock(current.overrunMs)} over` : `${formatClock(current.remainingMs)} left`;
  return `${PHASE_TITLES[current.phase]}: ${time}`;
}

/** The session's status, its current phase and the time left in it. */
export function SessionSummary({ clock }: SessionSummaryProps) {
  const styles = useSessionSummaryStyles();
  const overrun = clock.phases.some((phase) => phase.phase === clock.phase && phase.overrunMs > 0);
  return (
    <section className={styles.root} aria-label="Session">
      <div className={styles.row}>
        <Text weight="semibold">Session</Text>
        <Badge
          appearance="tint"
          color={BADGE_COLORS[clock.status]}
          aria-label={`Status: ${STATUS_LABELS[clock.status]}`}
        >
          {STATUS_LABELS[clock.status]}
        </Badge>
      </div>
      <Text
        role="timer"
        aria-label="Current phase"
        className={overrun && clock.status !== 'ended' ? styles.overrun : styles.time}
        size={clock.status === 'running' || clock.status === 'paused' ? 400 : 300}
      >
        {currentLine(clock)}
      </Text>
      <Text size={200}>
        Total: {formatClock(clock.total.remainingMs)} of {formatClock(clock.total.plannedMs)} left
      </Text>
    </section>
  );
}
