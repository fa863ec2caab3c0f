import { useId } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { FollowUpFilter } from '../../../src/domain/history';
import type { HistoryQuery } from '../shared/api/client';

/** Props of the toolbar. */
export interface HistoryToolbarProps {
  readonly query: HistoryQuery;
  readonly onQuery: (query: HistoryQuery) => void;
  readonly people: readonly { id: string; name: string }[];
  readonly onExport: (format: 'md' | 'csv') => void;
  readonly exporting: boolean;
  readonly onDeleteAll: () => Promise<void>;
}

/**
 * The toolbar's state: search with its filters folded behind one Filters button, and the rare actions (export,
 * delete everything) behind a More menu, so on a phone the first screen is the list.
 */
export function useHistoryToolbar(props: HistoryToolbarProps) {
  const { query, onQuery } = props;
  const ids = { search: useId('search'), person: useId('person'), state: useId('state'), filters: useId('filters') };
  const active = (query.person ? 1 : 0) + (query.followUps ? 1 : 0);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const more = useRef<HTMLButtonElement>(null);
  return {
    ...props,
    ids,
    active,
    // Filters in use stay on screen: a filtered list never hides why it is short.
    filtersShown: filtersOpen || active > 0,
    toggleFilters: () => setFiltersOpen(!filtersOpen),
    setSearch: (q: string) => onQuery({ ...query, q }),
    setPerson: (person: string) => onQuery({ ...query, person: person || undefined }),
    setFollowUps: (value: string) =>
      onQuery({ ...query, followUps: (value || undefined) as FollowUpFilter | undefined }),
    more,
    deleting,
    setDeleting: (open: boolean) => {
      setDeleting(open);
      // The menu item that opened the dialog is gone: focus goes back to the menu's button.
      if (!open) requestAnimationFrame(() => more.current?.focus());
    },
  };
}

/** Everything the toolbar renders. */
export type HistoryToolbarState = ReturnType<typeof useHistoryToolbar>;
