import { z } from 'zod';
import type { Agenda } from '../domain/agenda';
import { introIdSchema, meetingKeySchema, tenantIdSchema, userIdSchema } from '../domain/ids.schema';
import type { Intro } from '../domain/intro';
import { settingSchema } from '../domain/intro.schema';
import type { Notes } from '../domain/notes';
import { feedbackSchema, followUpSchema, goalSchema, issueSchema, noteTextSchema } from '../domain/notes.schema';
import { PHASES } from '../domain/phases';

// How the domain's objects travel inside answers; each schema is typed with its domain type, so the two agree.

/** A participant on the wire. */
export const personSchema = z.object({ id: userIdSchema, name: z.string() });

/** An intro on the wire. */
export const introSchema: z.ZodType<Intro, z.ZodTypeDef, unknown> = z.object({
  id: introIdSchema,
  tenantId: tenantIdSchema,
  leader: personSchema,
  member: personSchema.optional(),
  scheduledStart: z.string().optional(),
  durationMinutes: z.number(),
  setting: settingSchema,
  meeting: z
    .object({ meetingId: meetingKeySchema.optional(), joinUrl: z.string().optional(), chatId: z.string().optional() })
    .optional(),
  status: z.enum(['scheduled', 'ready', 'inProgress', 'done', 'cancelled']),
  createdAt: z.string(),
  roleSwitch: z.object({ requestedBy: userIdSchema, requestedAt: z.string() }).optional(),
  roleChanges: z.number().optional(),
});

const agendaItemSchema = z.object({
  phase: z.enum(PHASES),
  minutes: z.number(),
  title: z.string(),
  purpose: z.string(),
  prompts: z.array(z.string()),
  tips: z.array(z.string()),
});

/** An agenda on the wire. */
export const agendaSchema: z.ZodType<Agenda, z.ZodTypeDef, unknown> = z.object({
  durationMinutes: z.number(),
  items: z.tuple([agendaItemSchema, agendaItemSchema, agendaItemSchema]),
});

/** The caller's own notes, as the API answers them. */
export type NotesView = Omit<Notes, 'tenantId' | 'authorId'>;

/** The caller's own notes on the wire (the body's own limits are checked when written, not read). */
export const notesViewSchema: z.ZodType<NotesView, z.ZodTypeDef, unknown> = z.object({
  introId: introIdSchema,
  version: z.number().int().nonnegative(),
  updatedAt: z.string(),
  text: noteTextSchema,
  goals: z.array(goalSchema),
  issues: z.array(issueSchema),
  feedback: z.array(feedbackSchema),
  followUps: z.array(followUpSchema),
});
