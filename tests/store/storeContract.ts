import { describeBotStorageContract } from './contract/botStorageContract';
import { describeConversationContract } from './contract/conversationContract';
import { describeIntroConcurrencyContract } from './contract/introConcurrencyContract';
import { describeIntroContract } from './contract/introContract';
import { describeJobContract } from './contract/jobContract';
import { describeNotesContract } from './contract/notesContract';
import { describeSealedNotesContract } from './contract/sealedNotesContract';
import { describeSessionContract } from './contract/sessionContract';
import { describeTeamPlanContract } from './contract/teamPlanContract';
import type { Harness, StoreUnderTest } from './contract/harness';

export type { RawNotesAccess, StorePorts, StoreUnderTest } from './contract/harness';

/**
 * The behaviour every store adapter must have. `open` gives a fresh, empty store; its optional `reopen` opens a
 * second, independent instance on the same data (as another server instance would), closed by `close`.
 */
export function describeStoreContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`store contract: ${name}`, () => {
    let current: StoreUnderTest | undefined;
    const harness: Harness = () => {
      if (!current) throw new Error('store not open');
      return current;
    };
    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      await current?.close();
      current = undefined;
    });

    it('answers a health ping', async () => {
      await expect(harness().store.health.ping()).resolves.toBeUndefined();
    });
    describeIntroContract(harness);
    describeIntroConcurrencyContract(harness);
    describeSessionContract(harness);
    describeNotesContract(harness);
    describeSealedNotesContract(harness);
    describeConversationContract(harness);
    describeJobContract(harness);
    describeBotStorageContract(harness);
    describeTeamPlanContract(harness);
  });
}
