import {
  Button,
  Label,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  SearchBox,
  Select,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DeleteRegular, FilterRegular, MoreHorizontalRegular } from '@fluentui/react-icons';
import { ConfirmDialog } from './ConfirmDialog';
import { useHistoryStyles } from './useHistoryStyles.styles';
import { useHistoryToolbar, type HistoryToolbarProps, type HistoryToolbarState } from './useHistoryToolbar';

function renderFilters(state: HistoryToolbarState, styles: ReturnType<typeof useHistoryStyles>) {
  const { ids, query, people } = state;
  return (
    <div id={ids.filters} className={styles.toolbar}>
      <div className={styles.field}>
        <Label htmlFor={ids.person}>Person</Label>
        <Select id={ids.person} value={query.person ?? ''} onChange={(_event, data) => state.setPerson(data.value)}>
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
          onChange={(_event, data) => state.setFollowUps(data.value)}
        >
          <option value="">Any</option>
          <option value="open">Open</option>
          <option value="done">Done</option>
        </Select>
      </div>
    </div>
  );
}

function renderMore(state: HistoryToolbarState, styles: ReturnType<typeof useHistoryStyles>) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          ref={state.more}
          className={styles.keep}
          icon={<MoreHorizontalRegular />}
          aria-label="More actions"
          title="More actions"
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem icon={<ArrowDownloadRegular />} disabled={state.exporting} onClick={() => state.onExport('md')}>
            Export Markdown
          </MenuItem>
          <MenuItem icon={<ArrowDownloadRegular />} disabled={state.exporting} onClick={() => state.onExport('csv')}>
            Export CSV
          </MenuItem>
          <MenuItem icon={<DeleteRegular />} onClick={() => state.setDeleting(true)}>
            Delete all my data
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** One search row (search, Filters, More); filters unfold under it; export and delete wait in the More menu. */
export function HistoryToolbar(props: HistoryToolbarProps) {
  const styles = useHistoryStyles();
  const state = useHistoryToolbar(props);
  const { ids, query, active } = state;
  return (
    <>
      <div role="search" className={styles.searchBlock}>
        <Label htmlFor={ids.search}>Search my notes</Label>
        <div className={styles.searchRow}>
          <SearchBox
            id={ids.search}
            className={styles.search}
            value={query.q ?? ''}
            onChange={(_event, data) => state.setSearch(data.value)}
          />
          <Button
            className={styles.keep}
            icon={<FilterRegular />}
            aria-expanded={state.filtersShown}
            aria-controls={state.filtersShown ? ids.filters : undefined}
            onClick={state.toggleFilters}
          >
            {active > 0 ? `Filters · ${active}` : 'Filters'}
          </Button>
          {renderMore(state, styles)}
        </div>
        {state.filtersShown && renderFilters(state, styles)}
      </div>
      <ConfirmDialog
        open={state.deleting}
        onOpenChange={state.setDeleting}
        title="Delete all your Intro 1:1 data?"
        message="All your notes are deleted, and so is every intro 1:1 you led, with its timer and notes. The bot also forgets how to reach you. This cannot be undone."
        confirmLabel="Delete everything"
        onConfirm={props.onDeleteAll}
      />
    </>
  );
}
