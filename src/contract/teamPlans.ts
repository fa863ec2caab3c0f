import { z } from 'zod';
import { personSchema } from './wire';

/** One planned team and how far the caller is in meeting everyone. */
const teamPlanProgressSchema = z
  .object({
    teamId: z.string(),
    teamName: z.string(),
    met: z.number(),
    scheduled: z.number(),
    notScheduled: z.number(),
    /** The next intro planned in that team: with whom, and when (ISO 8601). */
    next: z.object({ member: personSchema, start: z.string() }).readonly().optional(),
  })
  .readonly();

/** GET /teams/plans: the caller's planned teams and their progress. */
export const teamPlansSchema = z.object({ teams: z.array(teamPlanProgressSchema).readonly() }).readonly();
/** The caller's planned teams and their progress. */
export type TeamPlans = z.infer<typeof teamPlansSchema>;
