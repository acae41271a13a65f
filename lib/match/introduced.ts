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
const BRACKETED_FORM = /^[(（](\p{Lu}[\p{L}]{1,6})[)）]/u;

const LEGAL_WORDS = new Set(LEGAL_FORMS.flatMap((form) => form.spellings.flatMap((spelling) => spelling.split(' '))));
/** "Baidu Inc (ADR)": a kind of security in brackets says what is traded, never a short name for the company. */
const SECURITY_KINDS = new Set(['adr', 'adrs', 'ads', 'gdr', 'gdrs', 'dr', 'etf', 'reit', 'h', 'a', 'b']);
const JOINING = new Set(['of', 'and', 'for', 'the', '&']);

const CAPITALISED = /^\p{Lu}/u;

/**
 * Whether the words right before offset `open` ("The McKinsey Global Institute (") end in words whose initials
 * are `form`; returns where those words start, or -1.
 */
function initialsBefore(text: string, open: number, form: string): number {
  const words = text.slice(Math.max(0, open - 90), open).split(/[ \u00a0]+/);
  if (words[words.length - 1] === '') words.pop();
  const letters = form.toUpperCase();
  let matched = 0;
  let length = 0;
  for (let w = words.length - 1; w >= 0 && matched < letters.length; w--) {
    const word = words[w];
    length += word.length + 1;
    if (JOINING.has(word.toLowerCase())) continue;
    if (!CAPITALISED.test(word) || word[0].toUpperCase() !== letters[letters.length - 1 - matched]) return -1;
    matched++;
  }
  return matched === letters.length ? open - length : -1;
}

/**
 * A first word that can stand for its company alone once the full name was given: Latin script, five letters or
 * more, not an ordinary word, a place, a given name or a legal form.
 */
const firstWords = new Map<string, string | undefined>();

function distinctiveFirstWord(written: string): string | undefined {
  if (firstWords.has(written)) return firstWords.get(written);
  const word = firstWordOf(written);
  if (firstWords.size > 2000) firstWords.clear();
  firstWords.set(written, word);
  return word;
}

function firstWordOf(written: string): string | undefined {
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
export function introducedIn(
  text: string, found: readonly TextMatch[], otherNames: (form: string) => boolean, where?: Map<string, number>,
): Introduced {
  const introduced: Introduced = new Map();
  const note = (form: string, entityId: string | null, at: number) => {
    introduced.set(form, entityId);
    where?.set(form, at);
  };
  for (const m of found) {
    if (m.kind !== 'name') continue;
    const definition = bracketSoonAfter(text, m.end) ? DEFINITION_AFTER.exec(text.slice(m.end, m.end + 48)) : null;
    // "ВТБ (ПАО)", "Банк ГПБ (АО)": a legal form in brackets says what kind of company it is, never a short name.
    if (definition && !LEGAL_WORDS.has(matchKey(definition[1])) && !SECURITY_KINDS.has(matchKey(definition[1]))) {
      const form = definition[1];
      if (!introduced.has(form)) note(form, m.entityId, m.end);
    }
    // Only a name of several words written with a Latin capital can give a first word.
    const c = text.charCodeAt(m.start);
    if (m.rule === 'name' && c >= 65 && c <= 90 && text.indexOf(' ', m.start) < m.end) {
      const first = distinctiveFirstWord(text.slice(m.start, m.end));
      if (first && !introduced.has(first) && !otherNames(first)) note(first, m.entityId, m.start);
    }
  }
  // Read only at brackets, so a long text without definitions costs one indexOf per bracket.
  for (const open of brackets(text)) {
    if (!maybeBracketedForm(text, open)) continue;
    const bracket = BRACKETED_FORM.exec(text.slice(open, open + 10));
    if (!bracket) continue;
    const form = bracket[1];
    if (introduced.has(form)) continue;
    const wordsStart = initialsBefore(text, open, form);
    if (wordsStart < 0) continue;
    // The defined words are a listed company's name: that definition was read above.
    if (found.some((m) => m.start < open && wordsStart < m.end)) continue;
    note(form, null, 0);
  }
  return introduced;
}

/** "(MGI)": a capital right after the bracket and its closing bracket within eight characters, no space or colon. */
function maybeBracketedForm(text: string, open: number): boolean {
  const c = text.charCodeAt(open + 1);
  if (!((c >= 65 && c <= 90) || (c >= 0x410 && c <= 0x42f))) return false;
  for (let k = open + 2; k < open + 9 && k < text.length; k++) {
    const ch = text[k];
    if (ch === ')' || ch === '）') return k > open + 2;
    if (ch === ' ' || ch === ':' || ch === ',' || ch === '.') return false;
  }
  return false;
}

/** A bracket opens within a few characters of `end` (past a closing quote and spaces). */
function bracketSoonAfter(text: string, end: number): boolean {
  for (let k = end; k < end + 4 && k < text.length; k++) {
    const ch = text[k];
    if (ch === '(' || ch === '（') return true;
    if (ch !== ' ' && ch !== '\u00a0' && ch !== '»' && ch !== '”' && ch !== '"') return false;
  }
  return false;
}

/** Offsets of every "(" and "（" in `text`, in order (each kind found with one pass of indexOf). */
function brackets(text: string): number[] {
  const out: number[] = [];
  for (let k = text.indexOf('('); k >= 0; k = text.indexOf('(', k + 1)) out.push(k);
  const wide = text.indexOf('（');
  if (wide < 0) return out;
  for (let k = wide; k >= 0; k = text.indexOf('（', k + 1)) out.push(k);
  return out.sort((a, b) => a - b);
}

/** How far after its definition a form is looked for in the same text (a page's other blocks get it too). */
const REACH = 4000;

/** Every place `form` stands alone in text[from, to) (not inside a longer word). */
function occurrences(text: string, form: string, from: number, to: number): number[] {
  const out: number[] = [];
  // Searched in a window of its own, so a form with no later mention costs its window, not the rest of the text.
  const window = to >= text.length && from === 0 ? text : text.slice(from, Math.min(text.length, to + form.length));
  for (let w = window.indexOf(form); w >= 0; w = window.indexOf(form, w + form.length)) {
    const at = from + w;
    if (at >= to) break;
    const end = at + form.length;
    if ((at > 0 && isLetterOrDigitAt(text, at - 1)) || (end < text.length && isLetterOrDigitAt(text, end))) continue;
    out.push(at);
  }
  return out;
}

/** Whether text[start, end) overlaps a match of `sorted` (in order, disjoint). */
function overlapsAny(sorted: readonly TextMatch[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo].start < end;
}

/**
 * Applies what was introduced: later mentions of a form defined for a company become matches of it; mentions
 * of a form defined as something else are no longer read as a short name or symbol of a company.
 */
export function applyIntroduced(
  text: string, found: TextMatch[], own: Introduced, where: ReadonlyMap<string, number>, page?: ReadonlyMap<string, string | null>,
): TextMatch[] {
  if (own.size === 0 && (!page || page.size === 0)) return found;
  const forms: { form: string; entityId: string | null; from: number; to: number }[] = [];
  for (const [form, entityId] of own) {
    // In the text itself a definition holds from where it was made, for the next few thousand characters.
    const from = entityId === null ? 0 : where.get(form) ?? 0;
    forms.push({ form, entityId, from, to: entityId === null ? text.length : from + REACH });
  }
  if (page) {
    // Another block's definitions, looked up only for forms this text contains (so the page knows which
    // results depended on them).
    for (const form of page.keys()) {
      if (!own.has(form) && text.includes(form)) forms.push({ form, entityId: page.get(form)!, from: 0, to: text.length });
    }
  }
  let kept = found;
  const added: TextMatch[] = [];
  for (const { form, entityId, from, to } of forms) {
    if (entityId === null) {
      // Only a short name or symbol gives way; a full name is the company whatever the text abbreviates.
      kept = kept.filter((m) => !(m.rule !== 'name' && m.end - m.start === form.length && text.startsWith(form, m.start)));
      continue;
    }
    for (const at of occurrences(text, form, from, to)) {
      const end = at + form.length;
      if (overlapsAny(found, at, end) || added.some((m) => m.start < end && at < m.end)) continue;
      const rule = /\p{Ll}/u.test(form) ? 'short-name-after-full-name' : 'abbreviation-defined';
      added.push({ start: at, end, entityId, kind: 'name', alias: form, rule });
    }
  }
  if (added.length === 0) return kept;
  return [...kept, ...added].sort((a, b) => a.start - b.start);
}
