import { Button, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { CarriedFollowUp, CarriedForward as Carried } from '../../../../src/contract';
import { HORIZONS, type Goal } from '../../../../src/domain/notes';
import { useCarriedForwardStyles } from './useCarriedForwardStyles.styles';

const HORIZON_LABELS = { short: 'Short term', medium: 'Medium term', long: 'Long term' } as const;

function dateText(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
}

function followUpText(item: CarriedFollowUp): string {
  const due = item.due ? `, due ${dateText(item.due)}` : '';
  return `${item.text} (${item.owner === 'leader' ? 'you' : 'them'}${due})`;
}

/** Props of last time's goals and follow-ups. */
interface CarriedForwardProps {
  readonly carried: Carried;
}

/** Last time's goals by horizon and the follow-ups still open, shown to the leader in the Goals phase. */
export function CarriedForward({ carried }: CarriedForwardProps) {
  const styles = useCarriedForwardStyles();
  const [open, setOpen] = useState(true);
  const bodyId = useId();
  const headingId = useId();
  const when = carried.from ? dateText(carried.from.date) : '';
  const byHorizon = HORIZONS.map(
    (horizon) => [horizon, carried.goals.filter((goal) => goal.horizon === horizon)] as const,
  ).filter(([, goals]) => goals.length > 0);
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.header}>
        <h2 id={headingId} className={styles.heading}>
          Last time{when && <Text size={200} className={styles.meta}>{` · ${when}`}</Text>}
        </h2>
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide' : 'Show'}
        </Button>
      </div>
      {open && (
        <div id={bodyId} className={styles.body}>
          {byHorizon.map(([horizon, goals]) => (
            <GoalGroup key={horizon} title={`Goals, ${HORIZON_LABELS[horizon].toLowerCase()}`} goals={goals} />
          ))}
          {carried.openFollowUps.length > 0 && (
            <>
              <Text size={200} weight="semibold">
                Open follow-ups
              </Text>
              <ul className={styles.list} aria-label="Open follow-ups from last time">
                {carried.openFollowUps.map((item) => (
                  <li key={`${item.introId}:${item.id}`}>
                    <Text size={200}>{followUpText(item)}</Text>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function GoalGroup({ title, goals }: { title: string; goals: readonly Goal[] }) {
  const styles = useCarriedForwardStyles();
  return (
    <>
      <Text size={200} weight="semibold">
        {title}
      </Text>
      <ul className={styles.list} aria-label={`Last time's ${title.toLowerCase()}`}>
        {goals.map((goal) => (
          <li key={goal.id}>
            <Text size={200}>{goal.text}</Text>
          </li>
        ))}
      </ul>
    </>
  );
}
