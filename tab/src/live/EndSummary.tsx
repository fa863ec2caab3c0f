import { Text } from '@fluentui/react-components';
import { useEndSummaryStyles } from './EndSummary.styles';
import type { Intro } from '../../../src/domain/intro';
import type { NotesBody } from '../../../src/domain/notes';
import { PHASES } from '../../../src/domain/phases';
import type { ApiClient } from '../shared/api/client';
import { ShareWithMember } from '../share/ShareWithMember';
import { openTeamsLink } from '../shared/teams';

/** Props of the summary after End. */
export interface EndSummaryProps {
  readonly body: NotesBody;
  readonly role: 'leader' | 'member';
  /** This app's id in Teams, for links to its chat (the recap) and History; without it they are named only. */
  readonly appId: string | undefined;
  readonly api: ApiClient;
  readonly intro: Intro;
  /** False while the notes have edits not yet saved. */
  readonly notesSaved: boolean;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function captured(body: NotesBody): string {
  const phases = PHASES.filter((phase) => body.text[phase].trim()).length;
  return [
    plural(phases, 'phase') + ' with notes',
    plural(body.goals.length, 'goal'),
    plural(body.issues.length, 'issue'),
    `${body.feedback.length} feedback`,
    plural(body.followUps.length, 'follow-up'),
  ].join(', ');
}

function TeamsLink({ url, children }: { url: string | undefined; children: string }) {
  const styles = useEndSummaryStyles();
  if (!url) return <Text weight="semibold">{children}</Text>;
  const open = (event: React.MouseEvent) => {
    event.preventDefault();
    openTeamsLink(url).catch(() => window.open(url, '_blank', 'noopener'));
  };
  return (
    <a href={url} target="_blank" rel="noreferrer" className={styles.link} onClick={open}>
      {children}
    </a>
  );
}

/** After End: what was captured, what is still open, and where the private recap and History are. */
export function EndSummary({ body, role, appId, api, intro, notesSaved }: EndSummaryProps) {
  const styles = useEndSummaryStyles();
  const open = body.issues.filter((issue) => !issue.paraphrased);
  const undated = body.followUps.filter((item) => !item.due);
  const link = (page: string) => appId && `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${page}`;
  return (
    <section className={styles.root} aria-labelledby="end-summary" data-landing="summary">
      <Text as="h2" id="end-summary" tabIndex={-1} size={400} weight="semibold" className={styles.heading}>
        After the intro
      </Text>
      <Text size={200}>{`You captured ${captured(body)}.`}</Text>
      {open.length > 0 && (
        <>
          <Text size={200}>Issues not yet paraphrased and confirmed:</Text>
          <ul className={styles.list}>
            {open.map((issue) => (
              <li key={issue.id}>
                <Text size={200}>{issue.text}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {undated.length > 0 && (
        <>
          <Text size={200}>Follow-ups without a due date:</Text>
          <ul className={styles.list}>
            {undated.map((item) => (
              <li key={item.id}>
                <Text size={200}>{item.text}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
      <Text size={200}>
        {role === 'leader' ? 'Your private recap is in ' : 'Your notes stay private; find them in '}
        <TeamsLink url={link(role === 'leader' ? 'conversations' : 'history')}>
          {role === 'leader' ? 'your chat with Intro 1:1' : 'History'}
        </TeamsLink>
        {role === 'leader' ? '; past intros are in ' : '.'}
        {role === 'leader' && <TeamsLink url={link('history')}>History</TeamsLink>}
        {role === 'leader' && '.'}
      </Text>
      {role === 'leader' && intro.member && (
        <ShareWithMember
          api={api}
          introId={intro.id}
          memberName={intro.member.name}
          counts={{ goals: body.goals.length, followUps: body.followUps.length }}
          notesSaved={notesSaved}
          sharedBefore={intro.sharedWithMember}
        />
      )}
    </section>
  );
}
