import { escapeHtml } from '../steps/requestInformation';

/**
 * How a school is asked for its evaluation, in the mail: the service's online form by its link
 * when there is one (`config.evaluationFormUrl`), else the evaluation form attached, to fill in
 * and send back.
 */
export function evaluationAsk(formUrl: string | undefined, serviceEmail: string): string {
  if (formUrl) {
    const link = escapeHtml(formUrl);
    return `<p>Please complete the school evaluation form online: <a href="${link}">${link}</a>. Your view helps us improve.</p>`;
  }
  return `<p>Please fill in the attached school evaluation form and send it back to ${escapeHtml(serviceEmail)}. Your view helps us improve.</p>`;
}
