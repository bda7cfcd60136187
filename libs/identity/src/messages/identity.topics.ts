/** Identity's messages to people (invitations, password links), written in the transaction that makes them. */
export interface IdentityTopics {
  'identity.invitation': { invitationId: string };
  'identity.password-reset': { passwordTokenId: string };
  'identity.password-setup': { passwordTokenId: string; organizationId: string };
}

declare module '@slussen/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface OutboxTopics extends IdentityTopics {}
}

export const IDENTITY_TOPICS: Record<keyof IdentityTopics, true> = {
  'identity.invitation': true,
  'identity.password-reset': true,
  'identity.password-setup': true,
};
