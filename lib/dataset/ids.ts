// Identifier rules shared by the data build, the validator and the matcher: ISIN check digits,
// entity-id slugs and calendar dates. Pure, no browser APIs.

const ISIN_SHAPE = /^[A-Z]{2}[A-Z0-9]{9}[0-9]$/;

/** True when `value` is a 12-character ISIN whose last digit is the Luhn check over its letter-expanded digits. */
export function isValidIsin(value: string): boolean {
  if (!ISIN_SHAPE.test(value)) return false;
  let digits = '';
  for (const char of value.slice(0, 11)) {
    const code = char.charCodeAt(0);
    digits += code >= 65 ? String(code - 55) : char;
  }
  let sum = 0;
  let double = true;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return (10 - (sum % 10)) % 10 === Number(value[11]);
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

/** A stable, readable id from a company name: ASCII letters and digits joined by single hyphens. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const VERSION = /^(\d{4})\.(\d{2})\.(\d{2})\.(\d+)$/;

/** Orders dataset versions (`YYYY.MM.DD.N`); NaN when either is malformed. */
export function compareVersions(a: string, b: string): number {
  const pa = VERSION.exec(a);
  const pb = VERSION.exec(b);
  if (!pa || !pb) return Number.NaN;
  for (let i = 1; i <= 4; i++) {
    const diff = Number(pa[i]) - Number(pb[i]);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

export function isDatasetVersion(value: string): boolean {
  const match = VERSION.exec(value);
  return match !== null && isIsoDate(`${match[1]}-${match[2]}-${match[3]}`);
}
