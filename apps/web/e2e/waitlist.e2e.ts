import { apiToken, checkPage, COMPANY, DEMO_PASSWORD, expect, OTHER_COMPANY, test } from './fixtures';

const WORDS = {
  sv: {
    email: 'E-postadress',
    password: 'Lösenord',
    signIn: 'Logga in',
    wait: /^Ställ dig i kö till/,
    consent: /Ja, ställ mitt företag i kö/,
    submit: 'Ställ oss i kö',
    done: 'Ni står i kö',
    full: 'Fullbokad',
    required: 'Kryssa i rutan om du vill stå i kö',
  },
  en: {
    email: 'E-mail address',
    password: 'Password',
    signIn: 'Sign in',
    wait: /^Join the waiting list for/,
    consent: /Yes, put my company on the waiting list/,
    submit: 'Join the waiting list',
    done: 'You are on the waiting list',
    full: 'Full',
    required: 'Tick the box if you want to join the waiting list',
  },
};

interface Slot {
  id: string;
  bookable?: boolean;
  remaining: number;
}

for (const lang of ['sv', 'en'] as const) {
  test.describe(`a full slot offers the waiting list (${lang})`, () => {
    test.use({ lang });

    test('another company took the only place; this one joins the waiting list after agreeing', async ({
      page,
      baseURL,
    }) => {
      const w = WORDS[lang];
      // Vitalsens takes the only place of the first slot it may book at Solgården.
      const testbed = (
        (await (await fetch(`${baseURL}/api/v1/testbeds?q=Solg%C3%A5rden`)).json()) as { items: Array<{ id: string }> }
      ).items[0]!;
      const other = await apiToken(baseURL!, OTHER_COMPANY);
      const headers = { Authorization: `Bearer ${other}`, 'Content-Type': 'application/json' };
      const slots = (
        (await (await fetch(`${baseURL}/api/v1/testbeds/${testbed.id}/slots`, { headers })).json()) as { items: Slot[] }
      ).items;
      const slot = slots.find((candidate) => candidate.bookable && candidate.remaining > 0)!;
      expect(slot, 'a slot Vitalsens may book').toBeTruthy();
      const booked = await fetch(`${baseURL}/api/v1/slots/${slot.id}/bookings`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: 'Vitalsens tar platsen' }),
      });
      expect(booked.status).toBe(201);

      await page.goto(`/sign-in?next=${encodeURIComponent(`/testbeds/${testbed.id}`)}`);
      await page.getByRole('textbox', { name: w.email }).fill(COMPANY);
      await page.getByLabel(w.password, { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: w.signIn, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: /Solgården/ })).toBeVisible();

      const row = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('button', { name: w.wait }) })
        .first();
      await expect(row).toContainText(w.full);
      await row.getByRole('button', { name: w.wait }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox').first().fill('Vi väntar gärna');
      // Not without agreeing to wait.
      await dialog.getByRole('button', { name: w.submit }).click();
      await expect(dialog.getByText(w.required).first()).toBeVisible();
      await checkPage(page, 'waitlist-dialog');
      await dialog.getByRole('checkbox', { name: w.consent }).check();
      await dialog.getByRole('button', { name: w.submit }).click();
      await expect(dialog.getByRole('heading', { name: w.done })).toBeVisible();
    });
  });
}
