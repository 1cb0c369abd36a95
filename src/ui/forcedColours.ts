/**
 * The chosen row or red flag in Windows high-contrast (forced colours) mode, where backgrounds are replaced
 * by the system's: an outline in the system's Highlight colour marks it, as a selected item is marked there.
 * One rule for every list that marks its chosen item with aria-current, whichever component draws it.
 */
import { makeStaticStyles } from '@fluentui/react-components';

export const useForcedColourSelection = makeStaticStyles(`
@media (forced-colors: active) {
  [aria-current="true"] { outline: 3px solid Highlight; outline-offset: -3px; }
  tr[aria-current="true"] > td, tr[aria-current="true"] > th { border-top: 3px solid Highlight; border-bottom: 3px solid Highlight; }
  li:has(> * [aria-current="true"]), li:has(> [aria-current="true"]) { outline: 3px solid Highlight; outline-offset: -3px; }
}
`);
