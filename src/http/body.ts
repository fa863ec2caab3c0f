import type { Request } from 'restify';
import type { z } from 'zod';
import { fail, ok, type Result } from '../domain/result';

/** Largest request body the API reads; notes at their caps fit well inside. */
const MAX_BODY_BYTES = 512 * 1024;

async function readText(req: Request, maxBytes: number): Promise<Result<string, 'tooLarge'>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return fail('tooLarge', `The request body is over ${Math.round(maxBytes / 1024)} KB.`);
    chunks.push(chunk);
  }
  return ok(Buffer.concat(chunks).toString('utf8'));
}

/** Reads a JSON body and parses it with a schema, naming the first field that is wrong. */
export async function readBody<S extends z.ZodTypeAny>(
  req: Request,
  schema: S,
  maxBytes = MAX_BODY_BYTES,
): Promise<Result<z.infer<S>, 'tooLarge' | 'invalidJson' | 'invalidBody' | 'unsupportedMediaType'>> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return fail('unsupportedMediaType', 'Send the body as application/json.');
  }
  const text = await readText(req, maxBytes);
  if (!text.ok) return text;
  let json: unknown;
  try {
    json = JSON.parse(text.value);
  } catch {
    return fail('invalidJson', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const tooLong = issue?.code === 'too_big';
  const message = issue ? `${field ?? 'body'}: ${issue.message}` : 'The request body is not valid.';
  return fail(tooLong ? 'tooLarge' : 'invalidBody', message, field);
}

/** Reads the raw JSON body of a Bot Framework activity. */
export async function readJson(
  req: Request,
  maxBytes = MAX_BODY_BYTES,
): Promise<Result<unknown, 'tooLarge' | 'invalidJson'>> {
  const text = await readText(req, maxBytes);
  if (!text.ok) return text;
  try {
    return ok(JSON.parse(text.value));
  } catch {
    return fail('invalidJson', 'The request body is not valid JSON.');
  }
}
