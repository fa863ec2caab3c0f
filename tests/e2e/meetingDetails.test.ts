import { randomUUID } from 'node:crypto';
import { HOST_LEADER, HOST_MEMBER, introInMeeting, useAppAndBrowser } from '../support/e2eSetup';
import { openInTeamsHost } from '../support/teamsHost';

const WAIT = { timeout: 15_000 };
const env = useAppAndBrowser();

describe('meeting details tab, before the call', () => {
  test('shows the agenda with each phase’s questions; prep notes save and appear in the side panel', async () => {
    const meetingId = `details-${randomUUID()}`;
    const introId = await introInMeeting(env.app, meetingId);
    const details = await openInTeamsHost(env.browser, env.app.baseUrl, {
      frameContext: 'content',
      meetingId,
      width: 700,
    });
    const { frame } = details;
    await frame.getByRole('heading', { name: 'Meeting details' }).waitFor(WAIT);
    for (const heading of ['Set the scene', 'Goals: questions to pick from', 'Feedback: questions to pick from']) {
      await frame.getByText(heading).waitFor(WAIT);
    }

    await frame.getByRole('textbox', { name: 'Your prep notes' }).fill('Ask about the Rust course they mentioned');
    await frame.getByText('Saved', { exact: false }).first().waitFor(WAIT);
    const mine = (await (await env.app.api(HOST_LEADER, `/api/v1/intros/${introId}/notes`)).json()) as any;
    expect(mine.text.prep).toBe('Ask about the Rust course they mentioned');
    const theirs = (await (await env.app.api(HOST_MEMBER, `/api/v1/intros/${introId}/notes`)).json()) as any;
    expect(theirs.text.prep).toBe('');
    await details.page.context().close();

    const panel = await openInTeamsHost(env.browser, env.app.baseUrl, { meetingId, width: 280 });
    await panel.frame.getByRole('textbox', { name: 'Your prep' }).waitFor(WAIT);
    expect(await panel.frame.getByRole('textbox', { name: 'Your prep' }).inputValue()).toBe(
      'Ask about the Rust course they mentioned',
    );
    await panel.page.context().close();
  });

  test('the member sees their own side of each phase, not the leader’s questions or coaching', async () => {
    const meetingId = `details-${randomUUID()}`;
    await introInMeeting(env.app, meetingId);
    const { page, frame } = await openInTeamsHost(env.browser, env.app.baseUrl, {
      user: 'member',
      frameContext: 'content',
      meetingId,
      width: 700,
    });
    await frame.getByText('Goals: Share what you want, big or small, near or far.').waitFor(WAIT);
    await frame.getByText('What to bring').waitFor(WAIT);
    expect(await frame.getByText('questions to pick from', { exact: false }).count()).toBe(0);
    expect(await frame.getByText('Set the scene').count()).toBe(0);
    expect(await frame.getByRole('button', { name: 'Show coaching tips' }).count()).toBe(0);
    await page.context().close();
  });
});
