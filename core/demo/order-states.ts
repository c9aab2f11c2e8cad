/**
 * Order progress states (seed 004, DESIGN §7) as the demo configures them, and the templates an
 * administrator starts from. Plain JSON: they are stored in `reference` documents and parsed by
 * their owning module.
 */

/** Seed 004 "Type": what the state means to integrations (marketplaces) and to reports. */
export type OrderStateType = 'none' | 'confirmed' | 'shipped' | 'delivered' | 'cancelled';

/** Text per document language. */
export interface Localised {
  readonly fr: string;
  readonly en: string;
}

export interface OrderStateDefinition {
  readonly id: string;
  /** Seed 004 "Nom mnémonique": seen only in the back office. */
  readonly mnemonic: string;
  readonly type: OrderStateType;
  /** Seed 004 "Nom": what the customer sees once published. */
  readonly publicName: Localised;
  /** Seed 004 "Commentaire": the message addressed to the customer. */
  readonly clientMessage: Localised;
  /** Seed 004 "Notification SMS"; empty for no SMS text. */
  readonly sms: Localised;
  /** Seed 004 "Couleur associée", `#RRGGBB`. */
  readonly colour: string;
  /** Seed 004 "Indicateur": progress, 0–100, internal. */
  readonly indicator: number;
  /** Seed 004 "Actions" applied by default with the state. */
  readonly actions: { readonly publish: boolean; readonly email: boolean; readonly sms: boolean; readonly generateInvoice: boolean };
}

const state = (fields: OrderStateDefinition): OrderStateDefinition => fields;

/** The states the demo desk uses, in the order of a stay's life. */
export const DEMO_ORDER_STATES: readonly OrderStateDefinition[] = [
  state({
    id: 'state-a-confirmer', mnemonic: 'A_CONFIRMER', type: 'none',
    publicName: { fr: 'En attente de confirmation', en: 'Awaiting confirmation' },
    clientMessage: { fr: 'Nous vérifions les disponibilités de vos prestations.', en: 'We are checking the availability of your services.' },
    sms: { fr: '', en: '' }, colour: '#9E9E9E', indicator: 10,
    actions: { publish: false, email: false, sms: false, generateInvoice: false },
  }),
  state({
    id: 'state-confirmee', mnemonic: 'CONFIRMEE', type: 'confirmed',
    publicName: { fr: 'Commande confirmée', en: 'Order confirmed' },
    clientMessage: { fr: 'Votre acompte est bien reçu : votre séjour est confirmé.', en: 'We have received your deposit: your stay is confirmed.' },
    sms: { fr: 'Comptoir des Neiges : votre séjour est confirmé. Merci !', en: 'Comptoir des Neiges: your stay is confirmed. Thank you!' },
    colour: '#2E7D32', indicator: 30,
    actions: { publish: true, email: true, sms: true, generateInvoice: false },
  }),
  state({
    id: 'state-planifiee', mnemonic: 'PLANIFIEE', type: 'shipped',
    publicName: { fr: 'Prestation planifiée', en: 'Services scheduled' },
    clientMessage: { fr: 'Vos forfaits et votre matériel sont prêts : retrait à l’accueil dès votre arrivée.', en: 'Your passes and equipment are ready: collect them at the desk on arrival.' },
    sms: { fr: 'Vos forfaits sont prêts au retrait. Bonne glisse !', en: 'Your passes are ready to collect. Enjoy the slopes!' },
    colour: '#1565C0', indicator: 70,
    actions: { publish: true, email: true, sms: true, generateInvoice: false },
  }),
  state({
    id: 'state-realisee', mnemonic: 'REALISEE', type: 'delivered',
    publicName: { fr: 'Prestation réalisée', en: 'Services delivered' },
    clientMessage: { fr: 'Merci de votre séjour ! Votre facture est disponible dans votre espace client.', en: 'Thank you for staying with us! Your invoice is in your customer area.' },
    sms: { fr: '', en: '' }, colour: '#1B5E20', indicator: 100,
    actions: { publish: true, email: true, sms: false, generateInvoice: true },
  }),
  state({
    id: 'state-annulee', mnemonic: 'ANNULEE', type: 'cancelled',
    publicName: { fr: 'Commande annulée', en: 'Order cancelled' },
    clientMessage: { fr: 'Votre commande a été annulée. Contactez-nous pour toute question.', en: 'Your order was cancelled. Contact us with any question.' },
    sms: { fr: 'Comptoir des Neiges : votre commande a été annulée.', en: 'Comptoir des Neiges: your order was cancelled.' },
    colour: '#C62828', indicator: 0,
    actions: { publish: true, email: true, sms: false, generateInvoice: false },
  }),
  state({
    id: 'state-litige', mnemonic: 'LITIGE', type: 'none',
    publicName: { fr: 'Dossier en cours de traitement', en: 'Being processed' },
    clientMessage: { fr: '', en: '' }, sms: { fr: '', en: '' }, colour: '#EF6C00', indicator: 50,
    actions: { publish: false, email: false, sms: false, generateInvoice: false },
  }),
];

/**
 * Seed 004 "modèles d'états d'avancement": what "Ajouter" offers before a blank form. The shop's
 * words for goods (shipped, delivered) sit beside the resort's words for services.
 */
export const ORDER_STATE_TEMPLATES: readonly Omit<OrderStateDefinition, 'id'>[] = [
  ...DEMO_ORDER_STATES.map(({ id: _id, ...template }) => template),
  {
    mnemonic: 'EXPEDIEE', type: 'shipped',
    publicName: { fr: 'Commande expédiée', en: 'Order shipped' },
    clientMessage: { fr: 'Votre colis a quitté nos locaux.', en: 'Your parcel has left our premises.' },
    sms: { fr: 'Votre commande est expédiée.', en: 'Your order has shipped.' }, colour: '#1565C0', indicator: 70,
    actions: { publish: true, email: true, sms: true, generateInvoice: false },
  },
  {
    mnemonic: 'LIVREE', type: 'delivered',
    publicName: { fr: 'Commande livrée', en: 'Order delivered' },
    clientMessage: { fr: 'Votre commande a été livrée.', en: 'Your order was delivered.' },
    sms: { fr: '', en: '' }, colour: '#1B5E20', indicator: 100,
    actions: { publish: true, email: true, sms: false, generateInvoice: true },
  },
];

/** The state applied when `mnemonic` is, for events; throws on a name the demo does not define. */
export function orderState(mnemonic: string): OrderStateDefinition {
  const found = DEMO_ORDER_STATES.find((s) => s.mnemonic === mnemonic);
  if (found === undefined) throw new RangeError(`unknown order state ${mnemonic}`);
  return found;
}
