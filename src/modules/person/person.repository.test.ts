import { toEmployment, toTalk } from './person.repository';

describe('toEmployment', () => {
  it('takes position and provenance from the relationship and maps the organization inline', () => {
    expect(
      toEmployment(
        { position: 'programme manager', source: 'article' },
        { id: 'interreg-bsr-secretariat', name: 'Interreg BSR secretariat', city: 'Rostock', source: 'cbc', sourceUrl: 'https://a.example' },
      ),
    ).toEqual({
      position: 'programme manager',
      organization: {
        id: 'interreg-bsr-secretariat',
        name: 'Interreg BSR secretariat',
        country: null,
        city: 'Rostock',
        source: 'cbc',
        sourceUrls: ['https://a.example'],
      },
      source: 'article',
      sourceUrls: [],
    });
  });
});

describe('toTalk', () => {
  it('maps an absent topic to null and the event inline', () => {
    const event = { id: 'round-table', name: 'Round table', kind: 'round_table', startDate: '2018-10-22', source: 'article' };
    const talk = toTalk({ source: 'article' }, event);
    expect(talk.topic).toBeNull();
    expect(talk.event).toMatchObject({ id: 'round-table', kind: 'round_table', startDate: '2018-10-22', endDate: null });
  });
});
