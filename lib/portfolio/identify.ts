// Which listed company a holding is, and how sure that is. Exact identifiers decide first (an ISIN
// or CUSIP with a valid check digit); a symbol counts when its venue fits and the row's name does
// not contradict it; a name counts when the matcher finds it as the company's name. Anything that
// could be another market's company is "check", with the reason, never a confident flag.
import type { Dataset, Entity } from '../dataset/types';
import { coreName, createMatcher, isValidIsin, matchKey, type Matcher } from '../match';
import { datasetVenue, numericCodeFits, venuesCompatible } from '../match/exchanges';
import { isValidCusip } from './columns';
import type { Position } from './positions';
import { parseSymbol, venueOfExchange } from './symbol';

export type MatchedBy = 'isin' | 'cusip' | 'ticker' | 'name';

export type Identification =
  | { status: 'matched'; entityId: string; by: MatchedBy; text: string; column: string; detail: string; notes: string[] }
  | { status: 'check'; entityIds: string[]; by: MatchedBy; text: string; column: string; reason: string; notes: string[] }
  | { status: 'unmatched'; notes: string[] };

export interface IdentifyOptions {
  /** The venue bare symbols of this source are on ('US' for US brokers' exports). */
  venue?: string;
  /** Header of each field's column, for "matched in column Symbol". */
  columnOf: (field: 'symbol' | 'isin' | 'cusip' | 'name') => string;
}

interface TickerHit {
  entity: Entity;
  exchange: string;
  venue: string;
}

const quote = (text: string) => `“${text}”`;

export interface HoldingIdentifier {
  identify(position: Position, options: IdentifyOptions): Identification;
  readonly matcher: Matcher;
}

export function createHoldingIdentifier(dataset: Pick<Dataset, 'entities'>): HoldingIdentifier {
  const matcher = createMatcher(dataset);
  const byIsin = new Map<string, Entity>();
  const byNsin = new Map<string, Entity>();
  const bySymbol = new Map<string, TickerHit[]>();
  const entities = new Map<string, Entity>();
  for (const entity of dataset.entities) {
    entities.set(entity.id, entity);
    for (const isin of entity.isins) {
      const code = isin.toUpperCase();
      byIsin.set(code, entity);
      // A CUSIP (or CINS) is the middle nine characters of a US, Canadian or offshore ISIN.
      byNsin.set(code.slice(2, 11), entity);
    }
    for (const ticker of entity.tickers) {
      const code = parseSymbol(ticker.symbol).code;
      const hits = bySymbol.get(code) ?? [];
      hits.push({ entity, exchange: ticker.exchange, venue: datasetVenue(ticker.exchange) });
      bySymbol.set(code, hits);
    }
  }

  /** The row's name is this company's: the matcher finds it, or every word of one of its names is there. */
  function nameConfirms(name: string, entity: Entity): boolean {
    if (matcher.scan(name).some((match) => match.entityId === entity.id)) return true;
    const words = new Set(matchKey(name).split(' ').filter(Boolean));
    return [entity.name, ...entity.aliases].some((alias) => {
      const core = coreName(alias).split(' ').filter(Boolean);
      return core.length > 0 && core.some((word) => word.length >= 3) && core.every((word) => words.has(word));
    });
  }

  function describeHits(hits: TickerHit[]): string {
    return hits.map((hit) => `${hit.entity.name} on ${hit.exchange}`).join(', ');
  }

  function identify(position: Position, options: IdentifyOptions): Identification {
    const notes: string[] = [];

    // 1. ISIN: exact, wherever it is written (an ISIN column, or a symbol column holding ISINs).
    for (const [field, value] of [['isin', position.isin], ['symbol', position.symbol]] as const) {
      if (!value) continue;
      const code = value.trim().toUpperCase();
      if (!isValidIsin(code)) {
        if (field === 'isin' && /^[A-Z]{2}[A-Z0-9]{10}$/.test(code)) notes.push(`${code} is not a valid ISIN (its check digit is wrong), so it was not used.`);
        continue;
      }
      const entity = byIsin.get(code);
      if (entity) return { status: 'matched', entityId: entity.id, by: 'isin', text: code, column: options.columnOf(field), detail: `ISIN ${code} is one of ${entity.name}'s securities`, notes };
      notes.push(`ISIN ${code} is not one of the listed companies' securities in the data.`);
    }

    // 2. CUSIP: the ISIN's middle part, with its own check digit.
    for (const [field, value] of [['cusip', position.cusip], ['symbol', position.symbol]] as const) {
      if (!value) continue;
      const code = value.trim().toUpperCase();
      if (!isValidCusip(code)) continue;
      const entity = byNsin.get(code);
      if (entity) return { status: 'matched', entityId: entity.id, by: 'cusip', text: code, column: options.columnOf(field), detail: `CUSIP ${code} is one of ${entity.name}'s securities`, notes };
      if (field === 'cusip') notes.push(`CUSIP ${code} is not one of the listed companies' securities in the data.`);
    }

    const name = position.name?.trim();
    const nameMatches = name ? matcher.scan(name) : [];

    // 3. Symbol: venue first, then the row's name as the second signal.
    if (position.symbol) {
      const form = parseSymbol(position.symbol);
      const hits = (bySymbol.get(form.code) ?? []).filter((hit) => !/^\d+$/.test(form.code) || numericCodeFits(hit.venue, form.code.length));
      if (hits.length > 0) {
        const symbol = position.symbol.trim();
        const column = options.columnOf('symbol');
        const stated = form.venue ?? venueOfExchange(position.exchange);
        const venue = stated ?? options.venue;
        const fitting = venue ? hits.filter((hit) => venuesCompatible(venue, hit.venue)) : hits;
        const fittingEntities = [...new Set(fitting.map((hit) => hit.entity))];
        const confirmedBy = (candidates: Entity[]) => (name ? candidates.filter((entity) => nameConfirms(name, entity)) : []);

        if (stated && fitting.length === 0) {
          // The holding's own venue rules the listed code out: another market's security.
          notes.push(`${form.code} is also ${describeHits(hits)}; this holding is on ${stated}, so it is not that security.`);
        } else if (fittingEntities.length === 1 && name && confirmedBy(fittingEntities).length === 1) {
          const entity = fittingEntities[0];
          return { status: 'matched', entityId: entity.id, by: 'ticker', text: symbol, column, detail: `${symbol} is ${entity.name}'s ticker on ${fitting[0].exchange}, and the row's name ${quote(name)} is the company's`, notes };
        } else if (fittingEntities.length === 1 && !name && venue) {
          const entity = fittingEntities[0];
          const where = stated ? `this holding is on ${stated}` : 'this export quotes US symbols';
          return { status: 'matched', entityId: entity.id, by: 'ticker', text: symbol, column, detail: `${symbol} is ${entity.name}'s ticker on ${fitting[0].exchange}, and ${where}`, notes };
        } else if (fitting.length === 0) {
          // Only an assumed venue disagrees: the row's name decides.
          const confirmed = confirmedBy([...new Set(hits.map((hit) => hit.entity))]);
          if (confirmed.length === 1) {
            const entity = confirmed[0];
            return { status: 'matched', entityId: entity.id, by: 'ticker', text: symbol, column, detail: `${symbol} is ${entity.name}'s ticker on ${hits.find((hit) => hit.entity === entity)!.exchange}, and the row's name ${quote(name!)} is the company's`, notes };
          }
          if (name) {
            notes.push(`${form.code} is also ${describeHits(hits)}, but this row names ${quote(name)}, another company.`);
          } else {
            return {
              status: 'check', entityIds: [...new Set(hits.map((hit) => hit.entity.id))], by: 'ticker', text: symbol, column,
              reason: `${form.code} is ${describeHits(hits)}, but this file's symbols are US ones and the row gives no name to tell them apart. Check which security this is.`, notes,
            };
          }
        } else {
          const candidates = name ? confirmedBy(fittingEntities) : [];
          if (candidates.length === 1) {
            const entity = candidates[0];
            return { status: 'matched', entityId: entity.id, by: 'ticker', text: symbol, column, detail: `${symbol} is ${entity.name}'s ticker, and the row's name ${quote(name!)} is the company's`, notes };
          }
          const why = name
            ? `${form.code} is ${describeHits(fitting)}, but this row names ${quote(name)}, which is not that company: the symbol may have passed to another issuer, or be another market's code.`
            : `${form.code} is ${describeHits(fitting)}, but the file does not say which exchange this holding trades on, and gives no name to confirm it.`;
          return { status: 'check', entityIds: fittingEntities.map((entity) => entity.id), by: 'ticker', text: symbol, column, reason: `${why} Check which security this is.`, notes };
        }
      }
    }

    // 4. Name alone.
    if (name && nameMatches.length > 0) {
      const ids = [...new Set(nameMatches.map((match) => match.entityId))];
      const column = options.columnOf('name');
      const first = nameMatches[0];
      const seen = name.slice(first.start, first.end);
      if (ids.length === 1 && nameMatches.every((match) => match.kind === 'name')) {
        const entity = entities.get(ids[0])!;
        return { status: 'matched', entityId: entity.id, by: 'name', text: seen, column, detail: `the name ${quote(name)} is ${entity.name}${first.alias && first.alias !== entity.name ? ` (as ${quote(first.alias)})` : ''}`, notes };
      }
      const names = ids.map((id) => entities.get(id)?.name ?? id).join(', ');
      return {
        status: 'check', entityIds: ids, by: 'name', text: seen, column,
        reason: ids.length > 1 ? `The name ${quote(name)} mentions more than one listed company (${names}). Check which one this holding is.` : `The name ${quote(name)} mentions ${names} only by a short or partial name. Check whether this holding is that company's.`,
        notes,
      };
    }
    return { status: 'unmatched', notes };
  }

  return { identify, matcher };
}
