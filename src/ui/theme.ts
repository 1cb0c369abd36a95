/** The screens' themes: Fluent's web light and dark themes, picked to match the host. */
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Theme } from '@fluentui/react-components';
import type { ThemeKind } from '../app/theme';

export function fluentTheme(kind: ThemeKind): Theme {
  return kind === 'dark' ? webDarkTheme : webLightTheme;
}
