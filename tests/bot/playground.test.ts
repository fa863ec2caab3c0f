import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../support/testApp';

const BINARY = join(__dirname, '..', '..', 'node_modules', '.bin', 'agentsplayground');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitForConfig(base: string, timeoutMs: number): Promise<{ personalChat: { id: string } }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${base}/_internal/v1/config`);
      if (response.ok) return ((await response.json()) as { config: { personalChat: { id: string } } }).config;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('Agents Playground did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let app: TestApp;
let playground: ChildProcess | undefined;
let workDir: string;

beforeAll(async () => {
  app = await startTestApp();
  workDir = await mkdtemp(join(tmpdir(), 'playground-'));
});
afterAll(async () => {
  if (playground && playground.exitCode === null) {
    const exited = new Promise((resolve) => playground?.once('exit', resolve));
    playground.kill('SIGTERM');
    await exited;
  }
  await app.stop();
  await rm(workDir, { recursive: true, force: true });
});

type StreamEvent = { action?: string; message?: { attachments?: { content?: unknown }[]; text?: string } };

function waitForBotMessage(
  events: StreamEvent[],
  socket: WebSocket,
  match: (text: string) => boolean,
): Promise<StreamEvent> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      // A new message, or a card the bot turned into another (the schedule card into its confirmation).
      const found = events.find(
        (event) =>
          (event.action === 'createMessage' || event.action === 'updateMessage') &&
          match(JSON.stringify(event.message)),
      );
      if (found) {
        clearTimeout(timer);
        socket.off('message', check);
        resolve(found);
      }
      return found !== undefined;
    };
    const timer = setTimeout(() => {
      socket.off('message', check);
      reject(new Error(`no matching bot message; saw ${JSON.stringify(events)}`));
    }, 5000);
    socket.on('message', check);
    check();
  });
}

async function say(base: string, chatId: string, text: string): Promise<void> {
  const response = await fetch(`${base}/_conversation/v1/conversations/${chatId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: { id: 'user-id-0' }, text, textFormat: 'plain' }),
  });
  expect(response.status).toBe(200);
}

it('welcomes, schedules and confirms through the Agents Playground (plain-text person, non-GUID ids)', async () => {
  const port = await freePort();
  playground = spawn(
    BINARY,
    ['-e', `${app.baseUrl}/api/messages`, '-c', 'msteams', '--disable-telemetry', '-p', String(port)],
    {
      cwd: workDir,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: 'ignore',
    },
  );
  const base = `http://127.0.0.1:${port}`;
  const config = await waitForConfig(base, 15000);
  const chatId = config.personalChat.id;
  const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  const events: StreamEvent[] = [];
  // Registered before 'open' so it runs before waitForBotMessage's listener for every frame.
  socket.on('message', (data: WebSocket.RawData) => events.push(JSON.parse(data.toString()) as StreamEvent));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  try {
    await say(base, chatId, 'help');
    const help = await waitForBotMessage(events, socket, (text) => text.includes('What I can do'));
    expect(JSON.stringify(help.message?.attachments)).toContain('application/vnd.microsoft.card.adaptive');

    // The help card's buttons work here too: the Playground submits a button's data as the activity's value.
    const helpCard = help.message?.attachments?.[0]?.content as { actions: { title: string; data: unknown }[] };
    const agendaButton = helpCard.actions.find((action) => action.title === 'Agenda');
    const pressed = await fetch(`${base}/_conversation/v1/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        conversation: { id: chatId },
        from: { id: 'user-id-0' },
        replyToId: String((help.message as { messageId?: unknown } | undefined)?.messageId ?? ''),
        value: agendaButton?.data,
      }),
    });
    expect([pressed.status, await pressed.text()]).toEqual([200, '']);
    await waitForBotMessage(events, socket, (text) => text.includes('1. Goals — 15 min'));

    await say(base, chatId, 'schedule');
    const scheduleEvent = await waitForBotMessage(events, socket, (text) => text.includes('Schedule an intro 1:1'));
    const card = scheduleEvent.message?.attachments?.[0]?.content as { actions: { data: Record<string, unknown> }[] };
    const data = card.actions[0]!.data;
    const submitted = await fetch(`${base}/_conversation/v1/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        conversation: { id: chatId },
        from: { id: 'user-id-0' },
        replyToId: String((scheduleEvent.message as { messageId?: unknown } | undefined)?.messageId ?? ''),
        value: {
          ...data,
          personText: 'Megan Bowen',
          date: '2030-01-15',
          time: '10:00',
          duration: '45',
          setting: 'lunch',
        },
      }),
    });
    expect(submitted.status).toBe(200);
    const confirmation = await waitForBotMessage(events, socket, (text) => text.includes('Intro 1:1 scheduled'));
    const json = JSON.stringify(confirmation.message?.attachments);
    expect(json).toContain('Megan Bowen');
    expect(json).toContain('.ics?tenant=');
  } finally {
    // terminate, not close: a close handshake left pending when the Playground is killed keeps jest alive.
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.terminate();
    await closed;
  }
});
