// Spreadsheets run a cell that starts with = + - @ (or a tab/CR) as a formula: an offer title such as
// `=HYPERLINK(...)` would execute when the export is opened in Excel (OWASP "CSV injection"). Free-text
// cells are therefore written with a leading apostrophe, and one leading apostrophe is removed on
// import. Escaping `'` + trigger as well keeps the two functions exact inverses, so round trips hold.

const NEEDS_GUARD = /^'*[=+\-@\t\r]/;

/** The text as written in a free-text CSV cell. */
export function guardFormula(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

/** The text as read from a free-text CSV cell: the inverse of {@link guardFormula}. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && NEEDS_GUARD.test(cell.slice(1)) ? cell.slice(1) : cell;
}
