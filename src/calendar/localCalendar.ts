import type { Calendar, Signer } from '../app/ports';
import { ok } from '../domain/result';
import { INVITE_VALID_MS, invitePath } from './inviteLinks';

/** The default calendar: the intro is already stored; it answers with a signed link to its .ics invite. */
export function localCalendar(signer: Signer, publicUrl: () => string): Calendar {
  return {
    schedule: async (intro) => {
      const validUntil = Date.parse(intro.scheduledStart ?? intro.createdAt) + INVITE_VALID_MS;
      return ok({ inviteUrl: `${publicUrl()}${invitePath(signer, intro.tenantId, intro.id, validUntil)}` });
    },
  };
}
