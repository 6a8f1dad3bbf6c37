import { toOrganization } from '../organization/organization.mapper';
import { toEmployment } from './person.mapper';

describe('toEmployment', () => {
  it('takes position and provenance from the relationship and carries the mapped organization', () => {
    expect(
      toEmployment(
        { position: 'programme manager', source: 'article' },
        toOrganization({ id: 'interreg-bsr-secretariat', name: 'Interreg BSR secretariat', city: 'Rostock', source: 'cbc', sourceUrl: 'https://a.example' }),
      ),
    ).toEqual({
      position: 'programme manager',
      organization: {
        id: 'interreg-bsr-secretariat',
        name: 'Interreg BSR secretariat',
        country: null,
        city: 'Rostock',
        legalStatus: null,
        source: 'cbc',
        sourceUrls: ['https://a.example'],
      },
      source: 'article',
      sourceUrls: [],
    });
  });
});
