// Name handling for the data build only: the key used to recognise one company across lists
// ("CHINA MOBILE LTD" on OFAC, "China Mobile Limited" on the 1260H table), display casing for
// OFAC's upper-case names, and clean-up of OFAC's printing noise. Matching text on pages is
// lib/match's job; this key never leaves the build.

// Legal forms dropped from either end of a name before comparing (longest first).
const LEGAL_SUFFIXES = [
  'company limited', 'co limited', 'co ltd', 'corp ltd', 'corporation limited', 'corporation ltd',
  'company ltd', 'group co ltd', 'limited', 'ltd', 'company', 'co', 'corporation', 'corp',
  'incorporated', 'inc', 'llc', 'plc', 'pjsc', 'ojsc', 'jsc', 'pao', 'oao', 'ao', 'ooo', 'zao', 'cjsc',
  'sa', 'ag', 'gmbh', 'bv', 'nv', 'pty', 'slu',
];
const LEGAL_PREFIXES = [
  'public joint stock company', 'open joint stock company', 'joint stock company', 'closed joint stock company',
  'limited liability company', 'pjsc', 'ojsc', 'jsc', 'pao', 'oao', 'ao', 'ooo', 'zao', 'cjsc', 'the',
];

function stripEnds(words: string[]): string[] {
  let changed = true;
  while (changed && words.length > 1) {
    changed = false;
    const text = words.join(' ');
    for (const suffix of LEGAL_SUFFIXES) {
      if (text.endsWith(` ${suffix}`)) {
        words = text.slice(0, -suffix.length - 1).split(' ');
        changed = true;
        break;
      }
    }
    const again = words.join(' ');
    for (const prefix of LEGAL_PREFIXES) {
      if (again.startsWith(`${prefix} `) && words.length > prefix.split(' ').length) {
        words = again.slice(prefix.length + 1).split(' ');
        changed = true;
        break;
      }
    }
  }
  return words;
}

/** Same key for spellings of one company's name that differ only in case, punctuation and legal form. */
export function mergeKey(name: string): string {
  const plain = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/\bint'?l\b/g, 'international')
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (!plain) return '';
  return stripEnds(plain.split(' ')).join(' ');
}

const UPPER_WORDS = new Set([
  'PJSC', 'OJSC', 'JSC', 'PAO', 'OAO', 'AO', 'OOO', 'ZAO', 'CJSC', 'LLC', 'PLC', 'LP', 'USA', 'US', 'UK', 'BVI', 'HK',
  'AG', 'SA', 'NV', 'BV', 'VTB', 'CJSC', 'RZD', 'MTS', 'AVIC', 'CETC', 'SMIC', 'CNOOC', 'CSSC', 'CCCC', 'CCCG', 'CGN',
  'CNNC', 'CASIC', 'CASC', 'CEC', 'CSGC', 'CSSC', 'NORINCO', 'COSCO', 'DJI', 'SZ', 'CH', 'UAV', 'VEB', 'RF', 'GPB',
  'FSUE', 'NPO', 'NPP', 'KAMAZ', 'CSIC', 'JSCB', 'PIK', 'II', 'III', 'IV',
]);
/** Vowel-less words that are abbreviations written in mixed case, not acronyms. */
const MIXED_WORDS = new Set(['LTD', 'MFG', 'INTL', 'BHD', 'PTY']);
const LOWER_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'at', 'de']);

/** Readable casing for OFAC's all-caps names: "CHINA MOBILE LIMITED" → "China Mobile Limited", keeping acronyms. */
export function displayCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  let first = true;
  return name.replace(/[\p{L}\p{N}'’.-]+/gu, (word) => {
    const bare = word.replace(/[.,]$/, '');
    let out: string;
    if (UPPER_WORDS.has(bare) || (/^[A-Z]{2,}$/.test(bare) && !/[AEIOUY]/.test(bare) && !MIXED_WORDS.has(bare))) out = word;
    else if (!first && LOWER_WORDS.has(bare.toLowerCase())) out = word.toLowerCase();
    else out = word.charAt(0) + word.slice(1).toLowerCase().replace(/([-'’.])(\p{L})/gu, (_, sep, c) => sep + c.toUpperCase());
    first = false;
    return out;
  });
}

/** Removes OFAC's printing noise from a name: stray "a.k.a."/"f.k.a." markers, trailing punctuation, double spaces. */
export function cleanName(name: string): string {
  return name
    .replace(/\s*\((?:a|f|n)\.k\.a\.?[^)]*\)\s*$/i, '')
    .replace(/[;,]?\s*(?:a|f|n)\.k\.a\.?\s*$/i, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s;,]+$/, '')
    .trim();
}

/** True for a name that is an all-caps acronym of at most five letters ("AVIC", "CRRC", "ZTE"). */
export function isShortAcronym(name: string): boolean {
  return /^[A-Z0-9&-]{2,5}$/.test(name) && /[A-Z]/.test(name);
}
