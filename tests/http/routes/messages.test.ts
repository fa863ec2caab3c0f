import { installActivity, messageActivity, postActivity } from '../../support/activities';
import { startConnectorStub, type ConnectorStub } from '../../support/connectorStub';
import { startTestApp, type TestApp } from '../../support/testApp';

/** POST /api/messages in local mode: what it refuses before any bot code runs, and invokes nobody handles. */
describe('POST /api/messages', () => {
  let app: TestApp;
  let connector: ConnectorStub;
  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startConnectorStub()]);
  });
  afterAll(async () => {
    await Promise.all([app.stop(), connector.stop()]);
  });

  const post = (body: unknown) => postActivity(`${app.baseUrl}/api/messages`, body as never);

  // A well-formed activity with one thing wrong (the generated table is tests/security/activityShapes.test.ts).
  const good = (): Record<string, unknown> => messageActivity('http://127.0.0.1:1/', 'help');
  const without = (field: string) => Object.fromEntries(Object.entries(good()).filter(([key]) => key !== field));
  it.each([
    ['no type', without('type'), 'type'],
    ['a non-string type', { ...good(), type: 7 }, 'type'],
    ['no serviceUrl', without('serviceUrl'), 'serviceUrl'],
    ['a non-string serviceUrl', { ...good(), serviceUrl: ['x'] }, 'serviceUrl'],
    ['no conversation', without('conversation'), 'conversation'],
    ['no from', without('from'), 'from'],
    ['a locale that is not text', { ...good(), locale: true }, 'locale'],
    ['a member added without an id', { ...good(), membersAdded: [{ name: 'x' }] }, 'membersAdded.0.id'],
    ['a serviceUrl off this machine', { ...good(), serviceUrl: 'https://evil.example.com/' }, 'serviceUrl'],
  ])('answers 400 naming the field for an activity with %s', async (_name, body, field) => {
    const started = Date.now();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalidActivity', field } });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses what a web page could send: a request with an Origin, or a body that is not JSON', async () => {
    const activity = JSON.stringify(messageActivity(connector.serviceUrl, 'help'));
    const fromPage = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example.com' },
      body: activity,
    });
    expect(fromPage.status).toBe(401);
    const asText = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: activity,
    });
    expect(asText.status).toBe(415);
  });

  it('links the welcome card to the port the app really listens on (started with PORT=0)', async () => {
    connector.clear();
    await post(installActivity(connector.serviceUrl));
    const welcome = await connector.waitFor((a) => JSON.stringify(a.body).includes('/tab/'));
    const links = JSON.stringify(welcome.body).match(/https?:\/\/[^"\\]+\/tab\/[^"\\]*/g) ?? [];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith(app.baseUrl)).toBe(true);
  });

  it('answers an invoke the bot does not handle with 200, not 501', async () => {
    const activity = { ...messageActivity(connector.serviceUrl, ''), type: 'invoke', name: 'application/search' };
    const response = await post(activity);
    expect(response.status).toBe(200);
  });
});
