import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signs and checks short strings with the app's HMAC key (invite links, schedule cards). */
export interface Signer {
  sign(value: string): string;
  verify(value: string, signature: string): boolean;
}

/** An HMAC-SHA256 signer; signatures are base64url. */
export function createSigner(key: Buffer): Signer {
  const sign = (value: string) => createHmac('sha256', key).update(value).digest('base64url');
  return {
    sign,
    verify: (value, signature) => {
      const expected = Buffer.from(sign(value));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}

/** The path of an intro's invite, signed so only someone given the link can fetch it. */
export function invitePath(signer: Signer, tenantId: string, introId: string): string {
  const sig = signer.sign(`invite|${tenantId}|${introId}`);
  return `/invites/${introId}.ics?tenant=${encodeURIComponent(tenantId)}&sig=${sig}`;
}

/** True when `sig` is the invite signature for this tenant and intro. */
export function verifyInvite(signer: Signer, tenantId: string, introId: string, sig: string): boolean {
  return signer.verify(`invite|${tenantId}|${introId}`, sig);
}
