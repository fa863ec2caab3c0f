import { randomUUID } from 'node:crypto';
import type { Frame } from 'playwright-core';
import { introInMeeting, useAppAndBrowser } from '../support/e2eSetup';

// Runs against the built tab: `npm run build:tab` first (npm test does).
const WAIT = { timeout: 15_000 };

const env = useAppAndBrowser();

describe('the local preview', () => {
  test('a third pane shows the stage once the leader shares; "Shared to the stage" clears at End', async () => {
    const meetingId = `e2e-${randomUUID()}`;
    await introInMeeting(env.app, meetingId);
    const context = await env.browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.app.baseUrl}/tab/preview.html?meetingId=${meetingId}`);
    const stagePane = page.getByRole('region', { name: 'Meeting stage' });
    await stagePane.getByText('Nothing is shared to the stage yet', { exact: false }).waitFor(WAIT);

    const leader = (await (await page.waitForSelector('iframe[title="Side panel of Avery Leader"]')).contentFrame())!;
    await leader.getByRole('button', { name: 'Start', exact: true }).click(WAIT);
    await leader.getByRole('button', { name: 'Share to stage' }).click(WAIT);
    await leader.getByText('Shared to the stage', { exact: false }).waitFor(WAIT);

    const stage = (await (await page.waitForSelector('iframe[title="Meeting stage"]', WAIT)).contentFrame()) as Frame;
    await stage.getByTestId('stage-phase').filter({ hasText: 'Goals' }).waitFor(WAIT);
    expect(await stage.getByRole('textbox').count()).toBe(0);

    await leader.getByRole('button', { name: 'End…', exact: true }).click();
    await leader.getByRole('button', { name: 'End now' }).click();
    await leader.getByRole('heading', { name: 'After the intro' }).waitFor(WAIT);
    expect(await leader.getByText('Shared to the stage', { exact: false }).count()).toBe(0);
    await context.close();
  }, 60_000);
});
