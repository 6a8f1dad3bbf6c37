/** Responsible for the per-request DataLoaders of the programme domain. */
import type { Executor } from '../../neo4j/executor';
import { Label } from '../../neo4j/graph-schema';
import { nodeByIdLoader, relatedLoader } from '../shared/loaders';
import { toCluster } from '../cluster/cluster.repository';
import { toProject } from '../project/project.repository';
import { toRegion } from '../region/region.repository';
import { programmePaths } from './programme.cypher';
import { toProgramme, toProgrammeCoverage } from './programme.repository';

/** Builds the programme loaders for one request; never share them across requests. */
export function createProgrammeLoaders(executor: Executor) {
  return {
    byId: nodeByIdLoader(executor, Label.Programme, toProgramme),
    projects: relatedLoader(executor, programmePaths.projects, ({ node }) => toProject(node)),
    // The region comes inline with the relationship, saving a byId round trip per coverage list.
    coverage: relatedLoader(executor, programmePaths.coverage, ({ node, relationship }) =>
      toProgrammeCoverage(relationship, toRegion(node)),
    ),
    clusters: relatedLoader(executor, programmePaths.clusters, ({ node }) => toCluster(node)),
  };
}
export type ProgrammeLoaders = ReturnType<typeof createProgrammeLoaders>;
