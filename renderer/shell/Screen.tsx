import { routeStore } from '../app/route-store.ts';
import { OfferDetail } from '../admin/OfferDetail.tsx';
import { OffersScreen } from '../admin/OffersScreen.tsx';
import { Dashboard } from '../dashboard/Dashboard.tsx';
import { DossierScreen } from '../dossier/DossierScreen.tsx';
import { InboxScreen } from '../inbox/InboxScreen.tsx';
import { PipelineBoard } from '../pipeline/PipelineBoard.tsx';
import { QuoteEditor } from '../quote/QuoteEditor.tsx';
import { DossierTable } from '../table/DossierTable.tsx';

/** The screen the URL hash names. */
export function Screen() {
  const route = routeStore((s) => s.route);
  switch (route.name) {
    case 'inbox':
      return <InboxScreen />;
    case 'pipeline':
      return <PipelineBoard />;
    case 'table':
      return <DossierTable />;
    case 'dashboard':
      return <Dashboard />;
    case 'dossier':
      return <DossierScreen key={route.id} dossierId={route.id} />;
    case 'quote':
      return <QuoteEditor key={route.id} quoteId={route.id} />;
    case 'offers':
      return <OffersScreen />;
    case 'offer':
      return <OfferDetail key={route.id} offerId={route.id} highlight={route.discount ?? null} />;
  }
}
