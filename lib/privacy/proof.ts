import proofFile from '@/content/personvern/proof.json';
import registryFile from '@/content/personvern/claims.json';

/**
 * What /apenhet shows of the claims registry: each checkable promise in plain words, with the
 * day the test suite last proved it, and each promise people answer for, with who. Both files
 * are read when the site is built; `npm test` rewrites proof.json after a run that proved
 * every claim (scripts/claims.ts).
 */
export const PROOF_FILE = 'content/personvern/proof.json';

export type Proof = { provedOn: string; commit: string; claims: Record<string, string> };

export type ProvedClaim = { id: string; says: string; provedOn: string | null };
export type AnsweredPromise = { id: string; says: string; answers: string };

type RegistryText = { claims: Record<string, { says: string }>; promises: Record<string, { says: string; answers: string }> };

/** A claim the last run did not prove (it is new, or the run failed) has no day. */
export function provedClaims(
  registry: RegistryText = registryFile,
  proof: Partial<Proof> = proofFile,
): { claims: ProvedClaim[]; promises: AnsweredPromise[]; commit: string | null } {
  const claims = Object.entries(registry.claims).map(([id, c]) => ({ id, says: c.says, provedOn: proof.claims?.[id] || null }));
  const promises = Object.entries(registry.promises).map(([id, p]) => ({ id, says: p.says, answers: p.answers }));
  return { claims, promises, commit: proof.commit || null };
}
