import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { REGION_ADMIN } from './admin-helpers';
import { apiToken, checkPage, COMPANY, DEMO_PASSWORD, expect, tabTo, test } from './fixtures';
import { MANAGER, signIn, WORDS } from './manager-fixtures';

// A care-home nurse brings a need to an innovation sluice by keyboard alone, finding a similar one while she types;
// the sluice's manager screens it and accepts it with a matched test bed; a company answers the public need, the
// manager accepts the answer, and the company books the matched test bed with the need linked. Both languages.

const I18N = join(import.meta.dirname, '../src/i18n');
const read = (lang: 'sv' | 'en', file: string) => JSON.parse(readFileSync(join(I18N, lang, file), 'utf8'));
const STAFFER = 'sara.holm@demo.regionstockholm.se';

interface World {
  stamp: string;
  sluice: { id: string; name: string };
  nurse: string;
  similarTitle: string;
  needTitle: string;
  testbed: string;
}

const headers = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });

async function post<T>(base: string, path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method: 'POST',
    headers: headers(token),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A sluice of Region Stockholm for care, a nurse on its staff, a public need of a colleague like the one she will
 * bring, and a published care-home test bed with an open slot that the sluice can match the need to.
 */
async function buildWorld(base: string, lang: 'sv' | 'en'): Promise<World> {
  const stamp = `${lang}${Date.now().toString(36)}`;
  const manager = await apiToken(base, MANAGER);
  const me = (await (await fetch(`${base}/api/v1/me`, { headers: headers(manager) })).json()) as {
    memberships: Array<{ organizationId: string; kind: string }>;
  };
  const region = me.memberships.find((membership) => membership.kind === 'region')!.organizationId;
  const name = `Omsorgsslussen ${stamp}`;
  const sluice = await post<{ id: string }>(base, '/sluices', manager, {
    organizationId: region,
    name,
    description:
      'Behov från personalen i vård och omsorg, och idéer från företag som vill pröva lösningar i våra verksamheter.',
    domains: ['elderly-care', 'health'],
    submitters: ['staff', 'companies'],
    answerWithinDays: 10,
  });
  const nurse = `nora.${stamp}@demo.regionstockholm.se`;
  await post(base, `/organizations/${region}/members`, await apiToken(base, REGION_ADMIN), {
    email: nurse,
    name: 'Nora Sjöberg',
    role: 'member',
    password: DEMO_PASSWORD,
  });
  const similarTitle = `Boende faller nattetid utan att någon märker det ${stamp}`;
  await post(base, `/sluices/${sluice.id}/ideas`, await apiToken(base, STAFFER), {
    kind: 'need',
    title: similarTitle,
    description:
      'På natten är vi två i tjänst för fyra avdelningar. Den som faller kan ligga länge innan vi hittar henne.',
    domains: ['elderly-care'],
    public: true,
  });
  const testbed = `Trygghetsboendet ${stamp}`;
  const created = await post<{ id: string }>(base, '/testbeds', manager, {
    organizationId: region,
    name: testbed,
    summary: 'Ett äldreboende där nattpersonalen prövar fallsensorer och larm tillsammans med företag.',
    description:
      'Trettio lägenheter i två plan. Nattpersonalen prövar fallsensorer, nattlarm och tillsyn på distans med de boende.',
    environmentType: 'real',
    domains: ['elderly-care'],
    location: { municipality: 'Stockholm' },
    contactEmail: 'trygghet@demo.regionstockholm.se',
    capacity: 2,
    timezone: 'Europe/Stockholm',
    rules: {
      requiresApproval: true,
      minLeadDays: 0,
      maxAdvanceDays: 365,
      maxActiveBookingsPerCompany: 50,
      decisionDays: 5,
    },
  });
  await post(base, `/testbeds/${created.id}/publish`, manager);
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  startsAt.setUTCHours(7, 0, 0, 0);
  await post(base, `/testbeds/${created.id}/slots`, manager, {
    startsAt,
    endsAt: new Date(startsAt.getTime() + 5 * 86_400_000),
    capacity: 2,
  });
  return {
    stamp,
    sluice: { id: sluice.id, name },
    nurse,
    similarTitle,
    needTitle: `Nattpersonalen hinner inte fram när boende faller ${stamp}`,
    testbed,
  };
}

async function signOut(page: Page, lang: 'sv' | 'en') {
  await page.getByRole('button', { name: WORDS[lang].signOut, exact: true }).click();
  await expect(page.getByRole('link', { name: WORDS[lang].signIn })).toBeVisible();
}

for (const lang of ['sv', 'en'] as const) {
  test.describe(`an innovation sluice takes a nurse's need to a matched test bed (${lang})`, () => {
    test.use({ lang });
    test.describe.configure({ mode: 'serial' });
    const d = read(lang, 'ideas.json');
    const c = read(lang, 'common.json');
    const b = read(lang, 'booking.json');
    const w = WORDS[lang];
    let world: World;

    test.beforeAll(async () => {
      world = await buildWorld(process.env.SLUSSEN_WEB_URL!, lang);
    });

    test('the nurse finds the sluice and submits a need by keyboard alone, seeing a similar one while she types', async ({
      page,
    }) => {
      await signIn(page, w, world.nurse, '/search');
      await tabTo(page, c.nav.sluices);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: d.sluices.title })).toBeVisible();
      await checkPage(page, 'sluices');

      await tabTo(page, world.sluice.name, 400);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: world.sluice.name })).toBeVisible();
      const facts = page.locator('dl.facts');
      await expect(facts).toContainText(d.sluice.promiseDays_other.replace('{{count}}', '10'));
      await expect(facts).toContainText(d.submitters.companies);
      await checkPage(page, 'sluice');

      await tabTo(page, d.sluice.submit.need);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: d.form.pageTitle.need })).toBeVisible();
      await expect(page.getByText(d.form.onlyKind.need)).toBeVisible();
      // A company's idea is not hers to send: one kind, and a need may be published.
      await expect(page.getByRole('radiogroup')).toHaveCount(0);

      // Sending nothing: the summary and the fields say what is missing.
      await tabTo(page, d.form.submit.need);
      await page.keyboard.press('Enter');
      const summary = page.getByRole('alert').filter({ hasText: c.errorSummary });
      await expect(summary).toBeFocused();
      await expect(summary.getByRole('link', { name: d.form.titleMissing })).toBeVisible();
      await expect(summary.getByRole('link', { name: d.form.descriptionMissing })).toBeVisible();
      await checkPage(page, 'submit-errors');

      // While she types, the colleague's public need shows up, said politely, with a way to follow it instead.
      await tabTo(page, d.form.title);
      await page.keyboard.type('Boende faller nattetid');
      const similar = page.getByRole('region', { name: d.similar.title });
      await expect(similar.getByRole('status').first()).toContainText(
        lang === 'sv' ? /liknande idé(er)? (och|eller) behov finns/ : /similar ideas? (and|or) needs? already exists?/,
      );
      await expect(similar.getByRole('link', { name: new RegExp(world.similarTitle) })).toBeVisible();
      await expect(
        similar.getByRole('button', { name: d.follow.startLabel.replace('{{title}}', world.similarTitle) }),
      ).toBeVisible();
      await checkPage(page, 'submit-similar');

      // Hers is another need: she writes it out and sends it.
      await page.keyboard.press(process.platform === 'darwin' ? 'Meta+A' : 'Control+A');
      await page.keyboard.type(world.needTitle);
      await tabTo(page, d.form.description);
      await page.keyboard.type(
        'Larmet går till en telefon som den som är i tjänst ofta inte hör när hen är hos någon annan.',
      );
      await tabTo(page, lang === 'sv' ? 'Äldreomsorg' : 'Elderly care');
      await page.keyboard.press('Space');
      await tabTo(page, d.form.affects.need);
      await page.keyboard.type(
        lang === 'sv' ? 'Boende med fallrisk och nattpersonalen, varje natt' : 'Residents at risk, every night',
      );
      await tabTo(page, d.form.public);
      await page.keyboard.press('Space');
      await tabTo(page, d.form.submit.need);
      await page.keyboard.press('Enter');

      await expect(page.getByRole('heading', { level: 1, name: world.needTitle })).toBeVisible();
      await expect(
        page.getByRole('status').filter({ hasText: d.done.submitted.need_other.split('!')[0] }),
      ).toBeVisible();
      await expect(page.locator('dl.facts')).toContainText(d.status.submitted);
      await expect(page.locator('dl.facts')).toContainText(d.idea.isPublic);
      await checkPage(page, 'idea-submitted');

      // Her need is among hers.
      await page.getByRole('link', { name: c.nav.ideas, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: d.mine.title })).toBeVisible();
      const own = page.getByRole('region', { name: d.mine.ownTitle });
      await expect(own.getByRole('link', { name: world.needTitle })).toBeVisible();
      // The colleague's public need is hers to follow, not hers.
      await expect(own.getByRole('link', { name: world.similarTitle })).toHaveCount(0);
      await checkPage(page, 'my-ideas');
    });

    test('the sluice manager screens the need within the promise, accepts it with a matched test bed and writes to the nurse', async ({
      page,
    }) => {
      await signIn(page, w, MANAGER, '/ideas');
      await expect(page.getByRole('heading', { level: 1, name: d.mine.title })).toBeVisible();
      await page.getByRole('link', { name: world.sluice.name, exact: true }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: d.screening.title.replace('{{name}}', world.sluice.name) }),
      ).toBeVisible();
      const waiting = page.getByRole('region', { name: new RegExp(`^${d.status.submitted}`) });
      const card = waiting.getByRole('listitem').filter({ hasText: world.needTitle });
      await expect(card).toContainText(
        `${d.waiting.waited_other.replace('{{count}}', '0')}, ${d.waiting.left_other.replace('{{count}}', '10')}`,
      );
      await checkPage(page, 'screening');

      await card.getByRole('link', { name: world.needTitle }).click();
      await expect(page.getByRole('heading', { level: 1, name: world.needTitle })).toBeVisible();
      await checkPage(page, 'idea-manager');
      await page.getByRole('button', { name: d.actions.screen }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: d.screenDialog.confirm }).click();
      await expect(page.getByRole('status').filter({ hasText: d.done.screening })).toBeVisible();
      await expect(page.locator('dl.facts')).toContainText(d.status.screening);

      // The catalogue's suggestions, ranked; choosing none is told beside the question.
      await page.getByRole('button', { name: d.actions.accept }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('checkbox', { name: new RegExp(world.testbed) })).toBeVisible();
      await dialog.getByRole('button', { name: d.acceptDialog.confirm }).click();
      await expect(dialog.locator('.field-error')).toHaveText(d.acceptDialog.noneChosen);
      await checkPage(page, 'accept-dialog');
      await dialog.getByRole('checkbox', { name: new RegExp(world.testbed) }).check();
      await dialog.getByRole('button', { name: d.acceptDialog.confirm }).click();
      await expect(page.getByRole('status').filter({ hasText: d.done.accepted })).toBeVisible();
      await expect(page.locator('dl.facts')).toContainText(d.status.accepted);
      await expect(page.locator('dl.facts').getByRole('link', { name: world.testbed })).toBeVisible();

      // A word to the nurse, newest last.
      const conversation = page.getByRole('region', { name: d.conversation.title });
      await conversation
        .getByLabel(d.conversation.body, { exact: true })
        .fill('Vi matchar behovet mot Trygghetsboendet.');
      await conversation.getByRole('button', { name: d.conversation.send }).click();
      await expect(conversation.getByRole('listitem').last()).toContainText('Vi matchar behovet mot Trygghetsboendet.');
      await checkPage(page, 'idea-accepted');

      // The colleague's need goes no further here: declined with a reason she will read.
      await page.getByRole('link', { name: world.sluice.name, exact: true }).click();
      await page.getByRole('link', { name: d.sluice.toScreening.replace('{{name}}', world.sluice.name) }).click();
      await page.getByRole('link', { name: world.similarTitle }).click();
      await expect(page.getByRole('heading', { level: 1, name: world.similarTitle })).toBeVisible();
      await page.getByRole('button', { name: d.actions.decline }).click();
      const decline = page.getByRole('dialog');
      await decline.getByRole('button', { name: d.declineDialog.confirm }).click();
      await expect(decline.locator('.field-error')).toHaveText(d.declineDialog.textMissing);
      await checkPage(page, 'decline-dialog');
      await decline
        .getByLabel(d.declineDialog.text, { exact: true })
        .fill('Det liknar Noras behov, som vi redan matchar.');
      await decline.getByRole('button', { name: d.declineDialog.confirm }).click();
      await expect(page.getByRole('status').filter({ hasText: d.done.declined })).toBeVisible();
      await expect(page.locator('dl.facts')).toContainText(d.status.declined);
      await expect(page.locator('dl.facts')).toContainText('Det liknar Noras behov, som vi redan matchar.');
      const history = page.getByRole('region', { name: d.history.title });
      await expect(history.getByRole('listitem').last()).toContainText(d.history.declined);
      await expect(history.getByRole('listitem').last()).toContainText('Det liknar Noras behov, som vi redan matchar.');
    });

    test('a company answers the public need; once the manager accepts its answer it books the matched test bed with the need linked', async ({
      page,
    }) => {
      await signIn(page, w, COMPANY, '/ideas');
      const needs = page.getByRole('region', { name: d.mine.needsTitle });
      await needs.getByRole('link', { name: world.needTitle }).click();
      await expect(page.getByRole('heading', { level: 1, name: world.needTitle })).toBeVisible();
      // Li follows the need to hear of each change.
      const follow = page.getByRole('region', { name: d.follow.title });
      await follow.getByRole('button', { name: d.follow.start, exact: true }).click();
      await expect(follow.getByRole('status')).toHaveText(d.follow.youFollowLong);
      await expect(follow.getByRole('button', { name: d.follow.stop })).toBeVisible();
      // The ideas page lists it under what Li follows, no longer among the needs to answer.
      const needPath = new URL(page.url()).pathname;
      await page.getByRole('navigation', { name: c.nav.label }).getByRole('link', { name: c.nav.ideas }).click();
      const followed = page.getByRole('region', { name: d.mine.followingTitle });
      await expect(followed.getByRole('link', { name: world.needTitle })).toBeVisible();
      await expect(
        page.getByRole('region', { name: d.mine.needsTitle }).getByRole('link', { name: world.needTitle }),
      ).toHaveCount(0);
      await page.goto(needPath);
      const answers = page.getByRole('region', { name: d.answers.ourTitle });
      await answers.getByRole('button', { name: d.answers.send }).click();
      await expect(answers.locator('.field-error')).toHaveText(d.answers.descriptionMissing);
      await checkPage(page, 'idea-company');
      await answers
        .getByLabel(d.answers.description, { exact: true })
        .fill('CareUp Natt: sängsensorer som larmar till personalens bärbara enhet inom fem sekunder.');
      await answers.getByRole('button', { name: d.answers.send }).click();
      await expect(page.getByRole('status').filter({ hasText: d.done.answered })).toBeVisible();
      await expect(answers.getByRole('listitem')).toContainText(d.answers.status.submitted);
      const ideaPath = new URL(page.url()).pathname;
      await signOut(page, lang);

      // Johan accepts CareUp's answer.
      await signIn(page, w, MANAGER, ideaPath);
      await page.getByRole('button', { name: d.answers.acceptLabel.replace('{{company}}', 'CareUp AB') }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: d.answers.acceptConfirm }).click();
      await expect(
        page.getByRole('status').filter({ hasText: d.done.answerAccepted.replace('{{company}}', 'CareUp AB') }),
      ).toBeVisible();
      await signOut(page, lang);

      // Li books the matched test bed from the need; the booking carries it.
      await signIn(page, w, COMPANY, ideaPath);
      await expect(page.getByRole('heading', { level: 3, name: d.answers.bookTitle })).toBeVisible();
      await checkPage(page, 'idea-company-accepted');
      await page.getByRole('link', { name: d.answers.book.replace('{{name}}', world.testbed) }).click();
      await expect(page.getByRole('heading', { level: 1, name: world.testbed })).toBeVisible();
      await page.getByRole('button', { name: w.book }).first().click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText(b.dialog.linkedIdea);
      await dialog.getByLabel(w.bookingTitle, { exact: true }).fill(`Nattlarm ${world.stamp}`);
      await dialog.getByRole('button', { name: w.submit }).click();
      await expect(dialog.getByRole('heading', { name: w.sent })).toBeVisible();
      await dialog.getByRole('link', { name: w.open }).click();
      await page.getByRole('link', { name: b.details.openIdea }).click();
      await expect(page.getByRole('heading', { level: 1, name: world.needTitle })).toBeVisible();
      const token = await apiToken(process.env.SLUSSEN_WEB_URL!, COMPANY);
      const bookings = (await (
        await fetch(`${process.env.SLUSSEN_WEB_URL}/api/v1/bookings?limit=200`, { headers: headers(token) })
      ).json()) as { items: Array<{ id: string; title: string; ideaId: string | null }> };
      const booking = bookings.items.find((item) => item.title === `Nattlarm ${world.stamp}`)!;
      expect(booking.ideaId).toBe(ideaPath.split('/').pop());
      await signOut(page, lang);

      // The test bed confirms the booking: the need is piloting; when the pilot has told, Johan closes it with a result.
      await post(
        process.env.SLUSSEN_WEB_URL!,
        `/bookings/${booking.id}/approve`,
        await apiToken(process.env.SLUSSEN_WEB_URL!, MANAGER),
      );
      await signIn(page, w, MANAGER, ideaPath);
      await expect(page.locator('dl.facts')).toContainText(d.status.piloting);
      await expect(page.getByRole('region', { name: d.history.title })).toContainText(d.history.piloting);
      await page.getByRole('button', { name: d.actions.close }).click();
      const close = page.getByRole('dialog');
      await close.getByLabel(d.closeDialog.text, { exact: true }).fill('Sängsensorerna upphandlas 2027.');
      await close.getByRole('button', { name: d.closeDialog.confirm }).click();
      await expect(page.getByRole('status').filter({ hasText: d.done.closed })).toBeVisible();
      await expect(page.locator('dl.facts')).toContainText(d.status.closed);
      await expect(page.locator('dl.facts')).toContainText('Sängsensorerna upphandlas 2027.');
      await checkPage(page, 'idea-closed');
    });
  });
}

for (const lang of ['sv', 'en'] as const) {
  test.describe(`the demo's innovation sluice, as its nurse and its manager meet it (${lang})`, () => {
    test.use({ lang });
    const d = read(lang, 'ideas.json');
    const w = WORDS[lang];

    test('a visitor reads the sluices without signing in, and is asked to sign in to submit', async ({ page }) => {
      await page.goto('/sluices');
      await page.getByRole('link', { name: 'Region Stockholms innovationssluss', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Region Stockholms innovationssluss' })).toBeVisible();
      await expect(page.getByRole('link', { name: d.sluice.signInToSubmit })).toBeVisible();
      await checkPage(page, 'sluice-anonymous');
    });

    test("Sara answers the manager's question on her need in screening; Johan finds the answered public need and CareUp's idea waiting", async ({
      page,
    }) => {
      await signIn(page, w, STAFFER, '/ideas');
      // Her own region's sluice is one step away, not only through the list of all sluices.
      await expect(
        page.getByRole('link', { name: d.mine.submitNeedTo.replace('{{name}}', 'Region Stockholms innovationssluss') }),
      ).toHaveAttribute('href', /^\/sluices\/[^/]+\/submit\?kind=need$/);
      // A year of closed needs: the ten newest, the rest on request, where she carries on.
      const ended = page.getByRole('region', { name: new RegExp(`^${d.mine.endedTitle}`) });
      await expect(ended.locator('h4 a')).toHaveCount(10);
      const total = Number((await ended.locator('h3 .meta').innerText()).replace(/\D/g, ''));
      expect(total).toBeGreaterThan(10);
      await ended.getByRole('button', { name: d.mine.showAllEnded.replace('{{count}}', String(total)) }).click();
      await expect(ended.locator('h4 a')).toHaveCount(total);
      await expect(ended.locator('h4 a').nth(10)).toBeFocused();
      const own = page.getByRole('region', { name: d.mine.ownTitle, exact: true });
      await own.getByRole('link', { name: 'Fall nattetid på vårdboendet' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Fall nattetid på vårdboendet' })).toBeVisible();
      await expect(page.locator('dl.facts')).toContainText(d.status.screening);
      const conversation = page.getByRole('region', { name: d.conversation.title });
      await expect(conversation).toContainText('Vet ni om fallen oftast sker vid sängen');
      const reply = `Oftast på vägen till toaletten (${lang}).`;
      await conversation.getByLabel(d.conversation.body, { exact: true }).fill(reply);
      await conversation.getByRole('button', { name: d.conversation.send }).click();
      await expect(conversation.getByRole('listitem').last()).toContainText(reply);
      await checkPage(page, 'demo-need-nurse');
      await signOut(page, lang);

      await signIn(page, w, MANAGER, '/ideas');
      await page.getByRole('link', { name: 'Region Stockholms innovationssluss', exact: true }).click();
      const waiting = page.getByRole('region', { name: new RegExp(`^${d.status.submitted}`) });
      await expect(waiting.getByRole('link', { name: 'Röststyrt trygghetslarm' })).toBeVisible();
      await expect(
        page.getByRole('region', { name: new RegExp(`^${d.status.screening}`) }).getByRole('link', {
          name: 'Fall nattetid på vårdboendet',
        }),
      ).toBeVisible();
      await waiting.getByRole('link', { name: 'Ensamhet bland boende i hemtjänsten' }).click();
      const answers = page.getByRole('region', { name: d.answers.title });
      await expect(answers).toContainText('Vitalsens erbjuder en enkel bildskärm');
      await expect(
        answers.getByRole('button', { name: d.answers.acceptLabel.replace('{{company}}', 'Vitalsens AB') }),
      ).toBeVisible();
      await checkPage(page, 'demo-answered-need');
    });
  });
}
