import { useMemo, type ReactNode } from 'react';
import { withDeviceCleanup } from '../history/forgetKept';
import { HistoryView } from '../history/HistoryView';
import type { ApiClient } from '../shared/api/client';
import { Page } from '../shared/components/Page';
import { browserStorage } from '../shared/deviceStorage';

/** The personal tab: every intro 1:1 one led or attended, with one's own notes, search, export and delete. */
export function HistoryPage({ api, before }: { readonly api: ApiClient; readonly before?: ReactNode }) {
  const history = useMemo(() => withDeviceCleanup(api, browserStorage()), [api]);
  return (
    <Page title="History">
      {before}
      <HistoryView api={history} />
    </Page>
  );
}
