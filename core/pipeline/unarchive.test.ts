import { describe, expect, it } from 'vitest';
import { cents } from '../money/units.ts';
import type { DossierId } from '../shared/ids.ts';
import { unwrap } from '../shared/result.ts';
import type { Stage } from './dossier.ts';
import type { DossierEvent } from './dossier-event.ts';
import { moveDossier } from './move-dossier.ts';
import { aDossier, aDossierIn, aPipelineContext, factsFor } from './pipeline-builders.ts';
import { NO_FACTS } from './pipeline-facts.ts';
import { stageBeforeArchive, unarchiveDossier } from './unarchive.ts';

function archivedFrom(stage: Stage, at = '2026-05-10T09:00:00.000Z') {
  return unwrap(moveDossier(aDossierIn(stage), 'archived', factsFor(stage), aPipelineContext(at)));
}

describe('stageBeforeArchive', () => {
  it('reads the stage of the latest archiving of this dossier', () => {
    const first = archivedFrom('in_progress', '2026-05-10T09:00:00.000Z').event;
    const second = archivedFrom('awaiting_payment', '2026-05-12T09:00:00.000Z').event;
    const other: DossierEvent = { ...archivedFrom('paid', '2026-05-20T09:00:00.000Z').event, dossierId: 'dossier-2' as DossierId };
    expect(stageBeforeArchive(aDossier(), [second, other, first])).toBe('awaiting_payment');
    expect(stageBeforeArchive(aDossier(), [])).toBeNull();
  });
});

describe('unarchiveDossier', () => {
  it('puts the dossier back in the column it was archived from', () => {
    for (const stage of ['new', 'in_progress', 'awaiting_payment', 'deposit_paid', 'paid', 'processed'] as const) {
      const { dossier, event } = archivedFrom(stage);
      const restored = unwrap(unarchiveDossier(dossier, [event], factsFor(stage), aPipelineContext()));
      expect(restored.dossier.stage, stage).toBe(stage);
      expect(restored.dossier.processed).toBe(stage === 'processed');
      expect(restored.event).toMatchObject({ fromStage: 'archived', toStage: stage, payload: { cause: 'manual', unarchived: true, restored: 'recorded' } });
    }
  });

  it('follows the money when a payment arrived while archived', () => {
    const { dossier, event } = archivedFrom('awaiting_payment');
    const restored = unwrap(unarchiveDossier(dossier, [event], { ...factsFor('awaiting_payment'), totalReceived: cents(30_000) }, aPipelineContext()));
    expect(restored.dossier.stage).toBe('deposit_paid');
    expect(restored.event.payload).toMatchObject({ restored: 'derived' });
  });

  it('falls back to what the facts justify when the history is not there', () => {
    const restored = unwrap(unarchiveDossier(aDossier({ stage: 'archived' }), [], factsFor('in_progress'), aPipelineContext()));
    expect(restored.dossier.stage).toBe('in_progress');
    expect(unwrap(unarchiveDossier(aDossier({ stage: 'archived' }), [], NO_FACTS, aPipelineContext())).dossier.stage).toBe('new');
  });

  it('refuses a dossier that is not archived', () => {
    expect(unarchiveDossier(aDossierIn('paid'), [], factsFor('paid'), aPipelineContext())).toMatchObject({ ok: false, error: { code: 'NOT_ARCHIVED' } });
  });
});
