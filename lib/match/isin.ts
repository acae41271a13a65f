// ISINs (ISO 6166): two letters, nine alphanumerics, one check digit. An ISIN is only believed when the
// check digit is right, so a typo in the data or a look-alike code on a page never flags a company.

const SHAPE = /^[A-Z]{2}[A-Z0-9]{9}[0-9]$/;

/** True when `code` has the ISIN shape and its Luhn check digit (over letters expanded to 10–35) is valid. */
export function isValidIsin(code: string): boolean {
  const isin = code.toUpperCase();
  if (!SHAPE.test(isin)) return false;
  let digits = '';
  for (const ch of isin) digits += ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
