import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { connectionTypes } from '../shared/pagination';
import { SOURCE_DESCRIPTION } from '../shared/provenance';

export enum ClusterKind {
  PROJECT_PLATFORM = 'project_platform',
  REGIONAL_PROJECT_CLUSTER = 'regional_project_cluster',
  INDUSTRIAL_CLUSTER = 'industrial_cluster',
}
registerEnumType(ClusterKind, {
  name: 'ClusterKind',
  valuesConfig: {
    PROJECT_PLATFORM: { description: 'A platform of finished projects with extra programme support (Interreg BSR)' },
    REGIONAL_PROJECT_CLUSTER: { description: 'Projects of several programmes grouped around one region' },
    INDUSTRIAL_CLUSTER: { description: 'An association of industrial enterprises' },
  },
});

@ObjectType({ description: 'A cluster or platform that groups projects or enterprises' })
export class Cluster {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => ClusterKind)
  kind!: ClusterKind;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  established!: string | null;

  @Field(() => String, { description: SOURCE_DESCRIPTION })
  source!: string;

  @Field(() => [String])
  sourceUrls!: string[];
}

@ObjectType()
export class ClusterConnection extends connectionTypes(Cluster, 'Cluster') {}
