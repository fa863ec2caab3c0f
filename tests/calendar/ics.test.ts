import { escapeText, foldLine, introInvite } from '../../src/calendar/ics';
import { invitePath, verifyInvite } from '../../src/calendar/inviteLinks';
import { createSigner } from '../../src/crypto/signer';
import type { Intro } from '../../src/domain/intro';

const intro = {
  id: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  leader: { id: '5b0f1b6e-3c1d-4b8e-9f2a-0c4d5e6f7a8b', name: 'Ada, "the" Lovelace' },
  member: { id: '9c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', name: 'Sam; Rivera' },
  scheduledStart: '2025-06-03T12:30:00.000Z',
  durationMinutes: 45,
  setting: 'coffee',
  status: 'scheduled',
  createdAt: '2025-06-01T00:00:00.000Z',
} as unknown as Intro;

describe('.ics invites', () => {
  const ics = introInvite(intro, 'intro.example.com', Date.parse('2025-06-02T08:00:00Z'));

  it('is RFC 5545 with CRLF line ends, UTC times and a stable UID', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics).toContain('\r\nUID:0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9@intro.example.com\r\n');
    expect(ics).toContain('\r\nDTSTAMP:20250602T080000Z\r\n');
    expect(ics).toContain('\r\nDTSTART:20250603T123000Z\r\nDTEND:20250603T131500Z\r\n');
  });

  it('escapes text and names', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    expect(ics).toContain('SUMMARY:Intro 1:1: Ada\\, "the" Lovelace and Sam\\; Rivera');
    expect(ics).toContain('ORGANIZER;CN="Ada, the Lovelace":urn:uuid:5b0f1b6e');
  });

  it('folds long lines at 75 octets without splitting characters', () => {
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(80)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(`DESCRIPTION:${'é'.repeat(80)}`);
  });

  it('keeps a name with line breaks or control characters on its own line', () => {
    const evil = { ...intro, member: { ...intro.member!, name: 'Sam\rATTENDEE:evil\r\nX:1\nY\u0000\u001b' } } as Intro;
    const text = introInvite(evil, 'intro.example.com', 0);
    const lines = text.split('\r\n');
    // eslint-disable-next-line no-control-regex -- the point is that no control character survives
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n\u0000\u001b]/);
    expect(lines.filter((line) => line.startsWith('ATTENDEE'))).toHaveLength(1);
    expect(lines.some((line) => /^(ATTENDEE:evil|X:1|Y)/.test(line))).toBe(false);
    expect(escapeText('a\rb\r\nc\nd\u0007e\tf')).toBe('a\\nb\\nc\\nd' + 'e\tf');
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  describe('invite links', () => {
    const signer = createSigner(Buffer.alloc(32, 7));
    const validUntil = Date.parse('2025-07-03T12:30:00Z');
    const link = new URL(invitePath(signer, intro.tenantId, intro.id, validUntil), 'http://x');
    const parts = {
      tenantId: intro.tenantId,
      introId: intro.id,
      exp: link.searchParams.get('exp')!,
      sig: link.searchParams.get('sig')!,
    };

    it('are signed so only the holder of the link can fetch the invite', () => {
      expect(verifyInvite(signer, parts, validUntil - 1000)).toBe(true);
      expect(verifyInvite(signer, { ...parts, introId: intro.member!.id }, validUntil - 1000)).toBe(false);
      expect(verifyInvite(createSigner(Buffer.alloc(32, 8)), parts, validUntil - 1000)).toBe(false);
    });

    it('expire, and their expiry cannot be pushed back', () => {
      expect(verifyInvite(signer, parts, validUntil)).toBe(false);
      const later = String(Number(parts.exp) + 86_400);
      expect(verifyInvite(signer, { ...parts, exp: later }, validUntil)).toBe(false);
      expect(verifyInvite(signer, { ...parts, exp: '' }, 0)).toBe(false);
    });
  });
});
