/** A simulated Teams user. */
export interface Persona {
  readonly key: PersonaKey;
  readonly oid: string;
  readonly tid: string;
  readonly name: string;
  readonly upn: string;
}

/** Which simulated user a host frame signs in as. */
export type PersonaKey = 'leader' | 'member';

/** The one simulated tenant both personas belong to. */
export const PREVIEW_TENANT_ID = '7e4a1c00-5eed-4000-8000-000000000000';

/** The simulated leader and member, with fixed ids so their data survives restarts. */
export const PERSONAS: Readonly<Record<PersonaKey, Persona>> = {
  leader: {
    key: 'leader',
    oid: 'a7e1c0de-0000-4000-8000-00000000a001',
    tid: PREVIEW_TENANT_ID,
    name: 'Avery Leader',
    upn: 'avery.leader@contoso.example',
  },
  member: {
    key: 'member',
    oid: 'a7e1c0de-0000-4000-8000-00000000b002',
    tid: PREVIEW_TENANT_ID,
    name: 'Sam Member',
    upn: 'sam.member@contoso.example',
  },
};

/** Reads a persona key, defaulting to the leader. */
export function personaKey(value: string | null): PersonaKey {
  return value === 'member' ? 'member' : 'leader';
}
