// Why a feed check failed, as a code for the state machine and as plain words for the user.
// Every rejection the updater can produce is listed here, so the popup never shows a stack trace.

export type FeedErrorCode =
  | 'offline'
  | 'timeout'
  | 'http'
  | 'too-large'
  | 'truncated'
  | 'bad-manifest'
  | 'unsigned'
  | 'bad-signature'
  | 'unknown-key'
  | 'foreign-url'
  | 'wrong-hash'
  | 'invalid-dataset'
  | 'version-mismatch'
  | 'rollback'
  | 'implausible'
  | 'poisoned'
  | 'extension-too-old'
  | 'storage-full'
  | 'storage'
  /** Not a check's failure: the list an earlier update saved was refused when read (see FeedProblemKind). */
  | 'saved-list'
  | 'internal';

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

/** Any thrown value as a FeedError; unexpected failures keep their message but get a generic code. */
export function asFeedError(error: unknown): FeedError {
  if (error instanceof FeedError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new FeedError('internal', `The update could not be completed: ${text}`);
}

/**
 * What a failed check means for the user, in a few kinds the popup can say in one sentence (the
 * message says exactly why, for "Data status"). 'saved-list' is not a check's failure: the list
 * saved by an earlier update was refused when read, and an earlier one is in use.
 */
export type FeedProblemKind = 'unreachable' | 'refused' | 'needs-newer-extension' | 'not-saved' | 'not-completed' | 'saved-list';

const KIND_OF: Record<FeedErrorCode, FeedProblemKind> = {
  offline: 'unreachable',
  timeout: 'unreachable',
  http: 'unreachable',
  truncated: 'unreachable',
  'too-large': 'refused',
  'bad-manifest': 'refused',
  unsigned: 'refused',
  'bad-signature': 'refused',
  'unknown-key': 'refused',
  'foreign-url': 'refused',
  'wrong-hash': 'refused',
  'invalid-dataset': 'refused',
  'version-mismatch': 'refused',
  rollback: 'refused',
  implausible: 'refused',
  poisoned: 'refused',
  'extension-too-old': 'needs-newer-extension',
  'storage-full': 'not-saved',
  storage: 'not-saved',
  'saved-list': 'saved-list',
  internal: 'not-completed',
};

export function problemKind(code: FeedErrorCode): FeedProblemKind {
  return KIND_OF[code];
}
