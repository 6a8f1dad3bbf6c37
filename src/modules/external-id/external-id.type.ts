import { Field, ObjectType } from 'type-graphql';
import { SOURCE_DESCRIPTION } from '../shared/provenance';

@ObjectType({ description: 'An identifier a source gives a project outside coopgraph, such as keep.eu’s key or the programme’s project code' })
export class ExternalId {
  @Field({ description: '"keep-eu" (value "<programme name as keep.eu writes it>|<acronym>") or "project-code" (the programme’s code, e.g. KO1029); imports may add others' })
  scheme!: string;

  @Field({ description: 'The identifier, exactly as the source writes it' })
  value!: string;

  @Field(() => String, { description: SOURCE_DESCRIPTION })
  source!: string;

  @Field(() => [String])
  sourceUrls!: string[];
}
