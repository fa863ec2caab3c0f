import { fail, ok, type Result } from '../domain/result';
import type { Caller } from './caller';
import type { FlowDeps } from './flowDeps';
import type { PrepBrief } from './ports';
import { prepBrief } from './prep';
import { recentIntros } from './recap';

/** The prep brief of the caller's next intro as leader (the soonest of their latest 20 still to start). */
export async function nextPrep(deps: FlowDeps, caller: Caller): Promise<Result<PrepBrief, 'noneComing'>> {
  const now = deps.clock.now();
  // Newest first: the last one still to come is the soonest.
  const next = (await recentIntros(deps, caller, 20))
    .filter((intro) => intro.leader.id === caller.userId && Date.parse(intro.scheduledStart ?? '') > now)
    .at(-1);
  if (!next) return fail('noneComing', 'The caller leads no intro 1:1 still to come.');
  return ok(await prepBrief(deps, next));
}
