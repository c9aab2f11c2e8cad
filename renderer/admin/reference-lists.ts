import type { JsonObject, JsonValue } from '../../core/model/json.ts';
import type { ClientDatabase } from '../../core/replication/index.ts';
import { useLiveDocs } from '../db/useLiveQuery.ts';

/** A client group or collection place as the `client_groups` reference document lists it. */
export interface CodeLabel {
  readonly code: string;
  readonly label: string;
  readonly labelEn: string;
}

function entries(value: JsonValue | undefined): CodeLabel[] {
  if (!Array.isArray(value)) return [];
  const found: CodeLabel[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
    const o = item as JsonObject;
    if (typeof o['code'] !== 'string') continue;
    const label = typeof o['label'] === 'string' ? o['label'] : o['code'];
    found.push({ code: o['code'], label, labelEn: typeof o['labelEn'] === 'string' ? o['labelEn'] : label });
  }
  return found;
}

/** Client groups and collection places (Paramétrage > Membres > Groupes), live. */
export function useGroupsAndPlaces(db: ClientDatabase): { readonly groups: readonly CodeLabel[]; readonly places: readonly CodeLabel[] } {
  const docs = useLiveDocs(() => db.reference.find({ selector: { type: 'client_groups' } }), [db]) ?? [];
  const groups: CodeLabel[] = [];
  const places: CodeLabel[] = [];
  for (const doc of docs) {
    const data = doc.data as JsonObject;
    groups.push(...entries(data['groups']));
    places.push(...entries(data['places']));
  }
  return { groups, places };
}
