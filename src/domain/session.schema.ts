import { z } from 'zod';
import type { Session } from './session';

const phaseIndexSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);
const timesSchema = z.tuple([z.number().nonnegative(), z.number().nonnegative(), z.number().nonnegative()]);
const planSchema = z.tuple([
  z.number().int().nonnegative(),
  z.number().int().nonnegative(),
  z.number().int().nonnegative(),
]);
const plan = { plan: planSchema.optional() };
const base = { phase: phaseIndexSchema, startedAt: z.number(), spentMs: timesSchema, ...plan };

/** Schema for a stored or transmitted session. */
export const sessionSchema: z.ZodType<Session> = z.discriminatedUnion('status', [
  z.object({ status: z.literal('notStarted'), ...plan }),
  z.object({ status: z.literal('running'), ...base, segmentStartedAt: z.number() }),
  z.object({ status: z.literal('paused'), ...base, pausedAt: z.number() }),
  z.object({ status: z.literal('ended'), ...base, endedAt: z.number() }),
]);
