/** Which of the pane's two themes matches Office's: Office gives colours, the pane needs light or dark. */
import { isDarkColour } from '../app/theme';
import type { ThemeKind } from '../app/theme';

/** Office's body background decides; hosts that do not say (older Office) get the light theme. */
export function officeThemeKind(): ThemeKind {
  const background = (Office.context as { officeTheme?: { bodyBackgroundColor?: string } } | undefined)?.officeTheme?.bodyBackgroundColor;
  return background && isDarkColour(background) ? 'dark' : 'light';
}
