import { COMMAND_NAMES, COMMANDS, type CommandInfo } from '../commands';
import { adaptiveCard, commandButton, heading, text, type AdaptiveCard, type CardElement } from './card';

function commandRow(command: CommandInfo): CardElement {
  const label = `**${command.usage}**`;
  return {
    type: 'Container',
    spacing: 'Small',
    items: [text(label), text(command.description, { isSubtle: true, spacing: 'None' })],
  };
}

/** The card listing every command, with buttons for the first few. */
export function helpCard(): AdaptiveCard {
  const commands = COMMAND_NAMES.map((name) => COMMANDS[name]);
  return adaptiveCard(
    [heading('What I can do'), text('Type a command or press a button.'), ...commands.map(commandRow)],
    commands
      .filter((command) => command.name !== 'help')
      // Teams shows at most five actions; the rest are listed above.
      .slice(0, 5)
      .map((command) => commandButton(`${command.name[0]?.toUpperCase()}${command.name.slice(1)}`, command.name)),
  );
}
