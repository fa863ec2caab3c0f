import type { Session } from '../../../src/domain/session';

/** Minutes and seconds, e.g. 754000 → "12:34"; hours roll into minutes. */
export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}:${seconds.toString().padStart(2, '0')}`;
}

/** Words people see for each session status. */
export const STATUS_LABELS: Readonly<Record<Session['status'], string>> = {
  notStarted: 'Not started',
  running: 'Running',
  paused: 'Paused',
  ended: 'Ended',
};
