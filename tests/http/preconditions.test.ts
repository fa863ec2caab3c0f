import { emptyNotesBody } from '../../src/domain/notes';
import { LEADER, MEMBER, startTestApp, type TestApp } from '../support/testApp';

let t: TestApp;
const json = (response: Response): Promise<any> => response.json() as Promise<any>;
let meetingSeq = 0;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
});

/** A fresh intro led by LEADER and joined by MEMBER; the session and the notes are both at version 0. */
async function setUpIntro(): Promise<string> {
  const meeting = `meeting-pre-${++meetingSeq}-${Date.now()}`;
  const created = await t.api(LEADER, `/api/v1/meetings/${meeting}/intro`, { body: {} });
  expect((await t.api(MEMBER, `/api/v1/meetings/${meeting}/intro`, { body: {} })).status).toBe(200);
  return (await json(created)).intro.id as string;
}

/** Entity-tags the server never writes: each must be refused, never read as "no condition". */
const GARBLED: readonly (readonly [string, string])[] = [
  ['a bare word', 'abc'],
  ['the wildcard', '*'],
  ['a weak tag of another form', 'W/"x"'],
  ['a list', '"0", "1"'],
  ['a bare number', '0'],
  ['an unclosed quote', '"0'],
  ['a quoted word', '"abc"'],
  ['a negative number', '"-1"'],
  ['a leading zero', '"00"'],
  ['a number beyond 2^53', '"99999999999999999"'],
  ['a lowercase weak prefix', 'w/"0"'],
  ['an empty value', ''],
];

describe('If-Match on a session action', () => {
  it.each(GARBLED)('refuses %s with 400 naming If-Match, and applies nothing', async (_label, value) => {
    const introId = await setUpIntro();
    const route = `/api/v1/intros/${introId}/session`;
    const refused = await t.api(LEADER, route, { body: { action: 'start' }, headers: { 'if-match': value } });
    expect(refused.status).toBe(400);
    expect((await json(refused)).error).toMatchObject({ code: 'invalidPrecondition', field: 'If-Match' });
    expect(await json(await t.api(LEADER, route))).toMatchObject({ session: { status: 'notStarted' }, version: 0 });
  });

  it.each([
    ['a strong tag', '"0"'],
    ['a weak tag (as a proxy may send it back)', 'W/"0"'],
  ])('applies the action for %s of the current version', async (_label, value) => {
    const introId = await setUpIntro();
    const route = `/api/v1/intros/${introId}/session`;
    const applied = await t.api(LEADER, route, { body: { action: 'start' }, headers: { 'if-match': value } });
    expect(applied.status).toBe(200);
    expect(await json(applied)).toMatchObject({ session: { status: 'running' }, version: 1 });
  });
});

describe('If-Match on saving notes', () => {
  const notes = { ...emptyNotesBody(), text: { ...emptyNotesBody().text, goals: 'must not land' } };

  it.each(GARBLED)('refuses %s with 400 naming If-Match, and saves nothing', async (_label, value) => {
    const introId = await setUpIntro();
    const route = `/api/v1/intros/${introId}/notes`;
    const refused = await t.api(LEADER, route, { method: 'PUT', body: notes, headers: { 'if-match': value } });
    expect(refused.status).toBe(400);
    expect((await json(refused)).error).toMatchObject({ code: 'invalidPrecondition', field: 'If-Match' });
    expect(await json(await t.api(LEADER, route))).toMatchObject({ version: 0, text: { goals: '' } });
  });

  it('still asks for If-Match (428) when there is none', async () => {
    const introId = await setUpIntro();
    const refused = await t.api(LEADER, `/api/v1/intros/${introId}/notes`, { method: 'PUT', body: notes });
    expect(refused.status).toBe(428);
  });
});

describe('If-None-Match on polling the session', () => {
  it.each(GARBLED)('refuses %s with 400 naming If-None-Match', async (_label, value) => {
    const introId = await setUpIntro();
    const refused = await t.api(MEMBER, `/api/v1/intros/${introId}/session`, { headers: { 'if-none-match': value } });
    expect(refused.status).toBe(400);
    expect((await json(refused)).error).toMatchObject({ code: 'invalidPrecondition', field: 'If-None-Match' });
  });

  it.each([
    ['the current tag', '"0"', 304],
    ['the current tag, weakened', 'W/"0"', 304],
    ['another tag', '"7"', 200],
  ])('answers %s (%s) with %d', async (_label, value, status) => {
    const introId = await setUpIntro();
    const answer = await t.api(MEMBER, `/api/v1/intros/${introId}/session`, { headers: { 'if-none-match': value } });
    expect(answer.status).toBe(status);
  });
});
