import type { IntroSession, ParticipantIntro } from '../../app/participantIntro';
import type { Page } from '../../app/ports';
import type { IntroList, IntroView, SessionView } from '../../contract';
import { buildAgenda } from '../../domain/agenda';
import type { Intro } from '../../domain/intro';

/** The session as the API answers it: stamped with the server's time, with who leads and any pending role switch. */
export function sessionView({ intro, session, now }: IntroSession): SessionView {
  return {
    session: session.value,
    version: session.version,
    serverNow: now,
    leaderId: intro.leader.id,
    ...(intro.roleSwitch ? { roleSwitch: intro.roleSwitch } : {}),
    ...(intro.roleChanges ? { roleChanges: intro.roleChanges } : {}),
  };
}

/** The intro as one participant sees it, with its agenda and session. */
export function introView(opened: ParticipantIntro): IntroView {
  const { intro, role } = opened;
  return { intro, role, agenda: buildAgenda(intro.durationMinutes), session: sessionView(opened) };
}

/** A page of intros, with the cursor only when there is a next page. */
export function introListView({ items, nextCursor }: Page<Intro>): IntroList {
  return nextCursor ? { items, nextCursor } : { items };
}
