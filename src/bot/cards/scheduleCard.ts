import { DEFAULT_MINUTES, SETTING_LABELS, SETTINGS, type Setting } from '../../domain/intro';
import { adaptiveCard, text, type AdaptiveCard, type CardElement } from './card';

/** Bumped whenever the card's inputs change; older cards are refused as stale. */
export const SCHEDULE_CARD_VERSION = 1;
/** The verb the schedule card submits with. */
export const SCHEDULE_VERB = 'scheduleIntro';

/** What the card was issued with; signed so a submission cannot be replayed with other values. */
export interface ScheduleStamp {
  readonly issuedAt: number;
  /** Tells two cards apart, so each schedules at most one intro. */
  readonly nonce?: string;
  readonly timeZone: string;
  readonly sig: string;
}

/** Values to show in the inputs (a re-sent card keeps what the user typed). */
export interface ScheduleValues {
  readonly person?: string;
  readonly personText?: string;
  readonly date: string;
  readonly time: string;
  readonly duration: string;
  readonly setting: Setting;
}

function personInputs(values: ScheduleValues): CardElement[] {
  return [
    {
      type: 'Input.ChoiceSet',
      id: 'person',
      label: 'Who',
      placeholder: 'Search for a person in your organisation',
      style: 'filtered',
      choices: [],
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
      ...(values.person ? { value: values.person } : {}),
    },
    {
      type: 'Input.Text',
      id: 'personText',
      label: 'Or type their name or email (if search is not available)',
      placeholder: 'e.g. Sam Rivera or sam@contoso.com',
      maxLength: 200,
      ...(values.personText ? { value: values.personText } : {}),
    },
  ];
}

function choice(title: string, value: string): CardElement {
  return { title, value };
}

/** The schedule card: person, date and time in the user's zone, length, setting and a privacy reminder. */
export function scheduleCard(stamp: ScheduleStamp, values: ScheduleValues, error?: string): AdaptiveCard {
  return adaptiveCard(
    [
      text('Schedule an intro 1:1', { size: 'Large', weight: 'Bolder', style: 'heading' }),
      ...(error ? [text(`⚠ ${error}`, { color: 'Attention', weight: 'Bolder', id: 'error' })] : []),
      ...personInputs(values),
      {
        type: 'Input.Date',
        id: 'date',
        label: `Date (${stamp.timeZone})`,
        value: values.date,
        isRequired: true,
        errorMessage: 'Choose a date.',
      },
      {
        type: 'Input.Time',
        id: 'time',
        label: `Time (${stamp.timeZone})`,
        value: values.time,
        isRequired: true,
        errorMessage: 'Choose a time.',
      },
      {
        type: 'Input.ChoiceSet',
        id: 'duration',
        label: 'Length',
        style: 'compact',
        value: values.duration || String(DEFAULT_MINUTES),
        choices: [choice('30 minutes', '30'), choice('45 minutes (recommended)', '45'), choice('60 minutes', '60')],
      },
      {
        type: 'Input.ChoiceSet',
        id: 'setting',
        label: 'Setting',
        style: 'compact',
        value: values.setting,
        choices: SETTINGS.map((setting) => choice(SETTING_LABELS[setting], setting)),
      },
      text('Pick a private setting where you both can talk freely. Your notes stay private: only you can read them.', {
        isSubtle: true,
        size: 'Small',
      }),
    ],
    [
      {
        type: 'Action.Submit',
        title: 'Schedule',
        style: 'positive',
        data: { verb: SCHEDULE_VERB, cardVersion: SCHEDULE_CARD_VERSION, ...stamp },
      },
    ],
  );
}
