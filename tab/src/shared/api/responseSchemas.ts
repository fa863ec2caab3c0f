import { z } from 'zod';
import { SETTINGS } from '../../../../src/domain/intro';
import {
  feedbackSchema,
  followUpSchema,
  goalSchema,
  issueSchema,
  noteTextSchema,
} from '../../../../src/domain/notes.schema';
import type { ResponseKind, ResponseValidator } from './transport';

// Loose where the tab does not depend on the details (extra fields pass), exact where it reads them.
const person = z.object({ id: z.string(), name: z.string() }).passthrough();
const intro = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    leader: person,
    member: person.optional(),
    durationMinutes: z.number().int(),
    setting: z.enum(SETTINGS),
    status: z.enum(['scheduled', 'ready', 'inProgress', 'done', 'cancelled']),
    createdAt: z.string(),
  })
  .passthrough();
const spent = z.tuple([z.number(), z.number(), z.number()]);
const session = z.union([
  z.object({ status: z.literal('notStarted') }).passthrough(),
  z
    .object({
      status: z.enum(['running', 'paused', 'ended']),
      phase: z.number().int(),
      startedAt: z.number(),
      spentMs: spent,
    })
    .passthrough(),
]);
const sessionView = z
  .object({
    session,
    version: z.number().int(),
    serverNow: z.number(),
    leaderId: z.string(),
    roleSwitch: z.object({ requestedBy: z.string(), requestedAt: z.string() }).optional(),
    roleChanges: z.number().int().optional(),
  })
  .passthrough();
const notesView = z
  .object({
    version: z.number().int().nonnegative(),
    text: noteTextSchema,
    goals: z.array(goalSchema),
    issues: z.array(issueSchema),
    feedback: z.array(feedbackSchema),
    followUps: z.array(followUpSchema),
  })
  .passthrough();
const historyItem = z
  .object({
    intro,
    role: z.enum(['leader', 'member']),
    status: z.string(),
    with: person.optional(),
    spentMs: z.number().optional(),
    followUps: z.object({ open: z.number().int(), done: z.number().int() }),
    hasNotes: z.boolean(),
  })
  .passthrough();
const snippet = z.object({ where: z.string(), text: z.string() });

const SCHEMAS: Readonly<Record<ResponseKind, z.ZodTypeAny>> = {
  me: z.object({ userId: z.string(), tenantId: z.string(), name: z.string() }).passthrough(),
  introView: z
    .object({ intro, role: z.enum(['leader', 'member']), agenda: z.object({}).passthrough(), session: sessionView })
    .passthrough(),
  introList: z.object({ items: z.array(intro), nextCursor: z.string().optional() }),
  sessionView,
  notesView,
  notesConflict: z.object({ error: z.object({ code: z.string(), message: z.string() }), current: notesView }),
  carriedForward: z.object({
    from: z.object({ introId: z.string(), date: z.string() }).optional(),
    goals: z.array(goalSchema),
    openFollowUps: z.array(followUpSchema.extend({ introId: z.string() })),
  }),
  historyList: z.object({ items: z.array(historyItem), nextCursor: z.string().optional() }),
  historySearch: z.object({
    items: z.array(historyItem.extend({ snippets: z.array(snippet) })),
    truncated: z.boolean(),
  }),
};

/** Checks an answer against the REST contract (development and tests only; zod stays out of the production bundle). */
export const validateResponse: ResponseValidator = (kind, body) => {
  const result = SCHEMAS[kind].safeParse(body);
  if (result.success) return undefined;
  return result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
};
