// Names a text introduces for itself, read after the main pass: an abbreviation it defines in brackets after a
// company's name ("АО «Газпромбанк» (далее – «ГПБ»)", "China Mobile Communications Corporation (CMCC)"), one it
// defines for something that is not a listed company ("McKinsey Global Institute (MGI)", "Bank of England (BoE)"),
// and the distinctive first word of a full name it has given ("ChangXin Memory Technologies … ChangXin"). The
// later mentions of such a form mean what the text said. A page passes the forms found in its other blocks in
// `ScanContext.introduced`, so a definition in one paragraph still holds in the next.
import { isLetterOrDigitAt } from './chars';
import { matchKey } from './normalize';
import { isPlace } from './places';
import { LEGAL_FORMS } from './legal-forms';
import { COMMON_WORDS, EVERYDAY_NAMES, GIVEN_NAMES } from './word-lists';
import type { TextMatch } from './types';

/** Form as written → the entity it stands for, or null when the text defined it as something else. */
export type Introduced = Map<string, string | null>;

// "(далее – «ГПБ»)", "(hereinafter “CMCC”)", "(the “Issuer”)", "(CXMT)".
const DEFINITION_AFTER =
  /^[»”"]?[ \u00a0]*[(（][ \u00a0]*(?:(?:далее|hereinafter|the|herein)[ \u00a0]*(?:[-–—:][ \u00a0]*)?(?:referred to as[ \u00a0]*|именуем\p{L}*[ \u00a0]*)?)?[«"“'‘]?(\p{Lu}[\p{Lu}\d&-]{1,7})[»"”'’]?[ \u00a0]*[)）]/u;

// "McKinsey Global Institute (MGI)": capitalised words, then capitals in brackets that are their initials.
const WORDS_BEFORE = /((?:\p{Lu}[\p{L}’'.-]*[ \u00a0]+(?:(?:of|and|for|the|&)[ \u00a0]+)?){1,6})$/u;
const BRACKETED_FORM = /^[(（](\p{Lu}[\p{L}]{1,6})[)）]/u;

const LEGAL_WORDS = new Set(LEGAL_FORMS.flatMap((form) => form.spellings.flatMap((spelling) => spelling.split(' '))));
const JOINING = new Set(['of', 'and', 'for', 'the', '&']);

/** Whether `form` is the initials of the last words of `words` ("The McKinsey Global Institute" → "MGI"). */
function isInitialsOf(words: string, form: string): boolean {
  const kept = words.split(/[ \u00a0]+/).filter((w) => w && !JOINING.has(w.toLowerCase()));
  const letters = form.toUpperCase();
  if (kept.length < letters.length) return false;
  return kept.slice(kept.length - letters.length).map((w) => w[0]).join('').toUpperCase() === letters;
}

/**
 * A first word that can stand for its company alone once the full name was given: Latin script, five letters or
 * more, not an ordinary word, a place, a given name or a legal form.
 */
function distinctiveFirstWord(written: string): string | undefined {
  const first = /^(\p{Lu}[\p{L}]{4,})(?=[ \u00a0])/u.exec(written)?.[1];
  if (!first || !/^[A-Za-z]+$/.test(first)) return undefined;
  const key = matchKey(first);
  if (COMMON_WORDS.has(key) || EVERYDAY_NAMES.has(key) || GIVEN_NAMES.has(key) || LEGAL_WORDS.has(key) || isPlace(key)) return undefined;
  return first;
}

/**
 * The forms `text` introduces, given the matches of the main pass. `otherNames(form)` says whether a form alone
 * already names some listed company ("Gazprom" of "Gazprom Neft"), which rules it out as a short name.
 */
export function introducedIn(text: string, found: readonly TextMatch[], otherNames: (form: string) => boolean): Introduced {
  const introduced: Introduced = new Map();
  for (const m of found) {
    if (m.kind !== 'name') continue;
    const definition = DEFINITION_AFTER.exec(text.slice(m.end, m.end + 48));
    if (definition) {
      const form = definition[1];
      if (!introduced.has(form)) introduced.set(form, m.entityId);
    }
    if (m.rule === 'name') {
      const first = distinctiveFirstWord(text.slice(m.start, m.end));
      if (first && !introduced.has(first) && !otherNames(first)) introduced.set(first, m.entityId);
    }
  }
  // Read only at brackets, so a long text without definitions costs one indexOf per bracket.
  for (let open = nextBracket(text, 0); open >= 0; open = nextBracket(text, open + 1)) {
    const bracket = BRACKETED_FORM.exec(text.slice(open, open + 10));
    if (!bracket) continue;
    const form = bracket[1];
    const words = WORDS_BEFORE.exec(text.slice(Math.max(0, open - 90), open))?.[1];
    if (!words || introduced.has(form) || !isInitialsOf(words, form)) continue;
    // The defined words are a listed company's name: that definition was read above.
    const wordsStart = open - words.length;
    if (found.some((m) => m.start < open && wordsStart < m.end)) continue;
    introduced.set(form, null);
  }
  return introduced;
}

function nextBracket(text: string, from: number): number {
  const a = text.indexOf('(', from);
  const b = text.indexOf('（', from);
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/** Every place `form` stands alone in `text` (not inside a longer word), at or after `from`. */
function occurrences(text: string, form: string, from: number): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(form, from); at >= 0; at = text.indexOf(form, at + form.length)) {
    const end = at + form.length;
    if ((at > 0 && isLetterOrDigitAt(text, at - 1)) || (end < text.length && isLetterOrDigitAt(text, end))) continue;
    out.push(at);
  }
  return out;
}

/**
 * Applies what was introduced: later mentions of a form defined for a company become matches of it; mentions
 * of a form defined as something else are no longer read as a short name or symbol of a company.
 */
export function applyIntroduced(text: string, found: TextMatch[], own: Introduced, page?: ReadonlyMap<string, string | null>): TextMatch[] {
  if (own.size === 0 && (!page || page.size === 0)) return found;
  const forms = new Map<string, { entityId: string | null; from: number }>();
  for (const [form, entityId] of own) {
    // In the text itself a definition holds from where it was made.
    const first = found.find((m) => text.startsWith(form, m.start) && m.end - m.start === form.length);
    forms.set(form, { entityId, from: entityId === null ? 0 : Math.max(0, first ? first.start : text.indexOf(form)) });
  }
  if (page) {
    // Another block's definitions, looked up only for forms this text contains (so the page knows which
    // results depended on them).
    for (const form of page.keys()) if (!forms.has(form) && text.includes(form)) forms.set(form, { entityId: page.get(form)!, from: 0 });
  }
  let out = found;
  for (const [form, { entityId, from }] of forms) {
    if (entityId === null) {
      // Only a short name or symbol gives way; a full name is the company whatever the text abbreviates.
      out = out.filter((m) => !(text.slice(m.start, m.end) === form && m.rule !== 'name'));
      continue;
    }
    for (const at of occurrences(text, form, from)) {
      const end = at + form.length;
      if (out.some((m) => m.start < end && at < m.end)) continue;
      const rule = /\p{Ll}/u.test(form) ? 'short-name-after-full-name' : 'abbreviation-defined';
      out = [...out, { start: at, end, entityId, kind: 'name', alias: form, rule }];
    }
  }
  return out === found ? found : out.sort((a, b) => a.start - b.start);
}
