import type { TeamPlanStore } from '../../../src/app/ports';
import type { UserId } from '../../../src/domain/ids';
import type { TeamPlan } from '../../../src/domain/teamPlan';
import { newTenant, newUser } from '../fixtures';
import { secondInstance, type Harness } from './harness';

const TEAM = '19:abc-DEF_1@thread.tacv2';

function makePlan(tenantId: TeamPlan['tenantId'], leaderId: UserId, teamId = TEAM): TeamPlan {
  return {
    tenantId,
    teamId,
    teamName: 'Platform',
    leader: { id: leaderId, name: 'Lee' },
    round: 1,
    timeZone: 'Europe/Paris',
    items: [
      { member: { id: newUser(), name: 'Kim' }, state: 'proposed', startMs: 1_750_000_000_000, durationMinutes: 45 },
    ],
    createdAt: '2025-06-02T08:00:00.000Z',
  };
}

/** TeamPlanStore: installed teams per tenant; plans per team and leader with versioned writes. */
export function describeTeamPlanContract(h: Harness): void {
  const open = async (): Promise<{ store: TeamPlanStore; second: TeamPlanStore }> => ({
    store: h().store.teamPlans,
    second: (await secondInstance(h)).teamPlans,
  });
  describe('team plans', () => {
    it('records installed teams per tenant and refreshes them', async () => {
      const { store, second } = await open();
      const tenantId = newTenant();
      const team = { teamId: TEAM, name: 'Platform', serviceUrl: 'https://smba.example/', installedAt: 'x' };
      expect(await store.getTeam(tenantId, TEAM)).toBeUndefined();
      await store.saveTeam(tenantId, team);
      await store.saveTeam(tenantId, { ...team, name: 'Platform team' });
      expect(await second.getTeam(tenantId, TEAM)).toEqual({ ...team, name: 'Platform team' });
      expect(await second.listTeams(tenantId)).toEqual([{ ...team, name: 'Platform team' }]);
      expect(await store.listTeams(newTenant())).toEqual([]);
    });

    it('writes a plan once per version and lists it by team and by leader', async () => {
      const { store, second } = await open();
      const tenantId = newTenant();
      const leader = newUser();
      const plan = makePlan(tenantId, leader);
      expect(await store.getPlan(tenantId, TEAM, leader)).toBeUndefined();
      expect(await store.savePlan(plan, 0)).toEqual({ ok: true, value: { value: plan, version: 1 } });
      const again = await second.savePlan(plan, 0);
      expect(again).toEqual({ ok: false, current: { value: plan, version: 1 } });
      const next = { ...plan, round: 2 };
      expect((await second.savePlan(next, 1)).ok).toBe(true);
      const stale = await store.savePlan({ ...plan, round: 9 }, 1);
      expect(stale).toEqual({ ok: false, current: { value: next, version: 2 } });
      const other = makePlan(tenantId, newUser());
      await store.savePlan(other, 0);
      await store.savePlan(makePlan(tenantId, leader, '19:other@thread.tacv2'), 0);
      expect((await store.plansForTeam(tenantId, TEAM)).map((p) => p.leader.id).sort()).toEqual(
        [leader, other.leader.id].sort(),
      );
      expect((await store.plansForLeader(tenantId, leader)).map((p) => p.teamId).sort()).toEqual(
        ['19:other@thread.tacv2', TEAM].sort(),
      );
      expect(await store.plansForLeader(newTenant(), leader)).toEqual([]);
      await second.deletePlansOfLeader(tenantId, leader);
      expect(await store.plansForLeader(tenantId, leader)).toEqual([]);
      expect((await store.plansForTeam(tenantId, TEAM)).map((p) => p.leader.id)).toEqual([other.leader.id]);
    });
  });
}
