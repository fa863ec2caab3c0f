import { z } from 'zod';
import { InvalidCursorError } from '../app/ports';
import { epochMs } from './instant';

/** The position after which the next page starts: the ordering key of the last item. */
export interface CursorKey {
  readonly sortAt: number;
  readonly id: string;
}

const cursorSchema = z.tuple([z.number().int(), z.string().min(1)]);

/** Encodes a page position as an opaque base64url string. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.sortAt, key.id]), 'utf8').toString('base64url');
}

/** Decodes a cursor made by `encodeCursor`; throws an InvalidCursorError for anything else. */
export function decodeCursor(cursor: string): CursorKey {
  try {
    const [sortAt, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { sortAt, id };
  } catch {
    throw new InvalidCursorError();
  }
}

/** The ordering key of an intro: its scheduled start if any, else its creation time, in epoch ms. */
export function introSortAt(intro: { readonly scheduledStart?: string; readonly createdAt: string }): number {
  return epochMs(intro.scheduledStart ?? intro.createdAt, "An intro's scheduled start or creation time");
}
