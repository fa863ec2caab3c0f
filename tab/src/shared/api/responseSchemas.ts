import type { z } from 'zod';
import {
  carriedForwardSchema,
  historyListSchema,
  historySearchSchema,
  introListSchema,
  introViewSchema,
  meSchema,
  notesConflictSchema,
  notesViewSchema,
  sessionViewSchema,
  shareResultSchema,
} from '../../../../src/contract';
import type { ResponseKind, ResponseValidator } from './transport';

// The server's own answer schemas (src/contract): one contract, checked on both sides.
const SCHEMAS: Readonly<Record<ResponseKind, z.ZodTypeAny>> = {
  me: meSchema,
  introView: introViewSchema,
  introList: introListSchema,
  sessionView: sessionViewSchema,
  notesView: notesViewSchema,
  notesConflict: notesConflictSchema,
  carriedForward: carriedForwardSchema,
  historyList: historyListSchema,
  historySearch: historySearchSchema,
  shareResult: shareResultSchema,
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
