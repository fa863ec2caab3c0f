import { z } from 'zod';

/** The paging query every list route takes: `?limit=1..100&cursor=`. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

/** A page of `item`s: `{ items, nextCursor? }`. */
export function pageSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item).readonly(), nextCursor: z.string().optional() }).readonly();
}
