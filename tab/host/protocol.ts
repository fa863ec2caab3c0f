import type { HostOptions } from './options';
import type { Persona } from './personas';

/** The TeamsJS version the simulator claims to be. */
export const HOST_SDK_VERSION = '2.58.0';

/** The app id the simulated host reports, as Teams does for deep links. */
export const SIMULATED_APP_ID = '00000000-0000-4000-8000-0000000011a1';

/** What the simulated host supports, in the runtime config format TeamsJS 2.x reads (apiVersion 4). */
export const RUNTIME_CONFIG = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: {
    appInitialization: {},
    appEntity: {},
    authentication: {},
    dialog: { card: { bot: {} }, url: { bot: {}, parentCommunication: {} }, update: {} },
    meeting: {},
    pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} },
    teamsCore: {},
  },
} as const;

/** A request TeamsJS posts to its host. */
export interface HostRequest {
  readonly id: number;
  readonly uuidAsString?: string;
  readonly func: string;
  readonly args?: readonly unknown[];
}

/** True when a posted message is a TeamsJS request (responses have no `func`). */
export function isHostRequest(data: unknown): data is HostRequest {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Record<string, unknown>;
  return typeof message.id === 'number' && typeof message.func === 'string';
}

/** The `initialize` answer: frame context, client type, runtime config and SDK version. */
export function initializeArgs(options: HostOptions): unknown[] {
  return [options.frameContext, options.hostClientType ?? 'web', JSON.stringify(RUNTIME_CONFIG), HOST_SDK_VERSION];
}

/** The flat legacy context TeamsJS turns into `app.Context`. */
export function legacyContext(options: HostOptions, persona: Persona, theme: string, sessionId: string) {
  return {
    entityId: 'intro-1-1',
    appId: SIMULATED_APP_ID,
    userObjectId: persona.oid,
    tid: persona.tid,
    userPrincipalName: persona.upn,
    loginHint: persona.upn,
    userDisplayName: persona.name,
    frameContext: options.frameContext,
    meetingId: options.meetingId,
    chatId: `19:meeting_${options.meetingId}@thread.v2`,
    locale: 'en-us',
    theme,
    hostClientType: options.hostClientType ?? 'web',
    ...(options.subEntityId ? { subEntityId: options.subEntityId } : {}),
    hostName: 'Teams',
    appSessionId: sessionId,
    isMultiWindow: false,
  };
}
