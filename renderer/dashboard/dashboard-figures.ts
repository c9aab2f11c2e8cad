import { STAGES, type Stage } from '../../core/pipeline/index.ts';
import { dossierQuote, dossierRows } from '../projection/projection-store.ts';

export type AgeBucket = 'week' | 'month' | 'quarter' | 'older';
export const AGE_BUCKETS: readonly AgeBucket[] = ['week', 'month', 'quarter', 'older'];

export interface DashboardFigures {
  readonly byStage: ReadonlyMap<Stage, { readonly count: number; readonly amount: number }>;
  /** Priced dossiers (past `new`) that reached payment, as a share; null with none. */
  readonly conversion: number | null;
  readonly awaiting: { readonly count: number; readonly amount: number };
  /** Per agent id (`''` unassigned): open dossiers and those touched in the last 7 days. */
  readonly agents: ReadonlyMap<string, { readonly open: number; readonly touched: number }>;
  readonly ageing: ReadonlyMap<AgeBucket, number>;
}

const OPEN: ReadonlySet<Stage> = new Set(['new', 'in_progress', 'awaiting_payment']);
const REACHED_PAYMENT: ReadonlySet<Stage> = new Set(['awaiting_payment', 'deposit_paid', 'paid', 'processed']);
const DAY = 86_400_000;

function bucket(days: number): AgeBucket {
  return days < 7 ? 'week' : days < 30 ? 'month' : days < 90 ? 'quarter' : 'older';
}

/**
 * The manager's figures (DESIGN §12): funnel by stage with amounts, conversion, payments pending,
 * activity per agent, ageing of open dossiers. One pass over the in-memory projection (50k rows in
 * a few milliseconds); `team` narrows to one team.
 */
export function dashboardFigures(now: number, team: string | null): DashboardFigures {
  const byStage = new Map(STAGES.map((stage) => [stage, { count: 0, amount: 0 }]));
  const agents = new Map<string, { open: number; touched: number }>();
  const ageing = new Map<AgeBucket, number>(AGE_BUCKETS.map((b) => [b, 0]));
  let priced = 0;
  let paid = 0;
  for (const row of dossierRows.values()) {
    if (team !== null && row.team !== team) continue;
    const amount = dossierQuote(row.id)?.totalGross ?? 0;
    const stage = byStage.get(row.stage);
    if (stage) {
      stage.count += 1;
      stage.amount += amount;
    }
    if (row.stage !== 'new' && row.stage !== 'archived') priced += 1;
    if (REACHED_PAYMENT.has(row.stage)) paid += 1;
    const age = (now - Date.parse(row.updatedAt)) / DAY;
    const agent = agents.get(row.assignedTo ?? '') ?? { open: 0, touched: 0 };
    if (OPEN.has(row.stage)) {
      agent.open += 1;
      const b = bucket(age);
      ageing.set(b, (ageing.get(b) ?? 0) + 1);
    }
    if (age < 7) agent.touched += 1;
    agents.set(row.assignedTo ?? '', agent);
  }
  const awaiting = byStage.get('awaiting_payment') ?? { count: 0, amount: 0 };
  return { byStage, conversion: priced === 0 ? null : paid / priced, awaiting, agents, ageing };
}
