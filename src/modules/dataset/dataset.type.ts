import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A dataset facts come from: the article, the programme pages, keep.eu, NUTS, ISO 3166, illustrative rows, or one a user imported. Every node and relationship names one in its `source` field.',
})
export class Dataset {
  @Field(() => ID, { description: 'e.g. keep-eu-2019; what `source` fields hold' })
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Where the dataset is published' })
  url!: string | null;

  @Field({ description: 'Terms of reuse as the publisher states them' })
  licence!: string;

  @Field({ description: 'The credit line its terms ask for; show it wherever its facts are shown' })
  credit!: string;

  @Field(() => String, { nullable: true, description: 'When the data was retrieved (YYYY-MM-DD)' })
  retrieved!: string | null;

  @Field(() => String, { nullable: true, description: 'What coopgraph changed in converting it, as its terms ask to be told' })
  changes!: string | null;

  @Field({ description: 'True when each of its facts cites the page it is on (sourceUrls); false for the article and made-up rows' })
  citesPages!: boolean;
}
