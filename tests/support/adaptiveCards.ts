import type * as AdaptiveCardsModule from 'adaptivecards';

/** The part of jsdom used here (@types/jsdom is not installed). */
interface JsdomWindow {
  readonly document: unknown;
  readonly HTMLElement: unknown;
  readonly navigator: unknown;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => { window: JsdomWindow } };

let loaded: typeof AdaptiveCardsModule | undefined;

/**
 * Loads the adaptivecards UMD build once (its ESM build does not load in Node). It needs browser globals while it
 * loads; they are removed again afterwards so jest's global cleanup does not trip over jsdom.
 */
function adaptiveCards(): typeof AdaptiveCardsModule {
  if (loaded) return loaded;
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  const globals = globalThis as Record<string, unknown>;
  const shims: Record<string, unknown> = {
    window,
    document: window.document,
    HTMLElement: window.HTMLElement,
    navigator: window.navigator,
  };
  const added = Object.keys(shims).filter((name) => globals[name] === undefined);
  for (const name of added) globals[name] = shims[name];
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;
  } finally {
    for (const name of added) delete globals[name];
    window.close();
  }
  return loaded;
}

/** Parses a card as an Adaptive Cards 1.5 host would and returns every validation message (empty when valid). */
export function validateCard(card: unknown): string[] {
  const AC = adaptiveCards();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  const messages: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) messages.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) messages.push(event.message);
  return messages;
}
