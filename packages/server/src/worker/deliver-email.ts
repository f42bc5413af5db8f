import { isDeliveryError, type Mailer, type OutgoingEmail } from '../email/mailer.js';
import type { DeliveryOutcome } from './job-kind.js';

/**
 * Sends one email through the mailer, with the job's last-moment `claim` run inside the SMTP
 * transaction (after the relay's answer to DATA, right before the message's bytes). Maps the
 * mailer's errors to an outcome: a 5xx reply or a message that cannot be composed is permanent,
 * everything else transient (4xx, network, the database down during the claim).
 */
export async function deliverEmail(
  mailer: Mailer,
  email: OutgoingEmail,
  claim: () => Promise<boolean>,
): Promise<DeliveryOutcome> {
  try {
    const accepted = await mailer.send(email, { beforeData: claim });
    return accepted ? { status: 'delivered' } : { status: 'withheld' };
  } catch (error) {
    const failure = isDeliveryError(error) ? error : undefined;
    const message = failure?.message ?? (error instanceof Error ? error.message : String(error));
    return { status: 'failed', permanent: failure?.permanent ?? false, message };
  }
}
