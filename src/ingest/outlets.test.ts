import { describe, expect, it } from 'vitest';
import { parseOutletsFile } from './outlets.js';

describe('parseOutletsFile', () => {
  it('reads name, domains, country, language, owner and any other field as a label', () => {
    const file = JSON.stringify([
      { name: 'Wire Service', domains: ['https://www.Wire.example/news', 'wire-sport.example.'], country: 'GB', language: 'en', owner: 'Wire Group', lean: 'centre', labels: { type: 'agency' } },
      { name: 'Valley Radio', domains: 'valley.example', type: 'broadcaster', note: '' },
    ]);
    expect(parseOutletsFile(file, 'outlets.json')).toEqual({
      outlets: [
        { name: 'Wire Service', domains: ['wire.example', 'wire-sport.example'], country: 'GB', language: 'en', owner: 'Wire Group', labels: { lean: 'centre', type: 'agency' } },
        { name: 'Valley Radio', domains: ['valley.example'], country: null, language: null, owner: null, labels: { type: 'broadcaster' } },
      ],
      failures: [],
    });
    expect(parseOutletsFile(JSON.stringify({ outlets: [{ name: 'Solo' }] }), 'f.json').outlets).toEqual([{ name: 'Solo', domains: [], country: null, language: null, owner: null, labels: {} }]);
  });

  it('names the file, the entry and the field of each bad entry, and reads the others', () => {
    const file = JSON.stringify([{ name: 'Good' }, { domains: ['x.example'] }, { name: 'Bad host', domains: ['not a host'] }, { name: 'good' }, { name: 'Numbers', reach: 12 }, 'text']);
    const { outlets, failures } = parseOutletsFile(file, 'desk.json');
    expect(outlets.map((o) => o.name)).toEqual(['Good']);
    expect(failures.map((f) => f.code)).toEqual(['invalid_record', 'invalid_record', 'invalid_record', 'invalid_record', 'invalid_record']);
    const messages = failures.map((f) => f.message);
    expect(messages[0]).toMatch(/^desk\.json: outlet 2: name: Required/);
    expect(messages[1]).toMatch(/^desk\.json: outlet 3 \("Bad host"\): domains\.0: expected a host name/);
    expect(messages[2]).toMatch(/^desk\.json: outlet 4 \("good"\): the name is already given by outlet 1/);
    expect(messages[3]).toMatch(/^desk\.json: outlet 5 \("Numbers"\): reach: /);
    expect(messages[4]).toMatch(/^desk\.json: outlet 6: /);
  });

  it('refuses a file that is not JSON or not a list of outlets', () => {
    expect(() => parseOutletsFile('{ nope', 'a.json')).toThrow(/a\.json: not valid JSON/);
    expect(() => parseOutletsFile('{"name": "x"}', 'b.json')).toThrow(/b\.json: expected an array of outlets/);
  });
});
