import type { UseCaseDeps } from './deps';
import type { FlowDeps } from './flowDeps';
import { carriedForward, listHistory, searchHistory } from './history';
import { meetingEnded, meetingStarted } from './meetingEvents';
import { nextPrep } from './nextIntro';
import { deleteAllMyData, deleteMyNotes, exportEntries } from './historyData';
import { openInPerson, startInPerson } from './inPerson';
import { getIntro, listMyIntros } from './intros';
import { getMeetingIntro, startMeetingIntro } from './meetingIntros';
import { getMyNotes, saveMyNotes } from './notes';
import type { FreeBusy, InstalledTeam, Notifier, TeamPlanStore } from './ports';
import { latestRecap, recentIntros, shareRecap } from './recap';
import { switchIntroRoles } from './roleSwitch';
import { scheduleIntro, type ScheduleRequest } from './scheduling';
import { changeSession, getSession } from './sessions';
import { confirmPlan, planTeam } from './teamPlan';
import type { TeamPlanDeps } from './teamPlanSupport';
import { newcomerJoined, teamProgress } from './teamProgress';
import type { Caller } from './caller';
import type { IntroId, TenantId, UserId } from '../domain/ids';

/** `useCase` with its dependencies filled in, as an edge calls it. */
const bound =
  <D, A extends unknown[], R>(deps: D, useCase: (deps: D, ...args: A) => R) =>
  (...args: A): R =>
    useCase(deps, ...args);

/** What the HTTP edge's use cases need: the stores and clock, where recaps go, and the team plans. */
interface HttpUseCaseDeps {
  readonly useCases: UseCaseDeps;
  /** Where the leader's private recap goes on End, and what the leader shares; none without a bot. */
  readonly notifier?: Notifier;
  readonly teams: TeamPlanDeps;
}

/** The use cases the HTTP edge may call, bound to their dependencies: it reaches no store or port itself. */
export function httpUseCases({ useCases: deps, notifier, teams }: HttpUseCaseDeps) {
  return {
    now: () => deps.clock.now(),
    getMeetingIntro: bound(deps, getMeetingIntro),
    startMeetingIntro: bound(deps, startMeetingIntro),
    listMyIntros: bound(deps, listMyIntros),
    getIntro: bound(deps, getIntro),
    getSession: bound(deps, getSession),
    changeSession: bound({ ...deps, notifier }, changeSession),
    getMyNotes: bound(deps, getMyNotes),
    saveMyNotes: bound(deps, saveMyNotes),
    deleteMyNotes: bound(deps, deleteMyNotes),
    switchIntroRoles: bound(deps, switchIntroRoles),
    /** Absent without a bot: nothing can reach the member. */
    shareRecap: notifier ? bound({ ...deps, notifier }, shareRecap) : undefined,
    startInPerson: bound(deps, startInPerson),
    openInPerson: bound(deps, openInPerson),
    listHistory: bound(deps, listHistory),
    searchHistory: bound(deps, searchHistory),
    exportEntries: bound(deps, exportEntries),
    deleteAllMyData: bound(deps, deleteAllMyData),
    carriedForward: bound(deps, carriedForward),
    teamProgress: bound(teams, teamProgress),
    /** The intro a signed invite link names; the link's signature is checked before. */
    inviteIntro: (tenantId: TenantId, id: IntroId) => deps.intros.get(tenantId, id),
  };
}

/** The HTTP edge's use cases. */
export type HttpUseCases = ReturnType<typeof httpUseCases>;

/** What the bot's use cases need: the flows' stores and services, and the team plans with free/busy. */
interface BotUseCaseDeps {
  readonly flows: FlowDeps;
  readonly teams: { readonly teamPlans: TeamPlanStore; readonly freeBusy?: FreeBusy; readonly maxPerDay?: number };
}

/** The use cases the bot may call, bound to their dependencies: it reaches no intro, note or job store itself. */
export function botUseCases({ flows, teams }: BotUseCaseDeps) {
  const planDeps = { ...flows, ...teams };
  return {
    now: () => flows.clock.now(),
    /** The most intros a leader gets on one day, as the team plans count them. */
    maxPerDay: teams.maxPerDay ?? 3,
    nextPrep: bound(flows, nextPrep),
    latestRecap: bound(flows, latestRecap),
    recentIntros: bound(flows, recentIntros),
    shareRecap: bound(flows, shareRecap),
    meetingStarted: bound(flows, meetingStarted),
    meetingEnded: bound(flows, meetingEnded),
    /** Schedules under the id the card gave, so one card schedules once. */
    scheduleIntro: (caller: Caller, request: ScheduleRequest, introId: IntroId) =>
      scheduleIntro({ ...flows, newIntroId: () => introId }, caller, request),
    findIntro: (tenantId: TenantId, id: IntroId) => flows.intros.get(tenantId, id),
    /** Where the bot reaches someone, with what it last heard of them (name, time zone). */
    conversationOf: (tenantId: TenantId, userId: UserId) => flows.conversations.get(tenantId, userId),
    planTeam: bound(planDeps, planTeam),
    confirmPlan: bound(planDeps, confirmPlan),
    teamProgress: bound(planDeps, teamProgress),
    newcomerJoined: bound(planDeps, newcomerJoined),
    getTeam: (tenantId: TenantId, teamId: string) => teams.teamPlans.getTeam(tenantId, teamId),
    listTeams: (tenantId: TenantId) => teams.teamPlans.listTeams(tenantId),
    /** Remembers a team the bot was installed in (or heard from), for "meet my team". */
    recordTeam: (tenantId: TenantId, team: InstalledTeam) => teams.teamPlans.saveTeam(tenantId, team),
  };
}

/** The bot's use cases. */
export type BotUseCases = ReturnType<typeof botUseCases>;
