import { apiToken, checkPage, COMPANY, DEMO_PASSWORD, expect, test } from './fixtures';
import { apiUrl, REGION_ADMIN, signInHere } from './admin-helpers';

const WORDS = {
  sv: {
    nav: 'Organisation',
    title: 'Administrera CareUp AB',
    tokensTab: 'API-nycklar',
    tokenName: 'Nyckelns namn',
    create: 'Skapa nyckeln',
    token: 'API-nyckel',
    copy: 'Kopiera',
    copied: 'Kopierat.',
    revoke: 'Återkalla Bokningsrobot sv',
    revokeYes: 'Ja, återkalla',
    revoked: 'Nyckeln Bokningsrobot sv är återkallad.',
    revokedTag: /^återkallad /,
    webhooksTab: 'Webhooks',
    url: 'Mottagarens adress',
    confirmed: 'Bokning bekräftad',
    cancelled: 'Bokning avbokad',
    add: 'Lägg till webhooken',
    secret: 'Hemlighet för att kontrollera signaturen',
    refused: 'Adressen måste vara https på en publik adress',
    active: 'aktiv',
    noFailures: 'Inga misslyckade leveranser.',
    eventsMissing: 'Välj minst en händelse',
    recent: 'Senaste leveranserna',
    nothingSent: 'Inget har skickats ännu.',
    auditTab: 'Händelselogg',
    what: 'Vad',
    tokensSubject: 'API-nycklar',
    show: 'Visa',
    created: 'API-nyckel skapad',
    revokedAction: 'API-nyckel återkallad',
    webhookAdded: 'Webhook tillagd',
    regionTitle: 'Administrera Region Stockholm',
    showPeople: 'Visa personerna',
    notMemberLi: 'Li Andersson (li.andersson@demo.careup.se, inte medlem)',
    pilotsSubject: 'Piloter',
    ideasSubject: 'Idéer och behov',
    submittedToScreening: 'från inskickat till granskas',
    planApproved: 'Pilotplanen godkänd',
    goalsChanged: 'Pilotplanens mål ändrade',
  },
  en: {
    nav: 'Organization',
    title: 'Administer CareUp AB',
    tokensTab: 'API tokens',
    tokenName: 'Token name',
    create: 'Create the token',
    token: 'API token',
    copy: 'Copy',
    copied: 'Copied.',
    revoke: 'Revoke Bokningsrobot en',
    revokeYes: 'Yes, revoke',
    revoked: 'The token Bokningsrobot en has been revoked.',
    revokedTag: /^revoked /,
    webhooksTab: 'Webhooks',
    url: 'Receiving address',
    confirmed: 'Booking confirmed',
    cancelled: 'Booking cancelled',
    add: 'Add the webhook',
    secret: 'Secret for checking the signature',
    refused: 'The address must be https on a public address',
    active: 'active',
    noFailures: 'No failed deliveries.',
    eventsMissing: 'Choose at least one event',
    recent: 'Recent deliveries',
    nothingSent: 'Nothing has been sent yet.',
    auditTab: 'Audit log',
    what: 'What',
    tokensSubject: 'API tokens',
    show: 'Show',
    created: 'API token created',
    revokedAction: 'API token revoked',
    webhookAdded: 'Webhook added',
    regionTitle: 'Administer Region Stockholm',
    showPeople: 'Show the people',
    notMemberLi: 'Li Andersson (li.andersson@demo.careup.se, not a member)',
    pilotsSubject: 'Pilots',
    ideasSubject: 'Ideas and needs',
    submittedToScreening: 'from submitted to being screened',
    planApproved: 'Pilot plan approved',
    goalsChanged: 'Pilot plan goals changed',
  },
};

for (const lang of ['sv', 'en'] as const) {
  test.describe(`a company admin runs its API tokens and webhooks (${lang})`, () => {
    test.use({ lang });

    test('creates a token shown once with a copy button, revokes it, adds a webhook, and finds both in the audit log', async ({
      page,
      context,
    }) => {
      const w = WORDS[lang];
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto('/sign-in');
      await signInHere(page, lang, COMPANY, DEMO_PASSWORD);
      await page.getByRole('navigation').getByRole('link', { name: w.nav }).click();
      await expect(page.getByRole('heading', { level: 1, name: w.title })).toBeVisible();

      // API tokens: made, shown once, copied, used, revoked.
      await page.getByRole('tab', { name: w.tokensTab }).click();
      await page.getByRole('textbox', { name: w.tokenName }).fill(`Bokningsrobot ${lang}`);
      await page.getByRole('button', { name: w.create }).click();
      const shown = page.getByRole('textbox', { name: w.token });
      await expect(shown).toHaveValue(/^slt_/);
      const secret = await shown.inputValue();
      await page.getByRole('button', { name: w.copy }).click();
      await expect(page.getByText(w.copied)).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      await expect(page.getByRole('row', { name: new RegExp(`Bokningsrobot ${lang}`) })).toBeVisible();
      await checkPage(page, 'organization-api-tokens');
      const asToken = () => fetch(`${apiUrl()}/api/v1/bookings`, { headers: { Authorization: `Bearer ${secret}` } });
      expect((await asToken()).status).toBe(200);

      await page.getByRole('button', { name: w.revoke }).click();
      await expect(page.getByRole('alertdialog')).toBeVisible();
      await checkPage(page, 'organization-api-token-revoke');
      await page.getByRole('alertdialog').getByRole('button', { name: w.revokeYes }).click();
      await expect(page.getByText(w.revoked)).toBeVisible();
      // The revoke button left with the token's active state: the focus is on the notice, not lost.
      await expect(page.locator('.done-notice')).toBeFocused();
      await expect(shown).toBeHidden();
      await expect(
        page
          .getByRole('row', { name: new RegExp(`Bokningsrobot ${lang}`) })
          .first()
          .getByText(w.revokedTag),
      ).toBeVisible();
      expect((await asToken()).status).toBe(401);
      // Its last use and revocation are on a 24-hour clock in English as in Swedish.
      const tokenRow = page.getByRole('row', { name: new RegExp(`Bokningsrobot ${lang}`) }).first();
      await expect(tokenRow).toContainText(/\b\d{2}:\d{2}\b/);
      await expect(tokenRow).not.toContainText(/\b[AP]M\b/);

      // Webhooks: the API's refusal beside the field, then one added and active.
      await page.getByRole('tab', { name: w.webhooksTab }).click();
      await page.getByRole('button', { name: w.add }).click();
      await expect(page.getByText(w.eventsMissing).first()).toBeVisible();
      await page.getByRole('textbox', { name: w.url }).fill('https://localhost/slussen');
      await page.getByRole('checkbox', { name: w.confirmed }).check();
      await page.getByRole('button', { name: w.add }).click();
      await expect(page.locator('#field-url-error')).toHaveText(w.refused);
      await checkPage(page, 'organization-webhook-errors');
      const url = `https://93.184.215.14/slussen-${lang}-${Date.now()}`;
      await page.getByRole('textbox', { name: w.url }).fill(url);
      await page.getByRole('checkbox', { name: w.cancelled }).check();
      await page.getByRole('button', { name: w.add }).click();
      await expect(page.getByRole('textbox', { name: w.secret })).toHaveValue(/^whsec_/);
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: url }) });
      await expect(card.getByText(w.active, { exact: true })).toBeVisible();
      await expect(card.getByText(w.noFailures)).toBeVisible();
      await card.getByText(w.recent).click();
      await expect(card.getByText(w.nothingSent)).toBeVisible();
      await checkPage(page, 'organization-webhooks');

      // The audit log, narrowed to API tokens.
      await page.getByRole('tab', { name: w.auditTab }).click();
      await expect(page.getByRole('gridcell', { name: w.webhookAdded }).first()).toBeVisible();
      await page.getByLabel(w.what).selectOption({ label: w.tokensSubject });
      await page.getByRole('button', { name: w.show, exact: true }).click();
      await expect(page).toHaveURL(/what=api-token/);
      await expect(page.getByRole('gridcell', { name: w.webhookAdded })).toHaveCount(0);
      await expect(page.getByRole('gridcell', { name: w.revokedAction }).first()).toBeVisible();
      await expect(page.getByRole('gridcell', { name: w.created }).first()).toBeVisible();
      await expect(
        page.getByRole('gridcell', { name: /^Li Andersson \(li.andersson@demo.careup.se\)$/ }).first(),
      ).toBeVisible();
      await checkPage(page, 'organization-audit');
    });

    test("a region admin reads the pilot's changes in the audit log in the page's language, and narrows it to one of them", async ({
      page,
    }) => {
      const w = WORDS[lang];
      // CareUp changes the demo pilot's goals through the API and approves the new plan: both are audited for the region too.
      const headers = {
        Authorization: `Bearer ${await apiToken(apiUrl(), COMPANY)}`,
        'Content-Type': 'application/json',
      };
      const pilots = (await fetch(`${apiUrl()}/api/v1/pilots?limit=200`, { headers }).then((r) => r.json())) as {
        items: Array<{ id: string; title: string }>;
      };
      const id = pilots.items.find((pilot) => pilot.title === 'Sensormattor mot fall nattetid')!.id;
      expect(
        (
          await fetch(`${apiUrl()}/api/v1/pilots/${id}`, {
            method: 'PATCH',
            headers,
            body: JSON.stringify({ goals: `Färre fall (${lang})` }),
          })
        ).status,
      ).toBe(200);
      expect(
        (await fetch(`${apiUrl()}/api/v1/pilots/${id}/plan/approve`, { method: 'POST', headers })).status,
      ).toBeLessThan(300);
      // The test bed approves the new version too, so the demo pilot stays agreed for the journeys that follow it.
      const manager = { Authorization: `Bearer ${await apiToken(apiUrl(), 'johan.ek@demo.regionstockholm.se')}` };
      expect(
        (await fetch(`${apiUrl()}/api/v1/pilots/${id}/plan/approve`, { method: 'POST', headers: manager })).status,
      ).toBeLessThan(300);
      await page.goto('/sign-in');
      await signInHere(page, lang, REGION_ADMIN, DEMO_PASSWORD);
      await page.getByRole('navigation').getByRole('link', { name: w.nav }).click();
      await expect(page.getByRole('heading', { level: 1, name: w.regionTitle })).toBeVisible();
      await page.getByRole('tab', { name: w.auditTab }).click();

      // The pilot's changes, worded in the page's language, never as codes.
      await page.getByLabel(w.what).selectOption({ label: w.pilotsSubject });
      await page.getByRole('button', { name: w.show, exact: true }).click();
      await expect(page).toHaveURL(/what=pilot(&|$)/);
      await expect(page.getByRole('gridcell', { name: w.planApproved, exact: true }).first()).toBeVisible();
      await expect(page.getByRole('gridcell', { name: w.goalsChanged, exact: true }).first()).toBeVisible();
      await expect(page.getByRole('grid')).not.toContainText('pilot.');
      await checkPage(page, 'organization-audit-pilots');
      await page.screenshot({ path: `test-results/audit-pilots-${lang}.png`, fullPage: true });

      // The demo's sluice: Johan took Sara's need into screening, worded with the statuses' own names.
      await page.getByLabel(w.what).selectOption({ label: w.ideasSubject });
      await page.getByRole('button', { name: w.show, exact: true }).click();
      await expect(page).toHaveURL(/what=idea(&|$)/);
      await expect(page.getByRole('grid')).toContainText(w.submittedToScreening);
      await expect(page.getByRole('grid')).not.toContainText('idea.');

      // One action from the list: only its rows.
      await page.getByLabel(w.what).selectOption({ label: w.planApproved });
      await page.getByRole('button', { name: w.show, exact: true }).click();
      await expect(page).toHaveURL(/what=pilot\.plan-approved/);
      await expect(page.getByRole('gridcell', { name: w.planApproved, exact: true }).first()).toBeVisible();
      await expect(page.getByRole('gridcell', { name: w.goalsChanged, exact: true })).toHaveCount(0);

      // "Who" offers everyone who appears in the log, not only today's members: CareUp's Li Andersson changed the pilot.
      await page.getByRole('button', { name: w.showPeople }).click();
      await page.getByRole('option', { name: w.notMemberLi }).click();
      await page.getByRole('button', { name: w.show, exact: true }).click();
      await expect(page).toHaveURL(/who=/);
      await expect(page.getByRole('gridcell', { name: w.planApproved, exact: true }).first()).toBeVisible();
      await expect(page.getByRole('gridcell', { name: /^Johan Ek/ })).toHaveCount(0);
    });
  });
}
