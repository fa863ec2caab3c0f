import type { BadgeProps } from '@fluentui/react-components';
import type { HistoryStatus } from '../../../src/domain/history';

/** The badge colour of each history status: green only for an intro really held. */
export const STATUS_COLOR: Readonly<Record<HistoryStatus, NonNullable<BadgeProps['color']>>> = {
  scheduled: 'informative',
  ready: 'informative',
  inProgress: 'brand',
  done: 'success',
  cancelled: 'subtle',
  notHeld: 'warning',
  endedBeforeJoined: 'warning',
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
