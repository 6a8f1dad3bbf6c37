/** Responsible for reading clusters from Neo4j as domain objects. */
import type { Executor } from '../../neo4j/executor';
import type { Page, PageWindow } from '../shared/pagination';
import { runList, textFilter } from '../shared/list';
import { ClusterSortField, type ClusterFilter, type ClusterSort } from './cluster.args';
import { clusterList } from './cluster.cypher';
import { toCluster } from './cluster.mapper';
import type { Cluster } from './cluster.type';

export class ClusterRepository {
  constructor(private readonly executor: Executor) {}

  /** One page of clusters matching the filter, in the requested order; counted only when `withTotal`. */
  list(filter: ClusterFilter | undefined, sort: ClusterSort | undefined, window: PageWindow, withTotal: boolean): Promise<Page<Cluster>> {
    return runList(
      this.executor,
      clusterList,
      ClusterSortField.NAME,
      {
        filters: {
        kind: filter?.kind,
        programmeId: filter?.programmeId,
        regionId: filter?.regionId,
        minProgrammes: filter?.minProgrammes,
        text: textFilter(filter?.text),
        },
        sort,
        window,
        withTotal,
      },
      toCluster,
    );
  }
}
