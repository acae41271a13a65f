// Reads OFAC's Consolidated List in the ENHANCED XML format (Sanctions List Service export):
// names in every script, list memberships with their publication dates, and the CMIC features
// (Equity Ticker, ISIN, Issuer Name, Listing/Effective/Divestment dates) as structured data.
import { OFAC_LIST_NAMES, type OfacName, type OfacRecord } from './ofac-record';
import { all, child, streamElements, streamFileElements, textOf, type XmlElement } from './xml';

export interface OfacEnhancedFile {
  /** `<publicationInfo><dataAsOf>` as YYYY-MM-DD. */
  asOf: string;
  /** The lists the export was filtered to (`<publicationInfo><filters>`): "SDN List", "Consolidated List". */
  filters: string[];
  records: OfacRecord[];
}

const ALIAS_TYPES: Record<string, OfacName['type']> = { 'A.K.A.': 'aka', 'F.K.A.': 'fka', 'N.K.A.': 'nka' };

function scriptOf(label: string | undefined): OfacName['script'] {
  if (!label || label === 'Latin') return 'latin';
  if (label.startsWith('Chinese')) return 'chinese';
  if (label === 'Cyrillic') return 'cyrillic';
  return 'other';
}

function kindOf(label: string | undefined): OfacRecord['kind'] {
  switch (label) {
    case 'Entity':
      return 'entity';
    case 'Individual':
      return 'individual';
    case 'Vessel':
      return 'vessel';
    case 'Aircraft':
      return 'aircraft';
    default:
      return 'other';
  }
}

function featureDate(feature: XmlElement): string | undefined {
  return textOf(feature, 'valueDate', 'fromDateBegin')?.slice(0, 10);
}

function readNames(entity: XmlElement): OfacName[] {
  const names: OfacName[] = [];
  for (const name of all(entity, 'names', 'name')) {
    const isPrimary = textOf(name, 'isPrimary') === 'true';
    const aliasType = textOf(name, 'aliasType');
    const lowQuality = textOf(name, 'isLowQuality') === 'true';
    for (const translation of all(name, 'translations', 'translation')) {
      const full = textOf(translation, 'formattedFullName');
      if (!full) continue;
      names.push({
        name: full,
        type: isPrimary ? 'primary' : (ALIAS_TYPES[aliasType ?? ''] ?? 'aka'),
        script: scriptOf(textOf(translation, 'script')),
        lowQuality,
      });
    }
  }
  return names;
}

function readEntity(entity: XmlElement): OfacRecord {
  const names = readNames(entity);
  const primary = names.find((n) => n.type === 'primary' && n.script === 'latin') ?? names[0];
  const record: OfacRecord = {
    ofacId: entity.attrs.id,
    kind: kindOf(textOf(entity, 'generalInfo', 'entityType')),
    name: primary?.name ?? '',
    names,
    lists: [],
    programs: all(entity, 'sanctionsPrograms', 'sanctionsProgram').map((p) => p.text.trim()),
    tickers: [],
    isins: [],
    issuerNames: [],
    countries: [],
    related: [],
  };
  const directives: string[] = [];
  const mbs = new Map<string, { program: string; listed?: string; effective?: string; detail?: string }>();
  const mbsEntry = (program: string) => {
    const found = mbs.get(program) ?? { program };
    mbs.set(program, found);
    return found;
  };
  for (const membership of all(entity, 'sanctionsLists', 'sanctionsList')) {
    const list = OFAC_LIST_NAMES[membership.text.trim()];
    if (list) record.lists.push({ list, since: membership.attrs.datePublished?.slice(0, 10) });
  }
  let m: RegExpExecArray | null;
  for (const feature of all(entity, 'features', 'feature')) {
    const type = textOf(feature, 'type') ?? '';
    const value = textOf(feature, 'value') ?? '';
    const comment = textOf(feature, 'comments');
    if (type === 'Equity Ticker') record.tickers.push(comment ? { code: value, comment } : { code: value });
    // The SDN list's Russian issuers carry their Moscow Exchange code this way (as in sdn.csv's remarks).
    else if (type === 'MICEX Code' && value) record.tickers.push({ code: `${value} RU`, comment: '(MOEX)' });
    else if (type === 'ISIN') record.isins.push(value);
    else if (type === 'Issuer Name') record.issuerNames.push(value);
    else if (type === 'Listing Date (CMIC)') (record.cmic ??= {}).listed = featureDate(feature);
    else if (type === 'Effective Date (CMIC)') (record.cmic ??= {}).effective = featureDate(feature);
    else if (type === 'Purchase/Sales For Divestment Date (CMIC)') (record.cmic ??= {}).divestBy = featureDate(feature);
    else if (type.startsWith('Executive Order 13662 Directive Determination') && value) directives.push(value);
    else if ((m = /^(Listing|Effective) Date \(EO (14024|14014) Directive (\w+)\):?$/.exec(type))) {
      const entry = mbsEntry(`ns-mbs-eo${m[2]}-directive-${m[3].toLowerCase()}`);
      entry[m[1] === 'Listing' ? 'listed' : 'effective'] = featureDate(feature);
    } else if (/^Executive Order 14024 Directive Information/.test(type) && (m = /^Subject to Directive (\w+)\b/.exec(value))) {
      mbsEntry(`ns-mbs-eo14024-directive-${m[1].toLowerCase()}`);
    } else if (/^CAATSA Section 235 Information/.test(type) && value) {
      const entry = mbsEntry('ns-mbs-caatsa-235');
      entry.detail = [entry.detail, value.trim()].filter(Boolean).join('; ');
    }
  }
  if (directives.length > 0) {
    const ssi = record.lists.find((l) => l.list === 'ofac-ssi');
    if (ssi) ssi.note = [...new Set(directives)].join('; ');
  }
  // Directive 2 (correspondent accounts) rides on SDN entries and is not a menu-list listing.
  const menu = [...mbs.values()].filter((d) => d.program !== 'ns-mbs-eo14024-directive-2');
  if (menu.length > 0) record.directives = menu.sort((a, b) => (a.program < b.program ? -1 : a.program > b.program ? 1 : 0));
  // OFAC prints the registered address first; branches abroad follow.
  const countries = all(entity, 'addresses', 'address', 'country').map((c) => c.text.trim()).filter(Boolean);
  record.countries = [...new Set(countries)];
  for (const relationship of all(entity, 'relationships', 'relationship')) {
    const related = child(relationship, 'relatedEntity');
    if (!related?.attrs.entityId) continue;
    record.related.push({
      ofacId: related.attrs.entityId,
      name: related.text.trim(),
      relation: textOf(relationship, 'type') ?? '',
    });
  }
  return record;
}

type Stream = (names: ReadonlySet<string>, onElement: (element: XmlElement, path: string[]) => void) => void;

function readEnhanced(stream: Stream, keep: (record: OfacRecord) => boolean): OfacEnhancedFile {
  let inSanctionsData = false;
  let asOf: string | undefined;
  let filters: string[] = [];
  const records: OfacRecord[] = [];
  // One <entity> at a time: the file is read as a stream and each entry's tree is dropped once read.
  stream(new Set(['publicationInfo', 'entity']), (element, path) => {
    if (path[0] !== 'sanctionsData') return;
    inSanctionsData = true;
    if (element.name === 'publicationInfo' && path.length === 1) {
      asOf = textOf(element, 'dataAsOf')?.slice(0, 10);
      filters = all(element, 'filters', 'sanctionsLists', 'sanctionsList').map((l) => l.text.trim());
    } else if (element.name === 'entity' && path[path.length - 1] === 'entities') {
      const record = readEntity(element);
      if (keep(record)) records.push(record);
    }
  });
  if (!inSanctionsData) throw new Error('not an OFAC ENHANCED XML file: no <sanctionsData> root element');
  if (!asOf) throw new Error('OFAC ENHANCED XML has no <publicationInfo><dataAsOf>');
  return { asOf, filters, records };
}

export function parseOfacEnhancedXml(xml: string): OfacEnhancedFile {
  return readEnhanced((names, onElement) => streamElements(xml, names, onElement), () => true);
}

/** Reads an ENHANCED XML export from disk piece by piece, keeping only the records `keep` accepts. */
export function readOfacEnhancedXmlFile(path: string, keep: (record: OfacRecord) => boolean = () => true): OfacEnhancedFile {
  return readEnhanced((names, onElement) => streamFileElements(path, names, onElement), keep);
}
