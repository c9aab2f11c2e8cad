import type { MessageTemplate } from './templates.ts';

/**
 * The emails the server sends when the desk has no `templates` reference document of its own (or
 * none for that email and language). Same ids and placeholders as core/demo's templates, so an
 * administrator's edited copy replaces them one for one.
 */
export const BUILT_IN_TEMPLATES: readonly MessageTemplate[] = [
  {
    id: 'quote-sent',
    language: 'fr',
    subject: 'Votre devis {{quoteNumber}} - {{companyName}}',
    body: 'Bonjour {{clientName}},\n\nVeuillez trouver ci-joint notre devis {{quoteNumber}} d’un montant de {{total}}, valable jusqu’au {{validUntil}}. Vous pouvez l’accepter en ligne : {{portalLink}}\n\nNous restons à votre disposition pour toute question.\n\nBien cordialement,\n{{agentName}}\n{{companyName}}',
  },
  {
    id: 'quote-sent',
    language: 'en',
    subject: 'Your quote {{quoteNumber}} - {{companyName}}',
    body: 'Dear {{clientName}},\n\nPlease find attached our quote {{quoteNumber}} for {{total}}, valid until {{validUntil}}. You can accept it online: {{portalLink}}\n\nDo not hesitate to contact us with any question.\n\nKind regards,\n{{agentName}}\n{{companyName}}',
  },
  {
    id: 'payment-request',
    language: 'fr',
    subject: 'Demande de paiement - {{quoteNumber}}',
    body: 'Bonjour {{clientName}},\n\nPour confirmer votre réservation, merci de régler {{amount}} via ce lien sécurisé, valable jusqu’au {{expiresAt}} : {{paymentLink}}\n\nBien cordialement,\n{{agentName}}\n{{companyName}}',
  },
  {
    id: 'payment-request',
    language: 'en',
    subject: 'Payment request - {{quoteNumber}}',
    body: 'Dear {{clientName}},\n\nTo confirm your booking, please pay {{amount}} through this secure link, valid until {{expiresAt}}: {{paymentLink}}\n\nKind regards,\n{{agentName}}\n{{companyName}}',
  },
];
