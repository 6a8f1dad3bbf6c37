/**
 * Responsible for keyset cursors: an opaque token holding the sort order it was made for
 * and the stored sort key of the last row seen, so the next page starts with one index
 * comparison (`key > $after`) instead of skipping every row before it.
 */
import { BadUserInputError, echo } from '../errors';

/** Where a page starts: after the row whose sort key is `key`, in the order named `order`. */
export interface KeysetPosition {
  order: string;
  key: string;
}

const VERSION = 'k1';

/** Encodes a position as an opaque, URL-safe cursor. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([VERSION, position.order, position.key]), 'utf8').toString('base64url');
}

/**
 * Decodes `cursor` for a list sorted in `order`; a cursor that is malformed or was made
 * for another order is a BAD_USER_INPUT naming the argument (clients must not reuse a
 * cursor across sorts: the key it holds means nothing in another order).
 */
export function decodeCursor(cursor: string, order: string, argument = 'after'): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== VERSION ||
    typeof parsed[1] !== 'string' ||
    typeof parsed[2] !== 'string' ||
    encodeCursor({ order: parsed[1], key: parsed[2] }) !== cursor
  ) {
    throw new BadUserInputError(`Argument "${argument}" is not a valid cursor: "${echo(cursor)}"`, argument);
  }
  if (parsed[1] !== order) {
    throw new BadUserInputError(
      `Argument "${argument}" is a cursor for another sort order ("${parsed[1]}"); this list is sorted by "${order}"`,
      argument,
    );
  }
  return parsed[2];
}
