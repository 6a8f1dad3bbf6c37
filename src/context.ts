/**
 * Responsible for the per-request context: a request id, an executor that counts the
 * request's Cypher statements, and fresh DataLoaders (by id and per relationship field;
 * caches must not outlive a request).
 */
import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Driver } from 'neo4j-driver';
import { DEFAULT_QUERY_TIMEOUT_MS } from './limits/query-limits';
import { Executor } from './neo4j/executor';
import { Label } from './neo4j/graph-schema';
import { toCall } from './modules/call/call.mapper';
import { toCluster } from './modules/cluster/cluster.mapper';
import { toDataset } from './modules/dataset/dataset.mapper';
import { toEvent } from './modules/event/event.mapper';
import { toOrganization } from './modules/organization/organization.mapper';
import { toPerson } from './modules/person/person.mapper';
import { toProgramme } from './modules/programme/programme.mapper';
import { toProject } from './modules/project/project.mapper';
import { toRegion } from './modules/region/region.mapper';
import { RelationshipLoaders } from './modules/relationships/relationship-fields';
import { nodeByIdLoader } from './modules/shared/loaders';
import { toThematicArea } from './modules/theme/theme.mapper';
import { AnalyticsRepository } from './modules/analytics/analytics.repository';
import { CallRepository } from './modules/call/call.repository';
import { ClusterRepository } from './modules/cluster/cluster.repository';
import { DatasetRepository } from './modules/dataset/dataset.repository';
import { EventRepository } from './modules/event/event.repository';
import { ExternalIdRepository } from './modules/external-id/external-id.repository';
import { NetworkRepository } from './modules/network/network.repository';
import { OrganizationRepository } from './modules/organization/organization.repository';
import { PersonRepository } from './modules/person/person.repository';
import { ProgrammeRepository } from './modules/programme/programme.repository';
import { ProjectRepository } from './modules/project/project.repository';
import { RegionRepository } from './modules/region/region.repository';
import { ThemeRepository } from './modules/theme/theme.repository';

export interface ContextSettings {
  driver: Driver;
  database: string;
  maxPageSize: number;
  /** Transaction timeout of every statement of the request; QUERY_TIMEOUT_MS, 5,000 ms by default. */
  queryTimeoutMs?: number;
}

/** Builds everything one GraphQL request may use. */
export function createContext(settings: ContextSettings, requestId: string = randomUUID()) {
  const executor = new Executor(settings.driver, settings.database, { timeoutMs: settings.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS });
  const organizations = new OrganizationRepository(executor);
  const externalIds = new ExternalIdRepository(executor);
  return {
    requestId,
    executor,
    maxPageSize: settings.maxPageSize,
    nodes: {
      call: nodeByIdLoader(executor, Label.Call, toCall),
      cluster: nodeByIdLoader(executor, Label.Cluster, toCluster),
      dataset: nodeByIdLoader(executor, Label.Dataset, toDataset),
      event: nodeByIdLoader(executor, Label.Event, toEvent),
      organization: nodeByIdLoader(executor, Label.Organization, toOrganization),
      person: nodeByIdLoader(executor, Label.Person, toPerson),
      programme: nodeByIdLoader(executor, Label.Programme, toProgramme),
      project: nodeByIdLoader(executor, Label.Project, toProject),
      region: nodeByIdLoader(executor, Label.Region, toRegion),
      theme: nodeByIdLoader(executor, Label.ThematicArea, toThematicArea),
    },
    relationships: new RelationshipLoaders(executor),
    /** Organization.aliases for every organization of the request, in one statement. */
    organizationAliases: new DataLoader((ids: readonly string[]) => organizations.aliases(ids)),
    /** Query.projectByExternalId, by `<scheme>:<value>` key: every lookup of the request in one statement. */
    projectsByExternalId: new DataLoader((keys: readonly string[]) => externalIds.projectsByKeys(keys)),
    repositories: {
      analytics: new AnalyticsRepository(executor),
      call: new CallRepository(executor),
      cluster: new ClusterRepository(executor),
      dataset: new DatasetRepository(executor),
      event: new EventRepository(executor),
      network: new NetworkRepository(executor),
      organization: organizations,
      person: new PersonRepository(executor),
      programme: new ProgrammeRepository(executor),
      project: new ProjectRepository(executor),
      region: new RegionRepository(executor),
      theme: new ThemeRepository(executor),
    },
  };
}
export type Context = ReturnType<typeof createContext>;
