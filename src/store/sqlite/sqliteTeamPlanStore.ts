import type Database from 'better-sqlite3';
import type { TeamPlanStore, Versioned } from '../../app/ports';
import type { TeamPlan } from '../../domain/teamPlan';
import { teamCodec, teamPlanCodec } from '../codecs/records';
import { installedTeamSchema, teamPlanSchema } from '../teamPlan.schema';
import { emptyWal } from './walCheckpointer';

/** TeamPlanStore on SQLite: one row per installed team, one per leader and team plan, on the store's connection. */
export function sqliteTeamPlanStore(db: Database.Database): TeamPlanStore {
  const q = {
    saveTeam: db.prepare(`INSERT INTO teams (tenant_id, team_id, json) VALUES (?, ?, ?)
      ON CONFLICT (tenant_id, team_id) DO UPDATE SET json = excluded.json`),
    getTeam: db.prepare<[string, string], { json: string }>(
      'SELECT json FROM teams WHERE tenant_id = ? AND team_id = ?',
    ),
    listTeams: db.prepare<[string], { json: string }>('SELECT json FROM teams WHERE tenant_id = ? ORDER BY team_id'),
    getPlan: db.prepare<[string, string, string], { json: string; version: number }>(
      'SELECT json, version FROM team_plans WHERE tenant_id = ? AND team_id = ? AND leader_id = ?',
    ),
    insertPlan: db.prepare(`INSERT INTO team_plans (tenant_id, team_id, leader_id, version, json) VALUES (?, ?, ?, 1, ?)
      ON CONFLICT DO NOTHING`),
    updatePlan: db.prepare(`UPDATE team_plans SET json = ?, version = version + 1
      WHERE tenant_id = ? AND team_id = ? AND leader_id = ? AND version = ?`),
    byTeam: db.prepare<[string, string], { json: string }>(
      'SELECT json FROM team_plans WHERE tenant_id = ? AND team_id = ? ORDER BY leader_id',
    ),
    deleteByLeader: db.prepare('DELETE FROM team_plans WHERE tenant_id = ? AND leader_id = ?'),
    byLeader: db.prepare<[string, string], { json: string }>(
      'SELECT json FROM team_plans WHERE tenant_id = ? AND leader_id = ? ORDER BY team_id',
    ),
  };
  const team = teamCodec.decode;
  const plan = teamPlanCodec.decode;
  const getPlan = (tenantId: string, teamId: string, leaderId: string): Versioned<TeamPlan> | undefined => {
    const row = q.getPlan.get(tenantId, teamId, leaderId);
    return row && { value: plan(row.json), version: row.version };
  };
  return {
    saveTeam: async (tenantId, input) => {
      const value = installedTeamSchema.parse(input);
      q.saveTeam.run(tenantId, value.teamId, teamCodec.encode(value));
    },
    getTeam: async (tenantId, teamId) => {
      const row = q.getTeam.get(tenantId, teamId);
      return row && team(row.json);
    },
    listTeams: async (tenantId) => q.listTeams.all(tenantId).map((row) => team(row.json)),
    getPlan: async (tenantId, teamId, leaderId) => getPlan(tenantId, teamId, leaderId),
    savePlan: async (input, expectedVersion) => {
      const value = teamPlanSchema.parse(input);
      const keys = [value.tenantId, value.teamId, value.leader.id] as const;
      const json = teamPlanCodec.encode(value);
      const written =
        expectedVersion === 0 ? q.insertPlan.run(...keys, json) : q.updatePlan.run(json, ...keys, expectedVersion);
      if (written.changes === 1) return { ok: true, value: { value, version: expectedVersion + 1 } };
      return { ok: false, current: getPlan(...keys) };
    },
    plansForTeam: async (tenantId, teamId) => q.byTeam.all(tenantId, teamId).map((row) => plan(row.json)),
    plansForLeader: async (tenantId, leaderId) => q.byLeader.all(tenantId, leaderId).map((row) => plan(row.json)),
    // secure_delete zeroes the rows in the new page image; emptying the WAL writes it over the old page in the file.
    deletePlansOfLeader: async (tenantId, leaderId) => {
      q.deleteByLeader.run(tenantId, leaderId);
      await emptyWal(db);
    },
  };
}
