import type { Config } from '../config';
import { fail } from '../domain/result';
import type { LocalIssuer } from './localIssuer';
import { createTokenVerifier, type TokenVerifier } from './tokenVerifier';

/** The API's token check for the configured mode: Entra ID, the local issuer, or none at all (every call 401). */
export function tokenVerifierFor(config: Config, localIssuer: LocalIssuer | undefined): TokenVerifier {
  switch (config.auth.mode) {
    case 'entra':
      return createTokenVerifier({
        authority: config.auth.authority,
        clientId: config.auth.clientId,
        domain: config.domain,
        tenantId: config.auth.tenantId,
      });
    case 'local': {
      if (!localIssuer) throw new Error('Local sign-in needs the local issuer.');
      return createTokenVerifier({ authority: () => localIssuer.authority(), clientId: config.auth.clientId });
    }
    case 'off':
      return async () =>
        fail('unauthorized', 'No sign-in is configured: set AAD_APP_CLIENT_ID and AAD_APP_OAUTH_AUTHORITY.');
  }
}
