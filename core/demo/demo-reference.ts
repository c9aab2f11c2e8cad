import type { CompanyInfo } from '../documents/quote-pdf-input.ts';
import type { JsonObject } from '../model/json.ts';
import type { ReferenceEntry, ReferenceId, ReferenceType } from '../model/reference.ts';
import { DEFAULT_QUOTE_SETTINGS } from '../quote/settings.ts';
import type { IsoInstant } from '../shared/clock.ts';
import { CLIENT_GROUPS, COLLECTION_PLACES, DEMO_TEAMS, DEMO_USERS, SOPHIE } from './demo-directory.ts';
import { nationalFormat } from './french-names.ts';
import { DEMO_ORDER_STATES, ORDER_STATE_TEMPLATES } from './order-states.ts';
import { TOURISM_FAMILIES } from './tourism-families.ts';

/** The seller of the demo: a ski resort's central booking office. */
export const DEMO_COMPANY: CompanyInfo = {
  name: 'Comptoir des Neiges',
  addressLines: ['145 route du Col', '73320 Tignes'],
  phone: nationalFormat('+33479401234'),
  email: 'reservations@comptoir-des-neiges.fr',
  website: 'www.comptoir-des-neiges.fr',
  siret: '812 345 678 00021',
  vatNumber: 'FR45812345678',
  legalMention: 'SAS au capital de 30 000 € - RCS Chambéry 812 345 678 - Atout France IM073120045',
};

/** Typed data to the plain JSON a reference document stores (and nothing that JSON would not keep). */
function json(value: object): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}

const entry = (id: string, type: ReferenceType, data: JsonObject, updatedAt: IsoInstant): ReferenceEntry => ({
  id: id as ReferenceId,
  type,
  data,
  updatedAt,
});

/** Transactional e-mails and SMS (seed 000 "Mails & messages de transaction"), French and English. */
const MESSAGE_TEMPLATES = [
  { id: 'quote-sent', channel: 'email', language: 'fr', subject: 'Votre devis {{quoteNumber}}', body: 'Bonjour {{clientName}},\n\nVeuillez trouver ci-joint notre devis {{quoteNumber}}, valable jusqu’au {{validUntil}}. Vous pouvez l’accepter et régler l’acompte en ligne : {{portalLink}}\n\nBien cordialement,\n{{agentName}}' },
  { id: 'quote-sent', channel: 'email', language: 'en', subject: 'Your quote {{quoteNumber}}', body: 'Dear {{clientName}},\n\nPlease find attached our quote {{quoteNumber}}, valid until {{validUntil}}. You can accept it and pay the deposit online: {{portalLink}}\n\nKind regards,\n{{agentName}}' },
  { id: 'payment-request', channel: 'email', language: 'fr', subject: 'Demande de paiement - {{quoteNumber}}', body: 'Bonjour {{clientName}},\n\nPour confirmer votre réservation, merci de régler {{amount}} via ce lien sécurisé, valable jusqu’au {{expiresAt}} : {{paymentLink}}' },
  { id: 'payment-request', channel: 'email', language: 'en', subject: 'Payment request - {{quoteNumber}}', body: 'Dear {{clientName}},\n\nTo confirm your booking, please pay {{amount}} through this secure link, valid until {{expiresAt}}: {{paymentLink}}' },
  { id: 'payment-received', channel: 'email', language: 'fr', subject: 'Paiement reçu', body: 'Bonjour {{clientName}},\n\nNous avons bien reçu votre paiement de {{amount}}. Merci !' },
  { id: 'payment-received', channel: 'sms', language: 'fr', subject: '', body: 'Comptoir des Neiges : paiement de {{amount}} reçu, merci !' },
  { id: 'commercial-request', channel: 'email', language: 'fr', subject: 'Votre demande sur le devis {{quoteNumber}}', body: 'Bonjour {{clientName}},\n\nNous avons bien noté votre demande et revenons vers vous rapidement.' },
] as const;

/**
 * The configuration documents of the demo desk (DESIGN §3 `reference`): settings (seed 000 quote
 * options and the company block), the family tree, client groups and collection places, one
 * directory entry per user, the order states and their templates (seed 004), message templates.
 * Number blocks are left out: only the server writes them.
 */
export function demoReference(now: IsoInstant): ReferenceEntry[] {
  const settings = {
    quoteValidityDays: DEFAULT_QUOTE_SETTINGS.validityDays,
    defaultDepositRate: DEFAULT_QUOTE_SETTINGS.defaultDepositRate,
    allowOutOfStock: false,
    allowedVatRates: DEFAULT_QUOTE_SETTINGS.allowedVatRates,
    defaultPriceMode: 'TTC',
    currency: 'EUR',
    defaultLanguage: 'fr',
    timeZone: 'Europe/Paris',
    company: {
      ...DEMO_COMPANY,
      legalLines: [`SIRET ${DEMO_COMPANY.siret}`, `N° TVA intracommunautaire ${DEMO_COMPANY.vatNumber}`, DEMO_COMPANY.legalMention],
    },
    // Seed 000 "Paramétrage" of the quotes option.
    quotes: {
      enabled: true,
      visibleTo: 'account',
      showCreateQuoteButton: true,
      reducedCheckout: true,
      lockPaymentMethod: false,
      salesManagerEmail: SOPHIE.email,
      copyToClientSalesRep: true,
    },
    payments: { provider: 'sandbox', requestExpiryDays: 7 },
  };
  const users = DEMO_USERS.map((user) => {
    const team = DEMO_TEAMS.find((t) => t.code === user.team);
    return entry(`users-${user.id}`, 'users', json({ ...user, teamLabel: team?.label ?? user.team, teamLabelEn: team?.labelEn ?? user.team }), now);
  });
  return [
    entry('settings', 'settings', json(settings), now),
    entry('families', 'families', json({ tree: TOURISM_FAMILIES }), now),
    entry('client-groups', 'client_groups', json({ groups: CLIENT_GROUPS, places: COLLECTION_PLACES }), now),
    ...users,
    entry('order-states', 'order_states', json({ states: DEMO_ORDER_STATES }), now),
    entry('templates-order-states', 'templates', json({ kind: 'order_states', templates: ORDER_STATE_TEMPLATES }), now),
    entry('templates-messages', 'templates', json({ kind: 'messages', templates: MESSAGE_TEMPLATES }), now),
  ];
}
