import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { registerTabConfig } from '../shared/teams';
import { Page } from '../shared/components/Page';

/** The tab's content URL for meetings, on this page's origin. */
export function meetingContentUrl(origin: string): string {
  return `${origin}/tab/index.html?view=meeting`;
}

/** The configuration page Teams shows when the app is added to a meeting. */
export function ConfigPage() {
  const [error, setError] = useState<string>();
  useEffect(() => {
    try {
      registerTabConfig({
        contentUrl: meetingContentUrl(window.location.origin),
        entityId: 'intro-1-1',
        suggestedDisplayName: 'Intro 1:1',
      });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, []);
  return (
    <Page title="Add Intro 1:1 to this meeting">
      <Text>
        Intro 1:1 guides the leader through goals, how it is going, and feedback, with a shared timer in the side panel.
        Select Save to add it.
      </Text>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </Page>
  );
}
