/** The pages the tab can show. */
export type Route = 'sidePanel' | 'meetingDetails' | 'config' | 'history' | 'unknown';

/** Picks the page from the `?view=` query and the Teams frame context. */
export function routeFor(search: string, frameContext: string): Route {
  const view = new URLSearchParams(search).get('view');
  if (view === 'config' || frameContext === 'settings') return 'config';
  if (view === 'history') return 'history';
  if (view === 'meeting' || view === null) {
    if (frameContext === 'sidePanel' || frameContext === 'meetingStage') return 'sidePanel';
    if (frameContext === 'content') return 'meetingDetails';
  }
  return 'unknown';
}
