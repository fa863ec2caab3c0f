import { agendaCard } from '../../../src/bot/cards/agendaCard';
import { helpCard } from '../../../src/bot/cards/helpCard';
import { COMMAND_NAMES, COMMANDS, parseCommand } from '../../../src/bot/commands';
import { welcomeCard } from '../../../src/bot/cards/welcomeCard';
import { buildAgenda } from '../../../src/domain/agenda';
import { MAX_MINUTES, MIN_MINUTES } from '../../../src/domain/intro';
import { validateCard } from '../../support/adaptiveCards';
import { textsOf } from '../botHelpers';

const durations = Array.from({ length: MAX_MINUTES - MIN_MINUTES + 1 }, (_, i) => MIN_MINUTES + i);

describe('cards', () => {
  it('builds a valid welcome card that links to the privacy page under the public URL', () => {
    const card = welcomeCard('https://intro.example.com');
    expect(validateCard(card)).toEqual([]);
    expect(card.actions).toContainEqual({
      type: 'Action.OpenUrl',
      title: 'Privacy',
      url: 'https://intro.example.com/tab/index.html?view=history#privacy',
    });
  });

  it('builds a valid help card that lists every command in the command table, in its order', () => {
    const card = helpCard();
    expect(validateCard(card)).toEqual([]);
    const listed = textsOf(card.body).filter((text) => /^\*\*.+\*\*$/.test(text));
    expect(listed).toEqual(COMMAND_NAMES.map((name) => `**${COMMANDS[name].usage}**`));
  });

  it('gives the help card at most five buttons (as many as Teams shows), each running a command other than help', () => {
    const buttons = (helpCard().actions ?? []) as { data?: { msteams?: { text?: string } } }[];
    const commands = buttons.map((button) => parseCommand(button.data?.msteams?.text).kind);
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.length).toBeLessThanOrEqual(5);
    for (const kind of commands) expect(['unknown', 'help']).not.toContain(kind);
  });

  it.each(durations)('builds a valid %i-minute agenda whose phase minutes add up', (minutes) => {
    const card = agendaCard(buildAgenda(minutes));
    expect(validateCard(card)).toEqual([]);
    const phaseMinutes = textsOf(card)
      .map((text) => /^\d\. .+ — (\d+) min$/.exec(text)?.[1])
      .filter((value): value is string => value !== undefined)
      .map(Number);
    expect(phaseMinutes).toHaveLength(3);
    expect(phaseMinutes.reduce((a, b) => a + b, 0)).toBe(minutes);
  });

  it('gives each phase its own hidden tips container and a toggle that targets it', () => {
    const json = JSON.stringify(agendaCard(buildAgenda(45)));
    for (const phase of ['goals', 'pullFeedback', 'pushFeedback']) {
      expect(json).toContain(`"id":"tips-${phase}","isVisible":false`);
      expect(json).toContain(`"targetElements":["tips-${phase}"]`);
    }
  });
});
