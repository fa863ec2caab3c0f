import { randomUUID } from 'node:crypto';
import { introInMeeting, useAppAndBrowser } from '../support/e2eSetup';
import { openInTeamsHost, type HostedTab } from '../support/teamsHost';

// Runs against the built tab: `npm run build:tab` first (npm test does).
const WAIT = { timeout: 15_000 };

const env = useAppAndBrowser();

const role = (tab: HostedTab, text: 'You lead' | 'You take part') => tab.frame.getByText(text, { exact: true });
const controls = (tab: HostedTab) => tab.frame.getByRole('toolbar', { name: 'Timer controls' });

describe('meeting side panel: handing over the lead', () => {
  test('the leader asks, the member accepts, and both panels swap roles within a poll', async () => {
    const meetingId = `e2e-roles-${randomUUID()}`;
    await introInMeeting(env.app, meetingId);
    const [leader, member] = await Promise.all([
      openInTeamsHost(env.browser, env.app.baseUrl, { user: 'leader', meetingId, width: 280 }),
      openInTeamsHost(env.browser, env.app.baseUrl, { user: 'member', meetingId, width: 280 }),
    ]);
    await role(leader, 'You lead').waitFor(WAIT);
    await role(member, 'You take part').waitFor(WAIT);
    expect(await member.frame.getByRole('button', { name: 'Hand over the lead' }).count()).toBe(0);

    await leader.frame.getByRole('button', { name: 'Hand over the lead' }).click(WAIT);
    await leader.frame.getByText('Waiting for Sam Member to accept…').waitFor(WAIT);
    await member.frame.getByText('Avery Leader asks you to lead.').waitFor(WAIT);
    // Asked is not accepted: the member's panel still says they take part, and has no timer controls.
    expect(await role(member, 'You lead').count()).toBe(0);
    expect(await controls(member).count()).toBe(0);

    await member.frame.getByRole('button', { name: 'Accept' }).click(WAIT);
    const accepted = Date.now();
    await role(member, 'You lead').waitFor(WAIT);
    await controls(member).waitFor(WAIT);
    await role(leader, 'You take part').waitFor({ timeout: 3000 });
    expect(Date.now() - accepted).toBeLessThanOrEqual(3000);
    expect(await controls(leader).count()).toBe(0);
    expect(await role(leader, 'You lead').count()).toBe(0);
    await leader.frame
      .getByText('With Sam Member')
      .waitFor({ state: 'detached', timeout: 3000 })
      .catch(() => undefined);

    // The new leader runs the clock, and the former leader's panel follows it.
    await member.frame.getByRole('button', { name: 'Start' }).click(WAIT);
    await leader.frame.getByTestId('phase-name').filter({ hasText: 'Goals' }).waitFor(WAIT);

    // A declined request changes nothing.
    await member.frame.getByRole('button', { name: 'Hand over the lead' }).click(WAIT);
    await leader.frame.getByText('Sam Member asks you to lead.').waitFor(WAIT);
    await leader.frame.getByRole('button', { name: 'Decline' }).click(WAIT);
    await member.frame.getByRole('button', { name: 'Hand over the lead' }).waitFor(WAIT);
    await leader.frame.getByText('Sam Member asks you to lead.').waitFor({ state: 'detached', ...WAIT });
    expect(await role(member, 'You lead').count()).toBe(1);
    expect(await role(leader, 'You take part').count()).toBe(1);

    await Promise.all([leader.page.close(), member.page.close()]);
  });
});
