import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { CryptographyClient } from '@azure/keyvault-keys';
import type { KeyWrapper } from '../app/ports';

const ALG = 'RSA-OAEP-256';

/** Where the KEK lives in Key Vault, and (tests only) how to reach a local stand-in. */
interface KeyVaultWrapperOptions {
  /** The key's id URL, e.g. https://<vault>.vault.azure.net/keys/<name>[/<version>]. */
  readonly keyId: string;
  /** Defaults to DefaultAzureCredential (managed identity in Azure, the developer's login locally). */
  readonly credential?: TokenCredential;
  /** For tests against a local stub only. */
  readonly insecureForTests?: boolean;
}

/** `<vault>/keys/<name>` of a key id, whatever its version; undefined when it is not a key id. */
function keyBaseOf(keyId: string): string | undefined {
  try {
    const url = new URL(keyId);
    const match = /^\/keys\/([^/]+)(?:\/[^/]+)?\/?$/.exec(url.pathname);
    return match ? `${url.origin}/keys/${match[1]}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wraps data keys with an RSA key in Azure Key Vault (RSA-OAEP-256): the KEK never leaves the vault. Each wrapped
 * key records the full key id with its version, so keys wrapped before a rotation still unwrap with their version.
 */
export function keyVaultKeyWrapper(options: KeyVaultWrapperOptions): KeyWrapper {
  const credential = options.credential ?? new DefaultAzureCredential();
  const clientOptions = options.insecureForTests
    ? { allowInsecureConnection: true, disableChallengeResourceVerification: true }
    : {};
  // Only versions of the configured key: a kekId read from the store must never send the app's token elsewhere.
  const keyBase = keyBaseOf(options.keyId);
  const ownKey = (kekId: string) => keyBaseOf(kekId) === keyBase;
  const clients = new Map<string, CryptographyClient>();
  const client = (keyId: string) => {
    let found = clients.get(keyId);
    if (!found) {
      found = new CryptographyClient(keyId, credential, clientOptions);
      clients.set(keyId, found);
    }
    return found;
  };
  return {
    wrap: async (dataKey) => {
      const wrapped = await client(options.keyId).wrapKey(ALG, dataKey);
      return { kekId: wrapped.keyID ?? options.keyId, alg: ALG, wrapped: wrapped.result };
    },
    unwrap: async (wrapped) => {
      if (wrapped.alg !== ALG) throw new Error(`Key Vault unwraps ${ALG}, not ${wrapped.alg} (${wrapped.kekId}).`);
      if (keyBase === undefined || !ownKey(wrapped.kekId))
        throw new Error(`Refusing to unwrap with ${wrapped.kekId}: not a version of ${keyBase}.`);
      return (await client(wrapped.kekId).unwrapKey(ALG, wrapped.wrapped)).result;
    },
  };
}
