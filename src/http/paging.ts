import type { Request, Response } from 'restify';
import type { z } from 'zod';
import { InvalidCursorError } from '../app/ports';
import { sendFailure } from './errors';

/** Parses a request's query string, or answers 400 invalidQuery naming the field and returns undefined. */
export function parseQuery<S extends z.ZodTypeAny>(req: Request, res: Response, schema: S): z.infer<S> | undefined {
  const raw = Object.fromEntries(new URL(req.url ?? '', 'http://x').searchParams);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  sendFailure(res, { code: 'invalidQuery', message: `${field ?? 'query'}: ${issue?.message ?? 'not valid'}`, field });
  return undefined;
}

/** Sends one page; a store refusing a cursor it did not make (InvalidCursorError) becomes 400 invalidCursor. */
export async function sendPage(res: Response, list: () => Promise<unknown>): Promise<void> {
  let page: unknown;
  try {
    page = await list();
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    return sendFailure(res, {
      code: 'invalidCursor',
      message: 'The cursor is not valid; start again without it.',
      field: 'cursor',
    });
  }
  res.send(200, page);
}
