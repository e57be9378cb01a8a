import type { RoundFormat } from '../../rounds/definitions';
import type { EndReason, PartState } from '../../rounds/roundState';

export const FORMAT_LABEL: Record<RoundFormat, string> = {
  implementation: 'implementation',
  debugging: 'debugging',
  progressive: 'progressive levels',
  'post-training': 'LLM post-training',
  'classic-ml': 'classic ML',
  mixed: 'mixed',
};

export const END_REASON_LABEL: Record<EndReason, string> = {
  'time-up': 'time ran out',
  completed: 'all parts done',
  ended: 'ended early',
};

export const PART_STATE_LABEL: Record<PartState, string> = {
  locked: 'locked',
  open: 'in progress',
  accepted: 'accepted',
  skipped: 'skipped',
};

export const PART_STATE_ICON: Record<Exclude<PartState, 'locked'>, string> = {
  open: '●',
  accepted: '✓',
  skipped: '↷',
};

export function formatDate(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
