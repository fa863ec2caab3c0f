import type { TeamsAdapter } from '@microsoft/teams-ai';
import {
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import type { Request, Response } from 'restify';
import type { BotConfig, ServiceUrlPolicy } from '../config';
import { fail, ok, type Result } from '../domain/result';
import { readJson } from '../http/body';
import type { LoggedRequest } from '../http/context';
import { sendFailure } from '../http/errors';
import { activitySchema, firstField } from './activity.schema';
import { isAllowedServiceUrl } from './serviceUrls';

/** What the bot endpoint needs: how it trusts callers, where it may post, and the turn to run. */
export interface BotEndpointDeps {
  readonly bot: BotConfig;
  readonly serviceUrls: ServiceUrlPolicy;
  readonly adapter: TeamsAdapter;
  /** Runs the turn; `logger` is the request's, tagged with its request id. */
  readonly run: (context: TurnContext, logger: LoggedRequest['logger']) => Promise<void>;
}

type Gate = Result<Activity, 'unauthorized' | 'invalidActivity' | 'invalidJson' | 'tooLarge' | 'unsupportedMediaType'>;

const UNAUTHORIZED = 'This endpoint accepts only activities from the Bot Framework Service.';

function parseActivity(body: unknown, serviceUrls: ServiceUrlPolicy): Gate {
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const field = firstField(parsed.error);
    const reason = parsed.error.issues[0]?.message ?? 'invalid';
    return fail('invalidActivity', `${field}: not a valid Bot Framework activity (${reason}).`, field);
  }
  if (!isAllowedServiceUrl(serviceUrls, parsed.data.serviceUrl)) {
    return fail('invalidActivity', 'serviceUrl: not a Bot Framework service this bot talks to.', 'serviceUrl');
  }
  return ok(parsed.data as unknown as Activity);
}

/**
 * The Bot Framework endpoint. Authentication comes before anything reads the body: without a configured bot in a
 * deployment every request is refused; with one, a request without a bearer token is refused unread, and the
 * token is validated against the activity before any bot code sees it. Malformed activities get 400, never 500.
 */
export function botEndpoint(deps: BotEndpointDeps): (req: Request, res: Response) => Promise<void> {
  const authentication =
    deps.bot.mode === 'authenticated'
      ? (() => {
          const settings = {
            MicrosoftAppId: deps.bot.id,
            MicrosoftAppPassword: deps.bot.password,
            MicrosoftAppTenantId: deps.bot.tenantId,
            MicrosoftAppType: deps.bot.tenantId ? 'SingleTenant' : 'MultiTenant',
          };
          return new ConfigurationBotFrameworkAuthentication(
            settings,
            new ConfigurationServiceClientCredentialFactory(settings),
          );
        })()
      : undefined;

  // The token is checked against the only two fields it vouches for, taken as strings from whatever was sent, so
  // a malformed body with a bad token is a 401 like any other forgery.
  const authenticated = async (req: Request, header: string, body: unknown): Promise<boolean> => {
    if (!authentication) return true;
    const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const claims = { channelId: text(raw['channelId']), serviceUrl: text(raw['serviceUrl']) } as Activity;
    try {
      await authentication.authenticateRequest(claims, header);
      return true;
    } catch (err) {
      (req as LoggedRequest).logger.info({ reason: (err as Error).message }, 'bot activity refused');
      return false;
    }
  };

  const admit = async (req: Request): Promise<Gate> => {
    if (deps.bot.mode === 'off') return fail('unauthorized', UNAUTHORIZED);
    const header = req.headers.authorization ?? '';
    if (authentication && !/^Bearer \S+$/i.test(header)) return fail('unauthorized', UNAUTHORIZED);
    // Browsers always say where a request comes from and the Bot Framework Service never does: refusing both an
    // Origin and a non-JSON body keeps any web page a developer visits from posting activities to a local bot.
    if (req.headers.origin !== undefined) return fail('unauthorized', UNAUTHORIZED);
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return fail('unsupportedMediaType', 'Send the activity as application/json.');
    }
    const body = await readJson(req);
    if (!(await authenticated(req, header, body.ok ? body.value : undefined))) {
      return fail('unauthorized', UNAUTHORIZED);
    }
    if (!body.ok) return body;
    return parseActivity(body.value, deps.serviceUrls);
  };

  return async (req, res) => {
    const admitted = await admit(req);
    if (!admitted.ok) return sendFailure(res, admitted.error);
    const logger = (req as LoggedRequest).logger;
    await deps.adapter.process(Object.assign(req, { body: admitted.value }), res, (context) =>
      deps.run(context, logger),
    );
  };
}
