import { Field, ID, ObjectType } from 'type-graphql';
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

@ObjectType()
export class OrganizationConnection extends connectionTypes(Organization, 'Organization') {}
