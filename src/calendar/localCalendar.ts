import type { Calendar } from '../app/ports';
import { ok } from '../domain/result';
import { invitePath, type Signer } from './inviteLinks';

/** The default calendar: the intro is already stored; it answers with a signed link to its .ics invite. */
export function localCalendar(signer: Signer, publicUrl: () => string): Calendar {
  return {
    schedule: async (intro) => ok({ inviteUrl: `${publicUrl()}${invitePath(signer, intro.tenantId, intro.id)}` }),
  };
}
