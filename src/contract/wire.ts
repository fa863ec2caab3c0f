import { z } from 'zod';
import type { Agenda } from '../domain/agenda';
import { introIdSchema } from '../domain/ids.schema';
import type { Notes } from '../domain/notes';
import { feedbackSchema, followUpSchema, goalSchema, issueSchema, noteTextSchema } from '../domain/notes.schema';
import { PHASES } from '../domain/phases';

// How the domain's objects travel inside answers; each schema is typed with its domain type, so the two agree.

// A participant and an intro travel as the domain defines them (the same schemas check stored rows).
export { introSchema, personSchema } from '../domain/intro.schema';

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
