import type { CardRequest } from './cards';

const reference = /\b(OC-\d{2}-[0-9A-Z]{5})\b/i;

/** Removes the bot's @mention and Teams' markup from what the person typed. */
function plain(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What a chat message asks for: the manifest's commands and the ways people say them
 * ("new referral", "log a referral", "refer a child"; "my cases", "caseload"; "due", "what's due"...).
 */
export function parseCommand(text: string): CardRequest {
  const said = plain(text);
  const lower = said.toLowerCase();
  const ref = reference.exec(said)?.[1]?.toUpperCase();
  if (lower === '' || /^(help|hi|hello|hey|start|menu|\?|what can you do\??)$/.test(lower)) return { kind: 'help' };
  if (ref && /^(chronology|history)\b/.test(lower)) return { kind: 'chronology', reference: ref };
  if (/\b(log|record|add|enter)\b.*\b(time|hours)\b|^time\b/.test(lower)) return ref ? { kind: 'log-time', reference: ref } : { kind: 'log-time' };
  if (/\b(new|log|make|start|add|submit)\b.*\breferral\b|\brefer\b|^referral$/.test(lower)) return { kind: 'new-referral' };
  if (/^(what'?s |what is )?(coming )?due( soon| next)?\??$|^what'?s coming up\??$/.test(lower.replace(/’/g, "'"))) return { kind: 'due' };
  if (/\b(my )?(cases|caseload|case list)\b/.test(lower) && !ref) return { kind: 'my-cases' };
  if (ref) return { kind: 'case', reference: ref };
  if (/^case\b/.test(lower)) return { kind: 'case', reference: said.slice(4).trim() };
  return { kind: 'unknown', text: said };
}
