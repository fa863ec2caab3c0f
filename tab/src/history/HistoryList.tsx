import { Badge, Button, Link, Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { HistoryItem, SearchResultItem } from '../../../src/contract';
import { HISTORY_STATUS_TEXT, introDate } from '../../../src/domain/history';
import { SETTING_LABELS } from '../../../src/domain/intro';
import { durationText, followUpText, groupByPerson } from './group';
import { formatDateTime, STATUS_COLOR } from './labels';
import { useHistoryStyles } from './useHistoryStyles.styles';

type Item = HistoryItem | SearchResultItem;

/** Props of the history list. */
interface HistoryListProps {
  readonly items: readonly Item[];
  readonly onOpen: (introId: string) => void;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  readonly onLoadMore: () => void;
  /** Keeps each entry's open button, so focus can come back to it. */
  readonly registerLink?: (introId: string, element: HTMLElement | null) => void;
}

interface EntryProps {
  readonly item: Item;
  readonly onOpen: (id: string) => void;
  readonly registerLink: ((introId: string, element: HTMLElement | null) => void) | undefined;
}

function Entry({ item, onOpen, registerLink }: EntryProps) {
  const styles = useHistoryStyles();
  const followUps = followUpText(item);
  const snippets = 'snippets' in item ? item.snippets : [];
  const id = item.intro.id;
  return (
    <li className={styles.item}>
      <Link as="button" onClick={() => onOpen(id)} ref={(element) => registerLink?.(id, element)}>
        {formatDateTime(introDate(item.intro))}
      </Link>
      <div className={styles.meta}>
        <Text size={200} weight="semibold">
          {SETTING_LABELS[item.intro.setting]}
        </Text>
        <Badge appearance="tint" color={STATUS_COLOR[item.status]}>
          {HISTORY_STATUS_TEXT[item.status]}
        </Badge>
        <Text size={200}>{durationText(item)}</Text>
        <Text size={200}>{item.role === 'leader' ? 'You led' : 'You took part'}</Text>
        {item.hasNotes ? followUps && <Text size={200}>{followUps}</Text> : <Text size={200}>No notes</Text>}
      </div>
      {snippets.length === 0 && item.preview && (
        <p className={styles.snippet}>
          <Text size={200}>{item.preview}</Text>
        </p>
      )}
      {snippets.map((snippet, index) => (
        <p key={index} className={styles.snippet}>
          <Text size={200} weight="semibold">
            {snippet.where}:{' '}
          </Text>
          <Text size={200}>{snippet.text}</Text>
        </p>
      ))}
    </li>
  );
}

/** Intros grouped by person, newest first, loading more as the end scrolls into view (or on the button). */
export function HistoryList({ items, onOpen, hasMore, loadingMore, onLoadMore, registerLink }: HistoryListProps) {
  const styles = useHistoryStyles();
  const sentinel = useRef<HTMLDivElement>(null);
  const loadMore = useRef(onLoadMore);
  loadMore.current = onLoadMore;
  useEffect(() => {
    const target = sentinel.current;
    if (!hasMore || !target || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadMore.current();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, items.length]);
  return (
    <>
      {groupByPerson(items).map((group) => (
        <section key={group.key} className={styles.group} aria-labelledby={`person-${group.key}`}>
          <Subtitle2 as="h3" id={`person-${group.key}`} className={styles.groupHeading}>
            {group.name}
          </Subtitle2>
          <ul className={styles.list} aria-label={`Intro 1:1s with ${group.name}`}>
            {group.items.map((item) => (
              <Entry key={item.intro.id} item={item} onOpen={onOpen} registerLink={registerLink} />
            ))}
          </ul>
        </section>
      ))}
      {hasMore && (
        <>
          <div ref={sentinel} className={styles.sentinel} />
          {loadingMore ? (
            <Spinner size="tiny" label="Loading more…" />
          ) : (
            <Button onClick={onLoadMore}>Load more</Button>
          )}
        </>
      )}
    </>
  );
}
