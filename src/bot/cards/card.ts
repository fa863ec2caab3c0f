/** A loosely typed Adaptive Card element or action, as plain JSON. */
export type CardElement = Record<string, unknown>;

/** An Adaptive Card 1.5 as plain JSON, ready for `CardFactory.adaptiveCard`. */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardElement[];
}

/** The schema URL Teams and designers recognise for Adaptive Cards. */
const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** Wraps a body and actions in an Adaptive Card 1.5 envelope. */
export function adaptiveCard(body: readonly CardElement[], actions?: readonly CardElement[]): AdaptiveCard {
  return actions && actions.length > 0
    ? { type: 'AdaptiveCard', $schema: SCHEMA, version: '1.5', body, actions }
    : { type: 'AdaptiveCard', $schema: SCHEMA, version: '1.5', body };
}

/** A wrapping text block; `options` adds size, weight, colour and so on. */
export function text(value: string, options: CardElement = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

/** A heading text block. */
export function heading(value: string, size: 'Medium' | 'Large' = 'Medium'): CardElement {
  return text(value, { size, weight: 'Bolder', style: 'heading' });
}

/** A Markdown bullet list in one text block (Teams renders `- ` lists). */
export function bullets(items: readonly string[], options: CardElement = {}): CardElement {
  return text(items.map((item) => `- ${item}`).join('\n'), options);
}

/** A button that sends `command` to the bot as if the user had typed it. */
export function commandButton(title: string, command: string): CardElement {
  return {
    type: 'Action.Submit',
    title,
    data: { msteams: { type: 'messageBack', text: command, displayText: command } },
  };
}

/** A button that opens a web page. */
export function linkButton(title: string, url: string): CardElement {
  return { type: 'Action.OpenUrl', title, url };
}
