import { toPerson } from '../person/person.mapper';
import { toEvent, toSpeaker, toTalk } from './event.mapper';

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
  it('takes topic and provenance from the relationship and carries the mapped person', () => {
    const person = { id: 'marina-anikeeva', name: 'Marina Anikeeva', source: 'article' };
    expect(toSpeaker({ topic: 'Pskov cluster', source: 'article' }, toPerson(person))).toEqual({
      topic: 'Pskov cluster',
      person: { id: 'marina-anikeeva', name: 'Marina Anikeeva', position: null, source: 'article', sourceUrls: [] },
      source: 'article',
      sourceUrls: [],
    });
  });
});

describe('toTalk', () => {
  it('maps an absent topic to null and carries the mapped event', () => {
    const event = { id: 'round-table', name: 'Round table', kind: 'round_table', startDate: '2018-10-22', source: 'article' };
    const talk = toTalk({ source: 'article' }, toEvent(event));
    expect(talk.topic).toBeNull();
    expect(talk.event).toMatchObject({ id: 'round-table', kind: 'round_table', startDate: '2018-10-22', endDate: null });
  });
});
