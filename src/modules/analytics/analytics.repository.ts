/** Responsible for the cross-programme questions: one Cypher statement each, mapped to domain objects. */
import { int } from 'neo4j-driver';
import { NotFoundError } from '../../errors';
import type { Executor } from '../../neo4j/executor';
import { decodeCursor, encodeCursor } from '../../neo4j/keyset';
import type { PlainValue } from '../../neo4j/mapping';
import { toCluster } from '../cluster/cluster.mapper';
import { toOrganization } from '../organization/organization.mapper';
import { toProgramme } from '../programme/programme.mapper';
import { toProject } from '../project/project.mapper';
import type { Page, PageWindow } from '../shared/pagination';
import type { ClusterProgrammeSpan, ClusterProjectsInRegion, OrganizationProgrammeSpan, ProjectProgrammeSpan } from './analytics.type';
import * as cypher from './analytics.cypher';
import type { SpanKind, SpanScope } from './analytics.cypher';

type Properties = Record<string, PlainValue>;

export class AnalyticsRepository {
  constructor(private readonly executor: Executor) {}

  /** Clusters spanning at least `minProgrammes` programmes, with their members in a region; NOT_FOUND for an unknown region. */
  async projectsInCrossProgrammeClusters(regionId: string, minProgrammes: number): Promise<ClusterProjectsInRegion[]> {
    const [row] = await this.executor.read(cypher.projectsInCrossProgrammeClusters, { regionId, minProgrammes });
    if (!row?.regionFound) throw new NotFoundError('Region', regionId);
    return (row.results as Properties[]).map((result) => {
      const programmes = (result.programmes as Properties[]).map(toProgramme);
      return {
        cluster: toCluster(result.cluster as Properties),
        programmes,
        programmeCount: programmes.length,
        projects: (result.projects as Properties[]).map(toProject),
      };
    });
  }

  /** Clusters whose members come from at least `minProgrammes` programmes. */
  async clustersSpanningProgrammes(minProgrammes: number): Promise<ClusterProgrammeSpan[]> {
    const [row] = await this.executor.read(cypher.clustersSpanningProgrammes, { minProgrammes });
    const programmes = new Map(
      ((row?.programmes ?? []) as Properties[]).map((properties) => [String(properties.id), { key: String(properties._key), programme: toProgramme(properties) }]),
    );
    return ((row?.spans ?? []) as Properties[]).map((span) => {
      // Each programme once per cluster, in the stored name order the other lists use.
      const named = (span.programmeIds as string[])
        .map((id) => programmes.get(id))
        .filter((entry) => entry !== undefined)
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map((entry) => entry.programme);
      return {
        cluster: toCluster(span.cluster as Properties),
        programmes: named,
        programmeCount: named.length,
        memberCount: Number(span.memberCount),
      };
    });
  }

  /** One page of projects ranked by the programmes they reach through their clusters. */
  projectSpans(scope: SpanScope, minProgrammes: number, window: PageWindow, withTotal: boolean): Promise<Page<ProjectProgrammeSpan>> {
    return this.spanPage('project', scope, minProgrammes, window, withTotal, (node, programmes, row) => ({
      project: toProject(node),
      programmes,
      programmeCount: programmes.length,
      clusters: (row.clusters as Properties[]).map(toCluster),
    }));
  }

  /** One page of clusters ranked by the programmes of their members. */
  clusterSpans(scope: SpanScope, minProgrammes: number, window: PageWindow, withTotal: boolean): Promise<Page<ClusterProgrammeSpan>> {
    return this.spanPage('cluster', scope, minProgrammes, window, withTotal, (node, programmes, row) => ({
      cluster: toCluster(node),
      programmes,
      programmeCount: programmes.length,
      memberCount: Number(row.tieBreak),
    }));
  }

  /** One page of organizations ranked by the programmes of the projects they take part in. */
  organizationSpans(scope: SpanScope, minProgrammes: number, window: PageWindow, withTotal: boolean): Promise<Page<OrganizationProgrammeSpan>> {
    return this.spanPage('organization', scope, minProgrammes, window, withTotal, (node, programmes, row) => ({
      organization: toOrganization(node),
      programmes,
      programmeCount: programmes.length,
      projectCount: Number(row.tieBreak),
    }));
  }

  private async spanPage<T>(
    kind: SpanKind,
    scope: SpanScope,
    minProgrammes: number,
    window: PageWindow,
    withTotal: boolean,
    map: (node: Properties, programmes: ReturnType<typeof toProgramme>[], row: Properties) => T,
  ): Promise<Page<T>> {
    // The cursor names the list it was made for: kind, scope and threshold all change the ranking.
    const order = `span:${kind}:${scope.regionId ?? '*'}:${scope.includeSubRegions}:${minProgrammes}`;
    const after = window.after === undefined ? undefined : decodeCursor(window.after, order);
    const statement = cypher.programmeSpanPage(kind, scope, { afterKey: after !== undefined, withTotal, minProgrammes });
    const [row] = await this.executor.read(statement, {
      regionId: scope.regionId ?? null,
      minProgrammes: int(minProgrammes),
      after: after ?? null,
      // One row more than the page tells whether another page follows.
      limit: int(window.limit + 1),
    });
    const rows = (row?.items ?? []) as Properties[];
    return {
      items: rows.slice(0, window.limit).map((item) => ({
        cursor: encodeCursor({ order, key: String(item.key) }),
        node: map(item.node as Properties, (item.programmes as Properties[]).map(toProgramme), item),
      })),
      hasNextPage: rows.length > window.limit,
      hasPreviousPage: after !== undefined,
      totalCount: withTotal ? Number(row?.totalCount ?? 0) : undefined,
    };
  }
}
