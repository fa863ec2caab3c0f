import { randomUUID } from 'node:crypto';
import { openTableTeamPlanStore } from '../../src/store/azure-tables/tableTeamPlanStore';
import { openSqliteTeamPlanStore } from '../../src/store/sqlite/sqliteTeamPlanStore';
import { describeTeamPlanContract } from './contract/teamPlanContract';
import { startAzurite, type Azurite } from './support/azurite';
import { tempDirs } from './support/tempDir';

const dirs = tempDirs('intro-teamplans-');
const closers: (() => void)[] = [];
let azurite: Azurite | undefined;

beforeAll(async () => {
  azurite = await startAzurite(dirs.make());
}, 30_000);
afterAll(async () => {
  closers.forEach((close) => close());
  await azurite?.stop();
  dirs.removeAll();
});

describe('sqlite', () => {
  describeTeamPlanContract(async () => {
    const dir = dirs.make();
    const [store, second] = [openSqliteTeamPlanStore(dir), openSqliteTeamPlanStore(dir)];
    closers.push(store.close, second.close);
    return { store, second };
  });
});

describe('azure tables (Azurite)', () => {
  describeTeamPlanContract(async () => {
    if (!azurite) throw new Error('Azurite is not running');
    const prefix = `t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    return {
      store: await openTableTeamPlanStore(azurite.connectionString, prefix),
      second: await openTableTeamPlanStore(azurite.connectionString, prefix),
    };
  });
});
