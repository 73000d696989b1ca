/**
 * Campaign detection at run time. The chat kind runs it (scenarios/chat/campaignWatch.ts): it
 * records every answered request of the attacker's and the honest users' accounts
 * (./fingerprint.ts), groups look-alike accounts at the end of each day (./cluster.ts), bans the
 * flagged ones through the API (PredictionApi.ban) and builds `result.campaign` with the cluster
 * picture (./projection.ts). Inside the API its stage is a gate that refuses nothing: the bans it
 * makes are the API's own, which refuse a banned account before any gate.
 */
import type { DefenseRuntime } from '../../registry/runtime-types';
import { campaignMeta } from './meta';

export { campaignMeta };

export const campaign: DefenseRuntime = {
  id: 'campaign',
  meta: campaignMeta,
  stage: () => ({ gate: () => null }),
  report: {
    key: 'campaign',
    // Every kind's result carries `campaign` (null when off); only the chat kind, which builds
    // the report itself, can switch the defense on (meta.isOn).
    build: () => {
      throw new Error(
        'campaign detection is built by the chat kind (scenarios/chat/campaignWatch.ts)',
      );
    },
  },
};
