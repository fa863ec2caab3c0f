import { chromium, type Browser } from 'playwright-core';
import chromiumFlags from '../../scripts/chromium-flags.json';

/** Where Debian puts Chromium (`apt-get install -y chromium`); never download a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that let Chromium run headless, offline and as root on this machine (shared with scripts/icons.mjs). */
export const CHROMIUM_ARGS: readonly string[] = chromiumFlags;

/** Launches the system Chromium through playwright-core. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
}
