import type { TenantId, UserId } from '../domain/ids';

/** Who is calling, as proven by their token: never taken from a path or a body. */
export interface Caller {
  readonly userId: UserId;
  readonly tenantId: TenantId;
  readonly name: string;
}
