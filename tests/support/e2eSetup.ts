import type { Browser } from 'playwright-core';
import { PERSONAS } from '../../tab/host/personas';
import { launchBrowser } from './browser';
import { startTestApp, type TestApp, type TestUser } from './testApp';

/** The host simulator's leader (Avery Leader) as a token identity for API calls. */
export const HOST_LEADER: TestUser = { oid: PERSONAS.leader.oid, tid: PERSONAS.leader.tid, name: PERSONAS.leader.name };
/** The host simulator's member (Sam Member) as a token identity for API calls. */
export const HOST_MEMBER: TestUser = { oid: PERSONAS.member.oid, tid: PERSONAS.member.tid, name: PERSONAS.member.name };

/** The app and Chromium, started once for a test file; read them inside tests. */
export interface BrowserTestEnv {
  readonly app: TestApp;
  readonly browser: Browser;
}

/** Starts the whole app and Chromium before the file's tests and stops both after. Runs against the built tab. */
export function useAppAndBrowser(): BrowserTestEnv {
  const env = {} as { app: TestApp; browser: Browser };
  beforeAll(async () => {
    [env.app, env.browser] = await Promise.all([startTestApp(), launchBrowser()]);
  }, 60_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.app?.stop();
  });
  return env;
}

/** Sets up an intro in a meeting as the host's leader, has the host's member join, and returns its id. */
export async function introInMeeting(app: TestApp, meetingId: string): Promise<string> {
  const started = await app.api(HOST_LEADER, `/api/v1/meetings/${meetingId}/intro`, { body: {} });
  if (started.status >= 300) throw new Error(`Setting up the intro answered ${started.status}`);
  const joined = await app.api(HOST_MEMBER, `/api/v1/meetings/${meetingId}/intro`, { body: {} });
  if (joined.status >= 300) throw new Error(`Joining the intro answered ${joined.status}`);
  return ((await started.json()) as { intro: { id: string } }).intro.id;
}
