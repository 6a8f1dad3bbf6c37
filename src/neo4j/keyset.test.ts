import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor } from './keyset';

function refusal(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected the cursor to be refused');
}

describe('keyset cursors', () => {
  it('round-trip the sort key for the order they were made for, NUL and non-ASCII included', () => {
    const key = 'łódź région\u0000PL-LD';
    const cursor = encodeCursor({ order: 'TITLE:ASC', key });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'TITLE:ASC')).toBe(key);
  });

  it('refuse a cursor made for another order, naming both orders', () => {
    const cursor = encodeCursor({ order: 'TITLE:ASC', key: 'a\u0000b' });
    const error = refusal(() => decodeCursor(cursor, 'TITLE:DESC'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(error.message).toContain('TITLE:ASC');
    expect(error.message).toContain('TITLE:DESC');
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['JSON of the wrong shape', Buffer.from('{"offset":3}').toString('base64url')],
    ['another version', Buffer.from('["k0","TITLE:ASC","a"]').toString('base64url')],
    ['a non-canonical encoding', `${encodeCursor({ order: 'TITLE:ASC', key: 'a' })}=`],
    ['an offset of the old format', Buffer.from('offset:2147483648').toString('base64url')],
  ])('refuse %s with BAD_USER_INPUT', (_case, cursor) => {
    const error = refusal(() => decodeCursor(cursor, 'TITLE:ASC'));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('do not echo a long cursor back in full', () => {
    const error = refusal(() => decodeCursor('x'.repeat(10_000), 'TITLE:ASC'));
    expect(error.message.length).toBeLessThan(200);
  });
});
