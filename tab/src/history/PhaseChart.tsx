import {
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import type { IntroView } from '../../../src/contract';
import { clockText, phaseTimes, type PhaseTime } from '../../../src/domain/history';
import { useHistoryStyles } from './useHistoryStyles.styles';

function Bars({ row, max }: { row: PhaseTime; max: number }) {
  const styles = useHistoryStyles();
  const width = (ms: number) => `${max === 0 ? 0 : Math.round((ms / max) * 100)}%`;
  return (
    <div className={styles.bars}>
      <div className={mergeClasses(styles.bar, styles.planned)} style={{ width: width(row.plannedMs) }} />
      <div
        className={mergeClasses(styles.bar, row.actualMs > row.plannedMs ? styles.over : styles.actual)}
        style={{ width: width(row.actualMs) }}
      />
    </div>
  );
}

/** A duration in m:ss, marked up as one for assistive technology. */
function Duration({ ms }: { ms: number }) {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return <time dateTime={`PT${Math.floor(seconds / 60)}M${seconds % 60}S`}>{clockText(ms)}</time>;
}

/** Planned vs actual time per phase (m:ss): a small bar chart for the eye and a table for everyone. */
export function PhaseChart({ view }: { view: IntroView }) {
  const styles = useHistoryStyles();
  const rows = phaseTimes(view.session.session, view.intro.durationMinutes, view.session.serverNow);
  const max = Math.max(...rows.flatMap((row) => [row.plannedMs, row.actualMs]));
  const started = view.session.session.status !== 'notStarted';
  return (
    <section className={styles.section} aria-labelledby="phase-time-heading">
      <Subtitle2 as="h3" id="phase-time-heading" className={styles.sectionHeading}>
        Time per phase
      </Subtitle2>
      {!started && <Text>The session was not started, so only the plan is shown.</Text>}
      <div className={styles.chart} aria-hidden="true">
        {rows.map((row) => (
          <div key={row.phase} className={styles.chartRow}>
            <Text size={200}>{row.title}</Text>
            <Bars row={row} max={max} />
          </div>
        ))}
        <div className={styles.legend}>
          <Text size={200}>
            <span className={mergeClasses(styles.swatch, styles.planned)} />
            Planned
          </Text>
          <Text size={200}>
            <span className={mergeClasses(styles.swatch, styles.actual)} />
            Actual
          </Text>
          <Text size={200}>
            <span className={mergeClasses(styles.swatch, styles.over)} />
            Over the plan
          </Text>
        </div>
      </div>
      <Table size="small" className={styles.table} aria-label="Planned and actual time per phase">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Phase</TableHeaderCell>
            <TableHeaderCell>Planned</TableHeaderCell>
            <TableHeaderCell>Actual</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.phase}>
              <TableCell>{row.title}</TableCell>
              <TableCell>
                <Duration ms={row.plannedMs} />
              </TableCell>
              <TableCell>{started ? <Duration ms={row.actualMs} /> : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
