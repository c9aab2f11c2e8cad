import type { Dossier, DossierSource, Stage } from '../pipeline/dossier.ts';
import type { IsoInstant } from '../shared/clock.ts';
import type { ClientId, DossierId } from '../shared/ids.ts';
import { docRandom, streamId, weighted } from './demo-random.ts';
import { shiftInstant } from './demo-time.ts';
import { largeAgent, LARGE_AGENT_COUNT } from './large-catalog.ts';
import { FAMILY_TEMPLATES, GROUP_TEMPLATES } from './story-templates.ts';

/** How many documents of each kind the benchmark dataset holds (DESIGN §13, times the scale). */
export interface LargeShape {
  readonly clients: number;
  readonly products: number;
  readonly dossiers: number;
  readonly quotes: number;
  readonly messages: number;
}

/** How an archived dossier ended: paid and processed, or not sold. */
export type ArchiveOutcome = 'fulfilled' | 'declined' | 'expired' | 'abandoned';

/** Everything about dossier `index` that its quotes, messages and payments must agree with. */
export interface DossierPlan {
  readonly index: number;
  readonly stage: Stage;
  readonly outcome: ArchiveOutcome | null;
  readonly createdAt: IsoInstant;
  readonly clientIndex: number;
  readonly agentIndex: number;
  readonly source: DossierSource;
  /** Quote versions: 1, or 2 when the customer asked for a revision. */
  readonly versions: 1 | 2;
}

const DOSSIERS = streamId('large/dossiers');
/** The dataset covers a year and a season of history. */
const HISTORY_DAYS = 400;
const SUBJECTS = [...FAMILY_TEMPLATES, ...Object.values(GROUP_TEMPLATES)].map((t) => t.subject);

/** Stage mix by age: fresh requests are new or in progress; last season's files are processed or archived. */
function stageFor(ageDays: number, random: ReturnType<typeof docRandom>): Stage {
  if (ageDays < 3) return weighted<Stage>(random, [['new', 45], ['in_progress', 45], ['awaiting_payment', 10]]);
  if (ageDays < 30) return weighted<Stage>(random, [['new', 5], ['in_progress', 45], ['awaiting_payment', 20], ['deposit_paid', 20], ['paid', 5], ['archived', 5]]);
  if (ageDays < 150) {
    return weighted<Stage>(random, [['in_progress', 10], ['awaiting_payment', 10], ['deposit_paid', 20], ['paid', 20], ['processed', 25], ['archived', 15]]);
  }
  return weighted<Stage>(random, [['processed', 20], ['archived', 80]]);
}

/**
 * Which dossiers have a second quote version: the quotes beyond one per dossier are spread evenly
 * (`quotes − dossiers` of them), so quote `dossiers + k` is version 2 of dossier ⌊k × dossiers / extra⌋.
 */
export function revisedDossier(shape: LargeShape, k: number): number {
  const extra = shape.quotes - shape.dossiers;
  return Math.floor((k * shape.dossiers) / extra);
}

function isRevised(shape: LargeShape, dossier: number): boolean {
  const extra = shape.quotes - shape.dossiers;
  if (extra <= 0) return false;
  const k = Math.ceil((dossier * extra) / shape.dossiers);
  return k < extra && revisedDossier(shape, k) === dossier;
}

/** The plan of dossier `index`; index order is creation order (oldest first). */
export function dossierPlan(seed: number, shape: LargeShape, now: IsoInstant, index: number): DossierPlan {
  const random = docRandom(seed, DOSSIERS, index);
  const ageDays = ((shape.dossiers - 1 - index) / shape.dossiers) * HISTORY_DAYS + random.next() * 0.5;
  const versions = isRevised(shape, index) ? 2 : 1;
  let stage = stageFor(ageDays, random);
  // A revised quote was sent once: such a dossier is past "new".
  if (versions === 2 && stage === 'new') stage = 'in_progress';
  const outcome = stage === 'archived' ? weighted<ArchiveOutcome>(random, [['fulfilled', 60], ['declined', 20], ['expired', 15], ['abandoned', 5]]) : null;
  return {
    index,
    stage,
    outcome,
    createdAt: shiftInstant(now, -(ageDays * 24 * 60 + 30)),
    clientIndex: random.int(0, shape.clients - 1),
    agentIndex: random.int(0, LARGE_AGENT_COUNT - 1),
    source: weighted<DossierSource>(random, [['phone', 50], ['web_form', 30], ['email', 15], ['walk_in', 5]]),
    versions,
  };
}

/** True when the plan's dossier was paid in full and entered in the back-office software. */
export function isProcessed(plan: DossierPlan): boolean {
  return plan.stage === 'processed' || plan.outcome === 'fulfilled';
}

/** The dossier document of a plan (domain shape; the dataset adds index keys). */
export function largeDossier(seed: number, plan: DossierPlan, now: IsoInstant): Dossier {
  const random = docRandom(seed, DOSSIERS ^ 0x5bd1e995, plan.index);
  const agent = largeAgent(plan.agentIndex);
  const unassigned = plan.stage === 'new' && plan.source === 'web_form';
  const start = shiftInstant(plan.createdAt, random.int(10, 150) * 24 * 60).slice(0, 10);
  const nights = random.pick([2, 3, 5, 7, 7, 7]);
  const end = shiftInstant(`${start}T00:00:00.000Z`, nights * 24 * 60).slice(0, 10);
  const touched = shiftInstant(plan.createdAt, random.int(5, 60 * 24 * 10));
  const dated = random.chance(0.9);
  return {
    id: `dossier-${String(plan.index + 1).padStart(6, '0')}` as DossierId,
    number: `D-${plan.createdAt.slice(0, 4)}-${String(plan.index + 1).padStart(6, '0')}`,
    clientId: `client-${String(plan.clientIndex + 1).padStart(6, '0')}` as ClientId,
    source: plan.source,
    subject: random.pick(SUBJECTS),
    startDate: dated ? start : null,
    endDate: dated ? end : null,
    partySize: random.int(1, 60),
    assignedTo: unassigned ? null : agent.id,
    team: agent.team,
    stage: plan.stage,
    processed: isProcessed(plan),
    tags: random.chance(0.3) ? [random.pick(['famille', 'groupe', 'CE', 'scolaire', 'VIP', 'étranger'])] : [],
    createdAt: plan.createdAt,
    updatedAt: touched < now ? touched : now,
  };
}
