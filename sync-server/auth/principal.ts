/** The three roles of DESIGN §10. */
export const ROLES = ['agent', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: a signed-in user (from the access token), or the server itself (CLI, commands). */
export type Principal =
  | { readonly kind: 'user'; readonly userId: string; readonly role: Role; readonly team: string }
  | { readonly kind: 'system' };

/** The server's own writes (admin CLI import, command results): no rule applies. */
export const SYSTEM: Principal = { kind: 'system' };

/** True when `value` is one of the roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
