import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KeyWrapper } from '../../src/app/ports';
import { keyVaultKeyWrapper } from '../../src/crypto/keyVaultWrapper';
import { KEK_FILE, loadLocalKeks, localKeyWrapper } from '../../src/crypto/localKeyWrapper';
import { tempDirs } from '../store/support/tempDir';
import { startKeyVaultStub, type KeyVaultStub } from '../support/keyVaultStub';

const dirs = tempDirs('intro-kek-');
const credential = { getToken: async () => ({ token: 'x', expiresOnTimestamp: Date.now() + 3600e3 }) };
let vault: KeyVaultStub;

beforeAll(async () => {
  vault = await startKeyVaultStub();
});
afterAll(async () => {
  await vault.stop();
  dirs.removeAll();
});

const vaultWrapper = (keyId: string) => keyVaultKeyWrapper({ keyId, credential, insecureForTests: true });

describe.each<[string, () => KeyWrapper]>([
  ['local', () => localKeyWrapper([randomBytes(32)])],
  ['Key Vault (stub)', () => vaultWrapper(vault.keyId())],
])('%s key wrapper', (_name, make) => {
  it('unwraps what it wrapped, and the wrapped bytes do not contain the data key', async () => {
    const wrapper = make();
    const dataKey = randomBytes(32);
    const wrapped = await wrapper.wrap(dataKey);
    expect(Buffer.from(wrapped.wrapped).includes(dataKey)).toBe(false);
    expect(Buffer.from(await wrapper.unwrap(wrapped))).toEqual(dataKey);
  });

  it('refuses a wrapped key that was altered', async () => {
    const wrapper = make();
    const wrapped = await wrapper.wrap(randomBytes(32));
    const altered = Buffer.from(wrapped.wrapped);
    altered[altered.length - 1] = altered[altered.length - 1]! ^ 1;
    await expect(wrapper.unwrap({ ...wrapped, wrapped: altered })).rejects.toThrow();
  });
});

describe('Key Vault key wrapper', () => {
  it('speaks the vault REST shapes: challenge, key fetch, wrapkey and unwrapkey with RSA-OAEP-256', async () => {
    const before = vault.requests.length;
    const wrapper = vaultWrapper(vault.keyId());
    await wrapper.unwrap(await wrapper.wrap(randomBytes(32)));
    const seen = vault.requests.slice(before);
    expect(seen.some((r) => r.endsWith('/wrapkey'))).toBe(true);
    expect(seen.some((r) => r.endsWith('/unwrapkey'))).toBe(true);
  });

  it('records the key version, so keys wrapped before a rotation still unwrap', async () => {
    const oldId = vault.keyId();
    const dataKey = randomBytes(32);
    const before = await vaultWrapper(oldId).wrap(dataKey);
    expect(before.kekId).toBe(oldId);
    const newId = vault.rotate();
    const after = vaultWrapper(newId);
    expect((await after.wrap(dataKey)).kekId).toBe(newId);
    expect(Buffer.from(await after.unwrap(before))).toEqual(dataKey);
  });

  it('unwraps only with versions of its own key, so a stored kekId cannot send its token to another vault', async () => {
    const wrapper = vaultWrapper(vault.keyId());
    const wrapped = await wrapper.wrap(randomBytes(32));
    const before = vault.requests.length;
    for (const kekId of [
      'https://evil.vault.azure.net/keys/notes-kek/1',
      vault.keyId().replace('/keys/', '/keys/other-'),
    ]) {
      await expect(wrapper.unwrap({ ...wrapped, kekId })).rejects.toThrow(/Refusing to unwrap/);
    }
    expect(vault.requests.length).toBe(before);
  });
});

describe('local key-encryption key', () => {
  it('is created once in DATA_DIR as 32 bytes readable by this user only, and reused', () => {
    const dir = path.join(dirs.make(), 'data');
    const [first] = loadLocalKeks({ dataDir: dir });
    const file = path.join(dir, KEK_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(first).toHaveLength(32);
    expect(loadLocalKeks({ dataDir: dir })[0]).toEqual(first);
  });

  it('comes from NOTES_KEK when configured, several keys unwrapping what each wrapped', async () => {
    const [oldKek, newKek] = [randomBytes(32), randomBytes(32)];
    const dataKey = randomBytes(32);
    const wrappedOld = await localKeyWrapper([oldKek]).wrap(dataKey);
    const keks = loadLocalKeks({ secret: `${newKek.toString('base64')},${oldKek.toString('base64')}`, dataDir: '/x' });
    const rotated = localKeyWrapper(keks);
    expect(Buffer.from(await rotated.unwrap(wrappedOld))).toEqual(dataKey);
    expect((await rotated.wrap(dataKey)).kekId).not.toBe(wrappedOld.kekId);
    await expect(localKeyWrapper([newKek]).unwrap(wrappedOld)).rejects.toThrow(/does not hold/);
  });
});
