import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  attachments: string[];
}

/** A real SMTP server in the test process that keeps what arrives. */
export async function startSmtpReceiver(
  options: { refuse?: (recipient: string) => boolean } = {},
): Promise<{ url: string; received: ReceivedMail[]; close: () => Promise<void> }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // `refuse` answers a recipient with a temporary failure (451), as a busy server would.
    onRcptTo(address, _session, done) {
      if (options.refuse?.(address.address)) done(Object.assign(new Error('try again later'), { responseCode: 451 }));
      else done();
    },
    onData(stream, session, done) {
      simpleParser(stream)
        .then((mail) => {
          for (const recipient of session.envelope.rcptTo) {
            received.push({
              to: recipient.address,
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              messageId: mail.messageId ?? '',
              attachments: mail.attachments.map((attachment) => attachment.filename ?? ''),
            });
          }
          done();
        })
        .catch(done);
    },
  });
  // A sender killed in mid-conversation (the fault suite's SIGKILL) resets its socket: not the test's failure.
  server.on('error', () => undefined);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}
