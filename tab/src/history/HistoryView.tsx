import { MessageBar, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { HistoryApi, HistoryQuery } from './api';
import { saveFile } from './download';
import { ErrorBar } from './ErrorBar';
import { peopleIn } from './group';
import { HistoryList } from './HistoryList';
import { HistoryToolbar } from './HistoryToolbar';
import { IntroDetail } from './IntroDetail';
import { useHistoryList } from './useHistoryList';

/** The personal tab's history: list (with search, filters, export, delete) or one intro's detail. */
export function HistoryView({ api }: { api: HistoryApi }) {
  const [query, setQuery] = useState<HistoryQuery>({});
  const [openId, setOpenId] = useState<string>();
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string }>();
  const [exporting, setExporting] = useState(false);
  const { state, loadMore, reload } = useHistoryList(api, query);
  const [known, setKnown] = useState<{ id: string; name: string }[]>([]);
  const people = useMemo(() => {
    const seen = state.status === 'ready' ? peopleIn(state.items) : [];
    const merged = new Map([...known, ...seen].map((person) => [person.id, person]));
    return [...merged.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [known, state]);

  const exportAs = async (format: 'md' | 'csv') => {
    setExporting(true);
    try {
      const file = await api.download(format);
      saveFile(file.blob, file.filename);
      setNotice({ intent: 'success', text: `Downloaded ${file.filename}.` });
    } catch (error) {
      setNotice({ intent: 'error', text: `Export failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setExporting(false);
    }
  };
  const deleteAll = async () => {
    await api.deleteAllMyData();
    setKnown([]);
    setQuery({});
    setNotice({ intent: 'success', text: 'All your data was deleted.' });
    reload();
  };

  if (openId)
    return (
      <IntroDetail
        api={api}
        introId={openId}
        onBack={() => setOpenId(undefined)}
        onDeleted={() => {
          setOpenId(undefined);
          setNotice({ intent: 'success', text: 'Your notes on that intro 1:1 were deleted.' });
          reload();
        }}
      />
    );
  return (
    <>
      <HistoryToolbar
        query={query}
        onQuery={(next) => {
          setKnown(people);
          setQuery(next);
        }}
        people={people}
        onExport={(format) => void exportAs(format)}
        exporting={exporting}
        onDeleteAll={deleteAll}
      />
      <div aria-live="polite">
        {notice && (
          <MessageBar intent={notice.intent}>
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {state.status === 'loading' && <Spinner size="small" label="Loading your history…" />}
      {state.status === 'error' && <ErrorBar title="Cannot reach Intro 1:1" message={state.message} onRetry={reload} />}
      {state.status === 'ready' && state.items.length === 0 && (
        <Text role="status">
          {state.searching
            ? 'Nothing in your notes matches.'
            : 'No intro 1:1s yet. To plan one, send "schedule" to the Intro 1:1 bot in your Teams chat.'}
        </Text>
      )}
      {state.status === 'ready' && state.items.length > 0 && (
        <>
          {state.searching && (
            <Text role="status">
              {state.items.length} intro 1:1{state.items.length === 1 ? '' : 's'} found
              {state.truncated ? ' (showing the newest)' : ''}.
            </Text>
          )}
          <HistoryList
            items={state.items}
            onOpen={setOpenId}
            hasMore={Boolean(state.nextCursor)}
            loadingMore={state.loadingMore}
            onLoadMore={() => void loadMore()}
          />
          {state.moreError && (
            <ErrorBar title="Could not load more" message={state.moreError} onRetry={() => void loadMore()} />
          )}
        </>
      )}
    </>
  );
}
