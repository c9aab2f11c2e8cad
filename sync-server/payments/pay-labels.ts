import type { DocumentLanguage } from '../../core/documents/index.ts';
import type { PaymentRequestKind } from '../../core/payment/index.ts';

/** The payment page's words, French and English (DESIGN §12). */
export interface PayLabels {
  readonly title: string;
  readonly sandbox: string;
  readonly greeting: (name: string) => string;
  readonly kinds: Readonly<Record<PaymentRequestKind, string>>;
  readonly quote: string;
  readonly reason: string;
  readonly amount: string;
  readonly validUntil: string;
  /** The button's accessible name: end-to-end tests click it by role and name. */
  readonly pay: string;
  readonly decline: string;
  readonly paidNow: string;
  readonly paidNowDetail: (amount: string) => string;
  readonly alreadyPaid: string;
  readonly expired: (date: string) => string;
  readonly cancelled: string;
  readonly declined: string;
  readonly declinedDetail: (date: string) => string;
  readonly backToPayment: string;
  readonly notReady: string;
  readonly notFound: string;
  readonly notFoundDetail: string;
  readonly contact: string;
  readonly otherLanguage: { readonly code: DocumentLanguage; readonly label: string };
}

const FR: PayLabels = {
  title: 'Paiement sécurisé',
  sandbox: 'Environnement de démonstration : aucune carte n’est débitée.',
  greeting: (name) => `Bonjour ${name},`,
  kinds: { deposit: 'Acompte', balance: 'Solde', full: 'Règlement' },
  quote: 'Devis',
  reason: 'Objet',
  amount: 'Montant à régler',
  validUntil: 'Lien valable jusqu’au',
  pay: 'Payer',
  decline: 'Refuser',
  paidNow: 'Paiement reçu, merci !',
  paidNowDetail: (amount) => `Votre paiement de ${amount} est enregistré. Vous allez recevoir une confirmation.`,
  alreadyPaid: 'Ce paiement a déjà été réglé. Merci !',
  expired: (date) => `Ce lien de paiement a expiré le ${date}. Contactez-nous pour en recevoir un nouveau.`,
  cancelled: 'Cette demande de paiement a été annulée. Contactez-nous pour toute question.',
  declined: 'Paiement non effectué',
  declinedDetail: (date) => `Aucun montant n’a été débité. Vous pouvez revenir payer avec ce lien jusqu’au ${date}.`,
  backToPayment: 'Revenir au paiement',
  notReady: 'Ce lien de paiement n’est pas encore actif. Réessayez dans un instant.',
  notFound: 'Lien de paiement introuvable',
  notFoundDetail: 'Vérifiez le lien reçu par e-mail, ou contactez l’agence qui vous l’a envoyé.',
  contact: 'Contact',
  otherLanguage: { code: 'en', label: 'English' },
};

const EN: PayLabels = {
  title: 'Secure payment',
  sandbox: 'Sandbox: no card is charged.',
  greeting: (name) => `Dear ${name},`,
  kinds: { deposit: 'Deposit', balance: 'Balance', full: 'Payment' },
  quote: 'Quote',
  reason: 'For',
  amount: 'Amount due',
  validUntil: 'Link valid until',
  pay: 'Pay',
  decline: 'Cancel',
  paidNow: 'Payment received, thank you!',
  paidNowDetail: (amount) => `Your payment of ${amount} is recorded. A confirmation will follow.`,
  alreadyPaid: 'This payment was already paid. Thank you!',
  expired: (date) => `This payment link expired on ${date}. Contact us for a new one.`,
  cancelled: 'This payment request was cancelled. Contact us with any question.',
  declined: 'Payment not made',
  declinedDetail: (date) => `Nothing was charged. You can come back and pay with this link until ${date}.`,
  backToPayment: 'Back to payment',
  notReady: 'This payment link is not active yet. Try again in a moment.',
  notFound: 'Payment link not found',
  notFoundDetail: 'Check the link in your email, or contact the agency that sent it.',
  contact: 'Contact',
  otherLanguage: { code: 'fr', label: 'Français' },
};

export function payLabels(language: DocumentLanguage): PayLabels {
  return language === 'en' ? EN : FR;
}
