import type { ClientId } from '../../core/shared/ids.ts';
import { useDatabase } from '../db/database-store.ts';
import { useLiveDoc } from '../db/useLiveQuery.ts';
import { useT } from '../i18n/useT.ts';
import { ClientCard } from './ClientCard.tsx';
import { Conversation } from './Conversation.tsx';
import { DossierHeader } from './DossierHeader.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { PaymentsPanel } from './PaymentsPanel.tsx';
import { QuotesPanel } from './QuotesPanel.tsx';
import { StayCard } from './StayCard.tsx';
import './dossier.css';

/** Issue 4 "Dossier": client card, dates, conversation, quotes and versions, payments, history. */
export function DossierScreen({ dossierId }: { readonly dossierId: string }) {
  const { t } = useT();
  const db = useDatabase();
  const dossier = useLiveDoc(() => db.dossiers.findOne(dossierId), [db, dossierId]);
  const clientId = dossier?.clientId ?? null;
  const client = useLiveDoc(() => (clientId === null ? null : db.clients.findOne(clientId as ClientId)), [db, clientId]);
  if (dossier === undefined) return null;
  if (dossier === null) return <p className="notice">{t.dossier.notFound}</p>;
  return (
    <article aria-label={`${t.dossier.number} ${dossier.number}`}>
      <DossierHeader dossier={dossier} />
      <div className="dossier-grid">
        <div className="stack">
          <ClientCard client={client ?? null} />
          <StayCard key={`${dossier.startDate}|${dossier.endDate}|${dossier.partySize}`} dossier={dossier} />
        </div>
        <Conversation dossierId={dossier.id} />
        <div className="stack">
          <QuotesPanel dossierId={dossier.id} />
          <PaymentsPanel dossierId={dossier.id} />
          <HistoryPanel dossierId={dossier.id} createdAt={dossier.createdAt} />
        </div>
      </div>
    </article>
  );
}
