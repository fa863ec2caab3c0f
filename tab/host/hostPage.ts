import { hostOptionsFrom, type HostTheme } from './options';
import { PERSONAS } from './personas';
import { hostTab } from './teamsHost';

/** What tests and people can call on the host page. */
export interface TeamsHostApi {
  setTheme(theme: HostTheme): void;
  /** The content URLs the tab shared to the meeting stage. */
  sharedToStage(): readonly string[];
  /** The handlers the tab registered with the host. */
  handlers(): readonly string[];
  /** As Teams caching the app: resolves once the tab is ready to be unloaded. */
  beforeUnload(): Promise<void>;
  /** As Teams showing the cached app again. */
  load(): void;
}

declare global {
  interface Window {
    teamsHost?: TeamsHostApi;
  }
}

const options = hostOptionsFrom(window.location.search);
const container = document.getElementById('host');
const title = document.getElementById('host-title');
if (!container || !title) throw new Error('host.html needs #host and #host-title.');
const persona = PERSONAS[options.user];
title.textContent = `Simulated Teams ${options.frameContext} · ${persona.name} · meeting ${options.meetingId}`;
document.documentElement.dataset.theme = options.theme;
const frame = hostTab(container, options, `Intro 1:1 (${persona.name})`);
window.teamsHost = {
  setTheme(theme) {
    document.documentElement.dataset.theme = theme;
    frame.setTheme(theme);
  },
  sharedToStage: () => [...frame.sharedToStage],
  handlers: () => [...frame.handlers],
  beforeUnload: () => frame.beforeUnload(),
  load: () => frame.load(),
};
