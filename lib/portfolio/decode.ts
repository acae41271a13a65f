// A positions file's bytes → text, or a plain-words reason why it cannot be read. Brokers and
// spreadsheets write CSV in several encodings (UTF-8 with or without BOM, UTF-16 from Excel's
// "Unicode text", Windows-1252 from older exports); a wrong guess would garble company names and
// miss matches, so the encoding is decided from the bytes, never assumed.

/** Files above this are refused rather than read slowly and half-shown. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; problem: string };

const ENCODING_LABEL: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (with byte-order mark)',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252',
};

export function encodingLabel(encoding: Encoding): string {
  return ENCODING_LABEL[encoding];
}

const SAVE_AS_CSV = 'Open it in your spreadsheet and use File → Save As → "CSV UTF-8 (Comma delimited)", then pick the CSV here.';

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** Formats that are not text at all, named so the user knows what to do instead. */
function knownBinary(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return `This looks like an Excel workbook (.xlsx) or another zipped file, which the portfolio check does not read. ${SAVE_AS_CSV}`;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return `This looks like an old Excel workbook (.xls), which the portfolio check does not read. ${SAVE_AS_CSV}`;
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return 'This is a PDF. The portfolio check reads positions exported as CSV or tab-separated text: look for "Download" or "Export" on your broker\'s positions page.';
  }
  return undefined;
}

/** UTF-16 without a BOM: every other byte is zero for Latin text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return 'utf-16le';
  if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Text with NULs or many control characters is a binary file read as text. */
function looksBinary(text: string): boolean {
  let control = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd) control++;
  }
  return control > Math.max(2, n * 0.01);
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Why a file of this many bytes is not read, or undefined when its size is fine. The page asks
 * before reading a picked file, so a 2 GB file is refused without being loaded into memory.
 */
export function sizeProblem(size: number, maxBytes = MAX_FILE_BYTES): string | undefined {
  if (size === 0) return 'The file is empty: there are no positions to check.';
  if (size > maxBytes) {
    return `The file is ${megabytes(size)}; the portfolio check reads files up to ${megabytes(maxBytes)}. Export only your positions (not your full history), or split the file.`;
  }
  return undefined;
}

export function decodePositionsFile(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): Decoded {
  const tooBig = sizeProblem(bytes.length, maxBytes);
  if (tooBig) return { ok: false, problem: tooBig };
  const binary = knownBinary(bytes);
  if (binary) return { ok: false, problem: binary };

  let encoding: Encoding;
  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8-bom';
    body = bytes.subarray(3);
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    encoding = sniffUtf16(bytes) ?? 'utf-8';
  }

  let text: string;
  if (encoding === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      // Not valid UTF-8: older exports and Excel's plain "CSV" on Windows write Windows-1252.
      encoding = 'windows-1252';
      text = new TextDecoder('windows-1252').decode(body);
    }
  } else {
    text = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding).decode(body);
  }
  if (looksBinary(text)) {
    return { ok: false, problem: 'This file is not text (it looks like a program, image or archive). Pick the CSV or tab-separated file your broker exported.' };
  }
  if (text.trim() === '') return { ok: false, problem: 'The file holds only blank lines: there are no positions to check.' };
  return { ok: true, text, encoding };
}
