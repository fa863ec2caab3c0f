import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

/**
 * Drives the Microsoft 365 Agents Playground (the real npm package, headless) through the HTTP API its own web UI
 * calls: messages, card submissions (`/_conversation/v1/submit`, what the UI posts for an Action.Submit), and "Mock an
 * Activity" (`/_internal/v1/customActivities`); the bot's answers arrive on the UI's WebSocket.
 */
const BINARY = join(__dirname, '..', '..', 'node_modules', '.bin', 'agentsplayground');

/** What the Playground's UI receives: a bot message created or updated in a conversation. */
export type StreamEvent = {
  action?: string;
  actionConversationId?: string;
  message?: { messageId?: string; attachments?: { content?: unknown }[]; text?: string };
};

/** The parts of the Playground's config the tests use. */
export interface PlaygroundConfig {
  readonly bot: { readonly id: string; readonly name: string };
  readonly currentUser: { readonly id: string; readonly name: string };
  readonly personalChat: { readonly id: string };
  readonly teams: readonly { readonly id: string; readonly name: string }[];
}

/** A started Playground and its UI stream. */
export interface Playground {
  readonly base: string;
  readonly config: PlaygroundConfig;
  readonly events: StreamEvent[];
  /** Types a message as the current user, in personal chat or a channel (`mentionBot` adds the `<at>` mention). */
  say(chatId: string, text: string, mentionBot?: boolean): Promise<void>;
  /** Presses a card's Action.Submit as the UI does: the action's data merged with the card's input values. */
  submit(chatId: string, replyToId: string | undefined, value: unknown): Promise<void>;
  /** "Mock an Activity": fetches the Playground's template of `type` for a conversation, lets `edit` change it, sends it. */
  mock(conversationId: string, type: string, edit?: (activity: Record<string, unknown>) => void): Promise<void>;
  /** The first bot message (new or updated) in `conversationId` whose JSON matches, waiting up to 10 s. */
  botMessage(conversationId: string | RegExp, match: (json: string) => boolean): Promise<StreamEvent>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function waitForConfig(base: string, timeoutMs: number): Promise<PlaygroundConfig> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${base}/_internal/v1/config`);
      if (response.ok) return ((await response.json()) as { config: PlaygroundConfig }).config;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('Agents Playground did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
}

function waitForEvent(events: StreamEvent[], socket: WebSocket, found: (event: StreamEvent) => boolean) {
  return new Promise<StreamEvent>((resolve, reject) => {
    const check = (): void => {
      const event = events.find(found);
      if (!event) return;
      clearTimeout(timer);
      socket.off('message', check);
      resolve(event);
    };
    const timer = setTimeout(() => {
      socket.off('message', check);
      reject(new Error(`no matching bot message; saw ${JSON.stringify(events)}`));
    }, 10_000);
    socket.on('message', check);
    check();
  });
}

/** Starts the Playground against a bot endpoint, in a temporary working directory (it writes `devTools/` there). */
export async function startPlayground(endpoint: string): Promise<Playground> {
  const port = await freePort();
  const workDir = await mkdtemp(join(tmpdir(), 'playground-'));
  const child: ChildProcess = spawn(
    BINARY,
    ['-e', endpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(port)],
    {
      cwd: workDir,
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: 'ignore',
    },
  );
  const base = `http://127.0.0.1:${port}`;
  const config = await waitForConfig(base, 20_000);
  const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  const events: StreamEvent[] = [];
  // Registered before 'open' so it runs before any waiting listener for every frame.
  socket.on('message', (data: WebSocket.RawData) => events.push(JSON.parse(data.toString()) as StreamEvent));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const me = { id: config.currentUser.id };
  const mention = `<at>${config.bot.name}</at>`;
  return {
    base,
    config,
    events,
    say: (chatId, text, mentionBot = false) =>
      postJson(`${base}/_conversation/v1/conversations/${encodeURIComponent(chatId)}/messages`, {
        from: me,
        text: mentionBot ? `${mention} ${text}` : text,
        textFormat: 'plain',
        ...(mentionBot
          ? { mentions: [{ text: mention, mentioned: { id: config.bot.id, name: config.bot.name } }] }
          : {}),
      }),
    submit: (chatId, replyToId, value) =>
      postJson(`${base}/_conversation/v1/submit`, { conversation: { id: chatId }, from: me, replyToId, value }),
    mock: async (conversationId, type, edit) => {
      const query = new URLSearchParams({ conversationId, type });
      const response = await fetch(`${base}/_internal/v1/customActivities/template?${query.toString()}`);
      if (!response.ok) throw new Error(`no ${type} template: ${response.status}`);
      const activity = (await response.json()) as Record<string, unknown>;
      edit?.(activity);
      await postJson(`${base}/_internal/v1/customActivities`, activity);
    },
    botMessage: (conversationId, match) =>
      waitForEvent(
        events,
        socket,
        (event) =>
          (event.action === 'createMessage' || event.action === 'updateMessage') &&
          (typeof conversationId === 'string'
            ? event.actionConversationId === conversationId
            : conversationId.test(event.actionConversationId ?? '')) &&
          match(JSON.stringify(event.message)),
      ),
    stop: async () => {
      // terminate, not close: a close handshake left pending when the Playground is killed keeps jest alive.
      const closed = new Promise((resolve) => socket.once('close', resolve));
      socket.terminate();
      await closed;
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
