import { normalizeText, parseCommand, type Command } from '../../src/bot/commands';

describe('parseCommand', () => {
  it.each<[string | undefined, Command]>([
    ['help', { kind: 'help' }],
    ['  HeLp  ', { kind: 'help' }],
    ['<at>Intro 1:1</at> help', { kind: 'help' }],
    ['agenda', { kind: 'agenda' }],
    ['Agenda 30', { kind: 'agenda', minutes: 30 }],
    ['agenda 50 minutes', { kind: 'agenda', minutes: 50 }],
    ['agenda 61', { kind: 'agenda', minutes: 61 }],
    ['agenda 40.5', { kind: 'agenda', minutes: 40.5 }],
    ['schedule', { kind: 'flow', name: 'schedule' }],
    ['prep', { kind: 'flow', name: 'prep' }],
    ['recap', { kind: 'flow', name: 'recap' }],
    ['HISTORY', { kind: 'flow', name: 'history' }],
    ['schedule tomorrow', { kind: 'unknown', text: 'schedule tomorrow' }],
    ['hello there', { kind: 'unknown', text: 'hello there' }],
    ['agendas', { kind: 'unknown', text: 'agendas' }],
    [undefined, { kind: 'unknown', text: '' }],
  ])('parses %p', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it('turns a non-numeric duration into NaN so validation refuses it', () => {
    const command = parseCommand('agenda soon');
    expect(command.kind).toBe('agenda');
    expect(command.kind === 'agenda' && Number.isNaN(command.minutes)).toBe(true);
  });
});

describe('normalizeText', () => {
  it('drops every mention and collapses whitespace', () => {
    expect(normalizeText('<at>Intro</at>\n  Agenda\t<at>Ada</at> 30')).toBe('agenda 30');
  });
});
