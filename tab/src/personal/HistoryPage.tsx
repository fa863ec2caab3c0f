import { useMemo, type ReactNode } from 'react';
import { createHistoryApi } from '../history/api';
import { HistoryView } from '../history/HistoryView';
import { getSsoToken } from '../shared/teams';
import { Page } from '../shared/components/Page';

/** The personal tab: every intro 1:1 one led or attended, with one's own notes, search, export and delete. */
export function HistoryPage({ before }: { readonly before?: ReactNode } = {}) {
  const api = useMemo(() => createHistoryApi({ getToken: getSsoToken }), []);
  return (
    <Page title="History">
      {before}
      <HistoryView api={api} />
    </Page>
  );
}
