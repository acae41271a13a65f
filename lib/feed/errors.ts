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
