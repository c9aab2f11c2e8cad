import type { Client } from '../clients/client.ts';

/** What the desk writes to a customer at each step of a dossier, in the customer's language. */
export interface MessageText {
  readonly subject: string;
  readonly body: string;
}

function greeting(client: Client): { fr: string; en: string } {
  const name = client.lastName === '' ? client.companyName : `${client.firstName} ${client.lastName}`;
  return { fr: `Bonjour ${name},`, en: `Dear ${name},` };
}

function pick(client: Client, fr: MessageText, en: MessageText): MessageText {
  return client.language === 'en' ? en : fr;
}

/** First answer to a request: we are on it, with a question or two. */
export function replyText(client: Client, agent: string): MessageText {
  const hello = greeting(client);
  return pick(
    client,
    { subject: 'Votre demande de séjour', body: `${hello.fr}\n\nMerci pour votre demande. Je prépare une proposition et reviens vers vous rapidement. Pouvez-vous me confirmer l’âge des enfants pour les forfaits ?\n\n${agent}` },
    { subject: 'Your holiday request', body: `${hello.en}\n\nThank you for your request. I am preparing an offer and will be back to you shortly. Could you confirm the children's ages for the lift passes?\n\n${agent}` },
  );
}

export function quoteSentText(client: Client, number: string, version: number, agent: string): MessageText {
  const hello = greeting(client);
  const ref = version > 1 ? `${number} (version ${version})` : number;
  return pick(
    client,
    { subject: `Votre devis ${ref}`, body: `${hello.fr}\n\nVeuillez trouver ci-joint notre devis ${ref}. Vous pouvez l’accepter et régler l’acompte en ligne depuis votre espace client.\n\nBien cordialement,\n${agent}` },
    { subject: `Your quote ${ref}`, body: `${hello.en}\n\nPlease find attached our quote ${ref}. You can accept it and pay the deposit online from your customer area.\n\nKind regards,\n${agent}` },
  );
}

export function paymentRequestText(client: Client, what: 'deposit' | 'balance', amount: string): MessageText {
  const hello = greeting(client);
  return what === 'deposit'
    ? pick(
        client,
        { subject: 'Demande d’acompte', body: `${hello.fr}\n\nPour confirmer votre réservation, merci de régler l’acompte de ${amount} via le lien sécurisé ci-dessous.` },
        { subject: 'Deposit request', body: `${hello.en}\n\nTo confirm your booking, please pay the deposit of ${amount} through the secure link below.` },
      )
    : pick(
        client,
        { subject: 'Règlement du solde', body: `${hello.fr}\n\nVotre séjour approche : le solde de ${amount} est à régler via le lien ci-dessous.` },
        { subject: 'Balance payment', body: `${hello.en}\n\nYour stay is getting close: the balance of ${amount} can be paid through the link below.` },
      );
}

export function acceptanceText(client: Client): string {
  return client.language === 'en'
    ? 'We accept the quote, thank you. We will pay the deposit online today.'
    : 'Nous acceptons le devis, merci. Nous réglons l’acompte en ligne aujourd’hui.';
}

export function declineText(client: Client): string {
  return client.language === 'en'
    ? 'Thank you for your offer, but we have decided to go elsewhere this year.'
    : 'Merci pour votre proposition, mais nous avons finalement choisi une autre station cette année.';
}

export function thanksText(client: Client, amount: string): MessageText {
  const hello = greeting(client);
  return pick(
    client,
    { subject: 'Paiement bien reçu', body: `${hello.fr}\n\nNous avons bien reçu votre règlement de ${amount}. Merci et à bientôt à la montagne !` },
    { subject: 'Payment received', body: `${hello.en}\n\nWe have received your payment of ${amount}. Thank you, see you in the mountains!` },
  );
}

/** Notes agents leave each other on a dossier; never shown to the customer. */
const INTERNAL_NOTES = [
  'Disponibilités vérifiées auprès de la résidence ce matin, option posée 48 h.',
  'Client pressé : rappeler avant vendredi, il compare avec une autre station.',
  'Prix des forfaits à confirmer avec la régie des remontées pour la semaine de février.',
  'Penser à demander la liste des participants (noms et âges) pour les forfaits.',
] as const;

export function internalNote(seq: number): string {
  return INTERNAL_NOTES[seq % INTERNAL_NOTES.length] ?? INTERNAL_NOTES[0];
}
