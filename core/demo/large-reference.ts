import type { ReferenceEntry, ReferenceId } from '../model/reference.ts';
import type { IsoInstant } from '../shared/clock.ts';
import { demoReference } from './demo-reference.ts';
import { LARGE_AGENT_COUNT, LARGE_GROUPS, LARGE_PLACES, largeAgent } from './large-catalog.ts';

/**
 * The large dataset's configuration: the demo's settings, families, order states and templates,
 * with a directory entry for each of its 20 agents and its own group and place codes.
 */
export function largeReference(now: IsoInstant): ReferenceEntry[] {
  const shared = demoReference(now).filter((doc) => doc.type !== 'users' && doc.type !== 'client_groups');
  const users = Array.from({ length: LARGE_AGENT_COUNT }, (_, i): ReferenceEntry => {
    const agent = largeAgent(i);
    return {
      id: `users-${agent.id}` as ReferenceId,
      type: 'users',
      data: { id: agent.id, name: agent.name, email: `${agent.id}@comptoir-des-neiges.fr`, role: 'agent', team: agent.team },
      updatedAt: now,
    };
  });
  const groups: ReferenceEntry = {
    id: 'client-groups' as ReferenceId,
    type: 'client_groups',
    data: {
      groups: LARGE_GROUPS.map((code) => ({ code, label: `Groupe ${code}` })),
      places: LARGE_PLACES.map((code) => ({ code, label: `Lieu de retrait ${code}` })),
    },
    updatedAt: now,
  };
  return [...shared, groups, ...users];
}
