import type { DocumentLanguage } from '../../core/documents/index.ts';
import type { JsonObject, JsonValue } from '../../core/model/json.ts';
import { BUILT_IN_TEMPLATES } from './built-in-templates.ts';

/** One transactional email template (DESIGN §10 "editable templates"), as core/demo stores them. */
export interface MessageTemplate {
  readonly id: string;
  readonly language: DocumentLanguage;
  readonly subject: string;
  readonly body: string;
}

/** Values for a template's `{{placeholders}}`; an absent one counts as empty. */
export type TemplateValues = Readonly<Record<string, string>>;

function templatesOf(data: JsonObject): MessageTemplate[] {
  const list: readonly JsonValue[] = Array.isArray(data.templates) ? data.templates : [];
  const out: MessageTemplate[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
    const t = item as JsonObject;
    if (t.channel !== undefined && t.channel !== 'email') continue;
    if (typeof t.id !== 'string' || typeof t.subject !== 'string' || typeof t.body !== 'string') continue;
    if (t.language !== 'fr' && t.language !== 'en') continue;
    out.push({ id: t.id, language: t.language, subject: t.subject, body: t.body });
  }
  return out;
}

/**
 * The email template `id` in `language`: the desk's own (the `data` of its `templates` reference
 * documents of kind `messages`) before the built-in one; French when there is none in `language`.
 * Null when neither the desk nor the server has that template.
 */
export function findTemplate(stored: readonly JsonObject[], id: string, language: DocumentLanguage): MessageTemplate | null {
  const desk = stored.filter((data) => data.kind === undefined || data.kind === 'messages').flatMap(templatesOf);
  const candidates = [...desk, ...BUILT_IN_TEMPLATES].filter((t) => t.id === id);
  return candidates.find((t) => t.language === language) ?? candidates.find((t) => t.language === 'fr') ?? candidates[0] ?? null;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

function fill(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (_all, name: string) => values[name] ?? '');
}

function hasEmptyPlaceholder(text: string, values: TemplateValues): boolean {
  return [...text.matchAll(PLACEHOLDER)].some((m) => (values[m[1] ?? ''] ?? '').trim() === '');
}

/**
 * Renders a template. A sentence of the body whose placeholder has no value is left out rather than
 * printed with a hole ("Vous pouvez l'accepter en ligne : " when there is no online link yet), and
 * the blank lines that leaves behind are squeezed.
 */
export function renderTemplate(template: MessageTemplate, values: TemplateValues): { subject: string; body: string } {
  const lines = template.body.split('\n').map((line) => {
    if (!hasEmptyPlaceholder(line, values)) return fill(line, values);
    const kept = line.split(/(?<=[.!?])\s+/).filter((sentence) => !hasEmptyPlaceholder(sentence, values));
    return kept.length === 0 ? null : fill(kept.join(' '), values);
  });
  const body = lines
    .filter((line): line is string => line !== null)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { subject: fill(template.subject, values).trim(), body };
}

/** Puts the agent's personal note after the greeting (the template's first paragraph). */
export function withPersonalNote(body: string, note: string | null): string {
  if (note === null || note.trim() === '') return body;
  const [greeting, ...rest] = body.split('\n\n');
  return rest.length === 0 ? `${note.trim()}\n\n${body}` : [greeting, note.trim(), ...rest].join('\n\n');
}
