import { useEffect, useState } from 'react';
import type { CarriedForward } from '../../../../src/contract';
import type { ApiClient } from '../../shared/api/client';

/** What a leader carries into this intro, once loaded; undefined while loading, when there is none or on failure. */
export function useCarriedForward(
  api: ApiClient,
  memberId: string | undefined,
  introId: string,
): CarriedForward | undefined {
  const [carried, setCarried] = useState<CarriedForward>();
  useEffect(() => {
    if (!memberId) return undefined;
    let alive = true;
    // Nice to have, not essential: a failure leaves the panel as it would be without an earlier intro.
    api.carriedForward(memberId, introId).then(
      (value) => alive && setCarried(value.goals.length > 0 || value.openFollowUps.length > 0 ? value : undefined),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [api, memberId, introId]);
  return carried;
}
