/**
 * How councils say which way is good, in the cell under "Good performance", "Polarity", "Aim" or "Better if".
 * Cells are compared in lower case with runs of spaces made one.
 *
 * Precedence: first a lead-in ("Aim:", "Aim to", "Good is") is taken off the front; then the longest phrase of
 * POLARITY_OPENINGS that the cell is, or starts with as whole words, decides ("High - very or fairly
 * satisfied" is high); failing that, the first phrase of POLARITY_ANYWHERE found anywhere in the cell. A cell
 * none of them matches has no polarity the reader can tell (the engine then asks for review).
 */
import type { Polarity } from '../types';

/** Words before the polarity that add nothing to it: "Aim: Maximise", "Aim to reduce", "Good is high". */
export const POLARITY_LEAD_INS: readonly string[] = [
  'aim is to',
  'aim to',
  'aim is',
  'aim',
  'good performance is',
  'good is',
  'better if',
  'better is',
  'target is to',
  'we want to',
];

/** Phrases a polarity cell is, or starts with. */
export const POLARITY_OPENINGS: Readonly<Record<string, Polarity>> = {
  high: 'high',
  higher: 'high',
  h: 'high',
  up: 'high',
  increase: 'high',
  increasing: 'high',
  bigger: 'high',
  more: 'high',
  maximise: 'high',
  maximize: 'high',
  max: 'high',
  '↑': 'high',
  '▲': 'high',
  '⬆': 'high',
  'higher is better': 'high',
  'high is good': 'high',
  'bigger is better': 'high',
  'more is better': 'high',
  'larger is better': 'high',
  'greater is better': 'high',
  low: 'low',
  lower: 'low',
  l: 'low',
  down: 'low',
  decrease: 'low',
  decreasing: 'low',
  reduce: 'low',
  reduction: 'low',
  smaller: 'low',
  less: 'low',
  fewer: 'low',
  minimise: 'low',
  minimize: 'low',
  min: 'low',
  '↓': 'low',
  '▼': 'low',
  '⬇': 'low',
  'lower is better': 'low',
  'low is good': 'low',
  'smaller is better': 'low',
  'less is better': 'low',
  'fewer is better': 'low',
  range: 'range',
  'within limits': 'range',
  'within range': 'range',
  'in range': 'range',
  'n/a': 'none',
  na: 'none',
  'not applicable': 'none',
  none: 'none',
  info: 'none',
  information: 'none',
  neutral: 'none',
  'no polarity': 'none',
  neither: 'none',
  contextual: 'none',
  '-': 'none',
};

/** Phrases that decide the polarity wherever they stand in the cell, in this order. */
export const POLARITY_ANYWHERE: readonly (readonly [string, Polarity])[] = [
  ['higher is better', 'high'],
  ['high is good', 'high'],
  ['bigger is better', 'high'],
  ['more is better', 'high'],
  ['lower is better', 'low'],
  ['low is good', 'low'],
  ['smaller is better', 'low'],
  ['less is better', 'low'],
  ['within limits', 'range'],
  ['within range', 'range'],
  ['in range', 'range'],
];
