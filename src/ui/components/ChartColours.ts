import type { DotKey, StatusKey } from '../../engine/types';

/**
 * Bar colours for the summary chart: mid-tones of the sheet's status colours, since the sheet's pale fills
 * vanish on a light pane and its dark fonts on a dark one. Bars are never the only signal: every bar sits
 * beside its status in words and its count.
 */
export const STATUS_BAR_COLOURS: Record<StatusKey, string> = {
  'on-target': '#2E7D32',
  satisfactory: '#C77C02',
  'off-target': '#C62828',
  'under-development': '#7B5EA7',
  'not-applicable': '#8A8A8A',
  'not-available': '#2F6DA3',
  'needs-review': '#B5531B',
};

export const DOT_BAR_COLOURS: Record<DotKey, string> = {
  improved: '#2E7D32',
  stable: '#B08C00',
  worse: '#C62828',
  increase: '#5C6BC0',
  decrease: '#5C6BC0',
  'not-applicable': '#8A8A8A',
};
