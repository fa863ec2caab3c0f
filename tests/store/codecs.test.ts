import { z } from 'zod';
import { NOT_STARTED, type Session } from '../../src/domain/session';
import { defineCodec, StoredRecordError, type Codec } from '../../src/store/codecs/defineCodec';
import {
  botItemCodec,
  conversationCodec,
  introCodec,
  jobPayloadCodec,
  sessionCodec,
  teamCodec,
  teamPlanCodec,
} from '../../src/store/codecs/records';
import { randomBytes } from 'node:crypto';
import { emptyNotesBody } from '../../src/domain/notes';
import { decodeNotesDoc, openNotesBody, sealNotesDoc } from '../../src/store/notesCodec';
import { makeIntro, newIntroId, newTenant, newUser } from './fixtures';

const intro = makeIntro({ tenantId: newTenant(), scheduledStart: '2026-12-01T09:00:00.000Z' });
const running: Session = { status: 'running', phase: 1, startedAt: 1000, spentMs: [5, 0, 0], segmentStartedAt: 900 };
const team = { teamId: '19:t@thread.tacv2', name: 'Team', serviceUrl: 'https://smba.example/', installedAt: 'x' };
const plan = {
  tenantId: intro.tenantId,
  teamId: team.teamId,
  teamName: team.name,
  leader: intro.leader,
  round: 0,
  timeZone: 'UTC',
  items: [{ member: intro.member!, state: 'proposed' as const, durationMinutes: 45 }],
  createdAt: '2026-11-30T00:00:00.000Z',
};

// Each production codec, a value of it, and the document the release of 2026-11-30 (all at version 1) wrote for it.
const cases: readonly { codec: Codec<unknown>; value: unknown; v1: string }[] = [
  { codec: introCodec, value: intro, v1: JSON.stringify({ v: 1, intro }) },
  { codec: sessionCodec, value: running, v1: JSON.stringify({ v: 1, session: running }) },
  { codec: sessionCodec, value: NOT_STARTED, v1: '{"v":1,"session":{"status":"notStarted"}}' },
  { codec: conversationCodec, value: { channelId: 'msteams' }, v1: '{"v":1,"reference":{"channelId":"msteams"}}' },
  {
    codec: jobPayloadCodec,
    value: { introId: 'i', attempts: 2 },
    v1: '{"v":1,"payload":{"introId":"i","attempts":2}}',
  },
  { codec: botItemCodec, value: { count: 3 }, v1: '{"v":1,"item":{"count":3}}' },
  { codec: teamCodec, value: team, v1: JSON.stringify({ v: 1, team }) },
  { codec: teamPlanCodec, value: plan, v1: JSON.stringify({ v: 1, plan }) },
];

describe.each(cases.map((c) => [c.codec.kind, c] as const))('the %s codec', (kind, { codec, value, v1 }) => {
  it('reads back what it writes', () => {
    expect(codec.decode(codec.encode(value))).toEqual(value);
  });

  it('writes its current version first, so every older reader sees it', () => {
    expect(codec.encode(value).startsWith(`{"v":${codec.version},`)).toBe(true);
  });

  it('reads version 1 as the 2026-11-30 release wrote it', () => {
    expect(codec.decode(v1)).toEqual(value);
  });

  it('refuses a version from a newer release, naming the record kind and the version', () => {
    const future = codec.encode(value).replace(/^\{"v":\d+/, `{"v":${codec.version + 1}`);
    expect(() => codec.decode(future)).toThrow(StoredRecordError);
    expect(() => codec.decode(future)).toThrow(`Stored ${kind} record cannot be read: version ${codec.version + 1}`);
  });

  it.each([
    ['not JSON', '{"v":1,', /not JSON/],
    ['no version', '{"intro":{}}', /no version/],
    ['a text version', '{"v":"1"}', /no version/],
    ['version 0', '{"v":0}', /version 0 is not one this release reads/],
    ['a wrong shape', '{"v":1}', /v1 does not match its schema/],
  ])('refuses %s with a clear error', (_what, json, message) => {
    expect(() => codec.decode(json)).toThrow(new RegExp(`^Stored ${kind} record cannot be read: `));
    expect(() => codec.decode(json)).toThrow(message);
  });
});

describe('a codec with migrations (test-only record kind)', () => {
  // v1 held one full name; v2 split it; v3 added a locale, defaulting to 'en'.
  const person = defineCodec({
    kind: 'test person',
    field: 'person',
    schema: z.object({ given: z.string(), family: z.string(), locale: z.string() }),
    migrations: [
      (doc) => {
        const { name } = z.object({ name: z.string() }).parse(doc.person);
        const [given = '', ...rest] = name.split(' ');
        return { person: { given, family: rest.join(' ') } };
      },
      (doc) => ({ person: { ...(doc.person as object), locale: 'en' } }),
    ],
  });

  it('is at version 3 and writes version 3', () => {
    expect(person.version).toBe(3);
    expect(JSON.parse(person.encode({ given: 'Ada', family: 'Lovelace', locale: 'fr' }))).toEqual({
      v: 3,
      person: { given: 'Ada', family: 'Lovelace', locale: 'fr' },
    });
  });

  it.each([
    ['v1', '{"v":1,"person":{"name":"Ada King Lovelace"}}', { given: 'Ada', family: 'King Lovelace', locale: 'en' }],
    ['v2', '{"v":2,"person":{"given":"Ada","family":"Lovelace"}}', { given: 'Ada', family: 'Lovelace', locale: 'en' }],
    ['v3', '{"v":3,"person":{"given":"Ada","family":"L","locale":"fr"}}', { given: 'Ada', family: 'L', locale: 'fr' }],
  ])('migrates a %s document step by step to the current shape', (_v, json, expected) => {
    expect(person.decode(json)).toEqual(expected);
  });

  it('refuses version 4 and names it', () => {
    expect(() => person.decode('{"v":4,"person":{}}')).toThrow(
      'Stored test person record cannot be read: version 4 is not one this release reads (1 to 3)',
    );
  });

  it('reports an old document its migration cannot read', () => {
    expect(() => person.decode('{"v":1,"person":{}}')).toThrow(/test person record .*v1 does not migrate to v2/);
  });

  it('reports an old document that does not migrate to the current schema', () => {
    expect(() => person.decode('{"v":2,"person":{"given":"Ada"}}')).toThrow(/test person record .*v3 does not match/);
  });
});

describe('the notes codec', () => {
  const body = { text: { prep: 'p', goals: '', pullFeedback: '', pushFeedback: '' }, goals: [], issues: [] };
  const plainV1 = JSON.stringify({ v: 1, body: { ...body, feedback: [], followUps: [] }, updatedAt: 'when' });

  it('reads plain version 1 notes as written before encryption at rest', () => {
    expect(decodeNotesDoc(plainV1)).toMatchObject({ kind: 'plain', updatedAt: 'when', body: { text: { prep: 'p' } } });
  });

  it('reads sealed version 2 notes', () => {
    const doc = decodeNotesDoc('{"v":2,"alg":"A256GCM","updatedAt":"when","sealed":"AAEC"}');
    expect(doc).toEqual({ kind: 'sealed', sealed: Buffer.from([0, 1, 2]), updatedAt: 'when' });
  });

  it.each(['2026-11-30T05:00:00.000Z', 'a "quoted" \\ time\u2028', 'lone \ud800 surrogate'])(
    'writes sealed notes as exactly the JSON of { v, alg, updatedAt, sealed }, and they open again (%j)',
    (updatedAt) => {
      const key = { tenantId: newTenant(), introId: newIntroId(), authorId: newUser() };
      const dataKey = randomBytes(32);
      const written = { ...emptyNotesBody(), text: { ...emptyNotesBody().text, goals: 'a "quoted" \\ line\n' } };
      const doc = sealNotesDoc(dataKey, key, written, updatedAt);
      const parsed = JSON.parse(doc) as { sealed: string };
      expect(doc).toBe(JSON.stringify({ v: 2, alg: 'A256GCM', updatedAt, sealed: parsed.sealed }));
      const decoded = decodeNotesDoc(doc);
      if (decoded.kind !== 'sealed') throw new Error('expected sealed notes');
      expect(openNotesBody(dataKey, key, decoded.sealed)).toEqual(written);
    },
  );

  it('seals only the body, whatever else the object it is given carries', () => {
    const key = { tenantId: newTenant(), introId: newIntroId(), authorId: newUser() };
    const dataKey = randomBytes(32);
    const notes = { ...emptyNotesBody(), ...key, version: 3, updatedAt: 'then' };
    const decoded = decodeNotesDoc(sealNotesDoc(dataKey, key, notes, 'now'));
    if (decoded.kind !== 'sealed') throw new Error('expected sealed notes');
    expect(openNotesBody(dataKey, key, decoded.sealed)).toEqual(emptyNotesBody());
  });

  it('never seals two documents with the same IV', () => {
    const key = { tenantId: newTenant(), introId: newIntroId(), authorId: newUser() };
    const ivs = new Set(
      Array.from({ length: 600 }, () => {
        const decoded = decodeNotesDoc(sealNotesDoc(randomBytes(32), key, emptyNotesBody(), 'when'));
        return decoded.kind === 'sealed' ? decoded.sealed.subarray(0, 12).toString('hex') : '';
      }),
    );
    expect(ivs.size).toBe(600);
  });

  it.each([
    ['version 3', '{"v":3,"sealed":""}', 'Stored notes record cannot be read: version 3 is not one this release reads'],
    ['garbage', 'nope', 'Stored notes record cannot be read: it is not JSON'],
  ])('refuses %s, naming notes and the version', (_what, json, message) => {
    expect(() => decodeNotesDoc(json)).toThrow(message);
  });
});
