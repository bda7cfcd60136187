import { describe, expect, it } from '@jest/globals';
import { consentMailLink, renderResultMail, resultAudience, type ResultMailData } from './result-mail.js';

const data: ResultMailData = {
  topic: 'consented',
  side: 'company',
  recipientName: 'Johan Ek',
  title: 'Sensormattor mot fall nattetid',
  testbedName: 'Simuleringscentrum',
  adopter: null,
  link: 'http://localhost:3000/pilots/1',
};

describe('results library e-mail', () => {
  it('asks the other side to consent, in its language', () => {
    expect(resultAudience('consented', 'company')).toEqual(['managers']);
    expect(resultAudience('withdrawn', 'testbed')).toEqual(['company']);
    expect(resultAudience('published', 'testbed')).toEqual(['company', 'managers']);
    const sv = renderResultMail('sv', data);
    expect(sv.subject).toBe('Samtycke till publicering i resultatbiblioteket: Sensormattor mot fall nattetid');
    expect(sv.text).toContain('Företaget har samtyckt till att piloten i Simuleringscentrum publiceras');
    expect(renderResultMail('en', { ...data, side: 'testbed' }).text).toContain(
      'The test bed has consented to publishing the pilot in Simuleringscentrum',
    );
  });

  it('links a publication to the result in the public library, and a consent change to the pilot', () => {
    const url = 'https://slussen.example';
    expect(consentMailLink(url, 'published', 'p1', 'r1')).toBe('https://slussen.example/results/r1');
    expect(consentMailLink(url, 'published', 'p1', null)).toBe('https://slussen.example/pilots/p1');
    expect(consentMailLink(url, 'consented', 'p1', null)).toBe('https://slussen.example/pilots/p1');
    expect(consentMailLink(url, 'withdrawn', 'p1', 'r1')).toBe('https://slussen.example/pilots/p1');
  });

  it('names the organization that adopted the result, and links to it', () => {
    const mail = renderResultMail('en', {
      ...data,
      topic: 'adopted',
      side: null,
      adopter: { name: 'Malmö stad', adoptedAt: '2026-11-02' },
      link: 'http://localhost:3000/results/9',
    });
    expect(mail.subject).toBe('Your result has been adopted elsewhere: Sensormattor mot fall nattetid');
    expect(mail.text).toContain('Malmö stad has adopted the result of the pilot in Simuleringscentrum (2026-11-02).');
    expect(mail.html).toContain('<a href="http://localhost:3000/results/9">');
  });
});
