import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { z } from 'zod';

/** How the app reaches Microsoft Graph with its own (client credentials) identity. */
export interface GraphClientOptions {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tenantId: string;
  /** e.g. https://graph.microsoft.com/v1.0 */
  readonly baseUrl: string;
  /** e.g. https://login.microsoftonline.com */
  readonly authorityHost: string;
}

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });

/** A client-credentials token source that keeps the token until a minute before it expires. */
function tokenSource(options: GraphClientOptions, now: () => number = Date.now): () => Promise<string> {
  let cached: { token: string; until: number } | undefined;
  return async () => {
    if (cached && cached.until > now()) return cached.token;
    const response = await fetch(`${options.authorityHost}/${encodeURIComponent(options.tenantId)}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: options.clientId,
        client_secret: options.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
        grant_type: 'client_credentials',
      }),
    });
    const parsed = tokenSchema.safeParse(await response.json().catch(() => undefined));
    if (!response.ok || !parsed.success) throw new Error(`The Entra token request failed with ${response.status}.`);
    cached = { token: parsed.data.access_token, until: now() + (parsed.data.expires_in - 60) * 1000 };
    return parsed.data.access_token;
  };
}

/** Adds the bearer token to every request; the SDK's own handler sends it only to Graph's https hosts. */
class BearerHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly getToken: () => Promise<string>) {}

  async execute(context: Context): Promise<void> {
    const token = await this.getToken();
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as ConstructorParameters<typeof Headers>[0]);
    headers.set('Authorization', `Bearer ${token}`);
    options.headers = Object.fromEntries(headers);
    if (!this.next) throw new Error('BearerHandler must not be the last middleware.');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** A Graph client for `options.baseUrl` with the SDK's retry handler, which honours Retry-After on 429 and 503. */
export function graphClient(options: GraphClientOptions, retry = new RetryHandlerOptions()): Client {
  const url = new URL(options.baseUrl);
  const version = url.pathname.replace(/^\/+|\/+$/g, '') || 'v1.0';
  const bearer = new BearerHandler(tokenSource(options));
  const retryHandler = new RetryHandler(retry);
  bearer.setNext(retryHandler);
  retryHandler.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({
    baseUrl: `${url.protocol}//${url.host}/`,
    defaultVersion: version,
    middleware: bearer,
  });
}
