// The second look at a candidate: given a pattern found in the text, does its rule (case, cue words, venue,
// the company's own name beside it) say a reader would see this company here? Runs only on candidates.
import {
  caseRuleHolds, companyCueNear, genericCompoundFollows, inShoutedLine, innerCapitalDiffers, isCashtag, isIndexSymbol, isLikenessOrCompound,
  givenNameBefore, hkCodeAfterClassName, listedAsAnotherCompany, namesAnotherCompany, openingParenBefore, opensLongerQuotedName, ownSymbolFollows, quoteFollows, venuePrefix, venueSuffix,
  bracketAfterLegalForm, codeInBracketsAfterHan, cjkNameContinues, inWebAddress, marketTalkAround, indexWordsNear, insideWebAddress, namedAfterNounFollows, placeThenLegalForm,
  regionalNamesake, symbolKey, tickerNamedAfter, tickerNamedBefore, eventNamedAfter, sportsClubNamed, countryInBracketsThenLegalForm,
} from './context';
import { ownWordsOf } from './own-words';
import { matchKey } from './normalize';
import { CJK_GENERIC_COMPOUND_NEXT, CORPORATE_NOUNS, GENERIC_COMPOUND_NEXT, NAME_CONTINUATIONS } from './word-lists';
import { isJsSpace } from './chars';
import { numericCodeFits, venuesCompatible } from './exchanges';
import { legalTailEnd } from './legal-tail';
import type { Pattern } from './patterns';
import type { MatchKind, MatchRule, ScanContext, TextMatch } from './types';

/** Only spaces and commas between two offsets ("Xiaomi, XIACY"). */
function onlySpacesAndCommas(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code !== 44 && !isJsSpace(code)) return false;
  }
  return true;
}

/**
 * "CNOOC, China's dominant offshore oil producer": a comma and a space inside the words matched as one name end one
 * phrase and start another, so the words are not that name ("CNOOC China Limited"); the shorter name before the
 * comma is still read on its own.
 */
function commaSplitsName(text: string, start: number, end: number): boolean {
  for (let k = start + 1; k < end - 1; k++) {
    if (text.charCodeAt(k) === 44 && isJsSpace(text.charCodeAt(k + 1))) return true;
  }
  return false;
}

// Verdicts of `judge`, as numbers so a rejected candidate costs no allocation; an accepted or deferred
// match is left in `verdictSlot` (scans are synchronous, so one slot serves every matcher).
export const REJECT = 0;
export const ACCEPT = 1;
export const DEFER = 2;
export const SKIP_TO_END = 3;
export const verdictSlot: { match: TextMatch | undefined } = { match: undefined };
/** The venue of each bare symbol held for a second look, so symbols of one exchange can vouch for each other. */
export const deferredVenue = new WeakMap<TextMatch, string>();

function verdict(result: number, pattern: Pattern, start: number, end: number, kind: MatchKind, rule: MatchRule): number {
  verdictSlot.match = { start, end, entityId: pattern.entityId, alias: pattern.alias, kind, rule };
  return result;
}

/**
 * The candidate follows the same company's name: "Xiaomi (1810)", "China Mobile, CHL", or the next cell of its row
 * in a table ("China Telecom Corporation Limited | CHA").
 */
function afterOwnName(text: string, pattern: Pattern, start: number, found: TextMatch[]): boolean {
  const previous = found[found.length - 1];
  if (previous === undefined || previous.entityId !== pattern.entityId || previous.kind !== 'name') return false;
  const paren = openingParenBefore(text, start);
  const nameEnd = paren >= 0 ? paren : start;
  if (nameEnd - previous.end <= 2 && (paren >= 0 || onlySpacesAndCommas(text, previous.end, start))) return true;
  return start - previous.end <= 12 && onlyCellBreaks(text, previous.end, start);
}

const LISTING_OPENING = /^\.?[ \u00a0]*[(（][ \u00a0]*[A-Za-z]{2,12}[ \u00a0]*[:：][ \u00a0]*$/u;

/** "Baidu Inc. (NYSE: BIDU)": the same company's name, then a bracket opening with an exchange, right before the symbol. */
function ownNameOpensListing(text: string, pattern: Pattern, start: number, found: TextMatch[]): boolean {
  const previous = found[found.length - 1];
  if (previous === undefined || previous.entityId !== pattern.entityId || previous.kind !== 'name') return false;
  return start - previous.end <= 24 && LISTING_OPENING.test(text.slice(previous.end, start));
}

/** Only a table's cell breaks between two offsets: "|", tabs, line breaks and spaces, with at least one "|" or tab. */
function onlyCellBreaks(text: string, from: number, to: number): boolean {
  let cell = false;
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code === 124 || code === 9) cell = true;
    else if (!isJsSpace(code)) return false;
  }
  return cell;
}

/** A brand's written legal form that none of its own names use ("COSTAR GROUP, INC." for Costar Group Co). */
function foreignLegalForm(text: string, pattern: Pattern, end: number, fullEnd: number): boolean {
  if (!pattern.brandCase || fullEnd === end || !pattern.ownNames) return false;
  const own = ownWordsOf(pattern.ownNames);
  return matchKey(text.slice(end, fullEnd)).split(' ').some((word) => word !== '' && !own.has(word));
}

/** Hong Kong codes may carry zeros up to six digits ("000941.HK"); others must fit their venue. */
function codeFits(text: string, venue: string, start: number, end: number): boolean {
  if (venue === 'HK' && end - start === 6 && text.charCodeAt(start) === 48) return true;
  return numericCodeFits(venue, end - start);
}

/**
 * A number standing alone as an identifier: not a quantity ("700 million", "1,810", "941.5", "$700", "700%").
 */
function readsAsCode(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  if (before === 36 || before === 44 || before === 46 || before === 0xa5 || before === 0xffe5) return false; // $ , . ¥
  const after = text.charCodeAt(end);
  if (after === 37 || ((after === 44 || after === 46) && isDigit(text.charCodeAt(end + 1)))) return false; // % ,5 .5
  let k = end;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0xa0)) k++;
  const next = text.charCodeAt(k);
  return !(next >= 97 && next <= 122) && (k >= text.length || !CJK_UNITS.includes(text.charAt(k))); // "700 million", "700亿"
}

const isDigit = (code: number) => code >= 48 && code <= 57;
const isWordUnit = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || isDigit(code) || code > 0xbf;

/** Rules by which a text ties a code to its company: after its name, or with its exchange. */
const TYING_RULES = new Set<MatchRule | undefined>(['ticker-after-name', 'exchange-prefix', 'exchange-suffix', 'code-after-chinese-name']);

/**
 * "Semiconductor Manufacturing International Corp (0981) … 0981 is not included": a code the text already tied to
 * the company is that company again. Only codes no quantity is written as — zero-padded ("0981", "00700") or six
 * digits — and not after a currency sign or inside a number.
 */
function codeGivenBefore(text: string, start: number, end: number, pattern: Pattern, found: TextMatch[]): boolean {
  if (!(text.charCodeAt(start) === 48 || end - start === 6)) return false;
  const before = text.charCodeAt(start - 1);
  if (before === 36 || before === 44 || before === 46 || before === 0xa5 || before === 0xffe5) return false;
  const after = text.charCodeAt(end);
  if (after === 37 || ((after === 44 || after === 46) && isDigit(text.charCodeAt(end + 1)))) return false;
  const code = text.slice(start, end);
  return found.some((m) => m.entityId === pattern.entityId && m.kind === 'ticker' && TYING_RULES.has(m.rule) && text.slice(m.start, m.end) === code);
}

/**
 * A code in brackets after a Chinese name: six digits for a mainland listing; for Hong Kong only the zero-padded
 * form ("(0941)", "(00700)"), so a year in brackets ("(2020)") is never read as a code.
 */
function bracketedCodeFits(text: string, venue: string, start: number, end: number): boolean {
  if (venue === 'HK') return text.charCodeAt(start) === 48 && end - start >= 4 && end - start <= 5;
  return venue === 'SSE' || venue === 'SZSE' || venue === 'CN' ? end - start === 6 : false;
}
/** Chinese counters and units after a number that make it a quantity, not a code. */
const CJK_UNITS = '亿億万萬千百元股人个個台年月日号號倍名家只件次岁歲克吨噸架辆輛部款%％';

/**
 * Not an index symbol ("^DJI"), a likeness ("AVIC-style"), part of a compound name ("Газпром-Медиа"), of a place
 * or craft named after it ("ZTE Plaza", "the Polyus spacecraft"), of an event or league it sponsors ("Rostelecom
 * Cup", «Единой лиги ВТБ»), or a sports club's name in a match report («Северсталь» обыграла «Сочи»).
 */
function standsForCompany(text: string, start: number, end: number): boolean {
  return !isIndexSymbol(text, start) && !isLikenessOrCompound(text, end) && !namedAfterNounFollows(text, end) &&
    !eventNamedAfter(text, start, end) && !sportsClubNamed(text, start, end);
}

/** How far back a namesake's longer name ("Novatek Microelectronics") still decides what a bare name means. */
const NAMESAKE_REACH = 3000;
/** Continuations that name a company's own unit as often as a namesake ("Alibaba Pictures", "China Merchants Ports"). */
const UNIT_CONTINUATIONS = new Set(['pictures', 'health', 'ports']);

/**
 * "Taiwan-based Novatek Microelectronics … Novatek reported": the text named, a little earlier, another company
 * that starts with this one-word name, and names ours by no longer name of its own; the bare name is the namesake.
 */
function namesakeNamedBefore(text: string, pattern: Pattern, start: number, end: number, found: readonly TextMatch[]): boolean {
  if (pattern.alias.includes(' ') || !pattern.ownNames || /^[\u3400-\u9fff]/u.test(pattern.alias)) return false;
  const written = text.slice(start, end);
  const from = Math.max(0, start - NAMESAKE_REACH);
  const own = ownWordsOf(pattern.ownNames);
  let namesake = false;
  for (let at = text.indexOf(written, from); at >= 0 && at < start; at = text.indexOf(written, at + written.length)) {
    const next = /^[ \u00a0]+(\p{Lu}\p{L}+)/u.exec(text.slice(at + written.length, at + written.length + 40));
    if (!next) continue;
    const word = matchKey(next[1]);
    // "Novatek Gas & Power", a name of our own, earlier: the text is about the company. A legal form ("COSCO
    // LIMITED") is no such name: any company of the name has one.
    const legalForm = legalTailEnd(text, at + written.length) > at + written.length;
    if (own.has(word) && !legalForm) return false;
    if (NAME_CONTINUATIONS.has(word) && !UNIT_CONTINUATIONS.has(word)) namesake = true;
  }
  return namesake || foreignNamesakeBefore(text, pattern, start, end, found);
}

/**
 * "Cosco (India) Limited is a sporting goods company. Cosco, which …", "COSCO LIMITED (BSE Code-COSCO)": the
 * text named, a little earlier and in any case, a company of this name in a country (a place in brackets, then
 * a legal form) or with a listing that is none of ours, and no entity of the data answered to it there; the
 * bare name is that company.
 */
function foreignNamesakeBefore(text: string, pattern: Pattern, start: number, end: number, found: readonly TextMatch[]): boolean {
  const from = Math.max(0, start - NAMESAKE_REACH);
  const window = text.slice(from, start).toLowerCase();
  const written = text.slice(start, end).toLowerCase();
  for (let k = window.indexOf(written); k >= 0; k = window.indexOf(written, k + written.length)) {
    const at = from + k;
    const after = at + written.length;
    if (at > 0 && isWordUnit(text.charCodeAt(at - 1))) continue;
    const listedElsewhere = pattern.symbols !== undefined && listedAsAnotherCompany(text, legalTailEnd(text, after), pattern.symbols);
    if (!listedElsewhere && !countryInBracketsThenLegalForm(text, after, pattern.ownNames)) continue;
    // An offshoot the data holds ("Gazprombank (Switzerland) Ltd") was matched as itself: no namesake.
    if (!found.some((m) => m.start <= at && at < m.end)) return true;
  }
  return false;
}

/** Acronyms match any word after them that continues a company name; one-word names only the telling ones. */
const ACRONYM_CONTINUATIONS = new Set([...NAME_CONTINUATIONS, ...CORPORATE_NOUNS]);

/**
 * The text names a different company or thing that starts like this one: another brand's spelling
 * ("CoStar"), an ordinary compound ("CHINA MOBILE PHONE"), or a longer name or expansion that is not ours
 * ("Novatek Microelectronics", "CTG (Computer Task Group)").
 */
function namesSomethingElse(text: string, pattern: Pattern, start: number, end: number): boolean {
  if (pattern.brandCase && innerCapitalDiffers(text, start, end, pattern.alias)) return true;
  if (pattern.generic && genericCompoundFollows(text, end, GENERIC_COMPOUND_NEXT, CJK_GENERIC_COMPOUND_NEXT)) return true;
  if (!pattern.ownNames) return false;
  if (cjkNameContinues(text, start, end, pattern.ownNames)) return true;
  const continuations = pattern.kind === 'weak' ? ACRONYM_CONTINUATIONS : NAME_CONTINUATIONS;
  return namesAnotherCompany(text, end, ownWordsOf(pattern.ownNames), continuations, pattern.kind === 'weak');
}

/**
 * The name is only part of a longer proper name: a person's surname after a given name ("Eugene Kaspersky"), or
 * the first word of a quoted name that goes on («ВТБ Арене»).
 */
function partOfAnotherName(text: string, pattern: Pattern, start: number, end: number): boolean {
  if (!pattern.alias.includes(' ') && /^[A-Za-z]/.test(pattern.alias) && givenNameBefore(text, start)) return true;
  if (!opensLongerQuotedName(text, start, end)) return false;
  // «ВТБ Банк» goes on with a word of the company's own names: still the company.
  const next = /^ (\p{L}+)/u.exec(text.slice(end, end + 40));
  return !(next && pattern.ownNames && ownWordsOf(pattern.ownNames).has(matchKey(next[1])));
}

const GROUP_AFTER = /^[\u3400-\u9fff]{0,4}?(?:集团|集團)(?:有限责任公司|有限責任公司|有限公司|公司)?/u;

/**
 * "中国移动通信集团有限公司", "中國電信集團公司": a listed company's Chinese name followed by 集团 (group) is its parent
 * group, when none of the company's own names says 集团. Returns the end of the group's name, or -1.
 */
function parentGroupEnd(text: string, pattern: Pattern, end: number): number {
  if (!pattern.parentId || !pattern.ownNames || pattern.ownNames.some((n) => n.includes('集团') || n.includes('集團'))) return -1;
  const group = GROUP_AFTER.exec(text.slice(end, end + 14));
  return group ? end + group[0].length : -1;
}

/** Asks the pattern's rule whether text[start, end) is really this company here. */
export function judge(text: string, pattern: Pattern, start: number, end: number, found: TextMatch[], context: ScanContext): number {
  switch (pattern.kind) {
    case 'exclude':
      return SKIP_TO_END;
    case 'isin':
      return verdict(ACCEPT, pattern, start, end, 'isin', 'isin');
    case 'name': {
      if (!caseRuleHolds(text, start, end, pattern.caseRule) || !standsForCompany(text, start, end)) return REJECT;
      // A name that holds a comma itself ("BANK ROSSI, FEDERAL STATE BUDGETARY INSTITUTION") is not split by one.
      if (inWebAddress(text, start, end) || (commaSplitsName(text, start, end) && !pattern.alias.includes(','))) return REJECT;
      // "symbol=DJI", "the Dow Jones (DJI)": an acronym that is also an index's symbol, used as the index.
      if (pattern.indexLike && (insideWebAddress(text, start, end) || indexWordsNear(text, start, end))) return REJECT;
      if (namesSomethingElse(text, pattern, start, end) || placeThenLegalForm(text, end, pattern.ownNames)) return REJECT;
      if (namesakeNamedBefore(text, pattern, start, end, found)) return REJECT;
      const fullEnd = legalTailEnd(text, end);
      if (foreignLegalForm(text, pattern, end, fullEnd)) return REJECT;
      if (pattern.symbols && listedAsAnotherCompany(text, fullEnd, pattern.symbols)) return REJECT;
      if (partOfAnotherName(text, pattern, start, fullEnd)) return REJECT;
      const groupEnd = parentGroupEnd(text, pattern, end);
      if (groupEnd > 0) {
        verdictSlot.match = { start, end: groupEnd, entityId: pattern.parentId!, alias: text.slice(start, groupEnd), kind: 'name', rule: 'parent-group' };
        return ACCEPT;
      }
      return verdict(ACCEPT, pattern, start, fullEnd, 'name', 'name');
    }
    case 'weak': {
      if (!caseRuleHolds(text, start, end, pattern.caseRule) || !standsForCompany(text, start, end)) return REJECT;
      // "CAC 40 INDEX": a weak acronym that is also an index's symbol, used as the index (as for names above).
      if (pattern.indexLike && (insideWebAddress(text, start, end) || indexWordsNear(text, start, end))) return REJECT;
      if (pattern.symbols && listedAsAnotherCompany(text, legalTailEnd(text, end), pattern.symbols)) return REJECT;
      if (namesSomethingElse(text, pattern, start, end) || partOfAnotherName(text, pattern, start, legalTailEnd(text, end))) return REJECT;
      if (regionalNamesake(text, start, end, pattern.ownNames) || namesakeNamedBefore(text, pattern, start, end, found)) return REJECT;
      // "NYSE: TMK", "Symbol TMK": the text says these capitals are a ticker, and they are none of the company's own.
      if (!pattern.symbols?.has(symbolKey(text.slice(start, end))) && (venuePrefix(text, start) || tickerNamedBefore(text, start))) {
        return REJECT;
      }
      if (afterOwnName(text, pattern, start, found) || bracketAfterLegalForm(text, start, end)) {
        return verdict(ACCEPT, pattern, start, end, 'name', 'acronym-after-name');
      }
      if (pattern.symbols && ownSymbolFollows(text, end, pattern.symbols)) return verdict(ACCEPT, pattern, start, end, 'name', 'acronym-with-cue');
      // In a line of capitals, capitals say nothing: a word the data wrote in capitals only as part of a longer
      // name ("ROSE" of "ROSE GROUP") is not read as an acronym there, and only telling cue words count.
      if (companyCueNear(text, start, end)) {
        const shouted = inShoutedLine(text, start, end);
        if (!shouted || (!pattern.derived && companyCueNear(text, start, end, true))) {
          return verdict(ACCEPT, pattern, start, end, 'name', 'acronym-with-cue');
        }
      }
      return verdict(DEFER, pattern, start, end, 'name', 'acronym-with-company-nearby');
    }
    case 'ticker': {
      const venue = pattern.venue ?? '';
      if (pattern.glued) return verdict(ACCEPT, pattern, start, end, 'ticker', 'exchange-prefix');
      if (pattern.numeric) {
        if (!codeFits(text, venue, start, end)) return REJECT;
      } else if (isCashtag(text, start)) {
        return verdict(ACCEPT, pattern, start, end, 'ticker', 'cashtag');
      } else if (!caseRuleHolds(text, start, end, 'upper')) {
        return REJECT;
      }
      const mark = venuePrefix(text, start) ?? venueSuffix(text, end);
      if (mark) {
        // An explicit venue decides: "NASDAQ: COST" is never a symbol listed elsewhere. Unless the company's own
        // name opens the bracket: "Baidu Inc. (NYSE: BIDU)" is Baidu's symbol with the exchange misremembered.
        if (mark.venue !== '*' && !venuesCompatible(mark.venue, venue)) {
          return ownNameOpensListing(text, pattern, start, found) ? verdict(ACCEPT, pattern, start, end, 'ticker', 'ticker-after-name') : REJECT;
        }
        return verdict(ACCEPT, pattern, start, end, 'ticker', mark.rule);
      }
      if (afterOwnName(text, pattern, start, found)) return verdict(ACCEPT, pattern, start, end, 'ticker', 'ticker-after-name');
      // In a quote link a number is a code only when it stands alone: "121.20" in a live quote strip is a price,
      // not Hong Kong code 20.
      if (context.tickerContext && (!pattern.numeric || readsAsCode(text, start, end))) {
        return verdict(ACCEPT, pattern, start, end, 'ticker', 'ticker-context');
      }
      if (!pattern.numeric && tickerNamedBefore(text, start)) return verdict(ACCEPT, pattern, start, end, 'ticker', 'ticker-named');
      if (pattern.numeric && codeInBracketsAfterHan(text, start, end) && bracketedCodeFits(text, venue, start, end)) {
        return verdict(ACCEPT, pattern, start, end, 'ticker', 'code-after-chinese-name');
      }
      if (venue === 'HK' && hkCodeAfterClassName(text, start, end)) return verdict(ACCEPT, pattern, start, end, 'ticker', 'ticker-context');
      if (pattern.numeric && codeGivenBefore(text, start, end, pattern, found)) return verdict(ACCEPT, pattern, start, end, 'ticker', 'code-given-before');
      // A bare number is a code only in a row that names the company too ("700  TENCENT HOLDINGS LTD").
      if (pattern.numeric) return readsAsCode(text, start, end) ? verdict(DEFER, pattern, start, end, 'ticker', 'code-beside-name') : REJECT;
      if (pattern.wordTicker || end - start < 3) return REJECT;
      if (quoteFollows(text, end)) return verdict(ACCEPT, pattern, start, end, 'ticker', 'ticker-with-quote');
      if (tickerNamedAfter(text, end)) return verdict(ACCEPT, pattern, start, end, 'ticker', 'ticker-named');
      // "BABA has been the most talked-about stock": four capitals or more that are no word, in market talk.
      if (end - start >= 4 && marketTalkAround(text, start, end)) return verdict(ACCEPT, pattern, start, end, 'ticker', 'ticker-in-market-talk');
      const result = verdict(DEFER, pattern, start, end, 'ticker', 'ticker-with-company-nearby');
      deferredVenue.set(verdictSlot.match!, venue);
      return result;
    }
  }
}
