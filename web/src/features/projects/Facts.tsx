import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

/** Label–value pairs of a detail card, values aligned in one column whatever the labels' lengths. */
export function Facts({ children }: { children: ReactNode }) {
  return <DataList labelWidth={140}>{children}</DataList>;
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      {/* A fixed column: a long label wraps inside it instead of pushing its value out of line. */}
      <DataList.ItemLabel style={{ flex: '0 0 var(--data-list-label-width)' }}>{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ minWidth: 0 }}>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
