import type { CarriedForward as Carried, HistoryMatches } from '../../app/history';
import type { HistoryEntry } from '../../app/historyEntries';
import type { Page } from '../../app/ports';
import type { CarriedForward, HistoryItem, HistoryList, HistorySearch, SearchResultItem } from '../../contract';

/** One history entry as the API answers it. */
function historyItem(entry: HistoryEntry): HistoryItem {
  const { intro, role, status, other, spentMs, followUps, hasNotes, preview } = entry;
  return {
    intro,
    role,
    status,
    ...(other ? { with: other } : {}),
    ...(spentMs === undefined ? {} : { spentMs }),
    followUps,
    hasNotes,
    ...(preview === undefined ? {} : { preview }),
  };
}

/** A page of history, with the cursor only when there is a next page. */
export function historyListView({ items, nextCursor }: Page<HistoryEntry>): HistoryList {
  const list = items.map(historyItem);
  return nextCursor ? { items: list, nextCursor } : { items: list };
}

/** The intros a search found, each with where the caller's notes matched. */
export function historySearchView(found: HistoryMatches): HistorySearch {
  const items = found.items.map((match): SearchResultItem => ({ ...historyItem(match), snippets: match.snippets }));
  return { items, truncated: found.truncated };
}

/** What a leader carries into the next conversation, as the API answers it. */
export function carriedForwardView({ from, goals, openFollowUps }: Carried): CarriedForward {
  return from ? { from, goals, openFollowUps } : { goals, openFollowUps };
}
