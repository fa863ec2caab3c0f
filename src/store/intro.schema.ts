import { z } from 'zod';
import { introIdSchema, meetingKeySchema, tenantIdSchema, userIdSchema } from '../domain/ids.schema';
import type { Intro } from '../domain/intro';
import { settingSchema } from '../domain/intro.schema';

const personSchema = z.object({ id: userIdSchema, name: z.string() });

/** Schema for a stored intro, so a row read back is checked before the app sees it. */
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
});
