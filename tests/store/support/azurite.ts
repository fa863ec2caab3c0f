import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

/** Azurite's well-known development account key (public, for the emulator only). */
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** A running Azurite and the connection string for its table endpoint. */
export interface Azurite {
  readonly connectionString: string;
  stop(): Promise<void>;
}

/** Starts Azurite from node_modules on free ports in `dir`, resolving once its table port accepts connections. */
export async function startAzurite(dir: string): Promise<Azurite> {
  const [tablePort, blobPort, queuePort] = [await freePort(), await freePort(), await freePort()];
  const bin = path.join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'azurite');
  const args = ['--silent', '--location', dir, '--skipApiVersionCheck', '--disableTelemetry'];
  const hosts = ['table', 'blob', 'queue'].flatMap((s, i) => [
    `--${s}Host`,
    '127.0.0.1',
    `--${s}Port`,
    String([tablePort, blobPort, queuePort][i]),
  ]);
  const child: ChildProcess = spawn(bin, [...args, ...hosts], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 20_000;
  while (!(await accepts(tablePort))) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error(`Azurite did not start on port ${tablePort}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${DEV_KEY};TableEndpoint=http://127.0.0.1:${tablePort}/devstoreaccount1;`,
    stop: async () => {
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}
