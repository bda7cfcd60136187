import { apiToken, checkPage, DEMO_PASSWORD, expect, tabTo, test } from './fixtures';
import { apiUrl, mailTo, REGION_ADMIN, SIGN_IN_WORDS, signInHere } from './admin-helpers';

const WORDS = {
  sv: {
    nav: 'Organisation',
    title: 'Administrera Region Stockholm',
    inviteEmail: 'E-postadress',
    inviteName: 'Namn',
    role: 'Roll',
    send: 'Skicka inbjudan',
    invited: /Vi har e-postat en inbjudan till/,
    pending: 'Inbjudningar som väntar på svar',
    withdraw: /Dra tillbaka inbjudan till/,
    invitationTitle: 'Inbjudan till en organisation',
    offerTitle: 'Region Stockholm bjuder in dig',
    signInToAnswer: 'Logga in för att svara',
    accept: 'Tacka ja till inbjudan',
    accepted: 'Du har tackat ja',
    nowMember: 'Du är nu medlem i Region Stockholm.',
    feeds: 'Kalenderadresser',
    revokeFeed: /^Återkalla Region Stockholm, skapad av Karin Lindqvist/,
    revokeYes: 'Ja, återkalla',
    feedRevoked: 'Kalenderadressen för Region Stockholm är återkallad.',
    members: 'Medlemmar',
    changeFor: 'Ändra Sara Holm',
    changeRole: 'Byt roll',
    newRole: 'Ny roll',
    saveRole: 'Spara rollen',
    roleChanged: 'Sara Holm är nu förvaltare.',
    manager: 'förvaltare',
    member: 'medlem',
    emailMissing: 'Skriv e-postadressen',
    problem: 'Det finns ett problem',
    gone: /Vi hittar ingen öppen inbjudan/,
  },
  en: {
    nav: 'Organization',
    title: 'Administer Region Stockholm',
    inviteEmail: 'E-mail address',
    inviteName: 'Name',
    role: 'Role',
    send: 'Send the invitation',
    invited: /We have e-mailed an invitation to/,
    pending: 'Invitations waiting for an answer',
    withdraw: /Withdraw the invitation to/,
    invitationTitle: 'Invitation to an organization',
    offerTitle: 'Region Stockholm invites you',
    signInToAnswer: 'Sign in to answer',
    accept: 'Accept the invitation',
    accepted: 'You have accepted',
    nowMember: 'You are now member in Region Stockholm.',
    feeds: 'Calendar feeds',
    revokeFeed: /^Revoke Region Stockholm, made by Karin Lindqvist/,
    revokeYes: 'Yes, revoke',
    feedRevoked: 'The calendar feed of Region Stockholm has been revoked.',
    members: 'Members',
    changeFor: 'Change Sara Holm',
    changeRole: 'Change role',
    newRole: 'New role',
    saveRole: 'Save the role',
    roleChanged: 'Sara Holm is now manager.',
    manager: 'manager',
    member: 'member',
    emailMissing: 'Enter the e-mail address',
    problem: 'There is a problem',
    gone: /We find no open invitation/,
  },
};

// Someone with an account elsewhere (a municipality's manager) is invited to the region.
const INVITEE = { sv: 'eva.berg@demo.stockholm.se', en: 'per.olsson@demo.lund.se' };

for (const lang of ['sv', 'en'] as const) {
  test.describe(`a region admin runs the region's members (${lang})`, () => {
    test.use({ lang });

    test('invites a person by keyboard, who opens the e-mailed link, signs in and accepts', async ({ page }) => {
      const w = WORDS[lang];
      const s = SIGN_IN_WORDS[lang];
      await page.goto('/sign-in');
      await signInHere(page, lang, REGION_ADMIN, DEMO_PASSWORD);
      await page.getByRole('navigation').getByRole('link', { name: w.nav }).click();
      await expect(page.getByRole('heading', { level: 1, name: w.title })).toBeVisible();
      await expect(page.getByRole('rowheader', { name: 'Karin Lindqvist' })).toBeVisible();
      await checkPage(page, 'organization-members');

      // Nothing typed: the error beside the field and in the summary.
      await page.getByRole('button', { name: w.send }).click();
      const summary = page.getByRole('alert').filter({ hasText: w.problem });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('link', { name: w.emailMissing })).toBeVisible();
      await checkPage(page, 'organization-invite-errors');

      // Keyboard only: the invitation form.
      await page.getByRole('heading', { level: 1 }).focus();
      await tabTo(page, w.inviteEmail);
      await page.keyboard.type(INVITEE[lang]);
      await tabTo(page, w.inviteName);
      await page.keyboard.type('Inbjuden Person');
      await tabTo(page, w.role);
      await tabTo(page, w.send);
      await page.keyboard.press('Enter');
      await expect(page.getByText(w.invited)).toBeVisible();
      const pending = page
        .getByRole('region', { name: w.pending })
        .or(page.locator('section', { has: page.getByRole('heading', { name: w.pending }) }));
      await expect(pending.getByText(INVITEE[lang], { exact: true })).toBeVisible();
      await expect(
        pending.getByRole('button', { name: new RegExp(`${w.withdraw.source} ${INVITEE[lang]}`) }),
      ).toBeVisible();

      const token = (await mailTo(INVITEE[lang], /\/invitations\/([A-Za-z0-9_-]+)/))[1]!;
      await page.getByRole('button', { name: s.signOut, exact: true }).click();
      await expect(page.getByRole('link', { name: s.submit }).first()).toBeVisible();

      // The link from the e-mail: sign in there, come back, accept.
      await page.goto(`/invitations/${token}`);
      await expect(page.getByRole('heading', { level: 1, name: w.invitationTitle })).toBeVisible();
      await checkPage(page, 'invitation-signed-out');
      await page.getByRole('link', { name: w.signInToAnswer }).click();
      await signInHere(page, lang, INVITEE[lang], DEMO_PASSWORD);
      await expect(page).toHaveURL(new RegExp(`/invitations/${token}$`));
      await expect(page.getByRole('heading', { level: 1, name: w.offerTitle })).toBeVisible();
      await expect(page.getByText('Karin Lindqvist')).toBeVisible();
      await expect(page.getByRole('button', { name: w.accept })).toBeVisible();
      await checkPage(page, 'invitation');
      await page.getByRole('button', { name: w.accept }).click();
      await expect(page.getByRole('heading', { level: 1, name: w.accepted })).toBeVisible();
      await expect(page.getByText(w.nowMember)).toBeVisible();
      await checkPage(page, 'invitation-accepted');

      // The same link again is used up: said in words, not a crash.
      await page.goto(`/invitations/${token}`);
      await expect(page.getByText(w.gone)).toBeVisible();
      await expect(page.getByRole('button', { name: w.accept })).toHaveCount(0);
      await checkPage(page, 'invitation-gone');

      // The invitee is a member now, in the region's list.
      const me = await fetch(`${apiUrl()}/api/v1/me`, {
        headers: { Authorization: `Bearer ${await apiToken(apiUrl(), INVITEE[lang])}` },
      }).then((r) => r.json() as Promise<{ memberships: Array<{ organizationName: string; role: string }> }>);
      expect(me.memberships).toEqual(
        expect.arrayContaining([expect.objectContaining({ organizationName: 'Region Stockholm', role: 'member' })]),
      );
    });

    test('changes a role through the row menu and revokes a calendar feed', async ({ page }) => {
      const w = WORDS[lang];
      const karin = await apiToken(apiUrl(), REGION_ADMIN);
      const me = await fetch(`${apiUrl()}/api/v1/me`, { headers: { Authorization: `Bearer ${karin}` } }).then(
        (r) => r.json() as Promise<{ memberships: Array<{ organizationId: string; organizationName: string }> }>,
      );
      const region = me.memberships.find(
        (membership) => membership.organizationName === 'Region Stockholm',
      )!.organizationId;
      const feed = await fetch(`${apiUrl()}/api/v1/organizations/${region}/calendar-tokens`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${karin}` },
      });
      expect(feed.status).toBe(201);

      await page.goto(`/organization/${region}`);
      await signInHere(page, lang, REGION_ADMIN, DEMO_PASSWORD);
      await expect(page.getByRole('heading', { level: 1, name: w.title })).toBeVisible();

      // Sara Holm: member → manager, and back, through the menu in her row.
      for (const [to, done] of [
        [w.manager, w.roleChanged],
        [w.member, null],
      ] as const) {
        await page.getByRole('button', { name: w.changeFor }).click();
        await page.getByRole('menuitem', { name: w.changeRole }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel(w.newRole).selectOption({ label: to });
        if (done) await checkPage(page, 'organization-change-role');
        await dialog.getByRole('button', { name: w.saveRole }).click();
        await expect(dialog).toBeHidden();
        if (done) await expect(page.getByText(done)).toBeVisible();
        await expect(
          page.getByRole('row', { name: /Sara Holm/ }).getByRole('gridcell', { name: to, exact: true }),
        ).toBeVisible();
      }

      await page.getByRole('tab', { name: w.feeds }).click();
      await expect(page).toHaveURL(/tab=calendar-feeds/);
      const revoke = page.getByRole('button', { name: w.revokeFeed }).first();
      await expect(revoke).toBeVisible();
      await checkPage(page, 'organization-feeds');
      await revoke.click();
      await page.getByRole('alertdialog').getByRole('button', { name: w.revokeYes }).click();
      await expect(page.getByText(w.feedRevoked)).toBeVisible();
      const url = ((await feed.json()) as { url: string }).url;
      expect((await fetch(url.replace(/^https?:\/\/[^/]+/, apiUrl()))).status).toBe(401);
    });
  });
}
