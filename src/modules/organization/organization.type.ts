import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../shared/pagination';
import { SOURCE_DESCRIPTION } from '../shared/provenance';

@ObjectType({ description: 'An organization taking part in projects: authority, university, company, NGO …' })
export class Organization {
  @Field(() => ID, { description: 'Slug of the name' })
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Country as the source words it' })
  country!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true, description: '"public" or "private" where the source states it (keep.eu\'s Legal Status)' })
  legalStatus!: string | null;

  @Field(() => String, { description: SOURCE_DESCRIPTION })
  source!: string;

  @Field(() => [String])
  sourceUrls!: string[];
}

@ObjectType({ description: 'A name an organization is stated under, by whom and in how many projects' })
export class OrganizationAlias {
  @Field({ description: 'The name as a source states it' })
  name!: string;

  @Field(() => [String], { description: 'Datasets that state this name (ids, see Query.datasets)' })
  sources!: string[];

  @Field(() => Int, { description: 'Projects whose partner row states this name (0 for a name only the organization row states)' })
  projectCount!: number;
}

@ObjectType()
export class OrganizationConnection extends connectionTypes(Organization, 'Organization') {}
