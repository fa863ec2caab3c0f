import type { Intro, Setting } from '../../../src/domain/intro';

/** Someone the caller could be meeting in person, from their own intros. */
export interface KnownPerson {
  readonly id: string;
  readonly name: string;
  /** ISO 8601, when an intro with them is planned today. */
  readonly today?: string;
}

/** A setting held in person. */
export type InPersonSetting = Exclude<Setting, 'teamsCall'>;

/** Settings held in person, where the run view is how to run the intro. */
export const IN_PERSON: readonly InPersonSetting[] = ['coffee', 'lunch', 'meetingRoom'];

/** Whether a setting is held in person. */
const isInPersonSetting = (setting: Setting): setting is InPersonSetting => setting !== 'teamsCall';

const sameDay = (iso: string | undefined, now: number) =>
  iso !== undefined && new Date(iso).toDateString() === new Date(now).toDateString();

/** The people the caller scheduled (as leader), today's at the top by time, then the most recent first, once each. */
export function peopleToMeet(intros: readonly Intro[], me: string, now: number): KnownPerson[] {
  const led = intros.filter((intro) => intro.leader.id === me && intro.member && intro.status !== 'cancelled');
  const today = led
    .filter((intro) => sameDay(intro.scheduledStart, now) && intro.status !== 'done')
    .sort((a, b) => (a.scheduledStart ?? '').localeCompare(b.scheduledStart ?? ''));
  const people = new Map<string, KnownPerson>();
  for (const intro of [...today, ...led]) {
    const member = intro.member;
    if (!member || people.has(member.id)) continue;
    const planned = today.includes(intro) ? { today: intro.scheduledStart } : {};
    people.set(member.id, { id: member.id, name: member.name, ...planned });
  }
  return [...people.values()];
}

/** An in-person intro the caller can run (leader) or follow (member) now. */
export interface RunnableIntro {
  readonly intro: Intro;
  readonly role: 'leader' | 'member';
}

/** In-person intros not yet done, soonest first: "Run it now" for the leader, "Follow along" for the other person. */
export function runnableInPerson(intros: readonly Intro[], me: string): RunnableIntro[] {
  return intros
    .filter((intro) => isInPersonSetting(intro.setting) && intro.status !== 'done' && intro.status !== 'cancelled')
    .flatMap((intro): RunnableIntro[] => {
      if (intro.leader.id === me) return [{ intro, role: 'leader' }];
      return intro.member?.id === me ? [{ intro, role: 'member' }] : [];
    })
    .sort((a, b) => (a.intro.scheduledStart ?? '').localeCompare(b.intro.scheduledStart ?? ''));
}

/** The intro a Teams deep link asks to run: `subEntityId` "run:<introId>" (or `?run=` outside Teams). */
export function runTarget(subPageId: string | undefined, search: string): string | undefined {
  const fromLink = subPageId?.startsWith('run:') ? subPageId.slice('run:'.length) : undefined;
  const id = fromLink ?? new URLSearchParams(search).get('run') ?? undefined;
  return id && /^[\w-]{1,100}$/.test(id) ? id : undefined;
}

/** "14:30" for a time today, in the person's locale. */
export function timeOfDay(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
