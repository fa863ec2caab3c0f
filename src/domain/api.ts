import { z } from 'zod';
import type { Agenda } from './agenda';
import { ROLE_SWITCH_ACTIONS, type Intro } from './intro';
import type { Notes } from './notes';
import { SESSION_ACTIONS, type Session } from './session';

/**
 * The REST contract between the tab and /api/v1, shared so both sides agree.
 * Every route but /healthz and /readyz needs `Authorization: Bearer <SSO token>`.
 *
 * GET  /api/v1/me                          → Me
 * GET  /api/v1/meetings/:meetingId/intro   → IntroView | 404
 * POST /api/v1/meetings/:meetingId/intro   StartIntroRequest → 201 IntroView (caller leads) | 200 IntroView (already there)
 * GET  /api/v1/intros?cursor=&limit=       → IntroList
 * GET  /api/v1/intros/:id                  → IntroView
 * GET  /api/v1/intros/:id/session          (If-None-Match) → SessionView | 304
 * POST /api/v1/intros/:id/session          SessionActionRequest (If-Match optional) → SessionView | 400 | 403 | 409 | 412
 *      (a clock action; `giveSpare`: the previous phase's spare minutes to the current one; `setDuration` before Start)
 *      (optional `at`: when a device recorded the action offline, on the server's clock; 400 `invalidTime` out of bounds)
 * POST /api/v1/in-person                   StartInPersonRequest → 201 IntroView (the caller leads) | 400
 * POST /api/v1/intros/:id/in-person        → IntroView: a scheduled in-person intro, to run now | 404
 * GET  /api/v1/intros/:id/notes            → NotesView (version 0 when none)
 * PUT  /api/v1/intros/:id/notes            NotesBody + If-Match: "<version>" → NotesView | 400 | 412 NotesConflict | 413
 * POST /api/v1/intros/:id/role-switch      RoleSwitchRequestBody → the caller's IntroView | 403 | 409
 * Errors: { error: { code, message, field? } }. ETags are `"<version>"`.
 */
export interface Me {
  readonly userId: string;
  readonly tenantId: string;
  readonly name: string;
}

/**
 * The session clock as the server sees it, with its time so clients can correct their clock's offset, and who leads.
 * Its GET answers with ETag `"<sessionTag(view)>"` (./sessionTag), which changes with the session or the roles.
 */
export interface SessionView {
  readonly session: Session;
  readonly version: number;
  readonly serverNow: number;
  /** Who leads now; follows a role switch. */
  readonly leaderId: string;
  /** The leader's pending request that the member lead instead. */
  readonly roleSwitch?: { readonly requestedBy: string; readonly requestedAt: string };
  /** How many times the roles or a request to switch them changed; absent when never. */
  readonly roleChanges?: number;
}

/** An intro as one participant sees it. */
export interface IntroView {
  readonly intro: Intro;
  readonly role: 'leader' | 'member';
  readonly agenda: Agenda;
  readonly session: SessionView;
}

/** A page of intros. */
export interface IntroList {
  readonly items: readonly Intro[];
  readonly nextCursor?: string;
}

/** The caller's own notes. */
export type NotesView = Omit<Notes, 'tenantId' | 'authorId'>;

/** A 412 answer: the newer copy the write would have overwritten. */
export interface NotesConflict {
  readonly error: { readonly code: 'versionConflict'; readonly message: string };
  readonly current: NotesView;
}

/** Body of POST /meetings/:meetingId/intro. */
export const startIntroRequestSchema = z
  .object({
    durationMinutes: z.number().optional(),
    memberName: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type StartIntroRequest = z.infer<typeof startIntroRequestSchema>;

/** When a device recorded an action while offline: epoch ms on the server's clock, as the device estimated it. */
const atSchema = z.number().int().nonnegative().optional();

/**
 * Body of POST /intros/:id/session: a clock action, spare minutes to the current phase, or a new length before Start.
 * `at` applies a clock action at the time a device recorded it offline, within bounds (src/domain/sessionTime.ts).
 */
export const sessionActionRequestSchema = z.union([
  z.object({ action: z.enum(SESSION_ACTIONS), at: atSchema }).strict(),
  z.object({ action: z.literal('giveSpare'), at: atSchema }).strict(),
  z.object({ action: z.literal('setDuration'), minutes: z.number() }).strict(),
]);
export type SessionActionRequest = z.infer<typeof sessionActionRequestSchema>;

/** Shape of every error body. */
export interface ApiError {
  readonly error: { readonly code: string; readonly message: string; readonly field?: string };
}

/** Body of POST /intros/:id/role-switch: the leader requests or cancels, the member accepts or declines. */
export const roleSwitchRequestSchema = z.object({ action: z.enum(ROLE_SWITCH_ACTIONS) }).strict();
export type RoleSwitchRequestBody = z.infer<typeof roleSwitchRequestSchema>;

/** Body of POST /in-person: whom the caller meets (a known person's id, or only a name) and where, and for how long. */
export const startInPersonRequestSchema = z
  .object({
    memberId: z.string().trim().min(1).max(100).optional(),
    memberName: z.string().trim().min(1).max(200),
    setting: z.enum(['coffee', 'lunch', 'meetingRoom']).optional(),
    durationMinutes: z.number().optional(),
  })
  .strict();
export type StartInPersonRequest = z.infer<typeof startInPersonRequestSchema>;
