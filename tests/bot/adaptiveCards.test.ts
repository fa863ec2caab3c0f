import { validateCard } from '../support/adaptiveCards';

const envelope = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
};

describe('validateCard', () => {
  it('accepts a valid 1.5 card', () => {
    expect(validateCard({ ...envelope, body: [{ type: 'TextBlock', text: 'Hello', wrap: true }] })).toEqual([]);
  });

  it('reports an unknown element type such as a misspelled input', () => {
    const messages = validateCard({ ...envelope, body: [{ type: 'Input.Txet', id: 'name' }] });
    expect(messages.join('\n')).toMatch(/Input\.Txet/);
  });

  it('reports an unknown action type', () => {
    const messages = validateCard({ ...envelope, body: [], actions: [{ type: 'Action.Sumbit', title: 'Go' }] });
    expect(messages.join('\n')).toMatch(/Action\.Sumbit/);
  });

  it('reports duplicate element ids', () => {
    const body = [
      { type: 'TextBlock', id: 'same', text: 'a' },
      { type: 'TextBlock', id: 'same', text: 'b' },
    ];
    expect(validateCard({ ...envelope, body }).length).toBeGreaterThan(0);
  });
});
