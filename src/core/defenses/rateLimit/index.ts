/**
 * Rate limit at run time: a gate that counts each account's answers per day and refuses the
 * query once the day's limit is reached; on honest traffic, the share of accounts whose own daily
 * use ever exceeds the limit.
 */
import type { DefenseRuntime } from '../../registry/runtime-types';
import { QUERY_STATUS } from '../../types';
import { shareBlocked } from './limits';
import { rateLimitMeta } from './meta';

/** Days per account in the answered-today key (account * DAY_SLOTS + day). */
const DAY_SLOTS = 65536;

export const rateLimit: DefenseRuntime = {
  id: 'rateLimit',
  meta: rateLimitMeta,
  stage({ config }) {
    const { perDay } = config.defense.rateLimit;
    /** answers given per account-day */
    const answeredToday = new Map<number, number>();
    return {
      gate(account, day) {
        const key = account * DAY_SLOTS + day;
        const used = answeredToday.get(key) ?? 0;
        if (used >= perDay) return QUERY_STATUS.rateLimited;
        answeredToday.set(key, used + 1);
        return null;
      },
    };
  },
  honest: ({ config, volumes }) => ({
    benignBlocked: shareBlocked(volumes, config.defense.rateLimit.perDay),
  }),
};
