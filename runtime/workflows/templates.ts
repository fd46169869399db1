/**
 * Handlebars message templates of workflows (task titles, notifications,
 * e-mails, webhook bodies). One isolated handlebars environment with our
 * helpers; each template string is compiled once and cached. Output is plain
 * text (no HTML escaping); webhook bodies use `{{{json value}}}` for JSON.
 * Prototype access stays disabled (handlebars' default), so a template can
 * only read the data it is given.
 */
import Handlebars from 'handlebars';
import { addDays, localDate } from '../time.js';

export interface TemplateClock {
  now: Date;
  timeZone: string;
}

const hb = Handlebars.create();
const cache = new Map<string, Handlebars.TemplateDelegate>();
const MAX_CACHED = 2000;

const DATE = /^\d{4}-\d{2}-\d{2}/;
const asDate = (v: unknown, clock: TemplateClock) =>
  typeof v === 'string' && DATE.test(v) ? (v.length === 10 ? v : localDate(new Date(v), clock.timeZone)) : localDate(clock.now, clock.timeZone);

function register(clock: () => TemplateClock): void {
  // `{{today}}` → the tenant's calendar date; `{{addDays closeDate -3}}`, `{{addDays today 2}}`.
  hb.registerHelper('today', () => localDate(clock().now, clock().timeZone));
  hb.registerHelper('addDays', (date: unknown, days: unknown) => addDays(asDate(date, clock()), Number(days) || 0));
  hb.registerHelper('json', (value: unknown) => JSON.stringify(value ?? null));
  hb.registerHelper('default', (value: unknown, fallback: unknown) => (value === undefined || value === null || value === '' ? fallback : value));
}

let current: TemplateClock = { now: new Date(), timeZone: 'UTC' };
register(() => current);

function compiled(source: string): Handlebars.TemplateDelegate {
  let fn = cache.get(source);
  if (!fn) {
    fn = hb.compile(source, { noEscape: true, strict: false, knownHelpersOnly: false });
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(source, fn);
  }
  return fn;
}

/** Renders a template with the given data; a syntax error throws (the action fails and says why). */
export function renderTemplate(source: string, data: Record<string, unknown>, clock: TemplateClock): string {
  const fn = compiled(source);
  // Rendering is synchronous, so setting the clock for this call cannot leak into another.
  current = clock;
  return fn(data);
}

/** Null when the template compiles, else the parse error (publish-time check). */
export function templateProblem(source: string): string | null {
  try {
    hb.precompile(source);
    return null;
  } catch (e) {
    return (e as Error).message.split('\n')[0] ?? 'invalid template';
  }
}
