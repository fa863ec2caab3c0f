import { odata, type TableClient } from '@azure/data-tables';
import type { TeamPlanStore, Versioned } from '../../app/ports';
import type { TeamPlan } from '../../domain/teamPlan';
import { teamCodec, teamPlanCodec } from '../codecs/records';
import { installedTeamSchema, teamPlanSchema } from '../teamPlan.schema';
import { listAll, safeKey, unless } from './tables';

interface PlanEntity {
  readonly json: string;
  readonly version: number;
  readonly teamId: string;
  readonly leaderId: string;
  readonly etag?: string;
}

// Team ids contain characters a key may not (e.g. "19:…@thread.tacv2"), so they are encoded; "." never appears in one.
const planKey = (teamId: string, leaderId: string) => `${safeKey(teamId)}.${leaderId}`;

/** TeamPlanStore on Azure Tables: partition per tenant; one table for installed teams, one for plans. */
export function tableTeamPlanStore(teams: TableClient, plans: TableClient): TeamPlanStore {
  const team = teamCodec.decode;
  const plan = teamPlanCodec.decode;
  const getPlan = async (
    tenantId: string,
    teamId: string,
    leaderId: string,
  ): Promise<Versioned<TeamPlan> | undefined> => {
    const entity = await unless([404], () => plans.getEntity<PlanEntity>(tenantId, planKey(teamId, leaderId)));
    return entity && { value: plan(entity.json), version: entity.version };
  };
  const listPlans = async (filter: string) => (await listAll<PlanEntity>(plans, filter)).map((e) => plan(e.json));
  return {
    saveTeam: async (tenantId, input) => {
      const value = installedTeamSchema.parse(input);
      const json = teamCodec.encode(value);
      await teams.upsertEntity({ partitionKey: tenantId, rowKey: safeKey(value.teamId), json }, 'Replace');
    },
    getTeam: async (tenantId, teamId) => {
      const entity = await unless([404], () => teams.getEntity<{ json: string }>(tenantId, safeKey(teamId)));
      return entity && team(entity.json);
    },
    listTeams: async (tenantId) =>
      (await listAll<{ json: string }>(teams, odata`PartitionKey eq ${tenantId}`)).map((e) => team(e.json)),
    getPlan,
    savePlan: async (input, expectedVersion) => {
      const value = teamPlanSchema.parse(input);
      const rowKey = planKey(value.teamId, value.leader.id);
      const json = teamPlanCodec.encode(value);
      const entity = { partitionKey: value.tenantId, rowKey, json, teamId: value.teamId, leaderId: value.leader.id };
      const current = () => getPlan(value.tenantId, value.teamId, value.leader.id);
      if (expectedVersion === 0) {
        const created = await unless([409], () => plans.createEntity({ ...entity, version: 1 }));
        return created ? { ok: true, value: { value, version: 1 } } : { ok: false, current: await current() };
      }
      const old = await unless([404], () => plans.getEntity<PlanEntity>(value.tenantId, rowKey));
      if (!old || old.version !== expectedVersion) return { ok: false, current: await current() };
      const written = await unless([404, 412], () =>
        plans.updateEntity({ ...entity, version: expectedVersion + 1 }, 'Replace', { etag: old.etag ?? '*' }),
      );
      if (!written) return { ok: false, current: await current() };
      return { ok: true, value: { value, version: expectedVersion + 1 } };
    },
    plansForTeam: (tenantId, teamId) => listPlans(odata`PartitionKey eq ${tenantId} and teamId eq ${teamId}`),
    plansForLeader: (tenantId, leaderId) => listPlans(odata`PartitionKey eq ${tenantId} and leaderId eq ${leaderId}`),
    deletePlansOfLeader: async (tenantId, leaderId) => {
      const filter = odata`PartitionKey eq ${tenantId} and leaderId eq ${leaderId}`;
      for (const entity of await listAll<PlanEntity & { rowKey: string }>(plans, filter)) {
        await unless([404], () => plans.deleteEntity(tenantId, entity.rowKey));
      }
    },
  };
}
