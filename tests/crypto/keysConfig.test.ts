import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../../src/config';

const kek = () => randomBytes(32).toString('base64');
const vaultKey = 'https://intro.vault.azure.net/keys/notes-kek/0123456789abcdef';

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
    return '';
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
}

describe('notes key configuration', () => {
  it('uses the local key file by default, NOTES_KEK when set, Key Vault when KEY_VAULT_KEY_ID is set', () => {
    const secret = kek();
    expect(loadConfig({}).keys).toEqual({ mode: 'local', secret: undefined });
    expect(loadConfig({ NOTES_KEK: secret }).keys).toEqual({ mode: 'local', secret });
    expect(loadConfig({ KEY_VAULT_KEY_ID: vaultKey }).keys).toEqual({ mode: 'keyVault', keyId: vaultKey });
  });

  it.each([
    [{ NOTES_KEK: 'short' }, /NOTES_KEK: base64 of 32/],
    [{ NOTES_KEK: `${kek()},${randomBytes(16).toString('base64')}` }, /NOTES_KEK/],
    [{ KEY_VAULT_KEY_ID: 'not a url' }, /KEY_VAULT_KEY_ID/],
    [{ KEY_VAULT_KEY_ID: 'http://vault.example.com/keys/k' }, /KEY_VAULT_KEY_ID: must be an https/],
    [{ KEY_VAULT_KEY_ID: vaultKey, NOTES_KEK: kek() }, /set one, not both/],
    [{ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }, /KEY_VAULT_KEY_ID or NOTES_KEK: required/],
  ])('refuses %j', (env, problem) => {
    expect(problemsOf(env)).toMatch(problem);
  });

  it('accepts several comma-separated NOTES_KEK (rotation), and plain http only for a Key Vault stub on loopback', () => {
    expect(problemsOf({ NOTES_KEK: `${kek()}, ${kek()}` })).toBe('');
    expect(problemsOf({ KEY_VAULT_KEY_ID: 'http://127.0.0.1:1/keys/k' })).toBe('');
  });
});
