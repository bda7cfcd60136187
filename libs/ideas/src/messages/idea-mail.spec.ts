import { describe, expect, it } from '@jest/globals';
import { renderIdeaMail, type IdeaMailData } from './idea-mail.js';

const data: IdeaMailData = {
  topic: 'declined',
  audience: 'submitter',
  recipientName: 'Sara Holm',
  kind: 'need',
  title: 'Fall nattetid på äldreboendet',
  sluiceName: 'Region Stockholms innovationssluss',
  text: 'Liknande behov finns redan',
  who: null,
  answerDueAt: '2027-03-15T08:00:00.000Z',
  link: 'http://localhost:3000/ideas/1',
};

describe('ideas e-mail', () => {
  it('tells the submitter why, in Swedish and in English', () => {
    const sv = renderIdeaMail('sv', data);
    expect(sv.subject).toBe('Avböjt: Fall nattetid på äldreboendet');
    expect(sv.text).toContain(
      'Region Stockholms innovationssluss har avböjt behovet. Skäl: Liknande behov finns redan',
    );
    expect(renderIdeaMail('en', data).text).toContain('has declined the need. Reason: Liknande behov finns redan');
  });

  it('reminds the managers with the promised time on Stockholm’s clock', () => {
    const mail = renderIdeaMail('en', { ...data, topic: 'waiting', audience: 'managers' });
    expect(mail.subject).toBe('Reminder: waiting for an answer: Fall nattetid på äldreboendet');
    expect(mail.text).toContain('(15 March 2027 09:00)');
    expect(mail.html).toContain('<a href="http://localhost:3000/ideas/1">');
  });

  it('tells the company whose answer was accepted that it may now book', () => {
    const mail = renderIdeaMail('en', { ...data, topic: 'accepted', audience: 'company' });
    expect(mail.text).toContain('You can now book one of them with the need linked to the booking.');
    expect(renderIdeaMail('sv', { ...data, topic: 'accepted', audience: 'submitter' }).text).not.toContain('boka');
  });

  it('words a new need and a new idea each in its own Swedish gender', () => {
    expect(renderIdeaMail('sv', { ...data, topic: 'submitted' }).text).toContain('Ett nytt behov har lämnats in till');
    expect(renderIdeaMail('sv', { ...data, topic: 'submitted', kind: 'idea' }).text).toContain(
      'En ny idé har lämnats in till',
    );
  });

  it('carries a message’s body and its author', () => {
    const mail = renderIdeaMail('sv', { ...data, topic: 'message', who: 'Johan Ek', text: 'Hur ofta händer det?' });
    expect(mail.text).toContain('Johan Ek har skrivit i samtalet om behovet:\n\nHur ofta händer det?');
  });
});
