import { z } from 'zod';
import { introIdSchema, meetingKeySchema, tenantIdSchema, userIdSchema } from './ids.schema';
import { SETTINGS, type Intro } from './intro';
import { SHAREABLE_PARTS } from './recap';

/** Schema for a setting. */
export const settingSchema = z.enum(SETTINGS);

/** Schema for a participant: who they are and their name. */
export const personSchema = z.object({ id: userIdSchema, name: z.string() });

/** Schema for an intro: checks a stored row as it is read back, and an intro inside an API answer. */
export const introSchema: z.ZodType<Intro, z.ZodTypeDef, unknown> = z.object({
  id: introIdSchema,
  tenantId: tenantIdSchema,
  leader: personSchema,
  member: personSchema.optional(),
  scheduledStart: z.string().optional(),
  durationMinutes: z.number().int(),
  setting: settingSchema,
  meeting: z
    .object({ meetingId: meetingKeySchema.optional(), joinUrl: z.string().optional(), chatId: z.string().optional() })
    .optional(),
  status: z.enum(['scheduled', 'ready', 'inProgress', 'done', 'cancelled']),
  createdAt: z.string(),
  roleSwitch: z.object({ requestedBy: userIdSchema, requestedAt: z.string() }).optional(),
  roleChanges: z.number().int().nonnegative().optional(),
  sharedWithMember: z.object({ at: z.string(), parts: z.array(z.enum(SHAREABLE_PARTS)).min(1) }).optional(),
});
