/**
 * Preloaded into the app child by `npm run bench:notes` (node --import): samples event-loop delay and prints it to
 * stderr as one `eventLoopDelay {...}` JSON line when the process exits. SIGUSR2 starts the sampling afresh
 * (the bench sends it once setup is done).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
process.on('SIGUSR2', () => delay.reset());
const ms = (ns) => Math.round(ns / 1e4) / 100;
process.once('exit', () => {
  delay.disable();
  const figures = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) };
  process.stderr.write(`eventLoopDelay ${JSON.stringify(figures)}\n`);
});
