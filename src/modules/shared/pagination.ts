/**
 * Responsible for cursor pagination shared by every list query: the Connection types,
 * the `first`/`after` arguments, opaque cursors, and the page-size limit.
 */
import { ArgsType, Field, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { BadUserInputError } from '../../errors';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size (default 20; at most the server maximum, 100 unless configured)' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor (an `endCursor` or edge `cursor`)' })
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** A window into a sorted list: skip `offset` items, take `limit`. */
export interface PageWindow {
  offset: number;
  limit: number;
}

/** One page as a repository returns it. */
export interface Page<T> {
  totalCount: number;
  items: T[];
}

export interface Connection<T> {
  totalCount: number;
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
}

const DEFAULT_PAGE_SIZE = 20;
const CURSOR_PREFIX = 'offset:';

// Cursors are opaque to clients; today they hold a position in the sorted list.
function encodeCursor(position: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const position = decoded.startsWith(CURSOR_PREFIX) ? Number(decoded.slice(CURSOR_PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(position) || position < 1 || encodeCursor(position) !== cursor) {
    throw new BadUserInputError(`Argument "after" is not a valid cursor: "${cursor}"`, 'after');
  }
  return position;
}

/** Validates `first`/`after` and turns them into a window; throws BadUserInputError naming the argument. */
export function pageWindow(args: PageArgs, maxPageSize: number): PageWindow {
  const limit = args.first ?? Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  if (!Number.isInteger(limit) || limit < 0 || limit > maxPageSize) {
    throw new BadUserInputError(`Argument "first" must be between 0 and ${maxPageSize}, got ${limit}`, 'first');
  }
  const offset = args.after === undefined || args.after === null ? 0 : decodeCursor(args.after);
  return { offset, limit };
}

/** Builds a Connection from one page of a list and the window that produced it. */
export function toConnection<T>(page: Page<T>, window: PageWindow): Connection<T> {
  const edges = page.items.map((node, index) => ({ cursor: encodeCursor(window.offset + index + 1), node }));
  return {
    totalCount: page.totalCount,
    nodes: page.items,
    edges,
    pageInfo: {
      hasNextPage: window.offset + page.items.length < page.totalCount,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Declares `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function connectionTypes<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => Int, { description: 'Number of items matching the filters, across all pages' })
    totalCount!: number;

    @Field(() => [nodeType])
    nodes!: T[];

    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }

  return ConnectionType;
}
