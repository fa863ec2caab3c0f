import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { FreeBusy } from '../app/ports';
import type { UserId } from '../domain/ids';
import { fail, ok } from '../domain/result';
import type { Busy } from '../domain/teamPlan';
import { graphClient, type GraphClientOptions } from './graphClient';

/** Graph asks for at most 20 calendars per `getSchedule` call. */
const PER_CALL = 20;
const BUSY_STATUSES = new Set(['busy', 'oof', 'tentative', 'workingElsewhere']);

interface ScheduleInformation {
  readonly scheduleId?: string;
  readonly scheduleItems?: readonly {
    status?: string;
    start?: { dateTime?: string; timeZone?: string };
    end?: { dateTime?: string; timeZone?: string };
  }[];
}

async function addressOf(client: Client, id: UserId): Promise<string | undefined> {
  try {
    const user = (await client
      .api(`/users/${encodeURIComponent(id)}`)
      .select('mail,userPrincipalName')
      .get()) as {
      mail?: string | null;
      userPrincipalName?: string;
    };
    return (user.mail ?? user.userPrincipalName)?.toLowerCase();
  } catch {
    return undefined;
  }
}

const utc = (ms: number) => ({ dateTime: new Date(ms).toISOString().replace('Z', ''), timeZone: 'UTC' });
// Asked for in UTC, Graph answers in UTC, with up to seven fraction digits and no zone designator.
const parseUtc = (dateTime: string | undefined) => Date.parse(`${(dateTime ?? '').slice(0, 23)}Z`);

function blocksOf(info: ScheduleInformation): Busy[] {
  return (info.scheduleItems ?? [])
    .filter((item) => BUSY_STATUSES.has(item.status ?? ''))
    .map((item) => ({ startMs: parseUtc(item.start?.dateTime), endMs: parseUtc(item.end?.dateTime) }))
    .filter((block) => !Number.isNaN(block.startMs) && !Number.isNaN(block.endMs));
}

/**
 * Free/busy through Graph `POST /users/{organizer}/calendar/getSchedule` (Calendars.Read application permission),
 * 20 calendars a call; people whose address or calendar is unknown are left out.
 */
export function graphFreeBusy(options: GraphClientOptions): FreeBusy {
  const client = graphClient(options);
  return {
    busy: async (organizerId, people, fromMs, toMs) => {
      const byAddress = new Map<string, UserId>();
      const ids = [...new Set(people)];
      for (let i = 0; i < ids.length; i += PER_CALL) {
        const batch = ids.slice(i, i + PER_CALL);
        const addresses = await Promise.all(batch.map((id) => addressOf(client, id)));
        addresses.forEach((address, j) => address && byAddress.set(address, batch[j]!));
      }
      const addresses = [...byAddress.keys()];
      const found = new Map<UserId, readonly Busy[]>();
      try {
        for (let i = 0; i < addresses.length; i += PER_CALL) {
          const answer = (await client.api(`/users/${encodeURIComponent(organizerId)}/calendar/getSchedule`).post({
            schedules: addresses.slice(i, i + PER_CALL),
            startTime: utc(fromMs),
            endTime: utc(toMs),
            availabilityViewInterval: 15,
          })) as { value?: readonly ScheduleInformation[] };
          for (const info of answer.value ?? []) {
            const id = byAddress.get((info.scheduleId ?? '').toLowerCase());
            if (id && info.scheduleItems) found.set(id, blocksOf(info));
          }
        }
      } catch (error) {
        const denied = error instanceof GraphError && (error.statusCode === 403 || error.statusCode === 401);
        return denied
          ? fail('forbidden', 'Free/busy needs the Calendars.Read application permission with admin consent.')
          : fail('unavailable', 'Calendars are not reachable right now.');
      }
      return ok(found);
    },
  };
}
