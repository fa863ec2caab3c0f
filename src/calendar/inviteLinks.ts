import type { Signer } from '../app/ports';

/** How long an invite link works: 30 days after the intro's start. */
export const INVITE_VALID_MS = 30 * 24 * 60 * 60_000;

/** The parts of an invite link the route checks. */
interface InviteLink {
  readonly tenantId: string;
  readonly introId: string;
  /** Epoch seconds until which the link works, as given in the link. */
  readonly exp: string;
  readonly sig: string;
}

const signed = (tenantId: string, introId: string, exp: string) => `invite|${tenantId}|${introId}|${exp}`;

/** The path of an intro's invite, signed with its expiry so only someone given the link can fetch it, for a while. */
export function invitePath(signer: Signer, tenantId: string, introId: string, validUntilMs: number): string {
  const exp = String(Math.floor(validUntilMs / 1000));
  const sig = signer.sign(signed(tenantId, introId, exp));
  return `/invites/${introId}.ics?tenant=${encodeURIComponent(tenantId)}&exp=${exp}&sig=${sig}`;
}

/** True when the link's signature covers its tenant, intro and expiry, and it has not expired at `nowMs`. */
export function verifyInvite(signer: Signer, link: InviteLink, nowMs: number): boolean {
  if (!/^\d{1,12}$/.test(link.exp) || Number(link.exp) * 1000 <= nowMs) return false;
  return signer.verify(signed(link.tenantId, link.introId, link.exp), link.sig);
}
