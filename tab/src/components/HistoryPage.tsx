import { Text } from '@fluentui/react-components';
import { Page } from './Page';

/** The personal tab's history; empty until a later issue fills it. */
export function HistoryPage() {
  return (
    <Page title="History">
      <Text>No intros yet. Intros you lead or take part in will be listed here, with your notes and follow-ups.</Text>
    </Page>
  );
}
