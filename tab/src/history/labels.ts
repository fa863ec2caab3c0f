import type { IntroStatus } from '../../../src/domain/intro';

/** Words people see for each intro status. */
export const STATUS_TEXT: Readonly<Record<IntroStatus, string>> = {
  scheduled: 'Scheduled',
  ready: 'Ready',
  inProgress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** A date and time as people read them in their locale, e.g. "4 Mar 2025, 10:00". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
