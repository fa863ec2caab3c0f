import { installActivity, messageActivity, postActivity } from '../support/activities';
import { startConnectorStub, type ConnectorStub } from '../support/connectorStub';
import { startTestApp, type TestApp } from '../support/testApp';
import { validateCard } from '../support/adaptiveCards';

/** The whole app, as started by `npm start`, answering Bot Framework activities over real HTTP. */
describe('bot endpoint of the running app', () => {
  let app: TestApp;
  let connector: ConnectorStub;
  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startConnectorStub()]);
  });
  afterAll(async () => {
    await Promise.all([app.stop(), connector.stop()]);
  });
  beforeEach(() => connector.clear());

  const cardsIn = (body: unknown) =>
    ((body as { attachments?: { contentType: string; content: Record<string, unknown> }[] }).attachments ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((a) => a.content);

  it('replies to "help" at the activity serviceUrl with a valid card', async () => {
    const response = await postActivity(`${app.baseUrl}/api/messages`, messageActivity(connector.serviceUrl, 'help'));
    expect(response.status).toBeLessThan(300);
    const reply = await connector.waitFor((a) => cardsIn(a.body).length > 0);
    const card = cardsIn(reply.body)[0]!;
    expect(JSON.stringify(card)).toMatch(/agenda/i);
    expect(validateCard(card)).toEqual([]);
  });

  it('welcomes on install, then answers agenda 30 with the 30-minute split', async () => {
    await postActivity(`${app.baseUrl}/api/messages`, installActivity(connector.serviceUrl));
    const welcome = await connector.waitFor((a) => cardsIn(a.body).length > 0);
    expect(JSON.stringify(welcome.body)).toMatch(/goals/i);
    connector.clear();
    await postActivity(`${app.baseUrl}/api/messages`, messageActivity(connector.serviceUrl, 'agenda 30'));
    const agenda = await connector.waitFor((a) => cardsIn(a.body).length > 0);
    expect(JSON.stringify(agenda.body)).toMatch(/10 min/);
  });

  it('refuses a body that is not JSON without stopping', async () => {
    const response = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });
});
