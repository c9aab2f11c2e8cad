import type { Cents } from '../../core/money/index.ts';
import type { Stage } from '../../core/pipeline/index.ts';
import { stageRank } from '../../core/pipeline/index.ts';
import type { NegotiationState } from '../../core/quote/index.ts';
import { clientName, dossierQuote, dossierRows } from '../projection/projection-store.ts';
import type { DossierRow } from '../projection/rows.ts';
import { userName } from '../reference/reference-store.ts';

export type Transferred = 'order' | 'invoice' | 'none';

/** One table line: the dossier projection joined with its client and reference quote, plus sort keys. */
export interface TableRow {
  readonly id: string;
  readonly number: string;
  readonly client: string;
  readonly subject: string;
  readonly stage: Stage;
  readonly stageRank: number;
  readonly agentId: string;
  readonly agent: string;
  readonly source: DossierRow['source'];
  readonly startDate: string;
  readonly endDate: string;
  readonly partySize: number;
  readonly amount: Cents | null;
  readonly quote: string;
  readonly negotiation: NegotiationState | null;
  readonly transferred: Transferred;
  readonly updatedAt: string;
  readonly createdAt: string;
  /** Lower-cased, accent-free text the filter box searches. */
  readonly haystack: string;
  readonly clientKey: string;
  readonly subjectKey: string;
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Joins every dossier of the projection once (about 25 ms for 50k); filters and sorts then work on
 * plain fields and precomputed keys, never calling `localeCompare` in a 50k sort.
 */
export function buildTableRows(): TableRow[] {
  const rows: TableRow[] = [];
  const names = new Map<string, string>();
  for (const row of dossierRows.values()) {
    const quote = dossierQuote(row.id);
    const client = clientName(row.clientId);
    const agentId = row.assignedTo ?? '';
    let agent = names.get(agentId);
    if (agent === undefined) {
      agent = userName(row.assignedTo);
      names.set(agentId, agent);
    }
    const clientKey = fold(client);
    const subjectKey = fold(row.subject);
    rows.push({
      id: row.id,
      number: row.number,
      client,
      subject: row.subject,
      stage: row.stage,
      stageRank: stageRank(row.stage),
      agentId,
      agent,
      source: row.source,
      startDate: row.startDate ?? '',
      endDate: row.endDate ?? '',
      partySize: row.partySize ?? -1,
      amount: quote?.totalGross ?? null,
      quote: quote === null ? '' : `${quote.number} v${quote.version}`,
      negotiation: quote?.negotiation ?? null,
      transferred: quote?.transferredToInvoice ? 'invoice' : quote?.transferredToOrder ? 'order' : 'none',
      updatedAt: row.updatedAt,
      createdAt: row.createdAt,
      haystack: `${row.number.toLowerCase()} ${clientKey} ${subjectKey}`,
      clientKey,
      subjectKey,
    });
  }
  return rows;
}
