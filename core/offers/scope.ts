import type { Client } from '../clients/client.ts';
import type { Offer, OfferScope } from './offer.ts';

/** Seed 002 priority: Client > Groupe/Lieu > Tous les clients. Higher wins. */
export type ScopeLevel = 1 | 2 | 3;

const SCOPE_LEVEL: Readonly<Record<OfferScope, ScopeLevel>> = { CLIENT: 3, GROUP: 2, PLACE: 2, ALL: 1 };

/** The priority level of a scope: GROUP and PLACE share a level, as in the seed. */
export function scopeLevel(scope: OfferScope): ScopeLevel {
  return SCOPE_LEVEL[scope];
}

/** The client fields scope matching reads. */
export type ScopedClient = Pick<Client, 'reference' | 'groupCode' | 'places'>;

/** True when the offer's scope includes the client (ALL; its group; its reference; one of its places). */
export function scopeMatchesClient(offer: Pick<Offer, 'scope' | 'scopeCode'>, client: ScopedClient): boolean {
  switch (offer.scope) {
    case 'ALL':
      return true;
    case 'GROUP':
      return client.groupCode !== null && offer.scopeCode === client.groupCode;
    case 'CLIENT':
      return offer.scopeCode === client.reference;
    case 'PLACE':
      return offer.scopeCode !== null && client.places.includes(offer.scopeCode);
  }
}

/** A stable text key for a scope and its code, used to group offers aimed at the same clients. */
export function scopeKey(offer: Pick<Offer, 'scope' | 'scopeCode'>): string {
  return offer.scope === 'ALL' ? 'ALL' : `${offer.scope}:${offer.scopeCode ?? ''}`;
}
