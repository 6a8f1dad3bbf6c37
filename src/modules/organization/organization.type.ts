import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../shared/pagination';
import { SOURCE_DESCRIPTION } from '../shared/provenance';

/** Aliases kept per organization at most: a busy organization has a handful of spellings, never hundreds. */
export const MAX_ALIASES = 50;
/** Project ids listed per alias at most (projectCount counts them all). */
export const MAX_ALIAS_PROJECTS = 20;

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

  @Field(() => [String], { description: `Ids of the projects whose partner row states this name, in id order (at most ${MAX_ALIAS_PROJECTS}; projectCount counts all)` })
  projectIds!: string[];

  @Field(() => Float, {
    nullable: true,
    description: 'How sure the import was that this name is this organization, from 0 to 1 (1: the same name once case, accents, quotes, punctuation and legal form are set aside); null where no import matched it',
  })
  matchScore!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the import matched this name to this organization ("same town: Helsinki; …"), or null' })
  matchReason!: string | null;
}

@ObjectType()
export class OrganizationConnection extends connectionTypes(Organization, 'Organization') {}
