/** The pages the tab can show. */
type Route = 'sidePanel' | 'stage' | 'meetingDetails' | 'config' | 'history' | 'unknown';

/** Picks the page from the `?view=` query and the Teams frame context. */
export function routeFor(search: string, frameContext: string): Route {
  const view = new URLSearchParams(search).get('view');
  if (view === 'config' || frameContext === 'settings') return 'config';
  if (view === 'history') return 'history';
  // The stage never shows the side panel: it has no notes, tips or text boxes.
  if (view === 'stage' || frameContext === 'meetingStage') return 'stage';
  if (view === 'meeting' || view === null) {
    if (frameContext === 'sidePanel') return 'sidePanel';
    if (frameContext === 'content') return 'meetingDetails';
  }
  return 'unknown';
}
