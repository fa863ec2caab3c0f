import { createServer, request, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import os from 'node:os';

/** This machine's first non-loopback IPv4 address (what its LAN sees), if it has one. */
export function lanAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((info) => info && info.family === 'IPv4' && !info.internal)?.address;
}

/** An HTTP server that records every request it gets: a stand-in for an attacker's host. */
export interface Recorder {
  readonly url: string;
  readonly requests: string[];
  stop(): Promise<void>;
}

/** Starts a recorder on `host` at a free port. */
export async function startRecorder(host: string): Promise<Recorder> {
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"id":"evil"}');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}/`,
    requests,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Sends `method` (POST by default) to `url` announcing a 64 KB JSON body but sending only its first bytes, and resolves with the status if
 * the server answers anyway: proof it answered without reading the body. Rejects after `timeoutMs` otherwise.
 */
export function postUnfinished(
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 3000,
  method = 'POST',
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method,
      headers: { 'content-type': 'application/json', 'content-length': String(64 * 1024), ...headers },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms: the server waited for the body`));
    }, timeoutMs);
    req.on('response', (res) => {
      clearTimeout(timer);
      res.resume();
      req.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.write('{"type":"message","text":"');
  });
}

/** Whether a TCP connection to host:port is refused (nothing listens there). */
export function connectionRefused(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host, port, path: '/healthz', timeout: 2000 });
    req.on('response', (res) => {
      res.resume();
      resolve(false);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    req.end();
  });
}

/** Sends one raw HTTP/1.1 GET for `target` (no URL parsing on the way) and resolves with the whole answer. */
export function rawGet(port: number, target: string, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
    );
    let answer = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.on('end', done);
    socket.on('error', done);
  });
}

/** Sends a request to 127.0.0.1:port with the given Host header (as a DNS-rebound page would) and returns the status. */
export function statusWithHost(
  port: number,
  host: string,
  options: { readonly method?: string; readonly path: string; readonly body?: string; readonly token?: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    const req = request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
