import type { LotQualityStatus } from '@kapok/contracts';
import { stateBadge } from './StateBadge';

/** A lot's quality status: only RELEASED stock may be reserved, issued, consumed or shipped. */
export const LotStatusBadge = stateBadge<LotQualityStatus>('quality.lotStatus', {
  QUARANTINE: 'yellow',
  RELEASED: 'green',
  REJECTED: 'red',
  BLOCKED: 'grape',
});
