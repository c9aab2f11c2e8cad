import { ENGLISH, FRENCH } from './explain-wording.ts';
import type { Wording } from './explain-wording.ts';
import type { CandidateStep, CandidateVerdict, ExplanationContext } from './resolution.ts';

// A quote line has room for a sentence, not a report: the first few candidates are named, the rest
// counted by reason. The structured steps keep every candidate for a detail view.
const NAMED_BEATEN = 3;
const NAMED_UNUSABLE = 2;

function isBeaten(verdict: CandidateVerdict): boolean {
  return verdict === 'lower_priority' || verdict === 'less_specific' || verdict === 'higher_price' || verdict === 'tie_break';
}

function reason(w: Wording, s: CandidateStep, winner: CandidateStep | undefined): string {
  if (s.verdict === 'applied') return '';
  const verdict = w.verdict[s.verdict];
  switch (s.verdict) {
    case 'lower_priority': {
      const levels = winner ? ` (${w.level(s.scope)} < ${w.level(winner.scope)})` : '';
      const cheaper = winner && s.unitPrice < winner.unitPrice ? `, ${w.cheaper}` : '';
      return `${verdict}${levels}${cheaper}`;
    }
    case 'less_specific':
      return `${verdict} (${w.target(s.target)})`;
    case 'out_of_offer_dates':
      return `${verdict} (${w.window(s.offerStartDate, s.offerEndDate)})`;
    case 'out_of_engagement_dates':
      return `${verdict} (${w.window(s.engagementStartDate, s.engagementEndDate)})`;
    case 'below_min_quantity':
      return s.minQuantity === null ? verdict : `${verdict} (${w.quantity(s.minQuantity)})`;
    default:
      return verdict;
  }
}

function item(w: Wording, s: CandidateStep, winner: CandidateStep | undefined): string {
  const label = w.offer(s.offerCode, null, s.engagementNumber, s.discountCode);
  return isBeaten(s.verdict) ? `${label}, ${w.money(s.unitPrice)}, ${reason(w, s, winner)}` : `${label}, ${reason(w, s, winner)}`;
}

/** The first candidates of a group, named, and how many others there are per verdict. */
interface Group {
  readonly named: readonly CandidateStep[];
  readonly rest: number;
  readonly restByVerdict: readonly (readonly [Exclude<CandidateVerdict, 'applied'>, number])[];
}

// Counted once for both languages; a handful of verdicts, so a list beats a Map here.
function group(steps: readonly CandidateStep[], named: number): Group {
  const restByVerdict: [Exclude<CandidateVerdict, 'applied'>, number][] = [];
  for (let i = named; i < steps.length; i += 1) {
    const verdict = (steps[i] as CandidateStep).verdict;
    if (verdict === 'applied') continue;
    const entry = restByVerdict.find((e) => e[0] === verdict);
    if (entry) entry[1] += 1;
    else restByVerdict.push([verdict, 1]);
  }
  return { named: steps.slice(0, named), rest: Math.max(steps.length - named, 0), restByVerdict };
}

function listing(w: Wording, g: Group, winner: CandidateStep | undefined): string {
  let text = '';
  for (const s of g.named) text += (text === '' ? '' : w.separator) + item(w, s, winner);
  if (g.rest === 0) return text;
  let detail = '';
  for (const [verdict, count] of g.restByVerdict) detail += `${detail === '' ? '' : ', '}${count} ${w.verdict[verdict]}`;
  return text + w.separator + w.andMore(g.rest, detail);
}

/** Steps split once for both languages: the winner, those it beat, those that could not apply. */
interface SplitSteps {
  readonly winner: CandidateStep | undefined;
  readonly beaten: Group;
  readonly unusable: Group;
  readonly total: number;
}

function split(steps: readonly CandidateStep[]): SplitSteps {
  const beaten: CandidateStep[] = [];
  const unusable: CandidateStep[] = [];
  let winner: CandidateStep | undefined;
  for (const s of steps) {
    if (s.verdict === 'applied') winner = s;
    else if (isBeaten(s.verdict)) beaten.push(s);
    else unusable.push(s);
  }
  return { winner, beaten: group(beaten, NAMED_BEATEN), unusable: group(unusable, NAMED_UNUSABLE), total: steps.length };
}

function explain(w: Wording, parts: SplitSteps, context: ExplanationContext): string {
  const list = w.money(context.listPrice);
  const { winner, beaten, unusable } = parts;
  let text: string;
  if (winner) {
    const label = w.offer(winner.offerCode, winner.offerTitle, winner.engagementNumber, winner.discountCode);
    text = w.priceFrom(w.money(winner.unitPrice), label, w.scope(winner.scope, winner.scopeCode)) + w.discountOn(w.value(winner.value), w.target(winner.target), list);
  } else {
    text = parts.total === 0 ? w.noOffer(list, context.productRef) : w.noneInForce(list, w.date(context.date));
  }
  if (beaten.named.length > 0) text += ` ${w.beat}${w.colon}${listing(w, beaten, winner)}.`;
  if (unusable.named.length > 0) text += ` ${w.notApplicable}${w.colon}${listing(w, unusable, winner)}.`;
  return text;
}

/** The "why this price" sentences for a line, in English and French: what applied, what it beat and why. */
export function explainSteps(steps: readonly CandidateStep[], context: ExplanationContext): { readonly en: string; readonly fr: string } {
  const parts = split(steps);
  return { en: explain(ENGLISH, parts, context), fr: explain(FRENCH, parts, context) };
}
