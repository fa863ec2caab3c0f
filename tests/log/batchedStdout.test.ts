import { spawn } from 'node:child_process';
import path from 'node:path';

// A child logs one short line (far below a batch) and then stays up, idle, for 10 s.
const CHILD = `
const { createLogger } = require(${JSON.stringify(path.resolve(__dirname, '../../src/log'))});
const log = createLogger('info');
process.stderr.write('logging\\n');
log.info('only line');
setTimeout(() => undefined, 10_000);
`;

describe('logs written in batches', () => {
  it('still shows a lone line on a quiet instance within a fraction of a second', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', CHILD], {
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const logged = new Promise<number>((resolve) => child.stderr.once('data', () => resolve(Date.now())));
      const line = new Promise<{ at: number; text: string }>((resolve) =>
        child.stdout.setEncoding('utf8').once('data', (text: string) => resolve({ at: Date.now(), text })),
      );
      const [start, seen] = await Promise.all([logged, line]);
      expect(JSON.parse(seen.text.trim())).toMatchObject({ msg: 'only line', level: 30 });
      expect(seen.at - start).toBeLessThan(1000);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);

  it('writes a line queued while a write was still on its way, though no line follows it', async () => {
    // ~600 KB at once, more than the pipe holds while the test does not read: a write stays in flight. Each line is
    // over a write's 16 KB, so the last line is always left alone below a batch when that write ends.
    const burst = `
const { createLogger } = require(${JSON.stringify(path.resolve(__dirname, '../../src/log'))});
const log = createLogger('info');
for (let i = 0; i < 30; i++) log.info({ filler: 'x'.repeat(20_000) }, 'burst');
log.info('last line');
process.stderr.write('logged\\n');
setTimeout(() => undefined, 10_000);
`;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', burst], {
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise((resolve) => child.stderr.once('data', resolve));
      await new Promise((resolve) => setTimeout(resolve, 600)); // several flush ticks pass mid-write
      let text = '';
      const last = new Promise<void>((resolve) =>
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('"msg":"last line"')) resolve();
        }),
      );
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 2_000)));
      expect(await Promise.race([last, timeout])).toBeUndefined();
      clearTimeout(timer);
    } finally {
      child.kill('SIGKILL');
    }
  }, 30_000);
});
