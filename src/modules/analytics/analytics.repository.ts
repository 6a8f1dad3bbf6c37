/** Responsible for the cross-programme questions: one Cypher statement each, mapped to domain objects. */
import { int } from 'neo4j-driver';
import { NotFoundError } from '../../errors';
import type { Executor } from '../../neo4j/executor';
import type { PlainValue } from '../../neo4j/mapping';
import { toCluster } from '../cluster/cluster.mapper';
import { toOrganization } from '../organization/organization.mapper';
import { toProgramme } from '../programme/programme.mapper';
import { toProject } from '../project/project.mapper';
import type { ClusterProgrammeSpan, ClusterProjectsInRegion, OrganizationProgrammeSpan } from './analytics.type';
import * as cypher from './analytics.cypher';

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

  /** Organizations in projects of at least `minProgrammes` programmes, the broadest first, at most `limit`. */
  async organizationsAcrossProgrammes(minProgrammes: number, limit: number): Promise<OrganizationProgrammeSpan[]> {
    const rows = await this.executor.read(cypher.organizationsAcrossProgrammes, { minProgrammes, limit: int(limit) });
    return rows.map((row) => {
      const programmes = (row.programmes as Properties[]).map(toProgramme);
      return {
        organization: toOrganization(row.organization as Properties),
        programmes,
        programmeCount: programmes.length,
        projectCount: Number(row.projectCount),
      };
    });
  }
}
