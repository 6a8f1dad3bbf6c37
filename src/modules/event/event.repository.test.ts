import { toEvent, toSpeaker } from './event.repository';

describe('toEvent', () => {
  it('maps absent dates and city to null', () => {
    expect(toEvent({ id: 'round-table', name: 'Round table', kind: 'round_table', source: 'article' })).toEqual({
      id: 'round-table',
      name: 'Round table',
      kind: 'round_table',
      startDate: null,
      endDate: null,
      city: null,
      source: 'article',
      sourceUrls: [],
    });
  });
});

describe('toSpeaker', () => {
  it('takes topic and provenance from the relationship and maps the person inline', () => {
    const person = { id: 'marina-anikeeva', name: 'Marina Anikeeva', source: 'article' };
    expect(toSpeaker({ topic: 'Pskov cluster', source: 'article' }, person)).toEqual({
      topic: 'Pskov cluster',
      person: { id: 'marina-anikeeva', name: 'Marina Anikeeva', position: null, source: 'article', sourceUrls: [] },
      source: 'article',
      sourceUrls: [],
    });
  });
});
