import { escapeMarkdown, escapeMarkdownLines } from '../../src/domain/markdown';

describe('escapeMarkdown', () => {
  it.each([
    ['[Verify](https://evil) **x**', '\\[Verify\\]\\(https://evil\\) \\*\\*x\\*\\*'],
    ['a_b ~c~ `d` \\e', 'a\\_b \\~c\\~ \\`d\\` \\\\e'],
    ['- not a bullet', '\\- not a bullet'],
    ['+ nor this', '\\+ nor this'],
    ['> nor a quote', '\\> nor a quote'],
    ['# nor a heading', '\\# nor a heading'],
    ['1. nor a numbered item', '1\\. nor a numbered item'],
    ['line one\r\n- line two\rthree\nfour', 'line one - line two three four'],
    ['well-known 2.5 items', 'well-known 2.5 items'],
  ])('shows %j literally', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('keeps line breaks as hard breaks for multi-line text, escaping each line', () => {
    expect(escapeMarkdownLines('one\n- two')).toBe('one  \n\\- two');
  });
});
