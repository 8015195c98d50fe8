import { Anchor, List, ScrollArea, Text } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlacedProblem } from './problem-places.js';

/** Problems with a link each to the cell or the narrative section they are about. */
export function ProblemList({ problems, onGoToCell, onGoToSection }: { problems: PlacedProblem[]; onGoToCell: (key: string) => void; onGoToSection: (section: string) => void }) {
  const { t } = useTranslation('submission');
  return (
    <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
      <List size="sm" spacing={4} data-testid="problem-list" center>
        {problems.map((p, i) => (
          <List.Item
            key={i}
            icon={p.severity === 'error' ? <IconAlertCircle size={16} color="var(--mantine-color-red-7)" aria-label={t('problems.error')} /> : <IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" aria-label={t('problems.warning')} />}
          >
            {p.cell ? (
              <Anchor component="button" type="button" size="sm" fw={600} onClick={() => onGoToCell(p.cell!)} dir="auto">
                {p.where}
              </Anchor>
            ) : p.section ? (
              <Anchor component="button" type="button" size="sm" fw={600} onClick={() => onGoToSection(p.section!)}>
                {t('problems.narratives')}
              </Anchor>
            ) : null}
            {(p.cell || p.section) && ': '}
            <Text span size="sm">
              {p.message}
            </Text>
          </List.Item>
        ))}
      </List>
    </ScrollArea.Autosize>
  );
}
