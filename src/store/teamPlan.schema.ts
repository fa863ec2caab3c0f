import { z } from 'zod';
import { introIdSchema, tenantIdSchema } from '../domain/ids.schema';
import { personSchema } from '../domain/intro.schema';
import type { TeamPlan } from '../domain/teamPlan';
import type { InstalledTeam } from '../app/ports';

/** Schema for a stored team plan. */
export const teamPlanSchema: z.ZodType<TeamPlan, z.ZodTypeDef, unknown> = z.object({
  tenantId: tenantIdSchema,
  teamId: z.string().min(1),
  teamName: z.string(),
  leader: personSchema,
  round: z.number().int().nonnegative(),
  timeZone: z.string(),
  items: z.array(
    z.object({
      member: personSchema,
      state: z.enum(['proposed', 'dropped', 'scheduled']),
      startMs: z.number().int().optional(),
      durationMinutes: z.number().int(),
      introId: introIdSchema.optional(),
    }),
  ),
  createdAt: z.string(),
});

/** Schema for a stored installed team. */
export const installedTeamSchema: z.ZodType<InstalledTeam, z.ZodTypeDef, unknown> = z.object({
  teamId: z.string().min(1),
  name: z.string(),
  serviceUrl: z.string(),
  installedAt: z.string(),
});
