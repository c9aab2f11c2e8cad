import { describe, expect, it } from 'vitest';
import { cents } from '../money/units.ts';
import { AGENT, aDossier, aDossierIn, aPipelineContext, factsFor } from './pipeline-builders.ts';
import { setProcessed } from './processed.ts';

describe('setProcessed (the "Saisie dans le logiciel (Traité)" box)', () => {
  it('moves a paid dossier to processed, recording the tick and the move', () => {
    const result = setProcessed(aDossierIn('paid'), true, factsFor('paid'), aPipelineContext());
    expect(result.ok && result.value.dossier).toMatchObject({ stage: 'processed', processed: true });
    expect(result.ok && result.value.events).toMatchObject([
      { kind: 'processed_marked', actor: AGENT },
      { kind: 'stage_changed', fromStage: 'paid', toStage: 'processed', payload: { cause: 'processed_marked' }, actor: AGENT },
    ]);
  });

  it('moves it back to paid when unticked', () => {
    const result = setProcessed(aDossierIn('processed'), false, factsFor('paid'), aPipelineContext());
    expect(result.ok && result.value.dossier).toMatchObject({ stage: 'paid', processed: false });
    expect(result.ok && result.value.events.map((e) => e.kind)).toEqual(['processed_unmarked', 'stage_changed']);
  });

  it('sends an unticked dossier to deposit_paid when its total grew since it was paid', () => {
    const grown = { ...factsFor('paid'), totalGross: cents(120_000) };
    const result = setProcessed(aDossierIn('processed'), false, grown, aPipelineContext());
    expect(result.ok && result.value.dossier.stage).toBe('deposit_paid');
  });

  it('refuses to tick a dossier that is not paid in full', () => {
    expect(setProcessed(aDossierIn('deposit_paid'), true, factsFor('deposit_paid'), aPipelineContext())).toMatchObject({ ok: false, error: { code: 'NOT_PAID' } });
    expect(setProcessed(aDossierIn('deposit_paid'), true, factsFor('paid'), aPipelineContext())).toMatchObject({ ok: false, error: { code: 'NOT_PAID' } });
  });

  it('only changes the box on an archived dossier', () => {
    const result = setProcessed(aDossier({ stage: 'archived' }), true, factsFor('paid'), aPipelineContext());
    expect(result.ok && result.value.dossier).toMatchObject({ stage: 'archived', processed: true });
    expect(result.ok && result.value.events.map((e) => e.kind)).toEqual(['processed_marked']);
  });

  it('does nothing when the box already has that value', () => {
    const dossier = aDossierIn('processed');
    expect(setProcessed(dossier, true, factsFor('paid'), aPipelineContext())).toEqual({ ok: true, value: { dossier, events: [] } });
  });
});
