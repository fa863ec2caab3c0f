import { Text } from '@fluentui/react-components';
import { buildAgenda } from '../../../src/domain/agenda';
import { DEFAULT_MINUTES } from '../../../src/domain/intro';
import { AgendaList } from '../shared/agenda/AgendaList';
import { useAgendaPreviewStyles } from './useSidePanelStyles.styles';
import { Busy } from '../shared/components/Busy';

const DEFAULT_AGENDA = buildAgenda(DEFAULT_MINUTES);

/** What the panel shows while the intro loads: the method's agenda for the default length, from the domain. */
export function AgendaPreview({ label }: { readonly label: string }) {
  const styles = useAgendaPreviewStyles();
  return (
    <>
      <Busy label={label} />
      <section className={styles.root} aria-label="Agenda">
        <Text as="h2" size={400} weight="semibold" className={styles.heading}>
          {`Agenda (${DEFAULT_MINUTES} min)`}
        </Text>
        <AgendaList agenda={DEFAULT_AGENDA} />
      </section>
    </>
  );
}
