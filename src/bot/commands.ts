/** The bot's commands, in the order the help card lists them. */
export const COMMAND_NAMES = ['schedule', 'agenda', 'prep', 'recap', 'history', 'meet', 'team', 'help'] as const;

/** One of the bot's commands. */
type CommandName = (typeof COMMAND_NAMES)[number];

/** What a command does, for the help card. */
export interface CommandInfo {
  readonly name: CommandName;
  readonly usage: string;
  readonly description: string;
}

/** The catalogue the help card and the router share. */
export const COMMANDS: Readonly<Record<CommandName, CommandInfo>> = {
  schedule: {
    name: 'schedule',
    usage: 'schedule',
    description: 'Plan an intro 1:1 with someone: date, length and setting.',
  },
  agenda: {
    name: 'agenda',
    usage: 'agenda [minutes]',
    description: 'The three phases with their minutes, questions and tips (30–60 minutes, 45 by default).',
  },
  prep: {
    name: 'prep',
    usage: 'prep',
    description: 'Prepare your next intro: questions, tips and what you noted last time.',
  },
  recap: { name: 'recap', usage: 'recap', description: 'Your private recap of the last intro.' },
  history: { name: 'history', usage: 'history', description: 'Your latest intros, with links.' },
  meet: {
    name: 'meet',
    usage: 'meet my team',
    description: 'Plan an intro with everyone in a team (here, or @mention me in the team): sent to you privately.',
  },
  team: { name: 'team', usage: 'team', description: 'How your planned teams are going.' },
  help: { name: 'help', usage: 'help', description: 'What I can do.' },
};

/** Commands served by the bot's flows (schedule, prep, recap, history, meet my team, team). */
export type FlowCommand = 'schedule' | 'prep' | 'recap' | 'history' | 'meet' | 'team';

/** A message from the user, understood as a command. */
export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'agenda'; readonly minutes?: number }
  | { readonly kind: 'flow'; readonly name: FlowCommand }
  | { readonly kind: 'unknown'; readonly text: string };

/** Removes `<at>…</at>` mentions, collapses whitespace and lower-cases. */
export function normalizeText(text: string | undefined): string {
  return (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function isCommandName(word: string): word is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(word);
}

/** Parses a message's text; "agenda 30" carries its minutes unvalidated (NaN when not a number). */
export function parseCommand(text: string | undefined): Command {
  const normalized = normalizeText(text);
  const [word = '', ...rest] = normalized.split(' ');
  const unknown: Command = { kind: 'unknown', text: normalized };
  if (!isCommandName(word)) return unknown;
  if (word === 'help') return { kind: 'help' };
  if (word === 'agenda') {
    const argument = rest.join(' ').replace(/\s*(minutes|minute|mins|min)\.?$/, '');
    return argument === '' ? { kind: 'agenda' } : { kind: 'agenda', minutes: toMinutes(argument) };
  }
  if (word === 'meet') return ['', 'my team'].includes(rest.join(' ')) ? { kind: 'flow', name: 'meet' } : unknown;
  return rest.length === 0 ? { kind: 'flow', name: word } : unknown;
}

function toMinutes(argument: string): number {
  return /^-?\d+(\.\d+)?$/.test(argument) ? Number(argument) : Number.NaN;
}
