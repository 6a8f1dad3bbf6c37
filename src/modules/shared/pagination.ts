/**
 * Responsible for cursor pagination shared by every list query: the Connection types,
 * the `first`/`after` arguments and the page-size limit (cursors are keyset positions:
 * src/neo4j/keyset.ts).
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

/** The page a client asked for: at most `limit` items after the cursor `after` (still encoded). */
export interface PageWindow {
  after?: string;
  limit: number;
}

/** One page as a repository returns it: each item with its cursor. */
export interface Page<T> {
  items: Array<{ cursor: string; node: T }>;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Present when the client selected `totalCount`; counting is skipped otherwise. */
  totalCount?: number;
}

export interface Connection<T> {
  totalCount?: number;
  nodes: T[];
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
}

import { DEFAULT_PAGE_SIZE } from './page-size';

export { DEFAULT_PAGE_SIZE };

/** Validates `first`/`after` and turns them into a window; throws BadUserInputError naming the argument. */
export function pageWindow(args: PageArgs, maxPageSize: number): PageWindow {
  const limit = args.first ?? Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  if (!Number.isInteger(limit) || limit < 0 || limit > maxPageSize) {
    throw new BadUserInputError(`Argument "first" must be between 0 and ${maxPageSize}, got ${limit}`, 'first');
  }
  return { limit, after: args.after ?? undefined };
}

/** Builds a Connection from one page. */
export function toConnection<T>(page: Page<T>): Connection<T> {
  return {
    totalCount: page.totalCount,
    nodes: page.items.map((item) => item.node),
    edges: page.items,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.items[0]?.cursor ?? null,
      endCursor: page.items.at(-1)?.cursor ?? null,
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
    @Field(() => Int, { description: 'Number of items matching the filters, across all pages (counted only when selected)' })
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
