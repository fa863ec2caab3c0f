import type { PhaseId } from './phases';

/** What the leader can ask and keep in mind during one phase. */
export interface PhaseGuide {
  readonly title: string;
  /** One line on what the phase is for. */
  readonly purpose: string;
  /** Questions to pick from; the leader may skip any. */
  readonly prompts: readonly string[];
  /** Coaching for the leader while the phase runs. */
  readonly tips: readonly string[];
}

/** Why the app exists, in one line for cards and the side panel. */
export const METHOD_SUMMARY =
  'Get to know the person beyond day-to-day work: their goals first, then how it is going for them, then your feedback.';

/** How the leader opens the conversation, before the first phase. */
export const OPENING: readonly string[] = [
  'Say what this is for: getting to know each other. It is not a status update or a review.',
  'Nothing said today is a promise; knowing their goals just lets you help in small ways.',
  'Ask what they need and expect from you in your role.',
];

/** What the member can bring, before the first phase. */
export const MEMBER_OPENING: readonly string[] = [
  'This is a conversation to get to know each other, not a status update or a review.',
  'Bring a few goals, big or small, and one or two things you have noticed since you started.',
  'Think about what you need from your leader, and how you like to get feedback.',
];

/** One phase as the member sees it: what it is for them and what they might say or ask. */
interface MemberGuide {
  readonly purpose: string;
  readonly prompts: readonly string[];
}

/** The member's side of each phase, in their own words; no coaching tips and no question list for the leader. */
export const MEMBER_GUIDE: Readonly<Record<PhaseId, MemberGuide>> = {
  goals: {
    purpose: 'Share what you want, big or small, near or far.',
    prompts: [
      'A goal for this year, and one further out.',
      'A skill or a language you would like to learn.',
      'Which goal is going well, and which feels stuck.',
    ],
  },
  pullFeedback: {
    purpose: 'Say how it is going for you and what you think needs fixing.',
    prompts: [
      'What surprised you so far.',
      'Something that slows you down, with an example.',
      'Something that works well and should stay.',
    ],
  },
  pushFeedback: {
    purpose: 'Hear feedback tied to your goals, and give some back.',
    prompts: [
      'Ask what would help you reach one of your goals.',
      'Say how you like to get feedback: in the moment or in 1:1s, in public or in private.',
      'Share one piece of feedback for your leader.',
    ],
  },
};

/** The method's guidance for each phase, in order. */
export const METHOD: Readonly<Record<PhaseId, PhaseGuide>> = {
  goals: {
    title: 'Goals',
    purpose: 'Learn what they want, big or small, near or far.',
    prompts: [
      'Tell me about your goals: anything from a career move to what you want for lunch.',
      'What would you like to be doing a year from now? In five years?',
      'Is there a skill or a language you want to learn?',
      'Which of these goals is going well, and which feels stuck?',
    ],
    tips: [
      'Cover short, medium and long term.',
      'Do not promise to get them there; say that knowing helps you help.',
      'Write goals down: your feedback later will build on them.',
    ],
  },
  pullFeedback: {
    title: "How it's going",
    purpose: 'Hear how it is going for them and what they think needs fixing.',
    prompts: [
      'How is it going so far? What has surprised you?',
      'What have you noticed that needs sorting out?',
      'What works well that you would hate to see changed?',
      'What small thing slows you down every week?',
      'From 1 to 10, how do you feel about things here? What would make it one higher?',
    ],
    tips: [
      'Give them time; silence is fine.',
      'Ask for details and examples.',
      'Paraphrase what you heard and check you got it right.',
      'Do not defend or solve. Mostly listen.',
      'If you explain something, validate what they said too.',
    ],
  },
  pushFeedback: {
    title: 'Feedback',
    purpose: 'Share what you have noticed, framed in their goals.',
    prompts: [
      'One thing you did that I really appreciated was…',
      'You mentioned a goal; here is one thing that would help you get there…',
      'How do you like to get feedback: in the moment or in 1:1s, public or private?',
      'What feedback do you have for me?',
    ],
    tips: [
      'Bring both celebratory and critical feedback.',
      'Tie each point to a goal they named.',
      'Be specific: a behaviour you saw, not a trait.',
      'Offer help: ask what you can do.',
    ],
  },
};

/** What to do after the conversation. */
export const CLOSING: readonly string[] = [
  'Agree follow-ups, each with an owner.',
  'Carry their goals into your next conversation.',
];
