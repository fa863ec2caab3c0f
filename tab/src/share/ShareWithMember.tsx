import { Button, Checkbox, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import type { SharedMark } from '../../../src/domain/intro';
import { SHAREABLE_PARTS, type ShareablePart } from '../../../src/domain/recap';
import type { ApiClient } from '../shared/api/client';
import { useShareStyles } from './ShareWithMember.styles';
import { useShareWithMember } from './useShareWithMember';

/** Props of the send-to-member block. */
interface ShareWithMemberProps {
  readonly api: ApiClient;
  readonly introId: string;
  readonly memberName: string;
  /** How many goals and follow-ups the leader's saved notes hold: an empty list cannot be chosen. */
  readonly counts: Readonly<Record<ShareablePart, number>>;
  /** False while the notes have edits not yet saved: the server sends what it has stored. */
  readonly notesSaved: boolean;
  readonly sharedBefore?: SharedMark;
  /** The heading's level where it sits (the panel's summary has h2 above it, History's detail too). */
  readonly headingLevel?: 'h3' | 'h4';
}

const PART_NAMES: Readonly<Record<ShareablePart, string>> = { goals: 'goals', followUps: 'follow-ups' };

/** The lists sent, in words: "goals", "follow-ups" or "goals and follow-ups". */
export const partsText = (parts: readonly ShareablePart[]) => parts.map((part) => PART_NAMES[part]).join(' and ');

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function sentText(mark: SharedMark, memberName: string): string {
  const at = new Date(mark.at);
  const sameDay = at.toDateString() === new Date().toDateString();
  const when = sameDay
    ? `at ${at.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' })}`
    : `on ${at.toLocaleDateString([], { day: 'numeric', month: 'short', year: 'numeric' })}`;
  return `Sent your ${partsText(mark.parts)} to ${memberName} ${when}.`;
}

/**
 * The leader sends the member the goals and follow-ups from this intro, in the member's chat with Intro 1:1: lists
 * only, never the notes' free text, and only the lists chosen here.
 */
export function ShareWithMember(props: ShareWithMemberProps) {
  const { api, introId, memberName, counts, notesSaved, sharedBefore, headingLevel = 'h3' } = props;
  const styles = useShareStyles();
  const { state, toggle, send } = useShareWithMember(api, introId, sharedBefore);
  const available = SHAREABLE_PARTS.filter((part) => counts[part] > 0);
  const chosen = available.filter((part) => state.chosen.has(part));
  const firstName = memberName.split(' ')[0] || memberName;
  const headingId = `share-${introId}`;
  const status = state.sending
    ? `Sending to ${firstName}…`
    : !notesSaved
      ? 'Saving your notes first…'
      : state.last
        ? sentText(state.last, memberName)
        : '';
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Text as={headingLevel} id={headingId} size={300} weight="semibold" className={styles.heading}>
        Send to {memberName}
      </Text>
      {available.length === 0 ? (
        <Text size={200}>No goals or follow-ups in your notes to send.</Text>
      ) : (
        <>
          <Text size={200}>They get the lists you choose in their chat with Intro 1:1. Your notes stay private.</Text>
          <div className={styles.choices} role="group" aria-label="What to send">
            {available.map((part) => (
              <Checkbox
                key={part}
                label={`${capitalized(PART_NAMES[part])} (${counts[part]})`}
                checked={state.chosen.has(part)}
                onChange={(_event, data) => toggle(part, data.checked === true)}
              />
            ))}
          </div>
          <Button
            className={styles.action}
            icon={<SendRegular />}
            disabledFocusable={state.sending || !notesSaved || chosen.length === 0}
            onClick={() => void send(chosen)}
          >
            {state.last ? `Send again to ${firstName}` : `Send to ${firstName}`}
          </Button>
        </>
      )}
      <Text size={200} role="status">
        {status}
      </Text>
      {state.error && (
        <MessageBar intent="error">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
