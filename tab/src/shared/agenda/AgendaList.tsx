import { mergeClasses, Text } from '@fluentui/react-components';
import type { Agenda } from '../../../../src/domain/agenda';
import { MEMBER_GUIDE } from '../../../../src/domain/method';
import { PHASE_TITLES } from '../../../../src/domain/phases';
import type { ClockView, PhaseClock } from '../../../../src/domain/session';
import { formatClock } from '../format';
import { useAgendaListStyles } from './useAgendaListStyles.styles';

/** Props of the agenda list. */
interface AgendaListProps {
  readonly agenda: Agenda;
  /** When given, marks the current phase and shows time left or over per phase. */
  readonly clock?: ClockView;
  /** Whose words describe each phase. @default 'leader' */
  readonly audience?: 'leader' | 'member';
  /** Larger text, for the meeting stage. */
  readonly large?: boolean;
}

/** Time left or over for the current phase; the time it took for any other (a finished phase has nothing "left"). */
function timeText(phase: PhaseClock, isCurrent: boolean): string {
  if (!isCurrent) return `Took ${formatClock(phase.spentMs)}`;
  return phase.overrunMs > 0 ? `${formatClock(phase.overrunMs)} over` : `${formatClock(phase.remainingMs)} left`;
}

/** The three phases of an intro with their minutes, in order. */
export function AgendaList({ agenda, clock, audience = 'leader', large = false }: AgendaListProps) {
  const styles = useAgendaListStyles();
  const started = clock !== undefined && clock.status !== 'notStarted';
  return (
    <ol className={styles.list} aria-label="Agenda">
      {agenda.items.map((item, index) => {
        const phaseClock = clock?.phases[index];
        const isCurrent = started && clock.phase === item.phase && clock.status !== 'ended';
        return (
          <li
            key={item.phase}
            className={mergeClasses(styles.item, isCurrent && styles.current)}
            aria-current={isCurrent ? 'step' : undefined}
          >
            <div className={styles.heading}>
              <Text weight="semibold" size={large ? 600 : 300}>
                {PHASE_TITLES[item.phase]}
              </Text>
              <span className={styles.meta}>
                {/* The current phase says so in words and an inverted tag, not by colour or border alone. */}
                {isCurrent && (
                  <Text size={100} weight="semibold" className={styles.now}>
                    Now
                  </Text>
                )}
                <Text size={large ? 500 : 200}>
                  {phaseClock ? Math.round(phaseClock.plannedMs / 60_000) : item.minutes} min
                </Text>
              </span>
            </div>
            <Text size={large ? 400 : 200} className={styles.purpose}>
              {audience === 'member' ? MEMBER_GUIDE[item.phase].purpose : item.purpose}
            </Text>
            {started && phaseClock && phaseClock.spentMs > 0 && (
              <Text
                size={large ? 500 : 200}
                className={isCurrent && phaseClock.overrunMs > 0 ? styles.overrun : undefined}
              >
                {timeText(phaseClock, isCurrent)}
              </Text>
            )}
          </li>
        );
      })}
    </ol>
  );
}
