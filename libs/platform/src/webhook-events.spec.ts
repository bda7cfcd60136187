import { describe, expect, it } from '@jest/globals';
import { IDEAS_TOPICS } from '@slussen/ideas';
import { LIBRARY_TOPICS } from '@slussen/library';
import { WEBHOOK_EVENTS } from '@slussen/notifications';
import { PILOTS_TOPICS } from '@slussen/pilots';
import { SCHEDULING_TOPICS } from '@slussen/scheduling';
import { WEBHOOK_EVENTS as WEB_APP_EVENTS } from '../../../apps/web/src/features/organization/types.js';

// The topics that tell organizations of a change (e-mail-only topics, such as identity's
// invitations or a report ready, reach no webhook). The lists a person chooses from
// cannot drift from what the contexts publish.
// Of ideas', the conversation's messages and the reminder to a sluice's managers are e-mail to people only.
const E_MAIL_ONLY = ['idea.message', 'idea.waiting'];
const PUBLISHED = Object.keys({ ...SCHEDULING_TOPICS, ...PILOTS_TOPICS, ...IDEAS_TOPICS, ...LIBRARY_TOPICS })
  .filter((topic) => !E_MAIL_ONLY.includes(topic))
  .sort();

describe('webhook events', () => {
  it('the API accepts every topic the contexts publish to organizations, and "*" for all of them', () => {
    expect(WEBHOOK_EVENTS.filter((event) => event !== '*').sort()).toEqual(PUBLISHED);
    expect(WEBHOOK_EVENTS).toContain('*');
  });

  it('the web app offers the same events', () => {
    expect([...WEB_APP_EVENTS].sort()).toEqual(PUBLISHED);
  });
});
