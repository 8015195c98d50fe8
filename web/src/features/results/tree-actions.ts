import type { Indicator, ResultNode } from '@shared/schemas/index.js';

/** What the framework tree asks its page to do; a feature adding an item to a node's menu adds a member here. */
export interface TreeActions {
  addChild: (parent: ResultNode) => void;
  addIndicator: (node: ResultNode) => void;
  /** Adopt an indicator from the organisation's library under the node. */
  addFromLibrary: (node: ResultNode) => void;
  edit: (node: ResultNode) => void;
  reorder: (node: ResultNode, by: -1 | 1) => void;
  moveTo: (node: ResultNode) => void;
  remove: (node: ResultNode) => void;
  editIndicator: (indicator: Indicator, node: ResultNode) => void;
  reorderIndicator: (indicator: Indicator, by: -1 | 1) => void;
  moveIndicator: (indicator: Indicator) => void;
  removeIndicator: (indicator: Indicator) => void;
}
