import { GraphQLError } from 'graphql';
import { pageWindow, toConnection } from './pagination';

describe('pageWindow', () => {
  it('gives 20 items from the start when no arguments are given, or the server maximum if lower', () => {
    expect(pageWindow({}, 100)).toEqual({ limit: 20, after: undefined });
    expect(pageWindow({}, 5)).toEqual({ limit: 5, after: undefined });
  });

  it.each([-1, 101, 2.5])('refuses first = %p naming the argument and the bounds', (first) => {
    let caught: unknown;
    try {
      pageWindow({ first }, 100);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GraphQLError);
    expect((caught as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect((caught as GraphQLError).message).toContain('between 0 and 100');
  });

  it('passes the cursor on undecoded (its order is known only to the list)', () => {
    expect(pageWindow({ first: 3, after: 'abc' }, 100)).toEqual({ limit: 3, after: 'abc' });
  });
});

describe('toConnection', () => {
  it('exposes nodes, edges and page info from one page', () => {
    const page = { items: [{ cursor: 'c1', node: 'a' }, { cursor: 'c2', node: 'b' }], hasNextPage: true, hasPreviousPage: false, totalCount: 5 };
    expect(toConnection(page)).toEqual({
      totalCount: 5,
      nodes: ['a', 'b'],
      edges: page.items,
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: 'c1', endCursor: 'c2' },
    });
  });

  it('has null cursors for an empty page', () => {
    expect(toConnection({ items: [], hasNextPage: false, hasPreviousPage: true }).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
  });
});
