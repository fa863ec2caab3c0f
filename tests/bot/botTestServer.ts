import { MemoryStorage } from 'botbuilder';
import pino from 'pino';
import * as restify from 'restify';
import type { AddressInfo } from 'node:net';
import type { ConversationStore } from '../../src/app/ports';
import type { TenantId, UserId } from '../../src/domain/ids';
import { createBot } from '../../src/bot/createBot';

/** A ConversationStore kept in a Map, with a switch to make saves fail. */
export class MemoryConversationStore implements ConversationStore {
  readonly references = new Map<string, Readonly<Record<string, unknown>>>();
  failSaves = false;

  async save(tenantId: TenantId, userId: UserId, reference: Readonly<Record<string, unknown>>): Promise<void> {
    if (this.failSaves) throw new Error('conversation store is down');
    this.references.set(`${tenantId}/${userId}`, reference);
  }
  async get(tenantId: TenantId, userId: UserId): Promise<Readonly<Record<string, unknown>> | undefined> {
    return this.references.get(`${tenantId}/${userId}`);
  }
  async delete(tenantId: TenantId, userId: UserId): Promise<void> {
    this.references.delete(`${tenantId}/${userId}`);
  }
}

/** A running bot on real HTTP, for tests. */
export interface BotTestServer {
  /** The bot's endpoint, http://127.0.0.1:<port>/api/messages. */
  readonly endpoint: string;
  readonly conversations: MemoryConversationStore;
  readonly logger: pino.Logger;
  stop(): Promise<void>;
}

/** Starts createBot on restify at 127.0.0.1 and a random port, mounted exactly as the server mounts it. */
export async function startBotTestServer(options: { logger?: pino.Logger } = {}): Promise<BotTestServer> {
  const conversations = new MemoryConversationStore();
  const logger = options.logger ?? pino({ level: 'silent' });
  const { adapter, app } = createBot({
    storage: new MemoryStorage(),
    conversations,
    logger,
    auth: {},
    publicUrl: 'http://localhost:3978',
  });
  const server = restify.createServer({ handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (context) => {
      await app.run(context);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    conversations,
    logger,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
