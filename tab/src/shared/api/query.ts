import type { FollowUpFilter } from '../../../../src/domain/history';

/** Page size of the history list. */
export const HISTORY_PAGE_SIZE = 20;

/** What to search: words in one's own notes, a person, a follow-up state. */
export interface HistoryQuery {
  readonly q?: string;
  readonly person?: string;
  readonly followUps?: FollowUpFilter;
}

/** A file the server sent as an attachment. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string;
}

/** The filename in a Content-Disposition header, or a fallback. */
export function filenameFrom(header: string | null, fallback: string): string {
  const match = /filename="?([^";]+)"?/i.exec(header ?? '');
  return match?.[1] ?? fallback;
}

/** The query string of a history search, leaving out what is not set. */
export function searchQueryString(query: HistoryQuery): string {
  const params = new URLSearchParams();
  if (query.q?.trim()) params.set('q', query.q.trim());
  if (query.person) params.set('person', query.person);
  if (query.followUps) params.set('followUps', query.followUps);
  return params.toString();
}
