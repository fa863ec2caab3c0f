import type { Request, Response } from 'restify';
import { PATH_PARAMS, type PathParam } from '../contract';
import { sendFailure } from './errors';

/** Parses the named path parameters in order, or answers 400 with the first one's failure and returns undefined. */
export function parseParams(
  req: Request,
  res: Response,
  names: readonly PathParam[],
): Record<string, unknown> | undefined {
  const values: Record<string, unknown> = {};
  for (const name of names) {
    const parsed = PATH_PARAMS[name].schema.safeParse(req.params[name]);
    if (!parsed.success) return void sendFailure(res, PATH_PARAMS[name].failure);
    values[name] = parsed.data;
  }
  return values;
}
