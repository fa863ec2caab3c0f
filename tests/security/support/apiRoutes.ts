import type { Server } from 'restify';
import { API_ROUTES as ROUTE_TABLE } from '../../../src/contract';

/** One /api/v1 route with a request that would pass everything but authentication. */
export interface ApiRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The route as the server declares it, e.g. `/api/v1/intros/:id`. */
  readonly pattern: string;
  /** A concrete path for it. */
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Ids that are well formed but name nothing the caller owns. */
export const SOME_INTRO = 'a0a0a0a0-0000-4000-8000-00000000a0a0';
export const SOME_MEETING = 'MCMxOTptZWV0aW5nX3NlY3VyaXR5QHRocmVhZC52MiMw';
export const SOME_PERSON = 'b0b0b0b0-0000-4000-8000-00000000b0b0';

/** Notes with nothing in them: a valid PUT body. */
export const EMPTY_NOTES = {
  text: { prep: '', goals: '', pullFeedback: '', pushFeedback: '' },
  goals: [],
  issues: [],
  feedback: [],
  followUps: [],
} as const;

/** Every /api/v1 route (`declaredApiRoutes` checks the list against the route table). */
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'GET', pattern: '/api/v1/me', path: '/api/v1/me' },
  { method: 'DELETE', pattern: '/api/v1/me/data', path: '/api/v1/me/data' },
  { method: 'GET', pattern: '/api/v1/meetings/:meetingId/intro', path: `/api/v1/meetings/${SOME_MEETING}/intro` },
  {
    method: 'POST',
    pattern: '/api/v1/meetings/:meetingId/intro',
    path: `/api/v1/meetings/${SOME_MEETING}/intro`,
    body: {},
  },
  { method: 'GET', pattern: '/api/v1/intros', path: '/api/v1/intros' },
  { method: 'GET', pattern: '/api/v1/intros/:id', path: `/api/v1/intros/${SOME_INTRO}` },
  { method: 'GET', pattern: '/api/v1/intros/:id/session', path: `/api/v1/intros/${SOME_INTRO}/session` },
  {
    method: 'GET',
    pattern: '/api/v1/intros/:id/session/events',
    path: `/api/v1/intros/${SOME_INTRO}/session/events`,
  },
  {
    method: 'POST',
    pattern: '/api/v1/intros/:id/session',
    path: `/api/v1/intros/${SOME_INTRO}/session`,
    body: { action: 'start' },
  },
  {
    method: 'POST',
    pattern: '/api/v1/intros/:id/role-switch',
    path: `/api/v1/intros/${SOME_INTRO}/role-switch`,
    body: { action: 'request' },
  },
  {
    method: 'POST',
    pattern: '/api/v1/intros/:id/share',
    path: `/api/v1/intros/${SOME_INTRO}/share`,
    body: { parts: ['goals'] },
  },
  { method: 'POST', pattern: '/api/v1/in-person', path: '/api/v1/in-person', body: { memberName: 'Robin' } },
  {
    method: 'POST',
    pattern: '/api/v1/intros/:id/in-person',
    path: `/api/v1/intros/${SOME_INTRO}/in-person`,
    body: {},
  },
  { method: 'GET', pattern: '/api/v1/intros/:id/notes', path: `/api/v1/intros/${SOME_INTRO}/notes` },
  {
    method: 'PUT',
    pattern: '/api/v1/intros/:id/notes',
    path: `/api/v1/intros/${SOME_INTRO}/notes`,
    body: EMPTY_NOTES,
    headers: { 'if-match': '"0"' },
  },
  { method: 'DELETE', pattern: '/api/v1/intros/:id/notes', path: `/api/v1/intros/${SOME_INTRO}/notes` },
  { method: 'GET', pattern: '/api/v1/history', path: '/api/v1/history' },
  { method: 'GET', pattern: '/api/v1/teams/plans', path: '/api/v1/teams/plans' },
  { method: 'GET', pattern: '/api/v1/history/search', path: '/api/v1/history/search?q=goal' },
  { method: 'GET', pattern: '/api/v1/export.md', path: '/api/v1/export.md' },
  { method: 'GET', pattern: '/api/v1/export.csv', path: '/api/v1/export.csv' },
  {
    method: 'GET',
    pattern: '/api/v1/people/:userId/carried-forward',
    path: `/api/v1/people/${SOME_PERSON}/carried-forward`,
  },
];

/** The /api/v1 routes of the contract's route table (src/contract/routes.ts), as `METHOD pattern`. */
export function declaredApiRoutes(): string[] {
  return Object.values(ROUTE_TABLE)
    .map((route) => `${route.method} ${route.path}`)
    .sort();
}

/** The /api/v1 routes a running server registered, as `METHOD pattern`: catches one added beside the table. */
export function servedApiRoutes(server: Server): string[] {
  const routes: readonly { method: string; path: string }[] = server.getDebugInfo().routes;
  return routes
    .filter((route) => route.path.startsWith('/api/v1'))
    .map((route) => `${route.method.toUpperCase()} ${route.path}`)
    .sort();
}

/** Sends `route` to `baseUrl` with `authorization` (none when undefined). */
export function callRoute(baseUrl: string, route: ApiRoute, authorization?: string): Promise<Response> {
  const headers: Record<string, string> = { ...route.headers };
  if (authorization !== undefined) headers['authorization'] = authorization;
  if (route.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${baseUrl}${route.path}`, {
    method: route.method,
    headers,
    body: route.body === undefined ? undefined : JSON.stringify(route.body),
  });
}
