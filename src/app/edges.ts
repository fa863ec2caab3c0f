import type { UseCaseDeps } from './deps';
import { carriedForward, listHistory, searchHistory } from './history';
import { deleteAllMyData, deleteMyNotes, exportEntries } from './historyData';
import { openInPerson, startInPerson } from './inPerson';
import { getIntro, listMyIntros } from './intros';
import { getMeetingIntro, startMeetingIntro } from './meetingIntros';
import { getMyNotes, saveMyNotes } from './notes';
import type { Notifier } from './ports';
import { shareRecap } from './recap';
import { switchIntroRoles } from './roleSwitch';
import { changeSession, getSession } from './sessions';
import type { TeamPlanDeps } from './teamPlanSupport';
import { teamProgress } from './teamProgress';
import type { TenantId, IntroId } from '../domain/ids';

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
