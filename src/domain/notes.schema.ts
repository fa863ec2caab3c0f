import { z } from 'zod';
import { FEEDBACK_KINDS, HORIZONS, MAX_ITEM_CHARS, MAX_ITEMS, MAX_TEXT_CHARS, type NotesBody } from './notes';

const itemId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1–40 letters, digits, - or _');
const itemText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_ITEM_CHARS, `must be at most ${MAX_ITEM_CHARS} characters`);
const text = z.string().max(MAX_TEXT_CHARS, `must be at most ${MAX_TEXT_CHARS.toLocaleString('en')} characters`);

/** Free text per phase, plus what one prepares before the call. */
export const noteTextSchema = z.object({ prep: text, goals: text, pullFeedback: text, pushFeedback: text }).strict();

/** A goal the person named. */
export const goalSchema = z.object({ id: itemId, text: itemText, horizon: z.enum(HORIZONS) }).strict();
/** An issue the person raised, and whether the leader paraphrased it back and had it confirmed. */
export const issueSchema = z.object({ id: itemId, text: itemText, paraphrased: z.boolean() }).strict();
/** Feedback the leader gave, optionally tied to one of the person's goals. */
export const feedbackSchema = z
  .object({ id: itemId, text: itemText, kind: z.enum(FEEDBACK_KINDS), goalId: itemId.optional() })
  .strict();
/** Something to do after the conversation. */
export const followUpSchema = z
  .object({
    id: itemId,
    text: itemText,
    owner: z.enum(['leader', 'member']),
    due: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
      .optional(),
    done: z.boolean(),
  })
  .strict();

/** What an author writes: the body of a notes document, as the API accepts it. */
export const notesBodySchema: z.ZodType<NotesBody, z.ZodTypeDef, unknown> = z
  .object({
    text: noteTextSchema,
    goals: z.array(goalSchema),
    issues: z.array(issueSchema),
    feedback: z.array(feedbackSchema),
    followUps: z.array(followUpSchema),
  })
  .strict()
  .superRefine((body, ctx) => {
    const count = body.goals.length + body.issues.length + body.feedback.length + body.followUps.length;
    if (count > MAX_ITEMS) {
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: `must hold at most ${MAX_ITEMS} items in all (has ${count})`,
      });
    }
  });
