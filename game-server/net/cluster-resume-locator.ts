/** The ResumeLocator of Redis mode: held resume tokens are announced (as digests) so any node can route a resume. */
import type { ClusterDirectory } from '../cluster/index.js';
import type { ResumeLocator } from './resume-upgrade.js';

/** Forwards to the directory once it exists (`directory()` null: embedded mode or not yet started). */
export function clusterResumeLocator(
  directory: () => ClusterDirectory | null,
  warn: (obj: object, msg: string) => void,
): ResumeLocator {
  const failed = (err: unknown) => warn({ err: String(err) }, 'cluster: resume index update failed');
  return {
    held: (token, graceMs) => {
      directory()?.recordResume(token, graceMs).catch(failed);
    },
    forgotten: (token) => {
      directory()?.forgetResume(token).catch(failed);
    },
  };
}
