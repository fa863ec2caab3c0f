import type { IntroId, TenantId, UserId } from '../../src/domain/ids';
import { parseIntroId, parseMeetingKey, parseUserId } from '../../src/domain/ids';
import { createIntro, roleOf, validateDuration } from '../../src/domain/intro';

const leader = { id: 'aaaaaaaa-0000-4000-8000-000000000001' as UserId, name: 'Lee' };
const member = { id: 'aaaaaaaa-0000-4000-8000-000000000002' as UserId, name: 'Mo' };
const base = {
  id: 'bbbbbbbb-0000-4000-8000-000000000001' as IntroId,
  tenantId: 'cccccccc-0000-4000-8000-000000000001' as TenantId,
  leader,
  member,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('validateDuration', () => {
  it.each([30, 31, 45, 59, 60])('accepts %i minutes', (minutes) => {
    expect(validateDuration(minutes)).toEqual({ ok: true, value: minutes });
  });

  it.each([
    [29, 'durationTooShort', /too short for someone to open up/],
    [0, 'durationTooShort', /too short/],
    [-45, 'durationTooShort', /too short/],
    [61, 'durationTooLong', /too long to keep the conversation focused/],
    [45.5, 'durationNotWhole', /whole number/],
    [Number.NaN, 'durationNotWhole', /whole number/],
  ])('refuses %p minutes with %s', (minutes, code, message) => {
    const result = validateDuration(minutes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
    expect(result.error.field).toBe('durationMinutes');
  });
});

describe('createIntro', () => {
  it('defaults to 45 minutes over a Teams call, scheduled', () => {
    const result = createIntro(base);
    expect(result.ok && result.value).toMatchObject({ durationMinutes: 45, setting: 'teamsCall', status: 'scheduled' });
  });

  it('refuses an intro with oneself', () => {
    const result = createIntro({ ...base, member: leader });
    expect(!result.ok && result.error.code).toBe('selfIntro');
  });

  it('refuses a duration outside the method', () => {
    const result = createIntro({ ...base, durationMinutes: 90 });
    expect(!result.ok && result.error.code).toBe('durationTooLong');
  });

  it('knows who leads and who attends', () => {
    const result = createIntro(base);
    if (!result.ok) throw new Error('expected an intro');
    expect(roleOf(result.value, leader.id)).toBe('leader');
    expect(roleOf(result.value, member.id)).toBe('member');
    expect(roleOf(result.value, 'aaaaaaaa-0000-4000-8000-000000000009' as UserId)).toBeUndefined();
  });
});

describe('id parsers', () => {
  it('accept GUIDs and lower-case them', () => {
    expect(parseUserId('AAAAAAAA-0000-4000-8000-000000000001')).toBe('aaaaaaaa-0000-4000-8000-000000000001');
    expect(parseIntroId('bbbbbbbb-0000-4000-8000-000000000001')).toBeDefined();
  });

  it.each([undefined, '', 'not-a-guid', '../etc/passwd', 42])('refuse %p', (value) => {
    expect(parseUserId(value)).toBeUndefined();
    expect(parseIntroId(value)).toBeUndefined();
  });

  it('accept Teams meeting ids but not paths', () => {
    expect(parseMeetingKey('MCMxOTptZWV0aW5nX05qRTBNelU9QHRocmVhZC52Mg==')).toBeDefined();
    expect(parseMeetingKey('a/../b c')).toBeUndefined();
    expect(parseMeetingKey('x'.repeat(513))).toBeUndefined();
  });
});
