import { personaKey, type PersonaKey } from './personas';

/** A Teams theme as the host sends it. */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** A frame context the simulator can host the tab in. */
export type HostFrameContext = 'sidePanel' | 'content' | 'meetingStage' | 'settings';

/** The Teams client the simulator claims to be. */
export type HostClientType = 'web' | 'desktop' | 'android' | 'ios';

const CLIENT_TYPES: readonly HostClientType[] = ['web', 'desktop', 'android', 'ios'];

/** How one simulated Teams frame hosts the tab. */
export interface HostOptions {
  readonly user: PersonaKey;
  readonly frameContext: HostFrameContext;
  readonly meetingId: string;
  readonly theme: HostTheme;
  readonly view: string;
  readonly width: number;
  /** How long the host waits before answering `initialize`, to simulate a slow cold start; 0 unless asked. */
  readonly initDelayMs?: number;
  /** The Teams client type; 'web' unless asked ('android' or 'ios' for a phone). */
  readonly hostClientType?: HostClientType;
  /** A deep link's `subEntityId`, as Teams passes it to the tab (e.g. "run:<introId>"). */
  readonly subEntityId?: string;
}

/** The meeting the preview opens unless the query names another. */
export const DEFAULT_MEETING_ID = 'preview-meeting-1';

const FRAME_CONTEXTS: readonly HostFrameContext[] = ['sidePanel', 'content', 'meetingStage', 'settings'];

/** Reads a host theme, defaulting to light. */
export function hostTheme(value: string | null): HostTheme {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

/** Reads host options from a query string: `?user=&frameContext=&meetingId=&theme=&view=&width=&initDelayMs=&hostClientType=&subEntityId=`. */
export function hostOptionsFrom(search: string): HostOptions {
  const query = new URLSearchParams(search);
  const frameContext = query.get('frameContext') as HostFrameContext | null;
  const width = Number(query.get('width') ?? '320');
  const initDelayMs = Number(query.get('initDelayMs') ?? '0');
  return {
    user: personaKey(query.get('user')),
    frameContext: frameContext && FRAME_CONTEXTS.includes(frameContext) ? frameContext : 'sidePanel',
    meetingId: query.get('meetingId') || DEFAULT_MEETING_ID,
    theme: hostTheme(query.get('theme')),
    view: query.get('view') || 'meeting',
    width: Number.isFinite(width) && width >= 200 ? width : 320,
    initDelayMs: Number.isFinite(initDelayMs) && initDelayMs > 0 ? initDelayMs : 0,
    hostClientType: CLIENT_TYPES.find((type) => type === query.get('hostClientType')) ?? 'web',
    subEntityId: query.get('subEntityId') ?? undefined,
  };
}
