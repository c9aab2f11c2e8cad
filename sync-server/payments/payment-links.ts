import type { Sql } from '../db/db.ts';

/** A row of `payment_links` (migration 003). */
export interface StoredPaymentLink {
  readonly providerRef: string;
  readonly paymentId: string;
  readonly provider: string;
  readonly link: string;
  readonly expiresAt: Date;
}

interface Row {
  provider_ref: string;
  payment_id: string;
  provider: string;
  link: string;
  expires_ms: number | string;
}

const SELECT = `SELECT provider_ref, payment_id, provider, link, (extract(epoch FROM expires_at) * 1000)::float8 AS expires_ms FROM payment_links`;

function fromRow(row: Row): StoredPaymentLink {
  return { providerRef: row.provider_ref, paymentId: row.payment_id, provider: row.provider, link: row.link, expiresAt: new Date(Number(row.expires_ms)) };
}

/**
 * Records the link of a payment request, unless it has one already: returns the stored link either
 * way, so creating a link twice (a command resumed after a crash) hands out the first one.
 */
export async function saveLinkOnce(sql: Sql, link: StoredPaymentLink): Promise<StoredPaymentLink> {
  await sql.query(
    `INSERT INTO payment_links (provider_ref, payment_id, provider, link, expires_at)
     VALUES ($1, $2, $3, $4, $5::timestamptz) ON CONFLICT (payment_id) DO NOTHING`,
    [link.providerRef, link.paymentId, link.provider, link.link, link.expiresAt.toISOString()],
  );
  const stored = await linkOfPayment(sql, link.paymentId);
  if (stored === null) throw new Error(`payment link of ${link.paymentId} vanished`);
  return stored;
}

export async function linkOfPayment(sql: Sql, paymentId: string): Promise<StoredPaymentLink | null> {
  const rows = await sql.query<Row>(`${SELECT} WHERE payment_id = $1`, [paymentId]);
  return rows[0] === undefined ? null : fromRow(rows[0]);
}

export async function linkByRef(sql: Sql, providerRef: string): Promise<StoredPaymentLink | null> {
  const rows = await sql.query<Row>(`${SELECT} WHERE provider_ref = $1`, [providerRef]);
  return rows[0] === undefined ? null : fromRow(rows[0]);
}
