import type { KeyWrapper } from '../app/ports';
import type { KeysConfig } from '../config';
import { keyVaultKeyWrapper } from './keyVaultWrapper';
import { loadLocalKeks, localKeyWrapper } from './localKeyWrapper';

/** The configured KEK: Azure Key Vault, or local (NOTES_KEK, else `DATA_DIR/notes-kek.key`). */
export function keyWrapperFor(keys: KeysConfig, dataDir: string): KeyWrapper {
  switch (keys.mode) {
    case 'keyVault':
      // Config allows an http key id only on loopback (a stub on this machine); Azure is always https.
      return keyVaultKeyWrapper({ keyId: keys.keyId, insecureForTests: keys.keyId.startsWith('http:') });
    case 'local':
      return localKeyWrapper(loadLocalKeks({ secret: keys.secret, dataDir }));
  }
}
