import { constants, generateKeyPairSync, privateDecrypt, publicEncrypt, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local stand-in for Azure Key Vault's keys API (wrapkey/unwrapkey, RSA-OAEP-256), as TOOLCHAIN.md describes. */
export interface KeyVaultStub {
  /** The vault's base URL, e.g. http://127.0.0.1:PORT. */
  readonly url: string;
  /** The key id URL of the newest version of the key. */
  keyId(): string;
  /** Adds a new version of the key (a rotation) and returns its key id URL. */
  rotate(): string;
  /** Each request's method and path, in order. */
  readonly requests: string[];
  stop(): Promise<void>;
}

const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' };
const TENANT = '00000000-0000-4000-8000-0000000000cc';

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

interface KeyOpBody {
  readonly alg?: string;
  readonly value?: string;
}

async function bodyOf(req: http.IncomingMessage): Promise<KeyOpBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as KeyOpBody) : {};
}

interface KeyVersion {
  readonly id: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** Answers a key request (`op` undefined), or a wrapkey/unwrapkey with RSA-OAEP-256, for one key version. */
function answer(res: http.ServerResponse, kid: string, version: KeyVersion, op: string | undefined, body: KeyOpBody) {
  if (!op) {
    const jwk = version.publicKey.export({ format: 'jwk' });
    const key = { kid, kty: 'RSA', key_ops: ['wrapKey', 'unwrapKey'], n: jwk.n, e: jwk.e };
    return send(res, 200, { key, attributes: { enabled: true } });
  }
  if (body.alg !== 'RSA-OAEP-256' || !body.value) return send(res, 400, { error: { code: 'BadParameter' } });
  const input = Buffer.from(body.value, 'base64url');
  try {
    const out =
      op === 'wrapkey'
        ? publicEncrypt({ key: version.publicKey, ...OAEP }, input)
        : privateDecrypt({ key: version.privateKey, ...OAEP }, input);
    return send(res, 200, { kid, value: out.toString('base64url') });
  } catch {
    return send(res, 400, { error: { code: 'BadParameter', message: 'Unwrap failed' } });
  }
}

/** Starts the stub on a free loopback port with one RSA key, `notes-kek`, at its first version. */
export async function startKeyVaultStub(name = 'notes-kek'): Promise<KeyVaultStub> {
  const versions: KeyVersion[] = [];
  const requests: string[] = [];
  let url = '';
  const rotate = () => {
    const id = `v${versions.length + 1}${Date.now().toString(16)}`;
    versions.push({ id, ...generateKeyPairSync('rsa', { modulusLength: 2048 }) });
    return `${url}/keys/${name}/${id}`;
  };
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://stub').pathname;
    requests.push(`${req.method} ${path}`);
    const body = await bodyOf(req);
    if (!req.headers.authorization) {
      const challenge = `Bearer authorization="https://login.microsoftonline.com/${TENANT}", resource="https://vault.azure.net"`;
      return send(res, 401, { error: { code: 'Unauthorized' } }, { 'www-authenticate': challenge });
    }
    const match = /^\/keys\/([^/]+)(?:\/([^/]*))?(?:\/(wrapkey|unwrapkey))?$/.exec(path);
    const version = match?.[1] === name ? versions.find((v) => v.id === (match[2] || versions.at(-1)?.id)) : undefined;
    if (!match || !version) return send(res, 404, { error: { code: 'KeyNotFound', message: 'no such key' } });
    return answer(res, `${url}/keys/${name}/${version.id}`, version, match[3], body);
  };
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  rotate();
  return {
    url,
    keyId: () => `${url}/keys/${name}/${versions.at(-1)!.id}`,
    rotate,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
