import { Spinner, Text } from '@fluentui/react-components';
import type { RefObject } from 'react';
import { ErrorBar } from './ErrorBar';
import { HistoryList } from './HistoryList';
import type { HistoryListState } from './useHistoryList';
import { useHistoryStyles } from './useHistoryStyles.styles';

/** Props of the results. */
interface HistoryResultsProps {
  readonly state: HistoryListState;
  /** The list's heading, where focus goes when the entry it came from is gone. */
  readonly heading: RefObject<HTMLHeadingElement | null>;
  readonly registerLink: (introId: string, element: HTMLElement | null) => void;
  readonly onOpen: (introId: string) => void;
  readonly onRetry: () => void;
  readonly onLoadMore: () => void;
}

/** The list under its heading: loading, an error, nothing yet, or the intros (search results when searching). */
export function HistoryResults({ state, heading, registerLink, onOpen, onRetry, onLoadMore }: HistoryResultsProps) {
  const styles = useHistoryStyles();
  return (
    <>
      <Text as="h2" size={400} weight="semibold" className={styles.groupHeading} ref={heading} tabIndex={-1}>
        {state.status === 'ready' && state.searching ? 'Search results' : 'My intro 1:1s'}
      </Text>
      {state.status === 'loading' && <Spinner size="small" label="Loading your history…" />}
      {state.status === 'error' && (
        <ErrorBar title="Cannot reach Intro 1:1" message={state.message} onRetry={onRetry} />
      )}
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
            onOpen={onOpen}
            registerLink={registerLink}
            hasMore={Boolean(state.nextCursor)}
            loadingMore={state.loadingMore}
            onLoadMore={onLoadMore}
          />
          {state.moreError && <ErrorBar title="Could not load more" message={state.moreError} onRetry={onLoadMore} />}
        </>
      )}
    </>
  );
}
