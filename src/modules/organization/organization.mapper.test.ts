import { toOrganization } from './organization.mapper';

describe('toOrganization', () => {
  it('maps absent country and city to null and splits the source URLs', () => {
    const stored = {
      id: 'pskov-state-university',
      name: 'Pskov State University',
      source: 'cbc',
      sourceUrl: 'https://a.example ; https://b.example',
    };
    expect(toOrganization(stored)).toEqual({
      id: 'pskov-state-university',
      name: 'Pskov State University',
      country: null,
      city: null,
      legalStatus: null,
      source: 'cbc',
      sourceUrls: ['https://a.example', 'https://b.example'],
    });
  });
});
