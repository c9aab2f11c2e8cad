import { bp } from '../money/units.ts';
import { formatNumber } from '../numbering/number-format.ts';
import { addDays } from '../shared/clock.ts';
import type { IsoInstant } from '../shared/clock.ts';
import type { DemoClient } from './demo-clients.ts';
import { CLAIRE, JULIEN } from './demo-directory.ts';
import type { DemoUser } from './demo-directory.ts';
import type { Random } from './demo-random.ts';
import { dateFrom, daysBefore, nextOccurrence, saturdayFrom, shiftInstant } from './demo-time.ts';
import type { DossierStory, StoryEnding } from './play-story.ts';
import { FAMILY_TEMPLATES, GROUP_TEMPLATES } from './story-templates.ts';
import type { StoryTemplate } from './story-templates.ts';

/** Days before `now` a story of each ending starts, so it has just enough time to get there. */
const STARTED_DAYS_AGO: Readonly<Record<StoryEnding, readonly [number, number]>> = {
  new: [0, 1],
  in_progress: [3, 14],
  awaiting_payment: [6, 18],
  deposit_paid: [10, 35],
  paid: [25, 60],
  processed: [30, 80],
  archived_processed: [320, 345],
  archived_declined: [60, 120],
  archived_expired: [60, 120],
  archived_unanswered: [40, 90],
};

/** The desk had numbered other files before the demo's: numbers start past the first hundred. */
const FIRST_NUMBER = 101;

type Twist = Pick<DossierStory, 'negotiation' | 'draftOnly' | 'emailQueued' | 'paymentMethod'>;

/** [ending, template, customer (an organisation's reference, or a person), twist]. */
type Plan = readonly [StoryEnding, StoryTemplate, string | 'person', Twist?];

const F = FAMILY_TEMPLATES;
const G = GROUP_TEMPLATES;
const at = <T>(items: readonly T[], index: number): T => items[index % items.length] as T;

/** 32 dossiers, several in every pipeline column, each ending as a real one would. */
const PLANS: readonly Plan[] = [
  ['new', at(F, 0), 'person'],
  ['new', at(F, 3), 'person'],
  ['new', at(F, 1), 'person'],
  ['new', at(F, 5), 'person'],
  ['new', G.club, 'CLI-000106'],
  ['in_progress', at(F, 2), 'person', { draftOnly: true }],
  ['in_progress', G.seminar, 'CLI-000110', { negotiation: { request: 'Le client trouve la motoneige chère et demande un geste sur le total.', revisedDiscountRate: 800, outcome: 'Remise globale portée à 8 % contre confirmation sous 8 jours.' } }],
  ['in_progress', at(F, 4), 'person', { emailQueued: true }],
  ['in_progress', G.procurement, 'CLI-000112'],
  ['in_progress', at(F, 0), 'person'],
  ['in_progress', G.ceWeekend, 'CLI-000102', { draftOnly: true }],
  ['awaiting_payment', at(F, 0), 'person'],
  ['awaiting_payment', G.school, 'CLI-000111'],
  ['awaiting_payment', at(F, 1), 'person'],
  ['awaiting_payment', G.agency, 'CLI-000107'],
  ['deposit_paid', G.ceFamilies, 'CLI-000101', { paymentMethod: 'transfer' }],
  ['deposit_paid', at(F, 5), 'person', { negotiation: { request: 'Le groupe demande une remise sur le chalet s’il réserve aujourd’hui.', revisedDiscountRate: 500, outcome: 'Accord à 5 % pour une réservation ferme.' } }],
  ['deposit_paid', G.youth, 'CLI-000114', { paymentMethod: 'transfer' }],
  ['deposit_paid', at(F, 3), 'person'],
  ['paid', at(F, 0), 'person'],
  ['paid', G.ceWeekend, 'CLI-000104', { paymentMethod: 'transfer' }],
  ['paid', at(F, 4), 'person', { paymentMethod: 'cheque' }],
  ['processed', at(F, 1), 'person'],
  ['processed', G.club, 'CLI-000105', { paymentMethod: 'transfer' }],
  ['processed', at(F, 2), 'person'],
  ['archived_processed', at(F, 0), 'person'],
  ['archived_processed', G.school, 'CLI-000113', { paymentMethod: 'transfer' }],
  ['archived_processed', at(F, 5), 'person'],
  ['archived_declined', at(F, 3), 'person'],
  ['archived_declined', G.ceFamilies, 'CLI-000103'],
  ['archived_expired', at(F, 1), 'person'],
  ['archived_unanswered', at(F, 4), 'person'],
];

function agentFor(template: StoryTemplate): DemoUser {
  return template.priceMode === 'HT' ? JULIEN : CLAIRE;
}

/**
 * The demo's dossier stories: the plans above with customers, times and stay dates drawn from the
 * seed. Stays start on a Saturday; a story that went all the way to the archive happened last season.
 */
export function demoStories(random: Random, now: IsoInstant, clients: readonly DemoClient[]): DossierStory[] {
  const persons = clients.filter((c) => c.client.kind === 'person');
  const byReference = new Map(clients.map((c) => [c.client.reference, c]));
  const stories = PLANS.map(([ending, template, customer, twist]): Omit<DossierStory, 'seq' | 'dossierNumber' | 'quoteNumber'> => {
    const client = customer === 'person' ? random.pick(persons) : byReference.get(customer);
    if (client === undefined) throw new RangeError(`no demo client ${customer}`);
    const [from, to] = STARTED_DAYS_AGO[ending];
    const startedDaysAgo = random.int(from, to);
    // A new request may have arrived minutes ago; anything older started during office hours.
    const startedAt = ending === 'new'
      ? shiftInstant(now, -random.int(20, 60 * 40))
      : daysBefore(now, startedDaysAgo, random.int(8, 17), random.pick([0, 10, 25, 40, 55]));
    // A stay that went all the way to the archive was last season's; every other one is for the
    // coming season (a public procurement one inside its contract's first lot), on the holiday its
    // request names if any.
    const earliest = ending === 'archived_processed' ? dateFrom(startedAt, 14) : dateFrom(now, template.key === 'procurement' ? 35 : 15);
    const holiday = template.season === undefined ? null : nextOccurrence(earliest, template.season[0], template.season[1]);
    // Last season's holiday may already have passed when the story began: any week will do then.
    const season = holiday !== null && holiday <= addDays(earliest, 90) ? holiday : null;
    const start = season === null
      ? saturdayFrom(addDays(earliest, random.int(0, ending === 'archived_processed' ? 20 : 90)))
      : saturdayFrom(addDays(season, random.int(0, 13)));
    const stay = { start, end: addDays(start, template.nights) };
    return {
      client,
      agent: agentFor(template),
      source: template.source,
      subject: template.subject,
      request: template.request,
      stay,
      partySize: template.partySize,
      startedAt,
      quote: {
        priceMode: template.priceMode,
        items: template.items,
        ...(template.footerDiscountRate === undefined ? {} : { footerDiscount: { kind: 'percent', rate: bp(template.footerDiscountRate) } }),
        ...(template.depositRate === undefined ? {} : { depositRate: template.depositRate }),
      },
      ending,
      tags: template.tags,
      ...twist,
    };
  });
  // Numbered in order of creation, the series restarting every year like the real allocator's.
  const perYear = new Map<string, number>();
  return stories
    .sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0))
    .map((story, index) => {
      const year = story.startedAt.slice(0, 4);
      const sequence = (perYear.get(year) ?? FIRST_NUMBER - 1) + 1;
      perYear.set(year, sequence);
      return { ...story, seq: index + 1, dossierNumber: formatNumber('D', Number(year), sequence), quoteNumber: formatNumber('Q', Number(year), sequence) };
    });
}
