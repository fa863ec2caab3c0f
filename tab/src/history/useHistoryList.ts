import { useCallback, useEffect, useRef, useState } from 'react';
import type { HistoryItem, SearchResultItem } from '../../../src/contract';
import type { ApiClient, HistoryQuery } from '../shared/api/client';
import { appendPage, updateItem } from './group';

/** What the list shows. */
export type HistoryListState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | {
      readonly status: 'ready';
      readonly items: readonly (HistoryItem | SearchResultItem)[];
      readonly nextCursor?: string;
      readonly loadingMore: boolean;
      readonly moreError?: string;
      readonly searching: boolean;
      readonly truncated: boolean;
    };

const SEARCH_DELAY_MS = 300;

function isFiltered(query: HistoryQuery): boolean {
  return Boolean(query.q?.trim() || query.person || query.followUps);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Loads the history page by page, or the search results when a query or filter is set; entries can be updated in place. */
export function useHistoryList(api: ApiClient, query: HistoryQuery) {
  const [state, setState] = useState<HistoryListState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  // The query's fields, not its identity, decide when to reload.
  const { q, person, followUps } = query;

  useEffect(() => {
    const current: HistoryQuery = { q, person, followUps };
    const filtered = isFiltered(current);
    const mine = ++generation.current;
    const apply = (next: HistoryListState) => mine === generation.current && setState(next);
    const load = async () => {
      try {
        if (filtered) {
          const found = await api.searchHistory(current);
          apply({
            status: 'ready',
            items: found.items,
            loadingMore: false,
            searching: true,
            truncated: found.truncated,
          });
        } else {
          const page = await api.listHistory();
          apply({ status: 'ready', ...page, loadingMore: false, searching: false, truncated: false });
        }
      } catch (error) {
        apply({ status: 'error', message: messageOf(error) });
      }
    };
    const timer = setTimeout(() => void load(), filtered && q ? SEARCH_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [api, q, person, followUps, attempt]);

  const loadMore = useCallback(async () => {
    if (state.status !== 'ready' || !state.nextCursor || state.loadingMore) return;
    const mine = generation.current;
    setState({ ...state, loadingMore: true, moreError: undefined });
    try {
      const page = await api.listHistory(state.nextCursor);
      if (mine !== generation.current) return;
      setState({
        ...state,
        items: appendPage(state.items, page.items),
        nextCursor: page.nextCursor,
        loadingMore: false,
      });
    } catch (error) {
      if (mine === generation.current) setState({ ...state, loadingMore: false, moreError: messageOf(error) });
    }
  }, [api, state]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const update = useCallback((introId: string, change: (item: HistoryItem) => HistoryItem) => {
    setState((current) =>
      current.status === 'ready'
        ? { ...current, items: updateItem(current.items, introId, (item) => ({ ...item, ...change(item) })) }
        : current,
    );
  }, []);

  return { state, loadMore, reload, update };
}
