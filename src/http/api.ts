import type { Server } from 'restify';
import type { HttpDeps } from './context';
import { registerApi, type RouteHandlers } from './route';
import {
  carriedForwardRoute,
  deleteMyDataRoute,
  exportCsvRoute,
  exportMarkdownRoute,
  historyRoute,
  searchHistoryRoute,
} from './routes/history';
import { openInPersonRoute, startInPersonRoute } from './routes/inPerson';
import { getIntroRoute, listIntrosRoute, meRoute } from './routes/intros';
import { getMeetingIntroRoute, startMeetingIntroRoute } from './routes/meetings';
import { deleteNotesRoute, getNotesRoute, saveNotesRoute } from './routes/notes';
import { switchRolesRoute } from './routes/roleSwitch';
import { changeSessionRoute, getSessionRoute } from './routes/session';
import { shareWithMemberRoute } from './routes/share';
import { sessionEventsRoute, type LiveDeps } from './routes/sessionEvents';
import { teamPlansRoute } from './routes/teamPlans';

/** What the /api/v1 handlers need, wired in src/index.ts. */
export interface ApiDeps extends HttpDeps {
  /** Session change notices and the session streams held by this process. */
  readonly live: LiveDeps;
}

/** The handler of every route in src/contract's API_ROUTES. */
const HANDLERS: RouteHandlers<ApiDeps> = {
  me: meRoute,
  getMeetingIntro: getMeetingIntroRoute,
  startMeetingIntro: startMeetingIntroRoute,
  listIntros: listIntrosRoute,
  getIntro: getIntroRoute,
  getSession: getSessionRoute,
  sessionEvents: sessionEventsRoute,
  changeSession: changeSessionRoute,
  getNotes: getNotesRoute,
  saveNotes: saveNotesRoute,
  deleteNotes: deleteNotesRoute,
  switchRoles: switchRolesRoute,
  shareWithMember: shareWithMemberRoute,
  startInPerson: startInPersonRoute,
  openInPerson: openInPersonRoute,
  history: historyRoute,
  searchHistory: searchHistoryRoute,
  exportMarkdown: exportMarkdownRoute,
  exportCsv: exportCsvRoute,
  deleteMyData: deleteMyDataRoute,
  carriedForward: carriedForwardRoute,
  teamPlans: teamPlansRoute,
};

/** Serves /api/v1: every route of the contract with its handler. */
export function apiRoutes(server: Server, deps: ApiDeps): void {
  registerApi(server, deps, HANDLERS);
}
