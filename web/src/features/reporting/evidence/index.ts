/** The submission page's evidence: narratives with their translations, attachments, and the Excel menu. Each takes `{ detail: SubmissionDetail }`. */
export type { SubmissionDetail } from '@shared/schemas/index.js';
export { AttachmentsPanel } from './AttachmentsPanel.js';
export { NarrativesPanel } from './NarrativesPanel.js';
export { SubmissionExcelMenu } from './SubmissionExcelMenu.js';
