/**
 * Responsible for turning relationship declarations into working GraphQL fields: for each
 * end of a relationship it derives the batched Cypher (src/neo4j/related.ts), the
 * per-request DataLoader and the type-graphql field resolver, generated in code, so a
 * new relationship field is one declaration instead of a loader, a path and a resolver.
 */
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { int } from 'neo4j-driver';
import { Arg, Ctx, FieldResolver, Float, Info, Int, Resolver, Root, type ClassType } from 'type-graphql';
import type { Executor, Row } from '../../neo4j/executor';
import type { Label, RelType } from '../../neo4j/graph-schema';
import { decodeCursor, encodeCursor } from '../../neo4j/keyset';
import { loadRelated, type RelatedGroup, type RelatedPath, type RelatedWindow } from '../../neo4j/related';
import { pageWindow, toConnection, type Page } from '../shared/pagination';
import { selectsField } from '../shared/selection';
import { RELATIONSHIP_FILES } from '../../seed/seed-files';

/** A node type of the graph as the relationship layer needs it. */
export interface NodeKind<T = unknown> {
  label: Label;
  type: ClassType;
  map: (properties: Row) => T;
  /** The connection type used when a field pages over these nodes. */
  connection?: ClassType;
}

/** A relationship with data, exposed as an object holding the relationship and both ends. */
export interface EdgeMapping {
  type: () => ClassType;
  /** Maps the relationship's properties and the two (mapped) ends. */
  map: (relationship: Row, owner: never, target: never) => unknown;
  connection?: ClassType;
}

/**
 * - `one`: the first target, or null;
 * - `list`: every target (at most LIST_LIMIT): for relationships that stay small;
 * - `page`: a connection with `first`/`after` and `totalCount`: for those that grow;
 * - `count`: the number of distinct targets;
 * - `sum`: the sum of the targets' numeric property `sumOf` over the distinct targets.
 */
export type Cardinality = 'one' | 'list' | 'page' | 'count' | 'sum';

/** One end of a relationship as a field on the owner's GraphQL type. */
export interface FieldEnd {
  field: string;
  description?: string;
  cardinality: Cardinality;
  /** Stored unique sort key of the target (derived.ts), default `id`. */
  orderBy?: string;
  direction?: 'ASC' | 'DESC';
  /** Return the relationship with both ends instead of the target node. */
  edge?: EdgeMapping;
  /** `sum` fields: the target's numeric property to add up. */
  sumOf?: string;
  /** A boolean argument that, when true, walks another pattern (e.g. sub-regions too). */
  variant?: { argument: string; description: string; defaultValue: boolean; pattern: string };
}

/** One relationship type between two node types, with the field each end shows (if any). */
export interface RelationshipDeclaration {
  type: RelType;
  from: NodeKind;
  to: NodeKind;
  /** Field on `from`'s type, walking (from)-[type]->(to). */
  out?: FieldEnd;
  /** Field on `to`'s type, walking back to `from`. */
  in?: FieldEnd;
}

/** A field over a longer pattern than one relationship (programmes of a cluster, ancestors). */
export interface PathDeclaration {
  owner: NodeKind;
  target: NodeKind;
  /** Cypher from `(s)` to `(n)`; may reach a target more than once (targets are made distinct). */
  pattern: string;
  end: FieldEnd;
}

/** Items an unpaged list field returns at most: the bound a client cannot raise. */
export const LIST_LIMIT = 500;

interface FieldSpec {
  key: string;
  owner: NodeKind;
  target: NodeKind;
  end: FieldEnd;
  path: RelatedPath;
  variantPath?: RelatedPath;
}

/** One hop of `type`; the relationship is bound to `r` unless `variable` says otherwise ('' for none). */
function arrow(type: RelType, direction: 'out' | 'in', variable = 'r'): string {
  return direction === 'out' ? `-[${variable}:${type}]->` : `<-[${variable}:${type}]-`;
}

/**
 * The degree pattern of a one-hop field, when the seed format (which the import enforces)
 * lets `type` in `direction` from `owner` end only at `target`; otherwise undefined, and the
 * count visits each target to check its label.
 */
export function degreePattern(type: RelType, direction: 'out' | 'in', owner: Label, target: Label): string | undefined {
  const spec = RELATIONSHIP_FILES.find((file) => file.type === type);
  if (!spec) return undefined;
  const ends = spec.endpoints
    .filter((pair) => (direction === 'out' ? pair.from : pair.to) === owner)
    .map((pair) => (direction === 'out' ? pair.to : pair.from));
  if (ends.length === 0 || ends.some((end) => end !== target)) return undefined;
  return `(s)${arrow(type, direction, '')}()`;
}

/** Compiles declarations to one spec per field. */
export function fieldSpecs(relationships: readonly RelationshipDeclaration[], paths: readonly PathDeclaration[]): FieldSpec[] {
  const specs: FieldSpec[] = [];
  const add = (owner: NodeKind, target: NodeKind, end: FieldEnd, pattern: string, relType: RelType | undefined, distinct: boolean, degreePattern?: string) => {
    const base = { ownerLabel: owner.label, targetLabel: target.label, orderBy: end.orderBy ?? 'id', direction: end.direction ?? 'ASC' } as const;
    specs.push({
      key: `${owner.type.name}.${end.field}`,
      owner,
      target,
      end,
      path: { ...base, pattern, relType, distinct, ...(degreePattern ? { degreePattern } : {}) },
      variantPath: end.variant ? { ...base, pattern: end.variant.pattern, distinct: true } : undefined,
    });
  };
  for (const declaration of relationships) {
    const { type, from, to } = declaration;
    if (declaration.out) add(from, to, declaration.out, `(s)${arrow(type, 'out')}(n)`, type, false, degreePattern(type, 'out', from.label, to.label));
    if (declaration.in) add(to, from, declaration.in, `(s)${arrow(type, 'in')}(n)`, type, false, degreePattern(type, 'in', to.label, from.label));
  }
  for (const declaration of paths) add(declaration.owner, declaration.target, declaration.end, declaration.pattern, undefined, true);
  const seen = new Set<string>();
  for (const spec of specs) {
    if (seen.has(spec.key)) throw new Error(`Relationship field ${spec.key} is declared twice`);
    seen.add(spec.key);
  }
  return specs;
}

/** The per-request loaders of every relationship field: one DataLoader per field and window shape. */
export class RelationshipLoaders {
  private readonly loaders = new Map<string, DataLoader<string, RelatedGroup | null>>();

  constructor(private readonly executor: Executor) {}

  /** The targets of `ownerId` over `path` in `window`, batched with every other owner of this tick. */
  load(key: string, path: RelatedPath, window: RelatedWindow, ownerId: string): Promise<RelatedGroup | null> {
    const loaderKey = JSON.stringify([key, path.pattern, window.after ?? null, window.limit, window.withTotal, window.aggregate ?? null]);
    let loader = this.loaders.get(loaderKey);
    if (!loader) {
      loader = new DataLoader((ids) => loadRelated(this.executor, path, window, ids, int(window.limit)));
      this.loaders.set(loaderKey, loader);
    }
    return loader.load(ownerId);
  }
}

/** What a generated resolver needs from the request context. */
export interface RelationshipContext {
  relationships: RelationshipLoaders;
  maxPageSize: number;
}

type FieldArguments = { first?: number; after?: string } & Record<string, unknown>;

async function resolveField(spec: FieldSpec, owner: { id: string }, args: FieldArguments, context: RelationshipContext, info: GraphQLResolveInfo) {
  const variant = spec.end.variant;
  const useVariant = variant !== undefined && (args[variant.argument] ?? variant.defaultValue) === true;
  const path = useVariant && spec.variantPath ? spec.variantPath : spec.path;
  const order = `${spec.key}${useVariant ? `+${variant?.argument}` : ''}:${path.orderBy}:${path.direction}`;
  const cardinality = spec.end.cardinality;
  let window: RelatedWindow;
  let pageSize = 0;
  if (cardinality === 'page') {
    const requested = pageWindow(args, context.maxPageSize);
    pageSize = requested.limit;
    const after = requested.after === undefined ? undefined : decodeCursor(requested.after, order);
    window = { after, limit: pageSize + 1, withTotal: selectsField(info, 'totalCount') };
  } else if (cardinality === 'count') {
    window = { limit: 0, withTotal: true, aggregate: { count: true } };
  } else if (cardinality === 'sum') {
    if (!spec.end.sumOf) throw new Error(`Relationship field ${spec.key} sums but declares no sumOf`);
    window = { limit: 0, withTotal: false, aggregate: { sum: spec.end.sumOf } };
  } else {
    window = { limit: cardinality === 'one' ? 1 : LIST_LIMIT, withTotal: false };
  }
  const group = await context.relationships.load(spec.key, path, window, owner.id);
  if (cardinality === 'count') return group?.totalCount ?? 0;
  if (cardinality === 'sum') return group?.sum ?? 0;
  const rows = group?.items ?? [];
  const value = (item: (typeof rows)[number]) => {
    const target = spec.target.map(item.node);
    return spec.end.edge ? spec.end.edge.map(item.relationship ?? {}, owner as never, target as never) : target;
  };
  if (cardinality === 'one') return rows[0] ? value(rows[0]) : null;
  if (cardinality === 'list') return rows.map(value);
  const page: Page<unknown> = {
    items: rows.slice(0, pageSize).map((item) => ({ cursor: encodeCursor({ order, key: item.key }), node: value(item) })),
    hasNextPage: rows.length > pageSize,
    hasPreviousPage: window.after !== undefined,
    totalCount: group?.totalCount ?? (window.withTotal ? 0 : undefined),
  };
  return toConnection(page);
}

function returnType(spec: FieldSpec): () => ClassType | [ClassType] | typeof Int {
  const item = spec.end.edge ? spec.end.edge.type : () => spec.target.type;
  switch (spec.end.cardinality) {
    case 'one':
      return item;
    case 'list':
      return () => [item()];
    case 'count':
      return () => Int;
    case 'sum':
      return () => Float;
    case 'page': {
      const connection = spec.end.edge ? spec.end.edge.connection : spec.target.connection;
      if (!connection) throw new Error(`Relationship field ${spec.key} pages but its item type has no connection type`);
      return () => connection;
    }
    default: {
      const unreachable: never = spec.end.cardinality;
      throw new Error(`Unknown cardinality ${String(unreachable)}`);
    }
  }
}

/**
 * Generates one type-graphql resolver class per field. Decorators are applied by hand
 * because the field names come from data; each class is an ordinary resolver to
 * `buildSchema`.
 */
export function relationshipResolvers(specs: readonly FieldSpec[]): ClassType[] {
  return specs.map((spec) => {
    const field = spec.end.field;
    const ResolverClass = class {};
    Object.defineProperty(ResolverClass, 'name', { value: `${spec.owner.type.name}${field[0].toUpperCase()}${field.slice(1)}Resolver` });
    const prototype = ResolverClass.prototype as Record<string, unknown>;
    const parameters: string[] = [];
    if (spec.end.cardinality === 'page') parameters.push('first', 'after');
    if (spec.end.variant) parameters.push(spec.end.variant.argument);
    prototype[field] = function (owner: { id: string }, context: RelationshipContext, info: GraphQLResolveInfo, ...values: unknown[]) {
      const args = Object.fromEntries(parameters.map((name, index) => [name, values[index] ?? undefined])) as FieldArguments;
      return resolveField(spec, owner, args, context, info);
    };
    const descriptor = Object.getOwnPropertyDescriptor(prototype, field) as PropertyDescriptor;
    Root()(prototype, field, 0);
    Ctx()(prototype, field, 1);
    Info()(prototype, field, 2);
    let index = 3;
    if (spec.end.cardinality === 'page') {
      Arg('first', () => Int, {
        nullable: true,
        description: 'Page size (default 20; at most the server maximum, 100 unless configured)',
      })(prototype, field, index++);
      Arg('after', () => String, { nullable: true, description: 'Return items after this cursor (an `endCursor` or edge `cursor`)' })(
        prototype,
        field,
        index++,
      );
    }
    if (spec.end.variant) {
      Arg(spec.end.variant.argument, () => Boolean, {
        defaultValue: spec.end.variant.defaultValue,
        description: spec.end.variant.description,
      })(prototype, field, index++);
    }
    FieldResolver(returnType(spec), { nullable: spec.end.cardinality === 'one', description: spec.end.description })(prototype, field, descriptor);
    Resolver(() => spec.owner.type)(ResolverClass);
    return ResolverClass as ClassType;
  });
}
