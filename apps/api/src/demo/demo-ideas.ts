import type { INestApplicationContext } from '@nestjs/common';
import { AccountsService } from '@slussen/identity';
import { ConversationService, IdeasService, SluicesService } from '@slussen/ideas';
import { DEMO_PASSWORD } from './demo-data.js';

/** Region Stockholm's innovation sluice and what has come in: every text as a person would write it. */
export const DEMO_SLUICE = {
  manager: 'johan.ek@demo.regionstockholm.se',
  /** Sara Holm works as a nurse (sjuksköterska) at one of the region's care homes. */
  nurse: 'sara.holm@demo.regionstockholm.se',
  company: 'emma.wiklund@demo.vitalsens.se',
  ideaCompany: 'li.andersson@demo.careup.se',
  sluice: {
    name: 'Region Stockholms innovationssluss',
    description:
      'Här lämnar regionens medarbetare behov från vardagen i vård och omsorg, och företag idéer och lösningar. Vi svarar inom två veckor och matchar det som antas med en av regionens testbäddar.',
    domains: ['elderly-care', 'welfare-technology', 'health'] as const,
    submitters: ['staff', 'companies'] as const,
    answerWithinDays: 14,
  },
  /** In screening: the nurse's need, with the manager's first question. */
  screening: {
    title: 'Fall nattetid på vårdboendet',
    description:
      'Boende med demens går upp på natten för att gå på toaletten och faller. Nattpersonalen är två på tjugo boende och upptäcker ofta fallet först vid nästa tillsyn, ibland efter en timme.',
    affects: 'Boende med demens på vård- och omsorgsboenden; två till tre fall i veckan på vår avdelning',
    domains: ['elderly-care', 'welfare-technology'] as const,
    question: 'Tack! Vet ni om fallen oftast sker vid sängen eller på vägen till toaletten?',
  },
  /** Public and answered by a company. */
  answered: {
    title: 'Ensamhet bland boende i hemtjänsten',
    description:
      'Många äldre med hemtjänst träffar ingen annan än personalen under veckan. Vi söker sätt att bryta ensamheten som fungerar för den som inte använder dator eller smarttelefon.',
    affects: 'Äldre med hemtjänst som bor ensamma, varje dag',
    domains: ['elderly-care', 'digital-services'] as const,
    answer:
      'Vitalsens erbjuder en enkel bildskärm utan knappar där anhöriga och frivilliga kan ringa in på bestämda tider. Vi har prövat den med tjugo brukare i en kommun och kan börja en pilot inom en månad.',
  },
  /** A company's own idea, just submitted. */
  idea: {
    title: 'Röststyrt trygghetslarm',
    description:
      'Ett trygghetslarm som också kan utlösas med rösten, för den som fallit och inte når armbandsknappen. Larmet går till samma larmcentral som i dag.',
    domains: ['elderly-care', 'welfare-technology'] as const,
  },
};

/**
 * Region Stockholm's innovation sluice, through the real services as people
 * would use it: the nurse's need is in screening (with the manager's first
 * question), a public need answered by Vitalsens awaits the managers, and
 * CareUp's idea has just come in.
 */
export async function seedSluice(
  app: INestApplicationContext,
): Promise<{ sluiceId: string; needId: string; organizationId: string; nurseUserId: string }> {
  const accounts = app.get(AccountsService);
  const as = async (email: string) => (await accounts.authenticate(email, DEMO_PASSWORD))!;
  const [manager, nurse, company, ideaCompany] = [
    await as(DEMO_SLUICE.manager),
    await as(DEMO_SLUICE.nurse),
    await as(DEMO_SLUICE.company),
    await as(DEMO_SLUICE.ideaCompany),
  ];
  const ideas = app.get(IdeasService);
  const conversation = app.get(ConversationService);
  const sluice = await app.get(SluicesService).create(manager, {
    organizationId: manager.memberships[0]!.organizationId,
    ...DEMO_SLUICE.sluice,
    domains: [...DEMO_SLUICE.sluice.domains],
    submitters: [...DEMO_SLUICE.sluice.submitters],
  });
  const { question, ...screening } = DEMO_SLUICE.screening;
  const need = await ideas.submit(nurse, sluice.id, {
    kind: 'need',
    ...screening,
    domains: [...screening.domains],
    public: true,
  });
  await ideas.decide(manager, need.id, { action: 'screen' });
  await conversation.postMessage(manager, need.id, question);

  const { answer, ...answered } = DEMO_SLUICE.answered;
  const open = await ideas.submit(nurse, sluice.id, {
    kind: 'need',
    ...answered,
    domains: [...answered.domains],
    public: true,
  });
  await conversation.answer(company, open.id, { description: answer });

  await ideas.submit(ideaCompany, sluice.id, {
    kind: 'idea',
    ...DEMO_SLUICE.idea,
    domains: [...DEMO_SLUICE.idea.domains],
  });
  return { sluiceId: sluice.id, needId: need.id, organizationId: sluice.organizationId, nurseUserId: nurse.userId! };
}
