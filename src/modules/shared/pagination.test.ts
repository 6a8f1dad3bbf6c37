import { GraphQLError } from 'graphql';
import { BadUserInputError } from '../../errors';
import { pageWindow, toConnection, type PageArgs, type PageWindow } from './pagination';

const MAX = 100;
const LETTERS = ['a', 'b', 'c', 'd', 'e'];

/** The page a repository would return for a window over LETTERS. */
function pageOf(window: PageWindow) {
  return { totalCount: LETTERS.length, items: LETTERS.slice(window.offset, window.offset + window.limit) };
}

function inputError(run: () => unknown): BadUserInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) return error;
    throw error;
  }
  throw new Error('expected a BadUserInputError');
}

function expectBadArgument(args: PageArgs, argument: 'first' | 'after', maxPageSize = MAX) {
  const error = inputError(() => pageWindow(args, maxPageSize));
  expect(error).toBeInstanceOf(GraphQLError);
  expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  expect(error.message).toContain(`"${argument}"`);
}

/** A cursor the server itself handed out for the item at `index` (0-based) of LETTERS. */
function issuedCursor(index: number): string {
  const window = { offset: index, limit: 1 };
  return toConnection(pageOf(window), window).edges[0]!.cursor;
}

describe('pageWindow', () => {
  it('starts at the beginning with 20 items when no arguments are given', () => {
    expect(pageWindow({}, MAX)).toEqual({ offset: 0, limit: 20 });
  });

  it('lowers the default page size to a smaller server maximum', () => {
    expect(pageWindow({}, 5)).toEqual({ offset: 0, limit: 5 });
  });

  it('accepts first up to and including the maximum, and zero', () => {
    expect(pageWindow({ first: MAX }, MAX)).toEqual({ offset: 0, limit: MAX });
    expect(pageWindow({ first: 1 }, MAX)).toEqual({ offset: 0, limit: 1 });
    expect(pageWindow({ first: 0 }, MAX)).toEqual({ offset: 0, limit: 0 });
  });

  it('treats a null after like an absent one', () => {
    expect(pageWindow({ first: 3, after: null as unknown as undefined }, MAX)).toEqual({ offset: 0, limit: 3 });
  });

  it('rejects first over the maximum, naming "first"', () => {
    expectBadArgument({ first: MAX + 1 }, 'first');
    expectBadArgument({ first: 11 }, 'first', 10);
  });

  it('rejects a negative or fractional first, naming "first"', () => {
    expectBadArgument({ first: -1 }, 'first');
    expectBadArgument({ first: 2.5 }, 'first');
  });

  it('continues right after the item whose cursor is given', () => {
    expect(pageWindow({ first: 2, after: issuedCursor(0) }, MAX)).toEqual({ offset: 1, limit: 2 });
    expect(pageWindow({ first: 2, after: issuedCursor(3) }, MAX)).toEqual({ offset: 4, limit: 2 });
  });

  const asCursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
  it.each([
    ['an empty string', ''],
    ['plain text', 'not-a-cursor'],
    ['a number', '3'],
    ['base64 of unrelated text', asCursor('hello world')],
    ['base64 of JSON', asCursor('{"offset":3}')],
    ['a tampered base64 cursor (negative position)', asCursor('offset:-1')],
    ['a tampered base64 cursor (position zero)', asCursor('offset:0')],
    ['a tampered base64 cursor (not a number)', asCursor('offset:abc')],
    ['a tampered base64 cursor (exponent notation)', asCursor('offset:1e3')],
    ['a tampered base64 cursor (fraction)', asCursor('offset:1.5')],
    ['a tampered base64 cursor (beyond safe integers)', asCursor('offset:9007199254740993')],
  ])('rejects %s as after, naming "after"', (_label, after) => {
    expectBadArgument({ after }, 'after');
  });

  it('rejects an issued cursor with characters appended or removed', () => {
    const cursor = issuedCursor(2);
    expectBadArgument({ after: `${cursor}!!` }, 'after');
    expectBadArgument({ after: `${cursor}A` }, 'after');
    expectBadArgument({ after: cursor.slice(0, -1) }, 'after');
  });
});

describe('toConnection', () => {
  it('builds the first page', () => {
    const window = pageWindow({ first: 2 }, MAX);
    const connection = toConnection(pageOf(window), window);

    expect(connection.totalCount).toBe(5);
    expect(connection.nodes).toEqual(['a', 'b']);
    expect(connection.edges.map((edge) => edge.node)).toEqual(['a', 'b']);
    expect(new Set(connection.edges.map((edge) => edge.cursor)).size).toBe(2);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: connection.edges[0]!.cursor,
      endCursor: connection.edges[1]!.cursor,
    });
  });

  it('walks middle and last pages by endCursor, visiting every item once', () => {
    const first = pageWindow({ first: 2 }, MAX);
    const page1 = toConnection(pageOf(first), first);

    const second = pageWindow({ first: 2, after: page1.pageInfo.endCursor! }, MAX);
    const page2 = toConnection(pageOf(second), second);
    expect(page2.nodes).toEqual(['c', 'd']);
    expect(page2.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: page2.edges[0]!.cursor,
      endCursor: page2.edges[1]!.cursor,
    });

    const third = pageWindow({ first: 2, after: page2.pageInfo.endCursor! }, MAX);
    const page3 = toConnection(pageOf(third), third);
    expect(page3.nodes).toEqual(['e']);
    expect(page3.totalCount).toBe(5);
    expect(page3.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: page3.edges[0]!.cursor,
      endCursor: page3.edges[0]!.cursor,
    });

    const cursors = [...page1.edges, ...page2.edges, ...page3.edges].map((edge) => edge.cursor);
    expect(new Set(cursors).size).toBe(LETTERS.length);
  });

  it('gives an item the same cursor whichever page it appears on', () => {
    const wide = pageWindow({ first: 5 }, MAX);
    const narrow = pageWindow({ first: 2, after: issuedCursor(1) }, MAX);

    const wideEdges = toConnection(pageOf(wide), wide).edges;
    const narrowEdges = toConnection(pageOf(narrow), narrow).edges;
    expect(narrowEdges.map((edge) => edge.node)).toEqual(['c', 'd']);
    expect(narrowEdges).toEqual(wideEdges.slice(2, 4));
  });

  it('resumes after any edge cursor, not only endCursor', () => {
    const window = pageWindow({ first: 3 }, MAX);
    const middleEdge = toConnection(pageOf(window), window).edges[1]!;

    const next = pageWindow({ first: 3, after: middleEdge.cursor }, MAX);
    expect(toConnection(pageOf(next), next).nodes).toEqual(['c', 'd', 'e']);
  });

  it('builds an empty connection for an empty list', () => {
    const window = pageWindow({}, MAX);
    const connection = toConnection({ totalCount: 0, items: [] }, window);

    expect(connection).toEqual({
      totalCount: 0,
      nodes: [],
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it('builds an empty page past the last item', () => {
    const window = pageWindow({ first: 2, after: issuedCursor(4) }, MAX);
    const connection = toConnection(pageOf(window), window);

    expect(connection.nodes).toEqual([]);
    expect(connection.totalCount).toBe(5);
    expect(connection.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it('reports more items when first is zero and the list is not empty', () => {
    const window = pageWindow({ first: 0 }, MAX);
    const connection = toConnection(pageOf(window), window);

    expect(connection.edges).toEqual([]);
    expect(connection.pageInfo.hasNextPage).toBe(true);
  });
});
