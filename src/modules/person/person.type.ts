import { Field, ID, ObjectType } from 'type-graphql';
import { Organization } from '../organization/organization.type';
import { connectionTypes } from '../shared/pagination';
import { SOURCE_DESCRIPTION } from '../shared/provenance';

@ObjectType({ description: 'A person named in the sources, e.g. a speaker at an event' })
export class Person {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Position as the source words it' })
  position!: string | null;

  @Field(() => String, { description: SOURCE_DESCRIPTION })
  source!: string;

  @Field(() => [String])
  sourceUrls!: string[];
}

@ObjectType({ description: 'A person’s work for an organization' })
export class Employment {
  @Field(() => String, { nullable: true, description: 'Position held there, as the source words it' })
  position!: string | null;

  @Field(() => Organization)
  organization!: Organization;

  @Field(() => String, { description: SOURCE_DESCRIPTION })
  source!: string;

  @Field(() => [String])
  sourceUrls!: string[];
}

@ObjectType()
export class PersonConnection extends connectionTypes(Person, 'Person') {}
