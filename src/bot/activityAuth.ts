import {
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
} from 'botbuilder';
import type { BotConfig } from '../config';
import { fail, ok, type Result } from '../domain/result';

/** Checks the Bot Framework bearer token sent with an activity; a failure's message is the reason, for the log. */
type AuthenticateActivity = (header: string, body: unknown) => Promise<Result<void, 'unauthorized'>>;

function frameworkAuthentication(bot: Extract<BotConfig, { mode: 'authenticated' }>) {
  const settings = {
    MicrosoftAppId: bot.id,
    MicrosoftAppPassword: bot.password,
    MicrosoftAppTenantId: bot.tenantId,
    MicrosoftAppType: bot.tenantId ? 'SingleTenant' : 'MultiTenant',
  };
  return new ConfigurationBotFrameworkAuthentication(
    settings,
    new ConfigurationServiceClientCredentialFactory(settings),
  );
}

/**
 * Token checks as the bot is configured: Bot Framework authentication when it has credentials, none in local mode,
 * and a refusal of every token when no bot is configured.
 */
export function activityAuthentication(bot: BotConfig): AuthenticateActivity {
  switch (bot.mode) {
    case 'local':
      return async () => ok(undefined);
    case 'off':
      return async () => fail('unauthorized', 'No bot is configured.');
    case 'authenticated': {
      const authentication = frameworkAuthentication(bot);
      // The token is checked against the only two fields it vouches for, taken as strings from whatever was sent,
      // so a malformed body with a bad token is refused like any other forgery.
      return async (header, body) => {
        const raw = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
        const text = (value: unknown) => (typeof value === 'string' ? value : '');
        const claims = { channelId: text(raw['channelId']), serviceUrl: text(raw['serviceUrl']) } as Activity;
        try {
          await authentication.authenticateRequest(claims, header);
          return ok(undefined);
        } catch (err) {
          return fail('unauthorized', (err as Error).message);
        }
      };
    }
  }
}
