// jest-environment-jsdom is not installed: put one jsdom window's globals in place before React loads.
// Import this module first in a test file that renders hooks or components.

/** The part of jsdom used here (@types/jsdom is not installed). */
type JsdomWindow = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped package, loaded as adaptiveCards.ts does
const { JSDOM } = require('jsdom') as {
  JSDOM: new (html: string, options: { url: string }) => { window: JsdomWindow };
};

const { window } = new JSDOM('<!doctype html><html><body></body></html>', { url: 'https://tab.example/' });
const globals = globalThis as Record<string, unknown>;
for (const name of [
  'window',
  'document',
  'navigator',
  'localStorage',
  'Event',
  'HTMLElement',
  'HTMLIFrameElement',
  'Node',
])
  globals[name] = window[name];
globals.IS_REACT_ACT_ENVIRONMENT = true;

// The server tsconfig has no DOM lib: name the parts the tab code under test and its tests use.
declare global {
  const window: EventTarget;
  const document: EventTarget & { readonly visibilityState: string; createElement(tag: string): unknown };
  const localStorage: { clear(): void; readonly length: number };
}
export {};
