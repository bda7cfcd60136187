import { apiToken, checkPage, COMPANY, expect, tabTo, test } from './fixtures';
import { MANAGER, signIn, WORDS } from './manager-fixtures';

const MORE = {
  sv: {
    calendar: 'Kalender',
    week: 'Vecka',
    month: 'Månad',
    requests: 'Förfrågningar',
    vitalsens: 'Vitalparametrar i hemsjukvården',
    reject: 'Avslå Vitalparametrar i hemsjukvården från Vitalsens AB',
    reason: 'Motivering',
    rejectConfirm: 'Avslå förfrågan',
    rejected: 'Avslagen: Vitalparametrar i hemsjukvården. Företaget får er motivering via e-post.',
    reasonNeeded: 'Skriv varför förfrågan avslås.',
    create: 'Skapa en testbädd',
    createTitle: 'Skapa en testbädd',
    nextMonth: 'Nästa månad',
    saveDraft: 'Spara som utkast',
    fillInName: 'Fyll i namn',
    earlierPilots: 'Vitalsens AB:s piloter hos er',
  },
  en: {
    calendar: 'Calendar',
    week: 'Week',
    month: 'Month',
    requests: 'Requests',
    vitalsens: 'Vitalparametrar i hemsjukvården',
    reject: 'Reject Vitalparametrar i hemsjukvården from Vitalsens AB',
    reason: 'Reason',
    rejectConfirm: 'Reject the request',
    rejected: 'Rejected: Vitalparametrar i hemsjukvården. The company gets your reason by e-mail.',
    reasonNeeded: 'Say why the request is rejected.',
    create: 'Create a test bed',
    createTitle: 'Create a test bed',
    nextMonth: 'Next month',
    saveDraft: 'Save as draft',
    fillInName: 'Fill in name',
    earlierPilots: 'Vitalsens AB’s pilots with you',
  },
};

// Swedish first: Johan decides Vitalsens' request from the demo data there; the English run finds the inbox without it.
for (const lang of ['sv', 'en'] as const) {
  test.describe(`the manager workspace's pages (${lang})`, () => {
    test.use({ lang });

    test('my test beds, the form, the calendar by month and week, and the inbox pass axe at desktop width and 360 px; Vitalsens’ request is decided by keyboard', async ({
      page,
    }) => {
      const w = WORDS[lang];
      const m = MORE[lang];
      await signIn(page, w, MANAGER, '/manage');
      await expect(page.getByRole('heading', { level: 1, name: w.myTestbeds })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Region Stockholms simuleringscentrum' })).toBeVisible();
      await checkPage(page, 'manage-home');

      await tabTo(page, m.create);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: m.createTitle })).toBeFocused();
      await checkPage(page, 'manage-testbed-form');
      // An empty required field is asked for, not called too short.
      await tabTo(page, m.saveDraft);
      await page.keyboard.press('Enter');
      const summary = page.locator('.error-summary, [role="alert"]').first();
      await expect(summary).toContainText(m.fillInName);
      await expect(page.getByText(/för kort|too short/)).toHaveCount(0);

      await tabTo(page, m.calendar);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: m.calendar })).toBeFocused();
      // The demo's slots begin next week: the next month has some.
      await tabTo(page, m.nextMonth);
      await page.keyboard.press('Enter');
      await expect(page.locator('.calendar-list .slot').first()).toBeVisible();
      // Times on a 24-hour clock in English as in Swedish.
      for (const when of await page.locator('.calendar-list .slot__when').allInnerTexts())
        expect(when).toMatch(/^\d{2}:\d{2}–\d{2}:\d{2} · /);
      await expect(page.locator('.calendar-list')).not.toContainText(/\b[AP]M\b/);
      await checkPage(page, 'manage-calendar-month');
      await tabTo(page, m.week);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: m.week, exact: true })).toHaveAttribute('aria-pressed', 'true');
      await checkPage(page, 'manage-calendar-week');

      await tabTo(page, m.requests);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: m.requests })).toBeFocused();
      if (lang === 'sv') {
        const card = page.getByRole('listitem', { name: m.vitalsens });
        await expect(card).toContainText('Vitalsens AB');
        await expect(card).toContainText('Region Stockholms simuleringscentrum');
        await expect(card.getByRole('heading', { level: 3 })).toHaveText(m.earlierPilots);
        await checkPage(page, 'manage-inbox');
        await tabTo(page, m.reject);
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible();
        // A rejection needs a reason, said beside the field.
        await tabTo(page, m.rejectConfirm);
        await page.keyboard.press('Enter');
        await expect(dialog.getByText(m.reasonNeeded).first()).toBeVisible();
        await checkPage(page, 'manage-reject-dialog');
        await tabTo(page, m.reason);
        await page.keyboard.type('Vi har inte personal för hemsjukvårdsprov den veckan.');
        await tabTo(page, m.rejectConfirm);
        await page.keyboard.press('Enter');
        await expect(dialog).toBeHidden();
        await expect(page.getByText(m.rejected)).toBeVisible();
        await expect(card).toHaveCount(0);
        // The card and its buttons are gone: the focus is on what was done, not lost to the page.
        await expect(page.locator('.done-notice')).toBeFocused();
      } else {
        await expect(page.getByRole('listitem', { name: m.vitalsens })).toHaveCount(0);
        await checkPage(page, 'manage-inbox');
      }
    });

    test('a draft is edited, refused publishing with the missing fields named, completed, published and retired', async ({
      page,
      baseURL,
    }) => {
      const sv = lang === 'sv';
      const token = await apiToken(baseURL!, MANAGER);
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      const me = (await (await fetch(`${baseURL}/api/v1/me`, { headers })).json()) as {
        memberships: Array<{ organizationId: string; kind: string }>;
      };
      const region = me.memberships.find((membership) => membership.kind === 'region')!.organizationId;
      const draft = await fetch(`${baseURL}/api/v1/testbeds`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          organizationId: region,
          name: `Utkastet ${lang} ${Date.now()}`,
          summary: 'Ett utkast utan kontakt.',
          environmentType: 'lab',
          domains: [],
          location: { municipality: 'Solna' },
        }),
      });
      expect(draft.status).toBe(201);
      const { id } = (await draft.json()) as { id: string };
      const renamed = `Omdöpta labbet ${lang} ${Date.now()}`;

      await signIn(page, WORDS[lang], MANAGER, `/manage/testbeds/${id}`);
      await expect(page.getByRole('heading', { level: 1, name: /Utkastet/ })).toBeVisible();
      // Publishing an incomplete profile names what is missing.
      await tabTo(page, sv ? 'Publicera' : 'Publish');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('alert')).toContainText(
        sv ? 'Ange en e-postadress för kontakt.' : 'Give a contact e-mail.',
      );
      await expect(page.getByRole('alert')).toContainText(
        sv ? 'Välj minst ett område.' : 'Choose at least one domain.',
      );
      await checkPage(page, 'manage-publish-refused');

      // Edit: a new name, a domain, a description and a contact.
      await tabTo(page, sv ? 'Ändra profilen' : 'Edit the profile');
      await page.keyboard.press('Enter');
      await expect(
        page.getByRole('heading', { level: 1, name: sv ? 'Ändra testbädden' : 'Edit the test bed' }),
      ).toBeFocused();
      await tabTo(page, sv ? 'Namn' : 'Name');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(renamed);
      await tabTo(page, sv ? 'Beskrivning' : 'Description');
      await page.keyboard.type('Ett labb med mätutrustning där företag prövar sensorer innan de går ut i vården.');
      await tabTo(page, sv ? 'Hälso- och sjukvård' : 'Health care');
      await page.keyboard.press('Space');
      await tabTo(page, sv ? 'E-post för kontakt' : 'Contact e-mail');
      await page.keyboard.type('utkast@demo.regionstockholm.se');
      await checkPage(page, 'manage-testbed-edit');
      await tabTo(page, sv ? 'Spara ändringarna' : 'Save the changes');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();

      // Publish, then retire after confirming; a retired test bed takes no new slots.
      await tabTo(page, sv ? 'Publicera' : 'Publish');
      await page.keyboard.press('Enter');
      await expect(page.locator('.tag--tb-published')).toBeVisible();
      await tabTo(page, sv ? 'Avveckla' : 'Retire');
      await page.keyboard.press('Enter');
      await tabTo(page, sv ? 'Ja, avveckla den' : 'Yes, retire it');
      await page.keyboard.press('Enter');
      await expect(page.locator('.tag--tb-retired')).toBeVisible();
      await expect(page.getByRole('heading', { name: sv ? 'Ny tid eller serie' : 'New slot or series' })).toHaveCount(
        0,
      );
      await checkPage(page, 'manage-testbed-retired');
    });

    test('a booked slot is closed with a reason and reopened by keyboard; the public page says it takes no bookings and why', async ({
      page,
      baseURL,
    }) => {
      const sv = lang === 'sv';
      const post = async (path: string, token: string, body: object) => {
        const response = await fetch(`${baseURL}/api/v1${path}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(response.status, path).toBeLessThan(300);
        return (await response.json()) as { id: string; items: Array<{ id: string; startsAt: string }> };
      };
      const token = await apiToken(baseURL!, MANAGER);
      const me = (await (
        await fetch(`${baseURL}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } })
      ).json()) as { memberships: Array<{ organizationId: string; kind: string }> };
      const region = me.memberships.find((membership) => membership.kind === 'region')!.organizationId;
      const name = `Stängningslabbet ${lang} ${Date.now()}`;
      const { id } = await post('/testbeds', token, {
        organizationId: region,
        name,
        summary: 'Ett labb för att pröva stängda tider.',
        description: 'Här prövar företag sensorer under ordnade former tillsammans med personalen.',
        environmentType: 'lab',
        domains: ['elderly-care'],
        location: { municipality: 'Solna' },
        capacity: 2,
        contactEmail: 'stangt@demo.regionstockholm.se',
      });
      await post(`/testbeds/${id}/publish`, token, {});
      const start = new Date(Date.now() + 30 * 86_400_000);
      start.setUTCHours(8, 0, 0, 0);
      // The booked slot comes first in the table, so the keyboard meets its buttons first; the next day's slot stays open.
      const [slot] = (
        await post(`/testbeds/${id}/slots`, token, {
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 4 * 3_600_000).toISOString(),
          capacity: 2,
        })
      ).items;
      await post(`/testbeds/${id}/slots`, token, {
        startsAt: new Date(start.getTime() + 86_400_000).toISOString(),
        endsAt: new Date(start.getTime() + 86_400_000 + 4 * 3_600_000).toISOString(),
        capacity: 2,
      });
      const booking = await post(`/slots/${slot!.id}/bookings`, await apiToken(baseURL!, COMPANY), {
        title: 'Pilot som får stå kvar',
      });
      const reason = sv ? 'Lokalen renoveras den veckan.' : 'The lab is being renovated that week.';

      await signIn(page, WORDS[lang], MANAGER, `/manage/testbeds/${id}`);
      await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
      await expect(
        page.getByText(sv ? /^Högst 2: så många piloter/ : /^At most 2: the number of pilots/),
      ).toBeVisible();
      const row = page.getByRole('row').filter({ hasText: sv ? '1 av 2 platser tagna' : '1 of 2 places taken' });
      await tabTo(page, sv ? /^Stäng tiden .* för nya bokningar$/ : /^Close the slot .* to new bookings$/);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText(
        sv ? '1 företag har eller väntar på en plats.' : '1 company holds or waits for a place.',
      );
      await expect(dialog.getByRole('textbox', { name: sv ? 'Skäl (frivilligt)' : 'Reason (optional)' })).toBeFocused();
      await page.keyboard.type(reason);
      await checkPage(page, 'manage-close-slot-dialog');
      await tabTo(page, sv ? 'Stäng tiden' : 'Close the slot');
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
      // Its button is gone with the open slot: the focus is on the notice of what was done.
      await expect(page.locator('.done-notice')).toBeFocused();
      await expect(page.locator('.done-notice')).toContainText(
        sv ? 'är stängd för nya bokningar.' : 'is closed to new bookings.',
      );
      await expect(row).toContainText(sv ? 'Stängd för nya bokningar' : 'Closed to new bookings');
      await expect(row).toContainText(sv ? `Stängd: ${reason}` : `Closed: ${reason}`);
      await expect(
        row.getByRole('button', {
          name: sv ? /^Öppna tiden .* för bokningar igen$/ : /^Reopen the slot .* for bookings$/,
        }),
      ).toBeVisible();
      await checkPage(page, 'manage-slot-closed');

      // The company's booking stays, and its history says why.
      const events = (await (
        await fetch(`${baseURL}/api/v1/bookings/${booking.id}/events`, {
          headers: { Authorization: `Bearer ${await apiToken(baseURL!, COMPANY)}` },
        })
      ).json()) as { items: Array<{ type: string; reason: string | null }> };
      expect(events.items).toContainEqual(expect.objectContaining({ type: 'slot-closed', reason }));

      // The public page keeps the slot in view, not bookable, with the reason.
      await page.goto(`/testbeds/${id}`);
      await expect(
        page.getByText(sv ? `Stängd för nya bokningar: ${reason}` : `Closed to new bookings: ${reason}`),
      ).toBeVisible();
      await checkPage(page, 'catalogue-slot-closed');

      await page.goto(`/manage/testbeds/${id}`);
      await expect(row).toContainText(sv ? `Stängd: ${reason}` : `Closed: ${reason}`);
      await tabTo(page, sv ? /^Öppna tiden .* för bokningar igen$/ : /^Reopen the slot .* for bookings$/);
      await page.keyboard.press('Enter');
      await expect(row).not.toContainText(reason);
      await expect(row).toContainText(sv ? 'Delvis bokad' : 'Partly booked');
      await expect(
        row.getByRole('button', {
          name: sv ? /^Stäng tiden .* för nya bokningar$/ : /^Close the slot .* to new bookings$/,
        }),
      ).toBeVisible();
    });

    test('a company member is offered no workspace, and a typed address shows not-found', async ({ page }) => {
      const w = WORDS[lang];
      await signIn(page, w, COMPANY, '/bookings');
      await expect(page.getByRole('navigation', { name: lang === 'sv' ? 'Huvudmeny' : 'Main menu' })).toBeVisible();
      await expect(page.getByRole('link', { name: w.workspace })).toHaveCount(0);
      for (const path of ['/manage', '/manage/requests', '/manage/calendar', '/manage/testbeds/new']) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: w.notFound })).toBeVisible();
        await expect(page.getByRole('link', { name: w.workspace })).toHaveCount(0);
      }
      await checkPage(page, 'manage-not-found-for-company');
    });
  });
}
