// WebCrypto pieces shared by the extension (verify) and the publisher's scripts (keygen, sign):
// ECDSA P-256 with SHA-256, keys as JWK, signatures in WebCrypto's raw r‖s form, base64url text.
// Runs unchanged in the service worker, in Node 20 and in tests.

export interface FeedPublicKey {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNATURE = { name: 'ECDSA', hash: 'SHA-256' } as const;

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Throws on text that is not base64/base64url. */
export function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_\-+/]*={0,2}$/.test(text)) throw new Error('not base64');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(padded + '='.repeat((4 - (padded.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)));
}

/** A short, stable name for a key: the first 16 hex digits of SHA-256 over the public point (x‖y). */
export async function keyIdOf(key: FeedPublicKey): Promise<string> {
  const x = fromBase64Url(key.x);
  const y = fromBase64Url(key.y);
  const point = new Uint8Array(x.length + y.length);
  point.set(x);
  point.set(y, x.length);
  return (await sha256Hex(point)).slice(0, 16);
}

export function isFeedPublicKey(value: unknown): value is FeedPublicKey {
  const key = value as FeedPublicKey;
  return (
    typeof key === 'object' &&
    key !== null &&
    key.kty === 'EC' &&
    key.crv === 'P-256' &&
    typeof key.x === 'string' &&
    typeof key.y === 'string'
  );
}

export async function verifySignature(key: FeedPublicKey, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  const imported = await crypto.subtle.importKey(
    'jwk',
    { kty: 'EC', crv: 'P-256', x: key.x, y: key.y, ext: true },
    ALGORITHM,
    false,
    ['verify'],
  );
  return crypto.subtle.verify(SIGNATURE, imported, signature as BufferSource, data as BufferSource);
}

export async function generateSigningKeyPair(): Promise<{ privateKey: JsonWebKey; publicKey: FeedPublicKey }> {
  const pair = await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const privateKey = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const exported = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateKey, publicKey: { kty: 'EC', crv: 'P-256', x: exported.x!, y: exported.y! } };
}

export async function sign(privateKey: JsonWebKey, data: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('jwk', privateKey, ALGORITHM, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign(SIGNATURE, key, data as BufferSource));
}

/** The public half of a private JWK. */
export function publicKeyOf(privateKey: JsonWebKey): FeedPublicKey {
  if (privateKey.kty !== 'EC' || privateKey.crv !== 'P-256' || !privateKey.x || !privateKey.y || !privateKey.d) {
    throw new Error('expected an EC P-256 private key in JWK form (kty "EC", crv "P-256", with d, x and y)');
  }
  return { kty: 'EC', crv: 'P-256', x: privateKey.x, y: privateKey.y };
}
