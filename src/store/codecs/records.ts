import { z } from 'zod';
import { sessionSchema } from '../../domain/session.schema';
import { introSchema } from '../../domain/intro.schema';
import { installedTeamSchema, teamPlanSchema } from '../teamPlan.schema';
import { defineCodec } from './defineCodec';

// Every kind of stored JSON record but notes (notesCodec.ts). To change a record's shape: change its schema, append a
// migration from the last version, add the old document to tests/store/codecs.test.ts, and keep the legacy fixtures
// (tests/store/legacy, written by tests/store/legacy/writeFixture.ts for each release) reading back.

/** An intro. */
export const introCodec = defineCodec({ kind: 'intro', field: 'intro', schema: introSchema });
/** A session clock; its version lives beside it. */
export const sessionCodec = defineCodec({ kind: 'session', field: 'session', schema: sessionSchema });
/** A Bot Framework conversation reference. */
export const conversationCodec = defineCodec({
  kind: 'conversation reference',
  field: 'reference',
  schema: z.record(z.unknown()),
});
/** A job's payload; its id, kind, due time and lease live beside it. */
export const jobPayloadCodec = defineCodec({ kind: 'job payload', field: 'payload', schema: z.record(z.unknown()) });
/** A bot turn-state item, without its eTag. */
export const botItemCodec = defineCodec({ kind: 'bot storage item', field: 'item', schema: z.record(z.unknown()) });
/** A team the app is installed in. */
export const teamCodec = defineCodec({ kind: 'team', field: 'team', schema: installedTeamSchema });
/** A leader's plan of intros with a team; its version lives beside it. */
export const teamPlanCodec = defineCodec({ kind: 'team plan', field: 'plan', schema: teamPlanSchema });
