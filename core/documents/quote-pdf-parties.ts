import type { DocumentFormat } from './document-format.ts';
import type { CompanyInfo, DocumentRecipient } from './quote-pdf-input.ts';
import type { QuotePdfLabels } from './quote-pdf-labels.ts';

const filled = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** The seller's header lines under its name: address, phone and email, web site, registration. */
export function companyLines(company: CompanyInfo, labels: QuotePdfLabels, format: DocumentFormat): string[] {
  const lines = company.addressLines.filter(filled);
  const contact = [filled(company.phone) ? `${labels.phone} ${format.phone(company.phone)}` : '', company.email].filter(filled);
  if (contact.length > 0) lines.push(contact.join(' - '));
  if (filled(company.website)) lines.push(company.website);
  // One line each: together they are too long for the header column and would break mid-number.
  if (filled(company.siret)) lines.push(`${labels.siret} ${company.siret}`);
  if (filled(company.vatNumber)) lines.push(`${labels.vatNumber} ${company.vatNumber}`);
  return lines;
}

/** The legal line at the foot of every page: name, legal form and capital, SIRET, VAT number. */
export function companyLegalLine(company: CompanyInfo, labels: QuotePdfLabels): string {
  return [
    company.name,
    company.legalMention ?? '',
    filled(company.siret) ? `${labels.siret} ${company.siret}` : '',
    filled(company.vatNumber) ? `${labels.vatNumber} ${company.vatNumber}` : '',
  ]
    .filter(filled)
    .join(' - ');
}

/**
 * The customer block: the company (or the person) first, in bold, then the person to address,
 * the address, the contacts and the references the customer quotes back to us.
 */
export function recipientLines(client: DocumentRecipient, labels: QuotePdfLabels, format: DocumentFormat): { name: string; lines: string[] } {
  const company = client.company?.trim() ?? '';
  const name = company !== '' ? company : client.name.trim();
  const lines: string[] = [];
  if (company !== '' && filled(client.name)) lines.push(client.name.trim());
  for (const line of client.addressLines ?? []) if (filled(line)) lines.push(line.trim());
  if (filled(client.email)) lines.push(client.email.trim());
  if (filled(client.phone)) lines.push(`${labels.phone} ${format.phone(client.phone)}`);
  if (filled(client.reference)) lines.push(labels.pair(labels.customerReference, client.reference.trim()));
  if (filled(client.vatNumber)) lines.push(labels.pair(labels.customerVatNumber, client.vatNumber.trim()));
  return { name, lines };
}
