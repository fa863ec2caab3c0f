import { MessageBar, MessageBarBody, useFocusFinders } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import type { NotesView } from '../../../src/contract';
import { countFollowUps } from '../../../src/domain/history';
import type { ApiClient, HistoryQuery } from '../shared/api/client';
import { saveFile } from './download';
import { peopleIn } from './group';
import { HistoryResults } from './HistoryResults';
import { HistoryToolbar } from './HistoryToolbar';
import { IntroDetail } from './IntroDetail';
import { useHistoryList } from './useHistoryList';
import { useReturnFocus } from './useReturnFocus';

/** The personal tab's history: list (with search, filters, export, delete) or one intro's detail. */
export function HistoryView({ api }: { api: ApiClient }) {
  const [query, setQuery] = useState<HistoryQuery>({});
  const [openId, setOpenId] = useState<string>();
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string }>();
  const [exporting, setExporting] = useState(false);
  // Keeps Fluent's focus manager (tabster) alive while the list and the detail view swap: when the last dialog
  // unmounted with its view, it was disposed with the page still aria-hidden, and screen readers lost the page.
  useFocusFinders();
  const { state, loadMore, reload, update } = useHistoryList(api, query);
  const { returnTo, heading, registerLink } = useReturnFocus(state.status === 'loading');
  const changedInDetail = useRef(false);
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
    await api.deleteMyData();
    setKnown([]);
    setQuery({});
    setNotice({ intent: 'success', text: 'All your data was deleted.' });
    reload();
  };

  const open = (introId: string) => {
    changedInDetail.current = false;
    setNotice(undefined);
    setOpenId(introId);
  };
  const searching = state.status === 'ready' && state.searching;
  // Search results depend on the notes, so they are asked again; the plain list follows in place (keeping its pages).
  const closeDetail = (introId: string, refresh: boolean) => {
    setOpenId(undefined);
    returnTo(introId);
    if (refresh && searching) reload();
  };
  const saved = (introId: string, notes: NotesView) => {
    changedInDetail.current = true;
    update(introId, (item) => ({ ...item, followUps: countFollowUps(notes), hasNotes: true }));
  };
  const deleted = (introId: string) => {
    update(introId, (item) => ({ ...item, followUps: { open: 0, done: 0 }, hasNotes: false }));
    setNotice({
      intent: 'success',
      text: 'Your notes on that intro 1:1 were deleted. The intro stays in your history, without notes.',
    });
    closeDetail(introId, true);
  };

  return (
    <>
      {openId ? null : (
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
      )}
      {/* Always mounted, so a notice shown on the way back from the detail view is announced. */}
      <div aria-live="polite">
        {notice && (
          <MessageBar intent={notice.intent}>
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {openId ? (
        <IntroDetail
          api={api}
          introId={openId}
          onBack={() => closeDetail(openId, changedInDetail.current)}
          onSaved={(notes) => saved(openId, notes)}
          onDeleted={() => deleted(openId)}
        />
      ) : (
        <HistoryResults
          state={state}
          heading={heading}
          registerLink={registerLink}
          onOpen={open}
          onRetry={reload}
          onLoadMore={() => void loadMore()}
        />
      )}
    </>
  );
}
