import type { ComponentType } from 'react';
import type { CurrentUser } from '@shared/schemas/index.js';

/** A navigation entry a feature contributes to the sidebar. `visible` only hides; the server decides access. */
export interface NavItem {
  to: string;
  /** i18n key in the feature's namespace, e.g. `projects:nav.projects`. */
  label: string;
  icon: ComponentType<{ size?: number }>;
  section?: 'main' | 'admin';
  visible?: (user: CurrentUser) => boolean;
}
