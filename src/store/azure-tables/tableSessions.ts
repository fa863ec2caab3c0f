import type { TableClient } from '@azure/data-tables';
import type { Versioned, WriteOutcome } from '../../app/ports';
import { NOT_STARTED, type Session } from '../../domain/session';
import { sessionCodec } from '../codecs/records';
import { unless } from './tables';

interface SessionEntity {
  readonly etag: string;
  readonly version: number;
  readonly json: string;
}

/** The session half of IntroStore, plus removal for intro deletes. */
interface TableSessions {
  get(tenantId: string, introId: string): Promise<Versioned<Session>>;
  save(tenantId: string, introId: string, session: Session, expected: number): Promise<WriteOutcome<Session>>;
  delete(tenantId: string, introId: string): Promise<void>;
}

/** Session clocks on Azure Tables, written with ETag-conditional updates. */
export function tableSessions(table: TableClient): TableSessions {
  const read = async (tenantId: string, introId: string) => {
    const entity = await unless([404], () => table.getEntity<SessionEntity>(tenantId, introId));
    if (!entity) return undefined;
    const value: Versioned<Session> = {
      value: sessionCodec.decode(entity.json),
      version: entity.version,
    };
    return { value, etag: entity.etag };
  };
  return {
    get: async (tenantId: string, introId: string): Promise<Versioned<Session>> =>
      (await read(tenantId, introId))?.value ?? { value: NOT_STARTED, version: 0 },
    save: async (
      tenantId: string,
      introId: string,
      session: Session,
      expected: number,
    ): Promise<WriteOutcome<Session>> => {
      const entity = {
        partitionKey: tenantId,
        rowKey: introId,
        version: expected + 1,
        json: sessionCodec.encode(session),
      };
      const stored = expected === 0 ? undefined : await read(tenantId, introId);
      const written =
        expected === 0
          ? await unless([409], () => table.createEntity(entity))
          : stored?.value.version === expected
            ? await unless([412, 404], () => table.updateEntity(entity, 'Replace', { etag: stored.etag }))
            : undefined;
      if (written) return { ok: true, value: { value: session, version: expected + 1 } };
      return { ok: false, current: (await read(tenantId, introId))?.value };
    },
    delete: async (tenantId: string, introId: string) => {
      await unless([404], () => table.deleteEntity(tenantId, introId));
    },
  };
}
