import type { z } from 'zod';
import { notesBodySchema } from '../domain/notes.schema';
import type { ApiErrorCode } from './errors';
import {
  carriedForwardQuerySchema,
  carriedForwardSchema,
  historyListSchema,
  historySearchQuerySchema,
  historySearchSchema,
} from './history';
import {
  introListSchema,
  introViewSchema,
  meSchema,
  notesConflictSchema,
  roleSwitchRequestSchema,
  sessionActionRequestSchema,
  sessionViewSchema,
  shareRequestSchema,
  shareResultSchema,
  startInPersonRequestSchema,
  startIntroRequestSchema,
} from './intros';
import { pageQuerySchema } from './paging';
import type { PathParam } from './params';
import { teamPlansSchema } from './teamPlans';
import { notesViewSchema } from './wire';

/** A precondition header a route reads: `"<version>"` as the server wrote it in an ETag. */
export type PreconditionHeader = 'If-Match' | 'If-None-Match';

/** What a route answers with one status: a JSON schema, a file type, or an empty body. */
export type ApiAnswer =
  | z.ZodTypeAny
  | { readonly attachment: 'text/markdown' | 'text/csv' }
  | { readonly stream: 'text/event-stream' }
  | 'empty';

/** One /api/v1 route: what it takes, what it answers, and which failures it can answer with. */
export interface ApiRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: `/api/v1/${string}`;
  /** The `:name`s in the path, parsed before anything else. */
  readonly params?: readonly PathParam[];
  readonly query?: z.ZodTypeAny;
  readonly body?: z.ZodTypeAny;
  readonly headers?: readonly PreconditionHeader[];
  /** Answers by status, other than the failures in `errors`. */
  readonly answers: Readonly<Partial<Record<200 | 201 | 204 | 304 | 412, ApiAnswer>>>;
  readonly errors: readonly ApiErrorCode[];
}

// Failures shared by many routes: a token refused, a body or a paging query that does not parse.
const AUTH = ['unauthorized'] as const;
const BODY = ['unsupportedMediaType', 'invalidJson', 'invalidBody', 'tooLarge'] as const;
const PAGE = ['invalidQuery', 'invalidCursor'] as const;
const INTRO = ['invalidIntroId', 'notFound'] as const;
const DURATION = ['durationTooShort', 'durationTooLong', 'durationNotWhole'] as const;
// A route that writes: 507 while the store's disk is full or read-only.
const WRITES = ['insufficientStorage'] as const;

/**
 * Every /api/v1 route. Each needs `Authorization: Bearer <Teams SSO token>`; every answer is `no-store`; failures are
 * `{ error: { code, message, field? } }` (errors.ts) with the status src/http/errors.ts gives the code.
 * ETags are `"<version>"`.
 */
export const API_ROUTES = {
  me: { method: 'GET', path: '/api/v1/me', answers: { 200: meSchema }, errors: [...AUTH] },
  /** The intro held in a Teams meeting; 404 `awaitingMember` while the leader has not set it up. */
  getMeetingIntro: {
    method: 'GET',
    path: '/api/v1/meetings/:meetingId/intro',
    params: ['meetingId'],
    answers: { 200: introViewSchema },
    errors: [...AUTH, 'invalidMeetingId', 'notFound', 'awaitingMember'],
  },
  /** Sets up the meeting's intro (201, the caller leads) or joins it after the roster check (200). */
  startMeetingIntro: {
    method: 'POST',
    path: '/api/v1/meetings/:meetingId/intro',
    params: ['meetingId'],
    body: startIntroRequestSchema,
    answers: { 201: introViewSchema, 200: introViewSchema },
    errors: [
      ...AUTH,
      ...WRITES,
      'invalidMeetingId',
      ...BODY,
      ...DURATION,
      'selfIntro',
      'forbidden',
      'notFound',
      'versionConflict',
    ],
  },
  listIntros: {
    method: 'GET',
    path: '/api/v1/intros',
    query: pageQuerySchema,
    answers: { 200: introListSchema },
    errors: [...AUTH, ...PAGE],
  },
  getIntro: {
    method: 'GET',
    path: '/api/v1/intros/:id',
    params: ['id'],
    answers: { 200: introViewSchema },
    errors: [...AUTH, ...INTRO],
  },
  /** The session clock, polled every second; 304 when the ETag still matches, with `X-Server-Now`. */
  getSession: {
    method: 'GET',
    path: '/api/v1/intros/:id/session',
    params: ['id'],
    headers: ['If-None-Match'],
    answers: { 200: sessionViewSchema, 304: 'empty' },
    errors: [...AUTH, ...INTRO, 'invalidPrecondition'],
  },
  /**
   * The session as server-sent events, read with fetch so the bearer token stays in a header: an `event: session`
   * whose `id` is the session's ETag number and whose `data` is the session view (with `serverNow`) at once and on
   * every change, `: <server time>` heartbeats, and nothing sent first when `Last-Event-ID` is still current.
   * Polling getSession is the fallback; 503 `streamUnavailable` (with Retry-After) when the caller or the server
   * holds too many streams, or changes from other instances cannot reach this one right now.
   */
  sessionEvents: {
    method: 'GET',
    path: '/api/v1/intros/:id/session/events',
    params: ['id'],
    answers: { 200: { stream: 'text/event-stream' } },
    errors: [...AUTH, ...INTRO, 'streamUnavailable'],
  },
  /** A clock action (leader only); `at` when a device recorded it offline; If-Match optional. */
  changeSession: {
    method: 'POST',
    path: '/api/v1/intros/:id/session',
    params: ['id'],
    body: sessionActionRequestSchema,
    headers: ['If-Match'],
    answers: { 200: sessionViewSchema },
    errors: [
      ...AUTH,
      ...WRITES,
      ...INTRO,
      ...BODY,
      ...DURATION,
      'invalidPrecondition',
      'invalidTime',
      'forbidden',
      'invalidTransition',
      'versionConflict',
    ],
  },
  /** The caller's own notes (version 0 when none). */
  getNotes: {
    method: 'GET',
    path: '/api/v1/intros/:id/notes',
    params: ['id'],
    answers: { 200: notesViewSchema },
    errors: [...AUTH, ...INTRO],
  },
  /** Saves the caller's notes; If-Match required (428 without); 412 carries the newer copy. */
  saveNotes: {
    method: 'PUT',
    path: '/api/v1/intros/:id/notes',
    params: ['id'],
    headers: ['If-Match'],
    body: notesBodySchema,
    answers: { 200: notesViewSchema, 412: notesConflictSchema },
    errors: [...AUTH, ...WRITES, ...INTRO, 'invalidPrecondition', 'preconditionRequired', ...BODY, 'versionConflict'],
  },
  deleteNotes: {
    method: 'DELETE',
    path: '/api/v1/intros/:id/notes',
    params: ['id'],
    answers: { 204: 'empty' },
    errors: [...AUTH, ...WRITES, ...INTRO],
  },
  /** The leader requests or cancels handing the lead over; the member accepts or declines. */
  switchRoles: {
    method: 'POST',
    path: '/api/v1/intros/:id/role-switch',
    params: ['id'],
    body: roleSwitchRequestSchema,
    answers: { 200: introViewSchema },
    errors: [...AUTH, ...WRITES, ...INTRO, ...BODY, 'forbidden', 'invalidTransition', 'versionConflict'],
  },
  /** The leader sends the member the chosen lists of their recap (goals, follow-ups) in the member's chat with the bot. */
  shareWithMember: {
    method: 'POST',
    path: '/api/v1/intros/:id/share',
    params: ['id'],
    body: shareRequestSchema,
    answers: { 200: shareResultSchema },
    errors: [...AUTH, ...WRITES, ...INTRO, ...BODY, 'noMember', 'memberUnreachable'],
  },
  /** Starts an intro held in person; the caller leads. */
  startInPerson: {
    method: 'POST',
    path: '/api/v1/in-person',
    body: startInPersonRequestSchema,
    answers: { 201: introViewSchema },
    errors: [...AUTH, ...WRITES, ...BODY, ...DURATION, 'selfIntro', 'notFound', 'versionConflict'],
  },
  /** A scheduled in-person intro, to run now. */
  openInPerson: {
    method: 'POST',
    path: '/api/v1/intros/:id/in-person',
    params: ['id'],
    answers: { 200: introViewSchema },
    errors: [...AUTH, ...WRITES, ...INTRO, 'invalidTransition'],
  },
  /** Intros the caller led or attended, newest first. */
  history: {
    method: 'GET',
    path: '/api/v1/history',
    query: pageQuerySchema,
    answers: { 200: historyListSchema },
    errors: [...AUTH, ...PAGE],
  },
  /** Only the caller's own notes are searched. */
  searchHistory: {
    method: 'GET',
    path: '/api/v1/history/search',
    query: historySearchQuerySchema,
    answers: { 200: historySearchSchema },
    errors: [...AUTH, 'invalidQuery'],
  },
  exportMarkdown: {
    method: 'GET',
    path: '/api/v1/export.md',
    answers: { 200: { attachment: 'text/markdown' } },
    errors: [...AUTH],
  },
  exportCsv: {
    method: 'GET',
    path: '/api/v1/export.csv',
    answers: { 200: { attachment: 'text/csv' } },
    errors: [...AUTH],
  },
  /** All the caller's notes, the intros they led, and their bot reference. */
  deleteMyData: { method: 'DELETE', path: '/api/v1/me/data', answers: { 204: 'empty' }, errors: [...AUTH, ...WRITES] },
  /** What the caller (as leader) carries into the next conversation with this person. */
  carriedForward: {
    method: 'GET',
    path: '/api/v1/people/:userId/carried-forward',
    params: ['userId'],
    query: carriedForwardQuerySchema,
    answers: { 200: carriedForwardSchema },
    errors: [...AUTH, 'invalidUserId', 'invalidQuery'],
  },
  /** The caller's planned teams and their progress. */
  teamPlans: { method: 'GET', path: '/api/v1/teams/plans', answers: { 200: teamPlansSchema }, errors: [...AUTH] },
} as const satisfies Record<string, ApiRoute>;

/** The name of an /api/v1 route in API_ROUTES. */
export type RouteName = keyof typeof API_ROUTES;
/** The failures one route can answer with. */
export type RouteError<R extends RouteName> = (typeof API_ROUTES)[R]['errors'][number];
