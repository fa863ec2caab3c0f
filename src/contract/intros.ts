import { z } from 'zod';
import { ROLE_SWITCH_ACTIONS } from '../domain/intro';
import { SHAREABLE_PARTS } from '../domain/recap';
import { sessionSchema } from '../domain/session.schema';
import { SESSION_ACTIONS } from '../domain/session';
import { pageSchema } from './paging';
import { agendaSchema, introSchema, notesViewSchema } from './wire';

/** GET /me: who the token says the caller is. */
export const meSchema = z.object({ userId: z.string(), tenantId: z.string(), name: z.string() }).readonly();
/** Who the caller is. */
export type Me = z.infer<typeof meSchema>;

/**
 * The session clock as the server sees it, with its time so clients can correct their clock's offset, and who leads.
 * Its GET answers with ETag `"<sessionTag(view)>"` (src/domain/sessionTag.ts), which changes with the session or roles.
 */
export const sessionViewSchema = z
  .object({
    session: sessionSchema,
    version: z.number().int().nonnegative(),
    serverNow: z.number(),
    /** Who leads now; follows a role switch. */
    leaderId: z.string(),
    /** The leader's pending request that the member lead instead. */
    roleSwitch: z.object({ requestedBy: z.string(), requestedAt: z.string() }).readonly().optional(),
    /** How many times the roles or a request to switch them changed; absent when never. */
    roleChanges: z.number().int().positive().optional(),
  })
  .readonly();
/** The session clock as the server sees it. */
export type SessionView = z.infer<typeof sessionViewSchema>;

/** An intro as one participant sees it. */
export const introViewSchema = z
  .object({
    intro: introSchema,
    role: z.enum(['leader', 'member']),
    agenda: agendaSchema,
    session: sessionViewSchema,
  })
  .readonly();
/** An intro as one participant sees it. */
export type IntroView = z.infer<typeof introViewSchema>;

/** GET /intros: a page of intros. */
export const introListSchema = pageSchema(introSchema);
/** A page of intros. */
export type IntroList = z.infer<typeof introListSchema>;

/** A 412 answer to PUT /intros/:id/notes: the newer copy the write would have overwritten. */
export const notesConflictSchema = z
  .object({
    error: z.object({ code: z.literal('versionConflict'), message: z.string() }).readonly(),
    current: notesViewSchema,
  })
  .readonly();
/** A 412 answer: the newer copy the write would have overwritten. */
export type NotesConflict = z.infer<typeof notesConflictSchema>;

/** Body of POST /meetings/:meetingId/intro. */
export const startIntroRequestSchema = z
  .object({
    durationMinutes: z.number().optional(),
    memberName: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
/** Body of POST /meetings/:meetingId/intro. */
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
/** Body of POST /intros/:id/session. */
export type SessionActionRequest = z.infer<typeof sessionActionRequestSchema>;

/** Body of POST /intros/:id/role-switch: the leader requests or cancels, the member accepts or declines. */
export const roleSwitchRequestSchema = z.object({ action: z.enum(ROLE_SWITCH_ACTIONS) }).strict();
/** Body of POST /intros/:id/role-switch. */
export type RoleSwitchRequestBody = z.infer<typeof roleSwitchRequestSchema>;

/** Body of POST /intros/:id/share: which lists of the leader's recap go to the member (never free-text notes). */
export const shareRequestSchema = z
  .object({ parts: z.array(z.enum(SHAREABLE_PARTS)).min(1).max(SHAREABLE_PARTS.length) })
  .strict();
/** Body of POST /intros/:id/share. */
export type ShareRequest = z.infer<typeof shareRequestSchema>;

/** Answer of POST /intros/:id/share: to whom it went, and the mark the intro now keeps. */
export const shareResultSchema = z
  .object({ sentTo: z.string(), shared: z.object({ at: z.string(), parts: z.array(z.enum(SHAREABLE_PARTS)) }) })
  .readonly();
/** Answer of POST /intros/:id/share. */
export type ShareResult = z.infer<typeof shareResultSchema>;

/** Body of POST /in-person: whom the caller meets (a known person's id, or only a name) and where, and for how long. */
export const startInPersonRequestSchema = z
  .object({
    memberId: z.string().trim().min(1).max(100).optional(),
    memberName: z.string().trim().min(1).max(200),
    setting: z.enum(['coffee', 'lunch', 'meetingRoom']).optional(),
    durationMinutes: z.number().optional(),
  })
  .strict();
/** Body of POST /in-person. */
export type StartInPersonRequest = z.infer<typeof startInPersonRequestSchema>;
