import { Field, ID, ObjectType } from 'type-graphql';
import { connectionTypes } from '../shared/pagination';
import { SOURCE_DESCRIPTION } from '../shared/provenance';

@ObjectType({ description: 'A thematic objective or priority as a programme words it (e.g. ENI CBC TO5)' })
export class ThematicArea {
  @Field(() => ID, { description: 'Stable slug, e.g. to-5' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Code as the programme writes it, e.g. TO5' })
  code!: string | null;

  @Field()
  name!: string;

  @Field(() => String, { description: SOURCE_DESCRIPTION })
  source!: string;

  @Field(() => [String])
  sourceUrls!: string[];
}

@ObjectType()
export class ThematicAreaConnection extends connectionTypes(ThematicArea, 'ThematicArea') {}
