import { COMMAND_NAMES, COMMANDS, type CommandInfo } from '../commands';
import { adaptiveCard, commandButton, heading, text, type AdaptiveCard, type CardElement } from './card';

function commandRow(command: CommandInfo): CardElement {
  const label = command.available ? `**${command.usage}**` : `**${command.usage}** _(coming soon)_`;
  return {
    type: 'Container',
    spacing: 'Small',
    items: [text(label), text(command.description, { isSubtle: true, spacing: 'None' })],
  };
}

/** The card listing every command, marking those not built yet as coming soon. */
export function helpCard(): AdaptiveCard {
  const commands = COMMAND_NAMES.map((name) => COMMANDS[name]);
  return adaptiveCard(
    [heading('What I can do'), text('Type a command or press a button.'), ...commands.map(commandRow)],
    commands
      .filter((command) => command.available && command.name !== 'help')
      // Teams shows at most five actions; the rest are listed above.
      .slice(0, 5)
      .map((command) => commandButton(`${command.name[0]?.toUpperCase()}${command.name.slice(1)}`, command.name)),
  );
}
