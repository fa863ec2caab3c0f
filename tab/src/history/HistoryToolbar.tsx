import { Button, Label, SearchBox, Select, useId } from '@fluentui/react-components';
import { ArrowDownloadRegular, DeleteRegular } from '@fluentui/react-icons';
import type { FollowUpFilter } from '../../../src/domain/history';
import type { HistoryQuery } from '../shared/api/client';
import { ConfirmDialog } from './ConfirmDialog';
import { useHistoryStyles } from './useHistoryStyles.styles';

/** Props of the toolbar. */
export interface HistoryToolbarProps {
  readonly query: HistoryQuery;
  readonly onQuery: (query: HistoryQuery) => void;
  readonly people: readonly { id: string; name: string }[];
  readonly onExport: (format: 'md' | 'csv') => void;
  readonly exporting: boolean;
  readonly onDeleteAll: () => Promise<void>;
}

/** Search, filters, export and "delete all my data". */
export function HistoryToolbar({ query, onQuery, people, onExport, exporting, onDeleteAll }: HistoryToolbarProps) {
  const styles = useHistoryStyles();
  const ids = { search: useId('search'), person: useId('person'), state: useId('state') };
  return (
    <>
      <div className={styles.toolbar} role="search">
        <div className={styles.field}>
          <Label htmlFor={ids.search}>Search my notes</Label>
          <SearchBox
            id={ids.search}
            value={query.q ?? ''}
            onChange={(_event, data) => onQuery({ ...query, q: data.value })}
          />
        </div>
        <div className={styles.field}>
          <Label htmlFor={ids.person}>Person</Label>
          <Select
            id={ids.person}
            value={query.person ?? ''}
            onChange={(_event, data) => onQuery({ ...query, person: data.value || undefined })}
          >
            <option value="">Everyone</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </Select>
        </div>
        <div className={styles.field}>
          <Label htmlFor={ids.state}>Follow-ups</Label>
          <Select
            id={ids.state}
            value={query.followUps ?? ''}
            onChange={(_event, data) =>
              onQuery({ ...query, followUps: (data.value || undefined) as FollowUpFilter | undefined })
            }
          >
            <option value="">Any</option>
            <option value="open">Open</option>
            <option value="done">Done</option>
          </Select>
        </div>
      </div>
      <div className={styles.actions}>
        <Button icon={<ArrowDownloadRegular />} disabled={exporting} onClick={() => onExport('md')}>
          Export Markdown
        </Button>
        <Button icon={<ArrowDownloadRegular />} disabled={exporting} onClick={() => onExport('csv')}>
          Export CSV
        </Button>
        <ConfirmDialog
          trigger={<Button icon={<DeleteRegular />}>Delete all my data</Button>}
          title="Delete all your Intro 1:1 data?"
          message="All your notes are deleted, and so is every intro 1:1 you led, with its timer and notes. The bot also forgets how to reach you. This cannot be undone."
          confirmLabel="Delete everything"
          onConfirm={onDeleteAll}
        />
      </div>
    </>
  );
}
