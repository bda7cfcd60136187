import { describe, expect, it } from '@jest/globals';
import { IDEAS_TOPICS } from '@slussen/ideas';
import { LIBRARY_TOPICS } from '@slussen/library';
import { PILOTS_TOPICS } from '@slussen/pilots';
import { SCHEDULING_TOPICS } from '@slussen/scheduling';
import { readFileSync } from 'node:fs';
import { WEBHOOK_EVENTS as WEB_APP_EVENTS } from '../../../apps/web/src/features/organization/types.js';
import { WEBHOOK_EVENTS } from './webhook-events.js';

// The web app's names of the events, per language (organization.json, webhooks.event.<event with _ for .>).
const names = (language: 'sv' | 'en'): Record<string, string> =>
  (
    JSON.parse(
      readFileSync(new URL(`../../../apps/web/src/i18n/${language}/organization.json`, import.meta.url), 'utf8'),
    ) as { webhooks: { event: Record<string, string> } }
  ).webhooks.event;

describe('webhook events', () => {
  const events = WEBHOOK_EVENTS.filter((event) => event !== '*');

  it("are the topics the contexts publish to organizations (never one for people's e-mail only), then '*'", () => {
    const topics = { ...SCHEDULING_TOPICS, ...PILOTS_TOPICS, ...LIBRARY_TOPICS, ...IDEAS_TOPICS };
    expect(WEBHOOK_EVENTS.at(-1)).toBe('*');
    expect(new Set(WEBHOOK_EVENTS).size).toBe(WEBHOOK_EVENTS.length);
    expect(events.every((event) => (topics as Record<string, string>)[event] === 'webhook')).toBe(true);
    expect(events).not.toContain('idea.message');
    expect(events).not.toContain('idea.waiting');
    expect(events).toContain('booking.confirmed');
  });

  it('are offered by the web app (its list is held to the API generated types by the compiler)', () => {
    expect([...WEB_APP_EVENTS].sort()).toEqual([...events].sort());
  });

  it('each have a name in Swedish and in English in the web app', () => {
    for (const language of ['sv', 'en'] as const) {
      const named = names(language);
      const missing = events.filter((event) => !named[event.replace(/\./g, '_')]?.trim());
      expect({ language, missing }).toEqual({ language, missing: [] });
    }
  });
});
